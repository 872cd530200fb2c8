export const id = 394;
export const ids = [394,297];
export const modules = {

/***/ 9394:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  planBootstrap: () => (/* binding */ planBootstrap)
});

// EXTERNAL MODULE: ./src/config/config.ts + 1 modules
var config_config = __webpack_require__(6400);
// EXTERNAL MODULE: ./src/diagnostics.ts
var src_diagnostics = __webpack_require__(4851);
// EXTERNAL MODULE: ./src/flux/validate.ts + 2 modules
var validate = __webpack_require__(2273);
// EXTERNAL MODULE: ./src/plan/load/load.ts + 1 modules
var load = __webpack_require__(2331);
// EXTERNAL MODULE: ./src/plan/load/reader.ts + 1 modules
var reader = __webpack_require__(4429);
// EXTERNAL MODULE: ./src/plan/model/boundaries.ts
var boundaries = __webpack_require__(2391);
// EXTERNAL MODULE: ./src/plan/model/repository.ts
var repository = __webpack_require__(1925);
// EXTERNAL MODULE: ./src/plan/run.ts + 10 modules
var run = __webpack_require__(2784);
// EXTERNAL MODULE: ./src/plan/modes/install/run.ts
var install_run = __webpack_require__(7297);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/config/edit.ts
/**
 * Comment-preserving edits of flux-pkg.yaml. Bootstrap adds the environment it creates; the
 * rest of the file (comments, blank lines, key order, quoting) stays as the person wrote it.
 * Edits go through the yaml Document API, so the result is always one valid YAML document.
 */



const NEW_FILE_HEADER = ' flux-pkg-action configuration: the environments in promotion order and their settings.\n' +
    ' Schema: schema/flux-pkg.schema.json of flux-pkg-action.';
/**
 * Add `entry` to `environments:` (at the end), creating the list or the whole file when absent.
 * An environment already listed is left alone unless `replace` is set, which rewrites that entry
 * in place (its position in the promotion order kept).
 */
