/**
 * Property: any document of maps, lists, strings (unicode, newlines), ints, floats, bools and nulls
 * encrypts and decrypts back to itself, as data and as YAML text; re-encrypting it unchanged gives
 * the same bytes. Also the Go number formatting sops hashes and encrypts.
 */
import { generateIdentity, identityToRecipient } from 'age-encryption';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { Document } from 'yaml';
import { formatGoFloat, parseGoFloat, typedTextOf } from '../../src/sops/cipher.js';
import { decryptDocument, type EncryptionRule, encryptDocument } from '../../src/sops/index.js';

let identity: string;
let recipient: string;
beforeAll(async () => {
  identity = await generateIdentity();
  recipient = await identityToRecipient(identity);
});

const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({
    unit: fc.constantFrom('a', ' ', '\n', '#', ':', '"', "'", '- ', 'é', '日', '😀', '\t'),
    maxLength: 12,
  }),
  fc.constantFrom('true', '1', '1.0', 'null', '~', '', 'ENC[x]', '0x1f', '.inf'),
);
const leaf = fc.oneof(
  text,
  fc.integer(),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).filter((n) => !Number.isSafeInteger(Number(n))),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const key = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }).filter((k) => k !== 'sops');
const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof({ depthSize: 'small' }, leaf, tie('map'), tie('list')),
  map: fc.dictionary(key, tie('tree'), { maxKeys: 4 }),
  list: fc.array(tie('tree'), { maxLength: 4 }),
}));

const rules: [string, EncryptionRule, (v: unknown) => unknown][] = [
  [
    'under stringData (encrypted_regex)',
    { encryptedRegex: '^(data|stringData)$' },
    (v) => ({ kind: 'Secret', stringData: v }),
  ],
  ['everything (unencrypted_suffix)', { unencryptedSuffix: '_unencrypted' }, (v) => ({ root: v })],
];

describe('encrypt → decrypt round trips', () => {
  for (const [name, rule, wrap] of rules) {
    it(`any nested value, ${name}`, async () => {
      await fc.assert(
        fc.asyncProperty(tree, async (value) => {
          const plain = wrap(value);
          const encrypted = await encryptDocument(plain, { recipients: [recipient], rule });
          expect(encrypted.diagnostics).toEqual([]);
          const decrypted = await decryptDocument(encrypted.text!, { identities: [identity] });
          expect(decrypted.diagnostics).toEqual([]);
          expect(decrypted.document!.value).toEqual(plain);
          const again = await encryptDocument(decrypted.document!.text, {
            recipients: [recipient],
            rule,
            previous: decrypted.document,
          });
          expect(again.text).toBe(encrypted.text);
        }),
        { numRuns: 60, seed: -261661709 },
      );
    });
  }

  it('YAML text keeps float-ness: 1.0 stays a float, 1 an int, through decryption and back', async () => {
    const yaml = new Document({ stringData: { f: 1, i: 1 } });
    (yaml.getIn(['stringData', 'f'], true) as { minFractionDigits: number }).minFractionDigits = 1;
    const plain = yaml.toString();
    expect(plain).toContain('f: 1.0');
    const encrypted = await encryptDocument(plain, { recipients: [recipient] });
    expect(encrypted.text).toMatch(/f: ENC\[.*type:float\]/);
    expect(encrypted.text).toMatch(/i: ENC\[.*type:int\]/);
    const decrypted = await decryptDocument(encrypted.text!, { identities: [identity] });
    expect(decrypted.document!.text).toBe(plain);
  });
});

describe('Go number formatting (strconv.FormatFloat(v, "f", -1, 64), as sops hashes floats)', () => {
  const vectors: [number, string][] = [
    [3.14, '3.14'],
    [1, '1'],
    [-0, '-0'],
    [1e21, '1000000000000000000000'],
    [1.5e-7, '0.00000015'],
    [123456.789, '123456.789'],
    [5e-324, `0.${'0'.repeat(323)}5`],
    [Infinity, '+Inf'],
    [-Infinity, '-Inf'],
    [Number.NaN, 'NaN'],
  ];
  for (const [v, go] of vectors) {
    it(`${v} → ${go.length > 30 ? `${go.slice(0, 12)}…` : go}`, () => {
      expect(formatGoFloat(v)).toBe(go);
      expect(Object.is(parseGoFloat(go), v)).toBe(true);
    });
  }

  it('every double survives format → parse', () => {
    fc.assert(
      fc.property(fc.double(), (v) => Object.is(parseGoFloat(formatGoFloat(v)), v)),
      { seed: 42 },
    );
  });

  it('types: bools print as Python would (True/False), safe integers as int', () => {
    expect(typedTextOf(true)).toEqual({ type: 'bool', text: 'True' });
    expect(typedTextOf(false)).toEqual({ type: 'bool', text: 'False' });
    expect(typedTextOf(7)).toEqual({ type: 'int', text: '7' });
    expect(typedTextOf(7, true)).toEqual({ type: 'float', text: '7' });
    expect(typedTextOf(2n ** 62n)).toEqual({ type: 'int', text: '4611686018427387904' });
  });
});
