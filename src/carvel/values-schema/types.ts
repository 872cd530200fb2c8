/** The shapes values-schema.ts's callers see, and the one every module beside it uses. */
export type PathSegment = string | number;
/** A schema quirk, reported as a warning, saying what was assumed. '*' in a path: any list item or map key. */
export interface SchemaNote {
  path: PathSegment[];
  message: string;
  /** Where in the schema, as written: `openAPIv3.properties.a.type`. */
  at?: string;
}
/** A values error; `path` goes from the values root. */
export interface ValuesProblem {
  path: PathSegment[];
  keyword: string;
  message: string;
}
export interface ValidateOptions {
  /**
   * The values came from an encrypted Secret: each failing values path gets one problem that says only that it fails
   * (keyword `withheld`), never which rule, so that no schema can be written to read a secret back from the messages.
   */
  encrypted?: boolean;
}
export interface CompiledValuesSchema {
  validate(values: unknown, options?: ValidateOptions): ValuesProblem[];
}
export type CompileResult =
  | { ok: true; schema: CompiledValuesSchema; notes: SchemaNote[]; normalized: object }
  | { ok: false; error: string; notes: SchemaNote[] };

export type Obj = Record<string, unknown>;
