/**
 * Every setting of the action and the CLI, declared once: its action input (action.yml, read by
 * src/inputs.ts), its CLI flag (src/cli/flags.ts builds parseArgs options and --help from it), and
 * how a message names it on each. A setting that both have is one entry, so an input and its flag
 * cannot drift apart; __tests__/meta/settings.test.ts holds action.yml's inputs to this list.
 * Pure data: the core may import it to name a setting in a message (see `nameOf`).
 */

/**
 * `text`: an input string / `--flag VALUE`; `list`: a comma- or newline-separated input / a
 * repeatable flag; `switch`: an input `true|false` (default false) / `--flag`; `true-false`: an input
 * `true|false` / `--flag true|false` (for settings on by default).
 */
export type SettingType = 'text' | 'list' | 'switch' | 'true-false';

export interface Setting {
  /** The action input; absent: the CLI's only. */
  readonly input?: string;
  /** action.yml's default for the input, as the runner passes it. */
  readonly default?: string;
  /** The CLI flag (without `--`); absent: the action's only. Several settings may share one flag. */
  readonly flag?: string;
  readonly type: SettingType;
  /** The flag's value in --help (`NAME`, `FILE`). */
  readonly arg?: string;
  /** The flag's line in --help; absent: the flag is listed by another setting with it, or by hand. */
  readonly help?: string;
}

const declare = <const T extends readonly Setting[]>(settings: T): T =>
  Object.freeze(settings.map((s) => Object.freeze(s))) as unknown as T;

/** In action.yml's order; CLI-only flags last. */
export const SETTINGS = declare([
  { input: 'mode', default: 'auto', type: 'text' },
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the runner's expression, as action.yml writes it
  { input: 'github-token', default: '${{ github.token }}', type: 'text' },
  { input: 'gitops-repository', default: '', type: 'text' },
  { input: 'base-branch', default: '', type: 'text' },
  {
    input: 'packages',
    default: '',
    flag: 'package',
    type: 'list',
    arg: 'PATH',
    help: "a Package file to deliver (repeatable; default: each component's newest)",
  },
  {
    input: 'environments',
    default: '',
    flag: 'environment',
    type: 'list',
    arg: 'NAME',
    help: 'only this environment (repeatable); bootstrap: the new environment (exactly one)',
  },
  { input: 'path', default: '', type: 'text' },
  { input: 'dry-run', default: 'false', type: 'switch' },
  { input: 'labels', default: '', type: 'list' },
  { input: 'reviewers', default: '', type: 'list' },
  { input: 'team-reviewers', default: '', type: 'list' },
  { input: 'draft', default: 'false', type: 'switch' },
  { input: 'auto-merge', default: '', type: 'text' },
  { input: 'branch-prefix', default: 'flux-pkg', type: 'text' },
  { input: 'check-context', default: 'flux-pkg/validate', type: 'text' },
  { input: 'commit-message', default: 'Deploy {component} {version} to {environment}', type: 'text' },
  { input: 'pr-flow', default: '', type: 'text' },
  { input: 'pr-title', default: 'Deploy {component} {version} to {environment}', type: 'text' },
  {
    input: 'component',
    default: '',
    flag: 'component',
    type: 'list',
    arg: 'NAME',
    help: 'only this component (repeatable); promote: the one to promote; bootstrap: a name, a list, or *',
  },
  {
    input: 'from-environment',
    default: '',
    flag: 'from',
    type: 'text',
    arg: 'ENV',
    help: "promote: from this environment (default: --to's promoteFrom)",
  },
  {
    input: 'to-environment',
    default: '',
    flag: 'to',
    type: 'text',
    arg: 'ENV',
    help: 'promote: to this environment',
  },
  {
    input: 'version',
    default: '',
    flag: 'version',
    type: 'text',
    arg: 'VERSION',
    help: 'promote: this version instead of the one --from runs; bootstrap: the first version (default: the newest)',
  },
  {
    input: 'allow-downgrade',
    default: 'false',
    flag: 'allow-downgrade',
    type: 'switch',
    help: 'promote: allow a lower version (adds packaging.carvel.dev/downgradable)',
  },
  { input: 'environment', default: '', flag: 'environment', type: 'text' },
  {
    input: 'values',
    default: '',
    flag: 'values',
    type: 'text',
    arg: 'FILE',
    help: "the values YAML (plan: replaces one environment's, with one --component and one --environment; bootstrap: default {})",
  },
  bootstrapName('service-account-name', 'the ServiceAccount kapp-controller installs with'),
  bootstrapName('flux-service-account-name', 'the ServiceAccount Flux impersonates on the run cluster'),
  bootstrapName('target-namespace', 'the run cluster namespace the PackageInstall goes to', 'NS'),
  bootstrapName('kubeconfig-secret-name', "the Secret holding the run cluster's kubeconfig"),
  bootstrapName('flux-namespace', "the namespace of the Brain's Flux objects and Secrets", 'NS'),
  bootstrapName('flux-api-version', 'v1 (current Flux) or v1beta2 (older clusters)', 'v1|v1beta2'),
  bootstrapName('git-url', 'the URL Flux clones from (default: the origin remote, when https or ssh)', 'URL'),
  bootstrapName('git-secret-name', 'the Secret with the git credentials'),
  {
    input: 'force',
    default: 'false',
    flag: 'force',
    type: 'switch',
    help: 'bootstrap: regenerate the Flux and RBAC files of an environment that exists',
  },
  {
    input: 'commit-status',
    default: 'true',
    flag: 'commit-status',
    type: 'true-false',
    arg: 'true|false',
    help: 'bootstrap: a notification-controller Provider and Alert for commit statuses (default: true)',
  },
  bootstrapName(
    'commit-status-secret-name',
    'the Secret with the token for commit statuses',
    'NAME',
    'github-commit-status',
  ),
  bootstrapName('sops-age-secret-name', 'the Secret with the SOPS age key Flux decrypts with'),
  { input: 'sops-age-key', default: '', type: 'text' },
  {
    input: 'sops-age-recipients',
    default: '',
    flag: 'sops-age-recipient',
    type: 'list',
    arg: 'R',
    help: 'age recipient for secretFormat sops where no .sops.yaml rule matches (repeatable)',
  },
  { flag: 'repo', type: 'text', arg: 'DIR', help: 'the gitops repo checkout (default: .)' },
  {
    flag: 'since',
    type: 'text',
    arg: 'GITREF',
    help: 'deliver the Package files git says changed since GITREF',
  },
  {
    flag: 'repository-url',
    type: 'text',
    arg: 'URL',
    help: 'bootstrap: the repository on its GitHub server, where Flux posts commit statuses (default: https://github.com/OWNER/REPO when --git-url is on github.com)',
  },
  {
    flag: 'branch',
    type: 'text',
    arg: 'NAME',
    help: 'bootstrap: the branch Flux follows (default: the checked-out one, else main)',
  },
  {
    flag: 'sops-age-key-file',
    type: 'text',
    arg: 'FILE',
    help: 'age key file to decrypt SOPS-encrypted values Secrets (merged with every key source sops reads: see below)',
  },
  { flag: 'write', type: 'switch', help: 'write the planned files (plan, promote, bootstrap)' },
  { flag: 'json', type: 'switch', help: 'print a JSON report' },
  { flag: 'help', type: 'switch', help: 'this help' },
] as const);

