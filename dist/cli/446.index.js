export const id = 446;
export const ids = [446];
export const modules = {

/***/ 8446:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runPromote: () => (/* binding */ runPromote)
});

// EXTERNAL MODULE: ./src/config/graph.ts
var graph = __webpack_require__(9090);
// EXTERNAL MODULE: ./src/diagnostics.ts
var diagnostics = __webpack_require__(4851);
// EXTERNAL MODULE: ./src/plan/model/environment.ts + 1 modules
var environment = __webpack_require__(3926);
// EXTERNAL MODULE: ./src/plan/modes/install/deliver.ts + 3 modules
var deliver = __webpack_require__(6570);
;// CONCATENATED MODULE: ./src/carvel/schema-diff.ts
/**
 * What a new version's values schema changes for the people who keep an environment's values:
 * which values paths it adds, which it drops and which it now requires. Names only, never values.
 */
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Deep enough for real charts' values; a schema nested deeper is summarised at this depth. */
const MAX_DEPTH = 8;
function collect(schema, prefix, depth, out, requiredChain) {
    if (!isObject(schema) || depth > MAX_DEPTH)
        return;
    const properties = isObject(schema.properties) ? schema.properties : {};
    const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
    for (const [key, child] of Object.entries(properties)) {
        const path = `${prefix}.${key}`;
        out.all.add(path);
        // A key is required in effect only when every object above it is required too.
        const isRequired = requiredChain && required.has(key);
        if (isRequired)
            out.required.add(path);
        collect(child, path, depth + 1, out, isRequired);
    }
}
function pathsOf(schema) {
    const out = { all: new Set(), required: new Set() };
    collect(schema, '', 0, out, true);
    return out;
}
const minus = (a, b) => [...a].filter((p) => !b.has(p)).sort();
/** `before` undefined: the environment is new, everything the schema has counts as added. */
function schemaKeyChanges(before, after) {
    const [old, now] = [pathsOf(before), pathsOf(after)];
    return {
        added: minus(now.all, old.all),
        removed: minus(old.all, now.all),
        nowRequired: minus(now.required, old.required),
    };
}

// EXTERNAL MODULE: ./src/settings/declarations.ts
var declarations = __webpack_require__(9492);
// EXTERNAL MODULE: ./src/plan/model/context.ts
var context = __webpack_require__(4410);
// EXTERNAL MODULE: ./src/plan/model/repository.ts
var repository = __webpack_require__(1925);
;// CONCATENATED MODULE: ./src/plan/modes/promote/rules.ts
/**
 * promote: give environments the version another environment selects (a promotion along the
 * chain), or an explicit one (manual promotion, rollback). The target keeps its own values, checked
 * against the promoted version's schema; a version that goes down is refused unless allowed.
 * Synchronous rules; run.ts loads what each promotion looks at and plans it with install-into.ts.
 */






/** What makes a promotion impossible before anything is read (one line naming the input). */
function requestProblem(ctx, components, p) {
    const toName = (0,declarations/* nameOf */.Vb)('to-environment', ctx.wording);
    const fromName = (0,declarations/* nameOf */.Vb)('from-environment', ctx.wording);
    for (const [what, name] of [
        [toName, p.environment],
        [fromName, p.from],
    ]) {
        const problem = name === undefined ? undefined : (0,repository/* nameProblem */.rH)('environment', name);
        if (problem)
            return `${what} "${name}" ${problem}`;
    }
    const component = components.find((c) => c.name === p.component);
    if (!component)
        return `no component "${p.component}" in the repository (components: ${(0,repository/* componentList */.Gm)(components)})`;
    const known = (0,graph/* environmentsOf */.M2)(ctx.config, component.name, component.environments);
    if (!known.includes(p.environment))
        return `${component.name} has no environment "${p.environment}" (it has ${known.join(', ') || 'none'})`;
    const from = p.from ?? (0,graph/* upstreamOf */.Fw)(ctx.config, p.environment);
    if (from === p.environment)
        return `${fromName} and ${toName} are both "${p.environment}"`;
    if (from !== undefined && !component.environments.includes(from))
        return `${component.name} has no environment "${from}" to promote from`;
    if (from === undefined && p.version === undefined)
        return `${p.environment} does not promote from another environment (no promoteFrom in flux-pkg.yaml); name ${fromName} or an explicit version`;
    return undefined;
}
/**
 * A promotion past the target's promoteFrom (another --from, or an explicit version that
 * environment does not run yet): allowed here, but the gate's promotion-order rule
 * (modes/validate/rules.ts) will refuse its pull request unless it carries an override label.
 */
