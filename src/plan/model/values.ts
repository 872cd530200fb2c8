/**
 * Values checks: an environment's merged values against its Package's valuesSchema. Each distinct
 * schema is compiled once while it is in use (successive versions of a Package often share one,
 * and ajv's compile is the expensive step), and its quirks are reported once per Package file.
 * Memory stays bounded on a large repo: compiled schemas are kept by content for the most recently
 * used few only, and what is kept per Package is dropped when the planner is done with a component.
 */
import type { CarvelPackage } from '../../carvel/package.js';
import { type CompileResult, compileValuesSchema } from '../../carvel/values-schema.js';
import { locateValuesPath, type ValuesSecret } from '../../carvel/values-secret.js';
import { SCHEMA_RULE_KEYWORDS } from '../../diagnostics/codes.js';
import { type Diagnostic, type ErrorCode, error, warning } from '../../diagnostics.js';
import { formatPath, positionAt } from '../../yaml/parse.js';

/**
 * How many compiled schemas are kept by content. A compiled schema is ~100 KB of generated code;
 * schemas shared across components (one chart, many services) stay compiled while they are used.
 */
export const COMPILED_SCHEMAS_KEPT = 64;

export class ValuesChecker {
  /** By schema content, least recently used first. */
  readonly #compiled = new Map<string, CompileResult>();
  /** By Package, so that each Package's notes are reported once. */
  readonly #byPackage = new Map<string, CompileResult>();
  readonly diagnostics: Diagnostic[] = [];

  /**
   * The planner is done with the Packages of these files (a component is planned once): drop what
   * is kept for them. Compiled schemas stay, by content, for the components still to come.
   */
  forget(files: readonly string[]): void {
    if (this.#byPackage.size === 0) return;
    const prefixes = files.map((f) => `${f}#`);
    for (const key of this.#byPackage.keys())
      if (prefixes.some((p) => key.startsWith(p))) this.#byPackage.delete(key);
  }

  #compile(content: string, schema: unknown): CompileResult {
    let result = this.#compiled.get(content);
    if (result)
      this.#compiled.delete(content); // re-inserted below as the most recently used
    else result = compileValuesSchema(schema);
    this.#compiled.set(content, result);
    if (this.#compiled.size > COMPILED_SCHEMAS_KEPT)
      this.#compiled.delete(this.#compiled.keys().next().value as string);
    return result;
  }

  /** The compiled schema of a Package; compile problems are recorded against the Package once. */
  schemaOf(pkg: CarvelPackage): CompileResult {
    const key = `${pkg.file}#${pkg.name}`;
    let result = this.#byPackage.get(key);
    if (!result) {
      result = this.#compile(JSON.stringify(pkg.valuesSchema ?? null), pkg.valuesSchema);
      this.#byPackage.set(key, result);
      const at = { line: pkg.line, column: 1 };
      for (const note of result.notes) {
        // note.path is the values path the quirk applies to ('*' = any item or key); note.at the schema path.
        const where = note.at
          ? `${note.at} (values at ${formatPath(note.path)})`
          : `for values at ${formatPath(note.path)}`;
        const message = `valuesSchema ${where}: ${note.message}`;
        this.diagnostics.push(warning('schema.assumed', message, pkg.file, at, formatPath(note.path)));
      }
      if (!result.ok) {
        // kapp-controller stores any valuesSchema unread: one that cannot be read is no reason to block the Package.
        this.diagnostics.push(
          warning(
            'schema.invalid',
            `spec.valuesSchema.openAPIv3 cannot be read, so values are not checked against it: ${result.error}`,
            pkg.file,
            at,
            '.spec.valuesSchema.openAPIv3',
          ),
        );
      }
    }
    return result;
  }

  /**
   * Validate what ytt would see (all keys merged) and point each problem at its line in params.yaml. Values from an
   * encrypted Secret (`encrypted`) get one problem per failing path that says nothing of why (see ValidateOptions).
   */
  check(pkg: CarvelPackage, secret: ValuesSecret, { encrypted = false } = {}): Diagnostic[] {
    const schema = this.schemaOf(pkg);
    if (!schema.ok) return [];
    return schema.schema.validate(secret.merged, { encrypted }).map((problem) => {
      const located = locateValuesPath(secret, problem.path);
      const pos = located?.doc
        ? positionAt(located.parsed, located.doc, problem.path)
        : { line: 0, column: 0 };
      return error(
        valuesCode(problem.keyword),
        `${formatPath(problem.path)} ${problem.message} (Package ${pkg.refName} ${pkg.version})`,
        secret.file,
        pos,
        formatPath(problem.path),
      );
    });
  }
}

/** `values.<keyword>` for the schema keywords the registry names; any other keyword shares one code. */
function valuesCode(keyword: string): ErrorCode {
  const known = (SCHEMA_RULE_KEYWORDS as readonly string[]).includes(keyword);
  return known ? `values.${keyword as (typeof SCHEMA_RULE_KEYWORDS)[number]}` : 'values.schema-rule';
}
