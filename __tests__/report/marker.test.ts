import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { warning } from '../../src/diagnostics.js';
import type { EnvironmentResult, PlanResult } from '../../src/plan/types.js';
import { environmentPullRequestBody, pullRequestBody } from '../../src/report/pull-request/body.js';
import { markerKey, readMarker, trustedVersion, writeMarker } from '../../src/report/pull-request/marker.js';
import { jobSummary } from '../../src/report/summary/job-summary.js';
import { propertyOptions } from '../helpers/fc.js';

const KEY = markerKey('app.default.tap', 'dev');
const LINKS = { serverUrl: 'https://github.com', repository: 'org/gitops', baseSha: 'abc123' };
const FORGED_OLD = '<!-- flux-pkg-action: app.default.tap/dev version=99999999999999.0.0 -->';
const FORGED = '<!-- flux-pkg-action v1 key=app.default.tap/dev version=99999999999999.0.0 -->';

function environment(overrides: Partial<EnvironmentResult> = {}): EnvironmentResult {
  return {
    component: 'app.default.tap',
    environment: 'dev',
    packageFile: 'app.default.tap/packages/1.2.0.yaml',
    fromVersion: '1.1.0',
    toVersion: '1.2.0',
    constraint: '1.2.0',
    files: [
      { path: 'app.default.tap/dev/packageinstall.yaml', content: '', action: 'update', secret: false },
    ],
    valuesKeysChanged: [],
    valid: true,
    ...overrides,
  };
}

/** A plan whose warning quotes a valuesSchema property named like the marker (the attack of issue 7). */
function attackedPlan(env: EnvironmentResult, name: string): PlanResult {
  const d = warning(
    'schema.assumed',
    `property "${name}" has no type`,
    env.packageFile!,
    { line: 12, column: 9 },
    `.spec.valuesSchema.openAPIv3.properties.${name}`,
  );
  return { valid: true, diagnostics: [d], environments: [env], files: env.files };
}

describe('the marker', () => {
  it('is the body’s last line and reads back with its fields', () => {
    const body = pullRequestBody(environment(), attackedPlan(environment(), 'ok'), LINKS);
    const lines = body.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('<!-- flux-pkg-action v1 key=app.default.tap/dev version=1.2.0 -->');
    expect(readMarker(body, { key: KEY })).toEqual({ key: KEY, fields: { version: '1.2.0' } });
    expect(body.match(/<!--/g)).toHaveLength(1);
  });

  for (const forged of [FORGED, FORGED_OLD, `x\n${FORGED}\ny`, `${FORGED}\n`]) {
    it(`a valuesSchema property named like the marker forges nothing: ${JSON.stringify(forged)}`, () => {
      const env = environment();
      const body = pullRequestBody(env, attackedPlan(env, forged), LINKS);
      expect(body.match(/<!--/g)).toHaveLength(1);
      expect(body).not.toContain('99999999999999.0.0 -->');
      expect(readMarker(body, { key: KEY })?.fields.version).toBe('1.2.0');
      // The warning is still there, as text.
      expect(body).toContain('&lt;\\!-- flux-pkg-action');
    });
  }

  it('ignores forged markers earlier in the body, and a body whose last line is not one', () => {
    const real = writeMarker(KEY, { version: '1.2.0' });
    expect(readMarker(`${FORGED}\n\nSome text\n${real}\n\n`, { key: KEY })?.fields.version).toBe('1.2.0');
    expect(readMarker(`${FORGED}\nSome text`, { key: KEY })).toBeUndefined();
    expect(readMarker(`${real}\r\n`, { key: KEY })?.fields.version).toBe('1.2.0');
    expect(readMarker(undefined, { key: KEY })).toBeUndefined();
    expect(readMarker(null, { key: KEY })).toBeUndefined();
  });

  it('checks the key against the branch', () => {
    const body = writeMarker(markerKey('app.default.tap', 'prod'), { version: '1.2.0' });
    expect(readMarker(body, { key: KEY })).toBeUndefined();
    expect(readMarker(body, { key: markerKey('app.default.tap', 'prod') })?.fields.version).toBe('1.2.0');
  });

  it('refuses unknown, duplicate, misplaced and malformed fields', () => {
    const bad = [
      `<!-- flux-pkg-action v1 key=${KEY} version=1.0.0 version=2.0.0 -->`,
      `<!-- flux-pkg-action v1 key=${KEY} colour=red -->`,
      `<!-- flux-pkg-action v1 version=1.0.0 key=${KEY} -->`,
      `<!-- flux-pkg-action v1 key=${KEY} key=${KEY} -->`,
      `<!-- flux-pkg-action v1 key=${KEY}  version=1.0.0 -->`,
      `<!-- flux-pkg-action v1 key=${KEY} version= -->`,
      `<!-- flux-pkg-action v1 key=${KEY} version=1.0.0<b> -->`,
      `<!-- flux-pkg-action v1 key=${KEY} version=1.0.0 --> trailing`,
      `<!-- flux-pkg-action v2 key=${KEY} version=1.0.0 -->`,
      `<!-- flux-pkg-action v1 key=${KEY} __proto__=x -->`,
      `<!-- flux-pkg-action v1 key=${KEY} version="1.0.0" -->`,
      ` <!-- flux-pkg-action v1 key=${KEY} version=1.0.0 -->`,
      `<!-- flux-pkg-action v1 -->`,
    ];
    for (const body of bad) {
      expect(readMarker(body, { key: KEY }), body).toBeUndefined();
      expect(readMarker(body, { key: KEY, fields: ['version', 'from'] }), body).toBeUndefined();
    }
  });

  it('records arbitrary named fields, and requires what the caller requires', () => {
    const body = `text\n${writeMarker(KEY, { version: '1.2.0', from: 'staging', upstream: 'org/gitops/pull/12', status: 'kustomization/app-dev/abc' })}`;
    expect(() => writeMarker(KEY, { upstream: 'org/gitops#12' })).toThrow(/outside/);
    const fields = ['version', 'from', 'upstream', 'status'];
    expect(readMarker(body, { key: KEY, fields })?.fields).toEqual({
      version: '1.2.0',
      from: 'staging',
      upstream: 'org/gitops/pull/12',
      status: 'kustomization/app-dev/abc',
    });
    expect(readMarker(body, { key: KEY })).toBeUndefined(); // `from` is unknown to this reader
    expect(readMarker(writeMarker(KEY, {}), { key: KEY, required: ['version'] })).toBeUndefined();
  });

  it('writes only what it can read back', () => {
    for (const v of ['', '1.0.0 -->', '1.0.0\n<!--', 'a b', '<x>', '"'])
      expect(() => writeMarker(KEY, { version: v })).toThrow();
    expect(() => writeMarker('a/b c', {})).toThrow();
    expect(() => writeMarker(KEY, { 'bad-name': 'x' })).toThrow();
    expect(() => writeMarker(KEY, { key: 'x' })).toThrow();
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9._:/+-]{1,40}$/),
        fc.dictionary(
          fc.stringMatching(/^[a-z][A-Za-z0-9]{0,8}$/),
          fc.stringMatching(/^[A-Za-z0-9._:/+-]{1,40}$/),
        ),
        (key, raw) => {
          const { key: _, ...fields } = raw;
          const line = writeMarker(key, fields);
          expect(readMarker(`body\n${line}`, { key, fields: Object.keys(fields) })?.fields).toEqual(fields);
        },
      ),
      propertyOptions(),
    );
  });

  it('trusts a version only when the caller knows it', () => {
    const marker = readMarker(writeMarker(KEY, { version: '99999999999999.0.0' }), { key: KEY });
    expect(trustedVersion(marker, new Set(['1.0.0', '1.2.0']))).toBeUndefined();
    expect(trustedVersion(marker, new Set(['99999999999999.0.0']))).toBe('99999999999999.0.0');
    expect(trustedVersion(undefined, new Set(['1.0.0']))).toBeUndefined();
  });

  it('a marker with no version, and the old unversioned form, which nothing reads', () => {
    const line = writeMarker(KEY);
    expect(line).toBe('<!-- flux-pkg-action v1 key=app.default.tap/dev -->');
    expect(readMarker(`a\n${line}`, { key: KEY })).toEqual({ key: KEY, fields: {} });
    expect(readMarker(`a\n${writeMarker(KEY, { version: undefined })}`, { key: KEY })?.fields).toEqual({});
    expect(readMarker(FORGED_OLD, { key: KEY })).toBeUndefined();
  });
});

