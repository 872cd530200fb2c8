/** The pure policy rules: which config judges, which files are policy, and what each check says. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT, parseConfig } from '../../src/config/config.js';
import {
  brainFileProblems,
  configPolicyChanges,
  encryptedValuesChanged,
  environmentOfRbacFolder,
  judgingConfig,
  policyFilesOf,
  rbacFileProblems,
  sopsRecipientChanges,
} from '../../src/plan/modes/validate/policy.js';
import { propertyOptions } from '../helpers/fc.js';

const config = (text: string) => parseConfig('flux-pkg.yaml', text).config;
const BASE = config('environments:\n  - name: dev\n  - name: prod\n    promoteFrom: dev\n');

describe('judgingConfig', () => {
  it('keeps the base’s rules for what the base has, and takes the entries of environments the head adds', () => {
    const head = config(
      'environments:\n  - name: dev\n  - name: prod\n  - name: qa\n    promoteFrom: dev\n    requireEncryption: true\npromotion:\n  overrideLabels: [yolo]\n',
    );
    const judged = judgingConfig(BASE, head);
    expect(judged.environments!.map((e) => [e.name, e.promoteFrom])).toEqual([
      ['dev', undefined],
      ['prod', 'dev'],
      ['qa', 'dev'],
    ]);
    expect(judged.promotion.overrideLabels).toEqual(['hotfix']);
    expect(configPolicyChanges(BASE, head)).toEqual([
      expect.stringContaining('promotion'),
      expect.stringMatching(/environment "prod".*"promoteFrom":"dev".*→ \{"name":"prod"\}/),
      expect.stringMatching(/environment "qa" \(none\) →/),
    ]);
  });

  it('the same config judges itself and lists nothing', () => {
    expect(judgingConfig(BASE, BASE)).toEqual(BASE);
    expect(configPolicyChanges(BASE, BASE)).toEqual([]);
  });
});

describe('policy files', () => {
  it('classifies RBAC folders, the Brain folder (not flux-system), flux-pkg.yaml and .sops.yaml', () => {
    const files = policyFilesOf(
      [
        'app/prod-rbac/rbac.yaml',
        'app/prod/params.yaml',
        'clusters/brain/app/prod.yaml',
        'clusters/brain/flux-system/gotk-sync.yaml',
        'clusters/brain/kustomization.yaml',
        '.sops.yaml',
        'flux-pkg.yaml',
      ],
      DEFAULT_LAYOUT,
    );
    expect(files).toEqual({
      rbac: [{ path: 'app/prod-rbac/rbac.yaml', component: 'app' }],
      brain: [
        { path: 'clusters/brain/app/prod.yaml', component: 'app' },
        { path: 'clusters/brain/kustomization.yaml', component: undefined },
      ],
      sops: true,
      config: true,
    });
    expect(environmentOfRbacFolder(DEFAULT_LAYOUT, 'prod-rbac')).toBe('prod');
    expect(environmentOfRbacFolder(DEFAULT_LAYOUT, 'prod')).toBeUndefined();
  });

  it('an RBAC folder holds namespaced RBAC only; a Deployment there is refused at its kind', () => {
    const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\n';
    expect(rbacFileProblems('a/prod-rbac/x.yaml', text, false).map((d) => [d.code, d.line])).toEqual([
      ['policy.rbac-kind', 2],
    ]);
  });

  it('a Brain Flux object that does not fit its CRD schema is refused', () => {
    const text =
      'apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: x\n  namespace: flux-system\nspec:\n  interval: 10m\n  prune: maybe\n';
    const problems = brainFileProblems('clusters/brain/app/x.yaml', 'app', text, {
      layout: DEFAULT_LAYOUT,
      policy: { allowClusterScope: [] },
      repositoryUrl: 'https://github.com/o/r',
      components: new Set(['app']),
    });
    expect(problems.map((d) => d.code)).toContain('policy.schema');
  });
});

describe('.sops.yaml', () => {
  const rules = (age: string) => `creation_rules:\n  - path_regex: prod/.*\n    age: ${age}\n`;
  it('lists recipients added and removed per rule', () => {
    expect(sopsRecipientChanges(rules('age1aaa'), rules('age1aaa,age1bbb'))).toEqual([
      '.sops.yaml: rule "prod/.*": adds age:age1bbb',
    ]);
    expect(sopsRecipientChanges(rules('age1aaa'), rules('age1aaa'))).toEqual([]);
    expect(sopsRecipientChanges(undefined, rules('age1aaa'))).toHaveLength(1);
  });

  it('tells changed encrypted values from changed sops metadata (sops updatekeys)', () => {
    const file = (value: string, mac: string) =>
      `kind: Secret\nstringData:\n  v: ENC[AES256_GCM,data:${value},iv:a,tag:b,type:str]\nsops:\n  mac: ${mac}\n  age:\n    - recipient: age1x\n`;
    expect(encryptedValuesChanged(file('A', 'M'), file('A', 'N'))).toBe(false);
    expect(encryptedValuesChanged(file('A', 'M'), file('B', 'N'))).toBe(true);
    expect(encryptedValuesChanged(undefined, file('A', 'M'))).toBe(true);
    expect(encryptedValuesChanged('kind: Secret\n', 'kind: Secret\nx: 1\n')).toBe(false);
  });
});

describe('judgingConfig, for any head', () => {
  const name = fc.constantFrom('dev', 'qa', 'staging', 'prod', 'perf');
  const head = fc
    .record({
      envs: fc.uniqueArray(fc.record({ name, from: fc.option(name, { nil: undefined }) }), {
        selector: (e) => e.name,
        maxLength: 5,
      }),
      labels: fc.array(fc.constantFrom('hotfix', 'yolo', 'x'), { maxLength: 3 }),
    })
    .map(({ envs, labels }) => ({
      ...BASE,
      environments: envs.map((e) => ({ name: e.name, promoteFrom: e.from })),
      promotion: { ...BASE.promotion, overrideLabels: labels },
    }));

  it('never changes what the base says about its own environments, labels or policy', () => {
    fc.assert(
      fc.property(head, (h) => {
        const judged = judgingConfig(BASE, h);
        expect(judged.promotion).toEqual(BASE.promotion);
        expect(judged.policy).toEqual(BASE.policy);
        expect(judged.layout).toEqual(BASE.layout);
        expect(judged.environments!.slice(0, BASE.environments!.length)).toEqual(BASE.environments);
        const names = new Set(judged.environments!.map((e) => e.name));
        for (const e of judged.environments!) if (e.promoteFrom) expect(names.has(e.promoteFrom)).toBe(true);
      }),
      propertyOptions({ seed: 16, numRuns: 200 }),
    );
  });
});

describe('the Brain folder’s kustomization.yaml', () => {
  const ctx = {
    layout: DEFAULT_LAYOUT,
    policy: { allowClusterScope: [] },
    repositoryUrl: 'https://github.com/o/r',
    components: new Set(['app']),
  };
  it('lists its own files and folders only: patches and outside paths are refused at their lines', () => {
    const text =
      'resources:\n  - prod.yaml\n  - ../../app/prod\n  - https://example.com/x.yaml\npatches:\n  - path: p.yaml\n';
    const problems = brainFileProblems('clusters/brain/app/kustomization.yaml', 'app', text, ctx);
    expect(problems.map((d) => [d.code, d.line])).toEqual([
      ['policy.kustomization', 5],
      ['policy.kustomization', 3],
      ['policy.kustomization', 4],
    ]);
    const fine =
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - app.default.tap\n  - flux-system\n';
    expect(brainFileProblems('clusters/brain/kustomization.yaml', undefined, fine, ctx)).toEqual([]);
  });
});

describe('an RBAC folder’s kustomization.yaml', () => {
  it('lists its own files only: a resource outside the folder is refused', () => {
    const text = 'resources:\n  - rbac.yaml\n  - ../../other/admin.yaml\n';
    expect(
      rbacFileProblems('app/prod-rbac/kustomization.yaml', text, false).map((d) => [d.code, d.line]),
    ).toEqual([['policy.kustomization', 3]]);
    expect(
      rbacFileProblems('app/prod-rbac/kustomization.yaml', 'resources:\n  - rbac.yaml\n', false),
    ).toEqual([]);
  });
});

describe('repository text in policy notes stays on one line', () => {
  it('a recipient with a newline and a workflow command is escaped', () => {
    const hostile = 'creation_rules:\n  - age: "age1x\\n::add-mask::y"\n';
    const [line] = sopsRecipientChanges(undefined, hostile);
    expect(line).not.toContain('\n');
    expect(line).toContain('\\n::add-mask::');
  });
});
