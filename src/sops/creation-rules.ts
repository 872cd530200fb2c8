/**
 * `.sops.yaml` creation rules (sops `config/config.go`): rules are tried in order and the first whose
 * `path_regex` matches the file's path (relative to the `.sops.yaml` folder) wins; a rule without
 * `path_regex` matches every file. Only age keys are used; `age` is a comma-separated string or a
 * list, or sits in a single `key_groups` entry.
 */
import { type Diagnostic, error } from '../diagnostics.js';
import { formatPath, type PathSegment, parseYaml, positionAt } from '../yaml/parse.js';
import { isAgeRecipient } from './age.js';
import { type EncryptionRule, goRegExp, RULE_FIELDS, ruleProblem } from './rule.js';

export interface CreationRule {
  /** 0-based position in `creation_rules`. */
  index: number;
  pathRegex?: string;
  recipients: string[];
  rule: EncryptionRule;
  /** Where the rule is, for messages about it. */
  line: number;
  column: number;
  /** Why this rule cannot be used, if it cannot (checked when it is the one that matches). */
  problem?: { message: string; path: PathSegment[]; line: number; column: number };
}

export interface SopsConfig {
  file: string;
  rules: CreationRule[];
}

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseSopsConfig(
  text: string,
  file = '.sops.yaml',
): { config?: SopsConfig; diagnostics: Diagnostic[] } {
  const parsed = parseYaml(file, text);
  if (parsed.diagnostics.length > 0) return { diagnostics: parsed.diagnostics };
  const entry = parsed.documents[0];
  const value = entry?.value;
  const list = isObject(value) ? value.creation_rules : undefined;
  if (!entry || !Array.isArray(list)) {
    const pos = entry ? positionAt(parsed, entry.doc, ['creation_rules']) : { line: 1, column: 1 };
    const message = 'expected creation_rules: a list of rules';
    return { diagnostics: [error('sops.config', message, file, pos, '.creation_rules')] };
  }
  const rules = list.map((raw, index): CreationRule => {
    const base: PathSegment[] = ['creation_rules', index];
    const pos = positionAt(parsed, entry.doc, base);
    const { problem, ...rule } = readRule(raw, index);
    if (!problem) return { ...rule, ...pos };
    const path = [...base, ...problem.path];
    return {
      ...rule,
      ...pos,
      problem: { message: problem.message, path, ...positionAt(parsed, entry.doc, path) },
    };
  });
  return { config: { file, rules }, diagnostics: [] };
}

type RawRule = Omit<CreationRule, 'line' | 'column' | 'problem'> & {
  problem?: { message: string; path: PathSegment[] };
};

function readRule(raw: unknown, index: number): RawRule {
  const rule: EncryptionRule = {};
  const result: RawRule = { index, recipients: [], rule };
  const bad = (message: string, path: PathSegment[] = []) => ({ ...result, problem: { message, path } });
  if (!isObject(raw)) return bad('a creation rule must be a map');
  if (raw.path_regex !== undefined && raw.path_regex !== null && raw.path_regex !== '') {
    if (typeof raw.path_regex !== 'string' || !goRegExp(raw.path_regex)) {
      return bad('path_regex is not a valid regular expression', ['path_regex']);
    }
    result.pathRegex = raw.path_regex;
  }
  for (const [name, field] of Object.entries(RULE_FIELDS) as [keyof EncryptionRule, string][]) {
    const v = raw[field];
    if (v === undefined || v === null || v === '') continue;
    if (typeof v !== 'string') return bad(`${field} must be a string`, [field]);
    rule[name] = v;
  }
  const invalid = ruleProblem(rule);
  if (invalid) return bad(invalid);
  const groups = raw.key_groups;
  if (Array.isArray(groups) && groups.length > 0) {
    if (groups.length > 1)
      return bad('several key_groups (Shamir secret sharing) are not supported', ['key_groups']);
    const age = ageList(isObject(groups[0]) ? groups[0].age : undefined);
    if (!age) return bad('age must be a list of recipients', ['key_groups', 0, 'age']);
    result.recipients = age;
  } else {
    const age = ageList(raw.age);
    if (!age) return bad('age must be a recipient, a comma-separated list of them, or a list', ['age']);
    result.recipients = age;
  }
  const wrong = result.recipients.findIndex((r) => !isAgeRecipient(r));
  if (wrong >= 0) return bad(`age recipient ${wrong + 1} is not an age recipient (age1…)`, ['age']);
  return result;
}

/** sops's `parseKeyField`: a comma-separated string (blanks dropped) or a list of strings. */
function ageList(field: unknown): string[] | undefined {
  if (field === undefined || field === null || field === '') return [];
  if (typeof field === 'string') {
    return field
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean);
  }
  if (Array.isArray(field) && field.every((k) => typeof k === 'string')) return field.map((k) => k.trim());
  return undefined;
}

/**
 * The rule for a file: `path` is relative to the folder of `.sops.yaml`, POSIX separators. Returns the
 * first matching rule, or an error naming the config file and the rule's line.
 */
export function creationRuleFor(
  config: SopsConfig,
  path: string,
): { rule?: CreationRule; diagnostics: Diagnostic[] } {
  // A rule with a broken path_regex has none here: it stops the search, as it stops sops.
  const match = config.rules.find((r) => r.pathRegex === undefined || goRegExp(r.pathRegex)!.test(path));
  const at = (r: CreationRule) => ({ line: r.line, column: r.column });
  if (!match) {
    const message = `no creation rule in ${config.file} matches ${path}`;
    return {
      diagnostics: [error('sops.no-rule', message, config.file, { line: 1, column: 1 }, '.creation_rules')],
    };
  }
  if (match.problem) {
    const where = formatPath(match.problem.path);
    const message = `creation rule ${match.index + 1}: ${match.problem.message}`;
    return { diagnostics: [error('sops.config', message, config.file, match.problem, where)] };
  }
  if (match.recipients.length === 0) {
    const message = `creation rule ${match.index + 1} matches ${path} but lists no age recipients`;
    return {
      diagnostics: [
        error('sops.no-age', message, config.file, at(match), formatPath(['creation_rules', match.index])),
      ],
    };
  }
  return { rule: match, diagnostics: [] };
}
