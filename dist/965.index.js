export const id = 965;
export const ids = [965];
export const modules = {

/***/ 2965:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deliverSince: () => (/* binding */ deliverSince)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./src/config/config.ts + 1 modules
var config = __webpack_require__(6400);
// EXTERNAL MODULE: ./src/diagnostics.ts
var diagnostics = __webpack_require__(4851);
// EXTERNAL MODULE: ./src/github/api-call.ts
var api_call = __webpack_require__(5452);
// EXTERNAL MODULE: ./src/github/cursor.ts
var cursor = __webpack_require__(2449);
// EXTERNAL MODULE: ./src/github/deliver.ts
var deliver = __webpack_require__(7118);
// EXTERNAL MODULE: ./src/github/publish.ts + 1 modules
var publish = __webpack_require__(5088);
// EXTERNAL MODULE: ./src/github/tree-walk.ts
var tree_walk = __webpack_require__(7141);
// EXTERNAL MODULE: ./src/sops/index.ts + 2 modules
var sops = __webpack_require__(6936);
// EXTERNAL MODULE: ./src/sops/reuse.ts
var reuse = __webpack_require__(5507);
// EXTERNAL MODULE: ./src/sops/updatekeys.ts
var updatekeys = __webpack_require__(4486);
;// CONCATENATED MODULE: ./src/plan/load/rewrap.ts
/**
 * The age work of a re-wrap (modes/install/rewrap.ts decides which files): each file's data key
 * wrapped for the recipients its `.sops.yaml` now gives (sops/updatekeys.ts), and the hook that keeps
 * a re-wrap branch's copy on a rerun.
 */




async function rewrapFiles(changes, texts, identities) {
    const out = { files: [], changes: [], diagnostics: [] };
    for (const change of changes) {
        const text = texts.get(change.file);
        const options = { identities, recipients: change.recipients, file: change.file };
        const done = await (0,updatekeys/* updateKeys */.im)(text, options);
        if (done.text === undefined || !done.changed) {
            const why = done.diagnostics.map((d) => d.message).join('; ') || 'nothing to change';
            out.diagnostics.push((0,diagnostics/* warning */.$e)('sops.rewrap', `not re-wrapped: ${why}`, change.file));
            continue;
        }
        out.changes.push(change);
        out.files.push({
            path: change.file,
            content: done.text,
            action: 'update',
            secret: true,
            fromBranch: (branch) => keepBranchStanzas(text, branch, options),
        });
    }
    return out;
}
/**
 * What to write over the re-wrap branch's copy: the base's file with the branch's stanzas for the
 * added recipients, when the branch's copy opens with our key to the base's data key (so a rerun
 * writes the same bytes, and a value changed on the base since is carried over). Undefined (write the
 * fresh wrap) otherwise.
 */
async function keepBranchStanzas(base, branch, options) {
    const [ours, theirs] = await Promise.all([
        (0,sops/* decryptDocument */.L4)(base, options),
        (0,sops/* decryptDocument */.L4)(branch, options),
    ]);
    const ourKey = ours.document && (0,reuse/* reuseOf */.S5)(ours.document)?.dataKey;
    const theirKey = theirs.document && (0,reuse/* reuseOf */.S5)(theirs.document)?.dataKey;
    if (!ourKey || !theirKey || !sameBytes(ourKey, theirKey))
        return undefined;
    const again = await (0,updatekeys/* updateKeys */.im)(base, { ...options, reuse: theirs.document.metadata.age });
    return again.text;
}
const sameBytes = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

// EXTERNAL MODULE: ./src/plan/model/changes.ts
var model_changes = __webpack_require__(1032);
// EXTERNAL MODULE: ./src/plan/model/repository.ts
var repository = __webpack_require__(1925);
// EXTERNAL MODULE: ./src/plan/modes/install/targets.ts
var targets = __webpack_require__(5106);
;// CONCATENATED MODULE: ./src/plan/modes/install/expected-keys.ts


/** More pull requests than this are not guessed at: a bulk change waits for its plan. */
const MAX_EXPECTED_KEYS = 10;
/**
 * The keys (`<component>/<environment>`, proposals.ts perComponent) of installing `packageFiles`
 * on a repository of these `paths`, within the environments filter; undefined when a file is in
 * no component's packages folder, or when there would be more than MAX_EXPECTED_KEYS.
 */
function expectedInstallKeys(config, paths, packageFiles, environments) {
    const components = (0,repository/* discover */.k4)(paths, config.layout);
    const byPath = new Map(components.flatMap((c) => c.packageFiles.map((f) => [f, c])));
    const keys = new Set();
    for (const path of packageFiles) {
        const component = byPath.get(path);
        if (!component)
            return undefined;
        for (const env of (0,targets/* directEnvironments */.W9)(config, component, environments))
            keys.add(`${component.name}/${env}`);
        if (keys.size > MAX_EXPECTED_KEYS)
            return undefined;
    }
    return [...keys];
}

;// CONCATENATED MODULE: ./src/plan/modes/install/rewrap.ts
/**
 * Re-wrapping data keys after a `.sops.yaml` recipient change landed on the base branch: which files
 * to read, which of them need `sops updatekeys`, and the warning when no key can do it. Pure; the
 * age work is the loader's (load/rewrap.ts). Only a push run on the base asks this, never a pull
 * request: its own `.sops.yaml` is unreviewed policy, and a hostile one must not get data keys.
 */



/** Whether this run looks for files to re-wrap: a full scan, or a `.sops.yaml` among the changes. */
function rewrapWanted(changes) {
    return changes === undefined || changes.sopsConfigChanged === true;
}
/**
 * The files whose text is read for the check: every `.sops.yaml`, and every YAML file in a folder
 * one of them covers (the loader keeps those whose text has a top-level `sops:` key). None when the
 * repository has no `.sops.yaml`.
 */
function rewrapCandidates(paths) {
    const configs = paths.filter(model_changes/* isSopsConfig */.iQ);
    if (configs.length === 0)
        return { configs, files: [] };
    const folders = configs.map((c) => c.slice(0, -'.sops.yaml'.length));
    const files = paths.filter((p) => !(0,model_changes/* isSopsConfig */.iQ)(p) && /\.ya?ml$/.test(p) && folders.some((f) => p.startsWith(f)));
    return { configs, files };
}
/** The SOPS files among the loaded texts whose recipients differ from their `.sops.yaml`'s. */
function rewrapPlan(texts) {
    const sopsTexts = new Map([...texts].filter(([path, text]) => (0,model_changes/* isSopsConfig */.iQ)(path) || /^sops:/m.test(text)));
    const planned = (0,updatekeys/* planRewrap */.Fr)(sopsTexts);
    // A .sops.yaml that does not parse is the gate's to report; here it only means no re-wrap.
    const diagnostics = planned.diagnostics.map((d) => ({ ...d, severity: 'warning' }));
    return { changes: planned.changes, diagnostics };
}
/** Without an age key: which files need `flux-pkg sops updatekeys` (a warning, nothing written). */
function rewrapNoKey(changes) {
    if (changes.length === 0)
        return [];
    const files = changes.map((c) => c.file).join(', ');
    return [
        (0,diagnostics/* warning */.$e)('sops.rewrap-no-key', `the recipients of .sops.yaml changed and no age key was given to re-wrap the data keys of ${files}: run \`flux-pkg sops updatekeys\` on them`, changes[0].file),
    ];
}

// EXTERNAL MODULE: ./src/config/graph.ts
var graph = __webpack_require__(9090);
;// CONCATENATED MODULE: ./src/plan/modes/promote/merged.ts

/** The environments a merge into `<component>/<env>` promotes to (promoteWhen: merged). */
function promotionsOfMerge(config, changes, commit) {
    return changes.packageInstalls.flatMap(({ component, environment }) => (0,graph/* promotedOn */._M)(config, environment, 'merged')
        .filter((to) => (0,graph/* environmentsOf */.M2)(config, component, []).includes(to))
        .map((to) => ({
        component,
        environment: to,
        from: environment,
        source: { trigger: 'merged', commit },
    })));
}

// EXTERNAL MODULE: ./src/plan/plan.ts
var plan = __webpack_require__(8720);
// EXTERNAL MODULE: ./src/plan/proposals/combine.ts
var combine = __webpack_require__(2614);
// EXTERNAL MODULE: ./src/plan/proposals/proposals.ts + 3 modules
var proposals_proposals = __webpack_require__(1945);
// EXTERNAL MODULE: ./src/repo/snapshot.ts
var repo_snapshot = __webpack_require__(5218);
// EXTERNAL MODULE: ./src/action/install-cursor.ts
var install_cursor = __webpack_require__(4804);
// EXTERNAL MODULE: ./src/action/proposal-style.ts
var proposal_style = __webpack_require__(5162);
// EXTERNAL MODULE: ./src/action/report.ts + 3 modules
var action_report = __webpack_require__(5980);
// EXTERNAL MODULE: ./src/action/session.ts + 3 modules
var action_session = __webpack_require__(164);
;// CONCATENATED MODULE: ./src/action/install-delivery.ts
/**
 * The install mode's planning and delivery: what changed since the delivery cursor → plans → pull requests →
 * the cursor moved. Imported by install.ts only when the cursor is not at the base: this module is what loads
 * the planner, flux-pkg.yaml's reader and the publishing code (yaml, ajv), which a no-op run
 * (a rerun, a scheduled run with nothing new) never needs.
 */























/**
 * Everything not yet delivered since `since`, in one delivery (see install.ts's deliverPush); `head`: the base's
 * head when the caller already read it.
 */
async function deliverSince(session, what, mode, since, head) {
    const { inputs } = session;
    const state = { notes: [] };
    const delivered = await (0,deliver/* deliver */.cK)({
        ...(0,action_session/* deliveryOf */.A9)(session),
        head,
        // A tree too large for one read is read only where the changes (or the packages input) point.
        partialBase: true,
        propose: (base, expect) => propose(session, what, since, base, state, expect),
    }).catch(async (e) => {
        // The plan is known even when GitHub failed: report it (valid, changed-files) before failing.
        const { planned, status, notes } = state;
        if (planned)
            await (0,action_report/* finish */.O9)({ mode, dryRun: inputs.dryRun, ...planned, published: [], status, notes });
        throw e;
    });
    (0,action_report/* annotate */.fz)(delivered.result.diagnostics);
    const report = {
        mode,
        dryRun: inputs.dryRun,
        ...delivered,
        status: state.status,
        notes: [...state.notes, ...skippedNotes(delivered.published)],
    };
    if (!delivered.result.valid)
        await (0,action_report/* failInvalid */.YH)(report);
    if (since && what.install && what.promote && !inputs.dryRun)
        await moveCursor(session, since, delivered, report.notes);
    await (0,action_report/* finish */.O9)(report);
}
/** One attempt's plan on the base as read: its results combined into pull requests. */
async function propose(session, what, since, base, state, expect) {
    const { inputs } = session;
    let snapshot = (0,action_session/* snapshotOf */.eY)(session, base.tree);
    prefetchBesideConfig(session, base, since).catch(() => { });
    const loaded = await (0,config/* loadConfig */.Z9)(snapshot);
    const alreadyRead = alreadyReadOn(session, base);
    state.status = { snapshot, loaded, alreadyRead };
    const notes = [];
    state.notes = notes;
    const changes = since ? await changesSince(session, loaded.config, base, since, notes) : undefined;
    if (base.partial) {
        if (!changes)
            await widenBase(session, base, loaded.config, inputs.packages ?? []);
        snapshot = (0,action_session/* snapshotOf */.eY)(session, base.tree);
        state.status = { snapshot, loaded, alreadyRead };
    }
    const touched = [
        ...(inputs.packages ?? changes?.packageFiles ?? []),
        ...(changes?.packageInstalls ?? []).map((c) => c.path),
    ];
    const { componentsPath, packagesDir } = loaded.config.layout;
    prefetchComponents(session, base, (0,tree_walk/* componentFolders */.HD)(touched, componentsPath ?? ''), packagesDir);
    announceKeys(session, what, loaded.config, base, changes, expect);
    const results = await (0,api_call/* api */.FH)('reading the gitops repository', () => planDelivery(session, what, { snapshot, loaded, base, changes }));
    const rewrap = await rewrapOnBase(session, what, base, changes, snapshot);
    if (results.length === 0 && !rewrap?.files?.length) {
        notes.push(install_cursor/* NOTHING_CHANGED */.D);
        core/* info */.pq(notes.at(-1));
    }
    const result = (0,combine/* combineResults */.y)(results, [...loaded.diagnostics, ...(rewrap?.diagnostics ?? [])], {
        file: loaded.config.file,
    });
    const flow = inputs.prFlow ?? loaded.config.prFlow;
    const style = (0,proposal_style/* styleOf */.V)(session, base);
    const proposals = result.valid ? (0,proposals_proposals/* proposalsFromPlan */.Dq)(result, style, flow) : [];
    if (result.valid && rewrap?.files && rewrap.changes)
        proposals.push((0,proposals_proposals/* rewrapProposal */.mF)(rewrap.changes, rewrap.files, style));
    state.planned = { result, proposals };
    return state.planned;
}
/**
 * The pull requests' keys told to the delivery before planning, so that their read goes out beside
 * the plan instead of after it: only where they are known exactly, the install of the Package files
 * named (the push's, or the packages input's), one pull request per component and environment,
 * nothing promoted and no re-wrap looked at. Otherwise nothing is told (deliver.ts reads after
 * planning); a guess the plan then contradicts costs one read (publish.ts OpenPulls.prepare).
 */
function announceKeys(session, what, config, base, changes, expect) {
    const { inputs, facts } = session;
    const packages = inputs.packages ?? changes?.packageFiles;
    if (!what.install || inputs.path || !packages || packages.length === 0)
        return;
    if ((inputs.prFlow ?? config.prFlow ?? 'per-component') !== 'per-component')
        return;
    const promotes = what.promote && !inputs.packages && (!changes || promotionsOfMerge(config, changes).length > 0);
    const rewraps = !inputs.packages && facts.eventName !== 'pull_request' && rewrapWanted(changes);
    if (promotes || rewraps)
        return;
    const folders = (0,tree_walk/* componentFolders */.HD)(packages, config.layout.componentsPath ?? '');
    const paths = base.tree.map((e) => e.path).filter((p) => folders.some((f) => p.startsWith(`${f}/`)));
    const keys = expectedInstallKeys(config, paths, packages, inputs.environments);
    if (keys && keys.length > 0)
        expect(keys);
}
/**
 * `sops updatekeys` for what is on the base branch: after a `.sops.yaml` change (or on a full scan),
 * every SOPS file whose recipients differ from its `.sops.yaml`'s gets its data key re-wrapped, in one
 * pull request. Only on the base: a pull request's own `.sops.yaml` is never acted on (a hostile
 * one would get the data keys wrapped for its recipient before anyone reviewed it). Without a key, a
 * warning names the files. Undefined: not looked at.
 */
async function rewrapOnBase(session, what, base, changes, snapshot) {
    const { inputs, facts } = session;
    if (!what.install || inputs.packages || facts.eventName === 'pull_request' || !rewrapWanted(changes))
        return undefined;
    if (base.partial) {
        const message = 'the re-wrap check after a .sops.yaml change was skipped: the tree is larger than GitHub reads at once; run `flux-pkg sops updatekeys` on the files it covers';
        return { diagnostics: [(0,diagnostics/* warning */.$e)('sops.rewrap', message, '.sops.yaml')] };
    }
    const entries = base.tree.filter((e) => (0,tree_walk/* planReadable */.I8)(e, MAX_PREFETCH_BYTES));
    const { configs, files } = rewrapCandidates(entries.map((e) => e.path));
    if (configs.length === 0)
        return undefined;
    const wanted = new Set([...configs, ...files]);
    session.objects.prefetch(entries.filter((e) => wanted.has(e.path)).map((e) => e.sha));
    const texts = new Map();
    await (0,api_call/* api */.FH)('reading the SOPS files', async () => {
        for (const path of wanted) {
            const text = await snapshot.read(path, { maxBytes: MAX_PREFETCH_BYTES }).catch((e) => {
                if (e instanceof repo_snapshot/* RefusedReadError */.TC)
                    return undefined;
                throw e;
            });
            if (text !== undefined)
                texts.set(path, text);
        }
    });
    const planned = rewrapPlan(texts);
    const identities = (0,action_session/* sopsKeys */.aN)(inputs).identities;
    if (identities.length === 0)
        return { diagnostics: [...planned.diagnostics, ...rewrapNoKey(planned.changes)] };
    const done = await rewrapFiles(planned.changes, texts, identities);
    return { ...done, diagnostics: [...planned.diagnostics, ...done.diagnostics] };
}
/** The install and promote plans of what is undelivered (the order the summary shows them). */
async function planDelivery(session, what, { snapshot, loaded, base, changes }) {
    const { inputs, facts } = session;
    const keys = { sops: (0,action_session/* sopsKeys */.aN)(inputs), overrides: (0,action_session/* sopsOverrides */.p7)(inputs) };
    const request = {
        kind: 'install',
        environments: inputs.environments,
        packages: inputs.packages ?? changes?.packageFiles,
        ...keys,
    };
    const commit = facts.push?.after ?? base.sha;
    const promotions = !what.promote || inputs.packages
        ? []
        : changes
            ? promotionsOfMerge(loaded.config, changes, commit)
            : (0,targets/* everyMergePromotion */.nX)(loaded.config, (0,repository/* discover */.k4)(base.tree.map((e) => e.path), loaded.config.layout), commit);
    const list = [];
    if (what.install && (request.packages === undefined || request.packages.length > 0))
        list.push(await (0,plan/* plan */.e)(snapshot, request, loaded));
    if (promotions.length > 0)
        list.push(await (0,plan/* plan */.e)(snapshot, { kind: 'promote', promotions, ...keys }, loaded));
    return list;
}
/** What changed between the commit a run starts from and the base: their two trees compared, blob by blob. */
async function changesSince(session, config, base, since, notes) {
    notes.push(since.why);
    if (!since.sha) {
        if (base.partial)
            throw new action_report/* ActionError */.lZ(`${base.sha.slice(0, 7)}'s tree is larger than GitHub reads at once and ${since.why}: set the packages input to the Package files to deliver once, or run on a push`);
        return undefined;
    }
    if (since.sha === base.sha)
        return { packageFiles: [], packageInstalls: [], configChanged: false };
    const changes = base.partial
        ? await partialChanges(session, config, base, since.sha)
        : (0,model_changes/* classifyChanges */.Wu)((0,model_changes/* changedPaths */.vl)(await (0,action_session/* treeOfCommit */.rv)(session, since.sha), base.tree), base.tree.map((e) => e.path), config.layout);
    // flux-pkg.yaml changed: an environment may take new versions now, or promote differently.
    return changes.configChanged ? undefined : changes;
}
/**
 * Past GitHub's recursive-tree limit: the changed files found by descending only into folders whose
 * sha differs, then the base read completely under the components they touch.
 */
async function partialChanges(session, config, base, since) {
    const from = await (0,tree_walk/* rootTreeOf */.An)(session.objects, since);
    const changed = await (0,tree_walk/* changedFiles */.Y_)(session.objects, from, base.treeSha);
    await widenBase(session, base, config, changed);
    return (0,model_changes/* classifyChanges */.Wu)(changed, base.tree.map((e) => e.path), config.layout);
}
/**
 * The Package files of the components a run touches (and their folders of the environments input
 * names), read as one fan-out before planning. Other environments' files are left to the plan,
 * which reads only the environments it plans: the summary's matrix shows no more than that.
 */
function prefetchComponents(session, base, folders, packagesDir) {
    if (session.inputs.path || folders.length === 0)
        return;
    const wanted = new Set([packagesDir, ...(session.inputs.environments ?? [])]);
    const under = (path) => folders.some((f) => path.startsWith(`${f}/`) && wanted.has(path.slice(f.length + 1).split('/')[0]));
    const files = base.tree.filter((e) => under(e.path) && (0,tree_walk/* planReadable */.I8)(e, MAX_PREFETCH_BYTES));
    session.objects.prefetch(files.map((e) => e.sha));
}
/** More changed Package folders than this are not guessed at (a bulk change waits for the config). */
const MAX_GUESSED_COMPONENTS = 10;
/**
 * The blobs prefetchComponents will ask for, asked for beside the config file's instead of after it
 * (one fan-out, not two waves a config parse apart): the components of the Package files the base
 * changed since `since`, as the default layout places them (`<component>/packages/<file>.yaml`). A
 * config with another layout matches nothing here, so a wrong guess reads nothing; reads are shared
 * (GitObjects), so the plan's own prefetch then costs no call.
 */
async function prefetchBesideConfig(session, base, since) {
    if (session.inputs.path || session.inputs.packages || base.partial || !since?.sha || since.sha === base.sha)
        return;
    const before = await (0,action_session/* treeOfCommit */.rv)(session, since.sha).catch(() => undefined);
    if (!before)
        return;
    const { packagesDir } = config/* DEFAULT_LAYOUT */.zR;
    const folders = new Set();
    for (const path of (0,model_changes/* changedPaths */.vl)(before, base.tree)) {
        const [component, dir, file, ...deeper] = path.split('/');
        if (component && dir === packagesDir && file && deeper.length === 0 && /\.ya?ml$/.test(file))
            folders.add(component);
    }
    if (folders.size === 0 || folders.size > MAX_GUESSED_COMPONENTS)
        return;
    prefetchComponents(session, base, [...folders], packagesDir);
}
/** For the summary's matrix: files on the base this run read (through the API; a checkout reads freely). */
function alreadyReadOn(session, base) {
    if (session.inputs.path)
        return undefined;
    let shas;
    return (path) => {
        shas ??= new Map(base.tree.map((e) => [e.path, e.sha]));
        const sha = shas.get(path);
        return sha !== undefined && session.objects.hasBlob(sha);
    };
}
/** A file larger than this is left to the planner's own size rules, not read ahead. */
const MAX_PREFETCH_BYTES = 1024 * 1024;
/** A base too large for one tree read, read completely under the components `paths` touch. */
async function widenBase(session, base, config, paths) {
    const folders = (0,tree_walk/* componentFolders */.HD)(paths, config.layout.componentsPath ?? '');
    await (0,api_call/* api */.FH)('reading the gitops repository', () => (0,tree_walk/* widen */.oP)(session.objects, base.index, folders));
    (0,publish/* refreshFiles */.hZ)(base);
}
/**
 * The cursor follows the base this run delivered (a run limited by the environments input moves its
 * filter's cursor, one write per run); a run that lost the race leaves it to the newer one.
 * A run that left pull requests for later (the REST budget deferred them) did not deliver that base:
 * the cursor stays where it was, so the next run finds the deferred ones among what changed since.
 */
async function moveCursor(session, since, delivered, notes) {
    const { client, ref, baseBranch } = session;
    const to = delivered.base.sha;
    if (delivered.deferred.length > 0) {
        const at = since.cursor ? `stays at ${since.cursor.slice(0, 7)}` : 'not created';
        notes.push(`delivery cursor ${at}: ${to.slice(0, 7)} is not fully delivered until the pull requests left for the next run are`);
        return;
    }
    const filter = session.inputs.environments;
    const moved = await (0,api_call/* api */.FH)('moving the delivery cursor', () => (0,cursor/* advanceCursor */.Dm)(client, ref, baseBranch, since.cursor, to, filter));
    const scope = filter ? ` for environments ${[...new Set(filter)].join(', ')}` : '';
    if (moved !== 'kept')
        notes.push(`delivery cursor ${moved}: ${to.slice(0, 7)} is delivered${scope}`);
}
/** The summary's word on each pull request a rule held back. */
function skippedNotes(published) {
    return published.flatMap((p) => (p.skipped ? [`${p.key}: skipped: ${p.skipped}`] : []));
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

/***/ 9090:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fw: () => (/* binding */ upstreamOf),
/* harmony export */   Lt: () => (/* binding */ healthKustomizationOf),
/* harmony export */   M2: () => (/* binding */ environmentsOf),
/* harmony export */   QS: () => (/* binding */ takesNewVersions),
/* harmony export */   _M: () => (/* binding */ promotedOn),
/* harmony export */   kT: () => (/* binding */ overrideLabelOf)
/* harmony export */ });
/* unused harmony exports downstreamOf, promoteWhenOf */
/** The environments of a component, in the config's order when it lists them, else its folders. */
function environmentsOf(config, component, folders) {
    const configured = config.environments?.map((e) => e.name);
    const only = config.components[component]?.environments;
    const all = configured ?? [...folders];
    return only ? all.filter((e) => only.includes(e)) : all;
}
function entry(config, environment) {
    return config.environments?.find((e) => e.name === environment);
}
/** Does this environment take new Package versions directly (rather than by promotion)? */
function takesNewVersions(config, environment) {
    const env = entry(config, environment);
    return env ? env.promoteFrom === undefined : config.environments === undefined;
}
/** The environment this one promotes from, if any. */
function upstreamOf(config, environment) {
    return entry(config, environment)?.promoteFrom;
}
/** The environments that promote from this one, in the config's order. */
function downstreamOf(config, environment) {
    return (config.environments ?? []).filter((e) => e.promoteFrom === environment);
}
/** When an environment takes a version from its promoteFrom environment: on merge (default) or on health. */
function promoteWhenOf(config, environment) {
    return entry(config, environment)?.promoteWhen ?? 'merged';
}
/** The environments that take `environment`'s version at this trigger, in the config's order. */
function promotedOn(config, environment, trigger) {
    return downstreamOf(config, environment)
        .filter((e) => promoteWhenOf(config, e.name) === trigger)
        .map((e) => e.name);
}
/** The first of a pull request's labels that allows an out-of-order promotion, if any. */
function overrideLabelOf(config, labels) {
    return labels.find((l) => config.promotion.overrideLabels.includes(l));
}
/** The Flux Kustomization name whose commit status reports this environment's health. */
function healthKustomizationOf(config, component, environment) {
    return config.promotion.healthKustomization
        .replaceAll('{component}', component)
        .replaceAll('{environment}', environment);
}