function addEnvironment(text, entry, options = {}) {
    const file = options.file ?? config_config/* CONFIG_FILE */.g2;
    if (text === undefined || text.trim() === '')
        return { text: newConfig(entry), changed: true, diagnostics: [] };
    const doc = (0,dist/* parseDocument */.Tp)(text, { uniqueKeys: true });
    if (doc.errors.length > 0) {
        return refuse(text, file, `${file} does not parse as YAML; not editing it`);
    }
    if (!(0,dist/* isMap */.jh)(doc.contents))
        return refuse(text, file, `${file} is not a mapping; not editing it`);
    const list = doc.contents.get('environments', true);
    const item = doc.createNode(entryObject(entry));
    if (list === undefined || list === null || ((0,dist/* isScalar */.jn)(list) && list.value === null)) {
        doc.set('environments', doc.createNode([entryObject(entry)]));
        return { text: doc.toString(styleOf(text)), changed: true, diagnostics: [] };
    }
    if (!(0,dist/* isSeq */.oP)(list))
        return refuse(text, file, `environments in ${file} is not a list; not editing it`);
    const at = indexOf(list, entry.name);
    if (at >= 0 && !options.replace)
        return { text, changed: false, diagnostics: [] };
    const items = list.items;
    if (at >= 0)
        items[at] = item;
    else
        items.push(item);
    const edited = doc.toString(styleOf(text));
    return { text: edited, changed: edited !== text, diagnostics: [] };
}
function entryObject(entry) {
    const object = { name: entry.name };
    if (entry.promoteFrom !== undefined)
        object.promoteFrom = entry.promoteFrom;
    for (const [key, value] of Object.entries(entry.settings ?? {})) {
        if (key !== 'name' && key !== 'promoteFrom' && value !== undefined)
            object[key] = value;
    }
    return object;
}
function indexOf(list, name) {
    return list.items.findIndex((item) => (0,dist/* isMap */.jh)(item) && item.get('name') === name);
}
function newConfig(entry) {
    const doc = (0,dist/* parseDocument */.Tp)('environments: []\n');
    doc.set('environments', doc.createNode([entryObject(entry)]));
    doc.commentBefore = NEW_FILE_HEADER;
    return doc.toString(styleOf(''));
}
/** Keep the file's own sequence style: `- ` under its key, or indented by two. */
function styleOf(text) {
    const indented = /^([ \t]*)[^\s#-][^\n]*:[ \t]*(#[^\n]*)?\n(?:[ \t]*(?:#[^\n]*)?\n)*\1[ \t]+- /m.test(text);
    const flush = /^([ \t]*)[^\s#-][^\n]*:[ \t]*(#[^\n]*)?\n(?:[ \t]*(?:#[^\n]*)?\n)*\1- /m.test(text);
    return { indent: 2, lineWidth: 0, flowCollectionPadding: false, indentSeq: indented || !flush };
}
function refuse(text, file, message) {
    return { text, changed: false, diagnostics: [(0,src_diagnostics/* error */.z3)('config.not-editable', message, file)] };
}
/**
 * Add `environment` to `components.<component>.environments` (creating the component's entry and
 * its list when absent), keeping the rest of the file. Already listed: the text as given.
 */
function addComponentEnvironment(text, component, environment, options = {}) {
    const file = options.file ?? config_config/* CONFIG_FILE */.g2;
    const doc = (0,dist/* parseDocument */.Tp)(text, { uniqueKeys: true });
    if (doc.errors.length > 0)
        return refuse(text, file, `${file} does not parse as YAML; not editing it`);
    if (!(0,dist/* isMap */.jh)(doc.contents))
        return refuse(text, file, `${file} is not a mapping; not editing it`);
    const list = doc.getIn(['components', component, 'environments'], true);
    if ((0,dist/* isSeq */.oP)(list)) {
        if (list.items.some((i) => (0,dist/* isScalar */.jn)(i) && i.value === environment))
            return { text, changed: false, diagnostics: [] };
        list.add(doc.createNode(environment));
    }
    else if (list === undefined || list === null || ((0,dist/* isScalar */.jn)(list) && list.value === null)) {
        const components = doc.get('components', true);
        if (components !== undefined && components !== null && !(0,dist/* isMap */.jh)(components) && !(0,dist/* isScalar */.jn)(components))
            return refuse(text, file, `components in ${file} is not a mapping; not editing it`);
        if (!(0,dist/* isMap */.jh)(components))
            doc.set('components', doc.createNode({}));
        const entry = doc.getIn(['components', component], true);
        if (entry !== undefined && entry !== null && !(0,dist/* isMap */.jh)(entry) && !((0,dist/* isScalar */.jn)(entry) && entry.value === null))
            return refuse(text, file, `components.${component} in ${file} is not a mapping; not editing it`);
        if (!(0,dist/* isMap */.jh)(entry))
            doc.setIn(['components', component], doc.createNode({}));
        doc.setIn(['components', component, 'environments'], doc.createNode([environment]));
    }
    else
        return refuse(text, file, `components.${component}.environments in ${file} is not a list`);
    return { text: doc.toString(styleOf(text)), changed: true, diagnostics: [] };
}

;// CONCATENATED MODULE: ./src/plan/modes/bootstrap/config.ts
/**
 * flux-pkg.yaml after a bootstrap: the environment listed (comments kept), and every other
 * environment delivered exactly as before. A file that lists no environments takes its environments
 * from the folders; listing only the new one would stop every other, so the folders are listed too
 * (and a component restricted to the folders it has).
 */


/** `before`: flux-pkg.yaml's text as the loader read it (undefined when the repository has none). */
function bootstrapConfig(before, loaded, all, chosen, request) {
    const env = request.environment;
    const diagnostics = [];
    let text = before;
    const apply = (edit) => {
        diagnostics.push(...edit.diagnostics);
        text = edit.text;
    };
    const bootstrapped = new Set(chosen.map((c) => c.name));
    if (!loaded.config.environments) {
        const folders = [...new Set(all.flatMap((c) => c.environments))].filter((n) => n !== env).sort();
        for (const name of folders)
            apply(addEnvironment(text, { name }));
        apply(addEnvironment(text, entryOf(request)));
        for (const c of all) {
            const has = new Set([...c.environments, ...(bootstrapped.has(c.name) ? [env] : [])]);
            const restricted = loaded.config.components[c.name]?.environments;
            const listed = restricted
                ? bootstrapped.has(c.name)
                    ? [env]
                    : []
                : [...folders, env].every((n) => has.has(n))
                    ? []
                    : [...folders, env].filter((n) => has.has(n));
            for (const name of listed)
                apply(addComponentEnvironment(text, c.name, name));
        }
    }
    else {
        apply(addEnvironment(text, entryOf(request)));
        for (const c of chosen)
            if (loaded.config.components[c.name]?.environments)
                apply(addComponentEnvironment(text, c.name, env));
    }
    if (diagnostics.length > 0 || text === undefined)
        return { diagnostics };
    const parsed = (0,config_config/* parseConfig */.o4)(config_config/* CONFIG_FILE */.g2, text);
    diagnostics.push(...parsed.diagnostics);
    const file = text === before
        ? undefined
        : {
            path: config_config/* CONFIG_FILE */.g2,
            content: text,
            action: before === undefined ? 'create' : 'update',
            secret: false,
        };
    return { file, loaded: parsed, diagnostics };
}
/** The new entry: the environment and the settings the request gave (defaults are not written down). */
function entryOf(r) {
    return {
        name: r.environment,
        settings: {
            targetNamespace: r.targetNamespace,
            kubeconfigSecret: r.kubeconfigSecretName,
            fluxNamespace: r.fluxNamespace,
            fluxApiVersion: r.fluxApiVersion,
        },
    };
}
/**
 * The configuration install's planner plans the new folder with: the environment takes the
 * requested version directly, even when it will later receive versions by promotion.
 */
function configForPlanning(loaded, environment) {
    const environments = loaded.config.environments?.map((e) => {
        if (e.name !== environment)
            return e;
        const { promoteFrom: _, ...rest } = e;
        return rest;
    });
    return { ...loaded, config: { ...loaded.config, environments }, diagnostics: [] };
}

// EXTERNAL MODULE: ./src/carvel/render.ts
var render = __webpack_require__(4617);
;// CONCATENATED MODULE: ./src/flux/health.ts
/**
 * How Flux judges a PackageInstall (Kustomization v1 `healthCheckExprs`). Without this, `wait: true`
 * falls back to kstatus, which knows only `Reconciling` and `Stalled`: a PackageInstall whose
 * reconcile failed carries `ReconcileFailed` (kapp-controller, pkg/apis/kappctrl/v1alpha1/status.go)
 * and would count as healthy. v1beta2 has no such field.
 *
 * Flux (fluxcd/pkg runtime/cel) parses each expression without declarations and binds the object's
 * top-level fields as variables (`metadata`, `spec`, `status`); it first reports InProgress when
 * `status.observedGeneration` differs from `metadata.generation`, then tries inProgress, failed,
 * current in that order, and the first true one wins (none true: InProgress). An object with no
 * `status` yet makes `status` an unknown variable: the evaluation errors, Flux reads that as
 * Unknown and keeps waiting, which is right for a PackageInstall kapp-controller has not seen.
 * `exists` (not `filter(...).all(...)`, which is true for an empty list) requires the condition.
 */
const PACKAGE_INSTALL_HEALTH_CHECK = {
    apiVersion: 'packaging.carvel.dev/v1alpha1',
    kind: 'PackageInstall',
    inProgress: conditionTrue('Reconciling'),
    failed: conditionTrue('ReconcileFailed'),
    current: [
        'has(status.observedGeneration)',
        'has(metadata.generation)',
        'status.observedGeneration == metadata.generation',
        conditionTrue('ReconcileSucceeded'),
    ].join(' && '),
};
function conditionTrue(type) {
    return `has(status.conditions) && status.conditions.exists(c, c.type == '${type}' && c.status == 'True')`;
}

// EXTERNAL MODULE: ./src/flux/params.ts
var params = __webpack_require__(2261);
;// CONCATENATED MODULE: ./src/flux/brain.ts
/**
 * The Brain cluster's Flux objects for one component: the GitRepository it reads (shared by the
 * component's environments), and per environment three Kustomizations that apply to the run
 * cluster through the kubeconfig Secret — RBAC first, then Packages, then the PackageInstall.
 * None carries a field the APIs lack: no `gitImplementation` (gone in v1), no `namespace` under
 * `kubeConfig.secretRef`, `secretRef` or `sourceRef` (every Secret and the GitRepository live in
 * the Kustomization's own namespace).
 */


const KUSTOMIZE_GROUP = 'kustomize.toolkit.fluxcd.io';
const SOURCE_GROUP = 'source.toolkit.fluxcd.io';
function gitRepositoryManifest(p) {
    const spec = {
        url: p.gitUrl,
        ref: { branch: p.branch },
        interval: p.gitInterval,
        timeout: p.gitTimeout,
    };
    if (p.gitSecretName)
        spec.secretRef = { name: p.gitSecretName };
    return {
        object: {
            apiVersion: `${SOURCE_GROUP}/${p.fluxApiVersion}`,
            kind: 'GitRepository',
            metadata: { name: (0,params/* objectNames */.Wd)(p.component, p.environment).gitRepository, namespace: p.fluxNamespace },
            spec,
        },
    };
}
/** The environment's three Kustomizations, in the order Flux applies them. */
function kustomizationManifests(p) {
    const names = (0,params/* objectNames */.Wd)(p.component, p.environment);
    const rbac = kustomization(p, names.rbac, p.paths.rbacDir);
    const packages = kustomization(p, names.packages, p.paths.packagesDir);
    Object.assign(packages.spec, remote(p), { dependsOn: [{ name: names.rbac }] });
    const installs = kustomization(p, names.packageInstalls, p.paths.environmentDir);
    Object.assign(installs.spec, remote(p), { dependsOn: [{ name: names.rbac }, { name: names.packages }] });
    if (p.fluxApiVersion === 'v1')
        installs.spec.healthCheckExprs = [{ ...PACKAGE_INSTALL_HEALTH_CHECK }];
    if (p.sopsSecretName)
        installs.spec.decryption = { provider: 'sops', secretRef: { name: p.sopsSecretName } };
    return [
        {
            comment: `RBAC on the run cluster, applied with the kubeconfig's own identity (no serviceAccountName).`,
            object: rbac,
        },
        { object: packages },
        {
            comment: p.fluxApiVersion === 'v1'
                ? 'healthCheckExprs: a PackageInstall is healthy only once kapp-controller reports ReconcileSucceeded for its current generation.'
                : 'v1beta2 has no healthCheckExprs: Flux cannot tell a failed PackageInstall (ReconcileFailed) from a healthy one. Use v1 where the cluster serves it.',
            object: installs,
        },
    ];
}
function kustomization(p, name, path) {
    const spec = {
        interval: p.interval,
        timeout: p.timeout,
        sourceRef: { kind: 'GitRepository', name: (0,params/* objectNames */.Wd)(p.component, p.environment).gitRepository },
        path: `./${path}`,
        prune: true,
        wait: true,
        kubeConfig: { secretRef: { name: p.kubeconfigSecretName } },
    };
    return {
        apiVersion: `${KUSTOMIZE_GROUP}/${p.fluxApiVersion}`,
        kind: 'Kustomization',
        metadata: { name, namespace: p.fluxNamespace },
        spec,
    };
}
/** What the Packages and PackageInstall Kustomizations add: where, and as whom, on the run cluster. */
function remote(p) {
    return { targetNamespace: p.targetNamespace, serviceAccountName: p.fluxServiceAccountName };
}

;// CONCATENATED MODULE: ./src/flux/notifications.ts
/**
 * Commit statuses: notification-controller's `github` Provider posts one status per commit a
 * Kustomization applied, with the context `kustomization/<name>/<first segment of the Provider's
 * UID>` — `success` for info events, `failure` for errors. Promotion (`promoteWhen: healthy`) waits
 * on the packageinstalls Kustomization's status. Provider and Alert are served only as v1beta3.
 */

const NOTIFICATION_API = 'notification.toolkit.fluxcd.io/v1beta3';
/** One Provider per component (the gitops repository it reports to); undefined when turned off. */
function providerManifest(p) {
    if (!p.notifications)
        return undefined;
    return {
        object: {
            apiVersion: NOTIFICATION_API,
            kind: 'Provider',
            metadata: { name: (0,params/* objectNames */.Wd)(p.component, p.environment).provider, namespace: p.fluxNamespace },
            spec: {
                type: 'github',
                address: p.notifications.address,
                secretRef: { name: p.notifications.tokenSecretName },
            },
        },
    };
}
/** The environment's Alert: every event of its three Kustomizations goes to the Provider. */
function alertManifest(p) {
    if (!p.notifications)
        return undefined;
    const names = (0,params/* objectNames */.Wd)(p.component, p.environment);
    return {
        object: {
            apiVersion: NOTIFICATION_API,
            kind: 'Alert',
            metadata: { name: names.alert, namespace: p.fluxNamespace },
            spec: {
                providerRef: { name: names.provider },
                eventSeverity: 'info',
                eventSources: [names.rbac, names.packages, names.packageInstalls].map((name) => ({
                    kind: 'Kustomization',
                    name,
                })),
            },
        },
    };
}

// EXTERNAL MODULE: ./src/flux/rbac.ts
var rbac = __webpack_require__(5863);
// EXTERNAL MODULE: ./src/flux/yaml.ts
var yaml = __webpack_require__(8420);
;// CONCATENATED MODULE: ./src/flux/bootstrap.ts
/**
 * Every file one environment's bootstrap adds, outside the environment folder itself (the
 * PackageInstall and values Secret come from carvel/render like install mode's):
 *
 *   <brainDir>/gitrepository.yaml   shared by the component's environments: add only when absent
 *   <brainDir>/provider.yaml        shared too (notifications on)
 *   <brainDir>/<environment>.yaml   the environment's Kustomizations (+ Alert)
 *   <brainDir>/kustomization.yaml   lists every file of the folder
 *   <rbacDir>/rbac.yaml             the run cluster's accounts and roles
 *   <rbacDir>/kustomization.yaml
 *
 * Once a folder holds a kustomization.yaml, Flux applies only what it lists, so the Brain folder's
 * list must name every file in it (brainKustomization merges into an existing one).
 */





const GIT_REPOSITORY_FILE = 'gitrepository.yaml';
const PROVIDER_FILE = 'provider.yaml';
const KUSTOMIZATION_FILE = 'kustomization.yaml';
function renderBootstrap(p) {
    const brain = p.paths.brainDir;
    const provider = providerManifest(p);
    const shared = [
        { path: `${brain}/${GIT_REPOSITORY_FILE}`, content: (0,yaml/* renderManifests */.hO)([gitRepositoryManifest(p)]) },
    ];
    if (provider)
        shared.push({ path: `${brain}/${PROVIDER_FILE}`, content: (0,yaml/* renderManifests */.hO)([provider]) });
    const environment = [
        { path: `${brain}/${environmentFile(p.environment)}`, content: renderEnvironmentFlux(p) },
        { path: `${p.paths.rbacDir}/${rbac/* RBAC_FILE */.Az}`, content: (0,rbac/* renderRbac */.Xf)(p) },
        { path: `${p.paths.rbacDir}/${KUSTOMIZATION_FILE}`, content: (0,yaml/* renderKustomizationFile */.yS)([rbac/* RBAC_FILE */.Az]) },
    ];
    const brainResources = [...shared, environment[0]].map((f) => f.path.slice(brain.length + 1));
    return { shared, environment, brainResources };
}
function environmentFile(environment) {
    return `${environment}.yaml`;
}
/** The environment's Kustomizations and, with notifications on, its Alert. */
function renderEnvironmentFlux(p) {
    const alert = alertManifest(p);
    const manifests = [...kustomizationManifests(p), ...(alert ? [alert] : [])];
    return (0,yaml/* renderManifests */.hO)(manifests);
}
/**
 * The Brain folder's kustomization.yaml: new with these resources, or the existing one with any
 * missing entries appended (its comments and other entries kept; resources sorted when new).
 */
function brainKustomization(existing, resources) {
    if (existing === undefined)
        return (0,yaml/* renderKustomizationFile */.yS)([...resources].sort());
    return (0,render/* ensureKustomizationResources */.NY)(existing, resources);
}

// EXTERNAL MODULE: ./src/flux/kustomize.ts
var kustomize = __webpack_require__(1948);
;// CONCATENATED MODULE: ./src/plan/modes/bootstrap/files.ts
/**
 * bootstrap's Flux and RBAC files, synchronous over the texts the loader read: shared files only
 * when absent, the environment's regenerated, kustomization lists merged.
 */


/** The RBAC and Brain files: shared ones only when absent, the environment's regenerated, lists merged. */
function fluxFiles(p, params, texts) {
    const rendered = renderBootstrap(params);
    const wanted = wantedFiles(p, rendered);
    const files = [];
    for (const f of wanted) {
        const before = texts.get(f.path);
        if (before !== f.content)
            files.push(planned(f.path, f.content, before));
    }
    files.push(...listedIn(p, params.paths.brainDir, rendered.brainResources, wanted, texts));
    return files;
}
/** The files fluxFiles() compares with what the repository has: read these first. */
function fluxFilePaths(p, params) {
    const rendered = renderBootstrap(params);
    const listing = (0,kustomize/* kustomizationFilesIn */["in"])(p.paths, params.paths.brainDir)[0];
    return [...wantedFiles(p, rendered).map((f) => f.path), ...(listing ? [listing] : [])];
}
/** The files brainRootList() compares with what the repository has. */
function brainRootPaths(p) {
    const path = (0,kustomize/* kustomizationFilesIn */["in"])(p.paths, p.loaded.config.layout.brainPath)[0];
    return path ? [path] : [];
}
function wantedFiles(p, rendered) {
    return [...rendered.shared.filter((f) => !p.paths.has(f.path)), ...rendered.environment];
}
/** A kustomization file in the Brain's synced folder applies only what it lists: list each component's folder. */
function brainRootList(p, params, texts) {
    const root = p.loaded.config.layout.brainPath;
    if (!(0,kustomize/* kustomizationFilesIn */["in"])(p.paths, root)[0])
        return [];
    return listedIn(p, root, params.map((x) => x.paths.brainDir.slice(root.length + 1)), [], texts);
}
/** A folder's kustomization file listing `resources` (kept, extended, or new over what Flux applied). */
function listedIn(p, dir, resources, adding, texts) {
    const path = (0,kustomize/* kustomizationFilesIn */["in"])(p.paths, dir)[0];
    if (path) {
        const before = texts.get(path);
        const content = brainKustomization(before, resources);
        return content === before ? [] : [planned(path, content, before)];
    }
    const inFolder = [...p.paths].filter((f) => f.startsWith(`${dir}/`));
    const all = inFolder.length === 0
        ? resources
        : (0,kustomize/* generatedResources */.NV)([...inFolder, ...adding.map((f) => f.path)], dir).filter(Boolean);
    const content = brainKustomization(undefined, [...new Set([...all, ...resources])]);
    return [planned(`${dir}/kustomization.yaml`, content, undefined)];
}
function planned(path, content, before) {
    return { path, content, action: before === undefined ? 'create' : 'update', secret: false };
}

// EXTERNAL MODULE: ./src/settings/declarations.ts
var declarations = __webpack_require__(9492);
// EXTERNAL MODULE: ./src/carvel/names.ts
var names = __webpack_require__(3129);
// EXTERNAL MODULE: ./src/yaml/parse.ts
var parse = __webpack_require__(420);
;// CONCATENATED MODULE: ./src/plan/modes/bootstrap/request.ts
/**
 * What a bootstrap is asked for, and the checks of each field before anything is read: every bad
 * field is a one-line `request.<field>` error that names the input (the same name as the action
 * input and the CLI flag), so nothing is planned or written from it.
 */






const DEFAULT_FLUX_NAMESPACE = 'flux-system';
const DEFAULT_COMMIT_STATUS_SECRET = 'github-commit-status';
const DEFAULT_SOPS_AGE_SECRET = 'sops-age';
/** Problems of the request's own fields (what needs the repository is checked by the planner). */
function requestProblems(r) {
    const bad = (input, message) => (0,src_diagnostics/* error */.z3)(`request.${input}`, `${(0,declarations/* nameOf */.Vb)(input, r.wording)} ${message}`, '');
    const problems = [];
    const envProblem = (0,repository/* nameProblem */.rH)('environment', r.environment);
    if (!r.environment)
        problems.push(bad('environment', 'is required'));
    else if (envProblem)
        problems.push(bad('environment', `"${shown(r.environment)}" ${envProblem}`));
    if (r.components.length === 0)
        problems.push(bad('component', 'is required (a name, a list, or *)'));
    for (const c of r.components) {
        if (c === '*' && r.components.length === 1)
            continue;
        const problem = c === '*' ? 'must be alone: * means every component' : (0,repository/* nameProblem */.rH)('component', c);
        if (problem)
            problems.push(bad('component', `"${shown(c)}" ${problem}`));
    }
    if (r.fluxApiVersion !== undefined && r.fluxApiVersion !== 'v1' && r.fluxApiVersion !== 'v1beta2')
        problems.push(bad('flux-api-version', `must be v1 or v1beta2, not "${shown(r.fluxApiVersion)}"`));
    const urlProblem = gitUrlProblem(r.gitUrl);
    if (urlProblem)
        problems.push(bad('git-url', urlProblem));
    for (const [input, value] of [
        ['target-namespace', r.targetNamespace],
        ['flux-namespace', r.fluxNamespace],
    ]) {
        const problem = value === undefined ? undefined : (0,names/* dns1123LabelProblem */.Om)(value);
        if (problem)
            problems.push(bad(input, `"${shown(value)}" is not a namespace name: it ${problem}`));
    }
    for (const [input, value] of [
        ['service-account-name', r.serviceAccountName],
        ['kubeconfig-secret-name', r.kubeconfigSecretName],
        ['git-secret-name', r.gitSecretName],
        ['commit-status-secret-name', r.commitStatusSecretName],
        ['sops-age-secret-name', r.sopsAgeSecretName],
    ]) {
        const problem = value === undefined ? undefined : (0,names/* dns1123SubdomainProblem */._G)(value);
        if (problem)
            problems.push(bad(input, `"${shown(value)}" is not an object name: it ${problem}`));
    }
    if (r.values !== undefined) {
        // Only where, never what: a parser message could quote a secret value.
        const first = (0,parse/* parseYaml */.hN)('values', r.values).diagnostics.find((d) => d.severity === 'error');
        if (first)
            problems.push(bad('values', `is not valid YAML${first.line ? ` (line ${first.line}, column ${first.column})` : ''}`));
    }
    problems.push(...riskyInputProblems(r, bad));
    if (r.version !== undefined && !/^[0-9A-Za-z.+-]{1,128}$/.test(r.version))
        problems.push(bad('version', `"${shown(r.version)}" is not a Package version`));
    return problems;
}
/** Inputs that would hand a run cluster or the commit-status token to the wrong party. */
function riskyInputProblems(r, bad) {
    const problems = [];
    if (r.targetNamespace !== undefined && rbac/* RESERVED_NAMESPACES */.SV.includes(r.targetNamespace))
        problems.push(bad('target-namespace', `"${r.targetNamespace}" is a namespace of the cluster or of Flux, not one to install a Package into: name the component's own namespace`));
    if (r.fluxServiceAccountName !== undefined && (0,rbac/* isFluxControllerAccount */.dY)(r.fluxServiceAccountName))
        problems.push(bad('flux-service-account-name', `"${shown(r.fluxServiceAccountName)}" is a Flux controller's account: Flux would apply with the controller's cluster-wide rights; name an account of the environment's own (default <component>-flux)`));
    if (r.commitStatus !== false) {
        const problem = repositoryUrlProblem(r.repositoryUrl);
        // Not an action input (the action derives it from GITHUB_SERVER_URL): the CLI's --repository-url.
        if (problem)
            problems.push((0,src_diagnostics/* error */.z3)('request.repository-url', `--repository-url ${problem}`, ''));
    }
    return problems;
}
/** The Provider's address: an https URL of one repository on a GitHub server, without credentials. */
function repositoryUrlProblem(url) {
    if (!url)
        return 'is required for commit statuses (the repository on its GitHub server, e.g. https://github.com/org/gitops), or set commit-status false';
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        return `"${shown(url)}" is not a URL`;
    }
    if (parsed.protocol !== 'https:')
        return `"${shown(url)}" must be the repository's https address on its GitHub server`;
    if (parsed.username || parsed.password || parsed.search || parsed.hash)
        return 'must not carry credentials, a query or a fragment';
    if (!/^\/[^/]+\/[^/]+\/?$/.test(parsed.pathname))
        return `"${shown(url)}" must name one repository (owner/name)`;
    return undefined;
}
function fluxApiVersionOf(given, configured) {
    return given === 'v1' || given === 'v1beta2' ? given : configured;
}
const SCP_LIKE = /^[A-Za-z0-9._-]+@([A-Za-z0-9.-]+):(?!\/\/)([^\s]+)$/;
/** What is wrong with a git URL for Flux's GitRepository: https, ssh:// or scp-like (`git@host:org/repo`). */
function gitUrlProblem(url) {
    if (!url)
        return 'is required';
    if ([...url].some((ch) => ch.trim() === '' || ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f))
        return 'must not contain spaces or control characters';
    if (SCP_LIKE.test(url))
        return undefined;
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        return `"${shown(url)}" is neither an https URL nor an ssh one (ssh://host/org/repo or git@host:org/repo)`;
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'ssh:')
        return `must be https or ssh, not ${parsed.protocol.replace(/:$/, '')}`;
    if (!parsed.hostname)
        return 'names no host';
    if (parsed.password)
        return 'must not carry a password; name a git-secret-name instead';
    if (parsed.protocol === 'https:' && parsed.username)
        return 'must not carry a user name; name a git-secret-name instead';
    if (parsed.pathname.replace(/\/+$/, '') === '')
        return 'names no repository';
    return undefined;
}
/** The URL Flux's GitRepository takes: `ssh://` for the scp-like form, which its schema refuses. */
function fluxGitUrl(url) {
    const scp = SCP_LIKE.exec(url);
    if (!scp)
        return url;
    const user = url.slice(0, url.indexOf('@'));
    return `ssh://${user}@${scp[1]}/${scp[2].replace(/^\/+/, '')}`;
}
/**
 * The repository's address on github.com when its git URL is on github.com (the CLI's default);
 * undefined for any other host: the Provider's token must never follow a git URL elsewhere.
 */
