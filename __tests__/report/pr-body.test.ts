/**
 * A reviewer decides from the pull request alone (issue 18): every body says, per environment, the
 * version from → to, what the Package fetches from → to, the values it will run with (schema
 * defaults included) before and after, the release notes of every version it moves past, and the
 * gate's verdict. Golden files under golden/ hold whole bodies; each scenario also asserts the fact
 * it is about, so a golden file updated without reading it still cannot hide a regression.
 */
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { beforeAll, describe, expect, it } from 'vitest';
import { planBootstrap } from '../../src/plan/modes/bootstrap/run.js';
import { plan } from '../../src/plan/plan.js';
import {
  bootstrapProposal,
  type ProposalStyle,
  proposalsFromPlan,
} from '../../src/plan/proposals/proposals.js';
import type { PlanResult, Request } from '../../src/plan/types.js';
import { MemorySnapshot } from '../../src/repo/snapshot.js';
import { BODY_LIMIT, pullRequestBody } from '../../src/report/pull-request/body.js';
import { readMarker } from '../../src/report/pull-request/marker.js';
import { encryptDocument } from '../../src/sops/index.js';
import { KUSTOMIZATION, packageInstallFile, paramsFile } from '../helpers/gitops.js';

const REF = 'app.default.tap';
const golden = (name: string) => `./golden/${name}.md`;
const DIGEST_A = `sha256:${'b5621204cf5e'}${'1'.repeat(52)}`;
const DIGEST_B = `sha256:${'217ac057cd80'}${'2'.repeat(52)}`;

const style: ProposalStyle = {
  title: 'Deploy {component} {version} to {environment}',
  commitMessage: 'Deploy {component} {version} to {environment}',
  labels: [],
  reviewers: [],
  teamReviewers: [],
  draft: false,
  autoMerge: false,
  links: {
    serverUrl: 'https://github.com',
    repository: 'acme/gitops',
    baseSha: 'a'.repeat(40),
    triggerSha: 'c'.repeat(40),
  },
};

type Schema = Record<string, unknown>;
const BASE_SCHEMA: Schema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    replicas: { type: 'integer', default: 1 },
    hostname: { type: 'string', default: 'app.example.com' },
    port: { type: 'integer', default: 8080 },
    log_level: { type: 'string', default: 'info' },
  },
};

interface PackageOptions {
  schema?: Schema;
  bundle?: string;
  notes?: string;
}

/** A Package with the schema, bundle digest and release notes a scenario needs (JSON is YAML). */
function pkg(
  version: string,
  { schema = BASE_SCHEMA, bundle = DIGEST_A, notes }: PackageOptions = {},
): string {
  return `apiVersion: data.packaging.carvel.dev/v1alpha1
kind: Package
metadata:
  name: ${REF}.${version}
spec:
  refName: ${REF}
  version: "${version}"
${notes === undefined ? '' : `  releaseNotes: ${JSON.stringify(notes)}\n`}  valuesSchema:
    openAPIv3: ${JSON.stringify(schema)}
  template:
    spec:
      fetch:
      - imgpkgBundle:
          image: registry.example.com/apps/app@${bundle}
      template:
      - ytt: {}
      deploy:
      - kapp: {}
`;
}

/** dev runs 1.0.0 with these values; `next` is the Package the supply chain just wrote. */
function repo(values: string, next: Record<string, string>, extra: Record<string, string> = {}) {
  return {
    [`${REF}/packages/1.0.0.yaml`]: pkg('1.0.0'),
    ...next,
    [`${REF}/dev/packageinstall.yaml`]: packageInstallFile(REF, '1.0.0'),
    [`${REF}/dev/params.yaml`]: paramsFile(REF, values),
    [`${REF}/dev/kustomization.yaml`]: KUSTOMIZATION,
    ...extra,
  };
}

const run = (files: Record<string, string>, request: Request = { kind: 'install' }) =>
  plan(new MemorySnapshot(files), request);