/***/ }),

/***/ 1032:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Wu: () => (/* binding */ classifyChanges),
/* harmony export */   X: () => (/* binding */ scopeOfChanges),
/* harmony export */   cb: () => (/* binding */ policyChanges),
/* harmony export */   iQ: () => (/* binding */ isSopsConfig),
/* harmony export */   vl: () => (/* binding */ changedPaths)
/* harmony export */ });
/* harmony import */ var _config_config_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6400);
/* harmony import */ var _repository_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1925);
/**
 * What a change to the repository touched, classified by the layout: which Package files, which
 * PackageInstalls, whether flux-pkg.yaml. One function for the action's push and the CLI's --since.
 */


/** `changed`: the paths added or modified; `paths`: every path of the repository after the change. */
function classifyChanges(changed, paths, layout) {
    const changedSet = new Set(changed);
    const components = (0,_repository_js__WEBPACK_IMPORTED_MODULE_1__/* .discover */ .k4)(paths, layout);
    const packageFiles = components
        .flatMap((c) => c.packageFiles)
        .filter((p) => changedSet.has(p))
        .sort();
    const packageInstalls = components.flatMap((c) => c.environments
        .map((environment) => ({
        component: c.name,
        environment,
        path: `${c.dir}/${environment}/${layout.packageInstallFile}`,
    }))
        .filter((p) => changedSet.has(p.path)));
    const sopsConfigChanged = changed.some(isSopsConfig);
    return {
        packageFiles,
        packageInstalls,
        configChanged: changedSet.has(_config_config_js__WEBPACK_IMPORTED_MODULE_0__/* .CONFIG_FILE */ .g2),
        ...(sopsConfigChanged ? { sopsConfigChanged } : {}),
    };
}
/** Paths whose blob differs between two trees (added or modified; deletions are not changes to deliver). */
function changedPaths(before, after) {
    const previous = new Map(before.map((e) => [e.path, e.sha]));
    return after.filter((e) => previous.get(e.path) !== e.sha).map((e) => e.path);
}
/**
 * What a pull request touches, as the gate validates it: any file under an environment folder →
 * that environment (Flux applies the folder, whatever the file is called); a Package file → every
 * environment of its component (their constraints and values meet a new or changed Package); an
 * RBAC folder → its environment, a component's Brain folder → every environment of the component
 * (both also policy: see policyChanges); flux-pkg.yaml or a .sops.yaml → everything (undefined).
 * `changed` holds every path the pull request adds, modifies, renames (both names) or removes;
 * `paths`, the head's files.
 */
