export const id = 436;
export const ids = [436,873];
export const modules = {

/***/ 4804:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ NOTHING_CHANGED),
/* harmony export */   i: () => (/* binding */ deliveredSoFar)
/* harmony export */ });
/* harmony import */ var _github_api_call_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5452);
/* harmony import */ var _github_cursor_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2449);
/**
 * Where an install run's changes start: the delivery cursor (src/github/cursor.ts), else the push. Read by the
 * install mode's shell (install.ts) before anything else, with only the REST client loaded.
 */


const NOTHING_CHANGED = 'nothing changed since the last delivery: nothing to deliver';
const ZERO_SHA = /^0+$/;
async function deliveredSoFar(session) {
    const { client, ref, baseBranch } = session;
    const filter = session.inputs.environments;
    const { everywhere, filtered } = filter
        ? await (0,_github_api_call_js__WEBPACK_IMPORTED_MODULE_0__/* .api */ .FH)('reading the delivery cursors', () => (0,_github_cursor_js__WEBPACK_IMPORTED_MODULE_1__/* .readCursors */ .i2)(client, ref, baseBranch, filter))
        : { everywhere: await (0,_github_api_call_js__WEBPACK_IMPORTED_MODULE_0__/* .api */ .FH)('reading the delivery cursor', () => (0,_github_cursor_js__WEBPACK_IMPORTED_MODULE_1__/* .readCursor */ .fS)(client, ref, baseBranch)) };
    const delivered = [everywhere, filtered].filter((sha) => sha !== undefined);
    const cursor = filter ? filtered : everywhere;
    const push = session.facts.eventName === 'push' ? session.facts.push : undefined;
    // Both cursors: the one this push started from is likely the newer; else the unlimited one.
    const from = everywhere && filtered && push?.before === filtered ? filtered : (everywhere ?? filtered);
    if (from) {
        const whose = from === filtered && filter ? ` for environments ${[...new Set(filter)].join(', ')}` : '';
        return {
            cursor,
            delivered,
            sha: from,
            why: `delivered what changed since the last delivered commit ${from.slice(0, 7)}${whose}`,
        };
    }
    // No cursor yet (the first run since adopting this version): an ordinary push says what it
    // changed, as before; a first push, a force push or a run without a push looks at everything once.
    if (push?.before && !ZERO_SHA.test(push.before) && !push.forced)
        return {
            delivered,
            sha: push.before,
            why: `delivered what this push changed (no delivery cursor yet)`,
        };
    return { delivered, why: 'no delivery cursor yet: every component is looked at once' };
}


/***/ }),

/***/ 8873:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   deliverPush: () => (/* binding */ deliverPush),
/* harmony export */   install: () => (/* binding */ install)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _github_api_call_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5452);
/* harmony import */ var _plan_proposals_combine_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2614);
/* harmony import */ var _install_cursor_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4804);
/* harmony import */ var _report_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5980);
/* harmony import */ var _session_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(164);
/**
 * Mode install: the Packages a push wrote (or the `packages` input names) → a PackageInstall and
 * values Secret for each environment that takes new versions directly → one pull request each.
 *
 * This file is the mode's shell: it reads the delivery cursor and the base's head, together, with only the
 * REST client loaded, and imports the planning part (install-delivery.ts: the planner, flux-pkg.yaml's
 * reader, yaml, ajv, the publishing code) only when there is something to deliver. A rerun or a scheduled run
 * that finds the cursor at the base so ends after 2 reads (one round trip) without loading any of it.
 * Measured with the start-up's other cuts (kinds.ts, api-call.ts, yaml/limits.ts, the lazy status loader):
 * the bundle's start-up chunks 2.73 → 1.45 MB, the no-op replay 0.91× the wall time of the build before
 * (0.92× CPU, 6 MiB less peak memory; bench/replay-stand-in.ts, 11 alternating runs each). The import starts
 * as soon as it is known to be needed, before the base's tree is read, so its evaluation overlaps that
 * read.
 */






async function install(session) {
    await deliverPush(session, { install: true, promote: true });
}
/**
 * Level-triggered delivery, in one delivery: everything not yet delivered. New Packages go to the
 * environments that take them directly (install), merged environments' versions to the environments
 * promoting from them on merge. What changed is the base's tree compared with the delivery cursor's
 * (src/github/cursor.ts), whatever pushes, cancelled runs or force pushes came between; without a
 * cursor, every component is looked at once. The `packages` input delivers only those files.
 */
