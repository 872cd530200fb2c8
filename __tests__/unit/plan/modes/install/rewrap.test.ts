/** The pure half of the action's re-wrap: when to look, which files to read, which need re-wrapping, the PR. */
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import {
  rewrapCandidates,
  rewrapNoKey,
  rewrapPlan,
  rewrapWanted,
} from '../../../../../src/plan/modes/install/rewrap.js';
import { REWRAP_KEY, rewrapProposal } from '../../../../../src/plan/proposals/proposals.js';
import { encryptDocument } from '../../../../../src/sops/index.js';

const SECRET = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  a: b\n';
const rule = (recipients: string[]) =>
  `creation_rules:\n  - encrypted_regex: ^(data|stringData)$\n    age: ${recipients.join(',')}\n`;
const style = {
  title: '',
  commitMessage: '',
  labels: ['sops'],
  reviewers: [],
  teamReviewers: [],
  draft: false,
  autoMerge: false as const,
  links: { serverUrl: 'https://github.com', repository: 'o/r', baseSha: 'abc' },
};

describe('rewrap (pure)', () => {
  it('looks on a full scan or when a .sops.yaml changed, not otherwise', () => {
    expect(rewrapWanted(undefined)).toBe(true);
    const none = { packageFiles: [], packageInstalls: [], configChanged: false };
    expect(rewrapWanted(none)).toBe(false);
    expect(rewrapWanted({ ...none, sopsConfigChanged: true })).toBe(true);
  });

  it('reads the .sops.yaml files and the YAML files in the folders they cover; nothing without one', () => {
    expect(rewrapCandidates(['a/x.yaml', 'b/y.yaml'])).toEqual({ configs: [], files: [] });
    expect(rewrapCandidates(['a/.sops.yaml', 'a/x.yaml', 'a/n.txt', 'b/y.yaml'])).toEqual({
      configs: ['a/.sops.yaml'],
      files: ['a/x.yaml'],
    });
  });

  it('finds the files whose recipients differ, and the proposal lists public keys only', async () => {
    const [one, two] = await Promise.all([generateIdentity(), generateIdentity()]);
    const [r1, r2] = await Promise.all([identityToRecipient(one!), identityToRecipient(two!)]);
    const enc = (await encryptDocument(SECRET, { recipients: [r1], file: 'env/s.yaml' })).text!;
    const texts = new Map([
      ['.sops.yaml', rule([r1, r2])],
      ['env/s.yaml', enc],
      ['env/plain.yaml', SECRET],
    ]);
    const planned = rewrapPlan(texts);
    expect(planned.diagnostics).toEqual([]);
    expect(planned.changes).toEqual([{ file: 'env/s.yaml', added: [r2], removed: [], recipients: [r1, r2] }]);
    expect(rewrapPlan(new Map([...texts, ['.sops.yaml', rule([r1])]])).changes).toEqual([]);
    expect(rewrapNoKey(planned.changes)[0]).toMatchObject({
      severity: 'warning',
      code: 'sops.rewrap-no-key',
      file: 'env/s.yaml',
    });
    const proposal = rewrapProposal(planned.changes, [], style);
    expect(proposal.key).toBe(REWRAP_KEY);
    expect(proposal.body).toContain(`added \`${r2}\``);
    expect(proposal.body).not.toContain('AGE-SECRET-KEY');
    expect(proposal.labels).toEqual(['sops']);
    expect(proposal.autoMerge).toBe(false);
  });
});
