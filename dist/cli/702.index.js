export const id = 702;
export const ids = [702];
export const modules = {

/***/ 8702:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  loadStatus: () => (/* binding */ loadStatus)
});

// EXTERNAL MODULE: ./src/config/config.ts + 1 modules
var config = __webpack_require__(6400);
// EXTERNAL MODULE: ./src/carvel/semver.ts
var semver = __webpack_require__(6533);
;// CONCATENATED MODULE: ./src/report/summary/status.ts
/**
 * Where every version runs: the component × environment matrix — the version each environment's
 * PackageInstall selects, which environments are behind the one they promote from, which are
 * invalid, which have no folder. Pure: loadStatus() (src/plan/status.ts) gathers the input through
 * the planner (validate) and the Package files; the renderings are in status-render.ts.
 */

const older = (a, b) => {
    const [x, y] = [(0,semver/* parseRelaxed */.X)(a), (0,semver/* parseRelaxed */.X)(b)];
    return x !== undefined && y !== undefined && (0,semver/* compare */.UD)(x, y) < 0;
};
function buildStatus(input) {
    const { config, validation } = input;
    const configured = config.environments ?? [];
    const listed = new Set(configured.map((e) => e.name));
    const extra = [...new Set(input.components.flatMap((c) => c.folders))].filter((f) => !listed.has(f)).sort();
    const environments = [
        ...configured.map((e) => e.promoteFrom ? { name: e.name, promoteFrom: e.promoteFrom } : { name: e.name }),
        ...extra.map((name) => ({ name })),
    ];
    const components = input.components.map((c) => {
        const only = config.components[c.name]?.environments;
        const own = environments.filter((e) => c.folders.includes(e.name) || (listed.has(e.name) && (!only || only.includes(e.name))));
        const cells = own.map((e) => {
            const cell = { environment: e.name, state: 'missing' };
            if (e.promoteFrom)
                cell.promoteFrom = e.promoteFrom;
            if (!c.folders.includes(e.name))
                return cell;
            const result = validation.environments.find((r) => r.component === c.name && r.environment === e.name);
            if (result?.toVersion)
                cell.version = result.toVersion;
            if (result?.constraint !== undefined)
                cell.constraint = result.constraint;
            cell.state = result?.valid ? 'current' : 'invalid';
            return cell;
        });
        for (const cell of cells) {
            const upstream = cells.find((u) => u.environment === cell.promoteFrom);
            if (cell.state === 'current' && upstream?.state !== 'invalid' && upstream?.version && cell.version) {
                if (older(cell.version, upstream.version)) {
                    cell.state = 'behind';
                    cell.upstreamVersion = upstream.version;
                }
            }
        }
        return { component: c.name, versions: [...c.versions], cells };
    });
    return { environments, components, valid: validation.valid, diagnostics: validation.diagnostics };
}
/**
 * The run's `promotion.out-of-order` errors on the matrix: the matrix is built from the head alone,
 * which cannot know the order (that needs the base branch), so it would show such an environment as
 * current next to the error. The diagnostic names the environment's PackageInstall:
 * `[<subpath>/]<component>/<environment>/<file>`.
 */
function flagOutOfOrder(model, diagnostics) {
    const flagged = diagnostics
        .filter((d) => d.code === 'promotion.out-of-order' && d.severity === 'error')
        .map((d) => d.file.split('/'))
        .filter((parts) => parts.length >= 3)
        .map((parts) => ({ component: parts.at(-3), environment: parts.at(-2) }));
    if (flagged.length === 0)
        return model;
    const components = model.components.map((c) => ({
        ...c,
        cells: c.cells.map((cell) => flagged.some((f) => f.component === c.component && f.environment === cell.environment)
            ? { ...cell, outOfOrder: true }
            : cell),
    }));
    return { ...model, components };
}
/**
 * The environments a run left unread (`component/environment`), shown as such instead of as
 * missing: the action's matrix is built from the files the run read, not a read per other
 * environment (`flux-pkg status` reads every one).
 */
function markUnread(model, unread) {
    if (unread.size === 0)
        return model;
    const components = model.components.map((c) => ({
        ...c,
        cells: c.cells.map((cell) => cell.state === 'missing' && unread.has(`${c.component}/${cell.environment}`)
            ? { ...cell, state: 'unread' }
            : cell),
    }));
    return { ...model, components };
}

// EXTERNAL MODULE: ./src/plan/load/load.ts + 1 modules
var load = __webpack_require__(2331);
// EXTERNAL MODULE: ./src/plan/load/reader.ts + 1 modules
var load_reader = __webpack_require__(4429);
// EXTERNAL MODULE: ./src/plan/model/repository.ts
var repository = __webpack_require__(1925);
// EXTERNAL MODULE: ./src/plan/plan.ts + 1 modules
var plan = __webpack_require__(8597);
;// CONCATENATED MODULE: ./src/plan/modes/status/run.ts
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
    const loaded = options.loaded ?? (await (0,config/* loadConfig */.Z9)(snapshot));
    const only = options.components ? [...options.components] : undefined;
    const validation = options.validation ?? (await (0,plan/* plan */.e)(snapshot, { kind: 'validate', components: only }, loaded));
    const paths = (await snapshot.list()).map((e) => e.path);
    const reader = new load_reader/* RepoReader */.W(snapshot);
    const components = [];
    const layouts = (0,repository/* discover */.k4)(paths, loaded.config.layout).filter((c) => !only || only.includes(c.name));
    reader.prefetch(layouts[0]?.packageFiles ?? []);
    for (const [i, c] of layouts.entries()) {
        reader.prefetch(layouts[i + 1]?.packageFiles ?? []);
        const { packages } = await (0,load/* loadPackages */.Ej)(reader, c);
        reader.forget(c.dir);
        components.push({ name: c.name, folders: c.environments, versions: packages.map((p) => p.version) });
    }
    return buildStatus({ config: loaded.config, components, validation });
}


/***/ })

};
