/**
 * `.sops.yaml` creation rules pick the recipients and the encryption rule for a file: first
 * `path_regex` match wins, as in sops; problems name `.sops.yaml` and the rule's line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { creationRuleFor, parseSopsConfig, type SopsConfig } from '../../src/sops/index.js';
import { sopsReference } from './reference-dir.js';

const A = 'age1l44xcng8dqj32nlv6d930qvvrny05hglzcv9qpc7kxjc6902ma4qufys29';
const B = 'age1je6kjhzuhdjy3fqptpttxjh5k8q46vygzlgtpuq3030c947pc5tqz9dqvr';

const CONFIG = `creation_rules:
  - path_regex: ^clusters/prod/.*\\.yaml$
    encrypted_regex: ^(data|stringData)$
    age: ${A}, ${B},
  - path_regex: ^clusters/dev/
    age:
      - ${B}
  - path_regex: \\.env$
    pgp: 35C1A64CD7FC0AB6EB66756B2445463C3234ECE1
  - key_groups:
      - age: [${A}]
`;

function load(text: string): SopsConfig {
  const { config, diagnostics } = parseSopsConfig(text);
  expect(diagnostics).toEqual([]);
  return config!;
}

describe('creation rules', () => {
  const config = load(CONFIG);
  const pick = (path: string) => creationRuleFor(config, path);

  it('the first matching rule wins; age as a comma-separated string (trailing comma ignored)', () => {
    const { rule, diagnostics } = pick('clusters/prod/app/params.yaml');
    expect(diagnostics).toEqual([]);
    expect(rule).toMatchObject({
      index: 0,
      recipients: [A, B],
      rule: { encryptedRegex: '^(data|stringData)$' },
    });
  });

  it("age as a list; no encryption rule given means sops's default", () => {
    expect(pick('clusters/dev/app/params.yaml').rule).toMatchObject({ index: 1, recipients: [B], rule: {} });
  });

  it('a rule without path_regex matches everything; a single key group gives its age keys', () => {
    expect(pick('anything/else.yaml').rule).toMatchObject({ index: 3, recipients: [A] });
  });

  it('a matching rule with only pgp keys is an error on its line', () => {
    const { rule, diagnostics } = pick('a/b.env');
    expect(rule).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.file, d.line])).toEqual([['sops.no-age', '.sops.yaml', 8]]);
  });

  it('no rule matching is an error', () => {
    const only = load(`creation_rules:\n  - path_regex: ^x/\n    age: ${A}\n`);
    expect(creationRuleFor(only, 'y/z.yaml').diagnostics.map((d) => d.code)).toEqual(['sops.no-rule']);
  });

  it('a broken path_regex, two rules at once, Shamir key groups, a bad recipient: errors with lines', () => {
    const broken = load(`creation_rules:
  - path_regex: "("
    age: ${A}
`);
    expect(creationRuleFor(broken, 'a.yaml').diagnostics.map((d) => [d.code, d.line, d.path])).toEqual([
      ['sops.config', 2, '.creation_rules[0].path_regex'],
    ]);
    const cases = [
      `  - encrypted_regex: a\n    unencrypted_suffix: _x\n    age: ${A}\n`,
      `  - key_groups:\n      - age: [${A}]\n      - age: [${B}]\n`,
      '  - age: AGE-SECRET-KEY-1NOTARECIPIENT\n',
    ];
    for (const rule of cases) {
      const { diagnostics } = creationRuleFor(load(`creation_rules:\n${rule}`), 'a.yaml');
      expect(diagnostics.map((d) => [d.code, d.line])).toEqual([['sops.config', 2]]);
      expect(diagnostics[0]!.message).not.toContain('AGE-SECRET-KEY');
    }
  });

  it('a file that is not a config is an error, not a crash', () => {
    expect(parseSopsConfig('creation_rules: 3\n').diagnostics.map((d) => d.code)).toEqual(['sops.config']);
    expect(parseSopsConfig('a: [\n').diagnostics.map((d) => d.code)).toEqual(['yaml.syntax']);
  });
});

const flux = `${sopsReference}flux-kustomize-controller/.sops.yaml`;
const fluxPresent = existsSync(flux);
if (!fluxPresent)
  console.warn(`SKIPPED: Flux's .sops.yaml test needs ${flux} (shared reference data); absent here`);

describe.skipIf(!fluxPresent)("Flux's real .sops.yaml (anchors, pgp rules, a fallback)", () => {
  it("picks the rules Flux's tests expect", () => {
    const config = load(readFileSync(flux, 'utf8'));
    expect(creationRuleFor(config, 'algorithms/age.yaml').rule).toMatchObject({
      index: 2,
      recipients: [A],
      rule: { encryptedRegex: '^(data|stringData)$' },
    });
    expect(creationRuleFor(config, 'x/json.yaml').rule).toMatchObject({
      index: 1,
      rule: { encryptedRegex: '.*' },
    });
    expect(creationRuleFor(config, 'inside.yaml').diagnostics.map((d) => d.code)).toEqual(['sops.no-age']);
    expect(creationRuleFor(config, 'keys/age.txt').rule).toMatchObject({
      index: 3,
      recipients: [A],
      rule: {},
    });
    expect(creationRuleFor(config, 'other.bin').diagnostics.map((d) => d.code)).toEqual(['sops.config']);
  });
});
