export const id = 544;
export const ids = [544];
export const modules = {

/***/ 5544:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bootstrap: () => (/* binding */ bootstrap)
/* harmony export */ });
/* harmony import */ var _github_deliver_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7118);
/* harmony import */ var _plan_plan_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8720);
/* harmony import */ var _plan_proposals_proposals_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1945);
/* harmony import */ var _install_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3372);
/* harmony import */ var _report_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6705);
/* harmony import */ var _session_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5851);
/**
 * Mode bootstrap (the default for workflow_dispatch): a new environment for one or more components
 * → one pull request with the environment folder, the run cluster's RBAC, the Brain's Flux objects
 * and flux-pkg.yaml. A rerun with the same inputs updates that pull request.
 */






async function bootstrap(session) {
    const { inputs } = session;
    let planned;
    const delivered = await (0,_github_deliver_js__WEBPACK_IMPORTED_MODULE_0__/* .deliver */ .cK)({
        ...(0,_session_js__WEBPACK_IMPORTED_MODULE_5__/* .deliveryOf */ .A9)(session),
        propose: async (base) => {
            const request = {
                ...bootstrapRequest(inputs.bootstrap, {
                    gitUrl: `${session.facts.serverUrl}/${session.ref.owner}/${session.ref.repo}.git`,
                    branch: session.baseBranch,
                }),
                // The Provider reports to this repository on this server (GITHUB_SERVER_URL), whatever git-url says.
                repositoryUrl: `${session.facts.serverUrl.replace(/\/+$/, '')}/${session.ref.owner}/${session.ref.repo}`,
                sops: (0,_session_js__WEBPACK_IMPORTED_MODULE_5__/* .sopsKeys */ .aN)(inputs),
                sopsAgeRecipients: (0,_session_js__WEBPACK_IMPORTED_MODULE_5__/* .sopsOverrides */ .p7)(inputs)?.sopsAgeRecipients,
            };
            const snapshot = (0,_session_js__WEBPACK_IMPORTED_MODULE_5__/* .snapshotOf */ .eY)(session, base.tree);
            const result = await (0,_github_deliver_js__WEBPACK_IMPORTED_MODULE_0__/* .api */ .FH)('reading the gitops repository', () => (0,_plan_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .plan */ .e)(snapshot, request));
            const proposals = result.valid ? [(0,_plan_proposals_proposals_js__WEBPACK_IMPORTED_MODULE_2__/* .bootstrapProposal */ .VB)(result, (0,_install_js__WEBPACK_IMPORTED_MODULE_3__.styleOf)(session, base))] : [];
            planned = { result, proposals };
            return planned;
        },
    }).catch(async (e) => {
        if (planned)
            await (0,_report_js__WEBPACK_IMPORTED_MODULE_4__/* .finish */ .O9)({ mode: 'bootstrap', dryRun: inputs.dryRun, ...planned, published: [] });
        throw e;
    });
    (0,_report_js__WEBPACK_IMPORTED_MODULE_4__/* .annotate */ .fz)(delivered.result.diagnostics);
    const report = { mode: 'bootstrap', dryRun: inputs.dryRun, ...delivered };
    if (!delivered.result.valid)
        await (0,_report_js__WEBPACK_IMPORTED_MODULE_4__/* .failInvalid */ .YH)(report);
    await (0,_report_js__WEBPACK_IMPORTED_MODULE_4__/* .finish */ .O9)(report);
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
