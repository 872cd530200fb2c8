/**
 * Where every version runs: the component × environment matrix — the version each environment's
 * PackageInstall selects, which environments are behind the one they promote from, which are
 * invalid, which have no folder. Pure: loadStatus() (src/plan/status.ts) gathers the input through
 * the planner (validate) and the Package files; the renderings are in status-render.ts.
 */
import { compare, parseRelaxed } from '../../carvel/semver.js';
import type { RepoConfig } from '../../config/config.js';
import type { Diagnostic } from '../../diagnostics.js';
import type { PlanResult } from '../../plan/types.js';

/**
 * current: valid and not behind; behind: older than what its promoteFrom environment selects;
 * invalid: the environment fails validation (or nothing could check it); missing: no folder;
 * unread: a folder the run did not read (an action run shows what it read, see markUnread).
 */
export type CellState = 'current' | 'behind' | 'invalid' | 'missing' | 'unread';

export interface StatusCell {
  environment: string;
  state: CellState;
  /** The Package version the PackageInstall selects, when it resolves to one. */
  version?: string;
  constraint?: string;
  promoteFrom?: string;
  /** What promoteFrom selects, when this environment is behind it. */
  upstreamVersion?: string;
  /** The run's own plan found this environment's version out of promotion order (validate: the PR's head). */
  outOfOrder?: boolean;
}

export interface ComponentStatus {
  component: string;
  /** Package versions in packages/, oldest first. */
  versions: string[];
  /** One cell per environment of the component, in the model's environment order. */
  cells: StatusCell[];
}

export interface StatusModel {
  /** Every environment, in flux-pkg.yaml's order, then folders the config does not list. */
  environments: { name: string; promoteFrom?: string }[];
  components: ComponentStatus[];
  /** The validation passed (no error anywhere, not only in the environments shown). */
  valid: boolean;
  diagnostics: Diagnostic[];
}

export interface StatusInput {
  config: RepoConfig;
  components: readonly { name: string; folders: readonly string[]; versions: readonly string[] }[];
  /** The planner's `validate` result for the same snapshot. */
  validation: PlanResult;
}

const older = (a: string, b: string) => {
  const [x, y] = [parseRelaxed(a), parseRelaxed(b)];
  return x !== undefined && y !== undefined && compare(x, y) < 0;
};

export function buildStatus(input: StatusInput): StatusModel {
  const { config, validation } = input;
  const configured = config.environments ?? [];
  const listed = new Set(configured.map((e) => e.name));
  const extra = [...new Set(input.components.flatMap((c) => c.folders))].filter((f) => !listed.has(f)).sort();
  const environments: StatusModel['environments'] = [
    ...configured.map((e) =>
      e.promoteFrom ? { name: e.name, promoteFrom: e.promoteFrom } : { name: e.name },
    ),
    ...extra.map((name) => ({ name })),
  ];
  const components = input.components.map((c) => {
    const only = config.components[c.name]?.environments;
    const own = environments.filter(
      (e) => c.folders.includes(e.name) || (listed.has(e.name) && (!only || only.includes(e.name))),
    );
    const cells = own.map((e): StatusCell => {
      const cell: StatusCell = { environment: e.name, state: 'missing' };
      if (e.promoteFrom) cell.promoteFrom = e.promoteFrom;
      if (!c.folders.includes(e.name)) return cell;
      const result = validation.environments.find((r) => r.component === c.name && r.environment === e.name);
      if (result?.toVersion) cell.version = result.toVersion;
      if (result?.constraint !== undefined) cell.constraint = result.constraint;
      cell.state = result?.valid ? 'current' : 'invalid';
      return cell;
    });
    for (const cell of cells) {
      const upstream = cells.find((u) => u.environment === cell.promoteFrom);
      if (cell.state === 'current' && upstream?.state !== 'invalid' && upstream?.version && cell.version) {
        if (older(cell.version, upstream.version)) {
          cell.state = 'behind';
          cell.upstreamVersion = upstream.version;
        }
      }
    }
    return { component: c.name, versions: [...c.versions], cells };
  });
  return { environments, components, valid: validation.valid, diagnostics: validation.diagnostics };
}

/**
 * The run's `promotion.out-of-order` errors on the matrix: the matrix is built from the head alone,
 * which cannot know the order (that needs the base branch), so it would show such an environment as
 * current next to the error. The diagnostic names the environment's PackageInstall:
 * `[<subpath>/]<component>/<environment>/<file>`.
 */
export function flagOutOfOrder(model: StatusModel, diagnostics: readonly Diagnostic[]): StatusModel {
  const flagged = diagnostics
    .filter((d) => d.code === 'promotion.out-of-order' && d.severity === 'error')
    .map((d) => d.file.split('/'))
    .filter((parts) => parts.length >= 3)
    .map((parts) => ({ component: parts.at(-3)!, environment: parts.at(-2)! }));
  if (flagged.length === 0) return model;
  const components = model.components.map((c) => ({
    ...c,
    cells: c.cells.map((cell) =>
      flagged.some((f) => f.component === c.component && f.environment === cell.environment)
        ? { ...cell, outOfOrder: true }
        : cell,
    ),
  }));
  return { ...model, components };
}

/**
 * The environments a run left unread (`component/environment`), shown as such instead of as
 * missing: the action's matrix is built from the files the run read, not a read per other
 * environment (`flux-pkg status` reads every one).
 */
export function markUnread(model: StatusModel, unread: ReadonlySet<string>): StatusModel {
  if (unread.size === 0) return model;
  const components = model.components.map((c) => ({
    ...c,
    cells: c.cells.map(
      (cell): StatusCell =>
        cell.state === 'missing' && unread.has(`${c.component}/${cell.environment}`)
          ? { ...cell, state: 'unread' }
          : cell,
    ),
  }));
  return { ...model, components };
}
