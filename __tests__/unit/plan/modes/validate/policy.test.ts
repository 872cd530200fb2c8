/**
 * The gate's policy rules that __tests__/gate-policy/ does not reach directly; the journeys through
 * the gate stay there.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT } from '../../../../../src/config/config.js';
import {
  clusterScopeAllowed,
  encryptedValuesChanged,
  environmentOfRbacFolder,
  sopsRecipientChanges,
  sopsRecipients,
  sopsTogetherProblem,
} from '../../../../../src/plan/modes/validate/policy.js';

describe('environmentOfRbacFolder and clusterScopeAllowed', () => {
  it('reads the environment out of the rbacFolder template; other folders are none', () => {
    expect(environmentOfRbacFolder(DEFAULT_LAYOUT, 'prod-rbac')).toBe('prod');
    expect(environmentOfRbacFolder(DEFAULT_LAYOUT, 'prod')).toBeUndefined();
    expect(environmentOfRbacFolder(DEFAULT_LAYOUT, 'Prod-rbac')).toBeUndefined();
    expect(environmentOfRbacFolder({ ...DEFAULT_LAYOUT, rbacFolder: 'rbac/{environment}' }, 'rbac/qa')).toBe(
      'qa',
    );
  });

  it('cluster scope: only a component the base policy names, or *', () => {
    expect(clusterScopeAllowed({ allowClusterScope: ['api'] } as never, 'api')).toBe(true);
    expect(clusterScopeAllowed({ allowClusterScope: ['api'] } as never, 'web')).toBe(false);
    expect(clusterScopeAllowed({ allowClusterScope: ['*'] } as never, undefined)).toBe(true);
  });
});

describe('.sops.yaml recipients', () => {
  const base = 'creation_rules:\n  - path_regex: dev/.*\n    age: age1aaa,age1bbb\n  - age: age1ccc\n';
  it('by creation rule, split and sorted; a rule without path_regex is every file', () => {
    expect([...sopsRecipients(base)]).toEqual([
      ['dev/.*', ['age:age1aaa', 'age:age1bbb']],
      ['(every file)', ['age:age1ccc']],
    ]);
    expect(sopsRecipients(undefined).size).toBe(0);
  });

  it('one line per rule whose recipients change', () => {
    const head = base.replace('age1aaa,age1bbb', 'age1aaa,age1ddd');
    expect(sopsRecipientChanges(base, head)).toEqual([
      '.sops.yaml: rule "dev/.*": adds age:age1ddd removes age:age1bbb',
    ]);
    expect(sopsRecipientChanges(base, base)).toEqual([]);
  });
});

describe('encrypted values and recipients changed together', () => {
  const enc = (value: string, mac: string) =>
    `stringData:\n  values.yaml: ENC[AES256_GCM,data:${value},type:str]\nsops:\n  mac: ${mac}\n  version: 3.9.0\n`;

  it('a change of the sops block alone (updatekeys) is not a change of values', () => {
    expect(encryptedValuesChanged(enc('AAA', 'm1'), enc('AAA', 'm2'))).toBe(false);
    expect(encryptedValuesChanged(enc('AAA', 'm1'), enc('BBB', 'm2'))).toBe(true);
    expect(encryptedValuesChanged(undefined, enc('AAA', 'm1'))).toBe(true);
    expect(encryptedValuesChanged('a: 1\n', 'a: 2\n')).toBe(false);
  });

  it('is refused only when both change in one pull request', () => {
    expect(sopsTogetherProblem(['.sops.yaml: rule x: adds y'], ['app/dev/params.yaml'])).toMatchObject([
      {
        code: 'policy.sops-recipients-with-values',
        file: '.sops.yaml',
        message: expect.stringContaining('split it'),
      },
    ]);
    expect(sopsTogetherProblem([], ['app/dev/params.yaml'])).toEqual([]);
    expect(sopsTogetherProblem(['.sops.yaml: rule x: adds y'], [])).toEqual([]);
  });
});