function githubComAddressOf(url) {
    const scp = SCP_LIKE.exec(url);
    let host;
    let path;
    try {
        [host, path] = scp ? [scp[1], scp[2]] : [new URL(url).hostname, new URL(url).pathname];
    }
    catch {
        return undefined;
    }
    if (host.toLowerCase() !== 'github.com')
        return undefined;
    const repo = path
        .replace(/^\/+/, '')
        .replace(/\/+$/, '')
        .replace(/\.git$/, '');
    return /^[^/]+\/[^/]+$/.test(repo) ? `https://github.com/${repo}` : undefined;
}
/** A value as shown in a message: hostile input stays on one line and short. */
function shown(value) {
    const flat = JSON.stringify(value).slice(1, -1);
    return flat.length > 80 ? `${flat.slice(0, 77)}...` : flat;
}

;// CONCATENATED MODULE: ./src/plan/modes/bootstrap/params.ts
/**
 * bootstrap's synchronous rules: which components, the parameters each one's Flux and RBAC files
 * are rendered with, and what a requested version or an existing folder means. bootstrap.ts loads
 * and orchestrates.
 */






/** The components asked for (`*`: every one with Packages); an unknown name is an error naming the input. */
function chooseComponents(p, all) {
    const withPackages = all.filter((c) => c.packageFiles.length > 0);
    if (p.request.components.length === 1 && p.request.components[0] === '*') {
        if (withPackages.length === 0)
            p.diagnostics.push((0,src_diagnostics/* error */.z3)('request.component', 'component * finds no component with Packages', ''));
        return withPackages;
    }
    const known = withPackages.map((c) => c.name).join(', ') || 'none';
    return [...new Set(p.request.components)].flatMap((name) => {
        const found = withPackages.find((c) => c.name === name);
        if (!found)
            p.diagnostics.push((0,src_diagnostics/* error */.z3)('request.component', `component "${name}" has no Packages in the repository (components: ${known})`, ''));
        return found ? [found] : [];
    });
}
/** Every name, path and switch of one component's bootstrap: inputs, then flux-pkg.yaml, then defaults. */
function resolveParams(p, component) {
    const { request: r, loaded, diagnostics } = p;
    const { config } = loaded;
    const env = r.environment;
    const settings = (0,config_config/* settingsFor */.zc)(config, component.name, env);
    const configured = (key) => explicitSetting(config, component.name, env, key);
    const targetNamespace = r.targetNamespace ?? settings.targetNamespace;
    if (!targetNamespace) {
        diagnostics.push((0,src_diagnostics/* error */.z3)('request.target-namespace', `${(0,declarations/* nameOf */.Vb)('target-namespace', r.wording)} is required: flux-pkg.yaml gives none for environment "${env}"`, ''));
        return undefined;
    }
    const fluxNamespace = r.fluxNamespace ?? settings.fluxNamespace ?? DEFAULT_FLUX_NAMESPACE;
    const serviceAccountName = r.serviceAccountName ?? configured('serviceAccountName') ?? `${component.name}-installer`;
    const fluxServiceAccountName = r.fluxServiceAccountName ?? settings.fluxServiceAccountName ?? `${component.name}-flux`;
    const kubeconfigSecretName = r.kubeconfigSecretName ?? settings.kubeconfigSecret ?? `${env}-kubeconfig`;
    const extra = extraRules(config, component.name, env);
    riskyParams(p, component, { targetNamespace, fluxNamespace, fluxServiceAccountName, kubeconfigSecretName }, extra);
    const paths = bootstrapPaths(config, component, env);
    folderProblems(p, component, paths.rbacDir);
    return {
        component: component.name,
        environment: env,
        targetNamespace,
        serviceAccountName,
        fluxServiceAccountName,
        kubeconfigSecretName,
        fluxNamespace,
        fluxApiVersion: fluxApiVersionOf(r.fluxApiVersion, settings.fluxApiVersion),
        gitUrl: fluxGitUrl(r.gitUrl),
        gitSecretName: r.gitSecretName ?? settings.gitSecretName ?? `${component.name}-gitops-auth`,
        branch: r.branch,
        paths,
        ...params/* DEFAULT_TIMINGS */.ko,
        notifications: r.commitStatus === false
            ? false
            : {
                // The repository on this GitHub server, never the git URL's host (the token goes there).
                address: r.repositoryUrl.replace(/\/+$/, ''),
                tokenSecretName: r.commitStatusSecretName ?? DEFAULT_COMMIT_STATUS_SECRET,
            },
        extraRules: extra,
        sopsSecretName: settings.secretFormat === 'sops'
            ? (r.sopsAgeSecretName ?? settings.sopsAgeSecretName ?? DEFAULT_SOPS_AGE_SECRET)
            : undefined,
    };
}
/**
 * What bootstrap refuses whether an input or flux-pkg.yaml gives it: installing into the Flux or
 * a system namespace, Flux impersonating a controller's account, `*` in Role rules (unless the base
 * flux-pkg.yaml's policy.allowClusterScope names the component); a kubeconfig Secret another
 * environment uses is a warning (namespaces of one cluster share one).
 */
