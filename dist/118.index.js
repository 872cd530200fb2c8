export const id = 118;
export const ids = [118];
export const modules = {

/***/ 4617:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $e: () => (/* binding */ setScalar),
/* harmony export */   A0: () => (/* binding */ renderKustomization),
/* harmony export */   D6: () => (/* binding */ renderValuesSecret),
/* harmony export */   IB: () => (/* binding */ ROLLED_BACK_FROM_ANNOTATION),
/* harmony export */   M5: () => (/* binding */ emptyValues),
/* harmony export */   NY: () => (/* binding */ ensureKustomizationResources),
/* harmony export */   VI: () => (/* binding */ setValues),
/* harmony export */   _l: () => (/* binding */ renderPackageInstall),
/* harmony export */   aX: () => (/* binding */ setAnnotation),
/* harmony export */   d1: () => (/* binding */ DOWNGRADABLE_ANNOTATION),
/* harmony export */   eL: () => (/* binding */ versionSelectionFor)
/* harmony export */ });
/* unused harmony exports PACKAGE_INSTALL_API_VERSION, constraintFor, normaliseResource */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/**
 * Rendering the files of one environment: the PackageInstall, its values Secret and the
 * kustomization.yaml that lists them. New files are rendered whole; existing files are edited in
 * place, touching only the scalar that must change, so comments, key order and fields a person
 * added survive, and the pull request's diff is exactly the version bump.
 */

const PACKAGE_INSTALL_API_VERSION = 'packaging.carvel.dev/v1alpha1';
const STRINGIFY = { lineWidth: 0, indentSeq: false };
/** `{version}` in the configured template becomes the Package version: "{version}" pins, ">={version}" follows. */
function constraintFor(template, version) {
    return template.replaceAll('{version}', version);
}
function versionSelectionFor(settings, version) {
    const selection = { constraints: constraintFor(settings.constraint, version) };
    if (settings.prereleases === true)
        selection.prereleases = {};
    else if (Array.isArray(settings.prereleases))
        selection.prereleases = { identifiers: settings.prereleases };
    return selection;
}
function renderPackageInstall(input) {
    const metadata = { name: input.name };
    if (input.namespace)
        metadata.namespace = input.namespace;
    const doc = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .Document */ .yo({
        apiVersion: PACKAGE_INSTALL_API_VERSION,
        kind: 'PackageInstall',
        metadata,
        spec: {
            serviceAccountName: input.serviceAccountName,
            packageRef: { refName: input.refName, versionSelection: input.selection },
            values: [{ secretRef: { name: input.valuesSecretName } }],
        },
    });
    return doc.toString(STRINGIFY);
}
function renderValuesSecret(input) {
    const metadata = { name: input.name };
    if (input.namespace)
        metadata.namespace = input.namespace;
    const doc = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .Document */ .yo({
        apiVersion: 'v1',
        kind: 'Secret',
        metadata,
        stringData: {},
    });
    doc.setIn(['stringData', input.valuesKey], blockScalar(input.values));
    return doc.toString(STRINGIFY);
}
/** Values YAML for an environment that has none yet: schema defaults apply in the cluster. */
function emptyValues(component, environment) {
    return `# Values for ${component} in ${environment}; the Package's valuesSchema lists what can be set.\n{}\n`;
}
function renderKustomization(resources) {
    return new yaml__WEBPACK_IMPORTED_MODULE_0__/* .Document */ .yo({
        apiVersion: 'kustomize.config.k8s.io/v1beta1',
        kind: 'Kustomization',
        resources: [...resources],
    }).toString(STRINGIFY);
}
const anyDocument = () => true;
/**
 * Edit one document of a file and keep every other byte as it was: the edited document's text is
 * spliced back between its neighbours, so a ServiceAccount before a PackageInstall, or the comments
 * and `---` around it, are untouched. The file is assumed to parse (the planner read it first).
 */
function editDocument(text, pick, edit) {
    const list = parsedDocuments(text);
    const doc = list.find((d) => d.errors.length === 0 && pick(d.toJS()));
    if (!doc)
        throw new Error('editDocument: no document to edit'); // a planner bug: it read this file first
    const edited = edit(doc);
    if (edited === undefined)
        return text;
    if (list.length === 1)
        return edited;
    // A document's text runs from the end of the one before it (comments before it are its own, and
    // toString() writes them) to the end of its node, a `...` marker included.
    const index = list.indexOf(doc);
    const start = index === 0 ? 0 : list[index - 1].range[2];
    const end = doc.range[2];
    return text.slice(0, start) + edited + text.slice(end);
}
/** Every document of a text (parseAllDocuments gives none of an empty one). */
function parsedDocuments(text) {
    const docs = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseAllDocuments */ .hR)(text);
    return Array.isArray(docs) ? docs : [];
}
/** Add missing entries to an existing kustomization file's resources, keeping everything else. */
function ensureKustomizationResources(text, resources) {
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text);
    const list = doc.get('resources', true);
    const present = new Set((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(list) ? list.items.map((i) => ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(i) ? normaliseResource(String(i.value)) : '')) : []);
    const missing = resources.filter((r) => !present.has(normaliseResource(r)));
    if (missing.length === 0)
        return text;
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(list))
        for (const r of missing)
            list.add(r);
    else
        doc.set('resources', [...resources]);
    return doc.toString(STRINGIFY);
}
/** `./a/../b.yaml` and `b.yaml` name the same resource; kustomize refuses one listed twice. */
function normaliseResource(entry) {
    const out = [];
    for (const part of entry.split('/')) {
        if (part === '' || part === '.')
            continue;
        if (part === '..' && out.length > 0 && out[out.length - 1] !== '..')
            out.pop();
        else
            out.push(part);
    }
    return out.join('/') || '.';
}
/**
 * Set the scalar at `path` to `value` in the picked document, editing only that scalar's characters
 * in the text when it exists; otherwise fall back to a structural edit of that document (which may
 * re-indent it). `parsed`: the text's documents as the planner parsed them (parseYaml), which spares
 * a parse; they are only read.
 */
function setScalar(text, path, value, pick = anyDocument, parsed) {
    const doc = parsed
        ? parsed.find((d) => pick(d.value))?.doc
        : parsedDocuments(text).find((d) => d.errors.length === 0 && pick(d.toJS()));
    const node = doc?.getIn(path, true);
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node) && node.range) {
        if (node.value === value)
            return text;
        const [start, end] = node.range;
        return text.slice(0, start) + scalarText(value, node.type) + text.slice(end);
    }
    return editDocument(text, pick, (d) => {
        d.setIn(path, value);
        return d.toString(STRINGIFY);
    });
}
/**
 * Replace the YAML under the picked Secret's stringData key (values updates, only when asked). A
 * base64 `data` entry of the same key is removed: stringData would win over it anyway.
 */
