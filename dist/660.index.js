export const id = 660;
export const ids = [660];
export const modules = {

/***/ 5660:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  validate: () => (/* binding */ validate_validate)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./src/config/config.ts + 1 modules
var config = __webpack_require__(6400);
// EXTERNAL MODULE: ./src/diagnostics.ts
var src_diagnostics = __webpack_require__(4851);
// EXTERNAL MODULE: ./src/github/commit-status.ts
var commit_status = __webpack_require__(7593);
// EXTERNAL MODULE: ./src/github/deliver.ts
var deliver = __webpack_require__(7118);
// EXTERNAL MODULE: ./src/github/publish.ts + 1 modules
var publish = __webpack_require__(5088);
;// CONCATENATED MODULE: ./src/github/pull-files.ts
/** GitHub lists at most this many files of a pull request; a list this long may be cut short. */
const MAX_LISTED_FILES = 3000;
async function listPullRequestFiles(client, ref, pullNumber) {
    const files = await client.paginate(client.rest.pulls.listFiles, {
        ...ref,
        pull_number: pullNumber,
        per_page: 100,
    });
    const paths = new Set();
    for (const f of files) {
        paths.add(f.filename);
        if (f.previous_filename)
            paths.add(f.previous_filename);
    }
    return { paths: [...paths], truncated: files.length >= MAX_LISTED_FILES };
}

// EXTERNAL MODULE: ./src/github/snapshot.ts
var github_snapshot = __webpack_require__(1127);
// EXTERNAL MODULE: ./src/github/tree-walk.ts
var tree_walk = __webpack_require__(7141);
// EXTERNAL MODULE: ./src/plan/load/base.ts
var load_base = __webpack_require__(6827);
// EXTERNAL MODULE: ./src/plan/model/changes.ts
var changes = __webpack_require__(1032);
// EXTERNAL MODULE: ./src/plan/model/repository.ts
var repository = __webpack_require__(1925);
// EXTERNAL MODULE: ./src/flux/rbac.ts
var rbac = __webpack_require__(5863);
// EXTERNAL MODULE: ./src/flux/validate.ts + 2 modules
var validate = __webpack_require__(2273);
// EXTERNAL MODULE: ./src/yaml/parse.ts
var parse = __webpack_require__(420);
;// CONCATENATED MODULE: ./src/plan/modes/validate/policy.ts
/**
 * The gate's policy checks: files that decide what Flux may do rather than what it delivers. A pull
 * request is judged by the base branch's rules (flux-pkg.yaml's promotion, override labels,
 * encryption, layout, status creators and RBAC policy); what it changes in them is listed, never
 * applied to itself. RBAC folders and the Brain folder are checked object by object; `.sops.yaml`
 * recipient changes are listed, and refused beside changed encrypted values.
 * Pure functions of (base texts, head texts); the shell reads the files.
 */





const SOPS_CONFIG_FILE = '.sops.yaml';
/** The config a pull request is judged by: the base's, plus the environments the pull request adds. */
function judgingConfig(base, head) {
    const judged = { ...base, file: head.file ?? base.file };
    if (!base.environments)
        return judged;
    const known = new Set(base.environments.map((e) => e.name));
    const added = (head.environments ?? []).filter((e) => !known.has(e.name));
    if (added.length === 0)
        return judged;
    // A new environment is judged by its own entry; it may name only environments that exist.
    const names = new Set([...known, ...added.map((e) => e.name)]);
    const entries = added.map((e) => e.promoteFrom === undefined || names.has(e.promoteFrom) ? e : { ...e, promoteFrom: undefined });
    const components = Object.fromEntries(Object.entries(base.components).map(([name, c]) => {
        const extra = (head.components[name]?.environments ?? []).filter((e) => !known.has(e) && names.has(e));
        return [name, c.environments ? { ...c, environments: [...c.environments, ...extra] } : c];
    }));
    return { ...judged, environments: [...base.environments, ...entries], components };
}
/** What a pull request changes in flux-pkg.yaml's rules, one line each (listed, never applied to itself). */
function configPolicyChanges(base, head) {
    const lines = [];
    const compare = (what, before, after) => {
        if (JSON.stringify(before) !== JSON.stringify(after))
            lines.push(`${config/* CONFIG_FILE */.g2}: ${what} ${brief(before)} → ${brief(after)}`);
    };
    compare('layout', base.layout, head.layout);
    compare('prFlow', base.prFlow, head.prFlow);
    compare('promotion', base.promotion, head.promotion);
    compare('policy', base.policy, head.policy);
    compare('defaults', base.defaults, head.defaults);
    const envs = (c) => new Map((c.environments ?? []).map((e) => [e.name, e]));
    const [before, after] = [envs(base), envs(head)];
    for (const name of new Set([...before.keys(), ...after.keys()]))
        compare(`environment "${name}"`, before.get(name), after.get(name));
    for (const name of new Set([...Object.keys(base.components), ...Object.keys(head.components)]))
        compare(`component "${name}"`, base.components[name], head.components[name]);
    return lines;
}
function brief(value) {
    const text = value === undefined ? '(none)' : JSON.stringify(value);
    return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}
function policyFilesOf(changed, layout) {
    const files = { rbac: [], brain: [], sops: false, config: false };
    const prefix = layout.componentsPath ? `${layout.componentsPath.replace(/\/+$/, '')}/` : '';
    const brain = `${layout.brainPath.replace(/\/+$/, '')}/`;
    const yaml = /\.ya?ml$/;
    for (const path of changed) {
        if (path === SOPS_CONFIG_FILE)
            files.sops = true;
        else if (path === config/* CONFIG_FILE */.g2)
            files.config = true;
        else if (path.startsWith(brain) && yaml.test(path)) {
            const [first, ...rest] = path.slice(brain.length).split('/');
            // Flux's own objects (flux bootstrap) are not the action's to judge.
            if (first === 'flux-system')
                continue;
            files.brain.push({ path, component: rest.length > 0 ? first : undefined });
        }
        else if (path.startsWith(prefix)) {
            const parts = path.slice(prefix.length).split('/');
            if (parts.length >= 3 && environmentOfRbacFolder(layout, parts[1]) !== undefined)
                files.rbac.push({ path, component: parts[0] });
        }
    }
    return files;
}
/** The environment whose RBAC folder this folder name is, if it is one. */
function environmentOfRbacFolder(layout, folder) {
    const [before, after] = layout.rbacFolder.split('{environment}');
    if (!folder.startsWith(before) || !folder.endsWith(after))
        return undefined;
    const env = folder.slice(before.length, folder.length - after.length);
    return /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(env) ? env : undefined;
}
/** policy.allowClusterScope of the base names this component (or `*`). */
function clusterScopeAllowed(policy, component) {
    return policy.allowClusterScope.some((c) => c === '*' || c === component);
}
const BUILT_IN_ADMIN_ROLES = new Set(['cluster-admin', 'admin', 'edit']);
const RBAC_GROUP = 'rbac.authorization.k8s.io';
/** What an RBAC folder may hold (applied with the kubeconfig's own identity). */
const RBAC_KINDS = new Set(['Namespace', 'ServiceAccount', 'Role', 'RoleBinding', 'Kustomization']);
const CLUSTER_KINDS = new Set(['ClusterRole', 'ClusterRoleBinding']);
const isObj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v) => (Array.isArray(v) ? v.filter((s) => typeof s === 'string') : []);
/** Each object of a policy file, with a way to place a diagnostic at one of its fields. */
function objectsOf(file, text, problems) {
    const parsed = (0,parse/* parseYaml */.hN)(file, text);
    problems.push(...parsed.diagnostics);
    return parsed.documents
        .filter((d) => isObj(d.value))
        .map((d) => ({
        object: d.value,
        at: (path) => (0,parse/* positionAt */.t$)(parsed, d.doc, path),
    }));
}
/**
 * An RBAC object's problems: cluster scope, bindings to the built-in admin roles and `*` in rules
 * are refused unless the base's policy.allowClusterScope names the component.
 */
