/**
 * YAML with positions and limits. Every document keeps its source ranges so that any diagnostic can
 * name file, line and column; duplicate keys are errors; aliases and sizes are bounded so a hostile
 * file is refused quickly instead of exhausting memory.
 */
import {
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseAllDocuments,
  visit,
} from 'yaml';
import { type Diagnostic, type ErrorCode, error, type Position } from '../diagnostics.js';
import { DEFAULT_LIMITS, type YamlLimits } from './limits.js';

export { DEFAULT_LIMITS, type YamlLimits } from './limits.js';

/** Where the text of this YAML sits in its file, for YAML embedded in another document's scalar. */
export interface Origin {
  /** Added to every 1-based line. */
  lineOffset: number;
  /** Added to every 1-based column. */
  columnOffset: number;
}

export interface YamlDocument {
  doc: Document.Parsed;
  /** The document as plain data (undefined for an empty document). */
  value: unknown;
  /** 0-based index in the file. */
  index: number;
}

export interface ParsedYaml {
  file: string;
  documents: YamlDocument[];
  diagnostics: Diagnostic[];
  /** Position of a character offset in this text, in file coordinates. */
  position(offset: number): Position;
}

export function parseYaml(
  file: string,
  text: string,
  limits: YamlLimits = DEFAULT_LIMITS,
  origin: Origin = { lineOffset: 0, columnOffset: 0 },
): ParsedYaml {
  const lineCounter = new LineCounter();
  const position = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + origin.lineOffset, column: col + origin.columnOffset };
  };
  const result: ParsedYaml = { file, documents: [], diagnostics: [], position };
  const size = text.length > limits.maxBytes / 4 ? Buffer.byteLength(text) : text.length;
  if (size > limits.maxBytes) return tooLargeYaml(file, size, limits.maxBytes);
  // logLevel 'error': the parser's warnings (an unknown tag, a collection used as a key) quote the source and
  // would reach the process's stderr through process.emitWarning.
  const docs = parseAllDocuments(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    strict: true,
    logLevel: 'error',
  });
  if (!Array.isArray(docs)) {
    // parseAllDocuments returns an EmptyStream for a file with no documents at all.
    return result;
  }
  if (docs.length > limits.maxDocuments) {
    result.diagnostics.push(
      error(
        'yaml.too-many-documents',
        `file has ${docs.length} documents, more than ${limits.maxDocuments}`,
        file,
      ),
    );
    return result;
  }
  // An alias is written `*name`: a text without `*` has none, and its documents need no walk looking for them.
  const mayHaveAliases = text.includes('*');
  docs.forEach((doc, index) => {
    const problems = [...doc.errors];
    if (problems.length > 0) {
      for (const problem of problems) {
        result.diagnostics.push(
          error(yamlCode(problem.code), yamlMessage(problem.code), file, position(problem.pos[0])),
        );
      }
      return;
    }
    if (doc.contents === null) return; // `---` with nothing after it
    const unresolved = mayHaveAliases ? unresolvedAlias(doc) : undefined;
    if (unresolved !== undefined) {
      result.diagnostics.push(
        error(
          'yaml.unknown-alias',
          'unknown alias: an alias (*name) refers to no anchor (&name) defined before it in this document',
          file,
          position(unresolved),
        ),
      );
      return;
    }
    try {
      result.documents.push({ doc, value: doc.toJS({ maxAliasCount: limits.maxAliasCount }), index });
    } catch {
      result.diagnostics.push(
        error(
          'yaml.alias-limit',
          `document ${index + 1} expands too many aliases (over ${limits.maxAliasCount}); refusing a possible YAML bomb`,
          file,
          position(doc.range[0]),
        ),
      );
    }
  });
  return result;
}

/** A file refused for its size, unread or unparsed. */
export function tooLargeYaml(file: string, size: number, maxBytes: number): ParsedYaml {
  const diagnostic = error(
    'yaml.too-large',
    `file is ${size} bytes, over the ${maxBytes}-byte limit; not parsed`,
    file,
  );
  return { file, documents: [], diagnostics: [diagnostic], position: () => ({ line: 0, column: 0 }) };
}