function setValues(text, valuesKey, values, pick = anyDocument) {
    return editDocument(text, pick, (doc) => {
        if (doc.hasIn(['data', valuesKey]))
            doc.deleteIn(['data', valuesKey]);
        doc.setIn(['stringData', valuesKey], blockScalar(values));
        return doc.toString(STRINGIFY);
    });
}
function blockScalar(value) {
    const scalar = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .Scalar */ .X5(value.endsWith('\n') ? value : `${value}\n`);
    scalar.type = yaml__WEBPACK_IMPORTED_MODULE_0__/* .Scalar */ .X5.BLOCK_LITERAL;
    return scalar;
}
function scalarText(value, type) {
    if (type === yaml__WEBPACK_IMPORTED_MODULE_0__/* .Scalar */ .X5.QUOTE_DOUBLE)
        return JSON.stringify(value);
    if (type === yaml__WEBPACK_IMPORTED_MODULE_0__/* .Scalar */ .X5.QUOTE_SINGLE)
        return `'${value.replaceAll("'", "''")}'`;
    return (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .stringify */ .As)(value, STRINGIFY).trimEnd();
}
/** Without it, kapp-controller stops reconciling a PackageInstall whose selected version went down. */
const DOWNGRADABLE_ANNOTATION = 'packaging.carvel.dev/downgradable';
/**
 * The rollback hold: a rollback (promote with allow-downgrade) writes the version the environment
 * left; delivery offers it only versions newer than that (the next upgrade removes it).
 */
const ROLLED_BACK_FROM_ANNOTATION = 'flux-pkg.dev/rolled-back-from';
/**
 * Set (a string) or remove (undefined) one metadata annotation, keeping comments; an annotations
 * mapping left empty is removed with it.
 */
function setAnnotation(text, name, value, pick = anyDocument) {
    const path = ['metadata', 'annotations', name];
    return editDocument(text, pick, (doc) => {
        const present = doc.hasIn(path);
        if (value === undefined) {
            if (!present)
                return undefined;
            doc.deleteIn(path);
            const annotations = doc.getIn(['metadata', 'annotations'], true);
            if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(annotations) && annotations.items.length === 0)
                doc.deleteIn(['metadata', 'annotations']);
            return doc.toString(STRINGIFY);
        }
        if (present && doc.getIn(path) === value)
            return undefined;
        const scalar = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .Scalar */ .X5(value);
        scalar.type = yaml__WEBPACK_IMPORTED_MODULE_0__/* .Scalar */ .X5.QUOTE_DOUBLE;
        doc.setIn(path, scalar);
        return doc.toString(STRINGIFY);
    });
}


/***/ }),

/***/ 7118:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FH: () => (/* reexport safe */ _api_call_js__WEBPACK_IMPORTED_MODULE_1__.FH),
/* harmony export */   bP: () => (/* binding */ readBaseOrFail),
/* harmony export */   cK: () => (/* binding */ deliver)
/* harmony export */ });
/* harmony import */ var _repo_paths_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2711);
/* harmony import */ var _api_call_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5452);
/* harmony import */ var _publish_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5088);
/* harmony import */ var _refs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9081);




const MAX_ATTEMPTS = 3;

async function readBaseOrFail(objects, branch, partialOk = false, known) {
    const base = await (0,_api_call_js__WEBPACK_IMPORTED_MODULE_1__/* .api */ .FH)(`reading branch ${branch}`, () => (0,_publish_js__WEBPACK_IMPORTED_MODULE_2__/* .readBase */ .wZ)(objects, branch, partialOk, known));
    const { owner, repo } = objects.ref;
    if (!base)
        throw new _api_call_js__WEBPACK_IMPORTED_MODULE_1__/* .DeliveryError */ .VE(`base branch "${branch}" does not exist in ${owner}/${repo}`);
    return base;
}
async function deliver(d) {
    for (let attempt = 1;; attempt++) {
        // Read fresh each attempt, once the plan names the branches (pulls.prepare), or as soon as
        // the mode can tell which it will name (expect).
        const pulls = new _publish_js__WEBPACK_IMPORTED_MODULE_2__/* .OpenPulls */ .n_(d.client, d.ref, d.baseBranch);
        const known = attempt === 1 ? d.head : undefined;
        const base = await readBaseOrFail(d.objects, d.baseBranch, d.partialBase, known);
        const expect = (keys) => {
            if (!d.dryRun)
                pulls.expect(keys.map((key) => `${d.branchPrefix}/${key}`));
        };
        const proposed = await d.propose(base, expect);
        if (d.dryRun || !proposed.result.valid)
            return { ...proposed, base, published: [], deferred: [] };
        pulls.prepare(proposed.proposals.map((p) => `${d.branchPrefix}/${p.key}`));
        try {
            const { deliverable, deferred } = await withinBudget(d, proposed.proposals, pulls);
            const published = await publishAll(d, base, deliverable, pulls);
            const moved = attempt < MAX_ATTEMPTS ? await baseAfterWriting(d, base, published, pulls) : base.sha;
            if (moved !== base.sha) {
                d.log(`${d.baseBranch} moved while the pull requests were written; planning again on ${moved}`);
                continue;
            }
            return { ...proposed, base, published, deferred };
        }
        catch (e) {
            if (!(e instanceof _api_call_js__WEBPACK_IMPORTED_MODULE_1__/* .RaceLostError */ .Ss))
                throw e;
            if (attempt >= MAX_ATTEMPTS)
                throw new _api_call_js__WEBPACK_IMPORTED_MODULE_1__/* .DeliveryError */ .VE(`${e.message}, ${MAX_ATTEMPTS} times; giving up`);
            d.log(`${e.message}; planning again (attempt ${attempt + 1} of ${MAX_ATTEMPTS})`);
        }
    }
}
/**
 * The base's head after this attempt's last branch write: only a run that moved a branch can have
 * built it on a base that moved meanwhile. When that write's pull request was then opened, GitHub
 * said where the base was at that moment (`base.sha` of a new pull request is the base branch's head
 * when it was opened, github/docs#431): no read. Otherwise the branch is read.
 */
