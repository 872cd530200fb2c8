/**
 * The leak property at the action level. Pull request bodies show the effective values a reviewer
 * decides on (issue 18), so a plain valid value may appear there; what never leaves the values
 * document is a random marker planted as a value under a secret-looking key, in a document the
 * schema refuses or that does not parse, in base64 `data:`, or in a broken outer Secret. It appears
 * in no channel of a whole action run: log, annotations, failure line, summary, outputs, pull
 * request titles, bodies and comments, commit messages.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMPONENT, newPackage } from '../e2e/fixtures.js';
import { closeStandInsAfterAll, gitopsRepo, supplyChainPush } from '../e2e/scenario.js';
import { propertyOptions } from '../helpers/fc.js';
import { expectNotShown } from './hostile.js';
import { act } from './run-in-process.js';

closeStandInsAfterAll();

const PARAMS = `${COMPONENT}/dev/params.yaml`;
const HEAD = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ${COMPONENT}-values\n`;
const indent = (text: string) =>
  text
    .split('\n')
    .map((l) => (l ? `    ${l}` : l))
    .join('\n');
const inStringData = (values: string) => `${HEAD}stringData:\n  values.yaml: |\n${indent(values)}`;
const inData = (values: string) => `${HEAD}data:\n  values.yaml: ${Buffer.from(values).toString('base64')}\n`;

/** A valid document, the marker under a key that looks secret (ingress.tls.secret_name in the schema). */
const SECRET_LOOKING = (m: string) =>
  `replicas: 1\ningress:\n  enabled: true\n  tls:\n    enabled: true\n    secret_name: ${m}\n`;

/** Values documents with the marker where a value goes: under a secret-looking key, or in a document that fails validation. */
const VALUES: ((m: string) => string)[] = [
  SECRET_LOOKING,
  (m) => `replicas: ${m}\n`,
  (m) => `replicas: 1\nunknown_key: ${m}\n`,
  (m) => `replicas: 1\nhostname: >${m}\n`,
  (m) => `replicas: 1\nhostname: "${m}\n`,
  (m) => `replicas: 1\nhostname: [${m}\n`,
  (m) => `replicas: 1\nhostname: *${m}\n`,
  (m) => `replicas: 1\nhostname: ${m}: x\n`,
];

/** Whole params.yaml files, the marker in the Secret itself. */
const SECRETS: ((m: string) => string)[] = [
  (m) => `${HEAD}stringData:\n  values.yaml: "${m}\n`,
  (m) => `${HEAD}stringData:\n  values.yaml: >${m}\n`,
  (m) => `${HEAD}data:\n  values.yaml: ${m}!\n`,
  (m) => `${HEAD}stringData:\n  ${m}: [\n`,
];

const marker = fc.stringMatching(/^[A-Za-z0-9]{14,24}$/).map((s) => `Mk${s}`);

async function runWith(params: string, secret: string): Promise<void> {
  const standIn = await gitopsRepo();
  const pkg = newPackage();
  const run = await act(standIn, supplyChainPush(standIn, { [pkg.path]: pkg.content, [PARAMS]: params }));
  expect(run.outputs.valid, run.stdout).toMatch(/^(true|false)$/);
  expectNotShown(run, standIn, secret);
}

describe('a values value never leaves the values document', () => {
  it.each([
    ['in stringData', inStringData, VALUES],
    ['in base64 data:', inData, VALUES],
    ['in the Secret around it', (text: string) => text, SECRETS],
  ] as const)('%s', async (_, wrap, shapes) => {
    await fc.assert(
      fc.asyncProperty(marker, fc.constantFrom(...shapes), async (m, shape) => runWith(wrap(shape(m)), m)),
      propertyOptions({ numRuns: 3 }),
    );
  });

  it('a valid value shows under a plain key, never under a secret-looking one', async () => {
    const plain = 'Mk7f3QplainValueMarker';
    const secret = 'Mk7f3QsecretValueMarker';
    const standIn = await gitopsRepo();
    const pkg = newPackage();
    const params = inStringData(
      SECRET_LOOKING(secret).replace('replicas: 1\n', `replicas: 1\nhostname: ${plain}\n`),
    );
    const run = await act(standIn, supplyChainPush(standIn, { [pkg.path]: pkg.content, [PARAMS]: params }));
    expect(run.code, run.stdout).toBe(0);
    expect(standIn.pulls.length).toBeGreaterThan(0);
    // The review facts reached the body (so the secret's absence means something)…
    const bodies = standIn.pulls.map((p) => p.body).join('\n');
    expect(bodies).toContain(plain);
    expect(bodies).toContain('ingress.tls.secret_name');
    // …and the secret-looking value reached no channel.
    expectNotShown(run, standIn, secret);
  });
});
