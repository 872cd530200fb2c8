/**
 * Scalars read the way sops reads them (yaml.v3 into interface{}), and a decrypted document that
 * re-encrypts to the same bytes whatever scalar style its values were written in. Vectors marked
 * "decode_test.go" are go-yaml/yaml v3's own (decode_test.go:40-200); the others follow resolve.go.
 */
import { generateIdentity, identityToRecipient } from 'age-encryption';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { Document, parseDocument, Scalar } from 'yaml';
import { goLeafOf, resolvePlain } from '../../src/sops/go-scalar.js';
import { decryptDocument, encryptDocument } from '../../src/sops/index.js';

const read = (yaml: string) => goLeafOf(parseDocument(`v: ${yaml}\n`).get('v', true) as Scalar);

describe('plain scalars as yaml.v3 resolves them', () => {
  const vectors: [string, unknown][] = [
    // decode_test.go
    ['hi', { type: 'str', text: 'hi' }],
    ['10', { type: 'int', text: '10' }],
    ['0b10', { type: 'int', text: '2' }],
    ['0xA', { type: 'int', text: '10' }],
    ['.1', { type: 'float', text: '0.1' }],
    ['.Inf', { type: 'float', text: '+Inf' }],
    ['-.inf', { type: 'float', text: '-Inf' }],
    ['-.1', { type: 'float', text: '-0.1' }],
    ['685.230_15e+03', { type: 'float', text: '685230.15' }],
    ['+685_230', { type: 'int', text: '685230' }],
    ['02472256', { type: 'int', text: '685230' }],
    ['-02472256', { type: 'int', text: '-685230' }],
    ['-0o2472256', { type: 'int', text: '-685230' }],
    ['0x_0A_74_AE', { type: 'int', text: '685230' }],
    [
      '-0b1000000000000000000000000000000000000000000000000000000000000000',
      { type: 'int', text: '-9223372036854775808' },
    ],
    ['TRUE', { type: 'bool', text: 'True' }],
    ['~', null],
    ['', null],
    // YAML 1.1 leftovers the yaml package (1.2 core) reads otherwise
    ['1_000', { type: 'int', text: '1000' }],
    ['017', { type: 'int', text: '15' }],
    ['08', { type: 'float', text: '8' }],
    ['-0x1F', { type: 'int', text: '-31' }],
    ['yes', { type: 'str', text: 'yes' }],
    ['1e400', { type: 'str', text: '1e400' }],
    ['2001-12-14', { type: 'time', text: '2001-12-14T00:00:00Z' }],
    ['2001-12-14t21:59:43.10-05:00', { type: 'time', text: '2001-12-14T21:59:43.1-05:00' }],
    ['2001-12-14 21:59:43.10', { type: 'time', text: '2001-12-14T21:59:43.1Z' }],
    ['2001-2-29', { type: 'str', text: '2001-2-29' }],
    ['2000-2-29', { type: 'time', text: '2000-02-29T00:00:00Z' }],
    ['18446744073709551615', { problem: expect.stringContaining('int64') }],
  ];
  for (const [yaml, want] of vectors) {
    it(`${yaml || '(empty)'} → ${JSON.stringify(want)}`, () => expect(read(yaml)).toEqual(want));
  }

  it('quoted and block scalars are strings; tags decide; !!binary is decoded; a wrong tag is refused', () => {
    expect(read('"017"')).toEqual({ type: 'str', text: '017' });
    expect(read("'~'")).toEqual({ type: 'str', text: '~' });
    expect(read('!!str 017')).toEqual({ type: 'str', text: '017' });
    expect(read('!!float 1')).toEqual({ type: 'float', text: '1' });
    expect(read('!!binary aGVsbG8=')).toEqual({ type: 'str', text: 'hello' });
    expect(read('!!int abc')).toEqual({ problem: expect.stringContaining('!!int') });
    expect(read('!custom 017')).toEqual({ type: 'str', text: '017' });
    expect(resolvePlain('017', '!!str')).toEqual({ type: 'str', text: '017' });
  });
});

let identity: string;
let recipient: string;
beforeAll(async () => {
  identity = await generateIdentity();
  recipient = await identityToRecipient(identity);
});

