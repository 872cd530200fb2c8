export const id = 873;
export const ids = [873];
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


/***/ })

};