function scopeOfChanges(changed, paths, layout) {
    if (changed.some((p) => p === _config_config_js__WEBPACK_IMPORTED_MODULE_0__/* .CONFIG_FILE */ .g2 || isSopsConfig(p)))
        return undefined;
    const components = new Map((0,_repository_js__WEBPACK_IMPORTED_MODULE_1__/* .discover */ .k4)(paths, layout).map((c) => [c.name, c]));
    const scope = {};
    const add = (name, environment) => {
        if (environment === '*' || scope[name] === '*') {
            scope[name] = '*';
            return;
        }
        const environments = scope[name] ?? [];
        if (!environments.includes(environment))
            environments.push(environment);
        scope[name] = environments;
    };
    for (const path of changed) {
        const brain = brainComponentOf(path, layout);
        if (brain !== undefined) {
            if (components.has(brain))
                add(brain, '*');
            continue;
        }
        const at = componentPathOf(path, layout);
        const component = at && components.get(at.name);
        if (!at || !component)
            continue; // a component the pull request removes: nothing left to check
        if (at.folder === layout.packagesDir && at.depth === 1)
            add(at.name, '*');
        else if (component.environments.includes(at.folder))
            add(at.name, at.folder);
        else {
            const environment = rbacEnvironmentOf(at.folder, layout);
            if (environment !== undefined && component.environments.includes(environment))
                add(at.name, environment);
        }
    }
    return scope;
}
/**
 * The files a pull request changes that the action trusts as policy rather than validates as an
 * environment: flux-pkg.yaml, every .sops.yaml, the RBAC folders (applied with the kubeconfig's own
 * identity) and the Brain folder (the Flux objects that apply everything). Sorted.
 */