/** A name bootstrap gives a Kubernetes object or field: the request's field is the input in camelCase. */
function bootstrapName<const I extends string>(input: I, help: string, arg = 'NAME', fallback = '') {
  const setting = {
    input,
    default: fallback,
    flag: input,
    type: 'text',
    arg,
    help: `bootstrap: ${help}`,
  } as const;
  return { ...setting, bootstrapName: true } as const;
}

type Camel<S extends string> = S extends `${infer H}-${infer T}` ? `${H}${Capitalize<Camel<T>>}` : S;

/** The inputs (and flags) that name bootstrap's objects: `service-account-name`, `git-url`, … */
export type BootstrapName = Extract<(typeof SETTINGS)[number], { bootstrapName: true }>['input'];
export const BOOTSTRAP_NAMES: readonly BootstrapName[] = Object.freeze(
  SETTINGS.flatMap((s) => ('bootstrapName' in s ? [s.input] : [])),
);

/** Bootstrap's request fields for those names, as given (`serviceAccountName`, `gitUrl`, …). */
export type BootstrapNames = { [K in BootstrapName as Camel<K>]?: string };

/** `service-account-name` → `serviceAccountName`. */
export const fieldOf = <K extends BootstrapName>(input: K): Camel<K> =>
  input.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()) as Camel<K>;

/** An action input's name. */
export type InputName = Extract<(typeof SETTINGS)[number], { input: string }>['input'];
/** A CLI flag's name. */
export type FlagName = Extract<(typeof SETTINGS)[number], { flag: string }>['flag'];

/** Whose words a message uses for a setting: the action's inputs or the CLI's flags. */
export type Wording = 'action' | 'cli';

/** The setting an input declares. */
export function settingOf(input: InputName): Setting {
  return (SETTINGS as readonly Setting[]).find((s) => s.input === input)!;
}

/** How a message names the setting of an input: `allow-downgrade` in the action, `--allow-downgrade` in the CLI. */
export function nameOf(input: InputName, wording: Wording = 'action'): string {
  const { flag } = settingOf(input);
  return wording === 'cli' && flag ? `--${flag}` : input;
}

/** How a message asks for a switch: `set allow-downgrade` in the action, `add --allow-downgrade` in the CLI. */
export function askFor(input: InputName, wording: Wording = 'action'): string {
  return wording === 'cli' ? `add ${nameOf(input, wording)}` : `set ${input}`;
}
