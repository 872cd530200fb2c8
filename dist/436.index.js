export const id = 436;
export const ids = [436];
export const modules = {

/***/ 9055:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  promote: () => (/* binding */ promote)
});

// EXTERNAL MODULE: ./src/config/config.ts + 1 modules
var config = __webpack_require__(6400);
// EXTERNAL MODULE: ./src/diagnostics.ts
var diagnostics = __webpack_require__(4851);
// EXTERNAL MODULE: ./src/github/deliver.ts
var deliver = __webpack_require__(7118);
// EXTERNAL MODULE: ./src/report/inert.ts
var inert = __webpack_require__(1822);
// EXTERNAL MODULE: ./src/report/pull-request/marker.ts
var pull_request_marker = __webpack_require__(7896);
;// CONCATENATED MODULE: ./src/github/mark-pull.ts
/**
 * A later `failure` from Flux for the commit a promotion was opened from: the open promotion pull
 * requests for that commit get a comment and lose auto-merge, so a failing version is not merged on
 * by itself. Only this action's pull requests (marker key and `upstream` commit) are touched.
 */


/** Comments on and turns auto-merge off for each open promotion opened from `sha`; returns their numbers. */
async function markFailedPromotions(client, ref, baseBranch, failed) {
    const pulls = await client.paginate(client.rest.pulls.list, {
        ...ref,
        state: 'open',
        base: baseBranch,
        per_page: 100,
    });
    const own = `${ref.owner}/${ref.repo}`;
    const keys = new Set(failed.targets.map((t) => (0,pull_request_marker/* markerKey */.s8)(failed.component, t)));
    const marked = [];
    for (const pr of pulls) {
        if (pr.head.repo?.full_name !== own)
            continue;
        const marker = [...keys].map((key) => (0,pull_request_marker/* readMarker */.t7)(pr.body, { key, fields: pull_request_marker/* MARKER_FIELDS */.Pj })).find(Boolean);
        if (marker?.fields.trigger !== 'healthy' || marker.fields.upstream !== failed.sha)
            continue;
        await client.rest.issues.createComment({
            ...ref,
            issue_number: pr.number,
            body: `Flux reported a failure for the commit this promotion comes from (${failed.sha.slice(0, 12)}): ${(0,inert/* inertText */.UJ)(failed.reason)}. Auto-merge is turned off; merge by hand only once the source environment is healthy again.`,
        });
        if (pr.auto_merge)
            await client.graphql('mutation($id: ID!) { disablePullRequestAutoMerge(input: {pullRequestId: $id}) { clientMutationId } }', { id: pr.node_id });
        marked.push(pr.number);
    }
    return marked;
}

// EXTERNAL MODULE: ./src/github/publish.ts + 1 modules
var publish = __webpack_require__(5088);
// EXTERNAL MODULE: ./src/github/tree-walk.ts
var tree_walk = __webpack_require__(7141);
// EXTERNAL MODULE: ./src/plan/load/base.ts
var load_base = __webpack_require__(6827);
// EXTERNAL MODULE: ./src/plan/model/repository.ts
var repository = __webpack_require__(1925);
// EXTERNAL MODULE: ./src/config/graph.ts
var graph = __webpack_require__(9090);
;// CONCATENATED MODULE: ./src/plan/modes/promote/health.ts