async function deliverPush(session, what, mode = 'install') {
    const { inputs } = session;
    // Every install run reads the base's head (a no-op compares it with the cursor, a delivery starts
    // from it): asked for beside the cursor, a rerun that finds nothing to do waits one round trip, not two.
    const headRead = readHead(session);
    const since = inputs.packages ? undefined : await (0,_install_cursor_js__WEBPACK_IMPORTED_MODULE_3__/* .deliveredSoFar */ .i)(session);
    // Read ahead while the base is read, when a push says the base moved past it (a scheduled run
    // usually finds the cursor at the base: then its tree is never needed).
    const pushed = session.facts.push?.after;
    if (since?.sha && pushed && pushed !== since.sha)
        void (0,_session_js__WEBPACK_IMPORTED_MODULE_5__/* .treeOfCommit */ .rv)(session, since.sha);
    const done = since?.delivered ?? [];
    const head = await headRead;
    if (since && head && done.includes(head.sha))
        return nothingSince(since, mode, inputs.dryRun);
    readBaseAhead(session, head);
    await letRequestsLeave();
    const { deliverSince } = await Promise.all(/* import() */[__webpack_require__.e(561), __webpack_require__.e(720), __webpack_require__.e(118), __webpack_require__.e(965)]).then(__webpack_require__.bind(__webpack_require__, 2965));
    await deliverSince(session, what, mode, since, head);
}
/** The base branch's head, read now; a failure surfaces where it is awaited (a missing base: the delivery says so). */
function readHead(session) {
    const read = (0,_github_api_call_js__WEBPACK_IMPORTED_MODULE_1__/* .api */ .FH)(`reading branch ${session.baseBranch}`, () => session.objects.branch(session.baseBranch));
    read.catch(() => { });
    return read;
}
/**
 * The base's whole tree, asked for while the delivery module evaluates: GitObjects keeps it under its sha,
 * where the delivery's base read (github/publish.ts readBase) finds it.
 */
function readBaseAhead(session, head) {
    if (head)
        session.objects.tree(head.treeSha, true).catch(() => { });
}
/**
 * Event-loop turns before a CPU-bound step: undici writes a request from a setImmediate, on a pooled
 * socket in the turn after it is asked for, on a new one after its connect (turns 3–4). The delivery
 * module's evaluation then holds the thread for ~35 ms while the tree reads are answered: one PR at 0 ms
 * latency had its tree reads leave 47 ms after the head's answer without this, 3 ms with it (bench/
 * rest-calls.ts --calls). A guess about timing, not about results: a request that leaves later only waits.
 */
async function letRequestsLeave(turns = 4) {
    for (let i = 0; i < turns; i++)
        await new Promise((resolve) => setImmediate(resolve));
}
/** The cursor is at the base's head: everything there is delivered, so nothing more is read. */
async function nothingSince(since, mode, dryRun) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(_install_cursor_js__WEBPACK_IMPORTED_MODULE_3__/* .NOTHING_CHANGED */ .D);
    await (0,_report_js__WEBPACK_IMPORTED_MODULE_4__/* .finish */ .O9)({
        mode,
        dryRun,
        result: (0,_plan_proposals_combine_js__WEBPACK_IMPORTED_MODULE_2__/* .combineResults */ .y)([], []),
        published: [],
        notes: [since.why, _install_cursor_js__WEBPACK_IMPORTED_MODULE_3__/* .NOTHING_CHANGED */ .D],
    });
}


/***/ }),

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
// EXTERNAL MODULE: ./src/action/install.ts
var install = __webpack_require__(8873);
// EXTERNAL MODULE: ./src/action/proposal-style.ts
var proposal_style = __webpack_require__(5162);
// EXTERNAL MODULE: ./src/action/report.ts + 3 modules
var action_report = __webpack_require__(5980);
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
            return { result, proposals: result.valid ? (0,proposals/* proposalsFromPlan */.Dq)(result, (0,proposal_style/* styleOf */.V)(session, base)) : [] };
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

/***/ 5162:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ styleOf)
/* harmony export */ });
function styleOf(session, base) {
    const { inputs, facts, ref } = session;
    return {
        title: inputs.prTitle,
        commitMessage: inputs.commitMessage,
        labels: inputs.labels,
        reviewers: inputs.reviewers,
        teamReviewers: inputs.teamReviewers,
        draft: inputs.draft,
        autoMerge: inputs.autoMerge,
        links: {
            serverUrl: facts.serverUrl,
            repository: `${ref.owner}/${ref.repo}`,
            baseSha: base.sha,
            triggerSha: facts.push?.after,
        },
    };
}


/***/ }),

