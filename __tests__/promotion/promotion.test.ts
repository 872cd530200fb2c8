/** The pure parts of promotion: the environment graph, the gate's scope and checks, the promote planner. */
import { describe, expect, it } from 'vitest';
import { setAnnotation } from '../../src/carvel/render.js';
import { schemaKeyChanges } from '../../src/carvel/schema-diff.js';
import { parseConfig } from '../../src/config/config.js';
import { overrideLabelOf, promotedOn } from '../../src/config/graph.js';
import { loadBaseFacts } from '../../src/plan/load/base.js';
import { scopeOfChanges } from '../../src/plan/model/changes.js';
import { environmentOfStatus } from '../../src/plan/modes/promote/health.js';
import { plan } from '../../src/plan/plan.js';
import { MemorySnapshot } from '../../src/repo/snapshot.js';
import { KUSTOMIZATION, packageFile, packageInstallFile, sampleRepo } from '../helpers/gitops.js';

const REF = 'app.default.tap';
const CHAIN = `environments:
  - name: dev
  - name: prod
    promoteFrom: dev
    promoteWhen: healthy
promotion:
  overrideLabels: [hotfix, emergency]
  statusCreators: [flux-bot]
`;
const repo = (overrides: Record<string, string | undefined> = {}) =>
  new MemorySnapshot(sampleRepo({ 'flux-pkg.yaml': CHAIN, ...overrides }));

