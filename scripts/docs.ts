/**
 * Regenerates README's inputs and outputs tables from action.yml and its flux-pkg.yaml reference from
 * the config JSON Schema, between marker comments (`<!-- inputs:start -->` … `<!-- inputs:end -->`,
 * likewise `outputs` and `config`), and writes docs/diagnostics.md from the code registry
 * (src/diagnostics/codes.ts). `npm run docs` writes both; __tests__/meta/readme.test.ts and
 * __tests__/meta/diagnostics-doc.test.ts fail when either differs from what this would write.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { configSchema } from '../src/config/schema.js';
import { CODES, type CodeEntry } from '../src/diagnostics/codes.js';
import { type ActionMetadata, readActionMetadata } from './action-metadata.js';

export const README = new URL('../README.md', import.meta.url);
export const DIAGNOSTICS_PAGE = new URL('../docs/diagnostics.md', import.meta.url);
export const SECTIONS = ['inputs', 'outputs', 'config'] as const;
export type Section = (typeof SECTIONS)[number];

// biome-ignore lint/suspicious/noExplicitAny: a JSON Schema is walked as plain data
type Schema = Record<string, any>;

const NOTE = (source: string) =>
  `<!-- generated from ${source} by \`npm run docs\`: edit ${source}, not this table -->`;

const cell = (text: string): string =>
  text
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
const code = (text: string): string => (text === '' ? '`""`' : `\`${text}\``);

export function inputsTable(action: ActionMetadata): string {
  const rows = Object.entries(action.inputs).map(([name, input]) => {
    const fallback = input.default === undefined || input.default === '' ? '—' : code(input.default);
    return `| \`${name}\` | ${fallback} | ${cell(input.description)} |`;
  });
  return [NOTE('action.yml'), '', '| input | default | what it does |', '|---|---|---|', ...rows].join('\n');
}

export function outputsTable(action: ActionMetadata): string {
  const rows = Object.entries(action.outputs).map(
    ([name, output]) => `| \`${name}\` | ${cell(output.description)} |`,
  );
  return [NOTE('action.yml'), '', '| output | value |', '|---|---|', ...rows].join('\n');
}

const REF_NAMES: Record<string, string> = {
  '#/definitions/dnsLabel': 'DNS label',
  '#/definitions/dnsSubdomain': 'DNS subdomain',
  '#/definitions/settings': 'settings (below)',
};

function typeOf(prop: Schema): string {
  if (prop.$ref) return REF_NAMES[prop.$ref] ?? prop.$ref;
  if (prop.enum) return prop.enum.map((v: unknown) => code(String(v))).join(', ');
  if (prop.oneOf) return prop.oneOf.map(typeOf).join(' or ');
  if (prop.type === 'array') {
    const item = typeOf(prop.items ?? {});
    return `list of ${item.endsWith(')') ? item : `${item}s`}`;
  }
  if (prop.type === 'object') return 'mapping';
  if (prop.allOf) return prop.allOf.map(typeOf).filter((t: string) => t !== 'mapping')[0] ?? 'mapping';
  return prop.type ?? 'any';
}

function row(path: string, prop: Schema): string {
  if (!prop.description) throw new Error(`the config schema has no description for ${path}: add one`);
  const fallback = prop.default === undefined ? '—' : code(String(prop.default));
  return `| \`${path}\` | ${typeOf(prop)} | ${fallback} | ${cell(prop.description ?? '')} |`;
}

/** The rows under `path`: its own properties, an array's items, a map's values (settings aside). */
function childRows(prop: Schema, path: string): string[] {
  const parts: Schema[] = prop.allOf ?? [prop];
  const rows: string[] = [];
  for (const part of parts) {
    if (part.$ref) continue;
    for (const [key, child] of Object.entries<Schema>(part.properties ?? {})) {
      rows.push(row(`${path}.${key}`, child), ...childRows(child, `${path}.${key}`));
    }
    if (part.items) rows.push(...childRows(part.items, `${path}[]`));
    if (typeof part.additionalProperties === 'object') {
      const entry = part.additionalProperties;
      rows.push(row(`${path}.<name>`, entry), ...childRows(entry, `${path}.<name>`));
    }
  }
  return rows;
}

