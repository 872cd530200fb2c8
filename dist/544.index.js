export const id = 544;
export const ids = [544];
export const modules = {

/***/ 5544:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bootstrap: () => (/* binding */ bootstrap)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _config_config_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6400);
/* harmony import */ var _github_deliver_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7118);
/* harmony import */ var _github_publish_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5088);
/* harmony import */ var _github_snapshot_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3508);
/* harmony import */ var _github_tree_walk_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7141);
/* harmony import */ var _plan_plan_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8720);
/* harmony import */ var _plan_proposals_proposals_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1945);
/* harmony import */ var _install_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(3372);
/* harmony import */ var _report_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(6705);
/* harmony import */ var _session_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(164);
/**
 * Mode bootstrap (the default for workflow_dispatch): a new environment for one or more components
 * → one pull request with the environment folder, the run cluster's RBAC, the Brain's Flux objects
 * and flux-pkg.yaml. A rerun with the same inputs updates that pull request.
 */











async function bootstrap(session) {
    const { inputs } = session;
    let planned;
    const delivered = await (0,_github_deliver_js__WEBPACK_IMPORTED_MODULE_2__/* .deliver */ .cK)({
        ...(0,_session_js__WEBPACK_IMPORTED_MODULE_10__/* .deliveryOf */ .A9)(session),
        // Past GitHub's one-read limit, the base is read only where a bootstrap looks (readFor below).
        partialBase: true,
        propose: async (base) => {
            if (base.partial)
                await readFor(session, base, inputs.bootstrap.components);
            const request = {
                ...bootstrapRequest(inputs.bootstrap, {
                    gitUrl: `${session.facts.serverUrl}/${session.ref.owner}/${session.ref.repo}.git`,
                    branch: session.baseBranch,
                }),
                // The Provider reports to this repository on this server (GITHUB_SERVER_URL), whatever git-url says.
                repositoryUrl: `${session.facts.serverUrl.replace(/\/+$/, '')}/${session.ref.owner}/${session.ref.repo}`,
                sops: (0,_session_js__WEBPACK_IMPORTED_MODULE_10__/* .sopsKeys */ .aN)(inputs),
                sopsAgeRecipients: (0,_session_js__WEBPACK_IMPORTED_MODULE_10__/* .sopsOverrides */ .p7)(inputs)?.sopsAgeRecipients,
            };
            const snapshot = (0,_session_js__WEBPACK_IMPORTED_MODULE_10__/* .snapshotOf */ .eY)(session, base.tree);
            const result = await (0,_github_deliver_js__WEBPACK_IMPORTED_MODULE_2__/* .api */ .FH)('reading the gitops repository', () => (0,_plan_plan_js__WEBPACK_IMPORTED_MODULE_6__/* .plan */ .e)(snapshot, request));
            const proposals = result.valid ? [(0,_plan_proposals_proposals_js__WEBPACK_IMPORTED_MODULE_7__/* .bootstrapProposal */ .VB)(result, (0,_install_js__WEBPACK_IMPORTED_MODULE_8__.styleOf)(session, base))] : [];
            planned = { result, proposals };
            return planned;
        },
    }).catch(async (e) => {
        if (planned)
            await (0,_report_js__WEBPACK_IMPORTED_MODULE_9__/* .finish */ .O9)({ mode: 'bootstrap', dryRun: inputs.dryRun, ...planned, published: [] });
        throw e;
    });
    (0,_report_js__WEBPACK_IMPORTED_MODULE_9__/* .annotate */ .fz)(delivered.result.diagnostics);
    const report = { mode: 'bootstrap', dryRun: inputs.dryRun, ...delivered };
    if (!delivered.result.valid)
        await (0,_report_js__WEBPACK_IMPORTED_MODULE_9__/* .failInvalid */ .YH)(report);
    await (0,_report_js__WEBPACK_IMPORTED_MODULE_9__/* .finish */ .O9)(report);
}
/**
 * A base too large for one tree read, read where a bootstrap looks: flux-pkg.yaml (at the root,
 * already listed), the whole Brain folder (its root list and each component's folder) and the
 * folder of each component bootstrapped. Component `*`, or a flux-pkg.yaml that lists no
 * environments (the environments are then every component's folders, which the edit of
 * flux-pkg.yaml lists), needs every component: a walk of the folders under componentsPath, one
 * subtree read per component folder, counted against the REST budget first (checkWalkFits).
 */
