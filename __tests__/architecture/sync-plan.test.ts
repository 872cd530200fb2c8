/**
 * The planner is a loader plus synchronous rules: load.ts, reader.ts and seal.ts read, parse,
 * decrypt and encrypt; run.ts, plan.ts, base.ts, status.ts and bootstrap.ts orchestrate. Every
 * other module of src/plan/ that plans — the rules — awaits nothing, returns no Promise, never
 * sees the Snapshot port and imports (other than types) only other rules, so no read can creep in
 * through an import.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const PLAN = new URL('../../src/plan/', import.meta.url).pathname;

/** The synchronous planning rules. */
const RULES = [
  'bootstrap-config.ts',
  'bootstrap-files.ts',
  'bootstrap-params.ts',
  'bootstrap-request.ts',
  'changes.ts',
  'combine.ts',
  'context.ts',
  'environment.ts',
  'install-into.ts',
  'install-secret.ts',
  'install.ts',
  'packages.ts',
  'promote.ts',
  'proposals.ts',
  'repository.ts',
  'secrets.ts',
  'validate.ts',
  'values.ts',
];

/** Synchronous too, and importable by the rules: result types, and the pre-planning checks of the file listing. */
const SYNC_SUPPORT = ['types.ts', 'boundaries.ts'];

/** The loader and the orchestration: the only modules of src/plan/ that may wait. */
const ASYNC = [
  'base.ts',
  'bootstrap.ts',
  'load.ts',
  'plan.ts',
  'reader.ts',
  'run.ts',
  'seal.ts',
  'status.ts',
];

/** What the SOPS code does asynchronously (age): the rules get its results from the loader. */
const ASYNC_SOPS = ['decryptDocument', 'encryptDocument', 'wrapDataKey', 'unwrapDataKey'];

/** The code without comments: a comment may say "asynchronous" or "await" freely. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

/** Why a rule module is not a synchronous planning rule; empty when it is one. */
function ruleProblems(file: string, text: string, allowedImports: readonly string[]): string[] {
  const body = code(text);
  const problems: string[] = [];
  if (/\basync\b/.test(body)) problems.push(`${file}: declares an async function`);
  if (/\bawait\b/.test(body)) problems.push(`${file}: awaits`);
  if (/\bPromise\b/.test(body)) problems.push(`${file}: mentions Promise`);
  if (/\.then\(/.test(body)) problems.push(`${file}: chains a promise`);
  for (const m of body.matchAll(/(?:import|export)\s[^;]*?from\s+'([^']+)'/g)) {
    const spec = m[1]!;
    if (/repo\/snapshot/.test(spec)) problems.push(`${file}: imports ${spec}`);
    // A type-only import runs nothing: a rule may name the loader's result types.
    const typeOnly = /^(?:import|export)\s+type\s/.test(m[0]);
    if (spec.startsWith('./') && !typeOnly && !allowedImports.includes(spec.slice(2).replace(/\.js$/, '.ts')))
      problems.push(`${file}: imports ${spec}, which is not a synchronous planning module`);
    if (spec.includes('/sops/'))
      for (const name of ASYNC_SOPS)
        if (new RegExp(`\\b${name}\\b`).test(m[0])) problems.push(`${file}: imports ${name} from ${spec}`);
  }
  return problems;
}

const read = (file: string) => readFileSync(`${PLAN}${file}`, 'utf8');

describe('the planning rules are synchronous', () => {
  it('every module of src/plan/ is either a rule, synchronous support or the loader/orchestration', () => {
    const all = readdirSync(PLAN).filter((f) => f.endsWith('.ts'));
    const named = [...RULES, ...SYNC_SUPPORT, ...ASYNC];
    expect(all.filter((f) => !named.includes(f))).toEqual([]);
    expect(named.filter((f) => !all.includes(f))).toEqual([]);
  });

  for (const file of RULES)
    it(file, () => {
      expect(ruleProblems(file, read(file), [...RULES, ...SYNC_SUPPORT])).toEqual([]);
    });

  it('boundaries.ts (checks of the file listing) awaits nothing either', () => {
    const body = code(read('boundaries.ts'));
    expect(body).not.toMatch(/\b(async|await)\b/);
  });
});

describe('the rule itself', () => {
  const allowed = ['context.ts'];
  it('passes a synchronous module', () => {
    const ok = [
      '// async work happens elsewhere',
      "import { x } from './context.js';",
      "import type { Loader } from './load.js';",
      'export const f = (l: Loader) => [x, l];',
    ].join('\n');
    expect(ruleProblems('ok.ts', ok, allowed)).toEqual([]);
  });

  it('flags await, async, Promise, then, the Snapshot, a loader import and age work', () => {
    const bad = [
      "import type { Snapshot } from '../repo/snapshot.js';",
      "import { loadPackages } from './load.js';",
      "import { decryptDocument } from '../sops/index.js';",
      'export async function f(s: Snapshot): Promise<void> {',
      '  await s.list();',
      '  s.read("x").then(() => 1);',
      '}',
    ].join('\n');
    expect(ruleProblems('bad.ts', bad, allowed)).toEqual([
      'bad.ts: declares an async function',
      'bad.ts: awaits',
      'bad.ts: mentions Promise',
      'bad.ts: chains a promise',
      'bad.ts: imports ../repo/snapshot.js',
      'bad.ts: imports ./load.js, which is not a synchronous planning module',
      'bad.ts: imports decryptDocument from ../sops/index.js',
    ]);
  });
});