async function baseAfterWriting(d, base, published, pulls) {
    const last = published.findLast((p) => p.commit);
    if (!last)
        return base.sha;
    const seen = last.operation === 'created' ? pulls.baseWhenOpened(last.branch) : undefined;
    return (seen ?? (await (0,_api_call_js__WEBPACK_IMPORTED_MODULE_1__/* .api */ .FH)(`reading branch ${d.baseBranch}`, () => (0,_publish_js__WEBPACK_IMPORTED_MODULE_2__/* .getBranchHead */ .Rs)(d.client, d.ref, d.baseBranch))));
}
/** The open pull requests' read and the check after writing (did the base move?). */
const ONCE_PER_DELIVERY = 2;
/** The proposals that fit the REST budget, in order, leaving its reserve (budget.ts), and the rest. */
async function withinBudget(d, proposals, pulls) {
    if (!d.budget || proposals.length === 0)
        return { deliverable: [...proposals], deferred: [] };
    const open = await (0,_api_call_js__WEBPACK_IMPORTED_MODULE_1__/* .api */ .FH)('listing open pull requests', () => pulls.byBranch());
    const costs = proposals.map((p, i) => (0,_publish_js__WEBPACK_IMPORTED_MODULE_2__/* .callsFor */ .$N)(p, open.has(`${d.branchPrefix}/${p.key}`)) + (i === 0 ? ONCE_PER_DELIVERY : 0));
    const fits = d.budget.affordable(costs);
    return { deliverable: proposals.slice(0, fits), deferred: proposals.slice(fits) };
}
/** Every branch name and path is checked before the first write: a bad one stops the run with nothing written. */
function checkBeforeWriting(d, proposals) {
    for (const proposal of proposals) {
        const branch = `${d.branchPrefix}/${proposal.key}`;
        const problem = (0,_refs_js__WEBPACK_IMPORTED_MODULE_3__/* .branchNameProblem */ .hq)(branch);
        if (problem)
            throw new _api_call_js__WEBPACK_IMPORTED_MODULE_1__/* .DeliveryError */ .VE(`the branch name "${branch}" ${problem}; git refuses it`);
        const unsafe = proposal.files.flatMap((f) => {
            const why = (0,_repo_paths_js__WEBPACK_IMPORTED_MODULE_0__/* .writePathProblem */ .k_)(f.path);
            return why ? [`${f.path} ${why}`] : [];
        });
        if (unsafe.length > 0)
            throw new _api_call_js__WEBPACK_IMPORTED_MODULE_1__/* .DeliveryError */ .VE(`refusing to write ${unsafe.join('; ')} (${proposal.key}); nothing was written`);
    }
}
async function publishAll(d, base, proposals, pulls) {
    checkBeforeWriting(d, proposals);
    const published = [];
    for (const proposal of proposals) {
        const spec = { ...proposal, branch: `${d.branchPrefix}/${proposal.key}` };
        if (spec.files.length === 0) {
            const closed = await (0,_api_call_js__WEBPACK_IMPORTED_MODULE_1__/* .api */ .FH)(`closing the pull request of ${spec.branch}`, () => (0,_publish_js__WEBPACK_IMPORTED_MODULE_2__/* .closeIfOpen */ .Et)(d.client, d.ref, base, spec, pulls));
            if (closed)
                published.push(closed);
            continue;
        }
        const result = await (0,_api_call_js__WEBPACK_IMPORTED_MODULE_1__/* .api */ .FH)(`writing the pull request for ${proposal.key}`, () => (0,_publish_js__WEBPACK_IMPORTED_MODULE_2__/* .publishProposal */ .OZ)(d.objects, base, spec, pulls, d.published));
        published.push(result);
    }
    return published;
}


/***/ }),

/***/ 5088:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  n_: () => (/* binding */ OpenPulls),
  $N: () => (/* binding */ callsFor),
  Et: () => (/* binding */ closeIfOpen),
  Rs: () => (/* binding */ getBranchHead),
  OZ: () => (/* binding */ publishProposal),
  wZ: () => (/* binding */ readBase),
  hZ: () => (/* binding */ refreshFiles)
});

// UNUSED EXPORTS: RaceLostError, blobSha

// EXTERNAL MODULE: ./src/carvel/semver.ts
var semver = __webpack_require__(6533);
// EXTERNAL MODULE: ./src/carvel/render.ts
var render = __webpack_require__(4617);
// EXTERNAL MODULE: ./src/report/inert.ts
var inert = __webpack_require__(1822);
;// CONCATENATED MODULE: ./src/report/pull-request/closing.ts
/**
 * The comment on a pull request of this action that is closed because its targets need nothing
 * now: either the base already has what it proposed, or a rule holds the environment back (a
 * rollback). Every piece of repository text in it is inert (inert.ts): the comment is Markdown.
 */


const CLOSED_BY = 'so it is closed by flux-pkg-action.';
const CLOSED = 'This pull request is closed by flux-pkg-action';
const where = (t) => `${(0,inert/* inertText */.UJ)(t.component)} in ${(0,inert/* inertText */.UJ)(t.environment)}`;
/** One target held by a rollback, in the reviewer's terms: what happened, and what lifts it. */
function heldReason(t, held) {
    const from = (0,inert/* inertCode */.gQ)(held.from);
    return `${where(t)} was rolled back from ${from} (annotation \`${render/* ROLLED_BACK_FROM_ANNOTATION */.IB}\` on ${(0,inert/* inertCode */.gQ)(held.file)}), so ${from} is not offered again; a version newer than ${from} reopens the delivery, or remove the annotation`;
}
/**
 * The reasons as they apply to the open pull request being closed: one that proposed exactly the
 * version its environment runs now (the rollback's own pull request, applied by hand) is closed
 * because the base has it, not because of the hold. `proposed`: the version its marker names.
 */
function reasonsFor(reasons, proposed) {
    return reasons.map((r) => r.held && proposed !== undefined && reasons.length === 1 && proposed === r.target.toVersion
        ? { target: r.target }
        : r);
}
/** `api in dev at `1.1.0``: a target and the version it has. */
const at = (t) => `${where(t)}${t.toVersion ? ` at ${(0,inert/* inertCode */.gQ)(t.toVersion)}` : ''}`;
/**
 * The closing comment. No target held: the base already has everything (one sentence, as before).
 * One target, held: its reason. Several with one held at least: one line per target.
 */
function closingComment(base, reasons) {
    const held = reasons.filter((r) => r.held);
    if (held.length === 0) {
        const what = reasons.map((r) => at(r.target));
        return `${(0,inert/* inertText */.UJ)(base)} already has what this pull request proposed${what.length > 0 ? ` (${what.join(', ')})` : ''}, ${CLOSED_BY}`;
    }
    if (reasons.length === 1)
        return `${CLOSED}: ${heldReason(reasons[0].target, reasons[0].held)}.`;
    const lines = reasons.map((r) => `- ${r.held ? heldReason(r.target, r.held) : `${(0,inert/* inertText */.UJ)(base)} already has ${at(r.target)}`}.`);
    return [`${CLOSED}: nothing it proposed is to be delivered now.`, '', ...lines].join('\n');
}

// EXTERNAL MODULE: ./src/report/pull-request/marker.ts
var pull_request_marker = __webpack_require__(7896);
// EXTERNAL MODULE: ./src/github/api-call.ts
var api_call = __webpack_require__(5452);
// EXTERNAL MODULE: ./src/github/refs.ts
var refs = __webpack_require__(9081);
// EXTERNAL MODULE: ./src/github/snapshot.ts
var snapshot = __webpack_require__(1127);
// EXTERNAL MODULE: ./src/github/tree-index.ts
var tree_index = __webpack_require__(4694);
// EXTERNAL MODULE: ./src/github/tree-walk.ts
var tree_walk = __webpack_require__(7141);
;// CONCATENATED MODULE: ./src/github/publish.ts
/**
 * One pull request per (component, environment), written atomically with the Git Data API: a tree
 * on the base tree with inline contents, one commit whose parent is the base head (sent without
 * author or committer, so GitHub signs it for App and GITHUB_TOKEN callers), then the branch ref
 * created or force-updated in one call. A run that fails midway leaves no half-written branch.
 */









function isNewer(a, b) {
    const [va, vb] = [(0,semver/* parseRelaxed */.X)(a), (0,semver/* parseRelaxed */.X)(b)];
    return va !== undefined && vb !== undefined && (0,semver/* compare */.UD)(va, vb) > 0;
}

async function getBranchHead(client, ref, branch) {
    try {
        const { data } = await client.rest.git.getRef({ ...ref, ref: `heads/${branch}` });
        return data.object.sha;
    }
    catch (e) {
        if (e.status === 404)
            return undefined;
        throw e;
    }
}
/**
 * The base branch's head and tree: the branch read (commit, tree sha) and its tree read by the
 * branch's name go out together, so the whole base costs one round trip; if the branch moved between
 * the two, the tree is read again by sha. `partialOk`: a tree too large for one read gives its root
 * only (else TreeTruncatedError). `headNow`: the head as just read (its tree is then read by sha).
 */
