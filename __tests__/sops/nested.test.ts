/**
 * SOPS documents nested in a values Secret: a `data` value that base64-decodes to a SOPS file is what
 * Flux's kustomize-controller decrypts (decryptor.go DecryptResource), so the action reads it with a
 * key (decrypted, MAC checked, values validated) and names it without one; one in `stringData` is an
 * error, since Flux hands it on as ciphertext.
 */
import { readFileSync } from 'node:fs';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { beforeAll, describe, expect, it } from 'vitest';
import { plan } from '../../src/plan/plan.js';
import { type ProposalStyle, proposalsFromPlan } from '../../src/plan/proposals/proposals.js';
import type { PlanResult, Request } from '../../src/plan/types.js';
import { MemorySnapshot } from '../../src/repo/snapshot.js';
import { jobSummary } from '../../src/report/summary/job-summary.js';
import { reviewLines } from '../../src/report/terminal/review.js';
import { DEFAULT_RULE, encryptDocument, parseAgeIdentities } from '../../src/sops/index.js';
import { readNestedSops } from '../../src/sops/nested.js';
import { parseYaml } from '../../src/yaml/parse.js';
import { packageFile, sampleRepo } from '../helpers/gitops.js';
import { hasSopsReference, sopsReference } from './reference-dir.js';

const REF = 'app.default.tap';
const PARAMS = `${REF}/dev/params.yaml`;
const HOST = 'nested-host-Zq4w.example.com';
const run = (files: Record<string, string>, request: Request) => plan(new MemorySnapshot(files), request);
const errorsOf = (r: PlanResult) => r.diagnostics.filter((d) => d.severity === 'error');

let identity: string;
let recipient: string;
beforeAll(async () => {
  identity = await generateIdentity();
  recipient = await identityToRecipient(identity);
});

/** params.yaml whose data values.yaml is base64 of a SOPS-encrypted values file (everything encrypted). */
async function nestedParams(values: string, field: 'data' | 'stringData' = 'data') {
  const inner = (await encryptDocument(values, { recipients: [recipient], rule: DEFAULT_RULE })).text!;
  const value =
    field === 'data'
      ? Buffer.from(inner).toString('base64')
      : `|\n${inner
          .split('\n')
          .map((l) => `    ${l}`)
          .join('\n')}`;
  return `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ${REF}-values\n${field}:\n  values.yaml: ${value}\n`;
}
const repo = (params: string) =>
  sampleRepo({ [PARAMS]: params, [`${REF}/packages/1.2.0.yaml`]: packageFile(REF, '1.2.0') });

