export const id = 389;
export const ids = [389];
export const modules = {

/***/ 5980:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  lZ: () => (/* binding */ ActionError),
  fz: () => (/* binding */ annotate),
  YH: () => (/* binding */ failInvalid),
  O9: () => (/* binding */ finish)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./src/diagnostics.ts
var diagnostics = __webpack_require__(4851);
// EXTERNAL MODULE: ./src/flux/kustomize.ts
var kustomize = __webpack_require__(1948);
// EXTERNAL MODULE: ./src/plan/model/repository.ts
var repository = __webpack_require__(1925);
;// CONCATENATED MODULE: ./src/report/config-note.ts
function configNote(source) {
    return source.file
        ? `Configuration: ${source.file}.`
        : 'No flux-pkg.yaml found: the environments are the folders under each component, and every one takes new versions directly.';
}

// EXTERNAL MODULE: ./src/report/inert.ts
var inert = __webpack_require__(1822);
// EXTERNAL MODULE: ./src/report/pull-request/literal.ts
var literal = __webpack_require__(8955);
// EXTERNAL MODULE: ./src/report/pull-request/review.ts
var review = __webpack_require__(8706);
;// CONCATENATED MODULE: ./src/report/summary/job-summary.ts




const cell = (text) => (0,inert/* inertCell */.B5)(text);
const code = (text) => (0,inert/* inertCode */.gQ)(text);
const message = (text) => (0,inert/* inertText */.UJ)(text, 600);
const at = (d, column) => code(`${d.file || '(input)'}${d.line ? `:${d.line}${column ? `:${d.column}` : ''}` : ''}`);
function jobSummary(result, published, mode, dryRun, notes = []) {
    const lines = [`## flux-pkg-action: ${(0,inert/* inertText */.UJ)(mode)}${dryRun ? ' (dry run)' : ''}`, ''];
    if (result.config)
        lines.push(message(configNote(result.config)), '');
    for (const n of notes)
        lines.push(`- ${message(n)}`);
    if (notes.length > 0)
        lines.push('');
    if (result.environments.length > 0) {
        lines.push('| component | environment | version | constraint | pull request | validation |', '|---|---|---|---|---|---|');
        for (const env of result.environments) {
            const pr = published.find((p) => p.targets.some((t) => t.component === env.component && t.environment === env.environment));
            const prCell = pr?.url
                ? `[#${pr.number}](${pr.url}) ${pr.operation}`
                : mode === 'validate'
                    ? wouldChange(env)
                    : env.files.length === 0
                        ? 'up to date'
                        : dryRun
                            ? 'would open'
                            : '—';
            const version = env.fromVersion && env.fromVersion !== env.toVersion
                ? `${code(env.fromVersion)} → ${code(env.toVersion)}`
                : code(env.toVersion);
            lines.push(`| ${cell(env.component)} | ${cell(env.environment)} | ${version} | ${code(env.constraint)} | ${prCell} | ${env.valid ? 'valid' : '**invalid**'} |`);
        }
    }
    else {
        lines.push('No environment to change.');
    }
    lines.push(...reviews(result.environments));
    const overrides = result.diagnostics.filter((d) => d.code === 'promotion.override');
    if (overrides.length > 0) {
        lines.push('', `### ${overrides.length} out-of-order promotion(s) allowed by an override label`, '');
        for (const d of overrides)
            lines.push(`- ${at(d, true)} ${message(d.message)}`);
    }
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) {
        const outcome = mode === 'validate' ? 'the gate fails' : 'nothing was written';
        lines.push('', `### ${errors.length} error(s) — ${outcome}`, '');
        for (const d of errors)
            lines.push(`- ${at(d, true)} ${message(d.message)}`);
    }
    // What a reviewer of the whole run should know, e.g. a values Secret in plain text or one not checked.
    const warnings = result.diagnostics.filter((d) => d.severity === 'warning');
    if (warnings.length > 0) {
        lines.push('', `<details><summary>${warnings.length} warning(s)</summary>`, '');
        for (const d of warnings)
            lines.push(`- ${code(`${d.file || '(input)'}${d.line ? `:${d.line}` : ''}`)} ${cell(d.message)}`);
        lines.push('', '</details>');
    }
    return `${lines.join('\n')}\n`;
}
/** validate: what the pull request changes in this environment, from the base branch's version. */
function wouldChange(env) {
    const review = env.review;
    if (!review)
        return '—';
    if (review.baseVersion === env.toVersion)
        return 'no version change';
    return `changes ${review.baseVersion ? code(review.baseVersion) : 'new'} → ${code(env.toVersion)}`;
}
/** The pull request bodies' facts, folded per environment that changes. */
function reviews(environments) {
    const changing = environments.filter((e) => e.review &&
        (e.files.length > 0 || (e.review.baseVersion !== undefined && e.review.baseVersion !== e.toVersion)));
    const budget = changing.length > 10 ? review/* COMPACT */.ih : review/* FULL */.eW;
    const lines = [];
    for (const env of changing) {
        const from = env.review?.baseVersion;
        const change = from !== undefined ? `${code(from)} → ${code(env.toVersion)}` : (0,review/* versionChange */.Bn)(env);
        lines.push('', `<details><summary>${(0,literal/* htmlCode */.h8)(env.component)} in ${(0,literal/* htmlCode */.h8)(env.environment)}: what changes in the cluster</summary>`, '', `${change}`);
        lines.push(...(0,review/* reviewSection */.mM)(env, budget), '', '</details>');
    }
    return lines;
}

// EXTERNAL MODULE: ./src/report/summary/status.ts
var summary_status = __webpack_require__(2343);
;// CONCATENATED MODULE: ./src/report/summary/status-render.ts
/**
 * The status matrix for people and programs: a text table (CLI), JSON, and Markdown — a table and
 * the promotion chain as a Mermaid flowchart (GitHub renders it) for the job summary. Repository
 * text is inert everywhere: one line without control characters in the terminal, inert.ts in
 * Markdown, entity-encoded inside Mermaid's quoted labels (node ids are generated, never names).
 */

const newest = (c) => c.versions.at(-1);
const cellOf = (c, environment) => c.cells.find((x) => x.environment === environment);
// ---- text -------------------------------------------------------------------------------------
const terminal = (text, max = 80) => {
    const line = oneLine(text);
    return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};
function textCell(cell) {
    if (!cell)
        return '';
    const version = cell.version ? terminal(cell.version) : '';
    if (cell.outOfOrder)
        return `${version} OUT OF ORDER`.trim();
    switch (cell.state) {
        case 'missing':
            return '(no folder)';
        case 'unread':
            return '(not read)';
        case 'invalid':
            return `${version} INVALID`.trim();
        case 'behind':
            return `${version} (behind)`;
        default:
            return version;
    }
}
/** A plain-text table, one row per component, then one line per environment that is behind or invalid. */
function statusText(model) {
    const header = ['component', ...model.environments.map((e) => terminal(e.name)), 'newest Package'];
    const rows = model.components.map((c) => [
        terminal(c.component),
        ...model.environments.map((e) => textCell(cellOf(c, e.name))),
        terminal(newest(c) ?? '(none)'),
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells) => cells
        .map((cell, i) => cell.padEnd(widths[i]))
        .join('  ')
        .trimEnd();
    const lines = [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
    const notes = model.components.flatMap((c) => c.cells
        .filter((cell) => cell.state === 'behind' || cell.state === 'invalid')
        .map((cell) => cell.state === 'behind'
        ? `${terminal(c.component)}/${terminal(cell.environment)}: ${terminal(cell.version ?? '')} is behind ${terminal(cell.promoteFrom ?? '')} (${terminal(cell.upstreamVersion ?? '')})`
        : `${terminal(c.component)}/${terminal(cell.environment)}: invalid (see the errors above)`));
    if (notes.length > 0)
        lines.push('', ...notes);
    return `${lines.join('\n')}\n`;
}
// ---- JSON -------------------------------------------------------------------------------------
/** The model as JSON: `{ valid, environments, components: [{ component, versions, cells }], diagnostics }`. */
function statusJson(model) {
    const { valid, ...rest } = model;
    return `${JSON.stringify({ valid, ...rest }, null, 2)}\n`;
}
// ---- Markdown and Mermaid ---------------------------------------------------------------------
function markdownCell(cell) {
    if (!cell)
        return '';
    // Red, as the invalid state is: the run refuses this version here (see flagOutOfOrder).
    if (cell.outOfOrder)
        return `🔴 ${cell.version ? `${(0,inert/* inertCode */.gQ)(cell.version)} ` : ''}**out of order**`;
    switch (cell.state) {
        case 'missing':
            return '_no folder_';
        case 'unread':
            return '_not read_';
        case 'invalid':
            return `${cell.version ? `${(0,inert/* inertCode */.gQ)(cell.version)} ` : ''}**invalid**`;
        case 'behind':
            return `${(0,inert/* inertCode */.gQ)(cell.version)} behind ${(0,inert/* inertCell */.B5)(cell.promoteFrom)} (${(0,inert/* inertCode */.gQ)(cell.upstreamVersion)})`;
        default:
            return (0,inert/* inertCode */.gQ)(cell.version);
    }
}
/** The matrix as a GFM table and the promotion chain as a Mermaid flowchart, for the job summary. */
function statusMarkdown(model) {
    const envs = model.environments;
    const lines = [
        '### Where every version runs',
        '',
        `| component | ${envs.map((e) => (0,inert/* inertCell */.B5)(e.name)).join(' | ')} | newest Package |`,
        `|---|${envs.map(() => '---|').join('')}---|`,
        ...model.components.map((c) => `| ${(0,inert/* inertCell */.B5)(c.component)} | ${envs.map((e) => markdownCell(cellOf(c, e.name))).join(' | ')} | ${(0,inert/* inertCode */.gQ)(newest(c))} |`),
    ];
    if (model.components.some((c) => c.cells.some((cell) => cell.state === 'unread')))
        lines.push('', '_not read_: an environment this run did not plan, so did not read; `flux-pkg status` shows every one.');
    const chart = statusMermaidChart(model);
    if (chart.drawn > 0)
        lines.push('', '```mermaid', chart.text, '```');
    if (chart.drawn < model.components.length)
        lines.push('', `The promotion chain shows ${chart.drawn} of ${model.components.length} components (a larger diagram exceeds what GitHub's Mermaid renders); \`flux-pkg status\` prints every one.`);
    return `${lines.join('\n')}\n`;
}
/** Characters a Mermaid label shows as they are; everything else becomes an entity (`#quot;`, `#60;`). */
const MERMAID_PLAIN = /[A-Za-z0-9 ._:/+,=^~-]/;
/** Repository text as the inside of a double-quoted Mermaid label: one line, capped, nothing that means anything. */
function mermaidText(text, max = 60) {
    const chars = [...(0,inert/* oneLine */.TN)(text).slice(0, 2 * max + 2)];
    const kept = chars.length > max ? [...chars.slice(0, max - 1), '…'] : chars;
    return kept
        .map((ch) => (MERMAID_PLAIN.test(ch) ? ch : ch === '"' ? '#quot;' : `#${ch.codePointAt(0)};`))
        .join('');
}
const STYLES = [
    'classDef current fill:#dcfce7,stroke:#15803d,color:#14532d',
    'classDef behind fill:#fef3c7,stroke:#b45309,color:#78350f',
    'classDef invalid fill:#fee2e2,stroke:#b91c1c,color:#7f1d1d',
    'classDef missing fill:#f3f4f6,stroke:#9ca3af,color:#4b5563,stroke-dasharray:4 3',
    'classDef package fill:#e0e7ff,stroke:#4338ca,color:#312e81',
];
function nodeLabel(cell) {
    const version = cell.version ? mermaidText(cell.version) : '';
    const what = cell.outOfOrder
        ? `${version} out of order`.trim()
        : cell.state === 'missing'
            ? 'no folder'
            : cell.state === 'invalid'
                ? `${version} invalid`.trim()
                : cell.state === 'behind'
                    ? `${version} behind`
                    : version;
    return `${mermaidText(cell.environment)}<br/>${what}`;
}
/**
 * What GitHub's Mermaid renders at most: `maxTextSize` (50,000 characters) and `maxEdges` (500) by
 * default; a larger diagram shows only an error. Components past these are left out, and said so.
 */
const MERMAID_LIMITS = { maxText: 45_000, maxEdges: 450 };
/** One component's subgraph: its lines, its class assignments, and how many edges it draws. */
function componentGraph(c, ci) {
    const id = (environment) => `c${ci}e${c.cells.findIndex((x) => x.environment === environment)}`;
    const lines = [`  subgraph c${ci}["${mermaidText(c.component)}"]`, '    direction LR'];
    const classes = [];
    const latest = newest(c);
    if (latest) {
        lines.push(`    c${ci}p["newest Package<br/>${mermaidText(latest)}"]`);
        classes.push(`  class c${ci}p package`);
    }
    for (const cell of c.cells) {
        lines.push(`    ${id(cell.environment)}["${nodeLabel(cell)}"]`);
        const style = cell.outOfOrder ? 'invalid' : cell.state === 'unread' ? 'missing' : cell.state;
        classes.push(`  class ${id(cell.environment)} ${style}`);
    }
    let edges = 0;
    for (const cell of c.cells) {
        const upstream = cell.promoteFrom !== undefined ? cellOf(c, cell.promoteFrom) : undefined;
        const from = upstream
            ? id(upstream.environment)
            : cell.promoteFrom === undefined && latest
                ? `c${ci}p`
                : '';
        if (!from)
            continue;
        lines.push(`    ${from} ${upstream ? '-->' : '-.->'} ${id(cell.environment)}`);
        edges++;
    }
    lines.push('  end');
    return { lines, classes, edges };
}
/**
 * `flowchart LR`: per component a subgraph with the newest Package and one node per environment,
 * promoteFrom edges between them; `drawn` is how many components fit GitHub's limits.
 */
function statusMermaidChart(model) {
    const lines = ['flowchart LR'];
    const classes = [];
    const styles = STYLES.map((s) => `  ${s}`);
    let size = lines[0].length + styles.join('\n').length;
    let edges = 0;
    let drawn = 0;
    for (const [ci, c] of model.components.entries()) {
        const graph = componentGraph(c, ci);
        const more = [...graph.lines, ...graph.classes].reduce((n, l) => n + l.length + 1, 0);
        if (size + more > MERMAID_LIMITS.maxText || edges + graph.edges > MERMAID_LIMITS.maxEdges)
            break;
        lines.push(...graph.lines);
        classes.push(...graph.classes);
        size += more;
        edges += graph.edges;
        drawn++;
    }
    return { text: [...lines, ...classes, ...styles].join('\n'), drawn };
}
function statusMermaid(model) {
    return statusMermaidChart(model).text;
}

;// CONCATENATED MODULE: ./src/action/report.ts
/**
 * What a run shows: annotations for every diagnostic, the outputs action.yml declares, the job
 * summary and one log line per pull request. Values never appear: diagnostics do not carry them.
 */







/** A failure the user can act on, reported in one line by setFailed. */
class ActionError extends Error {
}
function annotate(diagnostics) {
    for (const d of diagnostics) {
        const props = {
            file: d.file || undefined,
            startLine: d.line || undefined,
            startColumn: d.column || undefined,
            title: d.code,
        };
        const message = d.path ? `${d.message} (at ${d.path})` : d.message;
        if (d.severity === 'error')
            core/* error */.z3(message, props);
        else
            core/* warning */.$e(message, props);
    }
}
/** The matrix and Mermaid chain of the components the run touched; a failure here never fails the run. */
async function statusSection(result, source) {
    const components = [...new Set(result.environments.map((e) => e.component))];
    if (!source || components.length === 0)
        return '';
    try {
        // Imported here: the status loader pulls in the planner's readers, which a run that reports nothing
        // (a no-op delivery) never needs at start-up.
        const [{ snapshot, unread }, { loadStatus }] = await Promise.all([
            readView(source, components),
            Promise.all(/* import() */[__webpack_require__.e(561), __webpack_require__.e(720), __webpack_require__.e(262)]).then(__webpack_require__.bind(__webpack_require__, 7262)),
        ]);
        const model = await loadStatus(snapshot, { ...source, components });
        return `\n${statusMarkdown((0,summary_status/* markUnread */.Fr)((0,summary_status/* flagOutOfOrder */.yU)(model, result.diagnostics), unread))}`;
    }
    catch (e) {
        core/* warning */.$e(`the job summary has no version matrix: ${e instanceof Error ? e.message : String(e)}`);
        return '';
    }
}
/**
 * The snapshot the matrix is built from: without the environment folders (`component/environment`
 * in `unread`) holding a PackageInstall, values or kustomization file the run has not read.
 */
async function readView(source, components) {
    const unread = new Set();
    const { alreadyRead } = source;
    if (!alreadyRead)
        return { snapshot: source.snapshot, unread };
    const entries = await source.snapshot.list();
    const { layout } = source.loaded.config;
    const envFiles = new Set([
        layout.packageInstallFile,
        layout.valuesSecretFile,
        ...kustomize/* KUSTOMIZATION_FILES */.Ct,
    ]);
    const hidden = [];
    const layouts = (0,repository/* discover */.k4)(entries.map((e) => e.path), layout).filter((c) => components.includes(c.name));
    for (const c of layouts) {
        for (const environment of c.environments) {
            const folder = `${c.dir}/${environment}/`;
            const read = entries.every((e) => !e.path.startsWith(folder) || !envFiles.has(e.path.slice(folder.length)) || alreadyRead(e.path));
            if (read)
                continue;
            unread.add(`${c.name}/${environment}`);
            hidden.push(folder);
        }
    }
    if (hidden.length === 0)
        return { snapshot: source.snapshot, unread };
    const kept = entries.filter((e) => !hidden.some((f) => e.path.startsWith(f)));
    const snapshot = {
        list: async () => kept,
        read: (path, options) => source.snapshot.read(path, options),
    };
    return { snapshot, unread };
}
async function finish({ mode, dryRun, result, published, notes: given = [], status, deferred = [], }) {
    const deferral = deferralNotes(deferred, published);
    const notes = [...given, ...deferral];
    for (const n of notes)
        core/* info */.pq(n);
    if (deferral[0])
        core/* warning */.$e(deferral[0]);
    core/* setOutput */.uH('deferred', JSON.stringify(deferred.flatMap((p) => p.targets.map((t) => ({ component: t.component, environment: t.environment })))));
    const prs = published.filter((p) => p.number !== undefined);
    core/* setOutput */.uH('pull-requests', JSON.stringify(published.flatMap((p) => p.targets.map((t) => ({
        component: t.component,
        environment: t.environment,
        number: p.number,
        url: p.url,
        branch: p.branch,
        operation: p.operation,
    })))));
    core/* setOutput */.uH('pull-request-number', prs[0]?.number?.toString() ?? '');
    core/* setOutput */.uH('pull-request-url', prs[0]?.url ?? '');
    core/* setOutput */.uH('changed-files', JSON.stringify(result.files.map((f) => f.path)));
    core/* setOutput */.uH('valid', String(result.valid));
    if (process.env.GITHUB_STEP_SUMMARY) {
        const matrix = await statusSection(result, status);
        await core/* summary */.z.addRaw(jobSummary(result, published, mode, dryRun, notes) + matrix).write();
    }
    for (const p of published) {
        const note = p.superseded ? ` (it already proposes the newer ${p.superseded})` : '';
        core/* info */.pq(`${p.key}: ${p.operation}${p.url ? ` ${p.url}` : ''}${note}`);
    }
}
/**
 * What a run that ran short of GitHub's REST budget says: what it left for the next run, and
 * pr-flow per-environment when that would have needed fewer pull requests.
 */
function deferralNotes(deferred, published) {
    if (deferred.length === 0)
        return [];
    const all = [...published.flatMap((p) => p.targets), ...deferred.flatMap((p) => p.targets)];
    const environments = new Set(all.map((t) => t.environment)).size;
    const proposals = published.length + deferred.length;
    const count = `${deferred.length} pull request${deferred.length === 1 ? '' : 's'}`;
    const notes = [
        `${count} left for the next run: the REST budget GitHub reports would not take them and keep 10% of the hour for other workflows: ${deferred.map((p) => p.key).join(', ')}`,
    ];
    if (environments < proposals)
        notes.push(`pr-flow: per-environment would deliver this push in ${environments} pull requests instead of ${proposals}`);
    return notes;
}
/** Report an invalid plan and stop: annotations, outputs and summary first, then one failing line. */
async function failInvalid(report) {
    await finish(report);
    const errors = report.result.diagnostics.filter((d) => d.severity === 'error');
    throw new ActionError(`${errors.length} validation error(s); nothing was written. First: ${(0,diagnostics/* formatDiagnostic */.xy)(errors[0])}`);
}


/***/ }),

