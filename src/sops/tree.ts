/**
 * The walk sops makes over a document (`sops.go` walkBranch): map values and list items in document
 * order, with the path of map keys from the root (list items add no segment). The top-level `sops`
 * key is the metadata and is not part of the tree. Comments are gathered per collection, the way
 * sops's YAML store attaches them, because an encrypted subtree must not keep plaintext comments.
 */
import { type Document, isAlias, isMap, isScalar, isSeq, type Node, type Scalar } from 'yaml';
import type { ErrorCode } from '../diagnostics.js';
import type { PathSegment } from '../yaml/parse.js';
import { type SopsScalar, type TypedText, typedTextOf } from './cipher.js';
import { type GoLeaf, goLeafOf } from './go-scalar.js';

export const METADATA_KEY = 'sops';

export interface LeafVisit {
  node: Scalar;
  /** Its SOPS type and canonical text, as sops reads it (see go-scalar.ts). */
  value: TypedText;
  /** Map keys from the root: what the AAD and the encryption rule see. */
  keys: string[];
  /** Full path with list indexes, for messages and positions. */
  at: PathSegment[];
}

/** A node whose `commentBefore` / `comment` belong to the collection at `keys`. */
export interface CommentHolder {
  commentBefore?: string | null;
  comment?: string | null;
}

export interface CommentGroup {
  keys: string[];
  at: PathSegment[];
  holders: CommentHolder[];
}

export interface TreeProblem {
  code: ErrorCode;
  message: string;
  at: PathSegment[];
}

export interface DocumentWalk {
  leaves: LeafVisit[];
  comments: CommentGroup[];
  problems: TreeProblem[];
}

/** The AAD of a value: its key path joined by `:`, with a trailing `:`. */
export function aadOf(keys: readonly string[]): string {
  return `${keys.join(':')}:`;
}

export function walkDocument(doc: Document): DocumentWalk {
  const walk: DocumentWalk = { leaves: [], comments: [], problems: [] };
  const root = doc.contents as Node | null;
  if (root === null || (isScalar(root) && root.value === null)) return walk;
  if (!isMap(root)) {
    walk.problems.push({ code: 'sops.not-a-map', message: 'a SOPS document must be a map', at: [] });
    return walk;
  }
  walkNode(root, [], [], walk, [doc as CommentHolder]);
  return walk;
}

function walkNode(
  node: unknown,
  keys: string[],
  at: PathSegment[],
  walk: DocumentWalk,
  extraHolders: CommentHolder[] = [],
  ownComments = true,
): void {
  if (node === null || node === undefined) return;
  if (isAlias(node)) {
    walk.problems.push({ code: 'sops.alias', message: 'aliases are not supported in a SOPS document', at });
  } else if (isMap(node)) {
    const group: CommentGroup = { keys, at, holders: ownComments ? [...extraHolders, node] : [] };
    walk.comments.push(group);
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? pair.key.value : undefined;
      if (typeof key !== 'string') {
        walk.problems.push({ code: 'sops.key-type', message: 'map keys must be strings', at });
        continue;
      }
      if (keys.length === 0 && key === METADATA_KEY) continue;
      group.holders.push(pair.key as Scalar);
      if (isScalar(pair.value)) group.holders.push(pair.value);
      walkNode(pair.value, [...keys, key], [...at, key], walk);
    }
  } else if (isSeq(node)) {
    const group: CommentGroup = { keys, at, holders: ownComments ? [...extraHolders, node] : [] };
    walk.comments.push(group);
    // A list item's own comments belong to the list, as in sops's YAML store.
    node.items.forEach((item, index) => {
      if (isScalar(item) || isMap(item) || isSeq(item)) group.holders.push(item);
      walkNode(item, keys, [...at, index], walk, [], false);
    });
  } else if (isScalar(node)) {
    const value = leafValue(node);
    if (value === null) return; // sops leaves null alone: not encrypted, not in the MAC
    if ('problem' in value) {
      walk.problems.push({ code: 'sops.value-type', message: value.problem, at });
      return;
    }
    walk.leaves.push({ node, value, keys, at });
  }
}

/** A scalar read from YAML text as Go reads it; one built from a JS value by its JS type. */
function leafValue(node: Scalar): GoLeaf {
  const parsed = goLeafOf(node);
  if (parsed !== undefined) return parsed;
  if (node.value === null || node.value === undefined) return null;
  if (!['string', 'number', 'bigint', 'boolean'].includes(typeof node.value)) {
    return { problem: 'unsupported value type' };
  }
  return leafText(node);
}

const INT_SOURCE = /^[-+]?[0-9]+$|^0o[0-7]+$|^0x[0-9a-fA-F]+$/;

/** A JS-built leaf's SOPS type and canonical text, telling `1.0` (float) from `1` (int) by its source. */
function leafText(node: Scalar): TypedText {
  const value = node.value as SopsScalar;
  if (typeof value !== 'number') return typedTextOf(value);
  const source = typeof node.source === 'string' ? node.source.trim() : undefined;
  if (source !== undefined && INT_SOURCE.test(source)) {
    return typedTextOf(BigInt(source.startsWith('+') ? source.slice(1) : source));
  }
  return typedTextOf(value, source !== undefined || !Number.isSafeInteger(value));
}
