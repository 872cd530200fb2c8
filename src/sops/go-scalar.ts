/**
 * How sops reads a YAML scalar: its YAML store decodes every scalar node into a Go `interface{}`
 * (getsops/sops stores/yaml/store.go:105-108, `node.Decode(&result)`), so the value, its SOPS type
 * and the text the MAC hashes are what gopkg.in/yaml.v3 resolves — YAML 1.1 leftovers included
 * (`1_000` and `017` are ints, `2001-12-14` a timestamp), where the `yaml` package (YAML 1.2 core)
 * reads strings or other numbers. Line numbers below are go-yaml/yaml branch v3 (f6f7691), the code
 * go.yaml.in/yaml/v3, which sops 3.13 uses, carries unchanged.
 */
import { isScalar, type Scalar } from 'yaml';
import { formatGoFloat, type TypedText } from './cipher.js';
import { goTimestamp } from './go-time.js';

/** A leaf as Go reads it: a typed text, null (sops leaves it alone), or why sops cannot encrypt it. */
export type GoLeaf = TypedText | null | { problem: string };

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;
const STR = 'tag:yaml.org,2002:str';
const SHORT_TAGS: Record<string, string> = {
  'tag:yaml.org,2002:str': '!!str',
  'tag:yaml.org,2002:int': '!!int',
  'tag:yaml.org,2002:float': '!!float',
  'tag:yaml.org,2002:bool': '!!bool',
  'tag:yaml.org,2002:null': '!!null',
  'tag:yaml.org,2002:timestamp': '!!timestamp',
  'tag:yaml.org,2002:binary': '!!binary',
};
// resolve.go:116-122: only these tags are resolved; any other keeps the text as a string.
const RESOLVABLE = new Set(['', '!!str', '!!bool', '!!int', '!!float', '!!null', '!!timestamp']);

/** A parsed scalar as sops sees it; a node built from a JS value (no source) keeps its JS type. */
export function goLeafOf(node: Scalar): GoLeaf | undefined {
  if (typeof node.source !== 'string' || !isScalar(node)) return undefined;
  const tag = node.tag ? (SHORT_TAGS[node.tag] ?? node.tag) : '';
  // yaml.go:463-467 indicatedString: quoted and block scalars are strings unless tagged otherwise.
  const quotedOrBlock = node.type !== undefined && node.type !== 'PLAIN';
  if (tag === '!!str' || node.tag === STR || ((tag === '' || tag === '!') && quotedOrBlock)) {
    return { type: 'str', text: String(node.source) };
  }
  if (tag === '!!binary') return binaryText(node.source);
  if (!RESOLVABLE.has(tag)) return { type: 'str', text: node.source };
  const resolved = resolvePlain(node.source, tag);
  // resolve.go:132-151: an explicit tag the text does not satisfy fails the decode (an int may be a float).
  if (tag !== '' && tag !== '!!str' && resolved !== null && 'type' in resolved) {
    const want = tag.slice(2) === 'timestamp' ? 'time' : tag.slice(2);
    if (want === 'float' && resolved.type === 'int') return { type: 'float', text: resolved.text };
    if (want !== resolved.type) return { problem: `the value does not read as its tag ${tag}` };
  }
  return resolved;
}

/** decode.go:573-579: `!!binary` is base64, decoded to a string. Only UTF-8 is carried here. */
function binaryText(source: string): GoLeaf {
  const compact = source.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 !== 0) {
    return { problem: '!!binary value contains invalid base64 data' };
  }
  const bytes = Buffer.from(compact, 'base64');
  const text = bytes.toString('utf8');
  if (!Buffer.from(text, 'utf8').equals(bytes)) {
    return { problem: 'a !!binary value that is not UTF-8 text is not supported' };
  }
  return { type: 'str', text };
}

const RESOLVE_MAP: Record<string, TypedText | null> = {};
// resolve.go:52-58.
for (const s of ['true', 'True', 'TRUE']) RESOLVE_MAP[s] = { type: 'bool', text: 'True' };
for (const s of ['false', 'False', 'FALSE']) RESOLVE_MAP[s] = { type: 'bool', text: 'False' };
for (const s of ['', '~', 'null', 'Null', 'NULL']) RESOLVE_MAP[s] = null;
for (const s of ['.nan', '.NaN', '.NAN']) RESOLVE_MAP[s] = { type: 'float', text: 'NaN' };
for (const s of ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']) {
  RESOLVE_MAP[s] = { type: 'float', text: '+Inf' };
}
for (const s of ['-.inf', '-.Inf', '-.INF']) RESOLVE_MAP[s] = { type: 'float', text: '-Inf' };