/** The description notification-controller gives kustomize-controller's final successful event. */
const FINAL_SUCCESS = 'reconciliation succeeded';
/** What a status says about an environment's health, before the commit is read. */
function judgeHealthStatus(config, status, components, baseBranch) {
    const ignore = (reason) => ({ kind: 'ignore', reason });
    const context = shown(status.context);
    const source = environmentOfStatus(config, status.context, components);
    if (!source)
        return ignore(`ignoring the status "${context}": it names no environment's health Kustomization (promotion.healthKustomization${config.promotion.statusContext ? ', promotion.statusContext' : ''})`);
    const creators = config.promotion.statusCreators;
    if (!status.sender || !creators.includes(status.sender))
        return ignore(`ignoring the status "${context}" posted by ${status.sender ? `"${shown(status.sender)}"` : 'an unknown account'}: only the accounts in promotion.statusCreators of the base branch's flux-pkg.yaml (${creators.join(', ') || 'none'}) promote`);
    const { component, environment } = source;
    const all = components.find((c) => c.name === component).environments;
    const targets = (0,graph/* promotedOn */._M)(config, environment, 'healthy').filter((to) => (0,graph/* environmentsOf */.M2)(config, component, all).includes(to));
    const about = `${component} in ${environment} at ${status.sha.slice(0, 12)}`;
    if (targets.length === 0)
        return ignore(`no environment promotes from ${environment} when healthy; nothing to do for ${about}`);
    if (!status.branches.includes(baseBranch))
        return ignore(`the commit ${status.sha.slice(0, 12)} is not on ${baseBranch}; nothing promoted`);
    const described = describedAs(status.description);
    if (status.state === 'failure' || status.state === 'error')
        return {
            kind: 'failed',
            component,
            environment,
            targets,
            reason: `Flux reports ${about} as "${status.state}" (${described || 'no description'}): nothing promoted to ${targets.join(', ')} until it reports success`,
        };
    if (status.state !== 'success')
        return ignore(`Flux reports ${about} as "${shown(status.state)}" (${context}): nothing promoted to ${targets.join(', ')} until it reports success`);
    if (described !== FINAL_SUCCESS)
        return ignore(`Flux reports ${about} as success described "${described}", which is not the final successful reconciliation ("${FINAL_SUCCESS}"): nothing promoted to ${targets.join(', ')} yet`);
    return { kind: 'healthy', component, environment, targets };
}
/**
 * A healthy commit promotes the version its environment ran there, and only if the environment
 * still runs it (a status for an older commit is stale).
 */
function staleCommitReason(verdict, sha, then, now) {
    if (then && then === now)
        return undefined;
    return `the healthy commit ${sha.slice(0, 12)} ran ${verdict.component} ${then ?? 'no version'} in ${verdict.environment}, which now runs ${now ?? 'nothing'}: nothing promoted (a status for the commit it runs now decides)`;
}
/**
 * Which (component, environment) a commit status is about. notification-controller's default
 * context is `kustomization/<name>/<provider id>`, lower case (notification-controller v1.9.3
 * internal/server/provider_commit_status.go L44-L48); a Provider
 * with spec.commitStatusExpr posts whatever its expression returns: promotion.statusContext names it.
 */
function environmentOfStatus(config, context, components) {
    const template = config.promotion.statusContext;
    const name = template ? undefined : /^kustomization\/([^/]+)\/[^/]+$/.exec(context)?.[1];
    if (!template && name === undefined)
        return undefined;
    for (const c of components)
        for (const environment of (0,graph/* environmentsOf */.M2)(config, c.name, c.environments)) {
            const kustomization = (0,graph/* healthKustomizationOf */.Lt)(config, c.name, environment);
            const matches = template
                ? expandContext(template, kustomization, c.name, environment) === context
                : kustomization.toLowerCase() === name;
            if (matches)
                return { component: c.name, environment };
        }
    return undefined;
}
function expandContext(template, kustomization, component, environment) {
    return template
        .replaceAll('{kustomization}', kustomization)
        .replaceAll('{component}', component)
        .replaceAll('{environment}', environment);
}
/** The description as notification-controller would derive it from a reason (split, lower case). */
function describedAs(description) {
    const words = (description ?? '')
        .slice(0, 200)
        .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
        .toLowerCase()
        .split(/\s+/)
        .filter(Boolean);
    return shown(words.join(' '));
}
/** Hostile text on one short line. */
function shown(value) {
    const flat = JSON.stringify(value).slice(1, -1);
    return flat.length > 120 ? `${flat.slice(0, 117)}...` : flat;
}

// EXTERNAL MODULE: ./src/plan/plan.ts
var plan = __webpack_require__(8720);
// EXTERNAL MODULE: ./src/plan/proposals/combine.ts
var combine = __webpack_require__(2614);
// EXTERNAL MODULE: ./src/plan/proposals/proposals.ts + 3 modules
var proposals = __webpack_require__(1945);
// EXTERNAL MODULE: ./src/action/install.ts + 4 modules
var install = __webpack_require__(3372);
// EXTERNAL MODULE: ./src/action/report.ts + 5 modules
var action_report = __webpack_require__(6705);
// EXTERNAL MODULE: ./src/action/session.ts + 3 modules
var action_session = __webpack_require__(164);
;// CONCATENATED MODULE: ./src/action/promote.ts
/**
 * Mode promote. On a `status` event: whether Flux reported an environment healthy is decided by the
 * synchronous rules of plan/modes/promote/health.ts on the base branch's flux-pkg.yaml (only the
 * final success, only from promotion.statusCreators); this shell gathers the facts (the status, the
 * versions at its commit and now) and publishes — the environments promoting from it when healthy
 * get that commit's version, and a failure marks the open promotions from that commit. On
 * workflow_dispatch: the inputs name one promotion (or rollback). On a push: the chain that follows
 * merges (install mode does the same along with new Packages).
 */















