export const id = 347;
export const ids = [347];
export const modules = {

/***/ 4347:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runValidate: () => (/* binding */ runValidate)
});

// EXTERNAL MODULE: ./src/diagnostics.ts
var diagnostics = __webpack_require__(4851);
// EXTERNAL MODULE: ./src/plan/model/boundaries.ts
var boundaries = __webpack_require__(2391);
// EXTERNAL MODULE: ./src/plan/modes/install/deliver.ts + 3 modules
var deliver = __webpack_require__(6570);
// EXTERNAL MODULE: ./src/carvel/semver.ts
var semver = __webpack_require__(6533);
// EXTERNAL MODULE: ./src/config/config.ts + 1 modules
var config = __webpack_require__(6400);
// EXTERNAL MODULE: ./src/config/graph.ts
var graph = __webpack_require__(9090);
// EXTERNAL MODULE: ./src/yaml/parse.ts
var parse = __webpack_require__(420);
// EXTERNAL MODULE: ./src/plan/model/context.ts
var context = __webpack_require__(4410);
// EXTERNAL MODULE: ./src/plan/model/review.ts + 2 modules
var review = __webpack_require__(1513);
// EXTERNAL MODULE: ./src/plan/model/secrets.ts
var secrets = __webpack_require__(292);
;// CONCATENATED MODULE: ./src/plan/modes/validate/rules.ts








/** The components validate checks, each with the environments it checks (the request's filters and scope). */
function validateChoice(components, request) {
    const { scope } = request;
    const chosen = components.filter((c) => (!request.components || request.components.includes(c.name)) && (!scope || c.name in scope));
    return chosen.map((c) => ({
        component: c,
        environments: c.environments.filter((env) => (!request.environments || request.environments.includes(env)) &&
            (!scope || scope[c.name] === '*' || scope[c.name].includes(env))),
    }));
}
/** One component, as loaded with the environments validateChoice() gave for it. */
function validateComponent(ctx, view, request) {
    const { component, packages } = view;
    if (request.base)
        checkChangedInPlace(ctx, component, packages, request.base);
    return [...view.environments].map(([environment, env]) => validateEnvironment(ctx, view, environment, env, request));
}
function validateEnvironment(ctx, { component, packages }, environment, env, request) {
    const dir = `${component.dir}/${environment}`;
    const { result, fail } = (0,context/* environmentResult */.L)(ctx, component, environment, packages);
    for (const d of [...env.diagnostics, ...env.missingListed])
        d.severity === 'error' ? fail(d) : ctx.diagnostics.push(d);
    const pi = env.packageInstall;
    if (!pi || !env.packageInstallBuilt) {
        if (!(0,diagnostics/* hasErrors */.Cs)([...env.diagnostics, ...env.missingListed]) && (pi || env.hasFiles))
            fail(unbuiltPackageInstall(ctx, env, dir, pi));
        return result;
    }
    if (!pi.selection || !pi.refName)
        return { ...result, valid: false };
    const position = pi.parsed.position(pi.doc.range[0]);
    if (packages.refName && pi.refName !== packages.refName) {
        fail((0,diagnostics/* error */.z3)('packageinstall.ref-name', `installs "${pi.refName}", but the Packages of component "${component.name}" are "${packages.refName}"`, pi.file, position, '.spec.packageRef.refName'));
        return result;
    }
    const candidates = packages.packages.filter((p) => p.refName === pi.refName);
    const selected = (0,semver/* selectHighest */.Xo)(candidates.map((p) => p.version), pi.selection);
    result.constraint = pi.selection.constraints;
    if (!selected.version) {
        fail((0,diagnostics/* error */.z3)('packageinstall.no-version', `no Package version of ${pi.refName} satisfies constraints "${pi.selection.constraints ?? ''}": ${selected.error}`, pi.file, position, '.spec.packageRef.versionSelection.constraints'));
        return result;
    }
    const pkg = candidates.find((p) => p.version === selected.version);
    result.packageFile = pkg.file;
    result.toVersion = pkg.version;
    result.fromVersion = pkg.version;
    // For the job summary: what this pull request changes here, from the base branch's version.
    if (request.base)
        result.review = (0,review/* pullRequestChange */.$O)(packages.packages, request.base.versions[`${component.name}/${environment}`], pkg);
    if (request.base)
        checkPromotionOrder(ctx, result, pi, request.base, request.labels ?? []);
    checkValuesSecret(ctx, { component, env, environment, pi, pkg, fail });
    return result;
}
/**
 * An environment folder that builds no PackageInstall: Flux applies none (a packageinstall.yaml the
 * kustomization does not list is not applied either).
 */