// resolve.go:124.
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/** resolve.go:126-265 for an untagged (or resolvably tagged) plain scalar. */
export function resolvePlain(text: string, tag = ''): GoLeaf {
  // resolve.go:37-45: the first byte decides whether anything but a string is possible.
  const first = text[0] ?? '';
  const hint = text === '' ? 'N' : /[-+]/.test(first) ? 'S' : /[0-9]/.test(first) ? 'D' : first;
  if (!/^(N|S|D|\.|[yYnNtTfFoO~])$/.test(hint) || tag === '!!str') return { type: 'str', text };
  if (Object.hasOwn(RESOLVE_MAP, text)) return RESOLVE_MAP[text]!;
  if (hint === '.') {
    const value = goParseFloat(text);
    return value === undefined ? { type: 'str', text } : { type: 'float', text: formatGoFloat(value) };
  }
  if (hint !== 'S' && hint !== 'D') return { type: 'str', text };
  if (tag === '' || tag === '!!timestamp') {
    const time = goTimestamp(text);
    if (time !== undefined) return { type: 'time', text: time };
  }
  return resolveNumber(text.replaceAll('_', ''), text);
}

/** resolve.go:191-259: ints in Go's base-0 syntax, then YAML-style floats, then 0b/0o spellings. */
function resolveNumber(plain: string, text: string): GoLeaf {
  const int = goParseInt(plain, 0);
  if (int !== undefined) return { type: 'int', text: int.toString() };
  if (/^[0-9]/.test(plain) && goParseInt(plain, 0, UINT64_MAX) !== undefined) {
    // resolve.go:200-203: ParseUint succeeded, a uint64 — which sops cannot encrypt (aes/cipher.go).
    return { problem: 'an integer larger than int64 is not supported by sops' };
  }
  if (YAML_STYLE_FLOAT.test(plain)) {
    const value = goParseFloat(plain);
    if (value !== undefined) return { type: 'float', text: formatGoFloat(value) };
  }
  for (const [prefix, base, sign] of [
    ['0b', 2, ''],
    ['-0b', 2, '-'],
    ['0o', 8, ''],
    ['-0o', 8, '-'],
  ] as const) {
    if (!plain.startsWith(prefix)) continue;
    const rest = plain.slice(prefix.length);
    const value = goParseInt(sign + rest, base);
    if (value !== undefined) return { type: 'int', text: value.toString() };
    break;
  }
  return { type: 'str', text };
}

/**
 * Go `strconv.ParseInt(s, base, 64)` (base 0: `0x`, `0o`, `0b` and a leading `0` for octal), as a
 * bigint; undefined on a syntax or range error. `max` 2^64-1 on an unsigned text: `ParseUint`.
 */
export function goParseInt(s: string, base: 0 | 2 | 8, max = INT64_MAX): bigint | undefined {
  const match = /^([-+]?)(.*)$/s.exec(s)!;
  const [sign, body] = [match[1], match[2]!];
  let digits = body;
  let radix: number = base;
  if (base === 0) {
    const prefixed = /^0([xXoObB])(.*)$/s.exec(body);
    if (prefixed) {
      radix = { x: 16, o: 8, b: 2 }[prefixed[1]!.toLowerCase() as 'x' | 'o' | 'b'];
      digits = prefixed[2]!;
    } else radix = body.length > 1 && body.startsWith('0') ? 8 : 10;
  }
  const alphabet = '0123456789abcdef'.slice(0, radix);
  if (digits === '' || [...digits.toLowerCase()].some((c) => !alphabet.includes(c))) return undefined;
  let value = 0n;
  for (const c of digits.toLowerCase()) value = value * BigInt(radix) + BigInt(alphabet.indexOf(c));
  if (sign === '-') value = -value;
  return value < INT64_MIN || value > max ? undefined : value;
}

/** Go `strconv.ParseFloat(s, 64)` for the decimal forms YAML_STYLE_FLOAT admits; out of range fails. */
function goParseFloat(s: string): number | undefined {
  if (!YAML_STYLE_FLOAT.test(s) || !/[0-9]/.test(s)) return undefined;
  const value = Number(s);
  return Number.isFinite(value) ? value : undefined;
}