/***/ 164:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  vA: () => (/* binding */ checkTargetOf),
  A9: () => (/* binding */ deliveryOf),
  fA: () => (/* binding */ openSession),
  eY: () => (/* binding */ snapshotOf),
  aN: () => (/* binding */ sopsKeys),
  p7: () => (/* binding */ sopsOverrides),
  rv: () => (/* binding */ treeOfCommit)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./src/github/api-call.ts
var api_call = __webpack_require__(5452);
;// CONCATENATED MODULE: ./src/github/budget.ts
/**
 * The REST budget as GitHub reports it on every answer (`x-ratelimit-remaining`, `-limit`,
 * `-reset`, for the `core` resource), so a delivery can tell before a batch of pull requests how
 * many of them fit, leaving a share of the hour's budget to the repository's other workflows.
 * A server that sends no such headers (GitHub Enterprise Server with rate limiting off) has no
 * budget to keep: everything fits.
 */
/** The share of the hourly limit a delivery leaves untouched for other workflows. */
const RESERVE_SHARE = 0.1;
class RateBudget {
    #remaining;
    #limit;
    #resetAt;
    /** Reads one answer's headers; answers for another resource (GraphQL, search) are left out. */
    observe(headers) {
        if (!headers)
            return;
        const resource = headers['x-ratelimit-resource'];
        if (resource !== undefined && resource !== 'core')
            return;
        const remaining = count(headers['x-ratelimit-remaining']);
        if (remaining === undefined)
            return;
        this.#remaining = remaining;
        this.#limit = count(headers['x-ratelimit-limit']) ?? this.#limit;
        this.#resetAt = count(headers['x-ratelimit-reset']) ?? this.#resetAt;
    }
    /** Requests left in the hour, as last reported; undefined before any answer said. */
    get remaining() {
        return this.#remaining;
    }
    /** When the budget refills (epoch seconds), as last reported. */
    get resetAt() {
        return this.#resetAt;
    }
    /** Requests kept back for others: RESERVE_SHARE of the hour's limit. */
    get reserve() {
        return Math.ceil((this.#limit ?? 0) * RESERVE_SHARE);
    }
    /** How many of `costs` (estimated calls each, taken in order) fit in what is left above the reserve. */
    affordable(costs) {
        if (this.#remaining === undefined)
            return costs.length;
        let left = this.#remaining - this.reserve;
        for (const [i, cost] of costs.entries()) {
            if (cost > left)
                return i;
            left -= cost;
        }
        return costs.length;
    }
}
/** A header's non-negative integer, or undefined for anything else (a hostile or broken proxy's answer). */
function count(value) {
    const text = String(value ?? '').trim();
    return /^\d{1,12}$/.test(text) ? Number(text) : undefined;
}

// EXTERNAL MODULE: ./src/github/client.ts + 5 modules
var github_client = __webpack_require__(4224);
// EXTERNAL MODULE: ./src/github/limit.ts
var limit = __webpack_require__(7515);
;// CONCATENATED MODULE: ./src/github/objects.ts

/**
 * Blob and tree reads of one run in flight at once: well under GitHub's 100 concurrent requests,
 * and under the client's own 10 a client (request-hook.ts). A walk of every component folder is thousands
 * of tree reads; GitHub answers too many at once with a secondary rate limit.
 */
const READS_IN_FLIGHT = 8;
const treeKey = (sha, recursive) => `${recursive ? 'r' : '1'}:${sha}`;
const isNotFound = (e) => e.status === 404;
class GitObjects {
    client;
    ref;
    #commits = new Map();
    #trees = new Map();
    #blobs = new Map();
    #limit = (0,limit/* concurrencyLimit */.r)(READS_IN_FLIGHT);
    constructor(client, ref) {
        this.client = client;
        this.ref = ref;
    }
    /** A branch's head commit (sha, tree, parents) in one call; undefined when there is no such branch. */
    async branch(name) {
        try {
            const { data } = await this.client.rest.repos.getBranch({ ...this.ref, branch: name });
            const facts = {
                sha: data.commit.sha,
                treeSha: data.commit.commit.tree.sha,
                parents: data.commit.parents.map((p) => p.sha),
            };
            if (!this.#commits.has(facts.sha))
                this.#commits.set(facts.sha, Promise.resolve(facts));
            return facts;
        }
        catch (e) {
            if (isNotFound(e))
                return undefined;
            throw e;
        }
    }
    commit(sha) {
        return this.#once(this.#commits, sha, async () => {
            const { data } = await this.client.rest.git.getCommit({ ...this.ref, commit_sha: sha });
            return { sha, treeSha: data.tree.sha, parents: data.parents.map((p) => p.sha) };
        });
    }
    /**
     * A tree's entries. `sha` may also be a commit sha (GitHub reads its tree); the answer's `sha`
     * is always the tree's, and the read is kept under it too.
     */
    tree(sha, recursive) {
        return this.#once(this.#trees, treeKey(sha, recursive), async () => {
            const read = await this.#readTree(sha, recursive);
            if (read.sha !== sha)
                this.#keepTree(read, recursive);
            return read;
        });
    }
    /**
     * A branch's whole tree read by the branch's name (GitHub takes a name where a tree sha goes), so
     * it can be read alongside the branch itself; kept under the tree's sha only, since a name moves.
     * Undefined when GitHub does not know the name.
     */
    async treeOfBranch(name) {
        try {
            const read = await this.#readTree(name, true);
            this.#keepTree(read, true);
            return read;
        }
        catch (e) {
            if (isNotFound(e))
                return undefined;
            throw e;
        }
    }
    /** One tree read; at most READS_IN_FLIGHT blob and tree reads at once. */
    async #readTree(treeish, recursive) {
        const { data } = await this.#limit(() => this.client.rest.git.getTree({
            ...this.ref,
            tree_sha: treeish,
            ...(recursive ? { recursive: '1' } : {}),
        }));
        return {
            sha: data.sha,
            truncated: data.truncated === true,
            entries: data.tree
                .filter((e) => e.path && e.sha && e.type)
                .map((e) => ({ path: e.path, sha: e.sha, type: e.type, mode: e.mode ?? '100644', size: e.size })),
        };
    }
    #keepTree(read, recursive) {
        const key = treeKey(read.sha, recursive);
        if (!this.#trees.has(key))
            this.#trees.set(key, Promise.resolve(read));
    }
    /** A blob's bytes; at most READS_IN_FLIGHT blob and tree reads at once. */
    blob(sha) {
        return this.#once(this.#blobs, sha, () => this.#limit(async () => {
            const { data } = await this.client.rest.git.getBlob({ ...this.ref, file_sha: sha });
            return Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8');
        }));
    }
    /** Has this run read (or started reading) this blob? Then asking for it costs no call. */
    hasBlob(sha) {
        return this.#blobs.has(sha);
    }
    /** Start reading these blobs now, as one fan-out; a failure surfaces where the blob is read. */
    prefetch(shas) {
        for (const sha of new Set(shas))
            this.blob(sha).catch(() => { });
    }
    /** A failed read is forgotten (the next ask tries again); a pending or finished one is shared. */
    #once(cache, key, read) {
        let pending = cache.get(key);
        if (!pending) {
            pending = read();
            cache.set(key, pending);
            pending.catch(() => cache.delete(key));
        }
        return pending;
    }
}

// EXTERNAL MODULE: ./src/github/snapshot.ts
var github_snapshot = __webpack_require__(1127);
// EXTERNAL MODULE: ./src/inputs.ts
var src_inputs = __webpack_require__(8422);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/yaml/limits.ts
var limits = __webpack_require__(8071);
// EXTERNAL MODULE: ./src/repo/paths.ts
var paths = __webpack_require__(2711);
// EXTERNAL MODULE: ./src/repo/snapshot.ts
var repo_snapshot = __webpack_require__(5218);
;// CONCATENATED MODULE: ./src/repo/local.ts
/**
 * The gitops repo as a folder on disk (a checkout, or the bundled example). Never reads through a
 * symbolic link: the walk lists links as links (lstat, not stat), and a read refuses a path with a
 * link anywhere in it, a file that is not regular (a FIFO, /dev/zero), or one over the size cap —
 * reading at most one byte more than the cap.
 */






const SKIPPED_DIRS = new Set(['.git', 'node_modules']);
class LocalSnapshot {
    root;
    #entries;
    #realRoot;
    /** Folders already checked (no link on the way, inside the root), by repo-relative path. */
    #dirs = new Map();
    constructor(root) {
        this.root = root;
    }
    list() {
        this.#entries ??= this.#walk();
        return this.#entries;
    }
    async read(path, { maxBytes = limits/* DEFAULT_LIMITS */.d.maxBytes } = {}) {
        const target = await this.#resolve(path);
        if (!target)
            return undefined;
        // O_NOFOLLOW: a link swapped in after the checks above is refused by the kernel, not followed.
        const flags = external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NOFOLLOW | external_node_fs_.constants.O_NONBLOCK;
        let handle;
        try {
            handle = await (0,promises_.open)(target, flags);
        }
        catch (e) {
            if (e.code === 'ELOOP')
                throw new repo_snapshot/* RefusedReadError */.TC(path, 'symlink');
            if (e.code === 'ENOENT')
                return undefined;
            throw e;
        }
        try {
            const info = await handle.stat();
            if (!info.isFile())
                throw new repo_snapshot/* RefusedReadError */.TC(path, 'special');
            if (info.size > maxBytes)
                throw new repo_snapshot/* RefusedReadError */.TC(path, 'too-large', info.size);
            // The size can grow between stat and read: never read more than one byte past the cap.
            const buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
            let length = 0;
            while (length < buffer.length) {
                const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
                if (bytesRead === 0)
                    break;
                length += bytesRead;
            }
            if (length > maxBytes)
                throw new repo_snapshot/* RefusedReadError */.TC(path, 'too-large', length);
            return buffer.subarray(0, length).toString('utf8');
        }
        finally {
            await handle.close();
        }
    }
    /**
     * The absolute path of a repo file, checked: a clean relative path, no link on the way, and the
     * real path inside the real root. Undefined when the file (or a folder on the way) does not exist.
     */
    async #resolve(path) {
        if ((0,paths/* relativePathProblem */.BE)(path) !== undefined)
            throw new repo_snapshot/* RefusedReadError */.TC(path, 'outside');
        const slash = path.lastIndexOf('/');
        const dir = slash === -1 ? '' : path.slice(0, slash);
        if (!(await this.#checkedDir(dir)))
            return undefined;
        const target = (0,external_node_path_.join)(this.root, ...path.split('/'));
        const info = await lstatOrUndefined(target);
        if (!info || info.isDirectory())
            return undefined;
        if (info.isSymbolicLink())
            throw new repo_snapshot/* RefusedReadError */.TC(path, 'symlink');
        if (!info.isFile())
            throw new repo_snapshot/* RefusedReadError */.TC(path, 'special');
        return target;
    }
    /** Is this repo folder a real folder inside the real root, with no link on the way? Checked once per folder. */
    #checkedDir(dir) {
        let checked = this.#dirs.get(dir);
        if (!checked) {
            checked = this.#checkDir(dir);
            this.#dirs.set(dir, checked);
        }
        return checked;
    }
    async #checkDir(dir) {
        this.#realRoot ??= (0,promises_.realpath)(this.root);
        if (dir === '')
            return true;
        const slash = dir.lastIndexOf('/');
        if (!(await this.#checkedDir(slash === -1 ? '' : dir.slice(0, slash))))
            return false;
        const absolute = (0,external_node_path_.join)(this.root, ...dir.split('/'));
        const info = await lstatOrUndefined(absolute);
        if (!info)
            return false;
        if (info.isSymbolicLink())
            throw new repo_snapshot/* RefusedReadError */.TC(dir, 'symlink');
        if (!info.isDirectory())
            return false;
        const [real, realRoot] = [await (0,promises_.realpath)(absolute), await this.#realRoot];
        if (!real.startsWith(realRoot + external_node_path_.sep))
            throw new repo_snapshot/* RefusedReadError */.TC(dir, 'outside');
        return true;
    }
    async #walk() {
        const files = [];
        const visit = async (dir, prefix) => {
            const entries = await (0,promises_.readdir)(dir, { withFileTypes: true });
            const subdirs = [];
            for (const entry of entries) {
                const path = `${prefix}${entry.name}`;
                // Dirent types come from lstat: a link to a folder is a link, never descended into.
                if (entry.isDirectory()) {
                    if (!SKIPPED_DIRS.has(entry.name))
                        subdirs.push(visit((0,external_node_path_.join)(dir, entry.name), `${path}/`));
                }
                else if (entry.isFile())
                    files.push({ path });
                else if (entry.isSymbolicLink())
                    files.push({ path, kind: 'symlink' });
                else
                    files.push({ path, kind: 'special' });
            }
            await Promise.all(subdirs);
        };
        await visit(this.root, '');
        // Sizes are read lazily by `size()`: most files are never looked at.
        files.sort((a, b) => (a.path < b.path ? -1 : 1));
        return files;
    }
    async size(path) {
        try {
            const info = await (0,promises_.lstat)((0,external_node_path_.join)(this.root, ...path.split('/')));
            return info.isFile() ? info.size : undefined;
        }
        catch {
            return undefined;
        }
    }
}
async function lstatOrUndefined(path) {
    try {
        return await (0,promises_.lstat)(path);
    }
    catch (e) {
        const code = e.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            return undefined;
        throw e;
    }
}

// EXTERNAL MODULE: ./src/action/report.ts + 3 modules
var report = __webpack_require__(5980);
// EXTERNAL MODULE: ./src/action/verdict.ts
var verdict = __webpack_require__(8263);
;// CONCATENATED MODULE: ./src/action/session.ts
/**
 * What every mode starts from: the inputs, the run's facts, the gitops repository, its client and
 * base branch, and how to get a snapshot of a commit (the API, or a local checkout when `path` is set).
 */











async function openSession(inputs, facts, clientOverrides = {}) {
    const ref = inputs.repository ?? facts.repository;
    if (!ref)
        throw new report/* ActionError */.lZ('GITHUB_REPOSITORY is not set; set the gitops-repository input');
    const budget = new RateBudget();
    const client = (0,github_client/* createClient */.U)({
        budget,
        token: inputs.token,
        baseUrl: facts.apiUrl,
        log: (m) => core/* info */.pq(m),
        debug: (m) => core/* debug */.Yz(m),
        ...clientOverrides,
    });
    const fromEvent = facts.eventRepository;
    const baseBranch = inputs.baseBranch ??
        (fromEvent?.fullName.toLowerCase() === `${ref.owner}/${ref.repo}`.toLowerCase()
            ? fromEvent.defaultBranch
            : (await (0,api_call/* api */.FH)(`reading repository ${ref.owner}/${ref.repo}`, () => client.rest.repos.get({ ...ref })))
                .data.default_branch);
    return { inputs, facts, ref, client, baseBranch, budget, objects: new GitObjects(client, ref) };
}
/**
 * The repository at a tree: the local checkout when the path input is set, else the API. Reads are
 * kept (unless `keep` is false: a whole-repo read), so the summary's version matrix re-reads nothing
 * the plan read.
 */
function snapshotOf(session, tree, keep = true) {
    const snapshot = session.inputs.path
        ? new LocalSnapshot(session.inputs.path)
        : new github_snapshot/* GitHubSnapshot */.uH(session.objects, tree);
    return keep ? new repo_snapshot/* KeptSnapshot */.rF(snapshot) : snapshot;
}
/** The files of a commit's tree (GitHub reads a commit's tree by the commit's sha: one call, kept). */
function treeOfCommit(session, sha) {
    const tree = (0,api_call/* api */.FH)(`reading commit ${sha}`, () => (0,github_snapshot/* readTree */.Zc)(session.objects, sha));
    // Read ahead by callers that may not await it: a failure is reported where it is awaited.
    tree.catch(() => { });
    return tree;
}
/** The age identities for the planner; every value it decrypts is masked before anything prints. */
function sopsKeys(inputs) {
    return {
        identities: inputs.sopsAgeIdentities,
        onDecrypted: (secrets) => {
            for (const secret of secrets)
                (0,src_inputs/* maskSecret */.$l)(secret);
        },
    };
}
/** sops-age-recipients wins over flux-pkg.yaml's sopsAgeRecipients. */
function sopsOverrides(inputs) {
    return inputs.sopsAgeRecipients.length > 0 ? { sopsAgeRecipients: inputs.sopsAgeRecipients } : undefined;
}
/** What every mode's delivery shares: the client, the repository, the base branch, the branch prefix, dry run, the log. */
function deliveryOf(session) {
    return {
        client: session.client,
        ref: session.ref,
        objects: session.objects,
        budget: session.budget,
        baseBranch: session.baseBranch,
        branchPrefix: session.inputs.branchPrefix,
        dryRun: session.inputs.dryRun,
        log: (m) => core/* info */.pq(m),
        // Every mode's pull requests carry the gate's verdict on the heads it pushes.
        published: (published) => (0,verdict/* postVerdicts */.V)(checkTargetOf(session), published),
    };
}
/** Where the gate's verdict goes: this repository, under the check-context input. */
function checkTargetOf(session) {
    return {
        client: session.client,
        ref: session.ref,
        context: session.inputs.checkContext,
        dryRun: session.inputs.dryRun,
        serverUrl: session.facts.serverUrl,
    };
}


/***/ }),