function riskyParams(p, component, given, rules) {
    const { config } = p.loaded;
    const env = p.request.environment;
    const refuse = (input, message) => p.diagnostics.push((0,src_diagnostics/* error */.z3)(`request.${input}`, `${input} ${message}`, ''));
    if (given.targetNamespace === given.fluxNamespace || rbac/* RESERVED_NAMESPACES */.SV.includes(given.targetNamespace))
        refuse('target-namespace', `"${given.targetNamespace}" is ${given.targetNamespace === given.fluxNamespace ? 'the Flux namespace' : 'a namespace of the cluster'}: a Package is installed into a namespace of its own; set target-namespace (or targetNamespace in flux-pkg.yaml) to it`);
    if ((0,rbac/* isFluxControllerAccount */.dY)(given.fluxServiceAccountName))
        refuse('flux-service-account-name', `"${given.fluxServiceAccountName}" is a Flux controller's account: Flux would apply with its cluster-wide rights; name an account of the environment's own (default ${component.name}-flux)`);
    if (rules.some(hasWildcard) && !allowsClusterScope(config, component.name))
        refuse('rbac', `rbac.extraRules of flux-pkg.yaml for ${component.name} in ${env} use "*" in apiGroups, resources or verbs: list what the Package deploys, or have the platform team add ${component.name} to policy.allowClusterScope on the base branch`);
    const sharing = otherEnvironments(p, component).find((other) => kubeconfigOf(config, component.name, other) === given.kubeconfigSecretName);
    if (sharing)
        p.diagnostics.push((0,src_diagnostics/* warning */.$e)('bootstrap.shared-kubeconfig', `kubeconfig Secret "${given.kubeconfigSecretName}" of ${env} is also the one of environment "${sharing}": both deliver to one cluster with one identity (fine for namespaces of one cluster; otherwise set kubeconfig-secret-name)`, ''));
}
const hasWildcard = (rule) => [...rule.apiGroups, ...rule.resources, ...rule.verbs].some((v) => v.includes('*'));
/** policy.allowClusterScope names the component (or `*`). */
function allowsClusterScope(config, component) {
    return config.policy.allowClusterScope.some((c) => c === '*' || c === component);
}
function otherEnvironments(p, component) {
    const listed = p.loaded.config.environments?.map((e) => e.name) ?? [];
    return [...new Set([...listed, ...component.environments])].filter((e) => e !== p.request.environment);
}
function kubeconfigOf(config, component, environment) {
    return (0,config_config/* settingsFor */.zc)(config, component, environment).kubeconfigSecret ?? `${environment}-kubeconfig`;
}
/** A setting flux-pkg.yaml itself sets (component, environment or defaults), not a built-in default. */
function explicitSetting(config, component, environment, key) {
    const blocks = [
        config.components[component],
        config.environments?.find((e) => e.name === environment),
        config.defaults,
    ];
    for (const block of blocks) {
        const value = block?.[key];
        if (value !== undefined)
            return value;
    }
    return undefined;
}
/** Extra Role rules add up: defaults, then the environment's, then the component's. */
function extraRules(config, component, environment) {
    return [
        config.defaults,
        config.environments?.find((e) => e.name === environment),
        config.components[component],
    ].flatMap((block) => block?.rbac?.extraRules ?? []);
}
function bootstrapPaths(config, component, environment) {
    const { layout } = config;
    return {
        brainDir: `${layout.brainPath}/${component.name}`,
        packagesDir: `${component.dir}/${layout.packagesDir}`,
        environmentDir: `${component.dir}/${environment}`,
        rbacDir: `${component.dir}/${rbacFolderOf(config, environment)}`,
    };
}
const rbacFolderOf = (config, environment) => config.layout.rbacFolder.replaceAll('{environment}', environment);
/** The environment folder, the RBAC folder and the Packages folder must be three different folders. */
function folderProblems(p, component, rbacDir) {
    const { config } = p.loaded;
    const env = p.request.environment;
    const rbac = rbacDir.slice(component.dir.length + 1);
    const others = new Set([...component.environments, ...(config.environments?.map((e) => e.name) ?? [])]);
    others.delete(env);
    const clash = env === config.layout.packagesDir
        ? `is the name of the Packages folder`
        : rbac === config.layout.packagesDir || rbac === env || others.has(rbac)
            ? `would put its RBAC folder ${rbac}/ where environment or Packages folder "${rbac}" is`
            : [...others].find((o) => rbacFolderOf(config, o) === env)
                ? `is the RBAC folder of another environment`
                : undefined;
    if (clash)
        p.diagnostics.push((0,src_diagnostics/* error */.z3)('request.environment', `environment "${env}" ${clash} in ${component.dir}/`, ''));
}
/** The Package file of the requested version; undefined: the newest (install's choice); null: an error. */
function requestedPackage(p, component, { packages }) {
    const version = p.request.version;
    if (version === undefined)
        return undefined;
    const found = packages.find((pkg) => pkg.version === version);
    if (found)
        return found.file;
    const versions = packages.map((pkg) => pkg.version);
    const shown = versions.length > 5 ? ['…', ...versions.slice(-5)] : versions;
    p.diagnostics.push((0,src_diagnostics/* error */.z3)('request.version', `version "${version}" has no Package of ${component.name} (versions: ${shown.join(', ') || 'none'})`, ''));
    return null;
}
/** With force, an environment that has a folder keeps it as it is: its values are the source of truth. */
function existingEnvironment(p, component, packages) {
    return {
        component: component.name,
        environment: p.request.environment,
        refName: packages.refName,
        files: [],
        valuesKeysChanged: [],
        valid: true,
    };
}
/** Values or a version asked for an environment that exists are not applied: say so. */
function keptValuesNote(p, params) {
    if (p.request.values !== undefined || p.request.version !== undefined)
        p.diagnostics.push((0,src_diagnostics/* warning */.$e)('bootstrap.values-kept', `${params.paths.environmentDir}/ exists: its PackageInstall and values are kept; values and version are not applied (install and promote change them)`, params.paths.environmentDir));
}
/** Without force, an environment that has any of its folders already is an error. */
function existsAlready(p, component, params) {
    const env = p.request.environment;
    const existing = [
        ...(component.environments.includes(env) ? [`${params.paths.environmentDir}/`] : []),
        ...[...p.paths].filter((f) => f.startsWith(`${params.paths.rbacDir}/`) || f === `${params.paths.brainDir}/${env}.yaml`),
    ];
    if (existing.length === 0 || p.request.force)
        return false;
    p.diagnostics.push((0,src_diagnostics/* error */.z3)('bootstrap.exists', `environment "${env}" of ${component.name} exists already (${existing[0]}); rerun with ${(0,declarations/* nameOf */.Vb)('force', p.request.wording)} to regenerate its Flux and RBAC files (values are kept)`, existing[0].replace(/\/$/, '')));
    return true;
}