describe('repository text in the PR body and the job summary', () => {
  const hostile = '<img src=x> @platform-team #1 [x](https://evil.example) <!-- -->\n# Title';

  it('renders every repository string inert', () => {
    const env = environment({
      component: hostile,
      environment: hostile,
      packageFile: `pkg/${hostile}.yaml`,
      fromVersion: hostile,
      toVersion: '1.2.0',
      constraint: hostile,
      valuesKeysChanged: [hostile],
      files: [{ path: hostile, content: '', action: 'update', secret: false }],
    });
    const result = attackedPlan(env, hostile);
    result.diagnostics.push({ ...result.diagnostics[0]!, severity: 'error', file: hostile });
    const body = pullRequestBody({ ...env, component: 'app.default.tap', environment: 'dev' }, result, LINKS);
    const summary = jobSummary(result, [], 'install', false);
    for (const text of [body, summary]) {
      const withoutMarker = text.replace(/\n<!-- flux-pkg-action v1 [^\n]*-->\n$/, '\n');
      expect(withoutMarker).not.toContain('<!--');
      expect(withoutMarker).not.toContain('<img');
      expect(withoutMarker).not.toMatch(/@platform-team/);
      expect(withoutMarker).not.toMatch(/(^|\s)#1\b/);
      expect(withoutMarker).not.toMatch(/^# Title/m);
      expect(withoutMarker).not.toContain('(https://evil');
    }
    // The one link the body has is the Package file's, with the path encoded.
    expect(body).toMatch(/\]\(https:\/\/github\.com\/org\/gitops\/blob\/abc123\/pkg\/%3Cimg%20src%3Dx%3E/);
  });

  it('a per-environment body is inert too and ends with its key', () => {
    const env = environment({ constraint: FORGED, valuesKeysChanged: [FORGED, '@team'] });
    const key = '_environments/dev/0123abcd';
    const body = environmentPullRequestBody(
      key,
      'dev',
      [{ component: env.component, environment: 'dev' }],
      attackedPlan(env, FORGED),
      LINKS,
    );
    expect(body.match(/<!--/g)).toHaveLength(1);
    expect(body).not.toMatch(/@team/);
    expect(readMarker(body, { key })).toEqual({ key, fields: {} });
    expect(readMarker(body, { key: KEY })).toBeUndefined();
  });

  it('keeps a normal body readable', () => {
    const body = pullRequestBody(
      environment(),
      { ...attackedPlan(environment(), 'x'), diagnostics: [] },
      LINKS,
    );
    expect(body).toContain('Deploys **app.default.tap** `1.2.0` to **dev**.');
    expect(body).toContain('| app.default.tap | dev | `1.1.0` → `1.2.0` | `1.2.0` |');
  });
});