async function readBase(objects, branch, partialOk = false, headNow) {
    const byName = headNow || !(0,refs/* readableByName */.PU)(branch) ? undefined : objects.treeOfBranch(branch);
    byName?.catch(() => { });
    const head = headNow ?? (await objects.branch(branch));
    if (!head)
        return undefined;
    const known = await (0,tree_walk/* readKnownTree */.oH)(objects, head.treeSha, byName);
    if (known.partial && !partialOk)
        throw new snapshot/* TreeTruncatedError */.Ll(snapshot/* TRUNCATED_MESSAGE */.P7);
    const base = { branch, sha: head.sha, treeSha: head.treeSha, tree: [], ...known };
    return refreshFiles(base);
}
/** The base's files after its index was widened. */
function refreshFiles(base) {
    base.tree = (0,snapshot/* filesOf */.R8)(base.index.files());
    return base;
}
/**
 * Does the branch already hold exactly base + these files, on top of this base? Its commit's tree
 * sha against the one computed from the base's tree answers without reading the branch's tree.
 */
function branchIsCurrent(head, base, files) {
    if (head.parents.length !== 1 || head.parents[0] !== base.sha)
        return false;
    return base.index.shaWith(files) === head.treeSha;
}
/**
 * The files with each encrypted values Secret replaced by what it makes of the branch's copy: an
 * encrypted file differs in every byte each time it is written, so plaintext decides whether the
 * branch's copy stays (also when the branch is rewritten for a newer Package or a moved base).
 * The branch's tree is read only for such files, and only down to their folders.
 */
async function withBranchCopies(objects, head, files) {
    const encrypted = files.filter((f) => f.fromBranch);
    if (encrypted.length === 0)
        return [...files];
    const branch = await (0,tree_walk/* readKnownTree */.oH)(objects, head.treeSha);
    if (branch.partial)
        await (0,tree_walk/* widen */.oP)(objects, branch.index, encrypted.map((f) => parentOf(f.path)));
    const result = [];
    for (const file of files) {
        const entry = branch.index.entry(file.path);
        if (!file.fromBranch ||
            entry?.type !== 'blob' ||
            entry.sha === (0,tree_index/* blobSha */.wJ)(file.content) ||
            (entry.size ?? 0) > SECRET_BLOB_LIMIT) {
            result.push(file);
            continue;
        }
        const bytes = await objects.blob(entry.sha);
        const content = bytes.length > SECRET_BLOB_LIMIT ? undefined : await file.fromBranch(bytes.toString('utf8'));
        result.push(content === undefined ? file : { ...file, content });
    }
    return result;
}
const parentOf = (path) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');
/** A values Secret larger than this on a branch is not one the action wrote: rewrite it. */
const SECRET_BLOB_LIMIT = 1024 * 1024;
/** The targets a closed pull request proposed, for its closing comment; none (a re-wrap): nothing. */
/** One page of a branch's pull requests, newest first (GitHub's maximum page). */
const PAGE = 100;
/**
 * The pull requests of this attempt's branches, read once. For one branch, one read of that
 * branch's pull requests (open and closed, newest first) answers both questions publishing asks —
 * is one open, was this version declined — in one call; for more, the open pull requests into the
 * base are listed once (paginated: 10 Packages × 5 environments cost one read, not fifty) and a
 * branch's closed ones are read only before opening a pull request for it.
 */
class OpenPulls {
    client;
    ref;
    baseBranch;
    #open;
    #baseWhenOpened = new Map();
    /** The one branch read whole (open and closed), when `prepare` was given one branch. */
    #single;
    constructor(client, ref, baseBranch) {
        this.client = client;
        this.ref = ref;
        this.baseBranch = baseBranch;
    }
    /**
     * The read `expect` started before planning, named by the branches it reads for (readFor): kept
     * when `prepare` is given branches that need the same read, else dropped.
     */
    #expected;
    /**
     * Start the reads for the branches planning is expected to name, before it names them (deliver.ts):
     * `prepare` then keeps them when they are the reads its branches need, and reads again when not.
     */
    expect(branches) {
        if (this.#open || branches.length === 0)
            return;
        this.prepare(branches);
        this.#expected = readFor(branches);
    }
    /** Start the reads for these branches (a failure surfaces at the first get()). */
    prepare(branches) {
        if (this.#expected !== undefined) {
            const same = this.#expected === readFor(branches);
            this.#expected = undefined;
            if (same)
                return;
            // A wrong guess costs its read, never an answer: the branches planning named are read now.
            this.#open = undefined;
            this.#single = undefined;
        }
        if (this.#open || branches.length === 0)
            return;
        if (branches.length === 1) {
            const branch = branches[0];
            this.#single = { branch, pulls: this.#ofBranch(branch, 'all') };
            this.#single.pulls.catch(() => { });
            this.#open = this.#single.pulls.then(async (pulls) => {
                const open = pulls.find((p) => p.state === 'open');
                // A full page without the open one: an open pull request may be older than the page.
                const found = open ?? (pulls.length >= PAGE ? (await this.#ofBranch(branch, 'open'))[0] : undefined);
                return new Map(found ? [[branch, found]] : []);
            });
        }
        else
            this.#open = this.#listOpen();
        this.#open.catch(() => { });
    }
    /** The open pull requests by branch (every one into the base, or the one branch `prepare` was given). */
    byBranch() {
        if (!this.#open) {
            this.#open = this.#listOpen();
            this.#open.catch(() => { });
        }
        return this.#open;
    }
    async get(branch) {
        return (await this.byBranch()).get(branch);
    }
    /**
     * After GitHub said a pull request for `branch` already exists (another run opened it since the
     * list was read): that pull request, read now.
     */
    async refresh(branch) {
        const [open] = await this.#ofBranch(branch, 'open');
        const known = await this.byBranch();
        if (open)
            known.set(branch, open);
        return open;
    }
    /** The base's head GitHub reported when this attempt opened the pull request of `branch`. */
    baseWhenOpened(branch) {
        return this.#baseWhenOpened.get(branch);
    }
    /** A pull request this attempt opened, and the base head GitHub says it was opened on. */
    opened(branch, baseSha) {
        this.#baseWhenOpened.set(branch, baseSha);
    }
    /** The newest closed pull requests of `branch` (from the one read, when `prepare` made it). */
    async closed(branch) {
        const pulls = this.#single?.branch === branch ? await this.#single.pulls : await this.#ofBranch(branch, 'closed');
        return pulls.filter((p) => p.state === 'closed');
    }
    async #listOpen() {
        const pulls = await this.client.paginate(this.client.rest.pulls.list, {
            ...this.ref,
            state: 'open',
            base: this.baseBranch,
            per_page: PAGE,
        });
        return new Map(this.#own(pulls).map((p) => [p.head.ref, p]));
    }
    async #ofBranch(branch, state) {
        const { data } = await this.client.rest.pulls.list({
            ...this.ref,
            state,
            head: `${this.ref.owner}:${branch}`,
            base: this.baseBranch,
            sort: 'created',
            direction: 'desc',
            per_page: PAGE,
        });
        return this.#own(data).filter((p) => p.head.ref === branch);
    }
    /** Only branches of this repository: a fork's pull request may use the same branch name. */
    #own(pulls) {
        const own = `${this.ref.owner}/${this.ref.repo}`;
        return pulls.filter((p) => p.head.repo?.full_name === own);
    }
}
/** Which read `prepare` makes for these branches: the one branch's, or every open pull request's. */
function readFor(branches) {
    return branches.length === 1 ? `branch ${branches[0]}` : 'every open one';
}
/**
 * The most REST calls publishing one proposal makes when it loses no race (what the budget is
 * asked for; the open pull requests' read and the base check are counted once per delivery):
 * closing costs a comment and an update. Writing to an open pull request: its branch's head (with
 * its tree and each encrypted file to keep, when there are some), tree, commit and ref, the status on
 * the head and the pull request's update. Opening one: the closed pull requests' read, tree, commit
 * and ref (and, for a branch a closed pull request left, its read and a forced update), the status,
 * the creation, labels and reviewers. Auto-merge is GraphQL, another budget.
 */