/***/ 8263:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ postVerdicts),
/* harmony export */   f: () => (/* binding */ postCheck)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _github_commit_status_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7593);
/**
 * Posting the gate's verdict (commit status `check-context`): on every head the delivery pushes for
 * a pull request, and on the head validate checked. A token that may not post (a fork's pull
 * request runs with a read-only token) gets a warning, never a failed run: the verdict is also in
 * the run's own check.
 */


/** The run's page, for the status's details link. */
function runUrl(target) {
    const { GITHUB_RUN_ID: id, GITHUB_REPOSITORY: repo } = process.env;
    return id && repo && /^\d+$/.test(id) ? `${target.serverUrl}/${repo}/actions/runs/${id}` : undefined;
}
async function postCheck(target, sha, verdict) {
    if (target.dryRun)
        return false;
    try {
        await (0,_github_commit_status_js__WEBPACK_IMPORTED_MODULE_1__/* .postVerdict */ .Yn)(target.client, target.ref, sha, {
            ...verdict,
            context: target.context,
            targetUrl: runUrl(target),
        });
        return true;
    }
    catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e((0,_github_commit_status_js__WEBPACK_IMPORTED_MODULE_1__/* .isNotPermitted */ .wo)(e)
            ? `could not post the ${target.context} commit status on ${sha.slice(0, 7)} (${why}): give the job "statuses: write"; a fork's pull request gets a read-only token, so its verdict is this run's check only`
            : `could not post the ${target.context} commit status on ${sha.slice(0, 7)}: ${why}`);
        return false;
    }
}
/** The delivery's pull request heads it pushed (or opened a pull request on): each passed the plan's validation. */
async function postVerdicts(target, published) {
    for (const p of published) {
        const head = p.commit ?? (p.operation === 'created' ? p.head : undefined);
        if (!head)
            continue;
        await postCheck(target, head, {
            state: 'success',
            description: p.targets.length === 0
                ? 'flux-pkg-action planned this from the base branch'
                : `flux-pkg-action planned and validated ${p.targets.map((t) => `${t.component} ${t.toVersion ?? ''} in ${t.environment}`).join(', ')}`,
        });
    }
}


/***/ }),

/***/ 7227:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ nodeCrypto)
/* harmony export */ });
/**
 * Node built-ins loaded on first use instead of imported at the top: a command that never hashes
 * (a plain `flux-pkg validate`) skips their load, about a third of a bare `node -e ''` (src/startup.ts
 * has the measurement).
 */
const nodeCrypto = () => process.getBuiltinModule('node:crypto');


/***/ }),

/***/ 3129:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Om: () => (/* binding */ dns1123LabelProblem),
/* harmony export */   Qh: () => (/* binding */ expandNameTemplate),
/* harmony export */   TG: () => (/* binding */ fullyQualifiedNameProblem),
/* harmony export */   V9: () => (/* binding */ nameTemplateProblem),
/* harmony export */   _G: () => (/* binding */ dns1123SubdomainProblem)
/* harmony export */ });
/* unused harmony export COMPONENT_PLACEHOLDER */
/* harmony import */ var _builtins_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7227);
/** Kubernetes and Carvel naming rules (k8s.io/apimachinery validation, kapp-controller's extra checks). */
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** A DNS-1123 label (namespaces, component and environment folder names): ≤63, lowercase alphanumerics and '-'. */
function dns1123LabelProblem(value) {
    if (value.length === 0)
        return 'must not be empty';
    if (value.length > 63)
        return `must be at most 63 characters (it has ${value.length})`;
    if (!DNS1123_LABEL.test(value)) {
        return "must be a DNS-1123 label: lowercase letters, digits and '-', starting and ending with a letter or digit";
    }
    return undefined;
}
/** A DNS-1123 subdomain (most object names): ≤253, lowercase label(s) separated by dots. */
function dns1123SubdomainProblem(value) {
    if (value.length === 0)
        return 'must not be empty';
    if (value.length > 253)
        return `must be at most 253 characters (it has ${value.length})`;
    if (!DNS1123_SUBDOMAIN.test(value)) {
        return "must be a lowercase DNS-1123 subdomain: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit";
    }
    return undefined;
}
/**
 * kapp-controller's `IsFullyQualifiedName`, used for Package refName and PackageMetadata name:
 * a DNS-1123 subdomain with at least three dot-separated segments.
 */

function fullyQualifiedNameProblem(value) {
    const subdomain = dns1123SubdomainProblem(value);
    if (subdomain)
        return subdomain;
    if (value.split('.').length < 3)
        return 'should be a domain with at least three segments separated by dots';
    return undefined;
}
/** The placeholder a name template may hold (flux-pkg.yaml packageInstallName, valuesSecretName). */
const COMPONENT_PLACEHOLDER = '{component}';
const MAX_SUBDOMAIN = 253;
const HASH_LENGTH = 8;
/**
 * What is wrong with a name template, whatever component it is expanded for: only `{component}` may
 * be a placeholder, and the text around it must make a DNS-1123 subdomain for any component (a
 * component is one itself). `{component}-.x` makes `app-.x`; `""` makes no name at all.
 */
function nameTemplateProblem(template) {
    const unknown = /\{[^}]*\}/.exec(template.replaceAll(COMPONENT_PLACEHOLDER, ''));
    if (unknown)
        return `holds ${JSON.stringify(unknown[0])}; the only placeholder is ${COMPONENT_PLACEHOLDER}`;
    for (const sample of ['a', 'a.b', '0']) {
        const problem = dns1123SubdomainProblem(template.replaceAll(COMPONENT_PLACEHOLDER, sample));
        if (problem)
            return `does not make a valid object name (for a component "${sample}", the name ${problem})`;
    }
    return undefined;
}
/**
 * A name template expanded for a component. When the name would pass 253 characters, each
 * `{component}` is cut and ends in a hash of the whole component, so the name stays unique and
 * stable across runs, and the template's own text (the meaningful `-values` suffix) stays whole.
 */
function expandNameTemplate(template, component) {
    const name = template.replaceAll(COMPONENT_PLACEHOLDER, component);
    if (name.length <= MAX_SUBDOMAIN)
        return name;
    const count = template.split(COMPONENT_PLACEHOLDER).length - 1;
    if (count === 0)
        return name;
    const fixed = template.length - count * COMPONENT_PLACEHOLDER.length;
    const keep = Math.floor((MAX_SUBDOMAIN - fixed) / count) - HASH_LENGTH - 1;
    if (keep < 1)
        return name;
    const hash = (0,_builtins_js__WEBPACK_IMPORTED_MODULE_0__/* .nodeCrypto */ .S)().createHash('sha256').update(component).digest('hex').slice(0, HASH_LENGTH);
    const cut = `${component.slice(0, keep).replace(/[^a-z0-9]+$/, '')}-${hash}`;
    return template.replaceAll(COMPONENT_PLACEHOLDER, cut);
}


/***/ }),

/***/ 6533:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RC: () => (/* binding */ parseRange),
/* harmony export */   UD: () => (/* binding */ compare),
/* harmony export */   X: () => (/* binding */ parseRelaxed),
/* harmony export */   Xo: () => (/* binding */ selectHighest),
/* harmony export */   z3: () => (/* binding */ parseStrict)
/* harmony export */ });
/* unused harmony exports format, satisfies */
/**
 * The version rules kapp-controller really runs, ported from the code it vendors (as of kapp-controller e4b4822, Oct 2024):
 * - github.com/carvel-dev/semver/v4 at 8090ce423695 (blang/semver v4 plus "build metadata takes part in
 *   ordering"). Later fork commits (wildcards expanding to `-0`, natural sort of identifiers) are NOT ported
 *   because kapp-controller does not ship them.
 * - carvel.dev/vendir/pkg/vendir/versions (relaxed listing and HighestConstrainedVersion), plus
 *   kapp-controller's rule that an exact prerelease constraint enables prereleases.
 * Range parsing keeps blang's quirks on purpose (see parseRange): the goal is to predict what the
 * cluster will do, not to be a nicer semver.
 */
const UINT64_MAX = (1n << 64n) - 1n;
const INT64_MAX = (1n << 63n) - 1n;
const ALPHANUMERIC = /^[0-9A-Za-z-]*$/;
// Go's containsOnly accepts the empty string; emptiness is reported separately.
const DIGITS = /^[0-9]*$/;
class Invalid extends Error {
}
const invalid = (message) => {
    throw new Invalid(message);
};
function uint64(label, text) {
    if (text === '')
        invalid(`${label} is empty`);
    if (!DIGITS.test(text))
        invalid(`${label} "${text}" is not a number`);
    const value = BigInt(text);
    if (value > UINT64_MAX)
        invalid(`${label} "${text}" is larger than 2^64-1`);
    return value;
}
function coreNumber(label, text) {
    const value = uint64(label, text);
    if (text.length > 1 && text[0] === '0')
        invalid(`${label} "${text}" has a leading zero`);
    return value;
}
function identifier(kind, text) {
    if (text === '')
        invalid(`${kind} has an empty identifier`);
    if (DIGITS.test(text)) {
        uint64(`${kind} identifier`, text); // Go parses numeric build identifiers too, so they overflow as well
        if (kind === 'prerelease' && text.length > 1 && text[0] === '0') {
            invalid(`numeric prerelease identifier "${text}" has a leading zero`);
        }
    }
    else if (!ALPHANUMERIC.test(text)) {
        invalid(`${kind} identifier "${text}" may only contain [0-9A-Za-z-]`);
    }
    return text;
}
const numericOrText = (text) => (DIGITS.test(text) ? BigInt(text) : text);
function parseOrThrow(text) {
    if (text === '')
        invalid('version is empty');
    // Go reports this as a bad major number; every text starting with v fails anyway, so say why.
    if (/^[vV]/.test(text))
        invalid("leading 'v' is not allowed");
    const first = text.indexOf('.');
    const second = first < 0 ? -1 : text.indexOf('.', first + 1);
    if (second < 0)
        invalid('expected MAJOR.MINOR.PATCH');
    const major = coreNumber('major version', text.slice(0, first));
    const minor = coreNumber('minor version', text.slice(first + 1, second));
    // Build is cut at the first '+', then prerelease at the first '-' before it, as Go does.
    let rest = text.slice(second + 1);
    let build = [];
    let pre = [];
    const plus = rest.indexOf('+');
    if (plus >= 0)
        [rest, build] = [rest.slice(0, plus), rest.slice(plus + 1).split('.')];
    const dash = rest.indexOf('-');
    if (dash >= 0)
        [rest, pre] = [rest.slice(0, dash), rest.slice(dash + 1).split('.')];
    const patch = coreNumber('patch version', rest);
    return {
        major,
        minor,
        patch,
        pre: pre.map((p) => numericOrText(identifier('prerelease', p))),
        build: build.map((b) => identifier('build metadata', b)),
        raw: text,
    };
}
/** carvel-dev/semver `Parse`: exactly MAJOR.MINOR.PATCH[-PRE][+BUILD], as the Package API enforces. */
function parseStrict(text) {
    try {
        return parseOrThrow(text);
    }
    catch (e) {
        if (e instanceof Invalid)
            return { error: e.message };
        throw e;
    }
}
/** vendir's `NewRelaxedSemver`: one leading lowercase `v` is dropped; anything else unparsable is skipped. */
function parseRelaxed(text) {
    const parsed = parseStrict(text.startsWith('v') ? text.slice(1) : text);
    return 'error' in parsed ? undefined : { ...parsed, raw: text };
}
function format(v) {
    const pre = v.pre.length > 0 ? `-${v.pre.join('.')}` : '';
    const build = v.build.length > 0 ? `+${v.build.join('.')}` : '';
    return `${v.major}.${v.minor}.${v.patch}${pre}${build}`;
}
const order = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
function compareIdentifiers(a, b) {
    if (typeof a === typeof b)
        return order(a, b);
    return typeof a === 'bigint' ? -1 : 1; // numeric identifiers sort below alphanumeric ones
}
function compareLists(a, b) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
        const c = compareIdentifiers(a[i], b[i]);
        if (c !== 0)
            return c;
    }
    return order(a.length, b.length);
}
/**
 * The fork's `Compare`: semver 2.0 precedence, then build metadata as a tie-breaker (no build sorts
 * lowest, identifiers compare like prerelease ones). So 1.0.0 < 1.0.0+a < 1.0.0+b, and `=1.0.0`
 * does not match 1.0.0+vmware.1.
 */
function compare(a, b) {
    const core = order(a.major, b.major) || order(a.minor, b.minor) || order(a.patch, b.patch);
    if (core !== 0)
        return core;
    // A release outranks its prereleases, while no build metadata ranks below any.
    const aReleased = a.pre.length === 0;
    if (aReleased !== (b.pre.length === 0))
        return aReleased ? 1 : -1;
    return compareLists(a.pre, b.pre) || compareLists(a.build.map(numericOrText), b.build.map(numericOrText));
}
const OPERATORS = new Map([
    ['', (c) => c === 0],
    ['=', (c) => c === 0],
    ['==', (c) => c === 0],
    ['!', (c) => c !== 0],
    ['!=', (c) => c !== 0],
    ['>', (c) => c > 0],
    ['>=', (c) => c >= 0],
    ['<', (c) => c < 0],
    ['<=', (c) => c <= 0],
]);
/**
 * blang's `splitAndTrim`: split on ' ' unless the previous non-space is an operator character, then
 * delete the spaces. Go silently drops one-byte tokens, so `1.0.0 - 2.0.0` reads as `1.0.0 2.0.0`.
 */
function tokenize(text) {
    const tokens = [];
    const keep = (token) => {
        if (Buffer.byteLength(token, 'utf8') > 1)
            tokens.push(token.replaceAll(' ', ''));
    };
    let start = 0;
    let previous = '';
    for (let i = 0; i < text.length; i++) {
        if (text[i] !== ' ')
            previous = text[i];
        else if (!['<', '>', '='].includes(previous)) {
            keep(text.slice(start, i));
            start = i + 1;
        }
    }
    keep(text.slice(start));
    return tokens;
}
/** The operator is everything before the first digit, so `x.1.2` has operator "x." (see expandWildcard). */
function splitOperator(token) {
    const digit = /\p{Nd}/u.exec(token);
    if (!digit)
        return invalid(`"${token}" has no version`);
    return [token.slice(0, digit.index).trim(), token.slice(digit.index)];
}
/** Go's Atoi-then-Itoa increment of one dot-separated part; '' when Atoi would fail. */
function increment(version, index) {
    const parts = version.split('.');
    if (!/^[+-]?[0-9]+$/.test(parts[index] ?? ''))
        return '';
    const n = BigInt(parts[index]);
    if (n > INT64_MAX || n < -INT64_MAX - 1n)
        return '';
    parts[index] = String(n + 1n);
    return parts.join('.');
}
/**
 * blang's `expandWildcardVersion`, quirks included: it triggers on any 'x' in the token (so `1.0.0+linux`
 * fails to parse), `1.x.x` is treated as `1.0.x`, an unknown operator in front of a wildcard is dropped
 * (`~1.2.x` means `=1.2.0`), and `!=1.2.x` becomes `<1.2.0 >=1.3.0` inside one AND, matching nothing.
 */
function expandWildcard(token) {
    const [op, version] = splitOperator(token);
    if (!token.includes('x'))
        return [[op, version]];
    const parts = version.split('.');
    // 1.x bumps the major and 1.2.x the minor for the upper bound; other spots of 'x' have nothing to bump.
    const bump = parts.at(-1) === 'x' && (parts.length === 2 || parts.length === 3) ? parts.length - 2 : -1;
    let flat = version.replace('.x.x', '.x').replace('.x', '.0');
    if (flat.split('.').length === 2)
        flat += '.0';
    const next = () => (bump >= 0 ? increment(flat, bump) : '') ||
        invalid(`cannot expand "${token}": any 'x' makes it a wildcard, and only 1.x and 1.2.x forms work`);
    if (op === '>')
        return [['>=', next()]];
    if (op === '>=')
        return [['>=', flat]];
    if (op === '<')
        return [['<', flat]];
    if (op === '<=')
        return [['<', next()]];
    if (op === '' || op === '=' || op === '==')
        return [
            ['>=', flat],
            ['<', next()],
        ];
    if (op === '!' || op === '!=')
        return [
            ['<', flat],
            ['>=', next()],
        ];
    return [['', flat]];
}
function comparator(token, op, version) {
    const test = OPERATORS.get(op);
    if (!test)
        return invalid(`unsupported operator "${op}" in "${token}" (use =, !=, >, >=, <, <=; no ^ or ~)`);
    const bound = parseStrict(version);
    if ('error' in bound)
        return invalid(`invalid version "${version}" in "${token}": ${bound.error}`);
    return (v) => test(compare(v, bound));
}
/**
 * carvel-dev/semver `ParseRange`: comparators joined by spaces (AND) and ` || ` (OR), `x` wildcards,
 * strict versions. No ^, ~, * or partial versions.
 */
