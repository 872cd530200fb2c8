/**
 * Imports run one way. The core (yaml, carvel, sops, flux, config, plan, report, the snapshot port)
 * never imports a shell, `@actions/*`, Octokit or I/O modules; within the core a layer imports only
 * the layers below it; shells may import the core and the shells below them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('../../src/', import.meta.url).pathname;

/** Lower rank first: a module may import its own rank or a lower one. */
const LAYERS: [prefix: string, rank: number, core: boolean][] = [
  ['diagnostics.ts', 0, true],
  ['diagnostics/', 0, true],
  ['settings/', 0, true],
  ['once.ts', 0, true],
  ['builtins.ts', 0, true],
  ['yaml/', 1, true],
  ['carvel/names.ts', 1, true],
  ['carvel/semver.ts', 1, true],
  ['carvel/', 2, true],
  ['sops/', 2, true],
  ['config/', 3, true],
  ['repo/snapshot.ts', 3, true],
  ['repo/paths.ts', 3, true],
  ['flux/', 4, true],
  ['plan/types.ts', 4, true],
  ['report/', 5, true],
  ['plan/proposals/', 7, true],
  ['plan/', 6, true],
  ['repo/', 8, false],
  ['github/', 8, false],
  ['inputs.ts', 8, false],
  ['startup.ts', 8, false],
  ['action/', 9, false],
  ['cli/', 9, false],
  ['main.ts', 10, false],
  ['index.ts', 11, false],
  // The CLI's --version: data, for shells only.
  ['../package.json', 8, false],
];

// The core may use these and nothing else outside src/.
const CORE_PACKAGES = [
  'yaml',
  'ajv',
  'ajv-formats',
  're2js', // valuesSchema patterns in linear time (pure JS, no I/O)
  'diff',
  'age-encryption',
  'node:crypto',
  'node:buffer',
  'node:util',
];

function layerOf(file: string): { rank: number; core: boolean } {
  const found = LAYERS.find(([prefix]) => file === prefix || file.startsWith(prefix));
  if (!found) throw new Error(`${file} is in no layer: add its folder to LAYERS`);
  return { rank: found[1], core: found[2] };
}

function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => relative(SRC, join(e.parentPath, e.name)));
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(SRC, file), 'utf8');
  const found = [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^;'"]*?from\s+'([^']+)'/g)].map((m) => m[1]!);
  const dynamic = [...text.matchAll(/import\(\s*'([^']+)'\s*\)/g)].map((m) => m[1]!);
  // A Node built-in loaded on first use (src/startup.ts) is an import like any other.
  const builtins = [...text.matchAll(/getBuiltinModule\(\s*'([^']+)'\s*\)/g)].map((m) => m[1]!);
  return [...found, ...dynamic, ...builtins];
}

const files = sources(SRC);

describe('imports run one way', () => {
  it('finds the sources', () => {
    expect(files).toContain('main.ts');
    expect(files).toContain('plan/plan.ts');
  });

  for (const file of files) {
    it(file, () => {
      const here = layerOf(file);
      const problems: string[] = [];
      for (const spec of importsOf(file)) {
        if (spec.startsWith('.')) {
          const target = relative(SRC, resolve(SRC, file, '..', spec)).replace(/\.js$/, '.ts');
          const there = layerOf(target);
          if (there.rank > here.rank) problems.push(`${spec} (rank ${there.rank} above ${here.rank})`);
          if (here.core && !there.core) problems.push(`${spec} (a shell, imported by the core)`);
        } else if (here.core && !CORE_PACKAGES.includes(spec)) {
          problems.push(`${spec} (not a core dependency)`);
        }
      }
      expect(problems).toEqual([]);
    });
  }
});

/** Every cycle of relative imports (type imports included), as lists of files. */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    for (let w = stack.pop()!; ; w = stack.pop()!) {
      onStack.delete(w);
      component.push(w);
      if (w === v) break;
    }
    if (component.length > 1 || graph.get(v)?.includes(v)) found.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

const graph = new Map(
  files.map((file) => [
    file,
    importsOf(file)
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => relative(SRC, resolve(SRC, file, '..', spec)).replace(/\.js$/, '.ts')),
  ]),
);

describe('no import cycles, type imports included', () => {
  it('src/ has none', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('the check finds a cycle through a type import', () => {
    const looped = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(cycles(looped)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });
});

describe('the rule itself', () => {
  it('flags an upward edge and a shell import from the core', () => {
    expect(layerOf('plan/plan.ts').rank).toBeGreaterThan(layerOf('config/config.ts').rank);
    expect(layerOf('github/client.ts').core).toBe(false);
    expect(() => layerOf('nowhere/x.ts')).toThrow(/no layer/);
  });
});
