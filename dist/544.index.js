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
/* harmony import */ var _github_snapshot_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1127);
/* harmony import */ var _github_tree_walk_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7141);
/* harmony import */ var _plan_plan_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8720);
/* harmony import */ var _plan_proposals_proposals_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1945);
/* harmony import */ var _proposal_style_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(5162);
/* harmony import */ var _report_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(5980);
/* harmony import */ var _session_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(164);
/**
 * Mode bootstrap (the default for workflow_dispatch): a new environment for one or more components
 * → one pull request with the environment folder, the run cluster's RBAC, the Brain's Flux objects
 * and flux-pkg.yaml. A rerun with the same inputs updates that pull request.
 */











async function bootstrap(session) {
    const { inputs } = session;
    let planned;
    const delivered = await (0,_github_deliver_js__WEBPACK_IMPORTED_MODULE_2__/* .deliver */ .cK)({
        ...(0,_session_js__WEBPACK_IMPORTED_MODULE_9__/* .deliveryOf */ .A9)(session),
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
                sops: (0,_session_js__WEBPACK_IMPORTED_MODULE_9__/* .sopsKeys */ .aN)(inputs),
                sopsAgeRecipients: (0,_session_js__WEBPACK_IMPORTED_MODULE_9__/* .sopsOverrides */ .p7)(inputs)?.sopsAgeRecipients,
            };
            const snapshot = (0,_session_js__WEBPACK_IMPORTED_MODULE_9__/* .snapshotOf */ .eY)(session, base.tree);
            const result = await (0,_github_deliver_js__WEBPACK_IMPORTED_MODULE_2__/* .api */ .FH)('reading the gitops repository', () => (0,_plan_plan_js__WEBPACK_IMPORTED_MODULE_6__/* .plan */ .e)(snapshot, request));
            const proposals = result.valid ? [(0,_plan_proposals_proposals_js__WEBPACK_IMPORTED_MODULE_7__/* .bootstrapProposal */ .VB)(result, (0,_proposal_style_js__WEBPACK_IMPORTED_MODULE_10__/* .styleOf */ .V)(session, base))] : [];
            planned = { result, proposals };
            return planned;
        },
    }).catch(async (e) => {
        if (planned)
            await (0,_report_js__WEBPACK_IMPORTED_MODULE_8__/* .finish */ .O9)({ mode: 'bootstrap', dryRun: inputs.dryRun, ...planned, published: [] });
        throw e;
    });
    (0,_report_js__WEBPACK_IMPORTED_MODULE_8__/* .annotate */ .fz)(delivered.result.diagnostics);
    const report = { mode: 'bootstrap', dryRun: inputs.dryRun, ...delivered };
    if (!delivered.result.valid)
        await (0,_report_js__WEBPACK_IMPORTED_MODULE_8__/* .failInvalid */ .YH)(report);
    await (0,_report_js__WEBPACK_IMPORTED_MODULE_8__/* .finish */ .O9)(report);
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
    throw new _report_js__WEBPACK_IMPORTED_MODULE_8__/* .ActionError */ .lZ(`bootstrap with ${walk.why} needs every component folder, and the base's tree is larger than GitHub lists in one read (over 100,000 entries or 7 MB): that is ${walk.folders} component folder(s), ${walk.reads} tree read(s) through the API, and the REST budget has ${budget.remaining} request(s) left, ${budget.reserve} of them kept for the repository's other workflows. No component folder was read and nothing was written: rerun after the budget refills${refills}, or name the components to bootstrap`);
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