/***/ 9090:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fw: () => (/* binding */ upstreamOf),
/* harmony export */   Lt: () => (/* binding */ healthKustomizationOf),
/* harmony export */   M2: () => (/* binding */ environmentsOf),
/* harmony export */   QS: () => (/* binding */ takesNewVersions),
/* harmony export */   _M: () => (/* binding */ promotedOn),
/* harmony export */   kT: () => (/* binding */ overrideLabelOf)
/* harmony export */ });
/* unused harmony exports downstreamOf, promoteWhenOf */
/** The environments of a component, in the config's order when it lists them, else its folders. */
function environmentsOf(config, component, folders) {
    const configured = config.environments?.map((e) => e.name);
    const only = config.components[component]?.environments;
    const all = configured ?? [...folders];
    return only ? all.filter((e) => only.includes(e)) : all;
}
function entry(config, environment) {
    return config.environments?.find((e) => e.name === environment);
}
/** Does this environment take new Package versions directly (rather than by promotion)? */
function takesNewVersions(config, environment) {
    const env = entry(config, environment);
    return env ? env.promoteFrom === undefined : config.environments === undefined;
}
/** The environment this one promotes from, if any. */
function upstreamOf(config, environment) {
    return entry(config, environment)?.promoteFrom;
}
/** The environments that promote from this one, in the config's order. */
function downstreamOf(config, environment) {
    return (config.environments ?? []).filter((e) => e.promoteFrom === environment);
}
/** When an environment takes a version from its promoteFrom environment: on merge (default) or on health. */
function promoteWhenOf(config, environment) {
    return entry(config, environment)?.promoteWhen ?? 'merged';
}
/** The environments that take `environment`'s version at this trigger, in the config's order. */
function promotedOn(config, environment, trigger) {
    return downstreamOf(config, environment)
        .filter((e) => promoteWhenOf(config, e.name) === trigger)
        .map((e) => e.name);
}
/** The first of a pull request's labels that allows an out-of-order promotion, if any. */
function overrideLabelOf(config, labels) {
    return labels.find((l) => config.promotion.overrideLabels.includes(l));
}
/** The Flux Kustomization name whose commit status reports this environment's health. */
function healthKustomizationOf(config, component, environment) {
    return config.promotion.healthKustomization
        .replaceAll('{component}', component)
        .replaceAll('{environment}', environment);
}


/***/ }),

/***/ 2449:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dm: () => (/* binding */ advanceCursor),
/* harmony export */   fS: () => (/* binding */ readCursor),
/* harmony export */   i2: () => (/* binding */ readCursors)
/* harmony export */ });
/* unused harmony exports cursorRefOf, filterKey */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _refs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9081);
/**
 * The delivery cursor: a git ref in the gitops repository, `refs/flux-pkg/delivered/<base-branch>`,
 * pointing at the last base commit whose changes were fully delivered. A run diffs the cursor's
 * tree with the base head's (what changed since, whatever the pushes, cancelled runs or force
 * pushes in between) and moves the cursor to the head it delivered.
 *
 * Outside refs/heads and refs/tags: no branch in the UI, no push event, not fetched by a clone.
 * The refs API takes any fully qualified name with two slashes (POST /repos/{o}/{r}/git/refs:
 * "If it doesn't start with 'refs' and have at least two slashes, it will be rejected").
 *
 * A run limited by the `environments` input delivers only part of a base, so it never moves that
 * cursor. It keeps its own, `refs/flux-pkg/delivered-only/<filter-key>/<base-branch>`: everything a
 * run with the same environments input delivers was delivered up to that commit. The unlimited
 * cursor stays the authority (an unlimited run never reads a filter's cursor); a filter's cursor
 * only spares its replays and its next runs the work already done. Not under `delivered/<base>/`:
 * git refuses a ref `a/b` beside a ref `a` (a directory and a file of the same name).
 */


/**
 * The cursor's name without `refs/`, as the get-ref and update-ref routes take it; with
 * `environments` (the input's names), that filter's cursor.
 */
const cursorRefOf = (baseBranch, environments) => environments
    ? `flux-pkg/delivered-only/${filterKey(environments)}/${baseBranch}`
    : `flux-pkg/delivered/${baseBranch}`;
/**
 * One ref-name component for an environments filter, whatever its names hold: a digest of the
 * sorted, distinct names (the order and repeats of the input do not make another filter). Hex only,
 * so no name can add a "/", "..", ".lock" or a control character to the ref.
 */
function filterKey(environments) {
    const names = [...new Set(environments)].sort();
    const digest = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(JSON.stringify(names)).digest('hex');
    return `environments-${digest.slice(0, 32)}`;
}
/** The commit the cursor (of `environments`, when given) points at; undefined when there is none yet. */
async function readCursor(client, ref, baseBranch, environments) {
    try {
        const { data } = await client.rest.git.getRef({ ...ref, ref: cursorRefOf(baseBranch, environments) });
        return data.object.type === 'commit' ? data.object.sha : undefined;
    }
    catch (e) {
        if (e.status === 404)
            return undefined;
        throw e;
    }
}
/**
 * The unlimited cursor and the one of `environments`, in one read: GET /git/matching-refs/{prefix}
 * lists every ref whose name starts with the prefix ("flux-pkg/delivered" covers both names, of every
 * base branch and filter: a handful of refs), so a limited run pays no read for its second cursor.
 */