function callsFor(spec, open) {
    if (spec.files.length === 0)
        return open ? 2 : 0;
    const write = 3;
    const status = 1;
    if (open) {
        const encrypted = spec.files.filter((f) => f.fromBranch).length;
        const branchRead = 1 + (encrypted > 0 ? 1 + encrypted : 0);
        return branchRead + write + status + 1;
    }
    const closedRead = 1;
    const leftBranch = 2;
    const labels = spec.labels.length > 0 ? 1 : 0;
    const reviewers = spec.reviewers.length + spec.teamReviewers.length > 0 ? 1 : 0;
    return closedRead + write + leftBranch + status + 1 + labels + reviewers;
}
/**
 * Write one proposal: its branch (base + files, one commit) and its pull request, created or
 * updated. The verdict goes out as soon as its commit exists, beside the branch's write: a status
 * needs only the sha (POST /repos/{o}/{r}/statuses/{sha} takes any commit of the repository), so the
 * head carries it whenever the pull request shows it. A status left on a commit whose branch or pull
 * request then failed is harmless: no ref or pull request shows an unreachable commit, and the next
 * run writes (and posts on) a new one.
 */
async function publishProposal(objects, base, spec, pulls, verdict = async () => { }) {
    const result = {
        key: spec.key,
        targets: spec.targets,
        branch: spec.branch,
        operation: 'unchanged',
    };
    const open = await pulls.get(spec.branch);
    const stands = open && newerStands(open, spec);
    // A run for a newer Package finished first: its proposal stands.
    if (stands)
        return { ...result, ...stands };
    if (!open && spec.version) {
        const closed = declined(await pulls.closed(spec.branch), spec.key, spec.version);
        if (closed)
            return {
                ...result,
                number: closed.number,
                url: closed.html_url,
                skipped: `#${closed.number} proposed ${spec.version} and was closed without merging; it is not reopened for ${spec.version}, a newer version opens a new pull request`,
            };
    }
    const posted = [];
    const onCommit = (commit) => posted.push(verdict([{ ...result, head: commit, commit }]));
    const branch = await writeBranch(objects, base, spec, open !== undefined, onCommit);
    result.head = branch.head;
    if (branch.commit)
        result.commit = branch.commit;
    // A pull request opened on a branch found current (another run, or an earlier attempt, wrote it):
    // its head gets the verdict beside the opening.
    if (!open && !branch.commit)
        onCommit(branch.head);
    try {
        if (open)
            return await updatePull(objects, spec, open, result);
        return await createPull(objects, base, spec, pulls, { ...result, createdBranch: branch.created });
    }
    finally {
        await Promise.all(posted);
    }
}
/** The newer version an open pull request of this action already proposes for the branch, if it does. */
function newerStands(open, spec) {
    // Only this action's marker, for this branch, naming a version that exists at the base, is believed.
    const marker = (0,pull_request_marker/* readMarker */.t7)(open.body, { key: spec.key, fields: pull_request_marker/* MARKER_FIELDS */.Pj });
    const proposed = (0,pull_request_marker/* trustedVersion */.mE)(marker, new Set(spec.knownVersions));
    if (!proposed || !spec.version || !isNewer(proposed, spec.version))
        return undefined;
    return { number: open.number, url: open.html_url, superseded: proposed };
}
/**
 * The branch at base + files, written unless it already is. A branch without an open pull request
 * is rarely there (one is left by a closed pull request, or another run just wrote it): it is not
 * read first; the ref is created, and read only when GitHub answers that it already exists.
 */
async function writeBranch(objects, base, spec, hasOpenPull, onCommit) {
    const { client, ref } = objects;
    const head = hasOpenPull ? await objects.branch(spec.branch) : undefined;
    const files = head ? await withBranchCopies(objects, head, spec.files) : spec.files;
    if (head && branchIsCurrent(head, base, files))
        return { head: head.sha, created: false };
    const commit = await commitOnBase(objects, base, spec.commitMessage, files);
    onCommit(commit);
    if (head) {
        await forceBranch(objects, spec.branch, commit);
        return { head: commit, commit, created: false };
    }
    try {
        await client.rest.git.createRef({ ...ref, ref: `refs/heads/${spec.branch}`, sha: commit });
        return { head: commit, commit, created: true };
    }
    catch (e) {
        if (!(0,refs/* isRefRace */.bY)(e))
            throw e;
    }
    const existing = await objects.branch(spec.branch);
    if (!existing)
        throw new api_call/* RaceLostError */.Ss(`branch ${spec.branch} changed while it was being written`);
    if (branchIsCurrent(existing, base, files))
        return { head: existing.sha, created: false };
    await forceBranch(objects, spec.branch, commit);
    return { head: commit, commit, created: false };
}
/** A tree on the base's with the files inline (no blob writes), and its commit (signed: no author or committer). */
async function commitOnBase(objects, base, message, files) {
    const { client, ref } = objects;
    const { data: tree } = await client.rest.git.createTree({
        ...ref,
        base_tree: base.treeSha,
        tree: files.map((f) => ({
            path: f.path,
            mode: '100644',
            type: 'blob',
            content: f.content,
        })),
    });
    const { data: commit } = await client.rest.git.createCommit({
        ...ref,
        message,
        tree: tree.sha,
        parents: [base.sha],
    });
    return commit.sha;
}
async function forceBranch(objects, branch, sha) {
    try {
        await objects.client.rest.git.updateRef({ ...objects.ref, ref: `heads/${branch}`, sha, force: true });
    }
    catch (e) {
        if ((0,refs/* isRefRace */.bY)(e))
            throw new api_call/* RaceLostError */.Ss(`branch ${branch} changed while it was being written`);
        throw e;
    }
}
/** The open pull request brought to this proposal's title and body. */
async function updatePull(objects, spec, open, result) {
    const updated = { ...result, number: open.number, url: open.html_url };
    if (open.title !== spec.title || (open.body ?? '') !== spec.body) {
        await objects.client.rest.pulls.update({
            ...objects.ref,
            pull_number: open.number,
            title: spec.title,
            body: spec.body,
        });
        updated.operation = 'updated';
    }
    else if (result.commit) {
        updated.operation = 'updated';
    }
    return updated;
}
const alreadyExists = (e) => {
    const answer = e.response?.data;
    return e.status === 422 && /already exists/i.test(JSON.stringify(answer ?? ''));
};
/**
 * Open the pull request, with its labels, reviewers and auto-merge. When GitHub answers that one
 * already exists, another run opened it after this run's list was read: that pull request is read
 * and updated, as if the list had shown it. (Planning again instead re-read the list before a new
 * plan and the earlier writes, so a run trailing another one step kept losing the next race.)
 */