/** The offset of the first alias with no anchor before it, if any (toJS would throw, naming it). */
function unresolvedAlias(doc: Document.Parsed): number | undefined {
  let found: number | undefined;
  visit(doc, {
    Alias(_, node) {
      if (isAlias(node) && node.resolve(doc) === undefined) {
        found = node.range?.[0] ?? doc.range[0];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

function yamlCode(code: string): ErrorCode {
  return code === 'DUPLICATE_KEY' ? 'yaml.duplicate-key' : 'yaml.syntax';
}

/**
 * What each of the parser's error codes means, in words of our own. The parser's messages quote the
 * source ("Block scalar header includes extra characters: >hunter2"), and the file may be a values
 * Secret: only these fixed texts and the position ever leave this module.
 */
const YAML_MESSAGES: Record<string, string> = {
  ALIAS_PROPS: 'an alias cannot carry a tag or an anchor',
  BAD_ALIAS: 'an alias is malformed',
  BAD_COLLECTION_TYPE: 'a collection has the wrong type for its tag',
  BAD_DIRECTIVE: 'a directive (%…) is malformed',
  BAD_DQ_ESCAPE: 'a double-quoted string holds an invalid escape sequence',
  BAD_INDENT: 'bad indentation',
  BAD_PROP_ORDER: 'an anchor or tag is in the wrong place',
  BAD_SCALAR_START: 'a plain value starts with a reserved character',
  BLOCK_AS_IMPLICIT_KEY: 'a nested mapping is not allowed here (a compact mapping, or a missing line break)',
  BLOCK_IN_FLOW: 'a block collection is not allowed inside a flow collection',
  DUPLICATE_KEY: 'duplicate key: map keys must be unique',
  IMPOSSIBLE: 'the parser reached an impossible state',
  KEY_OVER_1024_CHARS: 'an implicit key is longer than 1024 characters',
  MISSING_CHAR:
    'a closing character or a value is missing (an unclosed quote or bracket, or a key without a value)',
  MULTILINE_IMPLICIT_KEY: 'an implicit key must be on a single line',
  MULTIPLE_ANCHORS: 'a node has more than one anchor',
  MULTIPLE_DOCS: 'more than one document where one is expected',
  MULTIPLE_TAGS: 'a node has more than one tag',
  NON_STRING_KEY: 'a map key must be a string',
  TAB_AS_INDENT: 'tabs are not allowed as indentation',
  TAG_RESOLVE_FAILED: 'a tag cannot be resolved',
  UNEXPECTED_TOKEN:
    'unexpected characters (e.g. text after a block scalar header "|" or ">", or after a closing quote)',
};

/** A fixed message per error code; never the parser's own text, which quotes the source. */
export function yamlMessage(code: string): string {
  if (code === 'DUPLICATE_KEY') return YAML_MESSAGES.DUPLICATE_KEY!;
  const known = Object.hasOwn(YAML_MESSAGES, code) ? YAML_MESSAGES[code] : undefined;
  return `not valid YAML: ${known ?? 'a syntax error'}`;
}

export type PathSegment = string | number;

/** The node at a path in a document, or the deepest existing ancestor when the path does not exist. */
export function nodeAt(
  doc: Document.Parsed,
  path: readonly PathSegment[],
): { node: Node | null; found: boolean } {
  let node: Node | null = doc.contents;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) return { node, found: false };
      node = (pair.value as Node | null) ?? (pair.key as Node);
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) return { node, found: false };
      node = item;
    } else {
      return { node, found: false };
    }
  }
  return { node, found: true };
}

/** The key node of the last segment (better for "this key is wrong" messages), else the value node. */
export function keyNodeAt(doc: Document.Parsed, path: readonly PathSegment[]): Node | null {
  if (path.length === 0) return doc.contents;
  const parent = nodeAt(doc, path.slice(0, -1));
  const last = path[path.length - 1];
  if (parent.found && isMap(parent.node)) {
    const pair = parent.node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(last));
    if (pair && isScalar(pair.key)) return pair.key;
  }
  return nodeAt(doc, path).node;
}

/** Position of the node at a path (its key when it is a map entry) or of its deepest existing ancestor. */
export function positionAt(parsed: ParsedYaml, doc: Document.Parsed, path: readonly PathSegment[]): Position {
  const node = keyNodeAt(doc, path);
  const offset = node?.range?.[0] ?? doc.range[0];
  return parsed.position(offset);
}

/** `.spec.refName`, `.items[2].name` — the JSON-path-like form used in every message. */
export function formatPath(path: readonly PathSegment[]): string {
  return (
    path
      .map((s) =>
        typeof s === 'number' ? `[${s}]` : /^[A-Za-z_][\w-]*$/.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`,
      )
      .join('') || '.'
  );
}