function unbuiltPackageInstall(ctx, env, dir, pi) {
    const kustomization = env.kustomizationPath ?? `${dir}/kustomization.yaml`;
    if (pi)
        return (0,diagnostics/* error */.z3)('packageinstall.not-applied', `${pi.file} is not among the resources ${env.kustomizationPath ?? 'the folder'} builds, so Flux does not apply it: list it under resources`, env.kustomizationPath ?? pi.file, env.kustomizationPath ? { line: 1, column: 1 } : pi.parsed.position(pi.doc.range[0]), '.resources');
    return (0,diagnostics/* error */.z3)('packageinstall.missing', `the environment folder ${dir} builds no PackageInstall: add ${ctx.config.layout.packageInstallFile} (the install mode, or flux-pkg plan --write, writes one) and list it in ${kustomization.slice(dir.length + 1)} if the folder has one`, env.kustomizationPath ?? `${dir}/${ctx.config.layout.packageInstallFile}`);
}
/**
 * The values Secret: the folder builds the Secret spec.values names (in the PackageInstall's
 * namespace), and its values validate. One rule for the CLI, install's result and the gate: a
 * Secret the folder does not build is one kapp-controller waits for forever.
 */
function checkValuesSecret(ctx, { component, env, environment, pi, pkg, fail }) {
    const position = pi.parsed.position(pi.doc.range[0]);
    const secretPath = env.valuesSecretFile ?? `${component.dir}/${environment}/${ctx.config.layout.valuesSecretFile}`;
    plainSecretCheck(ctx, env, component.name, environment, secretPath, fail);
    const secret = env.valuesSecret ?? lockedSecret(env, secretPath);
    const named = pi.secretNames[0];
    if (named !== undefined && !env.valuesSecretBuilt) {
        if (!(0,diagnostics/* hasErrors */.Cs)(env.diagnostics))
            fail(missingValuesSecret(env, pi, named, secret));
        return;
    }
    if (!secret)
        return;
    if (named === undefined) {
        fail((0,diagnostics/* error */.z3)('packageinstall.values-secret', `the values Secret "${secret.name}" in ${secret.file} is not referenced by spec.values of the PackageInstall: add it as spec.values[0].secretRef.name, or remove the Secret`, pi.file, position, '.spec.values'));
    }
    const toSource = env.encrypted?.toSource ?? ((d) => d);
    const encrypted = env.encrypted !== undefined; // valuesSecret is then the decryption
    if (env.valuesSecret)
        for (const d of ctx.values.check(pkg, env.valuesSecret, { encrypted }))
            fail(toSource(d));
}
function missingValuesSecret(env, pi, named, secret) {
    const where = env.kustomizationPath ?? 'the folder';
    const found = secret && secret.name !== named
        ? ` (${secret.file} holds "${secret.name}")`
        : secret
            ? ` (${secret.file} holds it, but ${where} does not list it)`
            : '';
    return (0,diagnostics/* error */.z3)('packageinstall.values-secret-missing', `spec.values references the Secret "${named}", but ${where} builds no Secret "${named}"${found}: kapp-controller would wait for it forever. Add it as a file of the folder (plain or SOPS-encrypted; generators are refused) and list it under resources`, pi.file, (0,parse/* positionAt */.t$)(pi.parsed, pi.doc, ['spec', 'values']), '.spec.values');
}
/** An encrypted values Secret read without its key: its name is readable, its values are not. */
function lockedSecret(env, file) {
    return env.encrypted && !env.encrypted.document && env.encrypted.name !== undefined
        ? { name: env.encrypted.name, file }
        : undefined;
}
/** A plain values Secret: a warning in a repository that uses SOPS, an error with requireEncryption. */
function plainSecretCheck(ctx, env, component, environment, file, fail) {
    const settings = (0,config/* settingsFor */.zc)(ctx.config, component, environment);
    const report = (problem) => {
        if (problem)
            problem.severity === 'error' ? fail(problem) : ctx.diagnostics.push(problem);
    };
    if (env.valuesSecretText !== undefined && !env.encrypted)
        report((0,secrets/* plainSecretProblem */.I)(file, settings, ctx.repoEncrypts));
    // Every other Secret the folder builds sits in git the same way.
    for (const secret of env.otherSecrets)
        if (!secret.encrypted)
            report((0,secrets/* plainSecretProblem */.I)(secret.file, settings, ctx.repoEncrypts, `the Secret "${secret.name ?? ''}"`));
}
/** kapp-controller caches a Package by name: the same version with other content never reaches a cluster that has it. */
function checkChangedInPlace(ctx, component, packages, base) {
    for (const pkg of packages.packages) {
        const before = base.packages[`${component.name}@${pkg.version}`];
        if (before === undefined || before === pkg.digest)
            continue;
        ctx.diagnostics.push((0,diagnostics/* error */.z3)('package.changed-in-place', `Package ${pkg.name} is changed in place (same version, other content); clusters that have it keep the old content — publish a new version instead`, pkg.file, { line: pkg.line, column: 1 }, '.spec.version'));
    }
}
/**
 * An environment that promotes from another may only get a version that one has at the base,
 * unless the pull request carries an override label (reported as a warning in the summary).
 */
