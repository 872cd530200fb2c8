/**
 * The install mode's planning and delivery: what changed since the delivery cursor → plans → pull requests →
 * the cursor moved. Imported by install.ts only when the cursor is not at the base: this module is what loads
 * the planner, flux-pkg.yaml's reader and the publishing code (yaml, ajv), which a no-op run
 * (a rerun, a scheduled run with nothing new) never needs.
 */
import * as core from '@actions/core';
import { DEFAULT_LAYOUT, type LoadedConfig, loadConfig, type RepoConfig } from '../config/config.js';
import { type Diagnostic, warning } from '../diagnostics.js';
import { api } from '../github/api-call.js';
import { advanceCursor } from '../github/cursor.js';
import { type Delivered, deliver, type Proposed } from '../github/deliver.js';
import type { CommitFacts } from '../github/objects.js';
import { type Base, refreshFiles } from '../github/publish.js';
import { changedFiles, componentFolders, planReadable, rootTreeOf, widen } from '../github/tree-walk.js';
import { type Rewrapped, rewrapFiles } from '../plan/load/rewrap.js';
import { type ChangeSet, changedPaths, classifyChanges } from '../plan/model/changes.js';
import { discover } from '../plan/model/repository.js';
import { expectedInstallKeys } from '../plan/modes/install/expected-keys.js';
import { rewrapCandidates, rewrapNoKey, rewrapPlan, rewrapWanted } from '../plan/modes/install/rewrap.js';
import { everyMergePromotion } from '../plan/modes/install/targets.js';
import { promotionsOfMerge } from '../plan/modes/promote/merged.js';
import { plan } from '../plan/plan.js';
import { combineResults } from '../plan/proposals/combine.js';
import { proposalsFromPlan, rewrapProposal } from '../plan/proposals/proposals.js';
import type { InstallRequest, PlanResult, Published } from '../plan/types.js';
import { RefusedReadError, type Snapshot } from '../repo/snapshot.js';
import { NOTHING_CHANGED, type Since } from './install-cursor.js';
import { styleOf } from './proposal-style.js';
import { ActionError, annotate, failInvalid, finish, type StatusSource } from './report.js';
import { deliveryOf, type Session, snapshotOf, sopsKeys, sopsOverrides, treeOfCommit } from './session.js';

/** What to deliver: new Packages (install), merged environments' versions (promote), or both. */
export interface Wanted {
  install: boolean;
  promote: boolean;
}

/** What the last attempt's proposal left for the report (kept when GitHub fails after planning). */
interface Proposing {
  planned?: Proposed;
  status?: StatusSource;
  notes: string[];
}

/**
 * Everything not yet delivered since `since`, in one delivery (see install.ts's deliverPush); `head`: the base's
 * head when the caller already read it.
 */
export async function deliverSince(
  session: Session,
  what: Wanted,
  mode: string,
  since: Since | undefined,
  head: CommitFacts | undefined,
): Promise<void> {
  const { inputs } = session;
  const state: Proposing = { notes: [] };
  const delivered = await deliver({
    ...deliveryOf(session),
    head,
    // A tree too large for one read is read only where the changes (or the packages input) point.
    partialBase: true,
    propose: (base, expect) => propose(session, what, since, base, state, expect),
  }).catch(async (e: unknown) => {
    // The plan is known even when GitHub failed: report it (valid, changed-files) before failing.
    const { planned, status, notes } = state;
    if (planned) await finish({ mode, dryRun: inputs.dryRun, ...planned, published: [], status, notes });
    throw e;
  });
  annotate(delivered.result.diagnostics);
  const report = {
    mode,
    dryRun: inputs.dryRun,
    ...delivered,
    status: state.status,
    notes: [...state.notes, ...skippedNotes(delivered.published)],
  };
  if (!delivered.result.valid) await failInvalid(report);
  if (since && what.install && what.promote && !inputs.dryRun)
    await moveCursor(session, since, delivered, report.notes);
  await finish(report);
}