function policyChanges(changed, layout) {
    return changed
        .filter((path) => path === _config_config_js__WEBPACK_IMPORTED_MODULE_0__/* .CONFIG_FILE */ .g2 ||
        isSopsConfig(path) ||
        isUnder(path, layout.brainPath) ||
        rbacEnvironmentOf(componentPathOf(path, layout)?.folder ?? '', layout) !== undefined)
        .sort();
}
const isSopsConfig = (path) => path === '.sops.yaml' || path.endsWith('/.sops.yaml');
const trimmed = (dir) => dir.replace(/\/+$/, '');
const isUnder = (path, dir) => trimmed(dir) !== '' && path.startsWith(`${trimmed(dir)}/`);
/** `<brainPath>/<component>/…` → the component; another path under brainPath → ''; else undefined. */
function brainComponentOf(path, layout) {
    if (!isUnder(path, layout.brainPath))
        return undefined;
    const parts = path.slice(trimmed(layout.brainPath).length + 1).split('/');
    return parts.length > 1 ? parts[0] : '';
}
/** `[componentsPath/]<name>/<folder>/…`: the component, the folder under it, and how deep the file is below the folder. */
function componentPathOf(path, layout) {
    const prefix = layout.componentsPath ? `${trimmed(layout.componentsPath)}/` : '';
    if (!path.startsWith(prefix))
        return undefined;
    const parts = path.slice(prefix.length).split('/');
    if (parts.length < 3 || parts[0].startsWith('.'))
        return undefined;
    return { name: parts[0], folder: parts[1], depth: parts.length - 2 };
}
/** The environment whose RBAC folder this is (layout.rbacFolder with {environment}), if it is one. */
function rbacEnvironmentOf(folder, layout) {
    const [before, after] = layout.rbacFolder.split('{environment}');
    if (folder.length <= before.length + after.length || !folder.startsWith(before) || !folder.endsWith(after))
        return undefined;
    return folder.slice(before.length, folder.length - after.length);
}