async function readCursors(client, ref, baseBranch, environments) {
    // Followed page by page (GitHub's description gives the route a Link header, and no per_page):
    // more cursors than one page must not hide this one.
    const data = await client.paginate(client.rest.git.listMatchingRefs, { ...ref, ref: 'flux-pkg/delivered' });
    const at = (name) => {
        const found = data.find((r) => r.ref === `refs/${name}`);
        return found?.object.type === 'commit' ? found.object.sha : undefined;
    };
    return { everywhere: at(cursorRefOf(baseBranch)), filtered: at(cursorRefOf(baseBranch, environments)) };
}
/**
 * Move the cursor from `from` (what this run read before it read the base) to `to` (the base head it
 * delivered). Only forward: the update is a fast-forward, so an older run finishing last cannot
 * rewind it. When it is not a fast-forward and nobody else moved the cursor since this run read it,
 * the base's history was rewritten (a force push): the tree diff this run made is still right, so
 * the cursor follows the new history. Another run's move always wins: delivery is idempotent, so a
 * cursor left a little behind costs reads on the next run, never a lost Package.
 */
async function advanceCursor(client, ref, baseBranch, from, to, environments) {
    const name = cursorRefOf(baseBranch, environments);
    if (from === to)
        return 'kept';
    if (from === undefined) {
        try {
            await client.rest.git.createRef({ ...ref, ref: `refs/${name}`, sha: to });
            return 'created';
        }
        catch (e) {
            if ((0,_refs_js__WEBPACK_IMPORTED_MODULE_1__/* .isRefRace */ .bY)(e))
                return 'left-to-newer';
            throw e;
        }
    }
    try {
        await client.rest.git.updateRef({ ...ref, ref: name, sha: to, force: false });
        return 'moved';
    }
    catch (e) {
        if (!(0,_refs_js__WEBPACK_IMPORTED_MODULE_1__/* .isRefRace */ .bY)(e))
            throw e;
    }
    // Not a fast-forward. The cursor was read before the base, so a base that only moved forward
    // descends from it: either another run moved it meanwhile, or the history was rewritten.
    const now = await readCursor(client, ref, baseBranch, environments);
    if (now !== from)
        return 'left-to-newer';
    await client.rest.git.updateRef({ ...ref, ref: name, sha: to, force: true });
    return 'rewritten';
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

/***/ 2614:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ combineResults)
/* harmony export */ });
/* harmony import */ var _diagnostics_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4851);
/** Several plans of one run (install and promotion) as one result: one delivery, one report. */

/** `config`: which flux-pkg.yaml the run read, for its summary (default: what the plans say). */
function combineResults(results, configDiagnostics, config = results.find((r) => r.config)?.config) {
    const diagnostics = (0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_0__/* .dedupeDiagnostics */ .E_)([...configDiagnostics, ...results.flatMap((r) => r.diagnostics)]);
    const valid = !(0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_0__/* .hasErrors */ .Cs)(diagnostics);
    return {
        valid,
        diagnostics: (0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_0__/* .sortDiagnostics */ .Ds)(diagnostics),
        environments: results.flatMap((r) => r.environments),
        // Bad input writes nothing: one invalid plan keeps the others' files from being written too.
        files: valid ? results.flatMap((r) => r.files) : [],
        ...(config ? { config } : {}),
    };
}


/***/ }),

/***/ 1945:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  VB: () => (/* binding */ bootstrapProposal),
  Dq: () => (/* binding */ proposalsFromPlan),
  mF: () => (/* binding */ rewrapProposal)
});

// UNUSED EXPORTS: REWRAP_KEY, fill, targetOf

// EXTERNAL MODULE: ./src/builtins.ts
var builtins = __webpack_require__(7227);
// EXTERNAL MODULE: ./src/report/inert.ts
var inert = __webpack_require__(1822);
// EXTERNAL MODULE: ./src/report/pull-request/marker.ts
var pull_request_marker = __webpack_require__(7896);
// EXTERNAL MODULE: ./src/report/pull-request/literal.ts
var literal = __webpack_require__(8955);
;// CONCATENATED MODULE: ./src/report/pull-request/promotion.ts