function parseRange(text) {
    try {
        const tokens = tokenize(text);
        // Go drops one-byte tokens, so `*` or `x` alone leave nothing behind.
        if (tokens.length === 0)
            invalid(text.trim() ? `"${text.trim()}" is not a version constraint` : 'constraint is empty');
        if (tokens[0] === '||')
            invalid("constraint starts with '||'");
        if (tokens.at(-1) === '||')
            invalid("constraint ends with '||'");
        const groups = [[]];
        for (const token of tokens) {
            if (token === '||')
                groups.push([]);
            else
                groups.at(-1).push(token);
        }
        // Go builds a nil function for an empty group and panics when it is reached; refuse it instead.
        if (groups.some((g) => g.length === 0))
            invalid("constraint has an empty alternative between '||'");
        const alternatives = groups.map((group) => group.flatMap((token) => expandWildcard(token).map(([op, version]) => comparator(token, op, version))));
        return (v) => alternatives.some((all) => all.every((test) => test(v)));
    }
    catch (e) {
        if (e instanceof Invalid)
            return { error: e.message };
        throw e;
    }
}
/** Whether `version` (relaxed, as vendir lists it) satisfies `constraints`; an empty constraint matches all. */
function satisfies(version, constraints) {
    const v = parseRelaxed(version);
    if (!v)
        return false;
    if (constraints === '')
        return true;
    const range = parseRange(constraints);
    return !('error' in range) && range(v);
}
/**
 * vendir's `HighestConstrainedVersion` as kapp-controller calls it (without the kubernetes and
 * kapp-controller version filters, which need a cluster).
 */
function selectHighest(versions, selection) {
    const constraints = selection.constraints ?? '';
    let prereleases = selection.prereleases ?? undefined;
    // kapp-controller: a constraint that is exactly one prerelease version enables prereleases.
    if (constraints !== '' && prereleases === undefined) {
        const single = parseStrict(constraints);
        if (!('error' in single) && single.pre.length > 0)
            prereleases = {};
    }
    const all = versions.flatMap((text) => parseRelaxed(text) ?? []);
    const identifiers = new Set(prereleases?.identifiers ?? []);
    const released = all.filter((v) => {
        if (v.pre.length === 0)
            return true;
        if (prereleases === undefined)
            return false;
        return identifiers.size === 0 || v.pre.some((part) => identifiers.has(String(part)));
    });
    const details = [`all=${all.length}`, `after-prereleases-filter=${released.length}`];
    let candidates = released;
    if (constraints !== '') {
        const range = parseRange(constraints);
        if ('error' in range) {
            return { error: `Selecting versions: Parsing version constraint '${constraints}': ${range.error}` };
        }
        candidates = released.filter(range);
        details.push(`after-constraints-filter=${candidates.length}`);
    }
    // Go sorts stably and takes the last, so among equal versions the later one in the input wins.
    let best;
    for (const v of candidates)
        if (!best || compare(v, best) >= 0)
            best = v;
    if (!best) {
        return { error: `Expected to find at least one version, but did not (details: ${details.join(' -> ')})` };
    }
    return { version: best.raw };
}


/***/ }),

/***/ 4851:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $e: () => (/* binding */ warning),
/* harmony export */   Cs: () => (/* binding */ hasErrors),
/* harmony export */   Ds: () => (/* binding */ sortDiagnostics),
/* harmony export */   E_: () => (/* binding */ dedupeDiagnostics),
/* harmony export */   xy: () => (/* binding */ formatDiagnostic),
/* harmony export */   z3: () => (/* binding */ error)
/* harmony export */ });
/* unused harmony export NO_POSITION */
const NO_POSITION = { line: 0, column: 0 };
function error(code, message, file, pos = NO_POSITION, path = '') {
    return { severity: 'error', file, line: pos.line, column: pos.column, path, code, message };
}
function warning(code, message, file, pos = NO_POSITION, path = '') {
    return { severity: 'warning', file, line: pos.line, column: pos.column, path, code, message };
}
function hasErrors(diagnostics) {
    return diagnostics.some((d) => d.severity === 'error');
}
/** Stable order for output: by file, line, column, then code. */
function sortDiagnostics(diagnostics) {
    return [...diagnostics].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
}
/** `path:line:col: severity: message` — the format compilers and editors understand. */
function formatDiagnostic(d) {
    const where = d.file ? `${d.file}${d.line ? `:${d.line}:${d.column || 1}` : ''}: ` : '';
    const at = d.path && !d.message.startsWith(d.path) ? ` (at ${d.path})` : '';
    return `${where}${d.severity}: ${d.message}${at}`;
}
/** The same diagnostic reported twice (by two checks of one file) is shown once. */
function dedupeDiagnostics(diagnostics) {
    const seen = new Set();
    return diagnostics.filter((d) => {
        const key = `${d.file}:${d.line}:${d.column}:${d.code}:${d.message}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}


/***/ }),

/***/ 1948:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ct: () => (/* binding */ KUSTOMIZATION_FILES),
/* harmony export */   NV: () => (/* binding */ generatedResources),
/* harmony export */   "in": () => (/* binding */ kustomizationFilesIn)
/* harmony export */ });
/**
 * What Flux's kustomize-controller applies for a folder. With a kustomization file, what it lists;
 * without one, kustomize-controller generates one (fluxcd/pkg kustomize/kustomize_generator.go,
 * scanManifests): it walks the folder in lexical order, lists every `.yaml`/`.yml` file, subfolders
 * included, and lists a subfolder that holds a kustomization file as a folder without descending
 * into it. (A YAML file that is no Kubernetes manifest fails that generation, so it is listed too:
 * the folder was not being applied before either.)
 */
/** The names kustomize recognises, in the order it looks for them (konfig.RecognizedKustomizationFileNames). */
const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];
/** The kustomization files directly in a folder, in kustomize's order (more than one is an error for kustomize). */
function kustomizationFilesIn(paths, dir) {
    return KUSTOMIZATION_FILES.map((name) => `${dir}/${name}`).filter((p) => paths.has(p));
}
/**
 * The resources of the kustomization.yaml Flux generates for a folder that has none, relative to
 * the folder and in Flux's order. `paths` are repository paths of files.
 */
function generatedResources(paths, dir) {
    const prefix = `${dir}/`;
    const all = new Set();
    for (const p of paths)
        if (p.startsWith(prefix))
            all.add(p.slice(prefix.length));
    const out = [];
    walk(tree(all), '', out);
    return out;
}
function tree(paths) {
    const root = { files: new Set(), folders: new Map() };
    for (const path of paths) {
        const parts = path.split('/');
        let folder = root;
        for (const part of parts.slice(0, -1)) {
            let next = folder.folders.get(part);
            if (!next) {
                next = { files: new Set(), folders: new Map() };
                folder.folders.set(part, next);
            }
            folder = next;
        }
        folder.files.add(parts[parts.length - 1]);
    }
    return root;
}
/** filepath.Walk: the entries of a folder sorted by name (bytes), files and folders interleaved. */
function walk(folder, at, out) {
    const names = [...folder.files, ...folder.folders.keys()].sort(byBytes);
    for (const name of names) {
        const path = at ? `${at}/${name}` : name;
        const sub = folder.folders.get(name);
        if (sub) {
            if (KUSTOMIZATION_FILES.some((k) => sub.files.has(k)))
                out.push(path);
            else
                walk(sub, path, out);
        }
        else if (name.endsWith('.yaml') || name.endsWith('.yml'))
            out.push(path);
    }
}
/** Go compares strings by bytes: UTF-8 order is code point order, which UTF-16 order differs from only past U+FFFF. */
const byBytes = (a, b) => {
    const x = [...a].map((c) => c.codePointAt(0));
    const y = [...b].map((c) => c.codePointAt(0));
    for (let i = 0; i < Math.min(x.length, y.length); i++)
        if (x[i] !== y[i])
            return x[i] - y[i];
    return x.length - y.length;
};


/***/ }),

/***/ 5452:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FH: () => (/* binding */ api),
/* harmony export */   Ss: () => (/* binding */ RaceLostError),
/* harmony export */   VE: () => (/* binding */ DeliveryError)
/* harmony export */ });
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4224);
/**
 * One REST call's failure as a line the user can act on, and the errors the delivery loop tells apart. Apart from
 * deliver.ts so that the action's start-up (src/main.ts, src/action/session.ts) and a no-op install, which only
 * wrap reads, do not load the publishing code behind deliver.ts (pull-request bodies, rendering, the yaml library).
 */

/** A failure the user can act on, in one line (API errors translated by explainApiError). */
class DeliveryError extends Error {
}
/** Another run changed a branch or pull request while this one wrote it: the delivery plans again (deliver.ts). */
class RaceLostError extends Error {
}
async function api(doing, call) {
    try {
        return await call();
    }
    catch (e) {
        if (e instanceof DeliveryError || e instanceof RaceLostError)
            throw e;
        throw new DeliveryError((0,_client_js__WEBPACK_IMPORTED_MODULE_0__/* .explainApiError */ .c)(e, doing));
    }
}


/***/ }),

/***/ 4224:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  U: () => (/* binding */ createClient),
  c: () => (/* binding */ explainApiError)
});

// EXTERNAL MODULE: ./node_modules/@octokit/rest/dist-src/index.js + 3 modules
var dist_src = __webpack_require__(1267);
;// CONCATENATED MODULE: ./src/github/pacing.ts
/**
 * GitHub's documented limits: 80 content-creating requests a minute and 500 an hour. A burst of 10
 * covers a typical run (5 writes a pull request) and leaves a sustained 71 a minute (one per 846 ms).
 * Notifications have no documented number; they keep the plugin's own caution (one per 3 s) after
 * a burst of 10: 30 in any minute.
 */
const GITHUB_BUDGET = {
    writes: { burst: 10, perMinute: 80, perHour: 500 },
    notifications: { burst: 10, perMinute: 30 },
};
function resolveBudget(overrides = {}) {
    const budget = {
        writes: { ...GITHUB_BUDGET.writes, ...overrides.writes },
        notifications: { ...GITHUB_BUDGET.notifications, ...overrides.notifications },
    };
    check('writes', budget.writes);
    check('notifications', budget.notifications);
    check('writes per hour', { burst: hourlyBurst(budget.writes.perHour), perMinute: budget.writes.perHour });
    return budget;
}
function check(name, bucket) {
    const { burst, perMinute } = bucket;
    if (!Number.isInteger(burst) || !Number.isInteger(perMinute) || burst < 1 || perMinute < burst + 2) {
        throw new RangeError(`pacing ${name}: burst (${burst}) must be a positive integer at least 2 below the window's limit (${perMinute})`);
    }
}
/** The hourly bucket's burst: most of the hour's budget, so a normal run never waits on it. */
const hourlyBurst = (perHour) => Math.floor(perHour * 0.6);
/**
 * The refill interval (whole ms) of a bucket that never lets more than `limit` requests into any
 * window of `windowMs`, its burst included (see TokenBucket): the sustained pace is then
 * `limit - burst + 1` a window — one write per 846 ms, 71 a minute, for GitHub's budget.
 */
function refillInterval(burst, limit, windowMs) {
    return Math.ceil(windowMs / (limit - burst + 1));
}
/**
 * A token bucket as one timestamp (GCRA's "theoretical arrival time"): `fullAt` is when the bucket
 * is full again if nothing more is taken; it holds burst - (fullAt - now) / refillMs tokens, so a
 * token is there once fullAt - now <= (burst - 1) * refillMs.
 *
 * Why no window holds more than burst + windowMs / refillMs - 1 (for a window [a, a + W) and
 * refillMs >= W / (limit - burst + 1): at most `limit`): of m requests leaving in it, take the one
 * whose token was taken first, leaving at d. Taking it set fullAt >= d + refillMs and each later
 * take adds refillMs, so the last of the m to take a token found fullAt >= d + (m - 1) * refillMs and
 * left no earlier than d + (m - burst) * refillMs < a + W <= d + W. Hence m - burst < W / refillMs.
 * That holds whatever order tokens are taken in, so a request held back by another bucket may take
 * this one's token at the time it actually leaves.
 */
class TokenBucket {
    burst;
    refillMs;
    #fullAt = Number.NEGATIVE_INFINITY;
    constructor(burst, refillMs) {
        this.burst = burst;
        this.refillMs = refillMs;
    }
    /** The earliest time from `now` at which a token is there. */
    earliest(now) {
        return Math.max(now, this.#fullAt - (this.burst - 1) * this.refillMs);
    }
    /** Takes a token at `at`, a time no earlier than `earliest()` said. */
    take(at) {
        this.#fullAt = Math.max(this.#fullAt, at) + this.refillMs;
    }
}
/** The search endpoints keep the plugin's pace (its dist-src/index.js lines 20-25: one per 2 s). */
const SEARCH_MS = 2_000;
/**
 * A client's pacer: it takes a token from every bucket the request's kind uses, at the time all of
 * them have one, and says when that is. Reads are never paced; `false` paces nothing.
 */
function createPacer(budget) {
    if (budget === false)
        return (_kind, now) => now;
    const { writes, notifications } = budget;
    const minute = new TokenBucket(writes.burst, refillInterval(writes.burst, writes.perMinute, 60_000));
    const hourBurst = hourlyBurst(writes.perHour);
    const hour = new TokenBucket(hourBurst, refillInterval(hourBurst, writes.perHour, 3_600_000));
    const notify = new TokenBucket(notifications.burst, refillInterval(notifications.burst, notifications.perMinute, 60_000));
    const buckets = {
        read: [],
        write: [minute, hour],
        'notifying write': [minute, hour, notify],
        search: [new TokenBucket(1, SEARCH_MS)],
    };
    return (kind, now) => {
        const needed = buckets[kind];
        let at = now;
        for (const bucket of needed)
            at = Math.max(at, bucket.earliest(now));
        for (const bucket of needed)
            bucket.take(at);
        return at;
    };
}

// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(6752);
;// CONCATENATED MODULE: ./src/github/proxy.ts
/**
 * Corporate proxies: HTTPS_PROXY / HTTP_PROXY / NO_PROXY (lowercase first, as curl reads them)
 * honoured for every API call, by a fetch that sends each request through undici's ProxyAgent
 * unless NO_PROXY names its host. With no proxy variable set there is no wrapper at all: the API
 * calls go through the npm package undici's own fetch.
 *
 * Why undici's fetch and not the global one: the action loads the npm undici anyway (@actions/core →
 * @actions/http-client imports it), and Node's global fetch is a second copy of undici, built into
 * Node, compiled on the first call: in CPU profiles of the bundled action, 25–50 ms from Octokit's
 * first fetch to its request on the wire with the global fetch, 6–8 ms with this one (one PR, 0 ms
 * stand-in: 3–7 % less CPU for the whole run, alternating runs). One HTTP stack instead of two.
 *
 * undici's own EnvHttpProxyAgent does the same but prints an "experimental" warning into every run's
 * log, and reads process.env itself; this reads the environment it is given.
 */

function proxySettings(env) {
    const pick = (name) => (env[name.toLowerCase()] ?? env[name.toUpperCase()])?.trim() || undefined;
    const httpProxy = pick('http_proxy');
    const httpsProxy = pick('https_proxy') ?? httpProxy;
    if (!httpProxy && !httpsProxy)
        return undefined;
    const noProxy = (pick('no_proxy') ?? '')
        .split(/[\s,]+/)
        .map((e) => e.toLowerCase())
        .filter(Boolean);
    return { httpProxy, httpsProxy, noProxy };
}
/** True when NO_PROXY says to reach `url` directly: `*`, a host, `.suffix` or `*.suffix`, optionally `:port`. */
function bypassesProxy(url, noProxy) {
    const host = url.hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    return noProxy.some((entry) => {
        if (entry === '*')
            return true;
        const { name, entryPort } = parseEntry(entry);
        if (entryPort && entryPort !== port)
            return false;
        return host === name || host.endsWith(`.${name}`);
    });
}
/** `host`, `host:port`, `[v6]`, `[v6]:port` or a bare IPv6 address; a leading `.` or `*.` dropped. */
function parseEntry(entry) {
    const bracketed = /^\[(.*)\](?::(\d+))?$/.exec(entry);
    if (bracketed)
        return { name: bracketed[1], entryPort: bracketed[2] };
    if (entry.split(':').length > 2)
        return { name: entry };
    const [name = '', entryPort] = entry.split(':');
    return { name: name.replace(/^\*?\./, ''), entryPort };
}
/**
 * A fetch that routes through the proxy the environment names, or undici's own when it names none.
 */
function proxyFetch(env) {
    const settings = proxySettings(env);
    // undici's fetch takes a dispatcher per request; its types differ from the DOM's only in name.
    if (!settings)
        return undici.fetch;
    const agents = new Map();
    const agentFor = (proxy) => {
        const known = agents.get(proxy);
        if (known)
            return known;
        const agent = new undici.ProxyAgent(proxy);
        agents.set(proxy, agent);
        return agent;
    };
    return ((input, init) => {
        const url = new URL(input instanceof Request ? input.url : String(input));
        const proxy = url.protocol === 'https:' ? settings.httpsProxy : settings.httpProxy;
        const direct = !proxy || bypassesProxy(url, settings.noProxy);
        return (0,undici.fetch)(input, {
            ...init,
            ...(direct ? {} : { dispatcher: agentFor(proxy) }),
        });
    });
}

// EXTERNAL MODULE: ./src/github/limit.ts
var limit = __webpack_require__(7515);
;// CONCATENATED MODULE: ./src/github/request-kind.ts
/**
 * What kind of request a route is, for pacing: a read, a write (content-creating: any method but GET
 * and HEAD, GraphQL included), a write that notifies people, or a search. The same split as
 * @octokit/plugin-throttling 11.0.5 made (node_modules/@octokit/plugin-throttling/dist-src/
 * wrap-request.js lines 5-24 and 38-44; its notifying routes, generated from GitHub's OpenAPI
 * `x-github.triggersNotification`, are dist-src/generated/triggers-notification-paths.js, matched as
 * dist-src/route-matcher.js does), kept here so the client no longer needs the plugin.
 */
const NOTIFYING_ROUTES = [
    '/orgs/{org}/invitations',
    '/orgs/{org}/invitations/{invitation_id}',
    '/orgs/{org}/teams/{team_slug}/discussions',
    '/orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments',
    '/repos/{owner}/{repo}/collaborators/{username}',
    '/repos/{owner}/{repo}/commits/{commit_sha}/comments',
    '/repos/{owner}/{repo}/issues',
    '/repos/{owner}/{repo}/issues/{issue_number}/comments',
    '/repos/{owner}/{repo}/issues/{issue_number}/sub_issue',
    '/repos/{owner}/{repo}/issues/{issue_number}/sub_issues/priority',
    '/repos/{owner}/{repo}/pulls',
    '/repos/{owner}/{repo}/pulls/{pull_number}/comments',
    '/repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies',
    '/repos/{owner}/{repo}/pulls/{pull_number}/merge',
    '/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers',
    '/repos/{owner}/{repo}/pulls/{pull_number}/reviews',
    '/repos/{owner}/{repo}/releases',
    '/teams/{team_id}/discussions',
    '/teams/{team_id}/discussions/{discussion_number}/comments',
];
/** route-matcher.js: a `{parameter}` matches any text, a route may end in more text without a slash. */
const NOTIFYING = new RegExp(`^(?:${NOTIFYING_ROUTES.map((r) => `(?:${r.replace(/\{[^}]*\}/g, '(?:.+?)')})`).join('|')})[^/]*$`, 'i');
/** The path of a request's URL (a route template such as `/repos/{owner}/{repo}/pulls`, or a whole URL). */
function pathOf(url) {
    return new URL(url, 'http://github.test').pathname;
}
/** wrap-request.js lines 6-10 and 16-24: GraphQL is paced as a write whatever its method. */
function requestKind(method, path) {
    if (method === 'GET' || method === 'HEAD') {
        if (path.startsWith('/graphql'))
            return 'write';
        return method === 'GET' && path.startsWith('/search/') ? 'search' : 'read';
    }
    if (isAppTokenRequest(method, path))
        return 'read';
    return NOTIFYING.test(path) ? 'notifying write' : 'write';
}
/** Creating or resetting an app or OAuth token is no content (wrap-request.js lines 38-44). */
function isAppTokenRequest(method, path) {
    if (method === 'PATCH')
        return /^\/applications\/[^/]+\/token\/scoped$/.test(path);
    return (method === 'POST' &&
        (/^\/applications\/[^/]+\/token$/.test(path) ||
            /^\/app\/installations\/[^/]+\/access_tokens$/.test(path) ||
            path === '/login/oauth/access_token'));
}

;// CONCATENATED MODULE: ./src/github/retry.ts
/** Statuses of 400 or more that are not sent again as a server failure (the plugin's list, with 429). */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451];
/** A secondary limit's wait when its answer has no `retry-after` (the plugin's default). */
const FALLBACK_SECONDARY_WAIT = 60;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * Sends `options`, again after (n + 1)² × `unitMs` for the n-th server failure, at most `retries`
 * times (a request's own `request.retries` option wins, as with the plugin). The first send is made
 * before this returns.
 */
async function sendWithServerRetries(send, options, retries, unitMs) {
    const allowed = options.request?.retries ?? retries;
    for (let attempt = 0;; attempt++) {
        try {
            return graphqlServerError(await send(options), options);
        }
        catch (error) {
            if (attempt >= allowed || !isServerFailure(error))
                throw error;
            await sleep((attempt + 1) ** 2 * unitMs);
        }
    }
}
/** An answer of Octokit's (a RequestError: it carries the request) of 400 or more, not on the list. */
function isServerFailure(error) {
    const { status, request } = error;
    return (request?.request !== undefined && status !== undefined && status >= 400 && !DO_NOT_RETRY.includes(status));
}
function graphqlServerError(response, options) {
    const errors = response.data?.errors;
    const message = errors?.[0]?.message;
    if (message === undefined || !/Something went wrong while executing your query/.test(message))
        return response;
    throw Object.assign(new Error(message), { name: 'HttpError', status: 500, request: options, response });
}
/**
 * A GraphQL answer that reports the rate limit used up, as an error to wait out like a REST one
 * (plugin-throttling's wrap-request.js lines 26-35).
 */
function graphqlRateLimited(response) {
    const errors = response.data?.errors;
    if (!errors?.some((e) => e.type === 'RATE_LIMITED'))
        return response;
    throw Object.assign(new Error('GraphQL Rate Limit Exceeded'), { response, data: response.data });
}
/** What a failure asks the client to wait for, or undefined when it is no "slow down" answer. */
function slowDownOf(error, path, now) {
    const { status, message, response } = error;
    const graphql = path.startsWith('/graphql') && status !== 401;
    if (!graphql && status !== 403 && status !== 429)
        return undefined;
    const headers = response?.headers ?? {};
    if (/\bsecondary rate\b/i.test(String(message))) {
        return {
            what: 'secondary rate limit',
            seconds: Number(headers['retry-after']) || FALLBACK_SECONDARY_WAIT,
        };
    }
    const usedUp = headers['x-ratelimit-remaining'] === '0' ||
        (response?.data?.errors ?? []).some((e) => e.type === 'RATE_LIMITED');
    if (!usedUp)
        return undefined;
    const resetMs = (Math.trunc(Number(headers['x-ratelimit-reset'])) || 0) * 1000;
    // One second past the reset, as GitHub's docs ask (the plugin's comment, index.js lines 130-132).
    return { what: 'rate limit', seconds: Math.max(Math.ceil((resetMs - now) / 1000) + 1, 0) };
}

;// CONCATENATED MODULE: ./src/github/request-hook.ts
/**
 * The client's one request wrapper (`octokit.hook.wrap('request', …)`): write pacing, at most 10
 * requests in flight, server-failure retries and "slow down" waits, in the order
 * @octokit/plugin-throttling and @octokit/plugin-retry stacked them:
 *
 * 1. pacing (pacing.ts): a write takes its tokens; it leaves at once when they are there — in the
 *    same tick, no timer, no queue — and otherwise waits exactly until they are;
 * 2. a slot among 10 per client (the throttling plugin's `global` group: `maxConcurrent: 10` a
 *    client, its dist-src/index.js lines 10-14 and wrap-request.js line 25), held while the request
 *    and its server-failure retries run, taken at once when one is free;
 * 3. server failures retried inside the slot (retry.ts);
 * 4. a "slow down" answer waited out outside the slot, then the request sent again without pacing
 *    (the plugin gave a retry weight 0: no token), as many times as `wantRetry` allows.
 *
 * Not kept: the plugin's one-at-a-time groups for search and app-token requests (this action makes
 * neither; search keeps the plugin's pace of one per 2 s), and its quirk that a request sent again
 * after a "slow down" started its server-failure backoff where the previous count had left it.
 */



/** GitHub's "no more than 100 concurrent requests" leaves room; the plugin kept 10 a client. */
const MAX_IN_FLIGHT = 10;
function requestHook({ pace, retries, retryUnitMs, wantRetry }) {
    const inFlight = (0,limit/* concurrencyLimit */.r)(MAX_IN_FLIGHT);
    return async (send, options) => {
        const path = pathOf(options.url);
        const now = Date.now();
        const leaveAt = pace(requestKind(options.method, path), now);
        if (leaveAt > now)
            await sleep(leaveAt - now);
        const graphql = path.startsWith('/graphql');
        for (let retryCount = 0;; retryCount++) {
            try {
                const response = await inFlight(() => sendWithServerRetries(send, options, retries, retryUnitMs));
                return graphql ? graphqlRateLimited(response) : response;
            }
            catch (error) {
                const slowDown = slowDownOf(error, path, Date.now());
                if (!slowDown || !wantRetry(slowDown, options, retryCount))
                    throw error;
                await sleep(slowDown.seconds * 1000);
            }
        }
    };
}

;// CONCATENATED MODULE: ./src/github/client.ts
/**
 * The Octokit client: REST + GraphQL through one request wrapper (request-hook.ts; no hand-written
 * retry loops at the call sites), pointed at GITHUB_API_URL so GitHub Enterprise Server works,
 * through the proxy that HTTPS_PROXY / HTTP_PROXY / NO_PROXY name.
 *
 * Who handles what: server failures — 5xx and dropped connections — are sent again (after 1 s, 4 s,
 * 9 s); writes are paced by a budget (pacing.ts); every "slow down" answer — a 403 or 429 secondary
 * limit waits for `retry-after` or a minute, a primary rate limit waits for its reset — is waited
 * out a bounded number of times, saying so in the log (retry.ts). 429 is therefore never retried as
 * a server failure: that would retry after 1 s and 4 s, ignoring `retry-after`.
 *
 * It replaces @octokit/plugin-retry and @octokit/plugin-throttling, keeping what they did: their
 * Bottleneck limiters cost 15-25 ms of timers per request (setTimeout(0) yields, a limiter per
 * request), about a third of a one-pull-request run; a request that may go now leaves at once.
 */




function createClient({ token, baseUrl, log = () => { }, debug = () => { }, retries = 3, retryUnitMs = 1000, limitRetries = 2, maxResetWait = 900, pacing = {}, fetch: transport, env = process.env, budget, }) {
    const fetch = transport ?? proxyFetch(env);
    const client = new dist_src/* Octokit */.E({
        auth: token,
        baseUrl,
        log: { debug, info: debug, warn: debug, error: debug },
        userAgent: 'flux-pkg-action',
        request: { fetch },
    });
    const pace = createPacer(pacing === false ? false : resolveBudget(pacing));
    const wantRetry = slowDownPolicy(log, limitRetries, maxResetWait);
    client.hook.wrap('request', requestHook({ pace, retries, retryUnitMs, wantRetry }));
    if (budget) {
        client.hook.after('request', (response) => budget.observe(response.headers));
        client.hook.error('request', (error) => {
            budget.observe(error.response?.headers);
            throw error;
        });
    }
    return client;
}
/**
 * Whether to wait out a "slow down" answer, saying so in the log: a primary limit whose reset is
 * past `maxResetWait` fails at once; any other waits, `limitRetries` times at most.
 */
function slowDownPolicy(log, limitRetries, maxResetWait) {
    return ({ what, seconds }, options, n) => {
        const where = `${options.method} ${options.url}`;
        if (what === 'rate limit' && seconds > maxResetWait) {
            log(`GitHub's rate limit is used up until ${seconds} s from now on ${where}; not waiting that long`);
            return false;
        }
        if (n >= limitRetries) {
            log(`GitHub says slow down (${what}) on ${where}; giving up after ${n} ${n === 1 ? 'retry' : 'retries'}`);
            return false;
        }
        log(`GitHub says slow down (${what}) on ${where}; waiting ${seconds} s (retry ${n + 1} of ${limitRetries})`);
        return true;
    };
}
/** A one-line reason for an API failure, naming what the user can change. Never echoes request bodies. */
function explainApiError(e, doing) {
    const err = e;
    const message = err.response?.data?.message ?? err.message ?? String(e);
    if (err.status === 401)
        return `${doing}: the token was refused (${message}); check the github-token input`;
    if (err.status === 403 && /not permitted to create or approve pull requests/i.test(message)) {
        return `${doing}: GitHub Actions is not permitted to create pull requests in this repository; enable "Allow GitHub Actions to create and approve pull requests" in Settings → Actions → General (or the organization's settings), or use a GitHub App token`;
    }
    if (err.status === 403 && /Resource not accessible by/i.test(message)) {
        return `${doing}: the token lacks permissions (${message}); grant "contents: write" and "pull-requests: write" in the workflow's permissions block, or use a token with access to the gitops repository`;
    }
    if ((err.status === 403 || err.status === 429) && /rate limit/i.test(message)) {
        return `${doing}: GitHub's rate limit still applied after the retries the client allows (${message}); re-run later, or spread the work over fewer pull requests`;
    }
    if (err.status === 404)
        return `${doing}: not found (${message}); check the repository name and that the token can access it`;
    if (err.status !== undefined)
        return `${doing}: GitHub answered ${err.status} (${message})`;
    return `${doing}: ${message}`;
}


/***/ }),