async function readFor(session, base, components) {
    const { config } = await (0,_github_deliver_js__WEBPACK_IMPORTED_MODULE_2__/* .api */ .FH)('reading flux-pkg.yaml', () => (0,_config_config_js__WEBPACK_IMPORTED_MODULE_1__/* .loadConfig */ .Z9)(new _github_snapshot_js__WEBPACK_IMPORTED_MODULE_4__/* .GitHubSnapshot */ .uH(session.objects, base.tree)));
    const root = config.layout.componentsPath.replace(/\/+$/, '');
    const brain = config.layout.brainPath.replace(/\/+$/, '');
    const join = (name) => (root ? `${root}/${name}` : name);
    const every = components.includes('*') || !config.environments;
    const names = every
        ? await (0,_github_deliver_js__WEBPACK_IMPORTED_MODULE_2__/* .api */ .FH)('listing the component folders', () => (0,_github_tree_walk_js__WEBPACK_IMPORTED_MODULE_5__/* .componentNames */ .w$)(session.objects, base.index, config.layout))
        : components;
    const dirs = [...names.map(join), ...(brain ? [brain] : [])];
    const why = components.includes('*') ? 'component *' : 'flux-pkg.yaml lists no environments';
    if (every)
        checkWalkFits(session, { folders: names.length, reads: (0,_github_tree_walk_js__WEBPACK_IMPORTED_MODULE_5__/* .readsToWiden */ .Em)([base.index], dirs), why });
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`the tree is larger than one API read: reading the Brain folder and ${names.length} component folder(s)${every ? ` (every one: ${why})` : ''}`);
    await (0,_github_deliver_js__WEBPACK_IMPORTED_MODULE_2__/* .api */ .FH)('reading the gitops repository', () => (0,_github_tree_walk_js__WEBPACK_IMPORTED_MODULE_5__/* .widen */ .oP)(session.objects, base.index, dirs));
    (0,_github_publish_js__WEBPACK_IMPORTED_MODULE_3__/* .refreshFiles */ .hZ)(base);
}
/**
 * A walk of every component folder is counted before it starts, and refused (before any write:
 * this runs while planning) when its reads do not fit in the REST budget above its reserve
 * (budget.ts `affordable`, as deliver.ts `withinBudget` asks).
 */
function checkWalkFits(session, walk) {
    const { budget } = session;
    if (budget.affordable([walk.reads]) >= 1)
        return;
    const refills = budget.resetAt === undefined
        ? ''
        : ` (at ${new Date(budget.resetAt * 1000).toISOString().replace(/\.\d+Z$/, 'Z')})`;
    throw new _report_js__WEBPACK_IMPORTED_MODULE_9__/* .ActionError */ .lZ(`bootstrap with ${walk.why} needs every component folder, and the base's tree is larger than GitHub lists in one read (over 100,000 entries or 7 MB): that is ${walk.folders} component folder(s), ${walk.reads} tree read(s) through the API, and the REST budget has ${budget.remaining} request(s) left, ${budget.reserve} of them kept for the repository's other workflows. No component folder was read and nothing was written: rerun after the budget refills${refills}, or name the components to bootstrap`);
}
/** The planner's request from the inputs (the CLI builds the same from its flags). */
function bootstrapRequest(given, defaults) {
    const { components, environment, gitUrl, ...rest } = given;
    return {
        kind: 'bootstrap',
        ...rest,
        components,
        environment: environment ?? '',
        gitUrl: gitUrl ?? defaults.gitUrl,
        branch: defaults.branch,
    };
}


/***/ })

};
