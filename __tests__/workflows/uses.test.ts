/**
 * The shipped workflows (examples/workflows/) make the product's uses happen on GitHub: for each use,
 * the event GitHub would raise, which workflows it starts under GitHub's filter rules (./triggers.ts),
 * which of their jobs run, and the mode each job's step of this action runs (the action's own mode
 * table, src/action/modes.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { chooseMode } from '../../src/action/modes.js';
import type { Mode } from '../../src/inputs.js';
import { jobRuns, type RepoEvent, startsOn } from './triggers.js';

interface Job {
  if?: string;
  permissions?: Record<string, string>;
  steps?: { uses?: string; with?: Record<string, unknown> }[];
}
interface Workflow {
  on: unknown;
  jobs: Record<string, Job>;
}

const FOLDER = new URL('../../examples/workflows/', import.meta.url);
const shipped: Record<string, Workflow> = Object.fromEntries(
  readdirSync(FOLDER)
    .filter((name) => name.endsWith('.yml'))
    .map((name) => [name, parse(readFileSync(new URL(name, FOLDER), 'utf8')) as Workflow]),
);

interface Run {
  workflow: string;
  job: string;
  mode: string;
}

/** What an event makes happen: every job of a started workflow whose if: holds, with its mode. */
function runsOf(event: RepoEvent): Run[] {
  return Object.entries(shipped).flatMap(([file, workflow]) => {
    if (event.name === 'workflow_dispatch' && event.workflow !== file) return [];
    if (!startsOn(workflow.on, event).starts) return [];
    return Object.entries(workflow.jobs)
      .filter(([, job]) => jobRuns(job.if, event))
      .flatMap(([name, job]) =>
        (job.steps ?? [])
          .filter((step) => /(^|\/)flux-pkg-action@/.test(step.uses ?? ''))
          .map((step) => ({
            workflow: file,
            job: name,
            mode: chooseMode(((step.with?.mode as string) || 'auto') as Mode, event.name),
          })),
      );
  });
}
const modes = (event: RepoEvent) => runsOf(event).map((r) => `${r.workflow}: ${r.mode}`);

const COMPONENT = 'app.default.tap';
const push = (
  files: string[],
  by: 'person' | 'app' | 'github-token' = 'person',
  branch = 'main',
): RepoEvent => ({
  name: 'push',
  ref: `refs/heads/${branch}`,
  files,
  by,
});
const pullRequest = (
  action: string,
  files: string[],
  by: 'person' | 'github-token' = 'person',
): RepoEvent => ({
  name: 'pull_request',
  action,
  base: 'main',
  files,
  by,
});
/** What merging dev's pull request pushes to main: that environment folder and nothing else. */
const MERGE_INTO_DEV = [`${COMPONENT}/dev/packageinstall.yaml`, `${COMPONENT}/dev/params.yaml`];

describe('the uses, as GitHub would start them', () => {
  it('a new Package pushed to main → delivery (install)', () => {
    expect(modes(push([`${COMPONENT}/packages/1.2.0.yaml`]))).toEqual(['install.yml: install']);
  });

  it("a merge into dev (a push touching only <component>/dev/) → delivery, which opens staging's promotion PR", () => {
    expect(modes(push(MERGE_INTO_DEV))).toEqual(['install.yml: install']);
    expect(modes(push([`${COMPONENT}/prod/params.yaml`]))).toEqual(['install.yml: install']);
  });

  it('a changed flux-pkg.yaml or a merged bootstrap → delivery', () => {
    expect(modes(push(['flux-pkg.yaml']))).toEqual(['install.yml: install']);
    const bootstrap = [
      'clusters/brain/app.default.tap/qa.yaml',
      `${COMPONENT}/qa/packageinstall.yaml`,
      'flux-pkg.yaml',
    ];
    expect(modes(push(bootstrap))).toEqual(['install.yml: install']);
  });

  it('a merge made with GITHUB_TOKEN (auto-merge this action enabled) starts nothing; the schedule delivers it', () => {
    expect(runsOf(push(MERGE_INTO_DEV, 'github-token'))).toEqual([]);
    expect(modes({ name: 'schedule' })).toEqual(['install.yml: install']);
  });

  it('pushes that are not delivery start nothing: docs, workflows, the action’s own PR branches, tags', () => {
    expect(runsOf(push(['README.md']))).toEqual([]);
    expect(runsOf(push(['.github/workflows/install.yml']))).toEqual([]);
    expect(
      runsOf(push([`${COMPONENT}/dev/packageinstall.yaml`], 'app', `flux-pkg/${COMPONENT}/dev`)),
    ).toEqual([]);
    expect(runsOf({ name: 'push', ref: 'refs/tags/v1', files: [], by: 'person' })).toEqual([]);
  });

  it.each(['opened', 'synchronize', 'reopened', 'labeled', 'unlabeled', 'ready_for_review'])(
    'a pull request %s → the gate (validate)',
    (action) => {
      expect(modes(pullRequest(action, [`${COMPONENT}/staging/packageinstall.yaml`]))).toEqual([
        'validate.yml: validate',
      ]);
    },
  );

  it('a pull request touching only README still runs the gate: a required check is never left "Expected"', () => {
    expect(modes(pullRequest('opened', ['README.md']))).toEqual(['validate.yml: validate']);
    expect(modes({ ...pullRequest('opened', ['README.md']), base: 'release-1' } as RepoEvent)).toEqual([
      'validate.yml: validate',
    ]);
  });

  it("the action's own pull requests (GITHUB_TOKEN) start no gate: delivery posts flux-pkg/validate itself", () => {
    expect(runsOf(pullRequest('opened', MERGE_INTO_DEV, 'github-token'))).toEqual([]);
    for (const run of runsOf(push([`${COMPONENT}/packages/1.2.0.yaml`])))
      expect(shipped[run.workflow]!.jobs[run.job]!.permissions?.statuses).toBe('write');
  });

  it.each([
    ['bootstrap.yml', 'bootstrap'],
    ['promote.yml', 'promote'],
    ['install.yml', 'install'],
  ])('dispatching %s runs mode %s', (workflow, mode) => {
    expect(modes({ name: 'workflow_dispatch', workflow, by: 'person' })).toEqual([`${workflow}: ${mode}`]);
  });

  it("Flux's health status on a main commit → health-gated promotion (promote); other statuses run no job", () => {
    const flux = (context: string): RepoEvent => ({ name: 'status', context, state: 'success', by: 'app' });
    expect(modes(flux('kustomization/app.default.tap-staging-packageinstalls/3f2a1b9c'))).toEqual([
      'status.yml: promote',
    ]);
    expect(runsOf(flux('flux-pkg/validate'))).toEqual([]);
    expect(runsOf(flux('ci/build'))).toEqual([]);
  });

  it('every shipped workflow is reached by some use (none is dead)', () => {
    const events: RepoEvent[] = [
      push([`${COMPONENT}/packages/1.2.0.yaml`]),
      pullRequest('opened', ['README.md']),
      { name: 'schedule' },
      { name: 'status', context: 'kustomization/x/1', state: 'success', by: 'app' },
      ...Object.keys(shipped).map(
        (workflow): RepoEvent => ({ name: 'workflow_dispatch', workflow, by: 'person' }),
      ),
    ];
    const reached = new Set(events.flatMap((e) => runsOf(e).map((r) => r.workflow)));
    expect([...reached].sort()).toEqual(Object.keys(shipped).sort());
  });
});