const code = (text) => (0,inert/* inertCode */.gQ)(text);
const commitUrl = (links, sha) => `${links.serverUrl}/${(0,inert/* urlPath */.Lx)(links.repository)}/commit/${(0,inert/* urlPath */.Lx)(sha)}`;
function promotionSection(env, links) {
    const p = env.promotion;
    if (!p)
        return [];
    const lines = [];
    const where = p.from
        ? `promoted from **${(0,inert/* inertText */.UJ)(p.from)}**, where it runs`
        : 'an explicitly chosen version';
    lines.push(`- Source: ${where}${p.downgrade ? ' — a **rollback**: the PackageInstall gets `packaging.carvel.dev/downgradable: ""`, removed again by the next upgrade' : ''}`);
    const source = p.source;
    if (source?.commit)
        lines.push(`- Upstream: ${source.trigger === 'healthy' ? 'reported healthy at' : 'merged in'} ${commitUrl(links, source.commit)}`);
    if (source?.status)
        lines.push(`- Allowed by the commit status ${code(source.status.context)} = ${code(source.status.state)}${source.status.targetUrl && /^https:\/\//.test(source.status.targetUrl) ? ` (${(0,literal/* literal */.eu)(source.status.targetUrl)})` : ''}`);
    if (source?.trigger === 'manual')
        lines.push('- Requested by hand (mode promote).');
    return lines;
}

// EXTERNAL MODULE: ./src/report/pull-request/review.ts
var review = __webpack_require__(8706);
;// CONCATENATED MODULE: ./src/report/pull-request/body.ts




const cell = (text) => (0,inert/* inertCell */.B5)(text);
const body_code = (text) => (0,inert/* inertCode */.gQ)(text);
/** A diagnostic's message: longer than a cell, still one inert line. */
const message = (text) => (0,inert/* inertText */.UJ)(text, 600);
const at = (d, column) => body_code(`${d.file || '(input)'}${d.line ? `:${d.line}${column ? `:${d.column}` : ''}` : ''}`);
/** GitHub refuses a pull request body longer than this (characters; UTF-16 code units are never fewer). */
const BODY_LIMIT = 65_536;
/** Room kept for the truncation note and the marker line. */
const MARGIN = 1_000;
/** The verdict of the plan that produced the branch's head, as the gate reports it. */
const gateLine = (valid) => `- Gate (\`flux-pkg/validate\`, posted on this head): **${valid ? 'passed' : 'failed'}** — the plan that wrote this head found the Package valid as kapp-controller checks it and the environment's values valid against its \`valuesSchema\`.`;
function pullRequestBody(env, result, links) {
    const marker = (0,pull_request_marker/* writeMarker */.en)((0,pull_request_marker/* markerKey */.s8)(env.component, env.environment), markerFields(env));
    return fitted((budget) => environmentLines(env, result, links, budget), marker);
}
/**
 * The body from `render`, in full when it fits under GitHub's limit, else with the long parts
 * shortened, else cut at a line with the cut stated; the marker stays the last line.
 */
