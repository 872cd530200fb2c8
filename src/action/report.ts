/**
 * What a run shows: annotations for every diagnostic, the outputs action.yml declares, the job
 * summary and one log line per pull request. Values never appear: diagnostics do not carry them.
 */
import * as core from '@actions/core';
import type { LoadedConfig } from '../config/config.js';
import { type Diagnostic, formatDiagnostic } from '../diagnostics.js';
import { KUSTOMIZATION_FILES } from '../flux/kustomize.js';
import { discover } from '../plan/model/repository.js';
import type { Proposal, Published } from '../plan/proposals/proposals.js';
import type { PlanResult } from '../plan/types.js';
import type { FileEntry, Snapshot } from '../repo/snapshot.js';
import { jobSummary } from '../report/summary/job-summary.js';
import { flagOutOfOrder, markUnread } from '../report/summary/status.js';
import { statusMarkdown } from '../report/summary/status-render.js';

/** A failure the user can act on, reported in one line by setFailed. */
export class ActionError extends Error {}

export function annotate(diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    const props = {
      file: d.file || undefined,
      startLine: d.line || undefined,
      startColumn: d.column || undefined,
      title: d.code,
    };
    const message = d.path ? `${d.message} (at ${d.path})` : d.message;
    if (d.severity === 'error') core.error(message, props);
    else core.warning(message, props);
  }
}

export interface RunReport {
  mode: string;
  dryRun: boolean;
  result: PlanResult;
  published: readonly Published[];
  /** Lines for the summary saying why a run did nothing (or what it allowed). */
  notes?: readonly string[];
  /** Where the summary's version matrix comes from: the commit the run planned on. */
  status?: StatusSource;
  /** Pull requests left for the next run: GitHub's REST budget could not take them. */
  deferred?: readonly Proposal[];
}

export interface StatusSource {
  snapshot: Snapshot;
  loaded: LoadedConfig;
  /** A validation of exactly these components (whole-repo validate), so it is not run twice. */
  validation?: PlanResult;
  /**
   * Has the run read this file already (reading it again costs nothing)? When given, the matrix
   * shows the environments whose files the run read and marks the others unread, instead of a read
   * per file of every other environment. Undefined: every environment is read (a local checkout).
   */
  alreadyRead?: (path: string) => boolean;
}

/** The matrix and Mermaid chain of the components the run touched; a failure here never fails the run. */
async function statusSection(result: PlanResult, source: StatusSource | undefined): Promise<string> {
  const components = [...new Set(result.environments.map((e) => e.component))];
  if (!source || components.length === 0) return '';
  try {
    // Imported here: the status loader pulls in the planner's readers, which a run that reports nothing
    // (a no-op delivery) never needs at start-up.
    const [{ snapshot, unread }, { loadStatus }] = await Promise.all([
      readView(source, components),
      import('../plan/modes/status/run.js'),
    ]);
    const model = await loadStatus(snapshot, { ...source, components });
    return `\n${statusMarkdown(markUnread(flagOutOfOrder(model, result.diagnostics), unread))}`;
  } catch (e) {
    core.warning(`the job summary has no version matrix: ${e instanceof Error ? e.message : String(e)}`);
    return '';
  }
}

/**
 * The snapshot the matrix is built from: without the environment folders (`component/environment`
 * in `unread`) holding a PackageInstall, values or kustomization file the run has not read.
 */