;// CONCATENATED MODULE: ./src/plan/modes/bootstrap/run.ts
/**
 * bootstrap: a new environment for one or more components, as one change that Flux applies by
 * itself once merged — per component the environment folder (PackageInstall + values Secret, planned
 * and validated exactly as install does), the run cluster's RBAC folder, the Brain folder's Flux
 * objects; and flux-pkg.yaml listing the environment. Every rendered object is checked against the
 * shipped schema before anything is proposed; any error leaves `files` empty.
 */













/** `given`: flux-pkg.yaml as the caller already read it; default: read it here (after the request's own checks). */
async function planBootstrap(snapshot, request, given) {
    const diagnostics = requestProblems(request);
    const empty = () => finish(request, diagnostics, [], [], []);
    if ((0,src_diagnostics/* hasErrors */.Cs)(diagnostics))
        return empty();
    const loaded = given ?? (await (0,config_config/* loadConfig */.Z9)(snapshot));
    diagnostics.push(...loaded.diagnostics);
    if ((0,src_diagnostics/* hasErrors */.Cs)(diagnostics))
        return empty();
    const paths = new Set((await snapshot.list()).map((e) => e.path));
    const p = { snapshot, request, reader: new reader/* RepoReader */.W(snapshot), paths, loaded, diagnostics };
    const all = (0,repository/* discover */.k4)([...paths], loaded.config.layout);
    const components = chooseComponents(p, all);
    const params = components.flatMap((c) => resolveParams(p, c) ?? []);
    if ((0,src_diagnostics/* hasErrors */.Cs)(diagnostics))
        return empty();
    const configText = loaded.config.file ? (await p.reader.yaml(config_config/* CONFIG_FILE */.g2)).text : undefined;
    const configEdit = bootstrapConfig(configText, loaded, all, components, request);
    diagnostics.push(...configEdit.diagnostics);
    if ((0,src_diagnostics/* hasErrors */.Cs)(diagnostics) || !configEdit.loaded)
        return empty();
    const planningConfig = configForPlanning(configEdit.loaded, request.environment);
    const environments = [];
    for (const [i, component] of components.entries()) {
        const env = await planComponent(p, component, params[i], planningConfig);
        if (env)
            environments.push(env);
    }
    const files = [
        ...environments.flatMap((e) => e.files),
        ...((0,src_diagnostics/* hasErrors */.Cs)(diagnostics) ? [] : brainRootList(p, params, await readTexts(p, brainRootPaths(p)))),
        ...(configEdit.file ? [configEdit.file] : []),
    ];
    for (const f of files)
        if (f.path !== configEdit.file?.path)
            diagnostics.push(...(0,validate/* checkRenderedFile */.Yt)(f.path, f.content));
    diagnostics.push(...(0,boundaries/* unsafePathProblems */.IR)(files));
    // The summary says which config was read (bootstrap writes flux-pkg.yaml when there was none).
    return {
        ...finish(request, diagnostics, environments, files, params),
        config: { file: loaded.config.file },
    };
}
function finish(request, diagnostics, environments, files, params) {
    const valid = !(0,src_diagnostics/* hasErrors */.Cs)(diagnostics);
    return {
        valid,
        diagnostics: (0,src_diagnostics/* sortDiagnostics */.Ds)((0,src_diagnostics/* dedupeDiagnostics */.E_)(diagnostics)),
        environments: environments.map((e) => ({ ...e, valid: e.valid && valid })),
        files: valid ? files : [],
        environment: request.environment,
        params,
    };
}
/** One component's files: its environment folder (unless it exists), RBAC folder and Brain folder. */
async function planComponent(p, component, params, planningConfig) {
    if (existsAlready(p, component, params))
        return undefined;
    let result;
    if (component.environments.includes(p.request.environment)) {
        keptValuesNote(p, params);
        result = existingEnvironment(p, component, await (0,load/* loadPackages */.Ej)(p.reader, component));
    }
    else
        result = await newEnvironment(p, component, params, planningConfig);
    if (!result)
        return undefined;
    result.files.push(...fluxFiles(p, params, await readTexts(p, fluxFilePaths(p, params))));
    return result;
}
/** The environment folder, planned by install mode's planner on the config that lists the environment. */
async function newEnvironment(p, component, params, planningConfig) {
    const { request: r } = p;
    const packageFile = r.version === undefined
        ? undefined
        : requestedPackage(p, component, await (0,load/* loadPackages */.Ej)(p.reader, component));
    if (packageFile === null)
        return undefined;
    const planned = await (0,run/* planComponents */.W)(p.snapshot, {
        kind: 'install',
        packages: packageFile ? [packageFile] : undefined,
        components: [component.name],
        environments: [r.environment],
        values: r.values,
        sops: r.sops,
        wording: r.wording,
        overrides: {
            serviceAccountName: params.serviceAccountName,
            ...(r.sopsAgeRecipients ? { sopsAgeRecipients: r.sopsAgeRecipients } : {}),
        },
    }, planningConfig, install_run.runInstall);
    p.diagnostics.push(...planned.diagnostics);
    const env = planned.environments.find((e) => e.component === component.name);
    if (!env && !(0,src_diagnostics/* hasErrors */.Cs)(planned.diagnostics))
        p.diagnostics.push((0,src_diagnostics/* error */.z3)('bootstrap.no-version', `no Package of ${component.name} is selectable in ${r.environment}`, ''));
    return env ? { ...env, files: [...env.files] } : undefined;
}
/** The texts of these files (those that exist); a file refused unread is reported, as it is read. */
async function readTexts(p, paths) {
    const texts = new Map();
    for (const path of paths) {
        if (texts.has(path) || !p.paths.has(path))
            continue;
        const read = await p.reader.yaml(path);
        if (read.text === undefined && read.parsed)
            p.diagnostics.push(...read.parsed.diagnostics);
        texts.set(path, read.text);
    }
    return texts;
}