/***/ 7593:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   YA: () => (/* binding */ labelsNow),
/* harmony export */   Yn: () => (/* binding */ postVerdict),
/* harmony export */   wo: () => (/* binding */ isNotPermitted)
/* harmony export */ });
const DESCRIPTION_LIMIT = 140;
/** Post a commit status. Throws the API error (a fork's read-only token answers 403). */
async function postVerdict(client, ref, sha, verdict) {
    const description = verdict.description.length > DESCRIPTION_LIMIT
        ? `${verdict.description.slice(0, DESCRIPTION_LIMIT - 1)}…`
        : verdict.description;
    await client.rest.repos.createCommitStatus({
        ...ref,
        sha,
        state: verdict.state,
        context: verdict.context,
        description,
        ...(verdict.targetUrl ? { target_url: verdict.targetUrl } : {}),
    });
}
/** Is this API error a token that may not write statuses here (a fork's pull request, a missing permission)? */
function isNotPermitted(e) {
    const status = e.status;
    return status === 403 || status === 404;
}
/**
 * The labels a pull request has now. The event payload is what the labels were when the event
 * fired; a re-run replays that payload, so a label added since would be missed.
 */
async function labelsNow(client, ref, number) {
    const labels = await client.paginate(client.rest.issues.listLabelsOnIssue, {
        ...ref,
        issue_number: number,
        per_page: 100,
    });
    return labels.map((l) => l.name);
}


/***/ }),

/***/ 7515:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ concurrencyLimit)
/* harmony export */ });
/** At most `max` of the calls passed to the returned function run at once; the rest wait their turn, in order. */
function concurrencyLimit(max) {
    let running = 0;
    const waiting = [];
    const next = () => {
        running -= 1;
        waiting.shift()?.();
    };
    return async (task) => {
        if (running >= max)
            await new Promise((resolve) => waiting.push(resolve));
        running += 1;
        try {
            return await task();
        }
        finally {
            next();
        }
    };
}


/***/ }),

/***/ 9081:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PU: () => (/* binding */ readableByName),
/* harmony export */   bY: () => (/* binding */ isRefRace),
/* harmony export */   hq: () => (/* binding */ branchNameProblem)
/* harmony export */ });
/**
 * Branch names as git and GitHub accept them (git check-ref-format's rules, plus GitHub's 255-byte
 * cap), checked before the first write so a bad name gets its real reason instead of a 422.
 */
const MAX_BYTES = 255;
/**
 * Whether GitHub reads `branch` as that branch in a path such as `/git/trees/{tree_sha}`: a name with "/"
 * or one that looks like a sha would be read as something else, so such a branch is read by its head's sha.
 */
function readableByName(branch) {
    return !/\/|^[0-9a-f]{40}$/.test(branch);
}
/** Why `name` cannot be a branch name, or undefined when it can. */
function branchNameProblem(name) {
    if (name === '')
        return 'is empty';
    if (Buffer.byteLength(name) > MAX_BYTES)
        return `is longer than ${MAX_BYTES} bytes`;
    if (name === '@')
        return 'is "@"';
    // biome-ignore lint/suspicious/noControlCharactersInRegex: git refuses control characters in ref names
    if (/[\x00-\x20\x7f~^:?*[\\]/.test(name))
        return 'contains a space, a control character or one of ~^:?*[\\';
    if (name.includes('..'))
        return 'contains ".."';
    if (name.includes('@{'))
        return 'contains "@{"';
    if (name.startsWith('/') || name.endsWith('/') || name.includes('//'))
        return 'starts or ends with "/" or contains "//"';
    if (name.endsWith('.'))
        return 'ends with "."';
    for (const part of name.split('/')) {
        if (part.startsWith('.'))
            return `has a part starting with "." ("${part}")`;
        if (part.endsWith('.lock'))
            return `has a part ending with ".lock" ("${part}")`;
    }
    return undefined;
}
/** Does this 422 from a ref write mean another writer got there first (so planning again helps)? */
function isRefRace(e) {
    const err = e;
    if (err.status !== 422)
        return false;
    const message = err.response?.data?.message ?? err.message ?? '';
    return /Reference already exists|Reference does not exist|not a fast forward/i.test(message);
}


/***/ }),

/***/ 1127:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ll: () => (/* binding */ TreeTruncatedError),
/* harmony export */   P7: () => (/* binding */ TRUNCATED_MESSAGE),
/* harmony export */   R8: () => (/* binding */ filesOf),
/* harmony export */   Zc: () => (/* binding */ readTree),
/* harmony export */   uH: () => (/* binding */ GitHubSnapshot)
/* harmony export */ });
/* harmony import */ var _repo_snapshot_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5218);
/**
 * The gitops repo read through the GitHub API at one commit: the tree (tree-walk.ts), then only the
 * blobs the plan asks for, through the run's object reads (objects.ts), so a blob the plan, the
 * delivery and the summary all want is read once. The planner reads ahead, so blob reads overlap,
 * at most READS_IN_FLIGHT at once.
 */


