/**
 * Every diagnostic code flux-pkg-action reports: its severity, what it means and how to fix the repository
 * (or the request) that trips it. `error()` and `warning()` take only a code of this list, so a new check
 * adds its code here first; docs/diagnostics.md is generated from it (`npm run docs`), and
 * __tests__/diagnostics/codes.test.ts fails for a code that no test produces.
 *
 * A code is a compatibility commitment: scripts and workflows match on it. Rename none; retire one by
 * leaving it here with a meaning that says it is no longer reported.
 */

/** `either`: the same finding is an error in one setting and a warning in another (`when` says which). */
export type CodeSeverity = 'error' | 'warning' | 'either';

export interface CodeEntry {
  readonly severity: CodeSeverity;
  /** What the diagnostic says is wrong, in one or two sentences. */
  readonly meaning: string;
  /** What to change so that it goes away. */
  readonly fix: string;
  /** For `either`: when it is an error rather than a warning. */
  readonly when?: string;
}

// Each helper keeps its severity as a literal type: ErrorCode and WarningCode are derived from it.
const e = (meaning: string, fix: string) => ({ severity: 'error' as const, meaning, fix });
const w = (meaning: string, fix: string) => ({ severity: 'warning' as const, meaning, fix });
const either = (meaning: string, fix: string, when: string) => ({
  severity: 'either' as const,
  meaning,
  fix,
  when,
});

/** A values document that fails one JSON Schema keyword of the Package's valuesSchema. */
const valuesRule = (keyword: string, rule: string) =>
  e(
    `A value in the values Secret fails the valuesSchema's \`${keyword}\` rule: ${rule}.`,
    'Change the value at the reported path in params.yaml (the message says what the schema allows), or publish a Package version whose valuesSchema allows it.',
  );

/** The schema keywords whose failures have a code of their own (`values.<keyword>`); others share `values.schema-rule`. */
export const SCHEMA_RULE_KEYWORDS = [
  'type',
  'enum',
  'const',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'minProperties',
  'maxProperties',
  'uniqueItems',
  'pattern',
  'format',
  'required',
  'not',
  'additionalProperties',
  'anyOf',
  'oneOf',
  'withheld',
  'uncheckable',
] as const;

const REQUEST_NAME_FIX =
  'Correct the input (action) or flag (CLI) named in the message; a name is a DNS-1123 name: lower-case letters, digits and "-".';

