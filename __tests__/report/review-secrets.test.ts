/**
 * "Never by value" (issue 18): a random marker planted as the value of a secret-looking key (by its
 * name, by `format: password`, by an `x-…-sensitive` mark, or as such a key's schema default), or
 * anywhere in an encrypted values Secret, appears in no pull request body, commit message, job
 * summary, CLI text or JSON — while the same plan still shows ordinary values.
 */
import { generateIdentity, identityToRecipient } from 'age-encryption';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { plan } from '../../src/plan/plan.js';
import { type ProposalStyle, proposalsFromPlan } from '../../src/plan/proposals/proposals.js';
import type { PlanResult, Request } from '../../src/plan/types.js';
import { MemorySnapshot } from '../../src/repo/snapshot.js';
import { jobSummary } from '../../src/report/summary/job-summary.js';
import { diagnosticLines, jsonReport, summaryLines } from '../../src/report/terminal/text.js';
import { encryptDocument } from '../../src/sops/index.js';
import { propertyOptions } from '../helpers/fc.js';
import { KUSTOMIZATION, packageInstallFile, paramsFile } from '../helpers/gitops.js';

const REF = 'app.default.tap';
const PARAMS = `${REF}/dev/params.yaml`;
const SEED = 18;

const style: ProposalStyle = {
  title: 'Deploy {component} {version} to {environment}',
  commitMessage: 'Deploy {component} {version} to {environment}',
  labels: [],
  reviewers: [],
  teamReviewers: [],
  draft: false,
  autoMerge: false,
  links: { serverUrl: 'https://github.com', repository: 'o/r', baseSha: 'a'.repeat(40) },
};

/** Every text the plan reaches a person through. */
function everyOutput(result: PlanResult): string[] {
  const proposals = proposalsFromPlan(result, style);
  return [
    ...proposals.flatMap((p) => [p.body, p.commitMessage, p.title]),
    ...proposalsFromPlan(result, style, 'per-environment').map((p) => p.body),
    jobSummary(result, [], 'install', true),
    ...summaryLines(result),
    ...diagnosticLines(result),
    JSON.stringify(jsonReport(result)),
  ];
}

function pkg(version: string, properties: Record<string, unknown>): string {
  const schema = { type: 'object', properties: { replicas: { type: 'integer', default: 1 }, ...properties } };
  return `apiVersion: data.packaging.carvel.dev/v1alpha1
kind: Package
metadata:
  name: ${REF}.${version}
spec:
  refName: ${REF}
  version: "${version}"
  valuesSchema:
    openAPIv3: ${JSON.stringify(schema)}
  template:
    spec:
      fetch:
      - imgpkgBundle: {image: "registry.example.com/app@sha256:${version.replaceAll('.', '').padEnd(64, '0')}"}
      template: [{ytt: {}}]
      deploy: [{kapp: {}}]
`;
}

const repo = (values: string, before: Record<string, unknown>, after: Record<string, unknown>) => ({
  [`${REF}/packages/1.0.0.yaml`]: pkg('1.0.0', before),
  [`${REF}/packages/1.1.0.yaml`]: pkg('1.1.0', after),
  [`${REF}/dev/packageinstall.yaml`]: packageInstallFile(REF, '1.0.0'),
  [PARAMS]: paramsFile(REF, values),
  [`${REF}/dev/kustomization.yaml`]: KUSTOMIZATION,
});

const marker = fc
  .tuple(fc.constantFrom('S3cr3t', 'hunter', 'Tok'), fc.stringMatching(/^[A-Za-z0-9]{8,14}$/))
  .map(([a, b]) => `${a}${b}`);
/** Key names that say "credential", in the spellings real charts use. */
const secretKey = fc.constantFrom(
  'password',
  'adminPassword',
  'db_passwd',
  'apiToken',
  'client_secret',
  'credentials',
  'privateKey',
  'tls.key',
  'AWS_SECRET_ACCESS_KEY',
);
/** Where the secret sits: top level, or under an ordinary parent. */
const nesting = fc.constantFrom<string[]>([], ['database'], ['auth', 'admin']);

/** `a: {b: {key: value}}` as YAML text (JSON flow style is YAML). */
const nested = (path: string[], key: string, value: unknown): Record<string, unknown> =>
  path.reduceRight<Record<string, unknown>>((inner, k) => ({ [k]: inner }), { [key]: value });

const run = (files: Record<string, string>, request: Request = { kind: 'install' }) =>
  plan(new MemorySnapshot(files), request);

describe('secret values appear in no output', () => {
  it('the value of a secret-looking key, changed or not, in the values or as a default', async () => {
    await fc.assert(
      fc.asyncProperty(marker, secretKey, nesting, fc.boolean(), async (m, key, path, asDefault) => {
        const schemaProp = nested(path, key, { type: 'string', default: asDefault ? `${m}-default` : '' });
        const values = `${JSON.stringify({ replicas: 2, ...(asDefault ? {} : nested(path, key, `${m}-v`)) })}\n`;
        const result = await run(repo(values, {}, toSchema(schemaProp)));
        expect(result.valid).toBe(true);
        for (const text of everyOutput(result)) expect(text).not.toContain(m);
        // Ordinary values are still shown.
        expect(proposalsFromPlan(result, style)[0]!.body).toContain('replicas: 2');
      }),
      propertyOptions({ seed: SEED, numRuns: 40 }),
    );
  });

  it('a value under an ordinary name that the schema marks format: password, writeOnly or x-…-sensitive', async () => {
    await fc.assert(
      fc.asyncProperty(
        marker,
        fc.constantFrom(
          { format: 'password' },
          { writeOnly: true },
          { 'x-kubernetes-sensitive': true },
          { 'x-sensitive': 'yes' },
        ),
        async (m, mark) => {
          const result = await run(
            repo(`replicas: 2\nsetting: ${m}\n`, {}, { setting: { type: 'string', ...mark } }),
          );
          expect(result.valid).toBe(true);
          for (const text of everyOutput(result)) expect(text).not.toContain(m);
        },
      ),
      propertyOptions({ seed: SEED, numRuns: 12 }),
    );
  });

  describe('an encrypted values Secret', () => {
    let identity: string;
    let recipient: string;
    beforeAll(async () => {
      identity = await generateIdentity();
      recipient = await identityToRecipient(identity);
    });

    it('any value it holds, under any key, with and without the key to read it', async () => {
      await fc.assert(
        fc.asyncProperty(
          marker,
          fc.constantFrom('hostname', 'replicas_note', 'image.tag'),
          nesting,
          async (m, key, path) => {
            const values = `${JSON.stringify({ replicas: 2, ...nested(path, key, m) })}\n`;
            const files = repo(values, {}, { hostname: { type: 'string', default: 'app.example.com' } });
            const encrypted = await encryptDocument(files[PARAMS]!, {
              recipients: [recipient],
              file: PARAMS,
            });
            const sealed = { ...files, [PARAMS]: encrypted.text! };
            for (const sops of [{ identities: [identity] }, { identities: [] }]) {
              const result = await run(sealed, { kind: 'install', sops });
              for (const text of everyOutput(result)) expect(text).not.toContain(m);
            }
          },
        ),
        propertyOptions({ seed: SEED, numRuns: 12 }),
      );
    });
  });
});

/** The schema properties for a nested key: objects down to the key's own schema. */
function toSchema(prop: Record<string, unknown>): Record<string, unknown> {
  const [[name, value]] = Object.entries(prop) as [[string, Record<string, unknown>]];
  if ('type' in value) return { [name]: value };
  return { [name]: { type: 'object', properties: toSchema(value) } };
}