/** One attempt's plan on the base as read: its results combined into pull requests. */
async function propose(
  session: Session,
  what: Wanted,
  since: Since | undefined,
  base: Base,
  state: Proposing,
  expect: (keys: readonly string[]) => void,
): Promise<Proposed> {
  const { inputs } = session;
  let snapshot = snapshotOf(session, base.tree);
  prefetchBesideConfig(session, base, since).catch(() => {});
  const loaded = await loadConfig(snapshot);
  const alreadyRead = alreadyReadOn(session, base);
  state.status = { snapshot, loaded, alreadyRead };
  const notes: string[] = [];
  state.notes = notes;
  const changes = since ? await changesSince(session, loaded.config, base, since, notes) : undefined;
  if (base.partial) {
    if (!changes) await widenBase(session, base, loaded.config, inputs.packages ?? []);
    snapshot = snapshotOf(session, base.tree);
    state.status = { snapshot, loaded, alreadyRead };
  }
  const touched = [
    ...(inputs.packages ?? changes?.packageFiles ?? []),
    ...(changes?.packageInstalls ?? []).map((c) => c.path),
  ];
  const { componentsPath, packagesDir } = loaded.config.layout;
  prefetchComponents(session, base, componentFolders(touched, componentsPath ?? ''), packagesDir);
  announceKeys(session, what, loaded.config, base, changes, expect);
  const results = await api('reading the gitops repository', () =>
    planDelivery(session, what, { snapshot, loaded, base, changes }),
  );
  const rewrap = await rewrapOnBase(session, what, base, changes, snapshot);
  if (results.length === 0 && !rewrap?.files?.length) {
    notes.push(NOTHING_CHANGED);
    core.info(notes.at(-1)!);
  }
  const result = combineResults(results, [...loaded.diagnostics, ...(rewrap?.diagnostics ?? [])], {
    file: loaded.config.file,
  });
  const flow = inputs.prFlow ?? loaded.config.prFlow;
  const style = styleOf(session, base);
  const proposals = result.valid ? proposalsFromPlan(result, style, flow) : [];
  if (result.valid && rewrap?.files && rewrap.changes)
    proposals.push(rewrapProposal(rewrap.changes, rewrap.files, style));
  state.planned = { result, proposals };
  return state.planned;
}

/**
 * The pull requests' keys told to the delivery before planning, so that their read goes out beside
 * the plan instead of after it: only where they are known exactly, the install of the Package files
 * named (the push's, or the packages input's), one pull request per component and environment,
 * nothing promoted and no re-wrap looked at. Otherwise nothing is told (deliver.ts reads after
 * planning); a guess the plan then contradicts costs one read (publish.ts OpenPulls.prepare).
 */
function announceKeys(
  session: Session,
  what: Wanted,
  config: RepoConfig,
  base: Base,
  changes: ChangeSet | undefined,
  expect: (keys: readonly string[]) => void,
): void {
  const { inputs, facts } = session;
  const packages = inputs.packages ?? changes?.packageFiles;
  if (!what.install || inputs.path || !packages || packages.length === 0) return;
  if ((inputs.prFlow ?? config.prFlow ?? 'per-component') !== 'per-component') return;
  const promotes =
    what.promote && !inputs.packages && (!changes || promotionsOfMerge(config, changes).length > 0);
  const rewraps = !inputs.packages && facts.eventName !== 'pull_request' && rewrapWanted(changes);
  if (promotes || rewraps) return;
  const folders = componentFolders(packages, config.layout.componentsPath ?? '');
  const paths = base.tree.map((e) => e.path).filter((p) => folders.some((f) => p.startsWith(`${f}/`)));
  const keys = expectedInstallKeys(config, paths, packages, inputs.environments);
  if (keys && keys.length > 0) expect(keys);
}

/**
 * `sops updatekeys` for what is on the base branch: after a `.sops.yaml` change (or on a full scan),
 * every SOPS file whose recipients differ from its `.sops.yaml`'s gets its data key re-wrapped, in one
 * pull request. Only on the base: a pull request's own `.sops.yaml` is never acted on (a hostile
 * one would get the data keys wrapped for its recipient before anyone reviewed it). Without a key, a
 * warning names the files. Undefined: not looked at.
 */