async function createPull(objects, base, spec, pulls, { createdBranch, ...result }) {
    const { client, ref } = objects;
    let created;
    try {
        ({ data: created } = await client.rest.pulls.create({
            ...ref,
            head: spec.branch,
            base: base.branch,
            title: spec.title,
            body: spec.body,
            draft: spec.draft,
        }));
    }
    catch (e) {
        if (alreadyExists(e)) {
            const open = await pulls.refresh(spec.branch);
            if (!open)
                throw new api_call/* RaceLostError */.Ss(`a pull request for ${spec.branch} was opened concurrently`);
            const stands = newerStands(open, spec);
            return stands ? { ...result, ...stands } : updatePull(objects, spec, open, result);
        }
        // A branch without its pull request is a half state: remove the branch this run created.
        if (createdBranch)
            await deleteBranch(client, ref, spec.branch);
        throw e;
    }
    pulls.opened(spec.branch, created.base.sha);
    await decorate(objects, spec, created);
    return { ...result, number: created.number, url: created.html_url, operation: 'created' };
}
/** Labels, reviewers and auto-merge do not depend on each other: one round trip, not three. */
async function decorate({ client, ref }, spec, created) {
    const decorations = [];
    if (spec.labels.length > 0)
        decorations.push(client.rest.issues.addLabels({ ...ref, issue_number: created.number, labels: spec.labels }));
    if (spec.reviewers.length > 0 || spec.teamReviewers.length > 0) {
        decorations.push(client.rest.pulls.requestReviewers({
            ...ref,
            pull_number: created.number,
            reviewers: spec.reviewers,
            team_reviewers: spec.teamReviewers,
        }));
    }
    if (spec.autoMerge) {
        decorations.push(client.graphql(`mutation($id: ID!, $mergeMethod: PullRequestMergeMethod!) { enablePullRequestAutoMerge(input: {pullRequestId: $id, mergeMethod: $mergeMethod}) { clientMutationId } }`, { id: created.node_id, mergeMethod: spec.autoMerge.toUpperCase() }));
    }
    await Promise.all(decorations);
}
async function deleteBranch(client, ref, branch) {
    try {
        await client.rest.git.deleteRef({ ...ref, ref: `heads/${branch}` });
    }
    catch {
        // Best effort: the original error is the one worth reporting.
    }
}
/** An environment that needs nothing any more: close this action's open PR for it, saying why (the proposal's reasons). */
async function closeIfOpen(client, ref, base, spec, pulls) {
    const open = await pulls.get(spec.branch);
    const marker = open && (0,pull_request_marker/* readMarker */.t7)(open.body, { key: spec.key, fields: pull_request_marker/* MARKER_FIELDS */.Pj });
    if (!open || !marker)
        return undefined;
    const reasons = reasonsFor(spec.closing ?? spec.targets.map((target) => ({ target })), marker.fields.version);
    await client.rest.issues.createComment({
        ...ref,
        issue_number: open.number,
        body: closingComment(base.branch, reasons),
    });
    await client.rest.pulls.update({ ...ref, pull_number: open.number, state: 'closed' });
    return {
        key: spec.key,
        targets: spec.targets,
        branch: spec.branch,
        operation: 'closed',
        number: open.number,
        url: open.html_url,
    };
}
/**
 * Renovate's rule: a pull request of this action for this branch and version, closed without
 * merging, means someone declined that version; it is not proposed again. Only the newest 100
 * closed pull requests of the branch are looked at (read only before opening a pull request).
 */
function declined(closed, key, version) {
    return closed.find((p) => {
        if (p.merged_at)
            return false;
        const marker = (0,pull_request_marker/* readMarker */.t7)(p.body, { key, fields: pull_request_marker/* MARKER_FIELDS */.Pj });
        return marker?.fields.version === version;
    });
}


/***/ }),

/***/ 4694:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Np: () => (/* binding */ TreeIndex),
/* harmony export */   wJ: () => (/* binding */ blobSha)
/* harmony export */ });
/* unused harmony export treeObjectSha */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/**
 * What a run knows of one commit's tree: the entries it read (files, and the folders' own tree
 * shas), and which folders it knows completely. From that alone it computes the tree sha that
 * base + a few files would have, as git does, so a branch that already holds exactly those files
 * is recognised from its commit's tree sha without reading its tree.
 */

/** git's blob id for a text: lets an unchanged file be recognised without writing anything. */
function blobSha(content) {
    const bytes = Buffer.from(content, 'utf8');
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}
const parentOf = (path) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');
const nameOf = (path) => path.slice(path.lastIndexOf('/') + 1);
class TreeIndex {
    rootSha;
    /** Direct entries by folder ('' is the root), for the folders read completely. */
    #children = new Map();
    /** Folders read recursively: everything under them is known. */
    #deep = new Set();
    constructor(rootSha) {
        this.rootSha = rootSha;
    }
    /**
     * Entries of `dir`'s tree as read: recursively (every folder under it is then complete) or not
     * (only `dir` is). Paths in `entries` are relative to `dir`.
     */
    add(dir, entries, recursive) {
        this.#children.set(dir, new Map());
        if (recursive)
            this.#deep.add(dir);
        for (const e of entries) {
            const path = dir ? `${dir}/${e.path}` : e.path;
            // A recursive read lists everything under dir: each folder in it is then known completely.
            if (recursive && e.type === 'tree' && !this.#children.has(path))
                this.#children.set(path, new Map());
            const parent = parentOf(path);
            const siblings = this.#children.get(parent) ?? new Map();
            this.#children.set(parent, siblings);
            siblings.set(nameOf(path), { ...e, path });
        }
    }
    /** Is every direct entry of `dir` known? */
    knows(dir) {
        return this.#children.has(dir);
    }
    /** The direct entries of `dir` (full paths), when its listing was read; undefined otherwise. */
    children(dir) {
        const known = this.#children.get(dir);
        return known ? [...known.values()] : undefined;
    }
    /** Is everything under `dir` known (it, or a folder above it, was read recursively)? */
    knowsAllUnder(dir) {
        for (let d = dir;; d = parentOf(d)) {
            if (this.#deep.has(d))
                return true;
            if (d === '')
                return false;
        }
    }
    /** The entry at `path` (a file or a folder), when its folder was read. */
    entry(path) {
        return this.#children.get(parentOf(path))?.get(nameOf(path));
    }
    /** Every file known, sorted by path (folders complete or not: what was read). */
    files() {
        return [...this.#children.values()]
            .flatMap((m) => [...m.values()])
            .filter((e) => e.type === 'blob')
            .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    }
    /**
     * The root tree sha of this tree with `files` written (mode 100644, as createTree with inline
     * content writes them); undefined when a folder on a written path was not read completely.
     */
    shaWith(files) {
        if (!this.knows(''))
            return undefined;
        const written = new Map();
        for (const f of files) {
            const parts = f.path.split('/');
            for (let i = 0; i < parts.length; i++) {
                const dir = parts.slice(0, i).join('/');
                if (!written.has(dir)) {
                    const known = this.#children.get(dir);
                    if (!known && this.entry(dir))
                        return undefined;
                    written.set(dir, new Map(known));
                }
            }
            const leaf = { path: f.path, mode: '100644', type: 'blob', sha: blobSha(f.content) };
            written.get(parentOf(f.path)).set(nameOf(f.path), leaf);
        }
        if (written.size === 0)
            return this.rootSha;
        // Deepest folders first, so each parent hashes its children's new shas.
        const dirs = [...written.keys()].sort((a, b) => depth(b) - depth(a));
        for (const dir of dirs) {
            const sha = treeObjectSha([...written.get(dir).values()]);
            if (dir === '')
                return sha;
            written.get(parentOf(dir)).set(nameOf(dir), { path: dir, mode: '040000', type: 'tree', sha });
        }
        return undefined;
    }
}
const depth = (dir) => (dir === '' ? 0 : dir.split('/').length);
/**
 * git's tree object id: entries sorted by name, a folder compared as if its name ended in "/";
 * modes written without leading zeros (a folder is "40000"). See git's tree-walk / fsck order
 * (git/git fsck.c `verify_ordered`, and `base_name_compare` in read-cache.c).
 */
function treeObjectSha(entries) {
    const key = (e) => Buffer.from(nameOf(e.path) + (e.type === 'tree' ? '/' : ''), 'utf8');
    const sorted = [...entries].sort((a, b) => Buffer.compare(key(a), key(b)));
    const body = Buffer.concat(sorted.map((e) => Buffer.concat([
        Buffer.from(`${e.mode.replace(/^0+/, '')} ${nameOf(e.path)}\0`, 'utf8'),
        Buffer.from(e.sha, 'hex'),
    ])));
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha1').update(`tree ${body.length}\0`).update(body).digest('hex');
}


/***/ }),

/***/ 7141:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $I: () => (/* binding */ knownFiles),
/* harmony export */   An: () => (/* binding */ rootTreeOf),
/* harmony export */   Em: () => (/* binding */ readsToWiden),
/* harmony export */   HD: () => (/* binding */ componentFolders),
/* harmony export */   I8: () => (/* binding */ planReadable),
/* harmony export */   XL: () => (/* binding */ foldersIn),
/* harmony export */   Y_: () => (/* binding */ changedFiles),
/* harmony export */   oH: () => (/* binding */ readKnownTree),
/* harmony export */   oP: () => (/* binding */ widen),
/* harmony export */   w$: () => (/* binding */ componentNames),
/* harmony export */   w9: () => (/* binding */ readCommitTree)
/* harmony export */ });
/* unused harmony export outermost */
/* harmony import */ var _snapshot_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1127);
/* harmony import */ var _tree_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4694);