async function promote(session) {
    const { facts, inputs } = session;
    if (facts.eventName === 'status')
        return promoteOnHealth(session, facts.status);
    if (inputs.component || inputs.toEnvironment)
        return promoteByHand(session);
    if (facts.eventName === 'push')
        return (0,install.deliverPush)(session, { install: false, promote: true }, 'promote');
    throw new action_report/* ActionError */.lZ('mode promote needs the inputs component and to-environment (workflow_dispatch), or a status or push event');
}
const EMPTY = { valid: true, diagnostics: [], environments: [], files: [] };
async function nothingToDo(session, note) {
    await (0,action_report/* finish */.O9)({
        mode: 'promote',
        dryRun: session.inputs.dryRun,
        result: EMPTY,
        published: [],
        notes: [note],
    });
}
async function promoteOnHealth(session, status) {
    if (!status)
        return nothingToDo(session, 'ignoring a status event without sha, context and state');
    await deliverPromotions(session, async (config, base, widenTo) => {
        const verdict = judgeHealthStatus(config, status, await healthComponents(session, config, base, status.context, widenTo), session.baseBranch);
        if (verdict.kind === 'ignore')
            return skip(verdict.reason);
        // A failure promotes nothing; after delivery, open promotions from that commit are marked.
        if (verdict.kind === 'failed')
            return { ...skip(verdict.reason), failed: verdict };
        const { component, environment } = verdict;
        const [statusSnapshot, snapshot] = await Promise.all([
            commitSnapshot(session, status.sha, config, component),
            widenTo([component]),
        ]);
        const [then, now] = await Promise.all([
            (0,load_base/* versionAt */.m)(statusSnapshot, config, component, environment),
            (0,load_base/* versionAt */.m)(snapshot, config, component, environment),
        ]);
        const stale = staleCommitReason(verdict, status.sha, then, now);
        if (stale || !then)
            return skip(stale ?? 'no version');
        const source = {
            trigger: 'healthy',
            commit: status.sha,
            status: { context: status.context, state: status.state, targetUrl: status.targetUrl },
        };
        const promotions = verdict.targets.map((to) => ({
            component,
            environment: to,
            from: environment,
            version: then,
            source,
        }));
        return { promotions, notes: [] };
    });
}
/**
 * The components a status may be about. On a tree past GitHub's one-read limit, every folder under
 * componentsPath is a candidate (listings only, no subtree; environments come from flux-pkg.yaml,
 * which a promotion chain needs anyway); the one the status names is then read, and judged on.
 */