function rbacObjectProblems(file, object, at, allowed) {
    const problems = [];
    const kind = String(object.kind ?? '');
    const group = String(object.apiVersion ?? '').split('/')[0];
    const fix = `; if the Package needs it (it installs CRDs), the platform team adds the component to policy.allowClusterScope in ${config/* CONFIG_FILE */.g2} on the base branch`;
    const refuse = (code, message, path) => problems.push((0,src_diagnostics/* error */.z3)(code, `${message}${fix}`, file, at(path), `.${path.join('.')}`));
    if (allowed || group !== RBAC_GROUP)
        return problems;
    if (CLUSTER_KINDS.has(kind))
        refuse('policy.cluster-scope', `${kind} "${nameOf(object)}" grants rights cluster-wide`, ['kind']);
    const roleRef = isObj(object.roleRef) ? object.roleRef : {};
    if (kind.endsWith('Binding') && BUILT_IN_ADMIN_ROLES.has(String(roleRef.name)))
        refuse('policy.admin-binding', `${kind} "${nameOf(object)}" binds the built-in role "${String(roleRef.name)}"`, ['roleRef', 'name']);
    const rules = Array.isArray(object.rules) ? object.rules : [];
    rules.forEach((rule, i) => {
        if (!isObj(rule))
            return;
        for (const field of ['apiGroups', 'resources', 'verbs'])
            if (strings(rule[field]).some((v) => v.includes('*')))
                refuse('policy.wildcard', `${kind} "${nameOf(object)}" has "*" in ${field}`, ['rules', i, field]);
    });
    return problems;
}
const nameOf = (object) => String((isObj(object.metadata) && object.metadata.name) || '(unnamed)');
/** A file of an RBAC folder: only namespaced RBAC objects (and the folder's kustomization.yaml). */
function rbacFileProblems(file, text, allowed) {
    if (isKustomizeFile(file))
        return listOnlyKustomizeProblems(file, text, 'an RBAC folder');
    const problems = [];
    for (const { object, at } of objectsOf(file, text, problems)) {
        const kind = String(object.kind ?? '');
        // Cluster kinds are judged by rbacObjectProblems (refused unless the base allows cluster scope).
        if (!RBAC_KINDS.has(kind) && !CLUSTER_KINDS.has(kind))
            problems.push((0,src_diagnostics/* error */.z3)('policy.rbac-kind', `${kind || 'an object without kind'} in an RBAC folder: it is applied with the kubeconfig's own identity, so it holds only Namespaces, ServiceAccounts, Roles and RoleBindings; move it to the environment folder`, file, at(['kind']), '.kind'));
        problems.push(...rbacObjectProblems(file, object, at, allowed));
    }
    return problems;
}
/** One Brain file: Flux objects against the shipped CRD schemas, and the rules on what they point at. */
function brainFileProblems(file, component, text, ctx) {
    const problems = [];
    const allowed = clusterScopeAllowed(ctx.policy, component);
    if (isKustomizeFile(file))
        return listOnlyKustomizeProblems(file, text, 'the Brain folder');
    for (const { object, at } of objectsOf(file, text, problems)) {
        const key = (0,validate/* schemaKey */.D$)(object);
        const group = key.split('/')[0];
        if (group === RBAC_GROUP) {
            problems.push(...rbacObjectProblems(file, object, at, allowed));
            continue;
        }
        const schema = (0,validate/* checkObject */.gr)(object).filter((p) => !p.startsWith('no schema for'));
        for (const p of schema.slice(0, 5))
            problems.push((0,src_diagnostics/* error */.z3)('policy.schema', `${object.kind} "${nameOf(object)}": ${p}`, file, at([])));
        if (key.startsWith('kustomize.toolkit.fluxcd.io/'))
            problems.push(...kustomizationProblems(file, object, at, ctx));
        if (key.startsWith('notification.toolkit.fluxcd.io/') && object.kind === 'Provider')
            problems.push(...providerProblems(file, object, at, ctx));
    }
    return problems;
}
const isKustomizeFile = (file) => /(^|\/)(kustomization\.ya?ml|Kustomization)$/.test(file);
/**
 * A policy folder's kustomization.yaml may only list entries of its folder: a patch, generator,
 * transformer, component or remote resource there would change the objects after they were judged
 * (the same rule as environment folders).
 */
