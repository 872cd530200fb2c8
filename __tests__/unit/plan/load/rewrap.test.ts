import { generateIdentity, identityToRecipient } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { rewrapFiles } from '../../../../src/plan/load/rewrap.js';

describe('rewrapFiles', () => {
  it('leaves out a file it cannot re-wrap, with a sops.rewrap warning naming the file and never its text', async () => {
    const identity = await generateIdentity();
    const recipient = await identityToRecipient(identity);
    const text = 'apiVersion: v1\nkind: Secret\nstringData:\n  values.yaml: "password: hunter2"\n';
    const out = await rewrapFiles(
      [{ file: 'app/dev/params.yaml', recipients: [recipient], added: [recipient], removed: [] }],
      new Map([['app/dev/params.yaml', text]]),
      [identity],
    );
    expect(out.files).toEqual([]);
    expect(out.changes).toEqual([]);
    expect(out.diagnostics).toHaveLength(1);
    expect(out.diagnostics[0]).toMatchObject({
      code: 'sops.rewrap',
      severity: 'warning',
      file: 'app/dev/params.yaml',
    });
    expect(JSON.stringify(out.diagnostics)).not.toContain('hunter2');
  });
});