async function rewrapOnBase(
  session: Session,
  what: Pick<Wanted, 'install'>,
  base: Base,
  changes: ChangeSet | undefined,
  snapshot: Snapshot,
): Promise<(Partial<Rewrapped> & { diagnostics: Diagnostic[] }) | undefined> {
  const { inputs, facts } = session;
  if (!what.install || inputs.packages || facts.eventName === 'pull_request' || !rewrapWanted(changes))
    return undefined;
  if (base.partial) {
    const message =
      'the re-wrap check after a .sops.yaml change was skipped: the tree is larger than GitHub reads at once; run `flux-pkg sops updatekeys` on the files it covers';
    return { diagnostics: [warning('sops.rewrap', message, '.sops.yaml')] };
  }
  const entries = base.tree.filter((e) => planReadable(e, MAX_PREFETCH_BYTES));
  const { configs, files } = rewrapCandidates(entries.map((e) => e.path));
  if (configs.length === 0) return undefined;
  const wanted = new Set([...configs, ...files]);
  session.objects.prefetch(entries.filter((e) => wanted.has(e.path)).map((e) => e.sha));
  const texts = new Map<string, string>();
  await api('reading the SOPS files', async () => {
    for (const path of wanted) {
      const text = await snapshot.read(path, { maxBytes: MAX_PREFETCH_BYTES }).catch((e: unknown) => {
        if (e instanceof RefusedReadError) return undefined;
        throw e;
      });
      if (text !== undefined) texts.set(path, text);
    }
  });
  const planned = rewrapPlan(texts);
  const identities = sopsKeys(inputs).identities;
  if (identities.length === 0)
    return { diagnostics: [...planned.diagnostics, ...rewrapNoKey(planned.changes)] };
  const done = await rewrapFiles(planned.changes, texts, identities);
  return { ...done, diagnostics: [...planned.diagnostics, ...done.diagnostics] };
}

interface Planning {
  snapshot: Snapshot;
  loaded: LoadedConfig;
  base: Base;
  /** What changed since the last delivery; undefined: a full scan. */
  changes?: ChangeSet;
}

/** The install and promote plans of what is undelivered (the order the summary shows them). */
async function planDelivery(
  session: Session,
  what: Wanted,
  { snapshot, loaded, base, changes }: Planning,
): Promise<PlanResult[]> {
  const { inputs, facts } = session;
  const keys = { sops: sopsKeys(inputs), overrides: sopsOverrides(inputs) };
  const request: InstallRequest = {
    kind: 'install',
    environments: inputs.environments,
    packages: inputs.packages ?? changes?.packageFiles,
    ...keys,
  };
  const commit = facts.push?.after ?? base.sha;
  const promotions =
    !what.promote || inputs.packages
      ? []
      : changes
        ? promotionsOfMerge(loaded.config, changes, commit)
        : everyMergePromotion(
            loaded.config,
            discover(
              base.tree.map((e) => e.path),
              loaded.config.layout,
            ),
            commit,
          );
  const list: PlanResult[] = [];
  if (what.install && (request.packages === undefined || request.packages.length > 0))
    list.push(await plan(snapshot, request, loaded));
  if (promotions.length > 0)
    list.push(await plan(snapshot, { kind: 'promote', promotions, ...keys }, loaded));
  return list;
}
/** What changed between the commit a run starts from and the base: their two trees compared, blob by blob. */
async function changesSince(
  session: Session,
  config: RepoConfig,
  base: Base,
  since: Since,
  notes: string[],
): Promise<ChangeSet | undefined> {
  notes.push(since.why);
  if (!since.sha) {
    if (base.partial)
      throw new ActionError(
        `${base.sha.slice(0, 7)}'s tree is larger than GitHub reads at once and ${since.why}: set the packages input to the Package files to deliver once, or run on a push`,
      );
    return undefined;
  }
  if (since.sha === base.sha) return { packageFiles: [], packageInstalls: [], configChanged: false };
  const changes = base.partial
    ? await partialChanges(session, config, base, since.sha)
    : classifyChanges(
        changedPaths(await treeOfCommit(session, since.sha), base.tree),
        base.tree.map((e) => e.path),
        config.layout,
      );
  // flux-pkg.yaml changed: an environment may take new versions now, or promote differently.
  return changes.configChanged ? undefined : changes;
}

/**
 * Past GitHub's recursive-tree limit: the changed files found by descending only into folders whose
 * sha differs, then the base read completely under the components they touch.
 */
async function partialChanges(session: Session, config: RepoConfig, base: Base, since: string) {
  const from = await rootTreeOf(session.objects, since);
  const changed = await changedFiles(session.objects, from, base.treeSha);
  await widenBase(session, base, config, changed);
  return classifyChanges(
    changed,
    base.tree.map((e) => e.path),
    config.layout,
  );
}

/**
 * The Package files of the components a run touches (and their folders of the environments input
 * names), read as one fan-out before planning. Other environments' files are left to the plan,
 * which reads only the environments it plans: the summary's matrix shows no more than that.
 */