function listOnlyKustomizeProblems(file, text, where) {
    const problems = [];
    for (const { object, at } of objectsOf(file, text, problems)) {
        for (const key of Object.keys(object)) {
            if (key === 'apiVersion' || key === 'kind' || key === 'resources')
                continue;
            problems.push((0,src_diagnostics/* error */.z3)('policy.kustomization', `${JSON.stringify(key.slice(0, 60))} in the kustomization.yaml of ${where} would change its objects after the gate judged them; list the files of the folder under resources only, and write the objects as they are to be applied`, file, at([key]), `.${key}`));
        }
        const resources = Array.isArray(object.resources) ? object.resources : [];
        resources.forEach((entry, i) => {
            // A file or a sub-folder of this folder (the root lists component folders): both are judged here.
            if (typeof entry === 'string' && /^[^/\\:]+$/.test(entry) && !entry.startsWith('.'))
                return;
            problems.push((0,src_diagnostics/* error */.z3)('policy.kustomization', `resources[${i}] of the kustomization.yaml of ${where} is not a file or sub-folder of this folder: list the folder's own entries only (a path outside or a URL brings objects the gate did not judge)`, file, at(['resources', i]), `.resources[${i}]`));
        });
    }
    return problems;
}
/** Where a Flux Kustomization's spec.path points: a component's environment, RBAC or Packages folder. */
function targetOf(path, layout, components) {
    if (typeof path !== 'string')
        return undefined;
    const clean = path.replace(/^\.?\/+/, '').replace(/\/+$/, '');
    const prefix = layout.componentsPath ? `${layout.componentsPath.replace(/\/+$/, '')}/` : '';
    if (!clean.startsWith(prefix))
        return undefined;
    const [component, folder] = clean.slice(prefix.length).split('/');
    if (!component || !components.has(component))
        return undefined;
    return {
        component,
        folder: folder ?? '',
        rbacOf: folder ? environmentOfRbacFolder(layout, folder) : undefined,
    };
}
function kustomizationProblems(file, object, at, ctx) {
    const spec = isObj(object.spec) ? object.spec : {};
    const target = targetOf(spec.path, ctx.layout, ctx.components);
    // The RBAC Kustomization applies with the kubeconfig's identity by design; its folder is judged above.
    if (!target || target.rbacOf !== undefined)
        return [];
    const account = typeof spec.serviceAccountName === 'string' ? spec.serviceAccountName : undefined;
    const name = nameOf(object);
    if (account === undefined)
        return [
            (0,src_diagnostics/* error */.z3)('policy.service-account', `Kustomization "${name}" applies ${target.component}/${target.folder} without serviceAccountName: it would apply with the kubeconfig's own identity; set the account Flux impersonates (bootstrap: <component>-flux)`, file, at(['spec']), '.spec.serviceAccountName'),
        ];
    if ((0,rbac/* isFluxControllerAccount */.dY)(account))
        return [
            (0,src_diagnostics/* error */.z3)('policy.service-account', `Kustomization "${name}" impersonates "${account}", a Flux controller's account with cluster-wide rights; use the environment's own account (bootstrap: <component>-flux)`, file, at(['spec', 'serviceAccountName']), '.spec.serviceAccountName'),
        ];
    return [];
}
/** A github Provider's address is where Flux sends the commit-status token: this repository, on this server. */
function providerProblems(file, object, at, ctx) {
    const spec = isObj(object.spec) ? object.spec : {};
    if (spec.type !== 'github')
        return [];
    const address = typeof spec.address === 'string' ? spec.address : '';
    const normal = (url) => url
        .trim()
        .replace(/\/+$/, '')
        .replace(/\.git$/, '')
        .toLowerCase();
    if (normal(address) === normal(ctx.repositoryUrl))
        return [];
    const shown = JSON.stringify(address.slice(0, 120));
    return [
        (0,src_diagnostics/* error */.z3)('policy.provider-address', `Provider "${nameOf(object)}" sends its GitHub token to ${shown}, not to this repository (${ctx.repositoryUrl}); set spec.address to ${ctx.repositoryUrl}`, file, at(['spec', 'address']), '.spec.address'),
    ];
}
/**
 * A kubeconfig Secret used by Kustomizations of two environments: a warning naming both (fine for
 * namespaces of one cluster, a mistake otherwise). `brain`: every Brain file of the head.
 */
function sharedKubeconfigWarnings(brain, ctx) {
    const users = new Map();
    for (const { path, text } of brain) {
        for (const { object } of objectsOf(path, text, [])) {
            if (!(0,validate/* schemaKey */.D$)(object).startsWith('kustomize.toolkit.fluxcd.io/'))
                continue;
            const spec = isObj(object.spec) ? object.spec : {};
            const target = targetOf(spec.path, ctx.layout, ctx.components);
            const ref = isObj(spec.kubeConfig) && isObj(spec.kubeConfig.secretRef)
                ? spec.kubeConfig.secretRef.name
                : undefined;
            const namespace = isObj(object.metadata) ? String(object.metadata.namespace ?? '') : '';
            if (!target || typeof ref !== 'string')
                continue;
            const environment = target.rbacOf ?? target.folder;
            if (environment === ctx.layout.packagesDir)
                continue;
            const key = `${namespace}/${ref}`;
            users.set(key, [...(users.get(key) ?? []), { environment, file: path }]);
        }
    }
    const warnings = [];
    for (const [key, list] of users) {
        const environments = [...new Set(list.map((u) => u.environment))];
        if (environments.length < 2)
            continue;
        warnings.push((0,src_diagnostics/* warning */.$e)('policy.shared-kubeconfig', `kubeconfig Secret "${key.split('/')[1]}" is used by environments ${environments.map((e) => `"${e}"`).join(' and ')}: they deliver to one cluster with one identity (fine for namespaces of one cluster; otherwise give each environment its own)`, list[0].file));
    }
    return warnings;
}
/** The recipients of each .sops.yaml creation rule, keyed by its path_regex. */
function sopsRecipients(text) {
    const rules = new Map();
    if (text === undefined)
        return rules;
    const doc = (0,parse/* parseYaml */.hN)(SOPS_CONFIG_FILE, text).documents[0]?.value;
    const list = isObj(doc) && Array.isArray(doc.creation_rules) ? doc.creation_rules : [];
    for (const rule of list) {
        if (!isObj(rule))
            continue;
        const key = typeof rule.path_regex === 'string' ? rule.path_regex : '(every file)';
        const groups = Array.isArray(rule.key_groups) ? rule.key_groups.filter(isObj) : [];
        const recipients = [rule, ...groups].flatMap((block) => ['age', 'pgp', 'kms', 'gcp_kms', 'azure_keyvault', 'hc_vault_transit_uri'].flatMap((field) => {
            const value = block[field];
            const items = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : [];
            return items.map((v) => `${field}:${typeof v === 'string' ? v.trim() : JSON.stringify(v)}`);
        }));
        rules.set(key, [...new Set([...(rules.get(key) ?? []), ...recipients])].sort());
    }
    return rules;
}
/** What a pull request changes in .sops.yaml's recipients, one line per creation rule. */
function sopsRecipientChanges(base, head) {
    const [before, after] = [sopsRecipients(base), sopsRecipients(head)];
    const lines = [];
    for (const rule of new Set([...before.keys(), ...after.keys()])) {
        const was = before.get(rule) ?? [];
        const now = after.get(rule) ?? [];
        const added = now.filter((r) => !was.includes(r));
        const removed = was.filter((r) => !now.includes(r));
        if (added.length + removed.length === 0)
            continue;
        const part = (what, list) => list.length ? ` ${what} ${list.map(policy_short).join(', ')}` : '';
        lines.push(`${SOPS_CONFIG_FILE}: rule ${brief(rule)}:${part('adds', added)}${part('removes', removed)}`);
    }
    return lines;
}
/** A recipient on one line, short (repository text: newlines and controls escaped). */
const policy_short = (recipient) => {
    const flat = JSON.stringify(recipient).slice(1, -1);
    return flat.length > 40 ? `${flat.slice(0, 37)}...` : flat;
};
/**
 * Did the encrypted values of a file change (not only its `sops:` metadata, as `sops updatekeys`
 * does when recipients change)? Undefined texts: the file was added or removed.
 */
