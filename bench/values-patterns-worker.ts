/**
 * What running valuesSchema patterns on RE2 (re2js) costs next to JavaScript's RegExp, in a fresh process. The
 * reference Packages hold no `pattern` at all, so the patterns measured are the real Kubernetes ones in the reference
 * CRDs (Flux durations, URLs, image refs, condition names), and the end-to-end part validates a Flux GitRepository
 * spec against its CRD schema used as a valuesSchema. Prints one JSON line (WorkerResult).
 *
 * Usage: node --import tsx bench/values-patterns-worker.ts [<repo-dir, ignored>]
 * REFERENCE=<dir of shared/reference> (default: ../shared/reference beside the repository).
 * VALUES_SCHEMA_MODULE=<path to src/carvel/values-schema.ts> measures another tree's end to end (e.g. main's, which
 * still runs patterns on RegExp) with the same inputs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { RE2JS } from 're2js';
import { parseAllDocuments } from 'yaml';
import { printResult } from './worker.js';

const REFERENCE = process.env.REFERENCE ?? fileURLToPath(new URL('../../shared/reference', import.meta.url));
const MODULE =
  process.env.VALUES_SCHEMA_MODULE ??
  fileURLToPath(new URL('../src/carvel/values-schema.ts', import.meta.url));
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every CRD's openAPIV3Schema (and every Package's valuesSchema) under the reference folders. */
function referenceSchemas(): { name: string; schema: Obj }[] {
  const out: { name: string; schema: Obj }[] = [];
  for (const dir of [
    'carvel',
    'flux',
    'packages/community-edition',
    'packages/kadras-packages',
    'packages/kapp-controller',
  ]) {
    const at = join(REFERENCE, dir);
    if (!existsSync(at)) continue;
    for (const file of readdirSync(at).filter((f) => f.endsWith('.yaml') && !f.includes('.values'))) {
      for (const doc of parseAllDocuments(readFileSync(join(at, file), 'utf8'))) {
        const v = doc.toJS() as Obj | null;
        const spec = isObj(v?.spec) ? v.spec : {};
        if (v?.kind === 'Package' && isObj(spec.valuesSchema) && isObj(spec.valuesSchema.openAPIv3))
          out.push({ name: `${dir}/${file}`, schema: spec.valuesSchema.openAPIv3 });
        for (const ver of Array.isArray(spec.versions) ? spec.versions : [])
          if (isObj(ver?.schema) && isObj(ver.schema.openAPIV3Schema))
            out.push({ name: `${dir}/${file}#${ver.name}`, schema: ver.schema.openAPIV3Schema });
      }
    }
  }
  return out;
}

function patternsIn(node: unknown, found: Set<string>): Set<string> {
  if (Array.isArray(node)) for (const n of node) patternsIn(n, found);
  else if (isObj(node))
    for (const [k, v] of Object.entries(node)) {
      if (k === 'pattern' && typeof v === 'string') found.add(v);
      else patternsIn(v, found);
    }
  return found;
}

/** Median microseconds per call of `fn` over `rounds` rounds of `n` calls. */
function microsPerCall(fn: (i: number) => unknown, n: number, rounds = 7): number {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t = performance.now();
    for (let i = 0; i < n; i++) fn(i);
    times.push(((performance.now() - t) * 1000) / n);
  }
  return times.sort((a, b) => a - b)[rounds >> 1]!;
}

const SAMPLES = [
  '10m',
  '1h30m5s',
  '5x',
  'ghcr.io/org/app:v1.2.3',
  'ssh://git@github.com/org/repo.git',
  'https://x',
];
SAMPLES.push('kube-system', 'Ready,Progressing:True', 'a'.repeat(63), 'not valid!', '', 'x'.repeat(200));

function engineCosts(patterns: string[]) {
  const re2 = patterns.map((p) => RE2JS.compile(RE2JS.translateRegExp(p)));
  const js = patterns.map((p) => new RegExp(p));
  const pairs = patterns.length * SAMPLES.length;
  const each = (f: (k: number, s: string) => unknown) => (i: number) => {
    const k = i % pairs;
    return f(Math.floor(k / SAMPLES.length), SAMPLES[k % SAMPLES.length]!);
  };
  return {
    compileRe2Us: microsPerCall(
      (i) => RE2JS.compile(RE2JS.translateRegExp(patterns[i % patterns.length]!)),
      2000,
    ),
    compileRegExpUs: microsPerCall((i) => new RegExp(patterns[i % patterns.length]!), 2000),
    testRe2Us: microsPerCall(
      each((k, s) => re2[k]!.test(s)),
      20000,
    ),
    testRegExpUs: microsPerCall(
      each((k, s) => js[k]!.test(s)),
      20000,
    ),
  };
}

/** `^(a+)+$` against n a's and a "!": RegExp backtracks 2^n ways, RE2 reads the string once. */
function catastrophic() {
  const js = /^(a+)+$/;
  const re2 = RE2JS.compile('^(a+)+$');
  const time = (f: () => unknown) => {
    const t = performance.now();
    f();
    return performance.now() - t;
  };
  const out: Record<string, number> = {};
  for (const n of [16, 20, 24]) out[`regExpMs_n${n}`] = time(() => js.test(`${'a'.repeat(n)}!`));
  for (const n of [24, 50, 100_000]) out[`re2Ms_n${n}`] = time(() => re2.test(`${'a'.repeat(n)}!`));
  return out;
}

/** compileValuesSchema + validate of every reference schema (a CRD's as a valuesSchema), cold then warm. */
async function endToEnd(schemas: { schema: Obj }[]) {
  const { compileValuesSchema } = (await import(
    pathToFileURL(MODULE).href
  )) as typeof import('../src/carvel/values-schema.js');
  const sample = {
    url: 'ssh://git@github.com/org/repo.git',
    interval: '1m0s',
    timeout: '60s',
    ref: { branch: 'main' },
  };
  const run = () => {
    let problems = 0;
    for (const { schema } of schemas) {
      const r = compileValuesSchema(schema);
      if (r.ok) problems += r.schema.validate({ spec: sample, metadata: { name: 'x' } }).length;
    }
    return problems;
  };
  let t = performance.now();
  run();
  const coldMs = performance.now() - t;
  t = performance.now();
  for (let i = 0; i < 5; i++) run();
  return { endToEndColdMs: coldMs, endToEndWarmMs: (performance.now() - t) / 5 };
}

const start = performance.now();
const schemas = referenceSchemas();
if (schemas.length === 0) {
  console.error(`values-patterns: no schemas under ${REFERENCE} (set REFERENCE=<shared/reference>)`);
  process.exit(1);
}
const patterns = [
  ...patternsIn(
    schemas.map((s) => s.schema),
    new Set(),
  ),
];
const packagePatterns = patternsIn(
  schemas.filter((s) => !s.name.includes('#')).map((s) => s.schema),
  new Set(),
);
printResult('values-patterns', start, schemas.length, {
  module: MODULE,
  schemas: schemas.length,
  patterns: patterns.length,
  packagePatterns: packagePatterns.size,
  ...(await endToEnd(schemas)),
  ...engineCosts(patterns),
  ...catastrophic(),
});