function fitted(render, marker) {
    const max = BODY_LIMIT - MARGIN;
    let lines = render(review/* FULL */.eW);
    if (lines.join('\n').length > max) {
        lines = [
            ...render(review/* COMPACT */.ih),
            '',
            `_Long parts are shortened to keep this body under GitHub's ${BODY_LIMIT.toLocaleString('en-US')}-character limit; \`flux-pkg plan\` prints them in full._`,
        ];
    }
    let text = lines.join('\n');
    if (text.length > max) {
        const cut = text.lastIndexOf('\n', max - MARGIN);
        text = `${closeOpen(text.slice(0, cut))}\n\n_**Truncated** here: the body would exceed GitHub's ${BODY_LIMIT.toLocaleString('en-US')}-character limit; \`flux-pkg plan\` prints everything._`;
    }
    return `${text}\n\n${marker}\n`;
}
/** Close what a cut left open (a fenced block, a <pre>, <details>), so the rest renders as it should. */
function closeOpen(text) {
    const lines = text.split('\n');
    let out = text;
    if (lines.filter((l) => l.startsWith('```')).length % 2 === 1)
        out += '\n```';
    if (text.lastIndexOf('<pre>') > text.lastIndexOf('</pre>'))
        out += '\n</pre>';
    const open = (text.match(/<details>/g) ?? []).length - (text.match(/<\/details>/g) ?? []).length;
    for (let i = 0; i < open; i++)
        out += '\n\n</details>';
    return out;
}
function environmentLines(env, result, links, budget) {
    const warnings = result.diagnostics.filter((d) => d.severity === 'warning' && relevant(d, env));
    const lines = [
        `Deploys **${(0,inert/* inertText */.UJ)(env.component)}** ${body_code(env.toVersion)} to **${(0,inert/* inertText */.UJ)(env.environment)}**.`,
        '',
        '| component | environment | version | constraint |',
        '|---|---|---|---|',
        `| ${cell(env.component)} | ${cell(env.environment)} | ${(0,review/* versionChange */.Bn)(env)} | ${body_code(env.constraint)} |`,
        '',
        gateLine(env.valid),
        `- Package: ${(0,review/* packageLinks */.U1)(env, links)}`,
    ];
    // A promotion names its upstream commit itself: the trigger is said once.
    const upstream = env.promotion?.source?.commit;
    if (links.triggerSha && links.triggerSha !== upstream)
        lines.push(`- Triggered by: ${commitUrl(links, links.triggerSha)}`);
    lines.push(...promotionSection(env, links));
    lines.push(`- Files: ${env.files.map((f) => body_code(f.path)).join(', ')}`);
    lines.push(...(0,review/* reviewSection */.mM)(env, budget));
    if (warnings.length > 0) {
        lines.push('', '<details><summary>Warnings</summary>', '');
        for (const w of warnings)
            lines.push(`- ${at(w, false)} ${message(w.message)}`);
        lines.push('', '</details>');
    }
    lines.push('', 'Merging this pull request is the promotion gate: Flux applies the environment folder once it is on the base branch.');
    return lines;
}
/** What the marker records besides the key: what a later run checks the PR against. */
function markerFields(env) {
    const p = env.promotion;
    return {
        version: env.toVersion,
        trigger: p ? (p.source?.trigger ?? 'manual') : undefined,
        from: p?.from,
        upstream: p?.source?.commit,
        downgrade: p?.downgrade ? 'true' : undefined,
    };
}
function relevant(d, env) {
    return d.file === env.packageFile || env.files.some((f) => f.path === d.file);
}
/** The body of a per-environment pull request: one row per component it deploys. */
function environmentPullRequestBody(key, environment, targets, result, links) {
    const envs = result.environments.filter((e) => e.environment === environment && targets.some((t) => t.component === e.component));
    const render = (budget) => {
        const lines = [
            `Deploys ${targets.length} components to **${(0,inert/* inertText */.UJ)(environment)}**.`,
            '',
            '| component | version | constraint | values keys changed | files |',
            '|---|---|---|---|---|',
            ...envs.map((e) => `| ${cell(e.component)} | ${(0,review/* versionChange */.Bn)(e)} | ${body_code(e.constraint)} | ${e.valuesKeysChanged.length > 0 ? e.valuesKeysChanged.map(body_code).join(', ') : 'none'} | ${e.files.map((f) => body_code(f.path)).join(', ')} |`),
            '',
            gateLine(envs.every((e) => e.valid)),
        ];
        if (links.triggerSha)
            lines.push(`- Triggered by: ${commitUrl(links, links.triggerSha)}`);
        for (const e of envs) {
            lines.push('', `### ${(0,inert/* inertText */.UJ)(e.component)}: ${(0,review/* versionChange */.Bn)(e)}`, '', `- Package: ${(0,review/* packageLinks */.U1)(e, links)}`);
            lines.push(...(0,review/* reviewSection */.mM)(e, budget));
        }
        lines.push('', 'Merging this pull request is the promotion gate: Flux applies the environment folders once they are on the base branch.');
        return lines;
    };
    return fitted(render, (0,pull_request_marker/* writeMarker */.en)(key));
}

;// CONCATENATED MODULE: ./src/report/pull-request/bootstrap.ts




