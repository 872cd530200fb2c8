/** Bootstrap of an environment whose values Secrets are encrypted: params.yaml encrypted, Flux decrypts it. */
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { planBootstrap } from '../../src/plan/modes/bootstrap/run.js';
import { MemorySnapshot } from '../../src/repo/snapshot.js';
import { decryptDocument } from '../../src/sops/index.js';
import { sampleRepo } from '../helpers/gitops.js';

const REF = 'app.default.tap';
const SECRET = 'planted-Zq81-host.example.com';

describe('bootstrap with secretFormat: sops', () => {
  it('writes params.yaml encrypted for the recipients and sets spec.decryption on the packageinstalls Kustomization', async () => {
    const identity = await generateIdentity();
    const recipient = await identityToRecipient(identity);
    const files = sampleRepo({
      'flux-pkg.yaml':
        'environments:\n  - name: dev\n  - name: prod\n    promoteFrom: dev\n  - name: qa\n    secretFormat: sops\n',
    });
    const result = await planBootstrap(new MemorySnapshot(files), {
      kind: 'bootstrap',
      components: [REF],
      environment: 'qa',
      targetNamespace: 'apps',
      gitUrl: 'https://github.com/acme/gitops.git',
      repositoryUrl: 'https://github.com/acme/gitops',
      branch: 'main',
      values: `hostname: ${SECRET}\n`,
      sopsAgeRecipients: [recipient],
      force: false,
    });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const params = result.files.find((f) => f.path === `${REF}/qa/params.yaml`)!.content;
    expect(params).not.toContain(SECRET);
    expect(parse(params).sops.age).toHaveLength(1);
    const decrypted = await decryptDocument(params, { identities: [identity] });
    expect(decrypted.diagnostics).toEqual([]);
    expect(JSON.stringify(decrypted.document!.value)).toContain(SECRET);

    const brain = result.files.find((f) => f.path === `clusters/brain/${REF}/qa.yaml`)!.content;
    const installs = parseAllDocuments(brain)
      .map((d) => d.toJS())
      .find((o) => o.metadata.name === `${REF}-qa-packageinstalls`);
    expect(installs.spec.decryption).toEqual({ provider: 'sops', secretRef: { name: 'sops-age' } });
  });
});