describe('a SOPS document in a data value', () => {
  it('with the key: decrypted, its values validated, masked, and params.yaml left as it is', async () => {
    const params = await nestedParams(`replicas: 2\nhostname: ${HOST}\n`);
    const masked: string[] = [];
    const sops = { identities: [identity], onDecrypted: (s: readonly string[]) => masked.push(...s) };
    const result = await run(repo(params), { kind: 'install', environments: ['dev'], sops });
    expect(errorsOf(result)).toEqual([]);
    expect(result.files.map((f) => f.path)).toEqual([`${REF}/dev/packageinstall.yaml`]);
    expect(masked).toContain(HOST);
    expect(JSON.stringify(result)).not.toContain(HOST);
    // Its values are encrypted ones: the review says changed/unchanged, never the value.
    const review = result.environments[0]!.review!;
    expect(review.values?.encrypted).toBe(true);
    expect(review.values?.lines.find((l) => l.path === 'hostname')).toMatchObject({ hidden: true });
    const style: ProposalStyle = {
      title: 'Deploy {component} {version} to {environment}',
      commitMessage: 'Deploy {component} {version} to {environment}',
      labels: [],
      reviewers: [],
      teamReviewers: [],
      draft: false,
      autoMerge: false,
      links: { serverUrl: 'https://github.com', repository: 'acme/gitops', baseSha: 'a'.repeat(40) },
    };
    const bodies = proposalsFromPlan(result, style).map((p) => p.body);
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toContain('hostname');
    for (const text of [...bodies, jobSummary(result, [], 'install', false), reviewLines(review).join('\n')])
      expect(text).not.toContain(HOST);
  });

  it('with the key, a value that breaks the schema is an error at the data key', async () => {
    const params = await nestedParams(`replicas: 0\nhostname: ${HOST}\n`);
    const result = await run(repo(params), { kind: 'validate', sops: { identities: [identity] } });
    const [problem] = errorsOf(result);
    expect(problem).toMatchObject({ code: 'values.minimum', file: PARAMS, path: '.replicas' });
    expect(params.split('\n')[problem!.line - 1]).toMatch(/^ {2}values\.yaml: /);
  });

  it('without the key: a warning naming the data key, no schema errors; replacing its values is an error', async () => {
    const params = await nestedParams(`replicas: 2\nhostname: ${HOST}\n`);
    const result = await run(repo(params), { kind: 'validate' });
    expect(errorsOf(result)).toEqual([]);
    expect(result.diagnostics.find((d) => d.code === 'sops.nested-no-key')).toMatchObject({
      file: PARAMS,
      path: '.data["values.yaml"]',
    });
    const install = await run(repo(params), {
      kind: 'install',
      environments: ['dev'],
      values: 'replicas: 3\n',
      sops: { identities: [identity] },
    });
    expect(errorsOf(install).map((d) => d.code)).toContain('sops.nested-values');
    expect(install.files.map((f) => f.path)).not.toContain(PARAMS);
  });

  it('a wrong key is an error at the data key that says it is a nested document', async () => {
    const params = await nestedParams(`replicas: 2\n`);
    const result = await run(repo(params), {
      kind: 'validate',
      sops: { identities: [await generateIdentity()] },
    });
    const [problem] = errorsOf(result);
    expect(problem).toMatchObject({ code: 'sops.no-identity', file: PARAMS, path: '.data["values.yaml"]' });
    expect(problem!.message).toContain('nested SOPS document');
  });
});

describe('a SOPS document in stringData', () => {
  it('is an error: Flux would hand kapp-controller the ciphertext', async () => {
    const params = await nestedParams(`replicas: 2\n`, 'stringData');
    const result = await run(repo(params), { kind: 'validate', sops: { identities: [identity] } });
    expect(errorsOf(result).map((d) => d.code)).toContain('sops.nested-stringdata');
  });
});

describe.skipIf(!hasSopsReference)(
  "Flux's own test Secret (inside/secret.yaml: a SOPS JSON document in data)",
  () => {
    it('decrypts, MAC checked, to the plaintext Flux expects', async () => {
      const text = readFileSync(`${sopsReference}flux-kustomize-controller/inside__secret.yaml`, 'utf8');
      const identities = parseAgeIdentities(
        readFileSync(`${sopsReference}flux-kustomize-controller/keys__age.txt`, 'utf8'),
      );
      const nested = await readNestedSops(parseYaml('secret.yaml', text), text, identities);
      expect(nested!.diagnostics).toEqual([]);
      expect(nested!.keys).toEqual(['key']);
      expect(nested!.secrets).toEqual(['value']);
      const dotenv = Buffer.from(readFileSync(`${sopsReference}humphd-sops-age/secret.enc.env`)).toString(
        'base64',
      );
      const envSecret = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  app.env: ${dotenv}\n`;
      const env = await readNestedSops(parseYaml('secret.yaml', envSecret), envSecret, identities);
      expect(env!.diagnostics.map((d) => [d.code, d.path])).toEqual([
        ['sops.nested-format', '.data["app.env"]'],
      ]);
      expect(env!.plainText).toBeUndefined();
      const without = await readNestedSops(parseYaml('secret.yaml', text), text, []);
      expect(without!.diagnostics.map((d) => [d.code, d.path])).toEqual([
        ['sops.nested-no-key', '.data.key'],
      ]);
    });
  },
);