/***/ }),

/***/ 7297:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runInstall: () => (/* binding */ runInstall)
/* harmony export */ });
/* harmony import */ var _deliver_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6570);
/* harmony import */ var _targets_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5106);


async function runInstall(ctx, loader, components, request) {
    const toLoad = (0,_targets_js__WEBPACK_IMPORTED_MODULE_1__/* .componentsToLoad */ .qQ)(components, request);
    const loaded = new Map();
    if (!request.packages)
        loader.reader.prefetch(toLoad[0]?.packageFiles ?? []);
    for (const [i, component] of toLoad.entries()) {
        if (!request.packages)
            loader.reader.prefetch(toLoad[i + 1]?.packageFiles ?? []);
        loaded.set(component, await loader.packages(component));
    }
    const targets = (0,_targets_js__WEBPACK_IMPORTED_MODULE_1__/* .installTargets */ .OB)(ctx, components, request, loaded);
    // planInstallInto() looks at an environment's files only when the component has one refName.
    const prefetch = (i) => {
        const target = targets[i];
        if (target?.packages.refName)
            loader.prefetch(target.component, (0,_targets_js__WEBPACK_IMPORTED_MODULE_1__/* .installEnvironments */ .u1)(ctx, target, request), false);
    };
    prefetch(0);
    const results = [];
    for (const [i, target] of targets.entries()) {
        prefetch(i + 1);
        const { component, packages, pinned } = target;
        for (const environment of (0,_targets_js__WEBPACK_IMPORTED_MODULE_1__/* .installEnvironments */ .u1)(ctx, target, request)) {
            const result = await (0,_deliver_js__WEBPACK_IMPORTED_MODULE_0__/* .deliverInto */ .Q)(ctx, loader, component, packages, environment, request, { pinned });
            if (result)
                results.push(result);
        }
        (0,_deliver_js__WEBPACK_IMPORTED_MODULE_0__/* .release */ ._)(ctx, loader, component);
    }
    (0,_targets_js__WEBPACK_IMPORTED_MODULE_1__/* .environmentFilterMatchedNothing */ .ti)(ctx, targets, request);
    return results;
}