/** Git's mode for a symbolic link: the blob holds the link's target, which the action never follows. */
const SYMLINK_MODE = '120000';
class TreeTruncatedError extends Error {
}
const TRUNCATED_MESSAGE = 'the repository tree is too large for one API read (over 100,000 entries); use the path input with a checkout instead';
/** The files of a tree listing (folders and submodules left out), links marked as such. */
function filesOf(entries) {
    return entries
        .filter((e) => e.type === 'blob')
        .map((e) => {
        const kind = e.mode === SYMLINK_MODE ? 'symlink' : 'file';
        return { path: e.path, sha: e.sha, mode: e.mode, size: e.size, kind };
    });
}
/** Every file of a tree (or a commit's tree), recursively: one request, shared by the run. */
async function readTree(objects, treeOrCommitSha) {
    const read = await objects.tree(treeOrCommitSha, true);
    if (read.truncated)
        throw new TreeTruncatedError(TRUNCATED_MESSAGE);
    return filesOf(read.entries);
}
class GitHubSnapshot {
    objects;
    entries;
    #byPath;
    constructor(objects, entries) {
        this.objects = objects;
        this.entries = entries;
        this.#byPath = new Map(entries.map((e) => [e.path, e]));
    }
    async list() {
        return this.entries;
    }
    async read(path, options = {}) {
        const entry = this.#byPath.get(path);
        if (!entry)
            return undefined;
        if (entry.kind === 'symlink')
            throw new _repo_snapshot_js__WEBPACK_IMPORTED_MODULE_0__/* .RefusedReadError */ .TC(path, 'symlink');
        if (options.maxBytes !== undefined && entry.size !== undefined && entry.size > options.maxBytes)
            throw new _repo_snapshot_js__WEBPACK_IMPORTED_MODULE_0__/* .RefusedReadError */ .TC(path, 'too-large', entry.size);
        return (await this.objects.blob(entry.sha)).toString('utf8');
    }
}


/***/ }),

/***/ 8422:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $l: () => (/* binding */ maskSecret),
/* harmony export */   Ko: () => (/* binding */ readInputs),
/* harmony export */   dz: () => (/* binding */ InputError)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _github_refs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9081);
/* harmony import */ var _plan_kinds_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4284);
/* harmony import */ var _settings_declarations_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9492);
/* harmony import */ var _sops_age_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(432);
/**
 * Every action input, read and checked once into a typed Settings. The only place that calls
 * core.getInput; an input is read by its name in src/settings/declarations.ts (a name not declared
 * there does not compile), and an invalid input stops the run with a one-line reason before anything
 * is read.
 */





class InputError extends Error {
}
const input = (name) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4(name);
/** An empty input: action.yml's default (the runner passes it; a caller that sets '' gets it too). */
const fallback = (name) => (0,_settings_declarations_js__WEBPACK_IMPORTED_MODULE_2__/* .settingOf */ .y7)(name).default ?? '';
const list = (name) => input(name)
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
const optional = (name) => input(name).trim() || undefined;
function bool(name) {
    const value = input(name).trim().toLowerCase();
    if (value === '')
        return fallback(name) === 'true';
    if (value === 'false')
        return false;
    if (value === 'true')
        return true;
    throw new InputError(`input ${name} must be true or false, not "${value}"`);
}
function readInputs() {
    const mode = (input('mode') || fallback('mode'));
    const modes = ['auto', ..._plan_kinds_js__WEBPACK_IMPORTED_MODULE_1__/* .KINDS */ .G];
    if (!modes.includes(mode)) {
        const listed = `${modes.slice(0, -1).join(', ')} or ${modes.at(-1)}`;
        throw new InputError(`input mode must be ${listed}, not "${mode}"`);
    }
    const token = input('github-token');
    if (!token) {
        throw new InputError('input github-token is empty; pass the workflow token, a GitHub App token or a personal access token');
    }
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(token);
    const repository = input('gitops-repository');
    let parsedRepo;
    if (repository) {
        const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(repository);
        if (!m)
            throw new InputError(`input gitops-repository must be owner/name, not "${repository}"`);
        parsedRepo = { owner: m[1], repo: m[2] };
    }
    const autoMerge = input('auto-merge').trim().toLowerCase();
    if (autoMerge && !['merge', 'squash', 'rebase', 'false'].includes(autoMerge)) {
        throw new InputError(`input auto-merge must be merge, squash or rebase, not "${autoMerge}"`);
    }
    const branchPrefix = (input('branch-prefix') || fallback('branch-prefix')).trim();
    const prefixProblem = (0,_github_refs_js__WEBPACK_IMPORTED_MODULE_3__/* .branchNameProblem */ .hq)(branchPrefix);
    if (prefixProblem)
        throw new InputError(`input branch-prefix "${branchPrefix}" is not a valid git branch name: it ${prefixProblem}`);
    const prFlow = input('pr-flow').trim();
    if (prFlow && prFlow !== 'per-component' && prFlow !== 'per-environment')
        throw new InputError(`input pr-flow must be per-component or per-environment, not "${prFlow}"`);
    const sops = sopsInputs();
    const packages = list('packages');
    const environments = list('environments');
    return {
        mode,
        token,
        repository: parsedRepo,
        baseBranch: optional('base-branch'),
        packages: packages.length > 0 ? packages : undefined,
        environments: environments.length > 0 ? environments : undefined,
        path: optional('path'),
        dryRun: bool('dry-run'),
        labels: list('labels'),
        reviewers: list('reviewers'),
        teamReviewers: list('team-reviewers'),
        draft: bool('draft'),
        autoMerge: autoMerge && autoMerge !== 'false' ? autoMerge : false,
        branchPrefix,
        checkContext: checkContextInput(),
        commitMessage: input('commit-message') || fallback('commit-message'),
        prTitle: input('pr-title') || fallback('pr-title'),
        prFlow: prFlow ? prFlow : undefined,
        component: optional('component'),
        fromEnvironment: optional('from-environment'),
        toEnvironment: optional('to-environment'),
        version: optional('version'),
        allowDowngrade: bool('allow-downgrade'),
        ...sops,
        bootstrap: readBootstrapInputs(),
    };
}
function readBootstrapInputs() {
    const values = input('values');
    const names = {};
    for (const name of _settings_declarations_js__WEBPACK_IMPORTED_MODULE_2__/* .BOOTSTRAP_NAMES */ .W3)
        names[(0,_settings_declarations_js__WEBPACK_IMPORTED_MODULE_2__/* .fieldOf */ ._F)(name)] = optional(name);
    return {
        components: list('component'),
        environment: optional('environment'),
        version: optional('version'),
        values: values.trim() === '' ? undefined : values,
        ...names,
        force: bool('force'),
        commitStatus: bool('commit-status'),
    };
}
/** Every line of a secret is masked: the runner masks line by line. */
function maskSecret(value) {
    for (const line of [value, ...value.split(/\r?\n/)])
        if (line.trim())
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(line.trim());
}
/** sops-age-key (masked before anything is checked) and sops-age-recipients; messages never echo a key. */
function sopsInputs() {
    const key = input('sops-age-key');
    if (key)
        maskSecret(key);
    const sopsAgeIdentities = (0,_sops_age_js__WEBPACK_IMPORTED_MODULE_4__/* .parseAgeIdentities */ .nV)(key);
    if (key.trim() && sopsAgeIdentities.length === 0)
        throw new InputError('input sops-age-key holds no age identity (a line AGE-SECRET-KEY-1…); pass the contents of an age key file');
    const sopsAgeRecipients = list('sops-age-recipients');
    sopsAgeRecipients.forEach((recipient, i) => {
        if (/^AGE-SECRET-KEY-/i.test(recipient)) {
            maskSecret(recipient);
            throw new InputError(`input sops-age-recipients: entry ${i + 1} is an age identity (a secret key), not a recipient; give its public key (age1…)`);
        }
        if (!(0,_sops_age_js__WEBPACK_IMPORTED_MODULE_4__/* .isAgeRecipient */ .r8)(recipient))
            throw new InputError(`input sops-age-recipients: entry ${i + 1} is not an age recipient (age1…)`);
    });
    return { sopsAgeIdentities, sopsAgeRecipients };
}
/** A status context is free text to GitHub; kept to one short printable line, as a check's name is. */
function checkContextInput() {
    const context = input('check-context').trim() || fallback('check-context');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: a context is one printable line
    if (context.length > 100 || /[\x00-\x1f\x7f]/.test(context))
        throw new InputError('input check-context must be one line of at most 100 characters');
    return context;
}


/***/ }),

/***/ 7389:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 3 modules
var github = __webpack_require__(722);
// EXTERNAL MODULE: ./src/action/report.ts + 3 modules
var report = __webpack_require__(5980);
;// CONCATENATED MODULE: ./src/action/facts.ts
/**
 * The run's facts — event, repository, URLs — read once through @actions/github's context into one
 * typed value. The payload is untrusted: only the fields the modes use are taken, each type-checked.
 */


const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
const isRecord = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const facts_text = (v) => (typeof v === 'string' ? v : undefined);
const sha = (v) => (typeof v === 'string' && SHA.test(v) ? v : undefined);
/** A fresh context each call: the toolkit's singleton is built once at import, tests run several events. */
function freshContext() {
    const Context = github/* context */._.constructor;
    try {
        return new Context();
    }
    catch {
        throw new report/* ActionError */.lZ(`cannot read the event payload at GITHUB_EVENT_PATH (${process.env.GITHUB_EVENT_PATH})`);
    }
}
function readRunFacts() {
    const context = freshContext();
    const payload = isRecord(context.payload) ? context.payload : {};
    const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? '').split('/');
    return {
        eventName: context.eventName ?? '',
        repository: owner && repo ? { owner, repo } : undefined,
        serverUrl: context.serverUrl,
        apiUrl: context.apiUrl,
        graphqlUrl: context.graphqlUrl,
        eventRepository: eventRepository(payload),
        push: context.eventName === 'push' ? pushFacts(payload) : undefined,
        pullRequest: isRecord(payload.pull_request) ? pullRequestFacts(payload.pull_request) : undefined,
        status: context.eventName === 'status' ? statusFacts(payload) : undefined,
    };
}
function eventRepository(payload) {
    const repo = isRecord(payload.repository) ? payload.repository : {};
    const fullName = facts_text(repo.full_name);
    const defaultBranch = facts_text(repo.default_branch);
    return fullName && defaultBranch ? { fullName, defaultBranch } : undefined;
}
function pushFacts(payload) {
    return { before: sha(payload.before), after: sha(payload.after), forced: payload.forced === true };
}
function pullRequestFacts(pr) {
    const head = isRecord(pr.head) ? pr.head : {};
    const base = isRecord(pr.base) ? pr.base : {};
    const labels = Array.isArray(pr.labels) ? pr.labels : [];
    return {
        number: typeof pr.number === 'number' && Number.isSafeInteger(pr.number) ? pr.number : undefined,
        headSha: sha(head.sha),
        baseRef: facts_text(base.ref),
        labels: labels.flatMap((l) => (isRecord(l) && typeof l.name === 'string' ? [l.name] : [])),
    };
}
function statusFacts(payload) {
    const commit = sha(payload.sha);
    const context = facts_text(payload.context);
    const state = facts_text(payload.state);
    if (!commit || context === undefined || state === undefined)
        return undefined;
    const branches = Array.isArray(payload.branches) ? payload.branches : [];
    return {
        sha: commit,
        context,
        state,
        targetUrl: facts_text(payload.target_url),
        description: facts_text(payload.description),
        sender: isRecord(payload.sender) ? facts_text(payload.sender.login) : undefined,
        branches: branches.flatMap((b) => (isRecord(b) && typeof b.name === 'string' ? [b.name] : [])),
    };
}

;// CONCATENATED MODULE: ./src/action/modes.ts

// Each mode's module is imported when the mode runs: a run loads only its own mode (a bundle chunk each), so a
// pull request's validate loads no delivery, bootstrap or SOPS encryption code.
const MODES = {
    install: async (session) => (await __webpack_require__.e(/* import() */ 873).then(__webpack_require__.bind(__webpack_require__, 8873))).install(session),
    validate: async (session) => (await Promise.all(/* import() */[__webpack_require__.e(561), __webpack_require__.e(720), __webpack_require__.e(118), __webpack_require__.e(547), __webpack_require__.e(660)]).then(__webpack_require__.bind(__webpack_require__, 5660))).validate(session),
    bootstrap: async (session) => (await Promise.all(/* import() */[__webpack_require__.e(561), __webpack_require__.e(720), __webpack_require__.e(118), __webpack_require__.e(544)]).then(__webpack_require__.bind(__webpack_require__, 5544))).bootstrap(session),
    promote: async (session) => (await Promise.all(/* import() */[__webpack_require__.e(561), __webpack_require__.e(720), __webpack_require__.e(118), __webpack_require__.e(436)]).then(__webpack_require__.bind(__webpack_require__, 9055))).promote(session),
};
const BY_EVENT = {
    push: 'install',
    // What merges made with GITHUB_TOKEN or auto-merge left undelivered (they start no push workflow).
    schedule: 'install',
    pull_request: 'validate',
    pull_request_target: 'validate',
    workflow_dispatch: 'bootstrap',
    status: 'promote',
};
function chooseMode(mode, eventName) {
    if (mode !== 'auto')
        return mode;
    const chosen = BY_EVENT[eventName];
    if (!chosen)
        throw new report/* ActionError */.lZ(`mode auto cannot choose a mode for the "${eventName || 'unknown'}" event; set the mode input`);
    return chosen;
}

// EXTERNAL MODULE: ./src/action/session.ts + 3 modules
var session = __webpack_require__(164);
// EXTERNAL MODULE: ./src/github/api-call.ts
var api_call = __webpack_require__(5452);
// EXTERNAL MODULE: ./src/inputs.ts
var src_inputs = __webpack_require__(8422);
;// CONCATENATED MODULE: ./src/main.ts
/**
 * The action: inputs and the run's facts → the mode's module → one failing line when it cannot
 * finish. Everything that can be wrong with the input is found before the first write.
 */







async function run(options = {}) {
    try {
        const inputs = (0,src_inputs/* readInputs */.Ko)();
        const facts = readRunFacts();
        const mode = chooseMode(inputs.mode, facts.eventName);
        await MODES[mode](await (0,session/* openSession */.fA)(inputs, facts, options.client));
    }
    catch (e) {
        if (e instanceof src_inputs/* InputError */.dz || e instanceof report/* ActionError */.lZ || e instanceof api_call/* DeliveryError */.VE)
            core/* setFailed */.C1(e.message);
        else
            core/* setFailed */.C1(`internal error: ${e instanceof Error ? e.message : String(e)}`);
    }
}


/***/ }),

/***/ 4284:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ KINDS)
/* harmony export */ });
const KINDS = Object.freeze(['install', 'validate', 'promote', 'bootstrap']);
/** Both are `true` only while KINDS and Request['kind'] name the same set. */
const everyKindListed = true;
const onlyKindsListed = true;
void everyKindListed;
void onlyKindsListed;


/***/ }),

/***/ 1925:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gm: () => (/* binding */ componentList),
/* harmony export */   IP: () => (/* binding */ NO_MATCH),
/* harmony export */   W1: () => (/* binding */ nameProblems),
/* harmony export */   k4: () => (/* binding */ discover),
/* harmony export */   rH: () => (/* binding */ nameProblem)
/* harmony export */ });
/* harmony import */ var _carvel_names_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3129);
/* harmony import */ var _diagnostics_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4851);
/* harmony import */ var _flux_kustomize_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1948);
/**
 * The gitops repo's shape as the planner sees it, from the file list alone: which components and
 * environments exist, and whether their names are usable. Nothing here reads a file.
 */



/** A filter (component, environment) that names nothing the repository has. */
const NO_MATCH = 'request.no-match';
const isYamlFile = (p) => p.endsWith('.yaml') || p.endsWith('.yml');
/**
 * Components and environments, from the file list alone (nothing is read). An environment folder
 * holds packageinstall.yaml or params.yaml, or — in a component with Packages — a kustomization
 * file (Flux applies what it lists, whatever the files are called). RBAC folders are not environments.
 */
function discover(paths, layout) {
    const prefix = layout.componentsPath ? `${layout.componentsPath.replace(/\/+$/, '')}/` : '';
    const envFiles = new Set([layout.packageInstallFile, layout.valuesSecretFile]);
    const kustomized = [];
    const [rbacBefore, rbacAfter] = layout.rbacFolder.split('{environment}');
    const isRbac = (folder) => folder.length > rbacBefore.length + rbacAfter.length &&
        folder.startsWith(rbacBefore) &&
        folder.endsWith(rbacAfter);
    const components = new Map();
    const get = (name) => {
        let c = components.get(name);
        if (!c) {
            c = { name, dir: `${prefix}${name}`, packageFiles: [], environments: [] };
            components.set(name, c);
        }
        return c;
    };
    for (const path of paths) {
        if (!path.startsWith(prefix))
            continue;
        const parts = path.slice(prefix.length).split('/');
        if (parts.length !== 3 || parts[0].startsWith('.'))
            continue;
        const [component, folder, file] = parts;
        if (folder === layout.packagesDir && isYamlFile(file))
            get(component).packageFiles.push(path);
        else if (envFiles.has(file)) {
            const c = get(component);
            if (!c.environments.includes(folder))
                c.environments.push(folder);
        }
        else if (_flux_kustomize_js__WEBPACK_IMPORTED_MODULE_1__/* .KUSTOMIZATION_FILES */ .Ct.includes(file) &&
            folder !== layout.packagesDir &&
            !isRbac(folder))
            kustomized.push([component, folder]);
    }
    for (const [component, folder] of kustomized) {
        const c = components.get(component);
        if (c && c.packageFiles.length > 0 && !c.environments.includes(folder))
            c.environments.push(folder);
    }
    for (const c of components.values()) {
        c.packageFiles.sort();
        c.environments.sort();
    }
    return [...components.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
}
/** Component names are refNames in TAP's layout (DNS-1123 subdomains); environments are DNS-1123 labels. */
function nameProblem(kind, name) {
    if (name.includes('/') || name.includes('..') || name === '.')
        return `must not contain "/" or ".."`;
    return kind === 'component' ? (0,_carvel_names_js__WEBPACK_IMPORTED_MODULE_2__/* .dns1123SubdomainProblem */ ._G)(name) : (0,_carvel_names_js__WEBPACK_IMPORTED_MODULE_2__/* .dns1123LabelProblem */ .Om)(name);
}
/** The component names, for a message that says which exist. */
const componentList = (components) => components.map((c) => c.name).join(', ') || 'none';
/** Component and environment folders, and the names a request gives, that cannot be used. */
function nameProblems(components, request) {
    const diagnostics = [];
    for (const c of components) {
        const problem = nameProblem('component', c.name);
        if (problem)
            diagnostics.push((0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3)('layout.component-name', `component folder "${c.name}" ${problem}`, c.packageFiles[0] ?? c.dir));
        for (const env of c.environments) {
            const envProblem = nameProblem('environment', env);
            if (envProblem)
                diagnostics.push((0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3)('layout.environment-name', `environment folder "${env}" ${envProblem}`, `${c.dir}/${env}`));
        }
    }
    const named = request.kind === 'promote' ? {} : request;
    for (const name of named.components ?? []) {
        const problem = nameProblem('component', name);
        if (problem)
            diagnostics.push((0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3)('request.component', `component "${name}" ${problem}`, ''));
        else if (!components.some((c) => c.name === name))
            diagnostics.push((0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3)(NO_MATCH, `the component filter "${name}" names no component in the repository (components: ${componentList(components)})`, ''));
    }
    for (const name of named.environments ?? []) {
        const problem = nameProblem('environment', name);
        if (problem)
            diagnostics.push((0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3)('request.environment', `environment "${name}" ${problem}`, ''));
    }
    return diagnostics;
}


/***/ }),

