/**
 * The planner is a loader plus synchronous rules. What may wait is named by where it lives:
 * `load/` reads, parses, decrypts and encrypts; a mode's `run.ts` (and install's `deliver.ts`, the
 * step install and promote share) and `plan.ts` orchestrate. Every other module of src/plan/ — the
 * model, the rules of each mode, the proposals — awaits nothing, returns no Promise, never sees the
 * Snapshot port and imports (other than types) only other synchronous modules, so no read can
 * creep in through an import.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

const PLAN = new URL('../../src/plan/', import.meta.url).pathname;

/** The loader and the orchestration: the only modules of src/plan/ that may wait. */
function mayWait(file: string): boolean {
  return (
    file.startsWith('load/') ||
    file === 'plan.ts' ||
    /(^|\/)run\.ts$/.test(file) ||
    file === 'modes/install/deliver.ts'
  );
}

const ALL = readdirSync(PLAN, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.ts'))
  .map((e) => join(e.parentPath, e.name).slice(PLAN.length));
const RULES = ALL.filter((f) => !mayWait(f));

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
  // types.ts declares the shape of a callback the shell awaits (PlannedFile.sameAs) and runs nothing.
  if (/\bPromise\b/.test(body) && file !== 'types.ts') problems.push(`${file}: mentions Promise`);
  if (/\.then\(/.test(body)) problems.push(`${file}: chains a promise`);
  for (const m of body.matchAll(/(?:import|export)\s[^;]*?from\s+'([^']+)'/g)) {
    const spec = m[1]!;
    // The port's pure helpers (a refusal's wording) are fine; the port itself is the loader's.
    if (/repo\/snapshot/.test(spec) && /\b(Snapshot|readBounded)\b/.test(m[0]))
      problems.push(`${file}: imports ${spec}`);
    // A type-only import runs nothing: a rule may name the loader's result types.
    const typeOnly = /^(?:import|export)\s+type\s/.test(m[0]);
    const target = normalize(join(dirname(file), spec)).replace(/\.js$/, '.ts');
    if (spec.startsWith('.') && !target.startsWith('..') && !typeOnly && !allowedImports.includes(target))
      problems.push(`${file}: imports ${spec}, which is not a synchronous planning module`);
    if (spec.includes('/sops/'))
      for (const name of ASYNC_SOPS)
        if (new RegExp(`\\b${name}\\b`).test(m[0])) problems.push(`${file}: imports ${name} from ${spec}`);
  }
  return problems;
}

const read = (file: string) => readFileSync(`${PLAN}${file}`, 'utf8');

describe('the planning rules are synchronous', () => {
  it('finds the rules and the orchestration', () => {
    expect(RULES).toContain('modes/install/into.ts');
    expect(RULES).toContain('model/repository.ts');
    expect(ALL.filter(mayWait)).toContain('modes/validate/run.ts');
  });

  for (const file of RULES)
    it(file, () => {
      expect(ruleProblems(file, read(file), RULES)).toEqual([]);
    });
});

describe('the rule itself', () => {
  const allowed = ['model/context.ts'];
  it('passes a synchronous module', () => {
    const ok = [
      '// async work happens elsewhere',
      "import { x } from '../../model/context.js';",
      "import type { Loader } from '../../load/load.js';",
      'export const f = (l: Loader) => [x, l];',
    ].join('\n');
    expect(ruleProblems('modes/x/ok.ts', ok, allowed)).toEqual([]);
  });

  it('flags await, async, Promise, then, the Snapshot, a loader import and age work', () => {
    const bad = [
      "import type { Snapshot } from '../../repo/snapshot.js';",
      "import { loadPackages } from '../load/load.js';",
      "import { decryptDocument } from '../../sops/index.js';",
      'export async function f(s: Snapshot): Promise<void> {',
      '  await s.list();',
      '  s.read("x").then(() => 1);',
      '}',
    ].join('\n');
    expect(ruleProblems('model/bad.ts', bad, allowed)).toEqual([
      'model/bad.ts: declares an async function',
      'model/bad.ts: awaits',
      'model/bad.ts: mentions Promise',
      'model/bad.ts: chains a promise',
      'model/bad.ts: imports ../../repo/snapshot.js',
      'model/bad.ts: imports ../load/load.js, which is not a synchronous planning module',
      'model/bad.ts: imports decryptDocument from ../../sops/index.js',
    ]);
  });
});