function prefetchComponents(
  session: Session,
  base: Base,
  folders: readonly string[],
  packagesDir: string,
): void {
  if (session.inputs.path || folders.length === 0) return;
  const wanted = new Set([packagesDir, ...(session.inputs.environments ?? [])]);
  const under = (path: string) =>
    folders.some((f) => path.startsWith(`${f}/`) && wanted.has(path.slice(f.length + 1).split('/')[0]!));
  const files = base.tree.filter((e) => under(e.path) && planReadable(e, MAX_PREFETCH_BYTES));
  session.objects.prefetch(files.map((e) => e.sha));
}

/** More changed Package folders than this are not guessed at (a bulk change waits for the config). */
const MAX_GUESSED_COMPONENTS = 10;

/**
 * The blobs prefetchComponents will ask for, asked for beside the config file's instead of after it
 * (one fan-out, not two waves a config parse apart): the components of the Package files the base
 * changed since `since`, as the default layout places them (`<component>/packages/<file>.yaml`). A
 * config with another layout matches nothing here, so a wrong guess reads nothing; reads are shared
 * (GitObjects), so the plan's own prefetch then costs no call.
 */
async function prefetchBesideConfig(session: Session, base: Base, since: Since | undefined): Promise<void> {
  if (session.inputs.path || session.inputs.packages || base.partial || !since?.sha || since.sha === base.sha)
    return;
  const before = await treeOfCommit(session, since.sha).catch(() => undefined);
  if (!before) return;
  const { packagesDir } = DEFAULT_LAYOUT;
  const folders = new Set<string>();
  for (const path of changedPaths(before, base.tree)) {
    const [component, dir, file, ...deeper] = path.split('/');
    if (component && dir === packagesDir && file && deeper.length === 0 && /\.ya?ml$/.test(file))
      folders.add(component);
  }
  if (folders.size === 0 || folders.size > MAX_GUESSED_COMPONENTS) return;
  prefetchComponents(session, base, [...folders], packagesDir);
}

/** For the summary's matrix: files on the base this run read (through the API; a checkout reads freely). */
function alreadyReadOn(session: Session, base: Base): ((path: string) => boolean) | undefined {
  if (session.inputs.path) return undefined;
  let shas: Map<string, string> | undefined;
  return (path) => {
    shas ??= new Map(base.tree.map((e) => [e.path, e.sha]));
    const sha = shas.get(path);
    return sha !== undefined && session.objects.hasBlob(sha);
  };
}

/** A file larger than this is left to the planner's own size rules, not read ahead. */
const MAX_PREFETCH_BYTES = 1024 * 1024;

/** A base too large for one tree read, read completely under the components `paths` touch. */
async function widenBase(session: Session, base: Base, config: RepoConfig, paths: readonly string[]) {
  const folders = componentFolders(paths, config.layout.componentsPath ?? '');
  await api('reading the gitops repository', () => widen(session.objects, base.index, folders));
  refreshFiles(base);
}

/**
 * The cursor follows the base this run delivered (a run limited by the environments input moves its
 * filter's cursor, one write per run); a run that lost the race leaves it to the newer one.
 * A run that left pull requests for later (the REST budget deferred them) did not deliver that base:
 * the cursor stays where it was, so the next run finds the deferred ones among what changed since.
 */
async function moveCursor(session: Session, since: Since, delivered: Delivered, notes: string[]) {
  const { client, ref, baseBranch } = session;
  const to = delivered.base.sha;
  if (delivered.deferred.length > 0) {
    const at = since.cursor ? `stays at ${since.cursor.slice(0, 7)}` : 'not created';
    notes.push(
      `delivery cursor ${at}: ${to.slice(0, 7)} is not fully delivered until the pull requests left for the next run are`,
    );
    return;
  }
  const filter = session.inputs.environments;
  const moved = await api('moving the delivery cursor', () =>
    advanceCursor(client, ref, baseBranch, since.cursor, to, filter),
  );
  const scope = filter ? ` for environments ${[...new Set(filter)].join(', ')}` : '';
  if (moved !== 'kept') notes.push(`delivery cursor ${moved}: ${to.slice(0, 7)} is delivered${scope}`);
}

/** The summary's word on each pull request a rule held back. */
function skippedNotes(published: readonly Published[]): string[] {
  return published.flatMap((p) => (p.skipped ? [`${p.key}: skipped: ${p.skipped}`] : []));
}