/***/ 2711:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BE: () => (/* binding */ relativePathProblem),
/* harmony export */   WF: () => (/* binding */ isProtectedPath),
/* harmony export */   k_: () => (/* binding */ writePathProblem)
/* harmony export */ });
/* unused harmony exports UnsafeWritePathError, assertWritablePaths */
/**
 * The rules every repository path obeys before it is read or written: relative, POSIX, clean. The
 * same rules check configured paths (flux-pkg.yaml) and, as the final guard, every path a plan is
 * about to write — locally and through the GitHub API.
 */
/**
 * What is wrong with a repo-relative path, or undefined: no absolute path, no backslash, no NUL or
 * other control character, no empty, `.` or `..` segment (so nothing normalises elsewhere).
 */
function relativePathProblem(path) {
    if (path === '')
        return 'is empty';
    if (hasControlCharacter(path))
        return 'contains a control character (NUL, newline, …)';
    if (path.includes('\\'))
        return 'contains a backslash; use "/" between folders';
    if (path.startsWith('/'))
        return 'is an absolute path; paths are relative to the repository root';
    const segments = path.split('/');
    if (segments.includes('..'))
        return 'contains ".."; paths stay inside the repository';
    if (segments.includes('.'))
        return 'contains a "." segment';
    if (segments.includes(''))
        return 'contains an empty segment ("//" or a leading or trailing "/")';
    return undefined;
}
/** The folders at the repository root that are never written: workflows (`.github/`) and git's own (`.git/`). */
const PROTECTED_ROOTS = new Set(['.github', '.git']);
/** Is this path (already relative and clean) in `.github/` or `.git/`? Case-insensitive, as on macOS and Windows. */
function isProtectedPath(path) {
    return PROTECTED_ROOTS.has((path.split('/')[0] ?? '').toLowerCase());
}
/** What is wrong with writing this path, or undefined: it must be a clean relative path, not under `.github/` or `.git/`. */
function writePathProblem(path) {
    const problem = relativePathProblem(path);
    if (problem)
        return problem;
    if (isProtectedPath(path))
        return `is under ${path.split('/')[0]}/, which flux-pkg-action never writes`;
    return undefined;
}
/** A planned write refused by the final guard. `problems` lists each path with its reason. */
class UnsafeWritePathError extends Error {
    problems;
    constructor(problems) {
        super(`refusing to write outside the repository or into a protected folder: ${problems
            .map((p) => `${JSON.stringify(p.path)} ${p.problem}`)
            .join('; ')}`);
        this.problems = problems;
    }
}
/** The final guard before any write: throws UnsafeWritePathError naming every refused path; writes nothing itself. */
function assertWritablePaths(paths) {
    const problems = [];
    for (const path of paths) {
        const problem = writePathProblem(path);
        if (problem)
            problems.push({ path, problem });
    }
    if (problems.length > 0)
        throw new UnsafeWritePathError(problems);
}
function hasControlCharacter(text) {
    for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code < 0x20 || code === 0x7f)
            return true;
    }
    return false;
}


/***/ }),

/***/ 5218:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CB: () => (/* binding */ readBounded),
/* harmony export */   TC: () => (/* binding */ RefusedReadError),
/* harmony export */   rF: () => (/* binding */ KeptSnapshot),
/* harmony export */   se: () => (/* binding */ refusalMessage)
/* harmony export */ });
/* unused harmony export MemorySnapshot */
/** A file the snapshot will not read. `path` is the offending path (a link may be a folder above the file asked for). */
class RefusedReadError extends Error {
    path;
    reason;
    size;
    constructor(path, reason, 
    /** For 'too-large': the size in bytes (at least maxBytes + 1). */
    size) {
        super(refusalMessage(path, reason, size));
        this.path = path;
        this.reason = reason;
        this.size = size;
    }
}
function refusalMessage(path, reason, size) {
    switch (reason) {
        case 'symlink':
            return `${path} is a symbolic link; flux-pkg-action does not follow links`;
        case 'special':
            return `${path} is not a regular file (a FIFO, device or socket); flux-pkg-action reads only regular files`;
        case 'outside':
            return `${path} resolves outside the repository; flux-pkg-action reads only inside it`;
        case 'too-large':
            return `${path} is ${size ?? 'over the limit of'} bytes; refused unread`;
    }
}
/**
 * The one way the core reads a file: `entry` (from list(), when known) lets links and oversized
 * files be refused without asking the source; the source refuses the rest itself.
 */
async function readBounded(snapshot, path, maxBytes, entry) {
    if (entry?.kind === 'symlink' || entry?.kind === 'special')
        return { refused: new RefusedReadError(path, entry.kind) };
    if (entry?.size !== undefined && entry.size > maxBytes)
        return { refused: new RefusedReadError(path, 'too-large', entry.size) };
    try {
        const text = await snapshot.read(path, { maxBytes });
        if (text !== undefined && text.length > maxBytes / 4 && Buffer.byteLength(text) > maxBytes)
            return { refused: new RefusedReadError(path, 'too-large', Buffer.byteLength(text)) };
        return text === undefined ? {} : { text };
    }
    catch (e) {
        if (e instanceof RefusedReadError)
            return { refused: e };
        throw e;
    }
}
/** A snapshot over an in-memory map: the tests' fixture format, and the planner's view of its own output. */
class MemorySnapshot {
    #files;
    constructor(files) {
        this.#files = files instanceof Map ? new Map(files) : new Map(Object.entries(files));
    }
    async list() {
        return [...this.#files.entries()].map(([path, text]) => ({ path, size: Buffer.byteLength(text) }));
    }
    async read(path) {
        return this.#files.get(path);
    }
}
/**
 * A snapshot whose reads are kept: a run that plans twice on one commit (the plan, then the status
 * matrix of the components it touched) reads each file once.
 */
class KeptSnapshot {
    inner;
    #texts = new Map();
    size;
    constructor(inner) {
        this.inner = inner;
        if (inner.size)
            this.size = (path) => inner.size(path);
    }
    list() {
        return this.inner.list();
    }
    read(path, options) {
        const key = `${options?.maxBytes ?? ''}:${path}`;
        let text = this.#texts.get(key);
        if (!text) {
            text = this.inner.read(path, options);
            this.#texts.set(key, text);
        }
        return text;
    }
}


/***/ }),

/***/ 1822:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B5: () => (/* binding */ inertCell),
/* harmony export */   Lx: () => (/* binding */ urlPath),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   UJ: () => (/* binding */ inertText),
/* harmony export */   gQ: () => (/* binding */ inertCode)
/* harmony export */ });
/* unused harmony exports MAX_INLINE, MAX_CODE */
/**
 * Repository text made inert for Markdown: whatever a component name, version, file path, message
 * or Package field says, it renders as the characters it is — never as HTML, a link, a mention, an
 * issue reference, a heading or list, a comment (so never a forged marker) — on one line, capped.
 *
 * Escapes are chosen so that the raw text, not only the rendered page, is harmless: code that reads
 * a body back (the marker reader) never meets `<!--`, `-->`, `<tag` or `](` that came from the repo.
 */
/** Default caps, in UTF-16 code units of the output (what GitHub counts against its body limit). */
const MAX_INLINE = 300;
const MAX_CODE = 200;
const ELLIPSIS = '…';
/** GitHub links a mention or `#123` only when nothing separates it from its sigil. */
const BREAK = '&#8203;';
/**
 * One line of plain text: control, format (bidi, zero-width) and line-separator characters go,
 * whitespace runs become one space, lone surrogates become U+FFFD.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
function oneLine(text) {
    return text
        .replace(LONE_SURROGATE, '\uFFFD')
        .replace(/[\p{Cc}\p{Zl}\p{Zp}\s]+/gu, ' ')
        .replace(/\p{Cf}+/gu, '')
        .replace(/ {2,}/g, ' ')
        .trim();
}
const ENTITIES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;',
};
/** ASCII punctuation Markdown (GFM, GitHub math) gives a meaning to; a backslash makes it literal. */
const MARKDOWN = new Set(['\\', '`', '*', '_', '~', '[', ']', '(', ')', '!', '|', '$', '{', '}']);
/**
 * The escaped pieces of a one-line text, one per input character (so a cap never splits an escape).
 * Only the first `limit` characters: each yields at least one output character, so no more can fit.
 */
function escapedPieces(line, limit) {
    const chars = [...line.slice(0, 2 * limit + 2)].slice(0, limit + 1);
    const leadingDigits = /^\d*/.exec(line)[0].length;
    return chars.map((ch, i) => {
        const entity = ENTITIES[ch];
        if (entity)
            return entity;
        if (MARKDOWN.has(ch))
            return `\\${ch}`;
        if (ch === '@' || ch === '#')
            return `${ch}${BREAK}`;
        // `https://x` and `www.x` are autolinked by GFM: a break after the scheme's colon or the first `w`.
        if (ch === ':' && chars[i + 1] === '/' && chars[i + 2] === '/')
            return `:${BREAK}`;
        if ((ch === 'w' || ch === 'W') && /^ww\./i.test(chars.slice(i + 1, i + 4).join('')))
            return `${ch}${BREAK}`;
        if (i === 0 && (ch === '-' || ch === '+' || ch === '='))
            return `\\${ch}`;
        // "1. x" or "1) x" at the start would become an ordered list.
        if (i === leadingDigits && i > 0 && (ch === '.' || ch === ')'))
            return `\\${ch}`;
        return ch;
    });
}
/** Join pieces up to `max` code units, ending with an ellipsis when something was cut. */
function capped(pieces, max) {
    const total = pieces.reduce((n, p) => n + p.length, 0);
    if (total <= max)
        return pieces.join('');
    let out = '';
    for (const piece of pieces) {
        if (out.length + piece.length > max - ELLIPSIS.length)
            break;
        out += piece;
    }
    return `${out}${ELLIPSIS}`;
}
/** Repository text as inline Markdown: readable, inert, one line, at most `max` characters. */
function inertText(text, max = MAX_INLINE) {
    return capped(escapedPieces(oneLine(text), Math.max(max, 1)), Math.max(max, 1));
}
/** Repository text for a GFM table cell (`|` is escaped by inertText; an empty cell shows a dash). */
function inertCell(text, max = MAX_INLINE) {
    const inert = inertText(text ?? '', max);
    return inert === '' ? '—' : inert;
}
/** Characters a backtick code span shows as they are, and that mean nothing to any reader of the raw body. */
const PLAIN_CODE = /^[A-Za-z0-9 ._:/+=,^~*%…-]*$/;
/**
 * Repository text as code: a backtick code span when it is plain (versions, paths, names stay
 * readable and copyable), else `<code>` around inert text — inside a code span nothing can be
 * escaped, so `<`, `|`, `@` or backticks would reach the raw body as they are.
 */
function inertCode(text, max = MAX_CODE) {
    const line = oneLine(text ?? '');
    if (line === '')
        return '—';
    const budget = Math.max(max, 16);
    if (PLAIN_CODE.test(line)) {
        const chars = [...line.slice(0, 2 * budget + 2)];
        const inner = chars.length + 2 <= budget ? line : `${chars.slice(0, budget - 3).join('')}${ELLIPSIS}`;
        return `\`${inner}\``;
    }
    const inner = budget - '<code></code>'.length;
    return `<code>${capped(escapedPieces(line, inner), inner)}</code>`;
}
/** A URL path segment from repository text (a file path's parts in a link). */
function urlPath(path) {
    return path
        .split('/')
        .map((s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
        .join('/');
}


/***/ }),

/***/ 8955:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DI: () => (/* binding */ preBlock),
/* harmony export */   eu: () => (/* binding */ literal),
/* harmony export */   h8: () => (/* binding */ htmlCode)
/* harmony export */ });
/* harmony import */ var _inert_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1822);
/**
 * Repository text a reviewer copies (an image reference, a URL, release notes), shown as the
 * characters it is and never as a link — without zero-width characters, which a copy would carry
 * along. GitHub links nothing inside a code span or a `<pre>` block (GFM's autolink extension
 * works on text only, and mentions and issue references skip code), so that is where such text goes:
 * - one line: a backtick code span when the text has nothing a span cannot hold, else inert.ts;
 * - free text: a `<pre>` HTML block (CommonMark HTML block type 1, which ends only at `</pre>`)
 *   with every character that HTML or a reader of the raw body could act on as a numeric entity,
 *   so the raw body never holds `<`, `>`, `](` or backticks that came from the repository.
 */

/** What a backtick code span shows as it is, that closes nothing and means nothing in the raw body. */
const SPAN_SAFE = /^[^`<>|\\\p{Cc}\p{Cf}\p{Zl}\p{Zp}]*$/u;
/** Repository text as one copyable code span (inert.ts's `<code>` when a span cannot hold it). */
function literal(text, max = 300) {
    const line = (0,_inert_js__WEBPACK_IMPORTED_MODULE_0__/* .oneLine */ .TN)(text ?? '');
    if (line === '')
        return '—';
    if (!SPAN_SAFE.test(line) || line.startsWith(' ') || line.endsWith(' '))
        return (0,_inert_js__WEBPACK_IMPORTED_MODULE_0__/* .inertCode */ .gQ)(line, max);
    const chars = [...line];
    return `\`${chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : line}\``;
}
const ENTITY = /[&<>"'[\]`]/g;
/** Free text (release notes): its lines in a `<pre>` block, capped; the cut is said. */
function preBlock(text, maxLines = 80, maxChars = 6000) {
    const lines = text
        .replace(/\r\n?/g, '\n')
        .replace(/[\p{Cf}\p{Zl}\p{Zp}]/gu, '')
        .replace(/[^\S\n]/gu, ' ')
        .replace(/\p{Cc}/gu, (c) => (c === '\n' ? c : ''))
        .replace(/\s+$/u, '')
        .split('\n');
    const out = [];
    let size = 0;
    for (const line of lines) {
        const safe = line.replace(ENTITY, (c) => `&#${c.charCodeAt(0)};`);
        if (out.length >= maxLines || size + safe.length > maxChars) {
            const left = lines.length - out.length;
            out.push(`… (${left} more line${left === 1 ? '' : 's'} in the Package)`);
            break;
        }
        out.push(safe);
        size += safe.length + 1;
    }
    // The tags share the first and last lines: no blank line can end the block early, none is added.
    out[0] = `<pre>${out[0] ?? ''}`;
    out[out.length - 1] = `${out.at(-1)}</pre>`;
    return out;
}
/**
 * Repository text inside HTML (a `<summary>`): Markdown is not read there, so inert.ts's backslash
 * escapes would show; entities instead, in `<code>`, which mentions and references skip.
 */
function htmlCode(text, max = 120) {
    const chars = [...(0,_inert_js__WEBPACK_IMPORTED_MODULE_0__/* .oneLine */ .TN)(text ?? '')];
    const line = chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
    return `<code>${line.replace(ENTITY, (c) => `&#${c.charCodeAt(0)};`)}</code>`;
}


/***/ }),

/***/ 8706:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bn: () => (/* binding */ versionChange),
/* harmony export */   U1: () => (/* binding */ packageLinks),
/* harmony export */   eW: () => (/* binding */ FULL),
/* harmony export */   ih: () => (/* binding */ COMPACT),
/* harmony export */   mM: () => (/* binding */ reviewSection)
/* harmony export */ });
/* unused harmony exports fetchSection, valuesSection, notesSection */
/* harmony import */ var _inert_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1822);
/* harmony import */ var _literal_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8955);


const code = (text) => (0,_inert_js__WEBPACK_IMPORTED_MODULE_0__/* .inertCode */ .gQ)(text);
const FULL = { diffLines: 400, allLines: 300, noteLines: 80, noteChars: 6000 };
const COMPACT = { diffLines: 60, allLines: 0, noteLines: 15, noteChars: 1200 };
const blobLink = (links, path) => `[${(0,_inert_js__WEBPACK_IMPORTED_MODULE_0__/* .inertText */ .UJ)(path)}](${links.serverUrl}/${(0,_inert_js__WEBPACK_IMPORTED_MODULE_0__/* .urlPath */ .Lx)(links.repository)}/blob/${(0,_inert_js__WEBPACK_IMPORTED_MODULE_0__/* .urlPath */ .Lx)(links.baseSha)}/${(0,_inert_js__WEBPACK_IMPORTED_MODULE_0__/* .urlPath */ .Lx)(path)})`;
/** `1.0.0` → `1.1.0`, or `new` → `1.1.0`. */
function versionChange(env) {
    const from = env.fromVersion ?? (env.fromConstraint !== undefined ? undefined : 'new');
    const was = from === 'new' ? 'new' : from ? code(from) : `constraint ${code(env.fromConstraint)}`;
    return `${was} → ${code(env.toVersion)}`;
}
/** The Package file, and the one the environment runs now: the two sides of what a reviewer compares. */
function packageLinks(env, links) {
    if (!env.packageFile)
        return '—';
    const was = env.review?.fromPackageFile;
    const now = blobLink(links, env.packageFile);
    return was && was !== env.packageFile ? `${now} (runs now: ${blobLink(links, was)})` : now;
}
function fetchSection(review) {
    if (!review)
        return [];
    if (review.fetch.length === 0)
        return ['**Fetches:** the same as the version it runs (`spec.template.spec.fetch` unchanged).'];
    const lines = ['**Fetches** (`spec.template.spec.fetch`, entries that differ):', ''];
    for (const f of review.fetch) {
        const what = `${code(f.kind)} (entry ${f.index + 1})`;
        if (f.from === undefined)
            lines.push(`- ${what}: new ${(0,_literal_js__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .eu)(f.to)}`);
        else if (f.to === undefined)
            lines.push(`- ${what}: removed (was ${(0,_literal_js__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .eu)(f.from)})`);
        else
            lines.push(`- ${what}: ${(0,_literal_js__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .eu)(f.from)} → ${(0,_literal_js__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .eu)(f.to)}`);
    }
    return lines;
}
const valueText = (l, side) => l.hidden ? '(value hidden)' : (l[side] ?? '(none)');
function diffLine(l) {
    const note = l.fromDefault ? '   # schema default' : '';
    if (l.hidden)
        return l.state === 'unchanged' ? [] : [`! ${l.path}: ${l.state} (value hidden)`];
    if (l.state === 'added')
        return [`+ ${l.path}: ${valueText(l, 'after')}${note}`];
    if (l.state === 'removed')
        return [`- ${l.path}: ${valueText(l, 'before')}`];
    if (l.state === 'changed')
        return [`- ${l.path}: ${valueText(l, 'before')}`, `+ ${l.path}: ${valueText(l, 'after')}${note}`];
    return [];
}
const capped = (lines, max, what) => lines.length > max
    ? [...lines.slice(0, max), `… ${lines.length - max} more ${what} (flux-pkg plan prints them all)`]
    : lines;