function encryptedValuesChanged(base, head) {
    const isEncrypted = (t) => t !== undefined && /^sops:\s*$/m.test(t) && /ENC\[/.test(t);
    if (!isEncrypted(base) && !isEncrypted(head))
        return false;
    return withoutSopsBlock(base) !== withoutSopsBlock(head);
}
function withoutSopsBlock(text) {
    if (text === undefined)
        return undefined;
    const lines = text.split('\n');
    const start = lines.findIndex((l) => /^sops:\s*$/.test(l));
    if (start < 0)
        return text;
    let end = start + 1;
    while (end < lines.length && (/^\s/.test(lines[end]) || lines[end] === ''))
        end += 1;
    return [...lines.slice(0, start), ...lines.slice(end)].join('\n');
}
/** Recipients and encrypted values changed together: a reviewer could not tell who can read the new values. */
function sopsTogetherProblem(recipientChanges, valueFiles) {
    if (recipientChanges.length === 0 || valueFiles.length === 0)
        return [];
    return [
        (0,src_diagnostics/* error */.z3)('policy.sops-recipients-with-values', `this pull request changes the recipients in ${SOPS_CONFIG_FILE} and encrypted values (${valueFiles.slice(0, 3).join(', ')}${valueFiles.length > 3 ? ', …' : ''}) together: split it — first the recipients (with sops updatekeys on the encrypted files), then the values`, SOPS_CONFIG_FILE),
    ];
}

// EXTERNAL MODULE: ./src/plan/plan.ts
var plan = __webpack_require__(8720);
// EXTERNAL MODULE: ./src/repo/snapshot.ts
var repo_snapshot = __webpack_require__(5218);
;// CONCATENATED MODULE: ./src/action/gate-policy.ts






/**
 * The folders the gate reads on a tree past GitHub's one-read limit: each changed file's folder,
 * the component folder of each changed path (its Packages, environments and RBAC folders: the scope,
 * the base facts and the out-of-order check look at all of them) and, when a Brain file changes,
 * the whole Brain folder (kubeconfig sharing is judged over all of it) and that component's folder.
 * flux-pkg.yaml and the root's files need no read: the root's listing is known.
 */
function gateFolders(changed, layout) {
    const trim = (dir) => dir.replace(/\/+$/, '');
    const prefix = trim(layout.componentsPath) ? `${trim(layout.componentsPath)}/` : '';
    const brain = trim(layout.brainPath);
    const folders = new Set((0,tree_walk/* componentFolders */.HD)(changed, layout.componentsPath));
    for (const path of changed) {
        if (path.includes('/'))
            folders.add(path.slice(0, path.lastIndexOf('/')));
        if (!brain || !path.startsWith(`${brain}/`))
            continue;
        folders.add(brain);
        const [component, ...rest] = path.slice(brain.length + 1).split('/');
        if (component && rest.length > 0)
            folders.add(`${prefix}${component}`);
    }
    return [...folders].sort();
}
/** At most this many encrypted files are compared when .sops.yaml's recipients change. */
const MAX_VALUE_FILES = 300;
async function checkGatePolicy(input) {
    const { head, base, judged } = input;
    const headPaths = (await head.list()).map((e) => e.path);
    const changed = input.changed ?? headPaths;
    const files = policyFilesOf(changed, judged.layout);
    const diagnostics = [];
    const notes = [];
    if (files.config)
        for (const line of configPolicyChanges(input.baseConfig, input.headConfig))
            notes.push(`policy change, not applied to this pull request (judged by the base branch's rules): ${line}`);
    const headSet = new Set(headPaths);
    for (const { path, component } of files.rbac) {
        const text = headSet.has(path) ? await textOf(head, path) : undefined;
        if (text !== undefined)
            diagnostics.push(...rbacFileProblems(path, text, clusterScopeAllowed(judged.policy, component)));
    }
    if (files.brain.length > 0)
        diagnostics.push(...(await brainProblems(input, files.brain, headPaths)));
    if (files.sops) {
        const recipients = sopsRecipientChanges(await textOf(base, SOPS_CONFIG_FILE), await textOf(head, SOPS_CONFIG_FILE));
        notes.push(...recipients.map((l) => `policy change (encryption recipients): ${l}`));
        if (recipients.length > 0)
            diagnostics.push(...sopsTogetherProblem(recipients, await valueFiles(input, changed)));
    }
    const checked = [...files.rbac, ...files.brain].length;
    if (checked > 0)
        notes.push(`checked ${checked} RBAC and Brain file${checked === 1 ? '' : 's'} against the base branch's policy${(0,src_diagnostics/* hasErrors */.Cs)(diagnostics) ? '' : ': nothing refused'}`);
    return { diagnostics, notes };
}
async function brainProblems(input, changedBrain, headPaths) {
    const { head, judged } = input;
    const components = input.components ?? new Set((0,repository/* discover */.k4)(headPaths, judged.layout).map((c) => c.name));
    const ctx = {
        layout: judged.layout,
        policy: judged.policy,
        repositoryUrl: input.repositoryUrl,
        components,
    };
    const headSet = new Set(headPaths);
    const diagnostics = [];
    for (const { path, component } of changedBrain) {
        const text = headSet.has(path) ? await textOf(head, path) : undefined;
        if (text !== undefined)
            diagnostics.push(...brainFileProblems(path, component, text, ctx));
    }
    // Sharing is about the whole Brain folder as it will be, not only the changed files.
    const everyBrainFile = policyFilesOf(headPaths, judged.layout).brain;
    const texts = [];
    for (const { path } of everyBrainFile) {
        const text = await textOf(head, path);
        if (text !== undefined)
            texts.push({ path, text });
    }
    diagnostics.push(...sharedKubeconfigWarnings(texts, ctx));
    return diagnostics;
}
/** The changed files whose encrypted values (not only their sops metadata) differ from the base. */
async function valueFiles(input, changed) {
    const found = [];
    const candidates = changed
        .filter((p) => /\.ya?ml$/.test(p) && p !== SOPS_CONFIG_FILE)
        .slice(0, MAX_VALUE_FILES);
    for (const path of candidates) {
        const [before, after] = [await textOf(input.base, path), await textOf(input.head, path)];
        if (encryptedValuesChanged(before, after))
            found.push(path);
    }
    return found;
}
async function textOf(snapshot, path) {
    const entry = (await snapshot.list()).find((e) => e.path === path);
    if (!entry)
        return undefined;
    const read = await (0,repo_snapshot/* readBounded */.CB)(snapshot, path, parse/* DEFAULT_LIMITS */.dR.maxBytes, entry);
    return read.text;
}
/** The plan's result with the policy's diagnostics added (any error fails the gate). */
function withPolicy(result, diagnostics) {
    if (diagnostics.length === 0)
        return result;
    const valid = result.valid && !(0,src_diagnostics/* hasErrors */.Cs)(diagnostics);
    return {
        ...result,
        valid,
        files: valid ? result.files : [],
        diagnostics: [...result.diagnostics, ...diagnostics],
    };
}

// EXTERNAL MODULE: ./src/action/report.ts + 3 modules
var report = __webpack_require__(5980);
// EXTERNAL MODULE: ./src/action/session.ts + 3 modules
var action_session = __webpack_require__(164);
// EXTERNAL MODULE: ./src/action/verdict.ts
var action_verdict = __webpack_require__(8263);
;// CONCATENATED MODULE: ./src/action/validate.ts
/**
 * Mode validate, the gate: on a pull request, what it changes — the environments its files touch,
 * widened to a component's every environment when a Package or its Brain folder changes and to the
 * whole repo when flux-pkg.yaml or a .sops.yaml does; policy files (RBAC, Brain, flux-pkg.yaml,
 * .sops.yaml) listed — checked at its head (the API's tree, or the `path:` checkout) and compared
 * with the base branch read through the API (Packages changed in place, out-of-order promotion).
 * Past GitHub's recursive-tree limit both trees are read only under the folders the pull request
 * touches (widenForGate), or every component folder within the REST budget when it validates
 * everything (walkEverything). Without a pull request: the whole base branch. Writes nothing but
 * the verdict.
 */



















async function validate_validate(session) {
    const { inputs, facts } = session;
    const pr = facts.pullRequest;
    // With `path:` the head is the checkout, and the base still comes from the API: the gate compares
    // the same way whichever way the head is read.
    const gate = pr?.headSha !== undefined && pr.number !== undefined;
    const request = {
        kind: 'validate',
        environments: inputs.environments,
        sops: (0,action_session/* sopsKeys */.aN)(inputs),
    };
    const notes = [];
    let snapshot;
    if (gate) {
        const { headTree, base, files, partial, brainComponents } = await readGate(session, pr);
        snapshot = (0,action_session/* snapshotOf */.eY)(session, headTree ? (0,tree_walk/* knownFiles */.$I)(headTree) : []);
        // The base always through the API: with `path:` the checkout is the head, never the base.
        const baseSnapshot = new repo_snapshot/* KeptSnapshot */.rF(new github_snapshot/* GitHubSnapshot */.uH(session.objects, base.tree));
        const headPaths = (await (0,deliver/* api */.FH)('listing the head of the pull request', () => snapshot.list())).map((e) => e.path);
        const [headLoaded, baseLoaded] = await (0,deliver/* api */.FH)('reading flux-pkg.yaml', () => Promise.all([(0,config/* loadConfig */.Z9)(snapshot), (0,config/* loadConfig */.Z9)(baseSnapshot)]));
        // Rules come from the base: a pull request is never judged by the flux-pkg.yaml it brings.
        const judged = (0,src_diagnostics/* hasErrors */.Cs)(baseLoaded.diagnostics)
            ? headLoaded.config
            : judgingConfig(baseLoaded.config, headLoaded.config);
        const loaded = (0,src_diagnostics/* hasErrors */.Cs)(headLoaded.diagnostics) ? headLoaded : { ...headLoaded, config: judged };
        const layout = loaded.config.layout;
        const scope = files.truncated ? undefined : (0,changes/* scopeOfChanges */.X)(files.paths, headPaths, layout);
        request.policy = files.truncated ? undefined : (0,changes/* policyChanges */.cb)(files.paths, layout);
        notes.push(describeScope(scope, files.truncated, request.policy ?? []));
        request.scope = scope;
        // The labels as they are now: a re-run replays the old payload, a label added since counts.
        request.labels = await (0,deliver/* api */.FH)(`reading the labels of pull request #${pr.number}`, () => (0,commit_status/* labelsNow */.YA)(session.client, session.ref, pr.number));
        request.base = await (0,deliver/* api */.FH)('reading the base branch', () => (0,load_base/* loadBaseFacts */.t)(baseSnapshot, loaded.config, scope));
        const policy = await (0,deliver/* api */.FH)('reading the policy files', () => checkGatePolicy({
            head: snapshot,
            base: baseSnapshot,
            changed: files.truncated ? undefined : files.paths,
            judged: loaded.config,
            baseConfig: baseLoaded.config,
            headConfig: headLoaded.config,
            repositoryUrl: `${session.facts.serverUrl.replace(/\/+$/, '')}/${session.ref.owner}/${session.ref.repo}`,
            components: brainComponents,
        }));
        notes.push(...policy.notes);
        const result = partial && (0,repository/* discover */.k4)(headPaths, layout).length === 0
            ? nothingInScope(loaded)
            : await (0,deliver/* api */.FH)('reading the gitops repository', () => (0,plan/* plan */.e)(snapshot, request, loaded));
        const verdict = withPolicy(result, policy.diagnostics);
        await (0,action_verdict/* postCheck */.f)((0,action_session/* checkTargetOf */.vA)(session), pr.headSha, {
            state: verdict.valid ? 'success' : 'failure',
            description: verdictLine(verdict),
        });
        return validate_report(session, verdict, notes, { snapshot, loaded });
    }
    const tree = pr?.headSha
        ? await (0,action_session/* treeOfCommit */.rv)(session, pr.headSha)
        : await wholeBase(session, session.baseBranch);
    // The whole repository is read once and not kept: its validation is also the matrix's.
    snapshot = (0,action_session/* snapshotOf */.eY)(session, tree, false);
    const loaded = await (0,deliver/* api */.FH)('reading flux-pkg.yaml', () => (0,config/* loadConfig */.Z9)(snapshot));
    const result = await (0,deliver/* api */.FH)('reading the gitops repository', () => (0,plan/* plan */.e)(snapshot, request, loaded));
    const validation = inputs.environments ? undefined : result;
    return validate_report(session, result, notes, { snapshot, loaded, validation });
}
/**
 * The gate's reads: the head's tree (unless `path:` is the head), the base's and the pull request's
 * files, at once; past GitHub's one-read limit, widened to what the pull request touches.
 */
async function readGate(session, pr) {
    const [headTree, base, files] = await Promise.all([
        session.inputs.path
            ? undefined
            : (0,deliver/* api */.FH)(`reading commit ${pr.headSha}`, () => (0,tree_walk/* readCommitTree */.w9)(session.objects, pr.headSha)),
        (0,deliver/* readBaseOrFail */.bP)(session.objects, pr.baseRef ?? session.baseBranch, true),
        (0,deliver/* api */.FH)(`listing the files of pull request #${pr.number}`, () => listPullRequestFiles(session.client, session.ref, pr.number)),
    ]);
    const partial = headTree?.partial === true || base.partial;
    const brainComponents = partial
        ? await widenForGate(session, { head: headTree, base, files, number: pr.number, headSha: pr.headSha })
        : undefined;
    return { headTree, base, files, partial, brainComponents };
}
/**
 * Past GitHub's one-read limit (the head's tree, the base's or both): both read only under the
 * folders the pull request touches (gate-policy.ts `gateFolders`). A pull request that makes the gate
 * validate every environment needs every component folder: walkEverything, within the REST budget.
 * Returns the component names the Brain checks use: every folder under componentsPath, read from
 * the listings on the way down (never a component's own subtree).
 */
async function widenForGate(session, { head, base, files, number, headSha, }) {
    const [headConfig, baseConfig] = await (0,deliver/* api */.FH)('reading flux-pkg.yaml', () => Promise.all([
        head ? (0,config/* loadConfig */.Z9)(new github_snapshot/* GitHubSnapshot */.uH(session.objects, (0,tree_walk/* knownFiles */.$I)(head))) : undefined,
        (0,config/* loadConfig */.Z9)(new github_snapshot/* GitHubSnapshot */.uH(session.objects, base.tree)),
    ]));
    // The layout the plan uses: the base's rules (judgingConfig), the head's when the base's are broken.
    const { layout } = ((0,src_diagnostics/* hasErrors */.Cs)(baseConfig.diagnostics) && headConfig ? headConfig : baseConfig).config;
    const everywhere = files.paths.filter((p) => p === config/* CONFIG_FILE */.g2 || (0,changes/* isSopsConfig */.iQ)(p));
    if (files.truncated || everywhere.length > 0) {
        const why = files.truncated
            ? `pull request #${number} lists more files than GitHub shows (3,000)`
            : `pull request #${number} changes ${everywhere.join(', ')}`;
        return walkEverything(session, { head, base, files, layout, why, headSha });
    }
    const folders = gateFolders(files.paths, layout);
    core/* info */.pq(`the tree is larger than one API read: reading ${folders.length} folder(s) the pull request touches`);
    await (0,deliver/* api */.FH)('reading the folders the pull request touches', () => Promise.all([
        head?.partial ? (0,tree_walk/* widen */.oP)(session.objects, head.index, folders) : undefined,
        base.partial ? (0,tree_walk/* widen */.oP)(session.objects, base.index, folders).then(() => (0,publish/* refreshFiles */.hZ)(base)) : undefined,
    ]));
    const brain = layout.brainPath.replace(/\/+$/, '');
    if (!head?.partial || !files.paths.some((p) => brain && p.startsWith(`${brain}/`)))
        return undefined;
    const names = await (0,deliver/* api */.FH)('listing the component folders', () => (0,tree_walk/* componentNames */.w$)(session.objects, head.index, layout));
    return new Set(names);
}
/**
 * The gate of a pull request that makes it validate every environment, past the one-read limit:
 * every component folder (and the Brain folder and the folders it touches) read on the head and the
 * base, one subtree read each, a folder with the same sha on both read once. The walk is counted
 * first and refused, before any read of a folder, when it does not fit in the REST budget above its
 * reserve (budget.ts `affordable`, as deliver.ts `withinBudget` asks): the verdict fails, naming the
 * counts. Returns the head's component names for the Brain checks (when the head is the API's).
 */
async function walkEverything(session, given) {
    const { head, base, files, layout, why } = given;
    const { objects, budget } = session;
    const [headNames, baseNames] = await (0,deliver/* api */.FH)('listing the component folders', () => Promise.all([
        head ? (0,tree_walk/* componentNames */.w$)(objects, head.index, layout) : [],
        (0,tree_walk/* componentNames */.w$)(objects, base.index, layout),
    ]));
    const root = layout.componentsPath.replace(/\/+$/, '');
    const brain = layout.brainPath.replace(/\/+$/, '');
    const names = new Set([...headNames, ...baseNames]);
    const dirs = [...[...names].map((n) => (root ? `${root}/${n}` : n)), ...(brain ? [brain] : [])];
    dirs.push(...gateFolders(files.paths, layout));
    const partials = [head?.partial ? head.index : undefined, base.partial ? base.index : undefined];
    const reads = (0,tree_walk/* readsToWiden */.Em)(partials.filter((i) => i !== undefined), dirs);
    if (budget.affordable([reads]) < 1) {
        await (0,action_verdict/* postCheck */.f)((0,action_session/* checkTargetOf */.vA)(session), given.headSha, {
            state: 'failure',
            description: `refused: validating every environment needs ${reads} API reads, over the budget left`,
        });
        throw new report/* ActionError */.lZ(`${why}, so the gate validates every environment, and ${trees(head, base)} larger than GitHub lists in one read (over 100,000 entries or 7 MB): that needs all ${names.size} component folder(s) under ${root || 'the repository root'} on the head and the base, ${reads} tree read(s) through the API, and the REST budget has ${budget.remaining} request(s) left, ${budget.reserve} of them kept for the repository's other workflows. The gate did not read them: rerun it after the budget refills${resetTime(budget.resetAt)}, or review this pull request by hand, with \`flux-pkg validate\` run on a checkout of its head`);
    }
    core/* info */.pq(`the tree is larger than one API read and ${why}: reading all ${names.size} component folder(s) on the head and the base (${reads} tree read(s))`);
    await (0,deliver/* api */.FH)('reading every component folder', () => Promise.all([
        head?.partial ? (0,tree_walk/* widen */.oP)(objects, head.index, dirs) : undefined,
        base.partial ? (0,tree_walk/* widen */.oP)(objects, base.index, dirs).then(() => (0,publish/* refreshFiles */.hZ)(base)) : undefined,
    ]));
    return head?.partial ? new Set(headNames) : undefined;
}
const resetTime = (resetAt) => resetAt === undefined ? '' : ` (at ${new Date(resetAt * 1000).toISOString().replace(/\.\d+Z$/, 'Z')})`;
const trees = (head, base) => head?.partial && base.partial
    ? 'both trees are'
    : head?.partial
        ? "the head's tree is"
        : "the base's tree is";
/** A pull request that touches no component: nothing to plan (on a partial tree, planning would find no component at all). */
function nothingInScope(loaded) {
    return {
        valid: !(0,src_diagnostics/* hasErrors */.Cs)(loaded.diagnostics),
        diagnostics: loaded.diagnostics,
        environments: [],
        files: [],
    };
}
/** The base branch, whole: validate without a pull request checks every environment. */
async function wholeBase(session, branch) {
    const base = await (0,deliver/* readBaseOrFail */.bP)(session.objects, branch, true);
    if (base.partial)
        throw new report/* ActionError */.lZ(`validate without a pull request checks every environment of ${branch}, which needs every component folder, and its tree is larger than GitHub lists in one read (over 100,000 entries or 7 MB): set the path input to a checkout, or let the gate check pull requests (it reads only the folders each one touches)`);
    return base.tree;
}
async function validate_report(session, result, notes, status) {
    (0,report/* annotate */.fz)(result.diagnostics);
    const run = { mode: 'validate', dryRun: session.inputs.dryRun, result, published: [], notes, status };
    if (!result.valid)
        await (0,report/* failInvalid */.YH)(run);
    await (0,report/* finish */.O9)(run);
}
function describeScope(scope, truncated, policy) {
    const policyNote = policy.length > 0
        ? ` It changes files the action trusts as policy: ${policy.map((p) => `\`${p}\``).join(', ')}.`
        : '';
    if (!scope)
        return truncated
            ? 'the pull request lists more files than GitHub shows (3,000): every environment is validated'
            : `the pull request changes flux-pkg.yaml or a .sops.yaml: every environment is validated.${policyNote}`;
    const parts = Object.entries(scope).map(([c, envs]) => envs === '*'
        ? `${c} (every environment: a Package or its Brain folder changed)`
        : `${c} in ${envs.join(', ')}`);
    core/* debug */.Yz(`gate scope: ${JSON.stringify(scope)}`);
    if (parts.length === 0)
        return policy.length > 0
            ? `the pull request changes no environment.${policyNote}`
            : 'the pull request changes no file Flux applies or the action trusts: nothing to validate';
    return `validated what the pull request changes: ${parts.join('; ')}.${policyNote}`;
}
/** The status's one line: the verdict and the first error (code and file only: no repository text beyond a path). */
function verdictLine(result) {
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length === 0)
        return 'the gate passed: every change checked is valid';
    const first = errors[0];
    return `${errors.length} error(s); first: ${first.code} in ${first.file || 'the repository'}`;
}


/***/ }),

/***/ 6827:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ versionAt),
/* harmony export */   t: () => (/* binding */ loadBaseFacts)
/* harmony export */ });
/* harmony import */ var _model_environment_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3926);
/* harmony import */ var _model_repository_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1925);
/* harmony import */ var _load_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2331);
/* harmony import */ var _reader_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4429);




/** The version an environment's PackageInstall selects among the component's Packages, if any (loaded here). */
async function versionIn(reader, config, component, packages, environment) {
    if (!component.environments.includes(environment))
        return undefined;
    return (0,_model_environment_js__WEBPACK_IMPORTED_MODULE_0__/* .selectedVersion */ .S6)(await (0,_load_js__WEBPACK_IMPORTED_MODULE_2__/* .loadEnvironment */ .Ye)(reader, `${component.dir}/${environment}`, config.layout), packages);
}
/** The base facts for the components in scope (every one when scope is undefined). */
async function loadBaseFacts(snapshot, config, scope) {
    const reader = new _reader_js__WEBPACK_IMPORTED_MODULE_3__/* .RepoReader */ .W(snapshot);
    const paths = (await snapshot.list()).map((e) => e.path);
    const facts = { versions: {}, packages: {} };
    for (const component of (0,_model_repository_js__WEBPACK_IMPORTED_MODULE_1__/* .discover */ .k4)(paths, config.layout)) {
        if (scope && !(component.name in scope))
            continue;
        const packages = await (0,_load_js__WEBPACK_IMPORTED_MODULE_2__/* .loadPackages */ .Ej)(reader, component);
        for (const p of packages.packages)
            facts.packages[`${component.name}@${p.version}`] = p.digest;
        // Every environment, not only those in scope: the out-of-order check looks upstream.
        for (const environment of component.environments) {
            const version = await versionIn(reader, config, component, packages, environment);
            if (version)
                facts.versions[`${component.name}/${environment}`] = version;
        }
        reader.forget(component.dir);
    }
    return facts;
}
/** The version one environment selects in a snapshot (a status's commit, the base head). */
async function versionAt(snapshot, config, component, environment) {
    const reader = new _reader_js__WEBPACK_IMPORTED_MODULE_3__/* .RepoReader */ .W(snapshot);
    const paths = (await snapshot.list()).map((e) => e.path);
    const layout = (0,_model_repository_js__WEBPACK_IMPORTED_MODULE_1__/* .discover */ .k4)(paths, config.layout).find((c) => c.name === component);
    if (!layout)
        return undefined;
    return versionIn(reader, config, layout, await (0,_load_js__WEBPACK_IMPORTED_MODULE_2__/* .loadPackages */ .Ej)(reader, layout), environment);
}


/***/ }),

/***/ 1032:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Wu: () => (/* binding */ classifyChanges),
/* harmony export */   X: () => (/* binding */ scopeOfChanges),
/* harmony export */   cb: () => (/* binding */ policyChanges),
/* harmony export */   iQ: () => (/* binding */ isSopsConfig),
/* harmony export */   vl: () => (/* binding */ changedPaths)
/* harmony export */ });
/* harmony import */ var _config_config_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6400);
/* harmony import */ var _repository_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1925);
/**
 * What a change to the repository touched, classified by the layout: which Package files, which
 * PackageInstalls, whether flux-pkg.yaml. One function for the action's push and the CLI's --since.
 */


/** `changed`: the paths added or modified; `paths`: every path of the repository after the change. */
function classifyChanges(changed, paths, layout) {
    const changedSet = new Set(changed);
    const components = (0,_repository_js__WEBPACK_IMPORTED_MODULE_1__/* .discover */ .k4)(paths, layout);
    const packageFiles = components
        .flatMap((c) => c.packageFiles)
        .filter((p) => changedSet.has(p))
        .sort();
    const packageInstalls = components.flatMap((c) => c.environments
        .map((environment) => ({
        component: c.name,
        environment,
        path: `${c.dir}/${environment}/${layout.packageInstallFile}`,
    }))
        .filter((p) => changedSet.has(p.path)));
    const sopsConfigChanged = changed.some(isSopsConfig);
    return {
        packageFiles,
        packageInstalls,
        configChanged: changedSet.has(_config_config_js__WEBPACK_IMPORTED_MODULE_0__/* .CONFIG_FILE */ .g2),
        ...(sopsConfigChanged ? { sopsConfigChanged } : {}),
    };
}
/** Paths whose blob differs between two trees (added or modified; deletions are not changes to deliver). */
function changedPaths(before, after) {
    const previous = new Map(before.map((e) => [e.path, e.sha]));
    return after.filter((e) => previous.get(e.path) !== e.sha).map((e) => e.path);
}
/**
 * What a pull request touches, as the gate validates it: any file under an environment folder →
 * that environment (Flux applies the folder, whatever the file is called); a Package file → every
 * environment of its component (their constraints and values meet a new or changed Package); an
 * RBAC folder → its environment, a component's Brain folder → every environment of the component
 * (both also policy: see policyChanges); flux-pkg.yaml or a .sops.yaml → everything (undefined).
 * `changed` holds every path the pull request adds, modifies, renames (both names) or removes;
 * `paths`, the head's files.
 */
function scopeOfChanges(changed, paths, layout) {
    if (changed.some((p) => p === _config_config_js__WEBPACK_IMPORTED_MODULE_0__/* .CONFIG_FILE */ .g2 || isSopsConfig(p)))
        return undefined;
    const components = new Map((0,_repository_js__WEBPACK_IMPORTED_MODULE_1__/* .discover */ .k4)(paths, layout).map((c) => [c.name, c]));
    const scope = {};
    const add = (name, environment) => {
        if (environment === '*' || scope[name] === '*') {
            scope[name] = '*';
            return;
        }
        const environments = scope[name] ?? [];
        if (!environments.includes(environment))
            environments.push(environment);
        scope[name] = environments;
    };
    for (const path of changed) {
        const brain = brainComponentOf(path, layout);
        if (brain !== undefined) {
            if (components.has(brain))
                add(brain, '*');
            continue;
        }
        const at = componentPathOf(path, layout);
        const component = at && components.get(at.name);
        if (!at || !component)
            continue; // a component the pull request removes: nothing left to check
        if (at.folder === layout.packagesDir && at.depth === 1)
            add(at.name, '*');
        else if (component.environments.includes(at.folder))
            add(at.name, at.folder);
        else {
            const environment = rbacEnvironmentOf(at.folder, layout);
            if (environment !== undefined && component.environments.includes(environment))
                add(at.name, environment);
        }
    }
    return scope;
}
/**
 * The files a pull request changes that the action trusts as policy rather than validates as an
 * environment: flux-pkg.yaml, every .sops.yaml, the RBAC folders (applied with the kubeconfig's own
 * identity) and the Brain folder (the Flux objects that apply everything). Sorted.
 */
function policyChanges(changed, layout) {
    return changed
        .filter((path) => path === _config_config_js__WEBPACK_IMPORTED_MODULE_0__/* .CONFIG_FILE */ .g2 ||
        isSopsConfig(path) ||
        isUnder(path, layout.brainPath) ||
        rbacEnvironmentOf(componentPathOf(path, layout)?.folder ?? '', layout) !== undefined)
        .sort();
}
const isSopsConfig = (path) => path === '.sops.yaml' || path.endsWith('/.sops.yaml');
const trimmed = (dir) => dir.replace(/\/+$/, '');
const isUnder = (path, dir) => trimmed(dir) !== '' && path.startsWith(`${trimmed(dir)}/`);
/** `<brainPath>/<component>/…` → the component; another path under brainPath → ''; else undefined. */
function brainComponentOf(path, layout) {
    if (!isUnder(path, layout.brainPath))
        return undefined;
    const parts = path.slice(trimmed(layout.brainPath).length + 1).split('/');
    return parts.length > 1 ? parts[0] : '';
}
/** `[componentsPath/]<name>/<folder>/…`: the component, the folder under it, and how deep the file is below the folder. */
function componentPathOf(path, layout) {
    const prefix = layout.componentsPath ? `${trimmed(layout.componentsPath)}/` : '';
    if (!path.startsWith(prefix))
        return undefined;
    const parts = path.slice(prefix.length).split('/');
    if (parts.length < 3 || parts[0].startsWith('.'))
        return undefined;
    return { name: parts[0], folder: parts[1], depth: parts.length - 2 };
}
/** The environment whose RBAC folder this is (layout.rbacFolder with {environment}), if it is one. */
function rbacEnvironmentOf(folder, layout) {
    const [before, after] = layout.rbacFolder.split('{environment}');
    if (folder.length <= before.length + after.length || !folder.startsWith(before) || !folder.endsWith(after))
        return undefined;
    return folder.slice(before.length, folder.length - after.length);
}


/***/ })

};