async function readView(
  source: StatusSource,
  components: readonly string[],
): Promise<{ snapshot: Snapshot; unread: Set<string> }> {
  const unread = new Set<string>();
  const { alreadyRead } = source;
  if (!alreadyRead) return { snapshot: source.snapshot, unread };
  const entries = await source.snapshot.list();
  const { layout } = source.loaded.config;
  const envFiles = new Set<string>([
    layout.packageInstallFile,
    layout.valuesSecretFile,
    ...KUSTOMIZATION_FILES,
  ]);
  const hidden: string[] = [];
  const layouts = discover(
    entries.map((e) => e.path),
    layout,
  ).filter((c) => components.includes(c.name));
  for (const c of layouts) {
    for (const environment of c.environments) {
      const folder = `${c.dir}/${environment}/`;
      const read = entries.every(
        (e) =>
          !e.path.startsWith(folder) || !envFiles.has(e.path.slice(folder.length)) || alreadyRead(e.path),
      );
      if (read) continue;
      unread.add(`${c.name}/${environment}`);
      hidden.push(folder);
    }
  }
  if (hidden.length === 0) return { snapshot: source.snapshot, unread };
  const kept: FileEntry[] = entries.filter((e) => !hidden.some((f) => e.path.startsWith(f)));
  const snapshot: Snapshot = {
    list: async () => kept,
    read: (path, options) => source.snapshot.read(path, options),
  };
  return { snapshot, unread };
}

export async function finish({
  mode,
  dryRun,
  result,
  published,
  notes: given = [],
  status,
  deferred = [],
}: RunReport): Promise<void> {
  const deferral = deferralNotes(deferred, published);
  const notes = [...given, ...deferral];
  for (const n of notes) core.info(n);
  if (deferral[0]) core.warning(deferral[0]);
  core.setOutput(
    'deferred',
    JSON.stringify(
      deferred.flatMap((p) => p.targets.map((t) => ({ component: t.component, environment: t.environment }))),
    ),
  );
  const prs = published.filter((p) => p.number !== undefined);
  core.setOutput(
    'pull-requests',
    JSON.stringify(
      published.flatMap((p) =>
        p.targets.map((t) => ({
          component: t.component,
          environment: t.environment,
          number: p.number,
          url: p.url,
          branch: p.branch,
          operation: p.operation,
        })),
      ),
    ),
  );
  core.setOutput('pull-request-number', prs[0]?.number?.toString() ?? '');
  core.setOutput('pull-request-url', prs[0]?.url ?? '');
  core.setOutput('changed-files', JSON.stringify(result.files.map((f) => f.path)));
  core.setOutput('valid', String(result.valid));
  if (process.env.GITHUB_STEP_SUMMARY) {
    const matrix = await statusSection(result, status);
    await core.summary.addRaw(jobSummary(result, published, mode, dryRun, notes) + matrix).write();
  }
  for (const p of published) {
    const note = p.superseded ? ` (it already proposes the newer ${p.superseded})` : '';
    core.info(`${p.key}: ${p.operation}${p.url ? ` ${p.url}` : ''}${note}`);
  }
}

/**
 * What a run that ran short of GitHub's REST budget says: what it left for the next run, and
 * pr-flow per-environment when that would have needed fewer pull requests.
 */
function deferralNotes(deferred: readonly Proposal[], published: readonly Published[]): string[] {
  if (deferred.length === 0) return [];
  const all = [...published.flatMap((p) => p.targets), ...deferred.flatMap((p) => p.targets)];
  const environments = new Set(all.map((t) => t.environment)).size;
  const proposals = published.length + deferred.length;
  const count = `${deferred.length} pull request${deferred.length === 1 ? '' : 's'}`;
  const notes = [
    `${count} left for the next run: the REST budget GitHub reports would not take them and keep 10% of the hour for other workflows: ${deferred.map((p) => p.key).join(', ')}`,
  ];
  if (environments < proposals)
    notes.push(
      `pr-flow: per-environment would deliver this push in ${environments} pull requests instead of ${proposals}`,
    );
  return notes;
}

/** Report an invalid plan and stop: annotations, outputs and summary first, then one failing line. */
export async function failInvalid(report: RunReport): Promise<never> {
  await finish(report);
  const errors = report.result.diagnostics.filter((d) => d.severity === 'error');
  throw new ActionError(
    `${errors.length} validation error(s); nothing was written. First: ${formatDiagnostic(errors[0]!)}`,
  );
}
