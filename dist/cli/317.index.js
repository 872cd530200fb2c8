export const id = 317;
export const ids = [317];
export const modules = {

/***/ 1317:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runInstall: () => (/* binding */ runInstall)
});

// EXTERNAL MODULE: ./src/plan/modes/install/deliver.ts + 3 modules
var deliver = __webpack_require__(6570);
// EXTERNAL MODULE: ./src/config/graph.ts
var graph = __webpack_require__(9090);
// EXTERNAL MODULE: ./src/diagnostics.ts
var diagnostics = __webpack_require__(4851);
// EXTERNAL MODULE: ./src/plan/model/boundaries.ts
var boundaries = __webpack_require__(2391);
// EXTERNAL MODULE: ./src/plan/model/context.ts
var context = __webpack_require__(4410);
;// CONCATENATED MODULE: ./src/plan/modes/install/targets.ts




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
            ctx.diagnostics.push((0,diagnostics/* error */.z3)('request.package', exists
                ? `${path} is not in a component's ${ctx.config.layout.packagesDir}/ folder`
                : `${path} does not exist in the repository`, path));
            continue;
        }
        if (wanted && !wanted.includes(component.name))
            continue;
        const packages = loaded.get(component);
        const inFile = packages.packages.filter((p) => p.file === path);
        if (inFile.length === 0) {
            if (!(0,diagnostics/* hasErrors */.Cs)(packages.diagnostics.filter((d) => d.file === path)))
                ctx.diagnostics.push((0,diagnostics/* error */.z3)('request.package', `${path} holds no Package`, path));
            continue;
        }
        const newest = inFile.reduce((a, b) => ((0,context/* versionOrder */.x)(a.version, b.version) >= 0 ? a : b));
        const current = targets.get(component.name)?.pinned;
        // Several versions of one component in one push: the newest supersedes the others.
        if (!current || (0,context/* versionOrder */.x)(newest.version, current.version) > 0)
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
    const direct = (0,graph/* environmentsOf */.M2)(config, component.name, component.environments).filter((env) => (0,graph/* takesNewVersions */.QS)(config, env));
    return filter ? direct.filter((env) => filter.includes(env)) : direct;
}
/** An environment filter that matched no environment of the targets is an error, not an empty plan. */
function environmentFilterMatchedNothing(ctx, targets, request) {
    const envFilter = request.environments;
    if (!envFilter || targets.length === 0)
        return;
    if (targets.some((t) => installEnvironments(ctx, t, request).length > 0))
        return;
    ctx.diagnostics.push((0,diagnostics/* error */.z3)(boundaries/* NO_MATCH */.IP, `the environment filter (${envFilter.join(', ')}) names no environment that takes new versions directly`, ''));
}
/**
 * Every promotion on merge the repository could owe (a full scan, when nothing says what changed):
 * each component's environments promoting on merge from an environment it has. The promote rules
 * leave those whose target already runs the source's version, or a newer one, as they are.
 */
function everyMergePromotion(config, components, commit) {
    return components.flatMap((component) => component.environments.flatMap((from) => promotedOn(config, from, 'merged')
        .filter((to) => component.environments.includes(to))
        .filter((to) => environmentsOf(config, component.name, component.environments).includes(to))
        .map((to) => ({
        component: component.name,
        environment: to,
        from,
        source: { trigger: 'merged', commit },
    }))));
}

;// CONCATENATED MODULE: ./src/plan/modes/install/run.ts


async function runInstall(ctx, loader, components, request) {
    const toLoad = componentsToLoad(components, request);
    const loaded = new Map();
    if (!request.packages)
        loader.reader.prefetch(toLoad[0]?.packageFiles ?? []);
    for (const [i, component] of toLoad.entries()) {
        if (!request.packages)
            loader.reader.prefetch(toLoad[i + 1]?.packageFiles ?? []);
        loaded.set(component, await loader.packages(component));
    }
    const targets = installTargets(ctx, components, request, loaded);
    // planInstallInto() looks at an environment's files only when the component has one refName.
    const prefetch = (i) => {
        const target = targets[i];
        if (target?.packages.refName)
            loader.prefetch(target.component, installEnvironments(ctx, target, request), false);
    };
    prefetch(0);
    const results = [];
    for (const [i, target] of targets.entries()) {
        prefetch(i + 1);
        const { component, packages, pinned } = target;
        for (const environment of installEnvironments(ctx, target, request)) {
            const result = await (0,deliver/* deliverInto */.Q)(ctx, loader, component, packages, environment, request, { pinned });
            if (result)
                results.push(result);
        }
        (0,deliver/* release */._)(ctx, loader, component);
    }
    environmentFilterMatchedNothing(ctx, targets, request);
    return results;
}


/***/ })

};
