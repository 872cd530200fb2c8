export const id = 297;
export const ids = [297];
export const modules = {

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