async function healthComponents(session, config, base, context, widenTo) {
    if (!base.partial)
        return discoverIn(base.tree, config);
    const root = config.layout.componentsPath.replace(/\/+$/, '');
    const names = await (0,deliver/* api */.FH)('listing the component folders', () => (0,tree_walk/* foldersIn */.XL)(session.objects, base.index, root));
    const candidates = names.map((name) => ({ name, environments: [] }));
    const named = environmentOfStatus(config, context, candidates);
    if (!named)
        return [];
    return discoverIn(await (await widenTo([named.component])).list(), config);
}
const discoverIn = (files, config) => (0,repository/* discover */.k4)(files.map((e) => e.path), config.layout);
/** The repository at a commit, read (past GitHub's one-read limit) only under one component's folder. */
async function commitSnapshot(session, sha, config, component) {
    if (session.inputs.path)
        return (0,action_session/* snapshotOf */.eY)(session, []);
    const known = await (0,deliver/* api */.FH)(`reading commit ${sha}`, () => (0,tree_walk/* readCommitTree */.w9)(session.objects, sha));
    if (known.partial)
        await (0,deliver/* api */.FH)(`reading commit ${sha}`, () => (0,tree_walk/* widen */.oP)(session.objects, known.index, [componentDir(config, component)]));
    return (0,action_session/* snapshotOf */.eY)(session, (0,tree_walk/* knownFiles */.$I)(known));
}
const componentDir = (config, component) => {
    const root = config.layout.componentsPath.replace(/\/+$/, '');
    return root ? `${root}/${component}` : component;
};
const skip = (reason) => ({ promotions: [], notes: [reason] });
/** Turns auto-merge off on, and comments on, the open promotions from a commit Flux now reports failing. */
async function markFailed(session, failed, sha) {
    if (session.inputs.dryRun)
        return [];
    const marked = await (0,deliver/* api */.FH)('marking the promotions from a failing commit', () => markFailedPromotions(session.client, session.ref, session.baseBranch, { ...failed, sha }));
    return marked.length === 0
        ? []
        : [
            `marked pull request${marked.length > 1 ? 's' : ''} ${marked.map((n) => `#${n}`).join(', ')}: auto-merge off, commented`,
        ];
}
async function promoteByHand(session) {
    const { component, toEnvironment, fromEnvironment, version, allowDowngrade } = session.inputs;
    if (!component)
        throw new action_report/* ActionError */.lZ('input component is required for mode promote');
    if (/[\s,*]/.test(component))
        throw new action_report/* ActionError */.lZ(`input component must name one component for mode promote, not "${component}"`);
    if (!toEnvironment)
        throw new action_report/* ActionError */.lZ('input to-environment is required for mode promote');
    const promotion = {
        component,
        environment: toEnvironment,
        from: fromEnvironment,
        version,
        source: { trigger: 'manual' },
    };
    await deliverPromotions(session, async () => ({ promotions: [promotion], notes: [] }), allowDowngrade);
}
async function deliverPromotions(session, choose, allowDowngrade = false) {
    const { inputs } = session;
    let status;
    // The notes of the last attempt (delivery retries propose on a moved base).
    let notes = [];
    let failed;
    const delivered = await (0,deliver/* deliver */.cK)({
        ...(0,action_session/* deliveryOf */.A9)(session),
        // Past GitHub's one-read limit, the base is read only under the components promoted.
        partialBase: true,
        propose: async (base) => {
            let snapshot = (0,action_session/* snapshotOf */.eY)(session, base.tree);
            const loaded = await (0,deliver/* api */.FH)('reading flux-pkg.yaml', () => (0,config/* loadConfig */.Z9)(snapshot));
            status = { snapshot, loaded };
            notes = [];
            failed = undefined;
            if ((0,diagnostics/* hasErrors */.Cs)(loaded.diagnostics))
                return {
                    result: (0,combine/* combineResults */.y)([], loaded.diagnostics, { file: loaded.config.file }),
                    proposals: [],
                };
            const widenTo = async (components) => {
                if (base.partial) {
                    const folders = components.map((c) => componentDir(loaded.config, c));
                    await (0,deliver/* api */.FH)('reading the gitops repository', () => (0,tree_walk/* widen */.oP)(session.objects, base.index, folders));
                    (0,publish/* refreshFiles */.hZ)(base);
                    snapshot = (0,action_session/* snapshotOf */.eY)(session, base.tree);
                    status = { snapshot, loaded };
                }
                return snapshot;
            };
            const chosen = await (0,deliver/* api */.FH)('reading the gitops repository', () => choose(loaded.config, base, widenTo));
            notes = chosen.notes;
            failed = chosen.failed;
            const { promotions } = chosen;
            if (promotions.length === 0)
                return {
                    result: (0,combine/* combineResults */.y)([], loaded.diagnostics, { file: loaded.config.file }),
                    proposals: [],
                };
            await widenTo([...new Set(promotions.map((p) => p.component))]);
            const request = {
                kind: 'promote',
                promotions,
                allowDowngrade,
                sops: (0,action_session/* sopsKeys */.aN)(session.inputs),
                overrides: (0,action_session/* sopsOverrides */.p7)(session.inputs),
            };
            const result = await (0,deliver/* api */.FH)('reading the gitops repository', () => (0,plan/* plan */.e)(snapshot, request, loaded));
            return { result, proposals: result.valid ? (0,proposals/* proposalsFromPlan */.Dq)(result, (0,install.styleOf)(session, base)) : [] };
        },
    });
    if (failed && session.facts.status)
        notes.push(...(await markFailed(session, failed, session.facts.status.sha)));
    (0,action_report/* annotate */.fz)(delivered.result.diagnostics);
    const report = { mode: 'promote', dryRun: inputs.dryRun, ...delivered, notes, status };
    if (!delivered.result.valid)
        await (0,action_report/* failInvalid */.YH)(report);
    await (0,action_report/* finish */.O9)(report);
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


/***/ })

};