export function configReference(schema: Schema = configSchema): string {
  const head = ['| key | type | default | what it sets |', '|---|---|---|---|'];
  const structure = Object.entries<Schema>(schema.properties).flatMap(([key, prop]) => [
    row(key, prop),
    ...childRows(prop, key),
  ]);
  const settings = Object.entries<Schema>(schema.definitions.settings.properties)
    .filter(([, prop]) => typeof prop === 'object')
    .flatMap(([key, prop]) => [row(key, prop), ...childRows(prop, key)]);
  return [
    NOTE('src/config/schema.ts'),
    '',
    ...head,
    ...structure,
    '',
    'Settings, in `defaults`, in an environment or in a component:',
    '',
    ...head,
    ...settings,
  ].join('\n');
}

export function section(readme: string, name: Section): { start: number; end: number } {
  const open = `<!-- ${name}:start -->`;
  const close = `<!-- ${name}:end -->`;
  const start = readme.indexOf(open);
  const end = readme.indexOf(close);
  if (start < 0 || end < start) throw new Error(`README.md has no ${open} … ${close} block`);
  return { start: start + open.length, end };
}

/** README with every generated block replaced by what the sources say now. */
export function renderReadme(readme: string, action = readActionMetadata(), schema: Schema = configSchema) {
  const content: Record<Section, string> = {
    inputs: inputsTable(action),
    outputs: outputsTable(action),
    config: configReference(schema),
  };
  let text = readme;
  for (const name of SECTIONS) {
    const { start, end } = section(text, name);
    text = `${text.slice(0, start)}\n${content[name]}\n${text.slice(end)}`;
  }
  return text;
}

const SEVERITY_WORDS: Record<CodeEntry['severity'], string> = {
  error: 'error',
  warning: 'warning',
  either: 'error or warning',
};

/** docs/diagnostics.md: every code, grouped by its prefix, with severity, meaning and fix. */
export function diagnosticsPage(codes: Readonly<Record<string, CodeEntry>> = CODES): string {
  const groups = new Map<string, [string, CodeEntry][]>();
  for (const [name, entry] of Object.entries(codes).sort(([a], [b]) => a.localeCompare(b))) {
    const prefix = name.split('.')[0]!;
    groups.set(prefix, [...(groups.get(prefix) ?? []), [name, entry]]);
  }
  const lines = [
    '# Diagnostic codes',
    '',
    '<!-- generated from src/diagnostics/codes.ts by `npm run docs`: edit codes.ts, not this page -->',
    '',
    'Every error and warning flux-pkg-action reports carries one of these codes (`code` in `--json`',
    'output; the annotation and summary show the message). Codes are stable: match on them, not on',
    'the message. An error stops the run with nothing written; a warning is reported and the run',
    'goes on.',
    '',
    ...[...groups.keys()].map((prefix) => `- [${prefix}](#${prefix})`),
  ];
  for (const [prefix, entries] of groups) {
    lines.push(
      '',
      `## ${prefix}`,
      '',
      '| code | severity | what it means | how to fix it |',
      '|---|---|---|---|',
    );
    for (const [name, entry] of entries) {
      const severity = SEVERITY_WORDS[entry.severity] + (entry.when ? ` (${cell(entry.when)})` : '');
      lines.push(`| \`${name}\` | ${severity} | ${cell(entry.meaning)} | ${cell(entry.fix)} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Writes (or with --check compares) one generated file; true when it was already up to date. */
function regenerate(file: URL, render: (before: string) => string, what: string): boolean {
  let before = '';
  try {
    before = readFileSync(file, 'utf8');
  } catch {}
  const after = render(before);
  if (after === before) return true;
  if (process.argv.includes('--check')) {
    console.error(`${fileURLToPath(file)} differs from ${what}: run npm run docs`);
    return false;
  }
  mkdirSync(new URL('.', file), { recursive: true });
  writeFileSync(file, after);
  console.log(`${fileURLToPath(file)}: rewritten`);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const readme = regenerate(README, renderReadme, 'action.yml / the config schema');
  const page = regenerate(DIAGNOSTICS_PAGE, () => diagnosticsPage(), 'src/diagnostics/codes.ts');
  if (!readme || !page) process.exit(1);
}
