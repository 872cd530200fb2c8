import { describe, expect, it } from 'vitest';
import { BUILT_IN_SETTINGS, type Settings } from '../../../../../src/config/config.js';
import { error } from '../../../../../src/diagnostics.js';
import { plannedSecret, sealedSecret } from '../../../../../src/plan/modes/install/secret.js';
import { codes, type RepoState, repo } from '../../../repo-state.js';

const PATH = 'app/dev/params.yaml';
const target = { component: 'app', environment: 'dev', name: 'app-values', valuesKey: 'values.yaml' };

function planSecret(state: RepoState, values: string | undefined, settings: Partial<Settings> = {}) {
  const ctx = state.context();
  const env = state.environmentFiles('app', 'dev');
  return plannedSecret(ctx, env, values, { ...BUILT_IN_SETTINGS, ...settings }, PATH, target);
}
const withSecret = (values = 'replicas: 2\n') =>
  repo()
    .component('app', { packages: ['1.0.0'] })
    .environment('dev', { values });

describe('plannedSecret: a plain values Secret', () => {
  it('unchanged values write nothing and keep the Secret as read', () => {
    const step = planSecret(withSecret(), undefined);
    expect('planned' in step && step.planned.file).toBeUndefined();
    expect('planned' in step && step.planned.secret?.merged).toEqual({ replicas: 2 });
  });

  it('--values replaces the values key and updates the file, marked secret', () => {
    const step = planSecret(withSecret(), 'replicas: 5\n');
    if (!('planned' in step)) throw new Error('expected a plain plan');
    expect(step.planned.file).toMatchObject({ path: PATH, action: 'update', secret: true });
    expect(step.planned.secret?.merged).toEqual({ replicas: 5 });
    expect(step.planned.file!.content).toContain('name: app.example.com-values');
  });

  it('a folder without params.yaml gets one, named from the settings', () => {
    const state = repo()
      .component('app', { packages: ['1.0.0'] })
      .environment('dev', { values: null });
    const step = planSecret(state, 'replicas: 3\n');
    if (!('planned' in step)) throw new Error('expected a plain plan');
    expect(step.planned.file).toMatchObject({ path: PATH, action: 'create', secret: true });
    expect(step.planned.file!.content).toContain('name: app-values');
    expect(step.planned.secret?.merged).toEqual({ replicas: 3 });
  });

  it('plain text under requireEncryption is an error in the plan’s diagnostics', () => {
    const step = planSecret(withSecret(), undefined, { requireEncryption: true });
    expect('planned' in step && codes(step.planned.diagnostics)).toEqual(['values.plain-secret']);
  });
});

describe('plannedSecret: a Secret to encrypt', () => {
  it('secretFormat sops sends the plaintext to be sealed (nothing is encrypted here)', () => {
    const step = planSecret(withSecret(), 'replicas: 4\n', { secretFormat: 'sops' });
    if (!('seal' in step)) throw new Error('expected a seal request');
    expect(step.seal).toMatchObject({ path: PATH, action: 'update' });
    expect(step.seal.plain).toContain('replicas: 4');
    expect(step.seal.read.secret?.merged).toEqual({ replicas: 4 });
  });

  it('sealedSecret: the sealed text becomes the file; a failed seal only reports', () => {
    const step = planSecret(withSecret(), 'replicas: 4\n', { secretFormat: 'sops' });
    if (!('seal' in step)) throw new Error('expected a seal request');
    const sealed = sealedSecret(step.seal, {
      text: step.seal.plain.replace('replicas: 4', 'replicas: ENC[…]'),
      diagnostics: [],
    });
    expect(sealed.file).toMatchObject({ path: PATH, action: 'update', secret: true });
    expect(sealed.secret?.merged).toEqual({ replicas: 4 });
    const failed = sealedSecret(step.seal, { diagnostics: [error('sops.no-recipients', 'who?', PATH)] });
    expect(failed.file).toBeUndefined();
    expect(codes(failed.diagnostics)).toEqual(['sops.no-recipients']);
  });
});