describe('flux-pkg.yaml promotion settings and the graph', () => {
  it('reads promoteWhen and promotion, and reports a promoteFrom cycle at its line', () => {
    const { config, diagnostics } = parseConfig('flux-pkg.yaml', CHAIN);
    expect(diagnostics).toEqual([]);
    expect(promotedOn(config, 'dev', 'healthy')).toEqual(['prod']);
    expect(promotedOn(config, 'dev', 'merged')).toEqual([]);
    expect(overrideLabelOf(config, ['docs', 'emergency'])).toBe('emergency');
    expect(overrideLabelOf(config, ['docs'])).toBeUndefined();
    const cycle = parseConfig(
      'flux-pkg.yaml',
      'environments:\n  - name: a\n    promoteFrom: b\n  - name: b\n    promoteFrom: a\n',
    );
    expect(cycle.diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([
      ['config.promote-cycle', 3, expect.stringContaining('a ← b ← a')],
      ['config.promote-cycle', 5, expect.stringContaining('b ← a ← b')],
    ]);
    expect(
      parseConfig('flux-pkg.yaml', 'environments:\n  - name: a\n    promoteWhen: soon\n').diagnostics,
    ).toHaveLength(1);
  });

  it('maps a Flux commit status context to its environment, and nothing else', () => {
    const { config } = parseConfig('flux-pkg.yaml', CHAIN);
    const components = [{ name: REF, environments: ['dev', 'prod'] }];
    expect(
      environmentOfStatus(config, `kustomization/${REF}-dev-packageinstalls/0c9c2e41`, components),
    ).toEqual({
      component: REF,
      environment: 'dev',
    });
    for (const context of [
      'ci/build',
      `kustomization/${REF}-dev-packages/1`,
      `kustomization/${REF}-qa-packageinstalls/1`,
    ])
      expect(environmentOfStatus(config, context, components)).toBeUndefined();
  });
});

describe('the gate', () => {
  const paths = Object.keys(sampleRepo());
  const layout = parseConfig('flux-pkg.yaml', CHAIN).config.layout;
  it('scopes a pull request to what it touches, widening on Packages and flux-pkg.yaml', () => {
    expect(scopeOfChanges([`${REF}/dev/params.yaml`, 'README.md'], paths, layout)).toEqual({
      [REF]: ['dev'],
    });
    expect(scopeOfChanges([`${REF}/dev/params.yaml`, `${REF}/packages/1.1.0.yaml`], paths, layout)).toEqual({
      [REF]: '*',
    });
    expect(scopeOfChanges(['flux-pkg.yaml'], paths, layout)).toBeUndefined();
    expect(scopeOfChanges(['docs/x.md'], paths, layout)).toEqual({});
  });

  it('flags out-of-order promotion unless labelled, and a Package changed in place', async () => {
    const { config } = parseConfig('flux-pkg.yaml', CHAIN);
    const base = await loadBaseFacts(repo(), config);
    expect(base.versions).toEqual({ [`${REF}/dev`]: '1.0.0', [`${REF}/prod`]: '1.0.0' });
    const head = repo({ [`${REF}/prod/packageinstall.yaml`]: packageInstallFile(REF, '1.1.0') });
    const request = { kind: 'validate' as const, scope: { [REF]: ['prod'] }, base };
    const flagged = await plan(head, request);
    expect(flagged.valid).toBe(false);
    expect(flagged.diagnostics.map((d) => [d.code, d.file, d.line])).toEqual([
      ['promotion.out-of-order', `${REF}/prod/packageinstall.yaml`, 13],
    ]);
    expect(flagged.environments.map((e) => e.environment)).toEqual(['prod']);
    const labelled = await plan(head, { ...request, labels: ['emergency'] });
    expect(labelled.valid).toBe(true);
    expect(labelled.diagnostics.map((d) => d.code)).toEqual(['promotion.override']);

    const rewritten = repo({
      [`${REF}/packages/1.0.0.yaml`]: packageFile(REF, '1.0.0').replace(
        '2023-03-21T00:40:57Z',
        '2024-01-01T00:00:00Z',
      ),
    });
    const changed = await plan(rewritten, { kind: 'validate', scope: { [REF]: '*' }, base });
    expect(changed.diagnostics.map((d) => [d.code, d.file])).toEqual([
      ['package.changed-in-place', `${REF}/packages/1.0.0.yaml`],
    ]);
  });

  it('requires the values Secret a PackageInstall references: one verdict for the CLI and the gate', async () => {
    const snapshot = repo({
      [`${REF}/dev/params.yaml`]: undefined,
      [`${REF}/dev/kustomization.yaml`]: KUSTOMIZATION.replace('- params.yaml\n', ''),
    });
    const whole = await plan(snapshot, { kind: 'validate' });
    const base = { versions: {}, packages: {} };
    const gated = await plan(snapshot, { kind: 'validate', scope: { [REF]: ['dev'] }, base });
    for (const result of [whole, gated]) {
      expect(result.valid).toBe(false);
      expect(result.diagnostics.map((d) => [d.code, d.severity, d.file])).toEqual([
        ['packageinstall.values-secret-missing', 'error', `${REF}/dev/packageinstall.yaml`],
      ]);
    }
  });
});

describe('the promote planner', () => {
  it('gives the target the upstream version, with what the new schema changes', async () => {
    const schema = `      openAPIv3:
        type: object
        required: [hostname]
        properties:
          hostname: {type: string}
          replicas: {type: integer}`;
    const snapshot = repo({
      [`${REF}/packages/1.1.0.yaml`]: packageFile(REF, '1.1.0', schema),
      [`${REF}/dev/packageinstall.yaml`]: packageInstallFile(REF, '1.1.0'),
    });
    const result = await plan(snapshot, {
      kind: 'promote',
      promotions: [{ component: REF, environment: 'prod' }],
    });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const [prod] = result.environments;
    expect([prod!.fromVersion, prod!.toVersion]).toEqual(['1.0.0', '1.1.0']);
    expect(prod!.promotion).toMatchObject({
      from: 'dev',
      downgrade: false,
      valuesKeys: {
        added: [],
        removed: ['.log_level', '.port', '.resources', '.resources.cpu', '.resources.memory'],
        nowRequired: ['.hostname'],
      },
    });
  });

  it('refuses a downgrade; allowed, it annotates, and the next upgrade removes the annotation', async () => {
    const request = {
      kind: 'promote' as const,
      promotions: [{ component: REF, environment: 'dev', version: '1.0.0' }],
    };
    const up = repo({ [`${REF}/dev/packageinstall.yaml`]: packageInstallFile(REF, '1.1.0') });
    expect((await plan(up, request)).diagnostics.map((d) => d.code)).toEqual(['promote.downgrade']);
    const allowed = await plan(up, { ...request, allowDowngrade: true });
    const text = allowed.files.find((f) => f.path.endsWith('packageinstall.yaml'))!.content;
    expect(text).toContain('packaging.carvel.dev/downgradable: ""');
    expect(text).toContain('team: payments # a field a person added');
    const rolledBack = repo({ [`${REF}/dev/packageinstall.yaml`]: text });
    const upgrade = await plan(rolledBack, {
      ...request,
      promotions: [{ component: REF, environment: 'dev', version: '1.1.0' }],
    });
    const after = upgrade.files.find((f) => f.path.endsWith('packageinstall.yaml'))!.content;
    expect(after).not.toContain('downgradable');
    expect(after).toContain('team: payments');
  });
});

describe('pure helpers', () => {
  it('schemaKeyChanges names added, removed and newly required paths', () => {
    const before = {
      type: 'object',
      properties: { a: { type: 'string' }, b: { type: 'object', properties: { c: {} } } },
    };
    const after = {
      type: 'object',
      required: ['a', 'd'],
      properties: { a: {}, d: { type: 'object', required: ['e'], properties: { e: {} } } },
    };
    expect(schemaKeyChanges(before, after)).toEqual({
      added: ['.d', '.d.e'],
      removed: ['.b', '.b.c'],
      nowRequired: ['.a', '.d', '.d.e'],
    });
  });

  it('setAnnotation removes an annotations mapping it leaves empty', () => {
    const text = 'metadata:\n  name: x # keep\nspec: {}\n';
    const added = setAnnotation(text, 'k', '');
    expect(added).toBe('metadata:\n  name: x # keep\n  annotations:\n    k: ""\nspec: {}\n');
    expect(setAnnotation(added, 'k', undefined)).toBe(text);
  });
});

describe('CLI promote', () => {
  it('writes the promotion into a checkout, refusing a downgrade without --allow-downgrade', async () => {
    const { main } = await import('../../src/cli/main.js');
    const { mkdtempSync, mkdirSync, writeFileSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { dirname, join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'flux-pkg-promote-'));
    const files = sampleRepo({
      'flux-pkg.yaml': CHAIN,
      [`${REF}/dev/packageinstall.yaml`]: packageInstallFile(REF, '1.1.0'),
    });
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const io = { out: () => {}, err: () => {} };
    expect(await main(['promote', '--repo', dir, '--component', REF, '--to', 'prod', '--write'], io)).toBe(0);
    expect(readFileSync(join(dir, `${REF}/prod/packageinstall.yaml`), 'utf8')).toContain(
      'constraints: 1.1.0',
    );
    const down = [
      'promote',
      '--repo',
      dir,
      '--component',
      REF,
      '--to',
      'prod',
      '--version',
      '1.0.0',
      '--write',
    ];
    expect(await main(down, io)).toBe(1);
    expect(await main([...down, '--allow-downgrade'], io)).toBe(0);
    expect(readFileSync(join(dir, `${REF}/prod/packageinstall.yaml`), 'utf8')).toContain('downgradable: ""');
    expect(await main(['promote', '--repo', dir, '--to', 'prod'], io)).toBe(2);
  });
});