/***/ }),

/***/ 5106:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OB: () => (/* binding */ installTargets),
/* harmony export */   W9: () => (/* binding */ directEnvironments),
/* harmony export */   nX: () => (/* binding */ everyMergePromotion),
/* harmony export */   qQ: () => (/* binding */ componentsToLoad),
/* harmony export */   ti: () => (/* binding */ environmentFilterMatchedNothing),
/* harmony export */   u1: () => (/* binding */ installEnvironments)
/* harmony export */ });
/* harmony import */ var _config_graph_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9090);
/* harmony import */ var _diagnostics_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4851);
/* harmony import */ var _model_boundaries_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2391);
/* harmony import */ var _model_context_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4410);




/**
 * The components whose Packages install looks at, in the order it looks: those of the requested
 * Package files (within the component filter), else every component with Packages.
 */
function componentsToLoad(components, request) {
    const wanted = request.components;
    if (!request.packages)
        return components.filter((c) => (!wanted || wanted.includes(c.name)) && c.packageFiles.length > 0);
    const byPath = new Map(components.flatMap((c) => c.packageFiles.map((f) => [f, c])));
    const found = request.packages.flatMap((path) => byPath.get(path) ?? []);
    return [...new Set(found)].filter((c) => !wanted || wanted.includes(c.name));
}
/** What install delivers, by component; `loaded`: the Packages of componentsToLoad(). */
function installTargets(ctx, components, request, loaded) {
    const wanted = request.components;
    const byPath = new Map(components.flatMap((c) => c.packageFiles.map((f) => [f, c])));
    const targets = new Map();
    for (const path of request.packages ?? []) {
        const component = byPath.get(path);
        if (!component) {
            const exists = ctx.paths.includes(path);
            ctx.diagnostics.push((0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3)('request.package', exists
                ? `${path} is not in a component's ${ctx.config.layout.packagesDir}/ folder`
                : `${path} does not exist in the repository`, path));
            continue;
        }
        if (wanted && !wanted.includes(component.name))
            continue;
        const packages = loaded.get(component);
        const inFile = packages.packages.filter((p) => p.file === path);
        if (inFile.length === 0) {
            if (!(0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_0__/* .hasErrors */ .Cs)(packages.diagnostics.filter((d) => d.file === path)))
                ctx.diagnostics.push((0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3)('request.package', `${path} holds no Package`, path));
            continue;
        }
        const newest = inFile.reduce((a, b) => ((0,_model_context_js__WEBPACK_IMPORTED_MODULE_2__/* .versionOrder */ .x)(a.version, b.version) >= 0 ? a : b));
        const current = targets.get(component.name)?.pinned;
        // Several versions of one component in one push: the newest supersedes the others.
        if (!current || (0,_model_context_js__WEBPACK_IMPORTED_MODULE_2__/* .versionOrder */ .x)(newest.version, current.version) > 0)
            targets.set(component.name, { component, packages, pinned: newest });
    }
    if (!request.packages)
        for (const [component, packages] of loaded)
            targets.set(component.name, { component, packages });
    return [...targets.values()];
}
/** The environments of a target install delivers to: those that take new versions directly, within the filter. */
function installEnvironments(ctx, { component }, request) {
    return directEnvironments(ctx.config, component, request.environments);
}
/** A component's environments that take new versions directly, within the environments filter when one is given. */
function directEnvironments(config, component, filter) {
    const direct = (0,_config_graph_js__WEBPACK_IMPORTED_MODULE_3__/* .environmentsOf */ .M2)(config, component.name, component.environments).filter((env) => (0,_config_graph_js__WEBPACK_IMPORTED_MODULE_3__/* .takesNewVersions */ .QS)(config, env));
    return filter ? direct.filter((env) => filter.includes(env)) : direct;
}
/** An environment filter that matched no environment of the targets is an error, not an empty plan. */
function environmentFilterMatchedNothing(ctx, targets, request) {
    const envFilter = request.environments;
    if (!envFilter || targets.length === 0)
        return;
    if (targets.some((t) => installEnvironments(ctx, t, request).length > 0))
        return;
    ctx.diagnostics.push((0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3)(_model_boundaries_js__WEBPACK_IMPORTED_MODULE_1__/* .NO_MATCH */ .IP, `the environment filter (${envFilter.join(', ')}) names no environment that takes new versions directly`, ''));
}
/**
 * Every promotion on merge the repository could owe (a full scan, when nothing says what changed):
 * each component's environments promoting on merge from an environment it has. The promote rules
 * leave those whose target already runs the source's version, or a newer one, as they are.
 */
function everyMergePromotion(config, components, commit) {
    return components.flatMap((component) => component.environments.flatMap((from) => (0,_config_graph_js__WEBPACK_IMPORTED_MODULE_3__/* .promotedOn */ ._M)(config, from, 'merged')
        .filter((to) => component.environments.includes(to))
        .filter((to) => (0,_config_graph_js__WEBPACK_IMPORTED_MODULE_3__/* .environmentsOf */ .M2)(config, component.name, component.environments).includes(to))
        .map((to) => ({
        component: component.name,
        environment: to,
        from,
        source: { trigger: 'merged', commit },
    }))));
}


/***/ })

};
