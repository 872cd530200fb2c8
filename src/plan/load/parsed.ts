/**
 * Repository files parsed once per run. One action run plans more than once over the same files —
 * install, then the summary's validate of the components it touched and their Package versions; a
 * gate plans the base and the pull request, which share most files — and each plan has a reader of
 * its own. A file whose text is what was parsed before gets that parse again (a parse is a pure
 * function of path and text, and nothing edits what it returns).
 *
 * Memory stays bounded: the most recently used files are kept, up to PARSED_TEXT_KEPT characters
 * of text in all (a parse holds ~15 bytes of heap per character of text).
 */
import { type ParsedYaml, parseYaml } from '../../yaml/parse.js';

export const PARSED_TEXT_KEPT = 2 * 1024 * 1024;

/** Parses kept by path, up to `limit` characters of text. */
export class ParsedFiles {
  /** By path, least recently used first. */
  readonly #kept = new Map<string, { text: string; parsed: ParsedYaml }>();
  #text = 0;

  constructor(readonly limit: number) {}

  /** `text` parsed as the file at `path`: the parse kept for the same path and text, or a new one (then kept). */
  parse(path: string, text: string): ParsedYaml {
    const before = this.#kept.get(path);
    if (before) {
      this.#kept.delete(path); // re-inserted below as the most recently used, or replaced
      this.#text -= before.text.length;
    }
    const parsed = before?.text === text ? before.parsed : parseYaml(path, text);
    if (text.length > this.limit) return parsed;
    this.#kept.set(path, { text, parsed });
    this.#text += text.length;
    for (const [oldest, entry] of this.#kept) {
      if (this.#text <= this.limit) break;
      this.#kept.delete(oldest);
      this.#text -= entry.text.length;
    }
    return parsed;
  }
}

const run = new ParsedFiles(PARSED_TEXT_KEPT);

/** `text` parsed as the file at `path`, once per run (see ParsedFiles). */
export function parsedFile(path: string, text: string): ParsedYaml {
  return run.parse(path, text);
}