/***/ }),

/***/ 4410:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ environmentResult),
/* harmony export */   x: () => (/* binding */ versionOrder)
/* harmony export */ });
/* harmony import */ var _carvel_semver_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6533);
/**
 * What the planning rules share for one run (the configuration, the values checker, diagnostics)
 * and what they plan a component from: its view, as the loader (load.ts) read it. Synchronous.
 */

const versionOrder = (a, b) => (0,_carvel_semver_js__WEBPACK_IMPORTED_MODULE_0__/* .compare */ .UD)((0,_carvel_semver_js__WEBPACK_IMPORTED_MODULE_0__/* .parseRelaxed */ .X)(a), (0,_carvel_semver_js__WEBPACK_IMPORTED_MODULE_0__/* .parseRelaxed */ .X)(b));
/** A fresh result for one environment, and `fail`, which records an error and marks the result invalid. */
function environmentResult(ctx, component, environment, packages) {
    const result = {
        component: component.name,
        environment,
        files: [],
        valuesKeysChanged: [],
        valid: true,
        refName: packages.refName,
        knownVersions: packages.packages.map((p) => p.version),
    };
    const fail = (d) => {
        ctx.diagnostics.push(d);
        result.valid = false;
        return result;
    };
    return { result, fail };
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


/***/ }),