function checkPromotionOrder(ctx, result, pi, base, labels) {
    const { component, environment, toVersion } = result;
    const upstream = (0,graph/* upstreamOf */.Fw)(ctx.config, environment);
    if (!upstream || !toVersion)
        return;
    if (base.versions[`${component}/${environment}`] === toVersion)
        return; // not changed by this pull request
    const upstreamVersion = base.versions[`${component}/${upstream}`];
    if (upstreamVersion !== undefined && (0,context/* versionOrder */.x)(toVersion, upstreamVersion) <= 0)
        return;
    const file = pi.file;
    const at = (0,parse/* positionAt */.t$)(pi.parsed, pi.doc, ['spec', 'packageRef', 'versionSelection', 'constraints']);
    const why = `${environment} gets ${component} ${toVersion}, which ${upstream} (its promoteFrom) ${upstreamVersion ? `does not have: it runs ${upstreamVersion}` : 'does not run'} on the base branch`;
    const override = (0,graph/* overrideLabelOf */.kT)(ctx.config, labels);
    if (override)
        ctx.diagnostics.push((0,diagnostics/* warning */.$e)('promotion.override', `${why}; allowed by the label "${override}"`, file, at, '.spec.packageRef'));
    else {
        result.valid = false;
        ctx.diagnostics.push((0,diagnostics/* error */.z3)('promotion.out-of-order', `${why}; promote through ${upstream} first, or add one of the labels ${ctx.config.promotion.overrideLabels.join(', ')} for a hotfix`, file, at, '.spec.packageRef.versionSelection.constraints'));
    }
}

;// CONCATENATED MODULE: ./src/plan/modes/validate/run.ts
/**
 * validate's runner: per component, load exactly what the view reads (the next component
 * prefetched), check it with the synchronous rules (rules.ts), release it.
 */




async function runValidate(ctx, loader, components, request) {
    const results = [];
    const chosen = validateChoice(components, request);
    const prefetch = (i) => loader.prefetch(chosen[i]?.component, chosen[i]?.environments ?? []);
    prefetch(0);
    for (const [i, { component, environments }] of chosen.entries()) {
        prefetch(i + 1);
        const view = await loader.component(component, environments);
        results.push(...validateComponent(ctx, view, request));
        (0,deliver/* release */._)(ctx, loader, component);
    }
    if (results.length === 0 && !(0,diagnostics/* hasErrors */.Cs)(ctx.diagnostics) && !(0,diagnostics/* hasErrors */.Cs)(ctx.values.diagnostics))
        ctx.diagnostics.push(...nothingValidated(request, components));
    return results;
}
/**
 * validate found no environment folder to check. A pull request that touches no component has nothing to
 * check; a filter that matches nothing is an error; a repository whose components have Packages but no
 * environment yet (before the first bootstrap) had its Packages checked, which is worth a note, not a failure.
 */
function nothingValidated(request, components) {
    if (request.scope !== undefined)
        return [];
    if (request.components?.length || request.environments?.length)
        return [(0,diagnostics/* error */.z3)(boundaries/* NO_MATCH */.IP, 'the filters match no environment folder: validate checked nothing', '')];
    const withPackages = components.filter((c) => c.packageFiles.length > 0);
    const first = withPackages[0];
    if (!first)
        return [];
    const count = withPackages.length === 1 ? first.name : `${withPackages.length} components`;
    return [
        (0,diagnostics/* warning */.$e)('layout.no-environment', `no environment exists yet: the Packages of ${count} were validated; bootstrap creates the first environment`, first.packageFiles[0]),
    ];
}


/***/ })

};