export const CODES = {
  // yaml/: every file is parsed with positions and limits before any rule reads it.
  'yaml.syntax': e(
    'The file is not valid YAML; the message names the kind of syntax error and its position (never the text, which may be a secret).',
    'Fix the YAML at the reported line, e.g. with `yq . FILE` or an editor that highlights YAML.',
  ),
  'yaml.duplicate-key': e(
    'A mapping holds the same key twice; Kubernetes and ytt would each keep a different one.',
    'Delete one of the two keys at the reported line.',
  ),
  'yaml.unknown-alias': e(
    'An alias (`*name`) refers to no anchor (`&name`) defined before it in the document.',
    'Define the anchor before the alias, or write the value out.',
  ),
  'yaml.alias-limit': e(
    'A document expands more aliases than the limit: refused as a possible YAML bomb.',
    'Write the repeated values out instead of expanding aliases of aliases.',
  ),
  'yaml.too-large': e(
    'The file is over the size limit and is not parsed.',
    'Split the file or remove what does not belong in it; Packages, PackageInstalls and values Secrets are small.',
  ),
  'yaml.too-many-documents': e(
    'The file holds more YAML documents (`---`) than the limit.',
    'Split the documents over several files.',
  ),

  // repo/: what the action refuses to read or write.
  'repo.symlink': e(
    'A file the action reads or writes is a symbolic link; links are never followed (they could point out of the repository).',
    'Replace the link with the file itself.',
  ),
  'repo.special': e(
    'A file the action reads or writes is not a regular file (a FIFO, a device, a socket).',
    'Replace it with a regular file, or remove it.',
  ),
  'repo.outside': e(
    'A path the action would read or write leads out of the repository (through a link of a parent folder).',
    'Replace the linked folder with a real one.',
  ),

  // config/: flux-pkg.yaml.
  'config.empty': e(
    'flux-pkg.yaml exists but holds no settings.',
    'List the environments (or other settings), or delete the file: without it every environment takes new versions directly.',
  ),
  'config.documents': e(
    'flux-pkg.yaml holds more than one YAML document.',
    'Keep one document: remove `---`.',
  ),
  'config.invalid': e(
    'flux-pkg.yaml does not match its JSON Schema (an unknown setting, a wrong type).',
    'Correct the key at the reported line; schema/flux-pkg.schema.json lists every setting, and editors complete from it.',
  ),
  'config.path': e(
    'A `layout` setting is not a clean relative path or file name inside the repository (or is under .github/).',
    'Give a relative path without `..`, leading `/` or `.github/`; file and folder names hold no `/`.',
  ),
  'config.name-template': e(
    'packageInstallName or valuesSecretName makes a name Kubernetes refuses (for some component).',
    'Use `{component}` and DNS-1123 characters only, and keep the expanded name within 253 characters.',
  ),
  'config.duplicate-environment': e(
    'An environment is listed twice under `environments`.',
    'Delete one of the two entries.',
  ),
  'config.promote-cycle': e(
    '`promoteFrom` chains go round in a cycle, so no environment of the cycle could ever get a version.',
    'Make one environment of the cycle take new versions directly (no `promoteFrom`).',
  ),
  'config.unknown-environment': e(
    '`promoteFrom` or `components.<name>.environments` names an environment that is not listed, or that has no folder under the component.',
    'List the environment under `environments`, create its folder (bootstrap), or correct the name.',
  ),
  'config.not-editable': e(
    'Bootstrap cannot add the new environment to flux-pkg.yaml in place (the message says what in its shape prevents it).',
    'Add the environment entry under `environments` by hand, then rerun bootstrap.',
  ),
  'config.misnamed': e(
    'A file is named like the config but is not the one the action reads (`flux-pkg.yml`, `.flux-pkg.yaml`, `.flux-pkg.yml`, or anything under `.github/`): only `flux-pkg.yaml` at the repository root is read.',
    'Rename (or move) the file to `flux-pkg.yaml` at the repository root; delete it if that file exists already.',
  ),

  // layout: how components and environments are found.
  'layout.no-component': e(
    'The layout finds no component: no `<component>/packages/*.yaml` and no `<component>/<environment>/packageinstall.yaml`.',
    'Check `layout` in flux-pkg.yaml (componentsPath, packagesDir, packageInstallFile) against the repository.',
  ),
  'layout.component-name': e(
    'A component folder name is not a valid name (it becomes part of Kubernetes object names).',
    'Rename the folder to a DNS-1123 subdomain: lower-case letters, digits, "-" and ".".',
  ),
  'layout.environment-name': e(
    'An environment folder name is not a valid name.',
    'Rename the folder to a DNS-1123 label: lower-case letters, digits and "-".',
  ),

  'layout.no-environment': w(
    'validate found components with Packages but no environment folder yet (the state before the first bootstrap): the Packages were validated, nothing else.',
    'Nothing; bootstrap creates the first environment of a component.',
  ),

  // request: what the caller asked for (inputs, flags, the event).
  'request.no-match': e(
    'A component or environment filter names nothing in the repository, so the run would do nothing.',
    'Correct the `component` / `environment` input (or flag); the message lists the names there are.',
  ),
  'request.component': e(
    'The requested component is not a valid name, or has no Packages.',
    'Name a component folder that holds `packages/*.yaml`; the message lists them.',
  ),
  'request.environment': e(
    'The requested environment is not a valid name, or it (or its RBAC folder) clashes with a folder of the component.',
    'Choose another environment name (a DNS-1123 label), or change `layout.rbacFolder`.',
  ),
  'request.package': e(
    'A Package file the run was given (the `packages` input, or the push) does not exist or holds no Package.',
    'Give paths of Package files in the repository, relative to its root.',
  ),
  'request.promote': e(
    'A manual promotion names a component that does not exist or is not a valid name.',
    'Correct the `component` input (or `--component`).',
  ),
  'request.version': e(
    'The requested version is not a Package version, or the component has no Package of that version.',
    'Give a version the component has under packages/ (the message lists them).',
  ),
  'request.target-namespace': e(
    'Bootstrap needs the namespace the Package installs into, and neither the request nor flux-pkg.yaml gives it, or it is not a namespace name.',
    'Set `target-namespace` (or `targetNamespace` for the environment in flux-pkg.yaml).',
  ),
  'request.service-account-name': e(
    'service-account-name (the account kapp-controller installs with) is not an object name.',
    'Give a DNS-1123 name: lowercase letters, digits, `-` and `.`, at most 253 characters.',
  ),
  'request.flux-api-version': e(
    'flux-api-version is neither v1 nor v1beta2.',
    'Use v1 (current Flux) or v1beta2.',
  ),
  'request.git-url': e(
    'git-url is not a URL Flux can clone (https:// or ssh://).',
    'Give the gitops repository URL as https://… or ssh://git@….',
  ),
  'request.flux-namespace': e('flux-namespace is not a namespace name.', REQUEST_NAME_FIX),
  'request.kubeconfig-secret-name': e('kubeconfig-secret-name is not an object name.', REQUEST_NAME_FIX),
  'request.git-secret-name': e('git-secret-name is not an object name.', REQUEST_NAME_FIX),
  'request.commit-status-secret-name': e(
    'commit-status-secret-name is not an object name.',
    REQUEST_NAME_FIX,
  ),
  'request.sops-age-secret-name': e('sops-age-secret-name is not an object name.', REQUEST_NAME_FIX),
  'request.values': e(
    'The `values` given to bootstrap are not valid YAML (only the position is shown).',
    'Fix the YAML of the values input (or the --values file).',
  ),

  // Packages.
  'package.empty': e(
    'A file in a packages folder holds no document.',
    'Delete the file, or put the Package in it.',
  ),
  'package.kind': e(
    'A document in a packages folder is not a Carvel Package (or PackageMetadata).',
    'Keep only Package and PackageMetadata documents in packages/; move other objects elsewhere.',
  ),
  'package.not-an-object': e('A Package document is not a mapping.', 'Write the Package as a YAML mapping.'),
  'package.api-version': e(
    'The Package has another apiVersion than `data.packaging.carvel.dev/v1alpha1`.',
    'Set `apiVersion: data.packaging.carvel.dev/v1alpha1`.',
  ),
  'package.spec': e('The Package has no `spec`.', 'Add spec with refName, version and template.'),
  'package.ref-name': e(
    '`spec.refName` is missing or not a fully qualified name (it needs at least three dot-separated parts).',
    'Set spec.refName, e.g. `app.default.tap`.',
  ),
  'package.version': e(
    '`spec.version` is missing, not a string, or not strict semver.',
    'Quote it and use semver: `version: "1.2.0"`.',
  ),
  'package.name': e('The Package has no `metadata.name`.', 'Set metadata.name to `<refName>.<version>`.'),
  'package.name-mismatch': e(
    '`metadata.name` is not `<spec.refName>.<spec.version>`, which kapp-controller requires.',
    'Set metadata.name to the name the message expects.',
  ),
  'package.name-too-long': e(
    '`metadata.name` is longer than kapp-controller can store.',
    'Use a shorter refName or version.',
  ),
  'package.template': e(
    '`spec.template.spec` is missing: kapp-controller has no App template to run.',
    'Add the App template (fetch, template, deploy) under spec.template.spec.',
  ),
  'package.version-selection': e(
    '`spec.kubernetesVersionSelection` or `kappControllerVersionSelection` has constraints that do not parse.',
    'Write a Carvel semver range, e.g. `>=1.24.0`.',
  ),
  'package.ref-name-conflict': e(
    "A component's Packages have several refNames; a component holds one package.",
    "Move the other package's files into a component folder of its own.",
  ),
  'package.duplicate-version': e(
    'Two Package files of one component define the same version.',
    'Delete one of them, or publish the second under a new version.',
  ),
  'package.changed-in-place': e(
    'A pull request changes the content of a Package version that already exists; clusters that have it keep the old content.',
    'Publish the change as a new version instead of editing the old one.',
  ),

  // PackageInstalls and environment folders.
  'packageinstall.missing': e(
    'An environment folder has no PackageInstall, or its file holds none.',
    'Add packageinstall.yaml (bootstrap writes one), or remove the folder.',
  ),
  'packageinstall.api-version': e(
    'The PackageInstall has another apiVersion than `packaging.carvel.dev/v1alpha1`.',
    'Set `apiVersion: packaging.carvel.dev/v1alpha1`.',
  ),
  'packageinstall.package-ref': e(
    '`spec.packageRef.refName` is missing: kapp-controller would fail at reconcile time.',
    "Set spec.packageRef.refName to the component's Package refName.",
  ),
  'packageinstall.version-selection': e(
    '`spec.packageRef.versionSelection` is missing: kapp-controller would fail at reconcile time.',
    'Add `versionSelection: {constraints: <version>}` under spec.packageRef.',
  ),
  'packageinstall.service-account': e(
    'The PackageInstall has neither `spec.serviceAccountName` nor `spec.cluster`.',
    'Set spec.serviceAccountName (the account kapp-controller installs with).',
  ),
  'packageinstall.values': e(
    'An entry of `spec.values` has no `secretRef.name`.',
    'Give each spec.values entry `secretRef: {name: <values Secret>}`.',
  ),
  'packageinstall.annotations': w(
    '`metadata.annotations` is not a mapping.',
    'Write the annotations as a mapping.',
  ),
  'packageinstall.ref-name': e(
    "The PackageInstall installs another refName than the component's Packages.",
    "Set spec.packageRef.refName to the Packages' refName, or move the environment to the right component.",
  ),
  'packageinstall.no-version': e(
    "No Package version satisfies the PackageInstall's constraints: kapp-controller would install nothing.",
    'Change the constraints, or add the Package version they ask for.',
  ),
  'packageinstall.values-secret': either(
    'spec.values references a Secret by another name than the one in params.yaml, or params.yaml holds a Secret spec.values does not reference.',
    'Make secretRef.name and the values Secret metadata.name the same.',
    'An error in a pull request the gate judges; a warning otherwise.',
  ),
  'packageinstall.values-secret-missing': either(
    'spec.values references a Secret, but the environment folder has no values Secret file: kapp-controller would wait for it forever.',
    'Add params.yaml with the Secret, or remove the reference.',
    'An error in a pull request the gate judges; a warning otherwise.',
  ),
  'kustomization.multiple': e(
    'An environment folder has several kustomization files; kustomize refuses it.',
    'Keep one of kustomization.yaml, kustomization.yml, Kustomization.',
  ),

  // What the gate judges in an environment folder: the objects Flux builds from it (src/flux/build.ts).
  'kustomization.unsupported': e(
    "An environment folder's kustomization uses a feature that can change the objects Flux applies (patches, generators, transformers, replacements, images, name prefixes, components, Helm charts, annotations…); the gate judges only what it can build exactly.",
    'Write the PackageInstall and values Secret as they should be applied and list them under `resources`; only `resources`, `namespace`, `labels`/`commonLabels` and `sortOptions` are allowed in an environment folder.',
  ),
  'kustomization.kind': e(
    "An environment folder's kustomization file is not a `Kustomization` (a `Component`, or another kind).",
    "Make it `kind: Kustomization` (apiVersion kustomize.config.k8s.io/v1beta1) listing the folder's files.",
  ),
  'kustomization.remote': e(
    'A kustomization lists a remote resource (a URL or a git repository): Flux would apply what the gate never saw.',
    'Copy the object into the environment folder and list the file.',
  ),
  'kustomization.outside': e(
    'A kustomization lists a resource outside the environment folder (`../…` or an absolute path).',
    'Move the file into the environment folder, or list only files inside it.',
  ),
  'kustomization.resource-missing': e(
    'A kustomization lists a resource that does not exist in the folder; kustomize fails the build.',
    'Add the file, or remove the entry.',
  ),
  'kustomization.duplicate': e(
    'A kustomization lists the same resource twice, or two files hold the same object; kustomize refuses duplicate ids.',
    'List each file once and keep one copy of each object.',
  ),
  'kustomization.not-an-object': e(
    'A document of a file the kustomization lists is not one Kubernetes object: not a map, without a `kind`, or a `List`.',
    'Make each document one Kubernetes object (a map with apiVersion, kind and metadata); write the items of a List as documents of their own.',
  ),
  'kustomization.invalid': e(
    'A kustomization file is not one YAML map, or a field has the wrong shape (`resources` is not a list of strings, `namespace` not a string).',
    "Follow kustomize's Kustomization reference for the field the message names.",
  ),
  'kustomization.depth': e(
    'Kustomizations nest deeper than the gate follows (a folder listing a folder listing a folder…).',
    'Flatten the environment folder: list the files directly.',
  ),
  'packageinstall.not-applied': e(
    'An environment folder builds no PackageInstall for its component (it was deleted, or no listed file holds one).',
    "List the file with the PackageInstall in the folder's kustomization, or remove the environment folder.",
  ),
  'packageinstall.multiple': e(
    'An environment folder builds more than one PackageInstall for a component; an environment holds exactly one.',
    'Keep one PackageInstall per component in the folder.',
  ),
  'packageinstall.values-secret-namespace': w(
    "A PackageInstall's values Secret is built into another namespace than the PackageInstall; kapp-controller reads Secrets from the PackageInstall's own namespace.",
    "Put both in one namespace (the kustomization's `namespace`, or the same `metadata.namespace`).",
  ),
  'environment.written-elsewhere': e(
    "The environment's PackageInstall or values Secret lives in another file than the layout's (e.g. deploy.yaml): writing the layout's files would add a second one.",
    "Move the objects to the layout's files (packageinstall.yaml, params.yaml), or change layout in flux-pkg.yaml.",
  ),

  // Policy files: RBAC folders, the Brain folder, flux-pkg.yaml and .sops.yaml (src/plan/modes/validate/policy.ts).
  'policy.cluster-scope': e(
    "An RBAC folder grants cluster scope (ClusterRole or ClusterRoleBinding): the run cluster's Flux would get rights beyond its namespace.",
    "Use a Role and RoleBinding in the environment's namespace; a Package that installs CRDs needs the platform team to list the component under `policy.allowClusterScope` in flux-pkg.yaml on the base branch.",
  ),
  'policy.admin-binding': e(
    'An RBAC folder binds a built-in administrator role (cluster-admin, admin or edit).',
    'Bind a Role listing exactly what the Package deploys.',
  ),
  'policy.wildcard': e(
    'An RBAC rule uses `*` in apiGroups, resources or verbs.',
    'List the API groups, resources and verbs the Package needs; `*` needs `policy.allowClusterScope` on the base branch.',
  ),
  'policy.rbac-kind': e(
    "An RBAC folder holds an object other than a Namespace, ServiceAccount, Role or RoleBinding (or its kustomization): it would be applied with the kubeconfig's own identity.",
    "Move it to the environment folder, which Flux applies as the environment's own account.",
  ),
  'policy.schema': e(
    'A Brain-folder Flux object does not validate against its CRD schema.',
    'Fix the field the message names (the real Flux CRDs define it), or regenerate the file with bootstrap.',
  ),
  'policy.kustomization': e(
    "A kustomization in a Brain or RBAC folder lists something other than the folder's own files, or uses a feature that changes objects.",
    "List only the folder's own files under `resources`.",
  ),
  'policy.service-account': e(
    "A Flux Kustomization that applies packages or an environment folder has no serviceAccountName, or names a Flux controller's account (Flux would apply with that controller's cluster-wide rights).",
    "Set serviceAccountName to the environment's own account (bootstrap's default: <component>-flux).",
  ),
  'policy.provider-address': e(
    'A notification Provider posts commit statuses to an address that is not this repository on this GitHub server: the status token would go elsewhere.',
    "Set the Provider's spec.address to this repository's https URL on its GitHub server.",
  ),
  'policy.shared-kubeconfig': w(
    'Brain Kustomizations of two environments apply with the same kubeconfig Secret (one cluster, one identity); fine for namespaces of one cluster, a mistake otherwise.',
    'Give each run cluster its own kubeconfig Secret.',
  ),
  'policy.sops-recipients-with-values': e(
    'A pull request changes .sops.yaml recipients and encrypted values together: new recipients would get keys to values no reviewer could read.',
    'Change the recipients in one pull request (re-wrapped by `flux-pkg sops updatekeys` once merged), the values in another.',
  ),
  'config.status-creators': e(
    "flux-pkg.yaml uses `promoteWhen: healthy` without `promotion.statusCreators`: commit statuses count only from listed accounts (anyone with `statuses: write` can post Flux's context), so that environment would never promote.",
    "List the GitHub login of the token Flux's notification Provider posts with under `promotion.statusCreators`.",
  ),
  'bootstrap.shared-kubeconfig': w(
    "The new environment's kubeconfig Secret is already used by another environment of the component.",
    'Use a Secret of its own unless both are namespaces of one cluster.',
  ),
  'plan.rollback-hold': w(
    'An environment was rolled back from this version (`flux-pkg.dev/rolled-back-from`): it is not offered again until a newer version appears.',
    'Publish a newer Package version, or remove the annotation from the PackageInstall to release the hold.',
  ),
  'request.repository-url': e(
    'The repository address for commit statuses is missing or not an https URL of one repository.',
    'Pass --repository-url https://<server>/<owner>/<repo> (the action derives it from GITHUB_SERVER_URL).',
  ),
  'request.flux-service-account-name': e(
    "flux-service-account-name names a Flux controller's account (kustomize-controller, helm-controller…): Flux would apply with that controller's cluster-wide rights.",
    "Name an account of the environment's own (default <component>-flux).",
  ),
  'request.rbac': e(
    'rbac.extraRules in flux-pkg.yaml use `*` in apiGroups, resources or verbs.',
    'List what the Package deploys, or have the platform team add the component to `policy.allowClusterScope` on the base branch.',
  ),

  // values Secrets (params.yaml).
  'values.secret-missing': e(
    'params.yaml holds no Secret (or several).',
    'Keep one `kind: Secret` document in params.yaml.',
  ),
  'values.secret-api-version': e(
    'The values Secret has another apiVersion than `v1`.',
    'Set `apiVersion: v1`.',
  ),
  'values.secret-name': e(
    'The values Secret has no `metadata.name`.',
    'Set metadata.name (default `<component>-values`).',
  ),
  'values.secret-data': e(
    '`stringData` or `data` of the values Secret is not a mapping of keys to values files.',
    'Write `stringData:` with a key `values.yaml: |` and the values YAML indented under it.',
  ),
  'values.data-overridden': w(
    'A key is in both `data` and `stringData`; the API server keeps the stringData one.',
    'Delete the key from `data`.',
  ),
  'values.not-a-string': e(
    'A values key holds something other than the values YAML as a string.',
    'Use a block scalar: `values.yaml: |`.',
  ),
  'values.not-a-map': e(
    'The values YAML under a key is not a mapping of values.',
    'Write the values as a mapping (`key: value` lines).',
  ),
  'values.plain-secret': either(
    'The values Secret is stored in plain text in git.',
    'Set `secretFormat: sops` for the environment (and give age recipients) to store it encrypted.',
    'An error when the environment sets `requireEncryption`; a warning otherwise.',
  ),
  'values.key-edited': w(
    'The values Secret holds other keys beside the one `--values` replaces or adds; kapp-controller applies every key in sorted order, later keys win.',
    'Check that the other keys do not override the values you gave, or merge them into one key.',
  ),
  'values.type': valuesRule('type', 'the value has the wrong type'),
  'values.enum': valuesRule('enum', 'the value is not one of the allowed values'),
  'values.const': valuesRule('const', 'the value is not the one allowed value'),
  'values.minimum': valuesRule('minimum', 'the number is too small'),
  'values.maximum': valuesRule('maximum', 'the number is too large'),
  'values.exclusiveMinimum': valuesRule('exclusiveMinimum', 'the number is not above the bound'),
  'values.exclusiveMaximum': valuesRule('exclusiveMaximum', 'the number is not below the bound'),
  'values.multipleOf': valuesRule('multipleOf', 'the number is not a multiple of the given one'),
  'values.minLength': valuesRule('minLength', 'the string is too short'),
  'values.maxLength': valuesRule('maxLength', 'the string is too long'),
  'values.minItems': valuesRule('minItems', 'the list has too few items'),
  'values.maxItems': valuesRule('maxItems', 'the list has too many items'),
  'values.minProperties': valuesRule('minProperties', 'the mapping has too few keys'),
  'values.maxProperties': valuesRule('maxProperties', 'the mapping has too many keys'),
  'values.uniqueItems': valuesRule('uniqueItems', 'the list holds an item twice'),
  'values.pattern': valuesRule('pattern', 'the string does not match the pattern'),
  'values.format': valuesRule('format', 'the string is not of the format (e.g. a hostname, a date-time)'),
  'values.required': valuesRule('required', 'a required key is missing'),
  'values.not': valuesRule('not', 'the value has a shape the schema excludes'),
  'values.additionalProperties': valuesRule('additionalProperties', 'a key is not one the schema names'),
  'values.anyOf': valuesRule('anyOf', 'the value matches none of the allowed shapes'),
  'values.oneOf': valuesRule('oneOf', 'the value matches none, or more than one, of the allowed shapes'),
  'values.schema-rule': valuesRule('(another keyword)', 'a rule this list does not name'),
  'values.withheld': e(
    'A value of an encrypted values Secret fails the valuesSchema; which rule is withheld, so that no schema can read a secret back.',
    'Decrypt the file locally (`sops -d`) and check the value at the reported path against the schema.',
  ),
  'values.uncheckable': e(
    'The values cannot be checked: a map key named valueOf or toString meets a schema rule that compares values.',
    'Rename the key.',
  ),
  'schema.assumed': w(
    "The Package's valuesSchema has a quirk that ytt accepts; the message says what was assumed.",
    'Nothing in the gitops repo; the Package author can write the schema plainly.',
  ),
  'schema.invalid': w(
    "The Package's valuesSchema cannot be read, so values are not checked against it.",
    'Publish a Package version with a valid OpenAPI v3 valuesSchema.',
  ),

  // Planning new versions and promotions.
  'plan.no-ref-name': e(
    'A component has Packages but no single refName to install.',
    'Give every Package of the component the same spec.refName.',
  ),
  'plan.no-version': w(
    'No Package of the component is selectable in the environment (only prereleases, which it does not take).',
    'Publish a release version, or set `prereleases` for the environment.',
  ),
  'plan.downgrade': w(
    'The environment already runs a newer version than the Package pushed; it is left alone.',
    'Nothing; to roll back, promote manually with allow-downgrade.',
  ),
  'plan.constraint-selects-other': e(
    'The constraint the action would write makes kapp-controller select another version than the one planned.',
    'Change `constraint` in flux-pkg.yaml so that it selects `{version}` (e.g. `{version}` or `>={version}`).',
  ),
  'plan.unsafe-path': e(
    'A file the plan would write has an unsafe path (outside the repository, under .github/, a control character).',
    'Check `layout` and the component and environment folder names.',
  ),
  'promote.downgrade': e(
    'A manual promotion would move the environment to an older version; kapp-controller refuses downgrades.',
    'Set allow-downgrade (`--allow-downgrade`) to roll back: it adds the packaging.carvel.dev/downgradable annotation.',
  ),
  'promote.no-version': e(
    'The environment to promote from selects no version of the component.',
    "Fix the source environment's PackageInstall constraints first.",
  ),
  'promote.unknown-version': e(
    'The version to promote has no Package in the component.',
    'Name a version under packages/ (the message lists them).',
  ),
  'promote.skips-upstream': w(
    'A manual promotion gives an environment a version its promoteFrom environment does not run: the gate (flux-pkg/validate) will refuse the pull request.',
    'Promote through the earlier environment first, or add an override label (default `hotfix`) to the pull request.',
  ),
  'promotion.out-of-order': e(
    'A pull request gives an environment a version its promoteFrom environment does not run.',
    'Promote through the earlier environment first, or add an override label (default `hotfix`) for a hotfix.',
  ),
  'promotion.override': w(
    'A promotion out of order is allowed by an override label.',
    'Nothing; it is reported so reviewers see it.',
  ),

  // Bootstrap.
  'bootstrap.empty': e(
    'A generated Flux or RBAC file holds no document (a bug of the generator).',
    'Report it; nothing in the repository causes it.',
  ),
  'bootstrap.schema': e(
    "A generated Flux or RBAC object does not match its API's schema.",
    'Check the bootstrap inputs and flux-pkg.yaml settings named in the message.',
  ),
  'bootstrap.exists': e(
    'The environment exists already.',
    'Rerun with force (`--force`) to regenerate its Flux and RBAC files; values are kept.',
  ),
  'bootstrap.values-kept': w(
    'The environment folder exists: its PackageInstall and values are kept, and the requested values and version are not applied.',
    'Change values and version with install or promote.',
  ),
  'bootstrap.no-version': e(
    'No Package of the component is selectable in the new environment.',
    'Publish a release version, set `prereleases`, or give a version.',
  ),

  // SOPS-encrypted values Secrets.
  'sops.documents': e('A SOPS file holds other than one YAML document.', 'Keep one document.'),
  'sops.not-encrypted': e(
    'A file expected to be SOPS-encrypted has no top-level `sops` key.',
    'Encrypt it with `sops -e -i FILE`, or set `secretFormat: plain`.',
  ),
  'sops.metadata': e(
    'The `sops` metadata of the file is incomplete or malformed.',
    'Re-encrypt the file with sops; do not edit the sops block by hand.',
  ),
  'sops.no-identity': e(
    'No age identity given matches a recipient of the file.',
    'Give the age key of one of the recipients (input sops-age-key, or --sops-age-key-file).',
  ),
  'sops.bad-identity': e(
    'The age identity given is not an AGE-SECRET-KEY.',
    'Give the key as `age-keygen` writes it.',
  ),
  'sops.bad-key': e(
    'The data key in `sops.age` is damaged.',
    'Restore the file from history, or re-create it with sops.',
  ),
  'sops.mac': e(
    "The file's MAC does not match: values were changed outside sops, or the file was tampered with.",
    'Edit encrypted files with `sops FILE` only; restore the file if you did not change it.',
  ),
  'sops.value-format': e(
    "An encrypted value is not in sops' `ENC[…]` format.",
    'Re-encrypt the file with sops.',
  ),
  'sops.value-authentication': e(
    'An encrypted value fails authentication: it was changed or moved.',
    'Restore the value, or re-encrypt the file with sops.',
  ),
  'sops.value-type': e(
    'An encrypted value has a type sops does not know, or the document holds a value sops cannot encrypt.',
    'Re-encrypt the file with sops; keep values to strings, numbers, booleans, lists and maps.',
  ),
  'sops.comment': w(
    'An encrypted comment did not decrypt; it is kept as it is.',
    'Re-encrypt the file with sops.',
  ),
  'sops.not-a-map': e('A SOPS document is not a map.', 'Write the document as a mapping.'),
  'sops.alias': e('A SOPS document uses YAML aliases, which sops does not support.', 'Write the values out.'),
  'sops.key-type': e('A map key in a SOPS document is not a string.', 'Quote the key.'),
  'sops.already-encrypted': e(
    'The file to encrypt is already SOPS-encrypted.',
    'Decrypt it first, or leave it as it is.',
  ),
  'sops.recipients': e('There are no age recipients to encrypt for.', 'Give age recipients (`age1…`).'),
  'sops.recipient': e(
    'An age recipient is not an `age1…` public key.',
    'Give the public key `age-keygen -y` prints.',
  ),
  'sops.rule': e(
    'The encryption rule (encrypted_regex and the like) is invalid.',
    'Fix the rule named in the message.',
  ),
  'sops.config': e(
    '.sops.yaml is malformed.',
    'Fix `.sops.yaml` at the reported line (a list of creation_rules).',
  ),
  'sops.no-rule': e(
    'No creation rule of .sops.yaml matches the values Secret file.',
    'Add a creation rule whose path_regex matches the file.',
  ),
  'sops.no-age': e(
    'The matching creation rule of .sops.yaml has no age recipients (only PGP or KMS, which the action cannot use).',
    'Add `age:` recipients to the rule.',
  ),
  'sops.key-groups': e(
    "The file keeps its age keys in sops' key_groups, which updatekeys does not rewrite.",
    'Run `sops updatekeys` on the file yourself, or re-encrypt it with the recipients as a plain `age` list.',
  ),
  'sops.nested-stringdata': e(
    'A stringData value holds a SOPS document; Flux decrypts nested SOPS documents only inside data (base64), so kapp-controller would get the ciphertext.',
    'Put it in data, base64-encoded, or encrypt the whole Secret (secretFormat: sops).',
  ),
  'sops.nested-no-key': w(
    'A data value is a SOPS document (Flux decrypts it) and no age key was given: its values are not checked, and it is left as it is.',
    'Give the age key (input sops-age-key, or --sops-age-key-file).',
  ),
  'sops.nested-format': w(
    'A data value is a dotenv or INI SOPS document; only YAML and JSON ones are read, so its values are not checked.',
    'Store the values as a YAML SOPS document, or accept that they go unchecked.',
  ),
  'sops.nested-values': e(
    'New values were given for a values Secret whose data holds a nested SOPS document: they cannot be written there.',
    'Encrypt the whole Secret (secretFormat: sops) instead of a nested document, or change the values by hand.',
  ),
  'sops.no-key': either(
    'The values Secret is SOPS-encrypted and no age key was given: its values are not checked.',
    'Give the age key (input sops-age-key, or --sops-age-key-file).',
    'An error when the run must re-encrypt the file (a new version changes it); a warning when it only reads it.',
  ),
  'sops.rewrap-no-key': w(
    'The recipients a .sops.yaml gives changed on the base branch and no age key was given: the data keys of the files it covers were not re-wrapped.',
    'Give the age key (input sops-age-key), or run `flux-pkg sops updatekeys` on the files named and push the result.',
  ),
  'sops.rewrap': w(
    'A SOPS file whose recipients changed could not be re-wrapped (the key does not open it, or its MAC does not match): it is left out of the re-wrap pull request.',
    'Give an age key that opens the file, or run `flux-pkg sops updatekeys` on it by hand.',
  ),
  'sops.no-recipients': e(
    'secretFormat is sops but no age recipient is known.',
    'Add a .sops.yaml creation rule for the file, set sopsAgeRecipients in flux-pkg.yaml, or the sops-age-recipients input.',
  ),
  'sops.rule-hides-metadata': e(
    "The .sops.yaml rule would encrypt the Secret's apiVersion, kind or metadata, which Flux and kubectl must read.",
    'Use `encrypted_regex: ^(data|stringData)$` in the rule.',
  ),
} as const satisfies Record<string, CodeEntry>;

export type DiagnosticCode = keyof typeof CODES;
type Entries = typeof CODES;
/** Codes `error()` accepts: severity error or either. */
export type ErrorCode = {
  [K in DiagnosticCode]: Entries[K]['severity'] extends 'warning' ? never : K;
}[DiagnosticCode];
/** Codes `warning()` accepts: severity warning or either. */
export type WarningCode = {
  [K in DiagnosticCode]: Entries[K]['severity'] extends 'error' ? never : K;
}[DiagnosticCode];

Object.freeze(CODES);
for (const entry of Object.values(CODES)) Object.freeze(entry);