/***/ 4486:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fr: () => (/* binding */ planRewrap),
/* harmony export */   IX: () => (/* binding */ nearestSopsConfig),
/* harmony export */   im: () => (/* binding */ updateKeys)
/* harmony export */ });
/* unused harmony export recipientChange */
/* harmony import */ var _diagnostics_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4851);
/* harmony import */ var _yaml_parse_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(420);
/* harmony import */ var _age_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(432);
/* harmony import */ var _creation_rules_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4632);
/* harmony import */ var _decrypt_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1309);
/* harmony import */ var _metadata_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4122);
/* harmony import */ var _reuse_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5507);
/**
 * `sops updatekeys` for age: give a file's data key to the recipients its `.sops.yaml` creation rule
 * now lists. As in sops (cmd/sops/subcommand/updatekeys/updatekeys.go:62-82 and 101-111), the data
 * key is kept and wrapped for the new key set; values, their ciphertext, `lastmodified` and the MAC
 * are untouched. Only the `sops.age` list of the text changes (spliced in, so every other byte stays);
 * a stanza for a recipient that stays is kept as it was. Unlike sops, the file must decrypt with its
 * MAC verified first: a tampered file is not handed to new recipients.
 */







/**
 * Whether a SOPS file's age recipients differ from its creation rule's: pure, no key needed (what a
 * push run on the base branch asks of every encrypted file a `.sops.yaml` covers). `path` is relative
 * to the `.sops.yaml` folder. Undefined: not a SOPS file with readable metadata, no rule with age
 * recipients matches, or the recipients already agree.
 */