function skipsUpstream(ctx, promotion, version, upstream, upstreamRuns) {
    if (upstreamRuns !== undefined && (0,context/* versionOrder */.x)(version, upstreamRuns) <= 0)
        return undefined;
    const labels = ctx.config.promotion.overrideLabels;
    const has = upstreamRuns ? `does not have: it runs ${upstreamRuns}` : 'does not run';
    return (0,diagnostics/* warning */.$e)('promote.skips-upstream', `${promotion.environment} gets ${promotion.component} ${version}, which ${upstream} (its promoteFrom) ${has}; the gate (flux-pkg/validate) will refuse this pull request${labels.length > 0 ? ` unless it carries one of the labels ${labels.join(', ')}` : ''}`, '');
}
/** The environment a promotion takes its version from (undefined: an explicit version with no promoteFrom). */
function promotionSource(ctx, promotion) {
    return promotion.from ?? (0,graph/* upstreamOf */.Fw)(ctx.config, promotion.environment);
}
/**
 * The Package the promotion delivers: its explicit version, else the one `from` selects
 * (`selected`, from the loaded from-environment); undefined, with an error, when there is none.
 */
function promotedPackage(ctx, component, packages, promotion, selected) {
    const from = promotionSource(ctx, promotion);
    const version = promotion.version ?? selected;
    const packagesDir = `${component.dir}/${ctx.config.layout.packagesDir}`;
    if (version === undefined) {
        ctx.diagnostics.push((0,diagnostics/* error */.z3)('promote.no-version', `${from} selects no version of ${component.name} to promote`, packagesDir));
        return undefined;
    }
    const pkg = packages.packages.find((p) => p.version === version);
    if (!pkg) {
        ctx.diagnostics.push((0,diagnostics/* error */.z3)('promote.unknown-version', `${component.name} has no Package of version ${version} in ${packagesDir}/ (it has ${packages.packages.map((p) => p.version).join(', ') || 'none'})`, packagesDir));
        return undefined;
    }
    return pkg;
}
/** What the pull request says about a promotion planned into `result`. */
function describePromotion(ctx, result, packages, pkg, promotion) {
    const previous = packages.packages.find((p) => p.version === result.fromVersion);
    result.promotion = {
        from: promotion.version === undefined ? promotionSource(ctx, promotion) : promotion.from,
        source: promotion.source,
        downgrade: result.fromVersion !== undefined && (0,context/* versionOrder */.x)(result.fromVersion, pkg.version) > 0,
        releaseNotes: pkg.releaseNotes,
        valuesKeys: schemaKeyChanges(previous?.valuesSchema, pkg.valuesSchema),
    };
}

;// CONCATENATED MODULE: ./src/plan/modes/promote/run.ts
/**
 * promote's runner: per promotion, the component's Packages and the source environment's selection
 * loaded, the version chosen by the synchronous rules (rules.ts), the target delivered like an
 * install of that version (../install/deliver.ts).
 */





async function runPromote(ctx, loader, components, request) {
    const results = [];
    const byName = new Map(components.map((c) => [c.name, c]));
    for (const promotion of request.promotions) {
        const component = byName.get(promotion.component);
        const problem = requestProblem(ctx, components, promotion);
        if (problem || !component) {
            ctx.diagnostics.push((0,diagnostics/* error */.z3)('request.promote', problem ?? 'no such component', ''));
            continue;
        }
        const packages = await loader.packages(component);
        const from = promotionSource(ctx, promotion);
        // The from-environment is read without the caller's keys: only its PackageInstall matters.
        const selected = promotion.version === undefined && from !== undefined && component.environments.includes(from)
            ? (0,environment/* selectedVersion */.S6)(await loader.environment(component, from, false), packages)
            : undefined;
        const pkg = promotedPackage(ctx, component, packages, promotion, selected);
        if (!pkg)
            continue;
        const upstream = (0,graph/* upstreamOf */.Fw)(ctx.config, promotion.environment);
        if (upstream && component.environments.includes(upstream) && (from !== upstream || promotion.version)) {
            const upstreamRuns = (0,environment/* selectedVersion */.S6)(await loader.environment(component, upstream, false), packages);
            const skip = skipsUpstream(ctx, promotion, pkg.version, upstream, upstreamRuns);
            if (skip)
                ctx.diagnostics.push(skip);
        }
        const delivery = { pinned: pkg, downgrade: downgradeOf(request, promotion) };
        const overrides = { overrides: request.overrides };
        const result = await (0,deliver/* deliverInto */.Q)(ctx, loader, component, packages, promotion.environment, overrides, delivery);
        if (!result)
            continue;
        describePromotion(ctx, result, packages, pkg, promotion);
        results.push(result);
    }
    for (const component of new Set(request.promotions.map((p) => byName.get(p.component))))
        if (component)
            (0,deliver/* release */._)(ctx, loader, component);
    return results;
}
/**
 * A promotion the action starts by itself (merged, healthy) leaves an environment that runs a newer
 * version alone and keeps a rollback's hold, as install does: level-triggered delivery may offer it
 * again on every run. One a person asks for refuses a downgrade unless allowed.
 */
function downgradeOf(request, promotion) {
    if (request.allowDowngrade)
        return 'allow';
    const automatic = promotion.source?.trigger === 'merged' || promotion.source?.trigger === 'healthy';
    return automatic ? 'skip' : 'refuse';
}


/***/ })

};
