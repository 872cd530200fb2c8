export const id = 262;
export const ids = [262];
export const modules = {

/***/ 7262:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   loadStatus: () => (/* binding */ loadStatus)
/* harmony export */ });
/* harmony import */ var _config_config_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6400);
/* harmony import */ var _report_summary_status_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2343);
/* harmony import */ var _load_load_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2331);
/* harmony import */ var _load_reader_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4429);
/* harmony import */ var _model_repository_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1925);
/* harmony import */ var _plan_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8720);
/**
 * The input of the status matrix, gathered through the planner: flux-pkg.yaml, a whole-repo
 * validate, and each component's Package versions; `components` limits it to those (an action run
 * shows the components it touched).
 */






/**
 * The model for a snapshot. `loaded` and `validation`: what the caller already has (flux-pkg.yaml as
 * read, a whole-repo validate result), so a run that validated does not validate twice.
 */
async function loadStatus(snapshot, options = {}) {
    const loaded = options.loaded ?? (await (0,_config_config_js__WEBPACK_IMPORTED_MODULE_0__/* .loadConfig */ .Z9)(snapshot));
    const only = options.components ? [...options.components] : undefined;
    const validation = options.validation ?? (await (0,_plan_js__WEBPACK_IMPORTED_MODULE_5__/* .plan */ .e)(snapshot, { kind: 'validate', components: only }, loaded));
    const paths = (await snapshot.list()).map((e) => e.path);
    const reader = new _load_reader_js__WEBPACK_IMPORTED_MODULE_3__/* .RepoReader */ .W(snapshot);
    const components = [];
    const layouts = (0,_model_repository_js__WEBPACK_IMPORTED_MODULE_4__/* .discover */ .k4)(paths, loaded.config.layout).filter((c) => !only || only.includes(c.name));
    reader.prefetch(layouts[0]?.packageFiles ?? []);
    for (const [i, c] of layouts.entries()) {
        reader.prefetch(layouts[i + 1]?.packageFiles ?? []);
        const { packages } = await (0,_load_load_js__WEBPACK_IMPORTED_MODULE_2__/* .loadPackages */ .Ej)(reader, c);
        reader.forget(c.dir);
        components.push({ name: c.name, folders: c.environments, versions: packages.map((p) => p.version) });
    }
    return (0,_report_summary_status_js__WEBPACK_IMPORTED_MODULE_1__/* .buildStatus */ .Bg)({ config: loaded.config, components, validation });
}


/***/ })

};