function recipientChange(text, file, config, path) {
    const current = currentRecipients(text, file);
    if (!current)
        return undefined;
    const rule = (0,_creation_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .creationRuleFor */ .r)(config, path).rule;
    if (!rule)
        return undefined;
    const wanted = [...new Set(rule.recipients)];
    const added = wanted.filter((r) => !current.includes(r));
    const removed = current.filter((r) => !wanted.includes(r));
    return added.length + removed.length === 0 ? undefined : { file, added, removed, recipients: wanted };
}
function currentRecipients(text, file) {
    const parsed = (0,_yaml_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .parseYaml */ .hN)(file, text);
    const entry = parsed.documents.length === 1 ? parsed.documents[0] : undefined;
    if (!entry || parsed.diagnostics.length > 0 || !(0,_metadata_js__WEBPACK_IMPORTED_MODULE_4__/* .metadataPair */ .Q7)(entry.doc))
        return undefined;
    const read = (0,_metadata_js__WEBPACK_IMPORTED_MODULE_4__/* .readMetadata */ ._6)(entry.value.sops);
    return 'metadata' in read ? read.metadata.age.map((s) => s.recipient) : undefined;
}
/** Re-wrap the data key of a SOPS YAML file for exactly these recipients (needs one identity of the file). */
async function updateKeys(text, options) {
    const file = options.file ?? '';
    const recipients = [...new Set(options.recipients)];
    const decrypted = await (0,_decrypt_js__WEBPACK_IMPORTED_MODULE_3__/* .decryptDocument */ .L)(text, { identities: options.identities, file });
    const document = decrypted.document;
    const reuse = document ? (0,_reuse_js__WEBPACK_IMPORTED_MODULE_5__/* .reuseOf */ .S5)(document) : undefined;
    if (!document || !reuse)
        return { changed: false, diagnostics: decrypted.diagnostics };
    const kept = document.metadata.age;
    const same = kept.length === recipients.length && kept.every((s) => recipients.includes(s.recipient));
    if (same)
        return { text, changed: false, diagnostics: [] };
    if (recipients.length === 0) {
        return {
            changed: false,
            diagnostics: [(0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3)('sops.recipients', 'no age recipients to wrap the data key for', file)],
        };
    }
    const stanzas = [];
    for (const recipient of recipients) {
        stanzas.push(kept.find((s) => s.recipient === recipient) ??
            options.reuse?.find((s) => s.recipient === recipient) ??
            (await (0,_age_js__WEBPACK_IMPORTED_MODULE_6__/* .wrapDataKey */ .Ki)(reuse.dataKey, [recipient]))[0]);
    }
    const spliced = spliceAge(text, file, stanzas);
    if ('diagnostic' in spliced)
        return { changed: false, diagnostics: [spliced.diagnostic] };
    return { text: spliced.text, changed: true, diagnostics: [] };
}
/** Replace the `sops.age` list in the text, written as sops 3.10 writes it, indented under its key. */
function spliceAge(text, file, stanzas) {
    const parsed = (0,_yaml_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .parseYaml */ .hN)(file, text);
    const doc = parsed.documents[0].doc;
    const sops = (0,_metadata_js__WEBPACK_IMPORTED_MODULE_4__/* .metadataPair */ .Q7)(doc).value;
    const pair = sops.items?.find((p) => p.key?.value === 'age');
    const keyEnd = pair?.key.range?.[1];
    const valueEnd = pair?.value?.range?.[1];
    if (keyEnd === undefined || valueEnd === undefined) {
        const message = 'this file keeps its age keys in key_groups, which updatekeys does not rewrite';
        return {
            diagnostic: (0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3)('sops.key-groups', message, file, (0,_yaml_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .positionAt */ .t$)(parsed, doc, ['sops']), '.sops'),
        };
    }
    const keyColumn = pair.key.range[0] - (text.lastIndexOf('\n', pair.key.range[0] - 1) + 1);
    const pad = (n) => ' '.repeat(keyColumn + n);
    const lines = stanzas.flatMap((s) => [
        `${pad(2)}- recipient: ${s.recipient}`,
        `${pad(4)}enc: |`,
        ...s.enc
            .replace(/\n$/, '')
            .split('\n')
            .map((line) => `${pad(6)}${line}`),
    ]);
    const endsLine = text[valueEnd - 1] === '\n';
    const block = `:\n${lines.join('\n')}${endsLine ? '\n' : ''}`;
    return { text: text.slice(0, keyEnd) + block + text.slice(valueEnd) };
}
/** Where the nearest `.sops.yaml` is for a file, as the action looks: its folder, then each parent. */
function nearestSopsConfig(paths, file) {
    const parts = file.split('/').slice(0, -1);
    for (let n = parts.length; n >= 0; n--) {
        const candidate = [...parts.slice(0, n), '.sops.yaml'].join('/');
        if (paths.has(candidate))
            return candidate;
    }
    return undefined;
}
/**
 * Every SOPS file whose age recipients differ from what its nearest `.sops.yaml` now gives: what a
 * push run on the base branch re-wraps after a recipient change landed there (never a pull request's
 * own `.sops.yaml`: recipients are policy judged from the base). `files` maps repository paths to
 * texts, `.sops.yaml` files included; pure, no key needed.
 */
function planRewrap(files) {
    const paths = new Set(files.keys());
    const configs = new Map();
    const changes = [];
    const diagnostics = [];
    for (const [file, text] of files) {
        if (file.endsWith('.sops.yaml') || !/^sops:/m.test(text))
            continue;
        const configPath = nearestSopsConfig(paths, file);
        if (!configPath)
            continue;
        if (!configs.has(configPath)) {
            const parsed = (0,_creation_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .parseSopsConfig */ .V)(files.get(configPath), configPath);
            diagnostics.push(...parsed.diagnostics);
            configs.set(configPath, parsed.config);
        }
        const config = configs.get(configPath);
        const folder = configPath.slice(0, -'.sops.yaml'.length);
        const change = config ? recipientChange(text, file, config, file.slice(folder.length)) : undefined;
        if (change)
            changes.push(change);
    }
    return { changes, diagnostics };
}


/***/ })

};