const STYLES: Scalar.Type[] = [
  Scalar.PLAIN,
  Scalar.QUOTE_SINGLE,
  Scalar.QUOTE_DOUBLE,
  Scalar.BLOCK_LITERAL,
  Scalar.BLOCK_FOLDED,
];
const tricky = fc.constantFrom(
  ' \n',
  ' ',
  '\n',
  '\n\n',
  'a \n',
  'a\n ',
  ' a',
  'a\t',
  '\t\n',
  '#',
  '- a',
  'a: b',
  '1_000',
  '017',
  '0x1F',
  '-0x1F',
  '0b11',
  '0o17',
  '08',
  '1e3',
  '.5',
  '+1',
  '.inf',
  '-.Inf',
  '.nan',
  '~',
  'null',
  'Null',
  '',
  'true',
  'True',
  'yes',
  'on',
  '2001-12-14',
  '2001-12-14 21:59:43.10',
  '2001-12-14T21:59:43.1+01:00',
  'aGVsbG8=',
  '<<',
  '1e400',
  '18446744073709551615',
);
const chars = fc.string({
  unit: fc.constantFrom('a', '1', ' ', '\n', '\t', '.', '-', '_', ':', '#', 'é'),
  maxLength: 10,
});
const scalar = fc.record({
  text: fc.oneof(tricky, chars),
  style: fc.constantFrom(...STYLES),
  tagged: fc.constantFrom('', '!!str', '!!binary'),
});

/** A Secret-like document whose stringData values are written in the given styles (as the yaml package can). */
function documentOf(scalars: { text: string; style: Scalar.Type; tagged: string }[]): string {
  const doc = new Document({ kind: 'Secret', stringData: {} as Record<string, string> });
  const map = doc.get('stringData', true) as unknown as { add: (p: unknown) => void };
  scalars.forEach(({ text, style, tagged }, i) => {
    const value = tagged === '!!binary' ? Buffer.from(text).toString('base64') : text;
    const node = doc.createNode(value) as Scalar;
    node.type = style;
    if (tagged) node.tag = `tag:yaml.org,2002:${tagged.slice(2)}`;
    map.add(doc.createPair(`k${i}`, node));
  });
  return doc.toString({ lineWidth: 0 });
}

describe('decrypt(encrypt(x)) = x as sops reads x, and an unchanged document re-encrypts to the same bytes', () => {
  it('for every scalar style and tricky text (fixed seed)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(scalar, { minLength: 1, maxLength: 5 }), async (scalars) => {
        const plain = documentOf(scalars);
        const encrypted = await encryptDocument(plain, { recipients: [recipient] });
        const parsedLeaves = leavesOf(plain);
        if (parsedLeaves.some((l) => l !== null && l !== undefined && 'problem' in l)) {
          expect(encrypted.diagnostics.map((d) => d.code)).toContain('sops.value-type');
          return;
        }
        expect(encrypted.diagnostics).toEqual([]);
        const decrypted = await decryptDocument(encrypted.text!, { identities: [identity] });
        expect(decrypted.diagnostics).toEqual([]);
        expect(leavesOf(decrypted.document!.text)).toEqual(parsedLeaves);
        const again = await encryptDocument(decrypted.document!.text, {
          recipients: [recipient],
          previous: decrypted.document,
        });
        expect(again.unchanged).toBe(true);
        expect(again.text).toBe(encrypted.text);
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  it('the string " \\n" (fast-check seed -261661709 of roundtrip.test.ts) keeps its ciphertext', async () => {
    const encrypted = await encryptDocument({ stringData: { k: ' \n' } }, { recipients: [recipient] });
    const decrypted = await decryptDocument(encrypted.text!, { identities: [identity] });
    expect((decrypted.document!.value as { stringData: { k: string } }).stringData.k).toBe(' \n');
    const again = await encryptDocument(decrypted.document!.text, {
      recipients: [recipient],
      previous: decrypted.document,
    });
    expect(again.text).toBe(encrypted.text);
  });
});

function leavesOf(yaml: string) {
  const map = parseDocument(yaml).get('stringData', true) as unknown as { items: { value: Scalar }[] };
  return map.items.map((p) => goLeafOf(p.value));
}
