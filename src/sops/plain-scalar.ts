/**
 * A decrypted value put back into YAML so that reading it again — by sops (yaml.v3) and by this
 * module (go-scalar.ts), which agree — gives the same type and text. Otherwise the next encryption
 * of an unchanged document sees another plaintext and writes new ciphertext: `" \n"` emitted as a
 * block scalar reads back as `"\n"`, `"1_000"` emitted plain reads back (in Go) as the int 1000.
 */
import { Document, parseDocument, Scalar } from 'yaml';
import { scalarOf, type TypedText } from './cipher.js';
import { goLeafOf } from './go-scalar.js';

/** Rendering shared with the rest of the project: no folding (envelopes are long), lists flush. */
export const STRINGIFY = { lineWidth: 0, indentSeq: false } as const;

/** Put a decrypted value into its scalar node, in a style that reads back as exactly that value. */
export function setPlain(node: Scalar, value: TypedText): void {
  node.value = scalarOf(value);
  node.tag = undefined;
  node.format = undefined;
  node.minFractionDigits = undefined;
  node.type = Scalar.PLAIN;
  if (value.type === 'float') {
    const integral = /^-?\d+$/.test(value.text);
    node.minFractionDigits = integral ? 1 : undefined;
    node.source = FLOAT_SOURCE[value.text] ?? (integral ? `${value.text}.0` : value.text);
  } else if (value.type === 'str' || value.type === 'bytes' || value.type === 'comment') {
    node.type = stringStyle(value.text);
    node.source = value.text;
  } else {
    node.source = value.type === 'bool' ? value.text.toLowerCase() : value.text;
  }
}

const FLOAT_SOURCE: Record<string, string> = { '+Inf': '.inf', '-Inf': '-.inf', NaN: '.nan' };

/** The style the `yaml` package picks for a string, unless it does not read back as the string. */
function stringStyle(text: string): Scalar.Type {
  const doc = new Document({ k: text });
  const reread = parseDocument(doc.toString(STRINGIFY)).get('k', true) as Scalar | undefined;
  const leaf = reread ? goLeafOf(reread) : undefined;
  const same = leaf && 'type' in leaf && leaf.type === 'str' && leaf.text === text;
  return same ? (reread!.type ?? Scalar.PLAIN) : Scalar.QUOTE_DOUBLE;
}