const bootstrap_code = (text) => `\`${text.replaceAll('`', "'").replaceAll('|', '\\|').replaceAll('\n', ' ')}\``;
function bootstrapPullRequestBody(key, environment, result, params, links) {
    return fitted((budget) => bootstrapLines(environment, result, params, links, budget), (0,pull_request_marker/* writeMarker */.en)(key));
}
function bootstrapLines(environment, result, params, links, budget) {
    const lines = [
        `Bootstraps environment **${environment}** for ${params.map((p) => bootstrap_code(p.component)).join(', ')}: the environment folder, the run cluster's RBAC and the Brain cluster's Flux objects. Once merged, the Brain's Flux applies it.`,
        '',
        '| component | version | target namespace | Flux API | files |',
        '|---|---|---|---|---|',
    ];
    for (const p of params) {
        const env = result.environments.find((e) => e.component === p.component);
        const files = env?.files.map((f) => bootstrap_code(f.path)).join(', ') ?? '';
        const version = env?.toVersion ? bootstrap_code(env.toVersion) : 'kept';
        lines.push(`| ${bootstrap_code(p.component)} | ${version} | ${bootstrap_code(p.targetNamespace)} | ${bootstrap_code(p.fluxApiVersion)} | ${files} |`);
    }
    const config = result.files.find((f) => !result.environments.some((e) => e.files.includes(f)));
    if (config)
        lines.push('', `Also ${config.action === 'create' ? 'creates' : 'updates'} ${bootstrap_code(config.path)}.`);
    lines.push('', '**Before merging**, create these Secrets on the Brain cluster (names only here):', '');
    for (const line of secretCommands(params))
        lines.push(`    ${line}`);
    if (params.some((p) => p.fluxApiVersion === 'v1beta2'))
        lines.push('', 'Flux `v1beta2` has no `healthCheckExprs`: a failed PackageInstall is not reported as unhealthy there.');
    lines.push('', gateLine(result.valid));
    for (const env of result.environments.filter((e) => e.review)) {
        lines.push('', `### ${(0,inert/* inertText */.UJ)(env.component)}: ${(0,review/* versionChange */.Bn)(env)}`, '', `- Package: ${(0,review/* packageLinks */.U1)(env, links)}`);
        lines.push(...(0,review/* reviewSection */.mM)(env, budget));
    }
    lines.push('', `Planned on ${links.repository}@${links.baseSha.slice(0, 12)}.`);
    return lines;
}
/** The commands that create every Secret the Flux objects name (deduplicated across components). */
function secretCommands(params) {
    const lines = new Set();
    for (const p of params) {
        const ns = p.fluxNamespace;
        lines.add(`kubectl -n ${ns} create secret generic ${p.kubeconfigSecretName} --from-file=value=./${p.environment}.kubeconfig`);
        if (p.gitSecretName)
            lines.add(`flux create secret git ${p.gitSecretName} -n ${ns} --url=${p.gitUrl} ...`);
        if (p.notifications)
            lines.add(`kubectl -n ${ns} create secret generic ${p.notifications.tokenSecretName} --from-literal=token=<a GitHub token with commit-status rights>`);
        if (p.sopsSecretName)
            lines.add(`kubectl -n ${ns} create secret generic ${p.sopsSecretName} --from-file=age.agekey=<the age key file>`);
    }
    return [...lines];
}

;// CONCATENATED MODULE: ./src/plan/proposals/proposals.ts
/**
 * Proposals: one pull request's worth of change each — its branch key, files, title, body, marker
 * fields and decoration. The planner's results become proposals here (pure); the delivery shell
 * publishes any list of them.
 */




const targetOf = (env) => ({
    component: env.component,
    environment: env.environment,
    fromVersion: env.fromVersion,
    toVersion: env.toVersion,
});
function fill(template, target) {
    return template
        .replaceAll('{component}', target.component)
        .replaceAll('{environment}', target.environment)
        .replaceAll('{version}', target.toVersion ?? '')
        .replaceAll('{from}', target.fromVersion ?? 'none');
}
const union = (...lists) => [
    ...new Set(lists.flatMap((l) => l ?? [])),
];
/**
 * The plan's environments as pull requests. `per-component`: one per (component, environment).
 * `per-environment`: one per environment holding every component the plan changes there; its key
 * names the set of components, so the same batch updates its PR and a different batch gets its own.
 */