function devBody(result: PlanResult, environment = 'dev'): string {
  const proposal = proposalsFromPlan(result, style).find((p) => p.key === `${REF}/${environment}`);
  expect(proposal, `a proposal for ${environment}`).toBeDefined();
  // The marker is still the last line, and says the version.
  expect(
    readMarker(proposal!.body, {
      key: `${REF}/${environment}`,
      fields: ['version', 'trigger', 'from', 'upstream', 'downgrade'],
    })?.fields.version,
  ).toBe(result.environments.find((e) => e.environment === environment)?.toVersion);
  return proposal!.body;
}

describe('pull request bodies (golden)', () => {
  it('a new version with a changed bundle digest: the fetch entry from → to, digests shortened', async () => {
    const result = await run(
      repo('replicas: 2\n', { [`${REF}/packages/1.1.0.yaml`]: pkg('1.1.0', { bundle: DIGEST_B }) }),
    );
    expect(result.valid).toBe(true);
    const body = devBody(result);
    expect(body).toContain(
      '`registry.example.com/apps/app@sha256:b5621204cf5e…` → `registry.example.com/apps/app@sha256:217ac057cd80…`',
    );
    await expect(body).toMatchFileSnapshot(golden('new-version-bundle-digest'));
  });

  it('digests that share their first 12 digits stay whole', async () => {
    const close = `sha256:${'b5621204cf5e'}${'3'.repeat(52)}`;
    const result = await run(
      repo('replicas: 2\n', { [`${REF}/packages/1.1.0.yaml`]: pkg('1.1.0', { bundle: close }) }),
    );
    const body = devBody(result);
    expect(body).toContain(`app@${DIGEST_A}\` → \`registry.example.com/apps/app@${close}\``);
  });

  it('two new keys with defaults, one nested: listed with their defaults and in the effective values', async () => {
    const schema = structuredClone(BASE_SCHEMA) as { properties: Record<string, unknown> };
    schema.properties.log_format = { type: 'string', default: 'text' };
    schema.properties.probes = {
      type: 'object',
      properties: { liveness_path: { type: 'string', default: '/livez' } },
    };
    const result = await run(
      repo('replicas: 2\n', { [`${REF}/packages/1.1.0.yaml`]: pkg('1.1.0', { schema }) }),
    );
    expect(result.valid).toBe(true);
    const body = devBody(result);
    expect(body).toContain(
      'New keys, with their defaults: `log_format` `"text"`, `probes.liveness_path` `"/livez"`',
    );
    expect(body).toContain('+ probes.liveness_path: "/livez"   # schema default');
    await expect(body).toMatchFileSnapshot(golden('new-keys-with-defaults'));
  });

  it('a removed key the environment still sets: an error under additionalProperties: false, else a warning', async () => {
    const schema = structuredClone(BASE_SCHEMA) as Schema & { properties: Record<string, unknown> };
    delete schema.properties.log_level;
    const closed = await run(
      repo('replicas: 2\nlog_level: debug\n', { [`${REF}/packages/1.1.0.yaml`]: pkg('1.1.0', { schema }) }),
    );
    // The values no longer validate: the plan refuses, and the body (as the CLI shows it) says why.
    expect(closed.valid).toBe(false);
    const env = closed.environments.find((e) => e.environment === 'dev')!;
    const body = pullRequestBody(env, closed, style.links);
    expect(body).toContain('**Error:** the new schema drops `log_level`, which this environment still sets');
    expect(body).not.toContain('"debug"');
    await expect(body).toMatchFileSnapshot(golden('removed-key-still-set'));

    const open = await run(
      repo('replicas: 2\nlog_level: debug\n', {
        [`${REF}/packages/1.0.0.yaml`]: pkg('1.0.0', {
          schema: { ...BASE_SCHEMA, additionalProperties: true },
        }),
        [`${REF}/packages/1.1.0.yaml`]: pkg('1.1.0', { schema: { ...schema, additionalProperties: true } }),
      }),
    );
    expect(open.valid).toBe(true);
    expect(devBody(open)).toContain(
      '**Warning:** the new schema drops `log_level`, which this environment still sets',
    );
  });

  it('a changed default: old → new, and the effective value moves with it where the environment sets none', async () => {
    const schema = structuredClone(BASE_SCHEMA) as { properties: Record<string, Record<string, unknown>> };
    schema.properties.port!.default = 9090;
    const result = await run(
      repo('replicas: 2\n', { [`${REF}/packages/1.1.0.yaml`]: pkg('1.1.0', { schema }) }),
    );
    const body = devBody(result);
    expect(body).toContain('Changed defaults: `port` `8080` → `9090`');
    expect(body).toContain('- port: 8080\n+ port: 9090   # schema default');
    await expect(body).toMatchFileSnapshot(golden('changed-default'));
  });

  describe('secrets', () => {
    const SECRET = 'hunter2-Zq81xPw';
    const schema = structuredClone(BASE_SCHEMA) as { properties: Record<string, unknown> };
    schema.properties.db = {
      type: 'object',
      properties: { password: { type: 'string', default: '' }, url: { type: 'string', default: 'x' } },
    };
    schema.properties.smtp_pass = { type: 'string', format: 'password', default: '' };
    schema.properties.api_token = { type: 'string', default: '' };
    const values = `replicas: 2\ndb:\n  password: ${SECRET}-a\n  url: postgres://db\nsmtp_pass: ${SECRET}-b\napi_token: ${SECRET}-c\n`;

    it('a secret-looking key is shown as changed or unchanged, never by value', async () => {
      const next = structuredClone(schema) as { properties: Record<string, Record<string, unknown>> };
      next.properties.api_token!.default = `${SECRET}-default`;
      const result = await run(
        repo(values, {
          [`${REF}/packages/1.0.0.yaml`]: pkg('1.0.0', { schema }),
          [`${REF}/packages/1.1.0.yaml`]: pkg('1.1.0', { schema: next }),
        }),
      );
      expect(result.valid).toBe(true);
      const body = devBody(result);
      expect(body).not.toContain(SECRET);
      expect(body).toContain('`api_token` (changed, hidden)');
      expect(body).toContain('db.url: "postgres://db"');
      await expect(body).toMatchFileSnapshot(golden('secret-looking-keys'));
    });

    let identity: string;
    let encrypted: string;
    beforeAll(async () => {
      identity = await generateIdentity();
      const recipient = await identityToRecipient(identity);
      encrypted = (
        await encryptDocument(paramsFile(REF, `${values}hostname: ${SECRET}-host\n`), {
          recipients: [recipient],
          file: `${REF}/dev/params.yaml`,
        })
      ).text!;
    });

    it('an encrypted environment: every value it sets is hidden; defaults it does not set are shown', async () => {
      const next = structuredClone(schema) as { properties: Record<string, Record<string, unknown>> };
      next.properties.hostname!.default = 'app2.example.com';
      const files = {
        ...repo('', {
          [`${REF}/packages/1.0.0.yaml`]: pkg('1.0.0', { schema }),
          [`${REF}/packages/1.1.0.yaml`]: pkg('1.1.0', { schema: next }),
        }),
        [`${REF}/dev/params.yaml`]: encrypted,
      };
      const withKey = await run(files, { kind: 'install', sops: { identities: [identity] } });
      expect(withKey.valid).toBe(true);
      const body = devBody(withKey);
      expect(body).not.toContain(SECRET);
      expect(body).toContain('The values Secret is encrypted');
      expect(body).toContain('port: 8080   # schema default');
      expect(body).toContain('replicas: (value hidden)');
      await expect(body).toMatchFileSnapshot(golden('encrypted-environment'));

      const withoutKey = await run(files, { kind: 'install' });
      const env = withoutKey.environments.find((e) => e.environment === 'dev')!;
      const unread = pullRequestBody(env, withoutKey, style.links);
      expect(unread).toContain('no age key was given: its values were not read');
      expect(unread).not.toContain(SECRET);
    });
  });

  it('a promotion that skips two versions: release notes of 1.3.0 to 1.5.0, the upstream commit once', async () => {
    const hostile =
      'Fixes #12 for @octocat, see https://example.com/notes?a=1&b=<2> and [x](javascript:alert(1)) <!-- x -->';
    const files = {
      [`${REF}/packages/1.2.0.yaml`]: pkg('1.2.0', { notes: 'not shown: prod runs it already' }),
      [`${REF}/packages/1.3.0.yaml`]: pkg('1.3.0', { notes: `1.3.0: ${hostile}` }),
      [`${REF}/packages/1.4.0.yaml`]: pkg('1.4.0'),
      [`${REF}/packages/1.5.0.yaml`]: pkg('1.5.0', {
        notes: '1.5.0: faster\n\n- second line',
        bundle: DIGEST_B,
      }),
      [`${REF}/dev/packageinstall.yaml`]: packageInstallFile(REF, '1.5.0'),
      [`${REF}/dev/params.yaml`]: paramsFile(REF, 'replicas: 2\n'),
      [`${REF}/dev/kustomization.yaml`]: KUSTOMIZATION,
      [`${REF}/prod/packageinstall.yaml`]: packageInstallFile(REF, '1.2.0'),
      [`${REF}/prod/params.yaml`]: paramsFile(REF, 'replicas: 3\n'),
      [`${REF}/prod/kustomization.yaml`]: KUSTOMIZATION,
      'flux-pkg.yaml': 'environments:\n  - name: dev\n  - name: prod\n    promoteFrom: dev\n',
    };
    const upstream = 'd'.repeat(40);
    const result = await run(files, {
      kind: 'promote',
      promotions: [{ component: REF, environment: 'prod', source: { trigger: 'merged', commit: upstream } }],
    });
    expect(result.valid).toBe(true);
    const proposal = proposalsFromPlan(result, {
      ...style,
      links: { ...style.links, triggerSha: upstream },
    })[0]!;
    const body = proposal.body;
    expect(body).toContain('Release notes** of the 3 versions `1.3.0` – `1.5.0`');
    expect(body).not.toContain('not shown: prod runs it already');
    // The upstream commit once, not again as "Triggered by".
    const text = body.trimEnd().split('\n').slice(0, -1).join('\n'); // without the marker line
    expect(text.split(upstream).length - 1).toBe(1);
    // URLs are text a reviewer can copy: no zero-width characters, no link, no raw HTML from the repo.
    expect(body).not.toMatch(/\u200b|&#8203;/);
    await expect(body).toMatchFileSnapshot(golden('promotion-skips-two-versions'));
    expect(body).toContain('https://example.com/notes?a=1&#38;b=&#60;2&#62;');
    expect(body).not.toContain('<!-- x');
    expect(body).not.toContain('](javascript');
  });

  it('a bootstrap pull request: the new environment from nothing to its version, values with defaults', async () => {
    const files = repo(
      'replicas: 2\n',
      { [`${REF}/packages/1.1.0.yaml`]: pkg('1.1.0', { notes: 'first in qa' }) },
      {
        'flux-pkg.yaml': 'environments:\n  - name: dev\n  - name: prod\n    promoteFrom: dev\n',
      },
    );
    const result = await planBootstrap(new MemorySnapshot(files), {
      kind: 'bootstrap',
      components: [REF],
      environment: 'qa',
      targetNamespace: 'apps',
      gitUrl: 'https://github.com/acme/gitops.git',
      branch: 'main',
    });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const body = bootstrapProposal(result, style).body;
    expect(body).toContain('### app.default.tap: new → `1.1.0`');
    expect(body).toContain('+ port: 8080   # schema default');
    await expect(body).toMatchFileSnapshot(golden('bootstrap'));
  });

  it('a body with huge release notes stays under GitHub limit, says so, and ends with its marker', async () => {
    const notes = Array.from({ length: 400 }, (_, i) => `line ${i} ${'x'.repeat(60)}`).join('\n');
    const next: Record<string, string> = {};
    for (let v = 1; v <= 14; v++) next[`${REF}/packages/1.${v}.0.yaml`] = pkg(`1.${v}.0`, { notes });
    const body = devBody(await run(repo('replicas: 2\n', next)));
    expect(body.length).toBeLessThanOrEqual(BODY_LIMIT);
    expect(body).toMatch(/shortened to keep this body under GitHub's 65,536-character limit|Truncated/);
  });
});

describe("the CLI's plan prints the same facts", () => {
  it('text: fetch, values and release notes under the environment; --json: environments[].review', async () => {
    const { summaryLines, jsonReport } = await import('../../src/report/terminal/text.js');
    const schema = structuredClone(BASE_SCHEMA) as { properties: Record<string, Record<string, unknown>> };
    schema.properties.port!.default = 9090;
    const result = await run(
      repo('replicas: 2\n', {
        [`${REF}/packages/1.1.0.yaml`]: pkg('1.1.0', {
          schema,
          bundle: DIGEST_B,
          notes: 'see https://x.example/1',
        }),
      }),
    );
    const text = summaryLines(result).join('\n');
    expect(text).toContain(
      '  fetch[0] imgpkgBundle: registry.example.com/apps/app@sha256:b5621204cf5e… → registry.example.com/apps/app@sha256:217ac057cd80…',
    );
    expect(text).toContain('    default of port: 8080 → 9090');
    expect(text).toContain('    ~ port: 8080 → 9090 (schema default)');
    expect(text).toContain('  release notes 1.1.0:\n    see https://x.example/1');
    const json = jsonReport(result).environments.find((e) => e.environment === 'dev')!;
    expect(json.review?.fetch).toHaveLength(1);
    expect(json.review?.values?.changedDefaults).toEqual([
      { path: 'port', before: '8080', after: '9090', hidden: false },
    ]);
    expect(json.review?.releaseNotes).toEqual([{ version: '1.1.0', notes: 'see https://x.example/1' }]);
  });
});

describe('the body limit', () => {
  it('a body that even shortened is too long is cut at a line, closes what it opened and says so', async () => {
    const { fitted } = await import('../../src/report/pull-request/body.js');
    const huge = () => [
      'intro',
      '<details><summary>x</summary>',
      '',
      '```diff',
      ...Array(20_000).fill('+ a: 1'),
    ];
    const body = fitted(huge, '<!-- flux-pkg-action v1 key=a/b -->');
    expect(body.length).toBeLessThanOrEqual(BODY_LIMIT);
    expect(body).toContain("_**Truncated** here: the body would exceed GitHub's 65,536-character limit");
    expect(body.split('\n').filter((l) => l.startsWith('```')).length % 2).toBe(0);
    expect(body).toContain('</details>');
    expect(body.trimEnd().split('\n').at(-1)).toBe('<!-- flux-pkg-action v1 key=a/b -->');
    // A body that fits is left whole.
    expect(fitted(() => ['short'], 'm')).toBe('short\n\nm\n');
  });
});

describe('the bundled example', () => {
  it("the PR body for examples/gitops's new Package", async () => {
    const { LocalSnapshot } = await import('../../src/repo/local.js');
    const result = await plan(new LocalSnapshot('examples/gitops'), { kind: 'install' });
    const proposal = proposalsFromPlan(result, style).find((p) => p.files.length > 0)!;
    expect(proposal.key).toBe(`${REF}/dev`);
    expect(proposal.body).toContain('`probes.liveness_path` `"/livez"`');
    await expect(proposal.body).toMatchFileSnapshot(golden('example-new-package'));
  });
});