/**
 * The tree `treeSha` (the listing may come from a read by another name, `prefetched`, e.g. a read
 * by branch name made in parallel with the branch read): whole, or its root when it is too large.
 */
async function readKnownTree(objects, treeSha, prefetched) {
    const early = await prefetched;
    return knownFrom(objects, early?.sha === treeSha ? early : await objects.tree(treeSha, true));
}
/**
 * A commit's tree (GitHub reads a commit's tree by the commit's sha): whole, or its root when it is
 * too large. One recursive read, plus the root's own listing when that read was truncated.
 */
async function readCommitTree(objects, commitSha) {
    return knownFrom(objects, await objects.tree(commitSha, true));
}
async function knownFrom(objects, whole) {
    const index = new _tree_index_js__WEBPACK_IMPORTED_MODULE_1__/* .TreeIndex */ .Np(whole.sha);
    if (!whole.truncated) {
        index.add('', whole.entries, true);
        return { index, partial: false };
    }
    index.add('', (await objects.tree(whole.sha, false)).entries, false);
    return { index, partial: true };
}
/** The files a KnownTree holds so far (every file unless it is partial), as a snapshot lists them. */
function knownFiles(known) {
    return (0,_snapshot_js__WEBPACK_IMPORTED_MODULE_0__/* .filesOf */ .R8)(known.index.files());
}
/**
 * The names of the folders directly in `dir`, reading only the listings on the way down (one
 * non-recursive read per level not yet known): a walk of the root's children costs no subtree read.
 */
async function foldersIn(objects, index, dir) {
    const parts = dir === '' ? [] : dir.split('/');
    for (let i = 1; i <= parts.length; i++) {
        const at = parts.slice(0, i).join('/');
        if (index.knows(at))
            continue;
        const entry = index.entry(at);
        if (entry?.type !== 'tree')
            return [];
        index.add(at, (await objects.tree(entry.sha, false)).entries, false);
    }
    return (index.children(dir) ?? [])
        .filter((e) => e.type === 'tree')
        .map((e) => e.path.slice(dir ? dir.length + 1 : 0));
}
/** Folders with those inside another of them left out (reading the outer one reads them too). */
function outermost(dirs) {
    const sorted = [...new Set(dirs)].filter((d) => d !== '').sort();
    return sorted.filter((d) => !sorted.some((o) => o !== d && d.startsWith(`${o}/`)));
}
/**
 * The component folders under `root` (the names, read from the listings only): dot-folders left
 * out, and with components at the root the Brain's own top folder too.
 */
async function componentNames(objects, index, layout) {
    const root = layout.componentsPath.replace(/\/+$/, '');
    const brainTop = layout.brainPath.replace(/\/+$/, '').split('/')[0];
    const names = await foldersIn(objects, index, root);
    return names.filter((n) => !n.startsWith('.') && (root !== '' || n !== brainTop));
}
/**
 * The API calls `widen` makes to read `dirs` in each of `indexes` (a head and a base): one
 * recursive read per outermost folder not yet known whole, counted once when both trees name it by
 * the same sha (a tree sha names its content, and GitObjects reads each tree once), plus one
 * listing per folder on the way down not yet listed. A folder whose sha is not known yet (a
 * folder above it is unlisted) counts as its own read: the count never comes out low.
 */
function readsToWiden(indexes, dirs) {
    const folders = outermost(dirs);
    const reads = new Set();
    indexes.forEach((index, i) => {
        for (const dir of folders)
            for (const read of readsOfFolder(index, dir))
                reads.add(read.replace('#', `${i}`));
    });
    return reads.size;
}
/**
 * The reads readFolder makes for `dir` in `index`, as keys (a listing or a folder by its path,
 * with `#` for the index, or a subtree by its sha): none for a folder already known whole or
 * known to be absent (readFolder stops there too).
 */
function readsOfFolder(index, dir) {
    if (index.knowsAllUnder(dir))
        return [];
    const reads = [];
    const parts = dir.split('/');
    let listed = true;
    for (let n = 1; n <= parts.length; n++) {
        const at = parts.slice(0, n).join('/');
        const entry = listed ? index.entry(at) : undefined;
        if (listed && entry?.type !== 'tree')
            return reads;
        if (n === parts.length)
            return [...reads, entry ? `tree ${entry.sha}` : `folder #:${at}`];
        if (index.knows(at))
            continue;
        reads.push(`listing #:${at}`);
        listed = false;
    }
    return reads;
}
/**
 * Read every folder in `dirs` completely (and the folders on the way down to it); GitObjects keeps
 * the reads in flight few, however many folders a walk names.
 */