function proposalsFromPlan(result, style, flow = 'per-component') {
    const single = perComponent(result, style);
    if (flow === 'per-component')
        return single;
    // Only changes are batched: a component already up to date keeps its own proposal, which closes
    // a per-component PR that is no longer needed.
    const unchanged = single.filter((p) => p.files.length === 0);
    const byEnvironment = new Map();
    for (const p of single.filter((p) => p.files.length > 0)) {
        const env = p.targets[0].environment;
        byEnvironment.set(env, [...(byEnvironment.get(env) ?? []), p]);
    }
    const batched = [...byEnvironment.entries()].map(([environment, group]) => group.length === 1 ? group[0] : combined(environment, group, result, style));
    return [...batched, ...unchanged];
}
function combined(environment, group, result, style) {
    const targets = group.flatMap((p) => p.targets);
    const components = targets.map((t) => t.component).sort();
    const setId = (0,builtins/* nodeCrypto */.S)().createHash('sha256').update(components.join('\n')).digest('hex').slice(0, 8);
    const files = group.flatMap((p) => p.files);
    const title = `Deploy ${targets.length} components to ${environment}`;
    const key = `_environments/${environment}/${setId}`;
    return {
        key,
        targets,
        files,
        closing: group.flatMap((p) => p.closing ?? p.targets.map((target) => ({ target }))),
        title,
        body: environmentPullRequestBody(key, environment, targets, result, style.links),
        commitMessage: `${title}\n\n${targets.map((t) => `${t.component} ${t.fromVersion ?? 'new'} -> ${t.toVersion ?? ''}`).join('\n')}\n`,
        version: undefined,
        knownVersions: [],
        labels: union(...group.map((p) => p.labels)),
        reviewers: union(...group.map((p) => p.reviewers)),
        teamReviewers: union(...group.map((p) => p.teamReviewers)),
        draft: style.draft,
        autoMerge: group.every((p) => p.autoMerge === group[0].autoMerge) ? group[0].autoMerge : false,
    };
}
function perComponent(result, style) {
    return result.environments.map((env) => {
        const target = targetOf(env);
        const settings = env.settings;
        const changes = env.files.map((f) => `${f.action === 'create' ? 'add' : 'update'} ${f.path}`);
        return {
            key: `${env.component}/${env.environment}`,
            targets: [target],
            files: env.files,
            // A rollback that holds the environment is the reason its open PR closes, not the base.
            closing: [env.held ? { target, held: env.held } : { target }],
            title: fill(style.title, target),
            body: pullRequestBody(env, result, style.links),
            commitMessage: `${fill(style.commitMessage, target)}\n\n${changes.join('\n')}\n`,
            version: env.toVersion,
            knownVersions: env.knownVersions ?? [],
            labels: union(settings?.labels, style.labels),
            reviewers: union(settings?.reviewers, style.reviewers),
            teamReviewers: union(settings?.teamReviewers, style.teamReviewers),
            draft: style.draft,
            autoMerge: style.autoMerge || (settings?.autoMerge ?? false),
        };
    });
}
/**
 * A bootstrap's one pull request. Its key names the environment and the components (one by name,
 * several by a digest of the set), so a rerun with the same inputs updates the same PR. The leading
 * `_` keeps it apart from install branches: no component name starts with one.
 */
function bootstrapProposal(result, style) {
    const env = result.environment;
    const components = result.params.map((p) => p.component).sort();
    const setId = components.length === 1
        ? components[0]
        : (0,builtins/* nodeCrypto */.S)().createHash('sha256').update(components.join('\n')).digest('hex').slice(0, 8);
    const key = `_bootstrap/${env}/${setId}`;
    const title = components.length === 1
        ? `Bootstrap ${components[0]} in ${env}`
        : `Bootstrap ${components.length} components in ${env}`;
    const changes = result.files.map((f) => `${f.action === 'create' ? 'add' : 'update'} ${f.path}`);
    return {
        key,
        targets: result.environments.map(targetOf),
        files: result.files,
        title,
        body: bootstrapPullRequestBody(key, env, result, result.params, style.links),
        commitMessage: `${title}\n\n${changes.join('\n')}\n`,
        version: undefined,
        knownVersions: [],
        labels: union(...result.environments.map((e) => e.settings?.labels), style.labels),
        reviewers: union(...result.environments.map((e) => e.settings?.reviewers), style.reviewers),
        teamReviewers: union(...result.environments.map((e) => e.settings?.teamReviewers), style.teamReviewers),
        draft: style.draft,
        autoMerge: style.autoMerge,
    };
}
/** The one pull request re-wrapping data keys after a `.sops.yaml` recipient change on the base. */
const REWRAP_KEY = 'sops-updatekeys';
/**
 * The re-wrap pull request: each file with the recipients added and removed (public keys only), its
 * files the re-wrapped texts. No files: the base already agrees, and an open one is closed.
 */
function rewrapProposal(changes, files, style) {
    const title = 'Re-wrap SOPS data keys for the recipients .sops.yaml gives';
    const lines = changes.flatMap((c) => [
        `- \`${c.file}\``,
        ...c.added.map((r) => `  - added \`${r}\``),
        ...c.removed.map((r) => `  - removed \`${r}\``),
    ]);
    const body = [
        `## ${title}`,
        '',
        'The recipients in `.sops.yaml` changed on the base branch. This pull request wraps each file’s data key for them (`sops updatekeys`): values, their ciphertext, `lastmodified` and the MAC are unchanged.',
        '',
        ...lines,
        '',
        'A removed recipient that kept a copy of a data key can still read the values it could read before: rotate the data key (`sops rotate`) and the secrets themselves if that matters.',
        '',
        (0,pull_request_marker/* writeMarker */.en)(REWRAP_KEY),
    ].join('\n');
    return {
        key: REWRAP_KEY,
        targets: [],
        files,
        title,
        body,
        commitMessage: `${title}\n\n${changes.map((c) => `update ${c.file}`).join('\n')}\n`,
        version: undefined,
        knownVersions: [],
        labels: [...style.labels],
        reviewers: [...style.reviewers],
        teamReviewers: [...style.teamReviewers],
        draft: style.draft,
        autoMerge: false,
    };
}


/***/ })

};
