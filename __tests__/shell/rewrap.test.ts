/**
 * `sops updatekeys` by the action (issue 19): a push putting a new recipient in `.sops.yaml` on the
 * base opens one re-wrap pull request whose files decrypt for the new recipient, values untouched; a
 * rerun writes nothing. A pull request proposing the same change gets no re-wrap: its `.sops.yaml`
 * is unreviewed, and a hostile one must not get the data keys wrapped for its recipient.
 */
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { decryptDocument, encryptDocument } from '../../src/sops/index.js';
import { COMPONENT, CONFIG, initialFiles } from '../e2e/fixtures.js';
import { openPullRequest } from '../e2e/promotion-scenario.js';
import { branches, closeStandInsAfterAll, gitopsRepo, supplyChainPush } from '../e2e/scenario.js';
import { act } from './run-in-process.js';

closeStandInsAfterAll();

const DEV_PARAMS = `${COMPONENT}/dev/params.yaml`;
const REWRAP_BRANCH = 'flux-pkg/sops-updatekeys';
const CONFIG_SOPS = CONFIG.replace('  - name: dev\n', '  - name: dev\n    secretFormat: sops\n');
const PARAMS = `apiVersion: v1
kind: Secret
metadata:
  name: app.default.tap-values
stringData:
  values.yaml: |
    ---
    replicas: 1
    hostname: rewrap.example.com
`;

let ops: { identity: string; recipient: string; keyFile: string };
let newcomer: { identity: string; recipient: string };

beforeAll(async () => {
  const identity = await generateIdentity();
  const recipient = await identityToRecipient(identity);
  ops = { identity, recipient, keyFile: `# public key: ${recipient}\n${identity}\n` };
  const other = await generateIdentity();
  newcomer = { identity: other, recipient: await identityToRecipient(other) };
});

const sopsYaml = (recipients: string[], comment = '') =>
  `${comment}creation_rules:\n  - path_regex: /dev/params\\.yaml$\n    encrypted_regex: ^(data|stringData)$\n    age: ${recipients.join(',')}\n`;

async function sopsRepo() {
  const encrypted = await encryptDocument(PARAMS, { recipients: [ops.recipient], file: DEV_PARAMS });
  const files: Record<string, string> = {
    ...initialFiles(),
    'flux-pkg.yaml': CONFIG_SOPS,
    '.sops.yaml': sopsYaml([ops.recipient]),
    [DEV_PARAMS]: encrypted.text!,
  };
  return { standIn: await gitopsRepo(files), encrypted: encrypted.text! };
}

const decryptFor = async (identity: string, text: string) =>
  (await decryptDocument(text, { identities: [identity], file: DEV_PARAMS })).document;

describe('re-wrapping data keys after a .sops.yaml recipient change', () => {
  it('a push adding a recipient opens the re-wrap PR; a rerun and a same-recipients change write nothing', async () => {
    const { standIn, encrypted } = await sopsRepo();
    const push = supplyChainPush(standIn, { '.sops.yaml': sopsYaml([ops.recipient, newcomer.recipient]) });
    const run = await act(standIn, push, { 'sops-age-key': ops.keyFile });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(branches(standIn)).toContain(REWRAP_BRANCH);
    const text = standIn.readTree(REWRAP_BRANCH)[DEV_PARAMS]!;
    // The newcomer reads the same values; the old key still does; values, MAC and lastmodified stay.
    expect((await decryptFor(newcomer.identity, text))?.text).toBe(PARAMS);
    expect((await decryptFor(ops.identity, text))?.text).toBe(PARAMS);
    const before = parse(encrypted);
    const after = parse(text);
    expect(after.stringData).toEqual(before.stringData);
    expect(after.sops.mac).toBe(before.sops.mac);
    expect(after.sops.lastmodified).toBe(before.sops.lastmodified);
    expect(after.sops.age.map((s: { recipient: string }) => s.recipient)).toEqual([
      ops.recipient,
      newcomer.recipient,
    ]);
    const pull = standIn.pulls.find((p) => p.head === REWRAP_BRANCH);
    expect(pull?.body).toContain(DEV_PARAMS);
    expect(pull?.body).toContain(`added \`${newcomer.recipient}\``);
    expect(pull?.body).not.toContain('AGE-SECRET-KEY');
    // `::add-mask::` lines are how the key is masked: the runner consumes them and never shows them.
    const shown = run.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::'));
    expect(`${shown.join('\n')}${run.summary}`).not.toContain('AGE-SECRET-KEY');

    const writes = standIn.writes().length;
    const rerun = await act(standIn, push, { 'sops-age-key': ops.keyFile });
    expect(rerun.code).toBe(0);
    expect(standIn.writes().length).toBe(writes);

    // Another .sops.yaml change, same recipients: the re-wrap is planned again; the branch moves onto
    // the new base, and its params.yaml keeps its bytes (the branch's stanza, not a fresh wrap).
    const comment = supplyChainPush(standIn, {
      '.sops.yaml': sopsYaml([ops.recipient, newcomer.recipient], '# reviewed\n'),
    });
    const again = await act(standIn, comment, { 'sops-age-key': ops.keyFile });
    expect(again.code).toBe(0);
    expect(standIn.readTree(REWRAP_BRANCH)[DEV_PARAMS]).toBe(text);
    expect(standIn.readTree(REWRAP_BRANCH)['.sops.yaml']).toBe(standIn.readTree('main')['.sops.yaml']);

    // The recipient change reverted on the base: nothing to re-wrap, and the open PR is closed.
    const revert = supplyChainPush(standIn, { '.sops.yaml': sopsYaml([ops.recipient]) });
    const reverted = await act(standIn, revert, { 'sops-age-key': ops.keyFile });
    expect(reverted.code).toBe(0);
    expect(standIn.pulls.find((p) => p.head === REWRAP_BRANCH)?.state).toBe('closed');
  }, 90_000);

  it('without sops-age-key, a warning names the files to run `flux-pkg sops updatekeys` on', async () => {
    const { standIn } = await sopsRepo();
    const push = supplyChainPush(standIn, { '.sops.yaml': sopsYaml([ops.recipient, newcomer.recipient]) });
    const run = await act(standIn, push);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/sops\.rewrap-no-key.*flux-pkg sops updatekeys/);
    expect(run.stdout).toContain(DEV_PARAMS);
    expect(branches(standIn)).not.toContain(REWRAP_BRANCH);
  });

  it('a pull request adding its own recipient gets no re-wrap, key or not', async () => {
    const { standIn } = await sopsRepo();
    const hostile = await openPullRequest(standIn, 'add-me', {
      '.sops.yaml': sopsYaml([ops.recipient, newcomer.recipient]),
    });
    const run = await act(standIn, hostile, { 'sops-age-key': ops.keyFile }, 'pull_request');
    expect(branches(standIn)).not.toContain(REWRAP_BRANCH);
    expect(standIn.readTree('add-me')[DEV_PARAMS]).toBe(standIn.readTree('main')[DEV_PARAMS]);
    expect(standIn.pulls).toHaveLength(1);
    expect(run.stdout).not.toContain('sops-updatekeys');
  });
});