async function widen(objects, index, dirs) {
    await Promise.all(outermost(dirs).map((dir) => readFolder(objects, index, dir)));
}
async function readFolder(objects, index, dir) {
    if (index.knowsAllUnder(dir))
        return;
    const parts = dir.split('/');
    for (let i = 1; i < parts.length; i++) {
        const above = parts.slice(0, i).join('/');
        if (index.knows(above))
            continue;
        const entry = index.entry(above);
        if (entry?.type !== 'tree')
            return;
        index.add(above, (await objects.tree(entry.sha, false)).entries, false);
    }
    const entry = index.entry(dir);
    if (entry?.type !== 'tree')
        return;
    const read = await objects.tree(entry.sha, true);
    if (read.truncated)
        throw new _snapshot_js__WEBPACK_IMPORTED_MODULE_0__/* .TreeTruncatedError */ .Ll(`the folder ${dir} alone is too large for one API read (over 100,000 entries); use the path input with a checkout instead`);
    index.add(dir, read.entries, true);
}
/**
 * The files of tree `after` that tree `before` does not hold as they are (added or changed), found
 * by descending only into folders whose tree sha differs: a push to one component reads that
 * component's folders, not the repository.
 */
async function changedFiles(objects, before, after, dir = '') {
    if (before === after)
        return [];
    const at = (name) => (dir ? `${dir}/${name}` : name);
    if (before === undefined) {
        const all = await objects.tree(after, true);
        if (all.truncated)
            throw new _snapshot_js__WEBPACK_IMPORTED_MODULE_0__/* .TreeTruncatedError */ .Ll(`the folder ${dir} alone is too large for one API read`);
        return all.entries.filter((e) => e.type === 'blob').map((e) => at(e.path));
    }
    const [a, b] = await Promise.all([objects.tree(before, false), objects.tree(after, false)]);
    const old = new Map(a.entries.map((e) => [e.path, e]));
    const found = await Promise.all(b.entries.map(async (e) => {
        const was = old.get(e.path);
        if (was?.sha === e.sha && was.type === e.type)
            return [];
        if (e.type === 'tree')
            return changedFiles(objects, was?.type === 'tree' ? was.sha : undefined, e.sha, at(e.path));
        return e.type === 'blob' ? [at(e.path)] : [];
    }));
    return found.flat();
}
/** A commit's root tree sha, from a non-recursive read of its tree (kept: a walk reads it anyway). */
async function rootTreeOf(objects, commitSha) {
    return (await objects.tree(commitSha, false)).sha;
}
/** The component folders (`<componentsPath>/<component>`) that hold any of `paths`. */
function componentFolders(paths, componentsPath) {
    const prefix = componentsPath ? `${componentsPath.replace(/\/+$/, '')}/` : '';
    const folders = new Set();
    for (const path of paths) {
        if (!path.startsWith(prefix))
            continue;
        const [component, ...rest] = path.slice(prefix.length).split('/');
        if (component && rest.length > 0)
            folders.add(`${prefix}${component}`);
    }
    return [...folders].sort();
}
/** A file a plan may read: YAML, a regular file, not over `maxBytes` when its size is known. */
function planReadable(e, maxBytes) {
    return e.kind !== 'symlink' && /\.ya?ml$/.test(e.path) && (e.size ?? 0) <= maxBytes;
}


/***/ }),

/***/ 7896:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Pj: () => (/* binding */ MARKER_FIELDS),
/* harmony export */   en: () => (/* binding */ writeMarker),
/* harmony export */   mE: () => (/* binding */ trustedVersion),
/* harmony export */   s8: () => (/* binding */ markerKey),
/* harmony export */   t7: () => (/* binding */ readMarker)
/* harmony export */ });
/**
 * The hidden marker in a pull request body: which branch key (`component/environment`, or
 * `_environments/<environment>/<set>` for a per-environment PR) the PR is
 * this action's for, and the fields a later run trusts (the version it proposes, so an older run
 * never overwrites a newer proposal; promotion adds `from`, `upstream`, `status`…).
 *
 *   <!-- flux-pkg-action v1 key=app.default.tap/dev version=1.2.0 -->
 *
 * It is written in one place only, the body's last line, and read only from there. Every field is
 * restricted to a charset that cannot close the comment or start another, and repository text in
 * the body is inert (src/report/inert.ts) and on one line: nothing above the last line can pass for
 * it. A body whose last line does not parse is not this action's proposal — never an exception.
 */
const HEAD = '<!-- flux-pkg-action v1';
const TAIL = ' -->';
const NAME = /^[a-z][A-Za-z0-9]{0,31}$/;
const VALUE = /^[A-Za-z0-9._:/+-]{1,256}$/;
/** Every field name this action writes into a marker (a reader refuses a marker with any other). */
const MARKER_FIELDS = ['version', 'trigger', 'from', 'upstream', 'downgrade'];
const markerKey = (component, environment) => `${component}/${environment}`;
/** The marker line for a body's end. Throws on a name or value outside the charset: that is a caller's bug. */
function writeMarker(key, fields = {}) {
    const parts = [`key=${checkedValue('key', key)}`];
    for (const [name, value] of Object.entries(fields)) {
        if (value === undefined)
            continue;
        if (!NAME.test(name) || name === 'key')
            throw new Error(`marker field name "${name}" is not allowed`);
        parts.push(`${name}=${checkedValue(name, value)}`);
    }
    return `${HEAD} ${parts.join(' ')}${TAIL}`;
}
function checkedValue(name, value) {
    if (!VALUE.test(value))
        throw new Error(`marker field ${name} has characters outside [A-Za-z0-9._:/+-]`);
    return value;
}
/** The marker of a body for that key: only the last non-empty line, parsed strictly; else undefined. */
function readMarker(body, expected) {
    const marker = parseLastLine(body);
    if (!marker || marker.key !== expected.key)
        return undefined;
    const allowed = new Set(expected.fields ?? ['version']);
    if (Object.keys(marker.fields).some((name) => !allowed.has(name)))
        return undefined;
    if ((expected.required ?? []).some((name) => marker.fields[name] === undefined))
        return undefined;
    return marker;
}
/** The marker's version when it is one the caller knows exists (a Package version at the base). */
function trustedVersion(marker, knownVersions) {
    const version = marker?.fields.version;
    return version !== undefined && knownVersions.has(version) ? version : undefined;
}
function parseLastLine(body) {
    if (typeof body !== 'string')
        return undefined;
    const lines = body.split(/\r?\n/);
    let last;
    for (let i = lines.length - 1; i >= 0 && last === undefined; i--)
        if (lines[i].trim() !== '')
            last = lines[i].trimEnd();
    if (!last?.startsWith(`${HEAD} `) || !last.endsWith(TAIL))
        return undefined;
    const parts = last.slice(HEAD.length + 1, -TAIL.length).split(' ');
    const fields = Object.create(null);
    let key;
    for (const [i, part] of parts.entries()) {
        const eq = part.indexOf('=');
        const name = part.slice(0, eq);
        const value = part.slice(eq + 1);
        if (eq < 0 || !NAME.test(name) || !VALUE.test(value))
            return undefined;
        if (name === 'key') {
            if (i !== 0)
                return undefined;
            key = value;
        }
        else if (i === 0 || Object.hasOwn(fields, name))
            return undefined;
        else
            fields[name] = value;
    }
    return key === undefined ? undefined : { key, fields };
}


/***/ })

};