function schemaChanges(values) {
    const lines = [];
    const list = (items) => items.join(', ');
    if (values.newKeys.length > 0)
        lines.push(`- New keys, with their defaults: ${list(values.newKeys.map((k) => `${code(k.path)} ${k.hidden ? '(default hidden)' : k.value !== undefined ? (0,_literal_js__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .eu)(k.value) : '(no default)'}`))}`);
    if (values.changedDefaults.length > 0)
        lines.push(`- Changed defaults: ${list(values.changedDefaults.map((d) => (d.hidden ? `${code(d.path)} (changed, hidden)` : `${code(d.path)} ${(0,_literal_js__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .eu)(d.before ?? '(none)')} → ${(0,_literal_js__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .eu)(d.after ?? '(none)')}`)))}`);
    for (const r of values.removedButSet)
        lines.push(r.severity === 'error'
            ? `- **Error:** the new schema drops ${code(r.path)}, which this environment still sets, and allows no other keys there (\`additionalProperties: false\`): remove it from the values.`
            : `- **Warning:** the new schema drops ${code(r.path)}, which this environment still sets: the package may ignore it now.`);
    if (values.nowRequired.length > 0)
        lines.push(`- Newly required: ${list(values.nowRequired.map(code))}`);
    return lines;
}
function valuesSection(review, budget) {
    const values = review?.values;
    if (!values)
        return [];
    const lines = [
        "**Values it will run with** — the environment's values merged over the `valuesSchema` defaults (kapp-controller applies no schema default: the package's templates do, and its schema is usually generated from them); the values Secret's keys are merged in sorted key order, later keys winning, as kapp-controller passes them to ytt.",
    ];
    if (values.encrypted)
        lines.push('', 'The values Secret is encrypted: values it sets are shown as changed or unchanged, never by value.');
    if (values.unread)
        lines.push('', `${(0,_inert_js__WEBPACK_IMPORTED_MODULE_0__/* .inertText */ .UJ)(values.unread)}: its values were not read; only the schema's changes are shown.`);
    const schema = schemaChanges(values);
    lines.push('', ...(schema.length > 0
        ? schema
        : [
            review.fromPackageFile
                ? '- The schema adds, drops and requires no key and changes no default.'
                : '- No version runs here yet: every value is new.',
        ]));
    if (values.unread)
        return lines;
    const changed = values.lines.flatMap(diffLine);
    const same = values.lines.filter((l) => l.state === 'unchanged').length;
    const count = (state) => values.lines.filter((l) => l.state === state).length;
    const counts = ['added', 'changed', 'removed']
        .map((state) => [count(state), state])
        .filter(([n]) => n > 0)
        .map(([n, state]) => `${n} ${state}`);
    lines.push('', `<details><summary>Effective values: ${[...counts, `${same} unchanged`].join(', ')}</summary>`, '');
    if (changed.length > 0)
        lines.push('```diff', ...capped(changed, budget.diffLines, 'lines'), '```');
    else
        lines.push('The package runs with the same values as before.');
    if (budget.allLines > 0 && values.lines.some((l) => l.state !== 'removed')) {
        const all = values.lines
            .filter((l) => l.state !== 'removed')
            .map((l) => `${l.path}: ${valueText(l, 'after')}${l.fromDefault ? '   # schema default' : ''}`);
        lines.push('', 'Every value after the merge:', '', '```yaml', ...capped(all, budget.allLines, 'values'), '```');
    }
    lines.push('', '</details>');
    return lines;
}
function notesSection(review, budget) {
    const notes = review?.releaseNotes ?? [];
    if (notes.length === 0)
        return [];
    const span = notes.length === 1
        ? code(notes[0].version)
        : `${code(notes[0].version)} – ${code(notes.at(-1).version)}`;
    const lines = [
        '',
        `**Release notes** of ${notes.length === 1 ? 'version' : `the ${notes.length} versions`} ${span} (from the Packages; links shown as text):`,
        '',
    ];
    for (const n of notes) {
        if (!n.notes?.trim()) {
            lines.push(`- ${code(n.version)}: no release notes in the Package.`, '');
            continue;
        }
        lines.push(`<details><summary>Version ${(0,_literal_js__WEBPACK_IMPORTED_MODULE_1__/* .htmlCode */ .h8)(n.version)}</summary>`, '', ...(0,_literal_js__WEBPACK_IMPORTED_MODULE_1__/* .preBlock */ .DI)(n.notes.trim(), budget.noteLines, budget.noteChars), '', '</details>', '');
    }
    if (lines.at(-1) === '')
        lines.pop();
    return lines;
}
/** Every part for one environment, after the version line. */
function reviewSection(env, budget) {
    const review = env.review;
    if (!review)
        return [];
    return ['', ...fetchSection(review), '', ...valuesSection(review, budget), ...notesSection(review, budget)];
}


/***/ }),

/***/ 2343:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bg: () => (/* binding */ buildStatus),
/* harmony export */   Fr: () => (/* binding */ markUnread),
/* harmony export */   yU: () => (/* binding */ flagOutOfOrder)
/* harmony export */ });
/* harmony import */ var _carvel_semver_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6533);
/**
 * Where every version runs: the component × environment matrix — the version each environment's
 * PackageInstall selects, which environments are behind the one they promote from, which are
 * invalid, which have no folder. Pure: loadStatus() (src/plan/status.ts) gathers the input through
 * the planner (validate) and the Package files; the renderings are in status-render.ts.
 */

const older = (a, b) => {
    const [x, y] = [(0,_carvel_semver_js__WEBPACK_IMPORTED_MODULE_0__/* .parseRelaxed */ .X)(a), (0,_carvel_semver_js__WEBPACK_IMPORTED_MODULE_0__/* .parseRelaxed */ .X)(b)];
    return x !== undefined && y !== undefined && (0,_carvel_semver_js__WEBPACK_IMPORTED_MODULE_0__/* .compare */ .UD)(x, y) < 0;
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


/***/ }),

/***/ 9492:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vb: () => (/* binding */ nameOf),
/* harmony export */   W3: () => (/* binding */ BOOTSTRAP_NAMES),
/* harmony export */   _F: () => (/* binding */ fieldOf),
/* harmony export */   dq: () => (/* binding */ askFor),
/* harmony export */   y7: () => (/* binding */ settingOf)
/* harmony export */ });
/* unused harmony export SETTINGS */
/**
 * Every setting of the action and the CLI, declared once: its action input (action.yml, read by
 * src/inputs.ts), its CLI flag (src/cli/flags.ts builds parseArgs options and --help from it), and
 * how a message names it on each. A setting that both have is one entry, so an input and its flag
 * cannot drift apart; __tests__/meta/settings.test.ts holds action.yml's inputs to this list.
 * Pure data: the core may import it to name a setting in a message (see `nameOf`).
 */
const declare = (settings) => Object.freeze(settings.map((s) => Object.freeze(s)));
/** In action.yml's order; CLI-only flags last. */
const SETTINGS = declare([
    { input: 'mode', default: 'auto', type: 'text' },
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the runner's expression, as action.yml writes it
    { input: 'github-token', default: '${{ github.token }}', type: 'text' },
    { input: 'gitops-repository', default: '', type: 'text' },
    { input: 'base-branch', default: '', type: 'text' },
    {
        input: 'packages',
        default: '',
        flag: 'package',
        type: 'list',
        arg: 'PATH',
        help: "a Package file to deliver (repeatable; default: each component's newest)",
    },
    {
        input: 'environments',
        default: '',
        flag: 'environment',
        type: 'list',
        arg: 'NAME',
        help: 'only this environment (repeatable); bootstrap: the new environment (exactly one)',
    },
    { input: 'path', default: '', type: 'text' },
    { input: 'dry-run', default: 'false', type: 'switch' },
    { input: 'labels', default: '', type: 'list' },
    { input: 'reviewers', default: '', type: 'list' },
    { input: 'team-reviewers', default: '', type: 'list' },
    { input: 'draft', default: 'false', type: 'switch' },
    { input: 'auto-merge', default: '', type: 'text' },
    { input: 'branch-prefix', default: 'flux-pkg', type: 'text' },
    { input: 'check-context', default: 'flux-pkg/validate', type: 'text' },
    { input: 'commit-message', default: 'Deploy {component} {version} to {environment}', type: 'text' },
    { input: 'pr-flow', default: '', type: 'text' },
    { input: 'pr-title', default: 'Deploy {component} {version} to {environment}', type: 'text' },
    {
        input: 'component',
        default: '',
        flag: 'component',
        type: 'list',
        arg: 'NAME',
        help: 'only this component (repeatable); promote: the one to promote; bootstrap: a name, a list, or *',
    },
    {
        input: 'from-environment',
        default: '',
        flag: 'from',
        type: 'text',
        arg: 'ENV',
        help: "promote: from this environment (default: --to's promoteFrom)",
    },
    {
        input: 'to-environment',
        default: '',
        flag: 'to',
        type: 'text',
        arg: 'ENV',
        help: 'promote: to this environment',
    },
    {
        input: 'version',
        default: '',
        flag: 'version',
        type: 'text',
        arg: 'VERSION',
        help: 'promote: this version instead of the one --from runs; bootstrap: the first version (default: the newest)',
    },
    {
        input: 'allow-downgrade',
        default: 'false',
        flag: 'allow-downgrade',
        type: 'switch',
        help: 'promote: allow a lower version (adds packaging.carvel.dev/downgradable)',
    },
    { input: 'environment', default: '', flag: 'environment', type: 'text' },
    {
        input: 'values',
        default: '',
        flag: 'values',
        type: 'text',
        arg: 'FILE',
        help: "the values YAML (plan: replaces one environment's, with one --component and one --environment; bootstrap: default {})",
    },
    bootstrapName('service-account-name', 'the ServiceAccount kapp-controller installs with'),
    bootstrapName('flux-service-account-name', 'the ServiceAccount Flux impersonates on the run cluster'),
    bootstrapName('target-namespace', 'the run cluster namespace the PackageInstall goes to', 'NS'),
    bootstrapName('kubeconfig-secret-name', "the Secret holding the run cluster's kubeconfig"),
    bootstrapName('flux-namespace', "the namespace of the Brain's Flux objects and Secrets", 'NS'),
    bootstrapName('flux-api-version', 'v1 (current Flux) or v1beta2 (older clusters)', 'v1|v1beta2'),
    bootstrapName('git-url', 'the URL Flux clones from (default: the origin remote, when https or ssh)', 'URL'),
    bootstrapName('git-secret-name', 'the Secret with the git credentials'),
    {
        input: 'force',
        default: 'false',
        flag: 'force',
        type: 'switch',
        help: 'bootstrap: regenerate the Flux and RBAC files of an environment that exists',
    },
    {
        input: 'commit-status',
        default: 'true',
        flag: 'commit-status',
        type: 'true-false',
        arg: 'true|false',
        help: 'bootstrap: a notification-controller Provider and Alert for commit statuses (default: true)',
    },
    bootstrapName('commit-status-secret-name', 'the Secret with the token for commit statuses', 'NAME', 'github-commit-status'),
    bootstrapName('sops-age-secret-name', 'the Secret with the SOPS age key Flux decrypts with'),
    { input: 'sops-age-key', default: '', type: 'text' },
    {
        input: 'sops-age-recipients',
        default: '',
        flag: 'sops-age-recipient',
        type: 'list',
        arg: 'R',
        help: 'age recipient for secretFormat sops where no .sops.yaml rule matches (repeatable)',
    },
    { flag: 'repo', type: 'text', arg: 'DIR', help: 'the gitops repo checkout (default: .)' },
    {
        flag: 'since',
        type: 'text',
        arg: 'GITREF',
        help: 'deliver the Package files git says changed since GITREF',
    },
    {
        flag: 'repository-url',
        type: 'text',
        arg: 'URL',
        help: 'bootstrap: the repository on its GitHub server, where Flux posts commit statuses (default: https://github.com/OWNER/REPO when --git-url is on github.com)',
    },
    {
        flag: 'branch',
        type: 'text',
        arg: 'NAME',
        help: 'bootstrap: the branch Flux follows (default: the checked-out one, else main)',
    },
    {
        flag: 'sops-age-key-file',
        type: 'text',
        arg: 'FILE',
        help: 'age key file to decrypt SOPS-encrypted values Secrets (merged with every key source sops reads: see below)',
    },
    { flag: 'write', type: 'switch', help: 'write the planned files (plan, promote, bootstrap)' },
    { flag: 'json', type: 'switch', help: 'print a JSON report' },
    { flag: 'help', type: 'switch', help: 'this help' },
]);
/** A name bootstrap gives a Kubernetes object or field: the request's field is the input in camelCase. */
function bootstrapName(input, help, arg = 'NAME', fallback = '') {
    const setting = {
        input,
        default: fallback,
        flag: input,
        type: 'text',
        arg,
        help: `bootstrap: ${help}`,
    };
    return { ...setting, bootstrapName: true };
}
const BOOTSTRAP_NAMES = Object.freeze(SETTINGS.flatMap((s) => ('bootstrapName' in s ? [s.input] : [])));
/** `service-account-name` → `serviceAccountName`. */
const fieldOf = (input) => input.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
/** The setting an input declares. */
function settingOf(input) {
    return SETTINGS.find((s) => s.input === input);
}
/** How a message names the setting of an input: `allow-downgrade` in the action, `--allow-downgrade` in the CLI. */
function nameOf(input, wording = 'action') {
    const { flag } = settingOf(input);
    return wording === 'cli' && flag ? `--${flag}` : input;
}
/** How a message asks for a switch: `set allow-downgrade` in the action, `add --allow-downgrade` in the CLI. */
function askFor(input, wording = 'action') {
    return wording === 'cli' ? `add ${nameOf(input, wording)}` : `set ${input}`;
}


/***/ }),

/***/ 432:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HL: () => (/* binding */ unwrapDataKey),
/* harmony export */   Ki: () => (/* binding */ wrapDataKey),
/* harmony export */   lM: () => (/* binding */ DATA_KEY_BYTES),
/* harmony export */   nV: () => (/* binding */ parseAgeIdentities),
/* harmony export */   r8: () => (/* binding */ isAgeRecipient)
/* harmony export */ });
// age's code is loaded when a key is first wrapped or unwrapped: a run that meets no SOPS file never loads it.
let ageModule;
const age = () => {
    ageModule ??= __webpack_require__.e(/* import() */ 855).then(__webpack_require__.bind(__webpack_require__, 855));
    return ageModule;
};
const DATA_KEY_BYTES = 32;
const IDENTITY_LINE = /^AGE-SECRET-KEY-(PQ-)?1[0-9A-Z]+$/;
const RECIPIENT = /^age1(pq1)?[0-9a-z]+$/;
/** The identities in an age key file (or in a secret holding one): its `AGE-SECRET-KEY-…` lines. */
function parseAgeIdentities(text) {
    return text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => IDENTITY_LINE.test(line));
}
function isAgeRecipient(text) {
    return RECIPIENT.test(text);
}
/** Wrap the data key for each recipient. Throws only for a recipient `isAgeRecipient` let through. */
async function wrapDataKey(dataKey, recipients) {
    const { armor, Encrypter } = await age();
    const stanzas = [];
    for (const recipient of recipients) {
        const encrypter = new Encrypter();
        encrypter.addRecipient(recipient);
        const file = await encrypter.encrypt(dataKey);
        stanzas.push({ recipient, enc: armor.encode(file) });
    }
    return stanzas;
}
/**
 * The data key from the first stanza one of the identities opens. `no-identity`: none matches;
 * `bad-key`: an identity matched but the file is damaged or does not hold a 32-byte key.
 */
async function unwrapDataKey(stanzas, identities) {
    const { armor, Decrypter } = await age();
    const decrypter = new Decrypter();
    try {
        for (const identity of identities)
            decrypter.addIdentity(identity);
    }
    catch {
        return { failure: 'bad-identity' };
    }
    let failure = 'no-identity';
    for (const stanza of stanzas) {
        let file;
        try {
            file = armor.decode(stanza.enc);
        }
        catch {
            failure = 'bad-key';
            continue;
        }
        try {
            const dataKey = await decrypter.decrypt(file, 'uint8array');
            if (dataKey.length === DATA_KEY_BYTES)
                return { dataKey };
            failure = 'bad-key';
        }
        catch (e) {
            if (!(e instanceof Error && e.message.includes('no identity matched')))
                failure = 'bad-key';
        }
    }
    return { failure };
}


/***/ }),

/***/ 8071:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ DEFAULT_LIMITS)
/* harmony export */ });
const DEFAULT_LIMITS = {
    maxBytes: 4 * 1024 * 1024,
    maxAliasCount: 200,
    maxDocuments: 1000,
};


/***/ })

};
