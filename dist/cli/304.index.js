export const id = 304;
export const ids = [304];
export const modules = {

/***/ 5304:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MERMAID_LIMITS: () => (/* binding */ MERMAID_LIMITS),
/* harmony export */   mermaidText: () => (/* binding */ mermaidText),
/* harmony export */   statusJson: () => (/* binding */ statusJson),
/* harmony export */   statusMarkdown: () => (/* binding */ statusMarkdown),
/* harmony export */   statusMermaid: () => (/* binding */ statusMermaid),
/* harmony export */   statusMermaidChart: () => (/* binding */ statusMermaidChart),
/* harmony export */   statusText: () => (/* binding */ statusText)
/* harmony export */ });
/* harmony import */ var _inert_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1822);
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
    const line = (0,_inert_js__WEBPACK_IMPORTED_MODULE_0__/* .oneLine */ .TN)(text);
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
        return `🔴 ${cell.version ? `${(0,_inert_js__WEBPACK_IMPORTED_MODULE_0__/* .inertCode */ .gQ)(cell.version)} ` : ''}**out of order**`;
    switch (cell.state) {
        case 'missing':
            return '_no folder_';
        case 'unread':
            return '_not read_';
        case 'invalid':
            return `${cell.version ? `${(0,_inert_js__WEBPACK_IMPORTED_MODULE_0__/* .inertCode */ .gQ)(cell.version)} ` : ''}**invalid**`;
        case 'behind':
            return `${(0,_inert_js__WEBPACK_IMPORTED_MODULE_0__/* .inertCode */ .gQ)(cell.version)} behind ${(0,_inert_js__WEBPACK_IMPORTED_MODULE_0__/* .inertCell */ .B5)(cell.promoteFrom)} (${(0,_inert_js__WEBPACK_IMPORTED_MODULE_0__/* .inertCode */ .gQ)(cell.upstreamVersion)})`;
        default:
            return (0,_inert_js__WEBPACK_IMPORTED_MODULE_0__/* .inertCode */ .gQ)(cell.version);
    }
}
/** The matrix as a GFM table and the promotion chain as a Mermaid flowchart, for the job summary. */
function statusMarkdown(model) {
    const envs = model.environments;
    const lines = [
        '### Where every version runs',
        '',
        `| component | ${envs.map((e) => (0,_inert_js__WEBPACK_IMPORTED_MODULE_0__/* .inertCell */ .B5)(e.name)).join(' | ')} | newest Package |`,
        `|---|${envs.map(() => '---|').join('')}---|`,
        ...model.components.map((c) => `| ${(0,_inert_js__WEBPACK_IMPORTED_MODULE_0__/* .inertCell */ .B5)(c.component)} | ${envs.map((e) => markdownCell(cellOf(c, e.name))).join(' | ')} | ${(0,_inert_js__WEBPACK_IMPORTED_MODULE_0__/* .inertCode */ .gQ)(newest(c))} |`),
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
    const chars = [...(0,_inert_js__WEBPACK_IMPORTED_MODULE_0__/* .oneLine */ .TN)(text).slice(0, 2 * max + 2)];
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


/***/ })

};
