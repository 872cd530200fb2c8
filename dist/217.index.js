export const id = 217;
export const ids = [217];
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

/***/ 1513:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  $O: () => (/* binding */ pullRequestChange),
  SA: () => (/* binding */ reviewFacts)
});

// UNUSED EXPORTS: skippedOver

;// CONCATENATED MODULE: ./src/carvel/effective-values.ts
/**
 * The values a package will run with, for a reviewer: the environment's values merged over the
 * valuesSchema's defaults. kapp-controller itself applies no schema default (it never reads
 * valuesSchema, see research/carvel.md §4): the package's templates do, and schemas are usually
 * generated from those templates, so the defaults are what runs where the environment sets nothing.
 * The environment's values are the Secret's keys merged in sorted key order, later keys winning,
 * as kapp-controller hands them to ytt (ValuesSecret.merged; carvel.md §3).
 *
 * A value is kept in these facts only where it may be shown: under a key that looks secret
 * (password, token, key, secret, credentials), a schema node marked `format: password`,
 * `writeOnly` or an `x-…sensitive`/`x-…secret` extension, or set by an encrypted values Secret,
 * only "changed" or "unchanged" is recorded — the value never enters the facts.
 */
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A key name that says its value is a credential. Over-matching hides a value; under-matching would leak one. */
const SECRET_KEY = /pass(word|wd|phrase)?|token|secret|credential|key|cert|auth|private|salt|dsn/i;
/** How deep defaults and values are walked; real charts' values stay well inside. */
const MAX_DEPTH = 24;
/** Longest value shown, in characters of its JSON form. */
const MAX_VALUE = 120;
// ---- paths ---------------------------------------------------------------------------------------
const IDENT = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/**
 * JSON text with every character that Markdown, HTML or a terminal could act on written as a JSON
 * `\\uXXXX` escape: still the same JSON, one line, and nothing in it can close a code block or a tag.
 */
function jsonSafe(json) {
    return json.replace(/[<>&`|\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, (c) => [...Array(c.length).keys()].map((i) => `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`).join(''));
}
/** A values path for display: `a.b[0]["x.y"]`, in jsonSafe characters (repository text stays inert). */
function formatValuesPath(path) {
    let out = '';
    for (const seg of path) {
        if (typeof seg === 'number')
            out += `[${seg}]`;
        else if (IDENT.test(seg))
            out += out === '' ? seg : `.${seg}`;
        else
            out += `[${jsonSafe(JSON.stringify(seg))}]`;
    }
    return out === '' ? '(root)' : out;
}
/** JSON of a value for display: one line, capped, jsonSafe. */
function showValue(value) {
    const safe = jsonSafe(JSON.stringify(value) ?? 'null');
    return safe.length > MAX_VALUE ? `${[...safe].slice(0, MAX_VALUE - 1).join('')}…` : safe;
}
// ---- schema walking ------------------------------------------------------------------------------
/** The schema node that describes `path` (properties, items, additionalProperties); undefined: none. */
function schemaAt(schema, path) {
    let node = schema;
    for (const seg of path) {
        if (!isObject(node))
            return undefined;
        if (typeof seg === 'number')
            node = node.items;
        else if (isObject(node.properties) && Object.hasOwn(node.properties, seg))
            node = node.properties[seg];
        else
            node = isObject(node.additionalProperties) ? node.additionalProperties : undefined;
    }
    return isObject(node) ? node : undefined;
}
function marksSensitive(node) {
    if (!node)
        return false;
    if (node.format === 'password' || node.writeOnly === true)
        return true;
    return Object.entries(node).some(([k, v]) => /^x-.*(sensitive|secret)/i.test(k) && v !== false && v != null);
}
/** Does this path hold a secret, by a key's name or by a mark in either schema on the way down? */
function isSensitivePath(path, schemas) {
    for (let i = 1; i <= path.length; i++) {
        const seg = path[i - 1];
        if (typeof seg === 'string' && SECRET_KEY.test(seg))
            return true;
        if (schemas.some((s) => marksSensitive(schemaAt(s, path.slice(0, i)))))
            return true;
    }
    return schemas.some((s) => marksSensitive(schemaAt(s, [])));
}
/** The defaults a schema gives: a node's `default`, else an object of its properties' defaults. */
function defaultsOf(schema, depth = 0) {
    if (!isObject(schema) || depth > MAX_DEPTH)
        return undefined;
    if (Object.hasOwn(schema, 'default'))
        return schema.default;
    if (!isObject(schema.properties))
        return undefined;
    const out = {};
    for (const [key, child] of Object.entries(schema.properties)) {
        const d = defaultsOf(child, depth + 1);
        if (d !== undefined)
            out[key] = d;
    }
    return Object.keys(out).length > 0 ? out : undefined;
}
/** ytt's data-values merge as an environment uses it: maps merge key by key, anything else replaces. */
function mergeValues(base, over) {
    if (over === undefined)
        return base;
    if (!isObject(base) || !isObject(over))
        return over;
    const out = { ...base };
    for (const [k, v] of Object.entries(over))
        out[k] = mergeValues(base[k], v);
    return out;
}
/** Every leaf (scalars, empty maps and lists) with its path, in key order. */
function leaves(value, path = [], out = new Map()) {
    if (path.length > MAX_DEPTH)
        return out;
    if (isObject(value) && Object.keys(value).length > 0)
        for (const [k, v] of Object.entries(value))
            leaves(v, [...path, k], out);
    else if (Array.isArray(value) && value.length > 0)
        for (const [i, v] of value.entries())
            leaves(v, [...path, i], out);
    else
        out.set(formatValuesPath(path), { path, value });
    return out;
}
/** Does the environment's own values set this path (or a value above it)? */
function sets(values, path) {
    let node = values;
    for (const seg of path) {
        if (Array.isArray(node) && typeof seg === 'number')
            node = node[seg];
        else if (isObject(node) && typeof seg === 'string' && Object.hasOwn(node, seg))
            node = node[seg];
        else
            return false;
        if (!isObject(node) && !Array.isArray(node))
            return true;
    }
    return node !== undefined;
}
// ---- the review ----------------------------------------------------------------------------------
/**
 * Effective values before and after a version change (before.values undefined: a new environment),
 * plus what the schema change means for them. `encrypted`: the values come from a SOPS Secret;
 * `unread`: they could not be read, so only the schemas are compared.
 */
function reviewValues(before, after, options) {
    const schemas = [before?.schema, after.schema].filter((s) => s !== undefined);
    const hidden = (path) => isSensitivePath(path, schemas) ||
        (options.encrypted && (sets(before?.values, path) || sets(after.values, path)));
    const review = {
        encrypted: options.encrypted,
        lines: [],
        newKeys: [],
        changedDefaults: [],
        removedButSet: [],
        nowRequired: [],
    };
    if (options.unread)
        review.unread = options.unread;
    else
        review.lines = valueLines(before, after, hidden);
    // A schema's defaults are the Package's, not the environment's: only a secret-looking key hides one.
    schemaFacts(review, before?.schema, after, (path) => isSensitivePath(path, schemas));
    return review;
}
function valueLines(before, after, hidden) {
    const effective = (side) => mergeValues(defaultsOf(side.schema), side.values ?? {});
    const old = before?.values !== undefined ? leaves(effective(before)) : new Map();
    const now = leaves(effective(after));
    const lines = [];
    const line = (key, path, a, b, has) => {
        const same = has[0] && has[1] && JSON.stringify(a) === JSON.stringify(b);
        const state = !has[0] ? 'added' : !has[1] ? 'removed' : same ? 'unchanged' : 'changed';
        const secret = hidden(path);
        const l = { path: key, state, hidden: secret, fromDefault: !sets(after.values, path) };
        if (!secret && has[0])
            l.before = showValue(a);
        if (!secret && has[1])
            l.after = showValue(b);
        lines.push(l);
    };
    for (const [key, { path, value }] of now)
        line(key, path, old.get(key)?.value, value, [old.has(key), true]);
    for (const [key, { path, value }] of old)
        if (!now.has(key))
            line(key, path, value, undefined, [true, false]);
    return lines;
}
/** Schema paths: `.a.b` as schema-diff writes them; kept as path arrays here. */
function schemaPaths(schema, prefix = [], out = []) {
    if (!isObject(schema) || prefix.length > MAX_DEPTH || !isObject(schema.properties))
        return out;
    for (const [key, child] of Object.entries(schema.properties)) {
        out.push([...prefix, key]);
        schemaPaths(child, [...prefix, key], out);
    }
    return out;
}
function requiredPaths(schema, prefix = [], out = new Set()) {
    if (!isObject(schema) || prefix.length > MAX_DEPTH || !isObject(schema.properties))
        return out;
    const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
    for (const [key, child] of Object.entries(schema.properties))
        if (required.has(key)) {
            out.add(formatValuesPath([...prefix, key]));
            requiredPaths(child, [...prefix, key], out);
        }
    return out;
}
function schemaFacts(review, beforeSchema, after, hidden) {
    const oldPaths = new Map(schemaPaths(beforeSchema).map((p) => [formatValuesPath(p), p]));
    const newPaths = new Map(schemaPaths(after.schema).map((p) => [formatValuesPath(p), p]));
    for (const [key, path] of newPaths) {
        const now = schemaAt(after.schema, path);
        const hasDefault = now !== undefined && Object.hasOwn(now, 'default');
        const secret = hidden(path);
        const shown = hasDefault && !secret ? showValue(now.default) : undefined;
        if (!oldPaths.has(key)) {
            // A new environment: every key is new, and the effective values list them all.
            if (beforeSchema === undefined)
                continue;
            // An object without a default of its own is listed by its keys.
            if (!hasDefault && isObject(now?.properties))
                continue;
            review.newKeys.push({ path: key, ...(shown !== undefined ? { value: shown } : {}), hidden: secret });
            continue;
        }
        const was = schemaAt(beforeSchema, path);
        const hadDefault = was !== undefined && Object.hasOwn(was, 'default');
        if (hadDefault === hasDefault && JSON.stringify(was?.default) === JSON.stringify(now?.default))
            continue;
        // A parent's default that changed only because a child's did is reported at the child.
        if (isObject(was?.default) || isObject(now?.default))
            if (isObject(now?.properties))
                continue;
        const change = { path: key, hidden: secret };
        if (!secret && hadDefault)
            change.before = showValue(was.default);
        if (!secret && hasDefault)
            change.after = showValue(now.default);
        review.changedDefaults.push(change);
    }
    if (beforeSchema !== undefined && after.values !== undefined)
        for (const [key, path] of oldPaths) {
            if (newPaths.has(key) || !sets(after.values, path))
                continue;
            // Reported once, at the highest removed key.
            if (path.length > 1 &&
                !newPaths.has(formatValuesPath(path.slice(0, -1))) &&
                oldPaths.has(formatValuesPath(path.slice(0, -1))))
                continue;
            const parent = schemaAt(after.schema, path.slice(0, -1));
            const closed = parent?.additionalProperties === false;
            review.removedButSet.push({ path: key, severity: closed ? 'error' : 'warning' });
        }
    const oldRequired = requiredPaths(beforeSchema);
    review.nowRequired = [...requiredPaths(after.schema)].filter((p) => !oldRequired.has(p));
}

// EXTERNAL MODULE: ./src/builtins.ts
var builtins = __webpack_require__(7227);
;// CONCATENATED MODULE: ./src/carvel/fetch-diff.ts
/**
 * What a new Package version fetches, from → to: the entries of spec.template.spec.fetch
 * (kapp-controller's App fetch: imgpkgBundle, image, git, http, helmChart, inline — see
 * carvel-dev/kapp-controller pkg/apis/kappctrl/v1alpha1/types_fetch.go) compared by position, as
 * the App fetches them into consecutive directories. Each side is one line a reviewer can read;
 * inline contents are summarised by file name and a digest (the Package holds them in full).
 */

const fetch_diff_isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
/** The fetch kinds kapp-controller knows; anything else is shown by its key. */
const FETCH_KINDS = ['imgpkgBundle', 'image', 'git', 'http', 'helmChart', 'inline'];
/** One fetch entry as one line (before digest shortening). */
function describeFetch(entry) {
    if (!fetch_diff_isObject(entry))
        return { kind: 'unknown', text: JSON.stringify(entry ?? null) };
    const kind = FETCH_KINDS.find((k) => fetch_diff_isObject(entry[k])) ?? Object.keys(entry).find((k) => k !== 'path');
    const spec = kind && fetch_diff_isObject(entry[kind]) ? entry[kind] : {};
    const into = str(entry.path) ? ` into ${str(entry.path)}` : '';
    return { kind: kind ?? 'unknown', text: `${describeSpec(kind, spec)}${into}` };
}
function describeSpec(kind, spec) {
    const parts = (...p) => p.filter((x) => x !== undefined && x !== '').join(' ');
    switch (kind) {
        case 'imgpkgBundle':
            return str(spec.image) ?? '(no image)';
        case 'image':
            return parts(str(spec.url) ?? '(no url)', str(spec.subPath) && `subPath ${str(spec.subPath)}`);
        case 'git':
            return parts(str(spec.url) ?? '(no url)', str(spec.ref) && `ref ${str(spec.ref)}`, str(spec.subPath) && `subPath ${str(spec.subPath)}`);
        case 'http':
            return parts(str(spec.url) ?? '(no url)', str(spec.sha256) && `sha256:${str(spec.sha256)}`, str(spec.subPath) && `subPath ${str(spec.subPath)}`);
        case 'helmChart': {
            const repo = fetch_diff_isObject(spec.repository) ? str(spec.repository.url) : undefined;
            return parts(str(spec.name) ?? '(no name)', str(spec.version), repo && `from ${repo}`);
        }
        case 'inline': {
            const paths = fetch_diff_isObject(spec.paths) ? spec.paths : {};
            const names = Object.keys(paths).sort();
            const from = Array.isArray(spec.pathsFrom) ? spec.pathsFrom.length : 0;
            const digest = (0,builtins/* nodeCrypto */.S)()
                .createHash('sha256')
                .update(JSON.stringify(spec))
                .digest('hex')
                .slice(0, 12);
            return `${names.length} file(s)${names.length > 0 ? ` ${names.join(', ')}` : ''}${from > 0 ? `, ${from} pathsFrom` : ''} (content ${digest})`;
        }
        default:
            return JSON.stringify(spec).slice(0, 200);
    }
}
const DIGEST = /(sha256:)?([0-9a-f]{64})/g;
const SHORT = 12;
/** The 64-hex digests of a line. */
const digestsOf = (text) => [...text.matchAll(DIGEST)].map((m) => m[2]);
/**
 * Shorten each digest of `text` to 12 hex digits, unless the other side has a different digest
 * with the same 12 first digits (then the short forms would look equal: both stay whole).
 */
function shortened(text, other) {
    const theirs = other ? digestsOf(other) : [];
    return text.replace(DIGEST, (whole, prefix, hex) => {
        const clash = theirs.some((d) => d !== hex && d.slice(0, SHORT) === hex.slice(0, SHORT));
        return clash ? whole : `${prefix ?? ''}${hex.slice(0, SHORT)}…`;
    });
}
/** Every fetch entry that differs between two Packages' spec.template.spec.fetch, by position. */
function fetchChanges(before, after) {
    const old = Array.isArray(before) ? before : [];
    const now = Array.isArray(after) ? after : [];
    const changes = [];
    for (let index = 0; index < Math.max(old.length, now.length); index++) {
        const from = index < old.length ? describeFetch(old[index]) : undefined;
        const to = index < now.length ? describeFetch(now[index]) : undefined;
        if (from && to && from.kind === to.kind && from.text === to.text)
            continue;
        const change = { index, kind: to?.kind ?? from.kind };
        if (from)
            change.from = shortened(from.text, to?.text);
        if (to)
            change.to = shortened(to.text, from?.text);
        changes.push(change);
    }
    return changes;
}

// EXTERNAL MODULE: ./src/plan/model/context.ts
var context = __webpack_require__(4410);
;// CONCATENATED MODULE: ./src/plan/model/review.ts
/**
 * The review facts of one environment's version change (see ReviewFacts): what the Package fetches,
 * the effective values before and after, and the release notes of every version it moves past.
 * Pure, over what the planner already holds.
 */



/** Versions after `from` up to and including `to`, oldest first (only the target when going down or new). */
function skippedOver(packages, from, to) {
    if (from === undefined || (0,context/* versionOrder */.x)(from, to.version) >= 0)
        return from === to.version ? [] : [to];
    return packages
        .filter((p) => (0,context/* versionOrder */.x)(p.version, from) > 0 && (0,context/* versionOrder */.x)(p.version, to.version) <= 0)
        .sort((a, b) => (0,context/* versionOrder */.x)(a.version, b.version));
}
function reviewFacts(input) {
    const { packages, fromVersion, target } = input;
    const previous = packages.find((p) => p.version === fromVersion);
    const facts = {
        fetch: fetchChanges(previous?.fetch, target.fetch),
        values: reviewValues(previous || input.valuesBefore
            ? { schema: previous?.valuesSchema, values: input.valuesBefore }
            : undefined, { schema: target.valuesSchema, values: input.valuesAfter }, { encrypted: input.encrypted, ...(input.unread ? { unread: input.unread } : {}) }),
        releaseNotes: skippedOver(packages, fromVersion, target).map((p) => p.releaseNotes === undefined ? { version: p.version } : { version: p.version, notes: p.releaseNotes }),
    };
    if (previous)
        facts.fromPackageFile = previous.file;
    return facts;
}
/**
 * validate: what a pull request changes in an environment, from the version the base branch selects
 * (`baseVersion`, undefined: none) to the one its head selects. The values are not compared here:
 * the gate reads the head only.
 */
function pullRequestChange(packages, baseVersion, target) {
    const previous = packages.find((p) => p.version === baseVersion);
    const facts = {
        fetch: fetchChanges(previous?.fetch, target.fetch),
        releaseNotes: skippedOver(packages, baseVersion, target).map((p) => p.releaseNotes === undefined ? { version: p.version } : { version: p.version, notes: p.releaseNotes }),
    };
    if (baseVersion !== undefined)
        facts.baseVersion = baseVersion;
    if (previous)
        facts.fromPackageFile = previous.file;
    return facts;
}


/***/ }),

/***/ 6570:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Q: () => (/* binding */ deliverInto),
  _: () => (/* binding */ release)
});

// EXTERNAL MODULE: ./src/sops/index.ts + 2 modules
var sops = __webpack_require__(6936);
// EXTERNAL MODULE: ./src/sops/updatekeys.ts
var updatekeys = __webpack_require__(4486);
// EXTERNAL MODULE: ./src/plan/model/secrets.ts
var secrets = __webpack_require__(292);
;// CONCATENATED MODULE: ./src/plan/load/seal.ts
/**
 * Sealing a values Secret: the one asynchronous step inside an install plan. Encrypting needs an age
 * key wrap (age-encryption's API is asynchronous); the loader reads the nearest `.sops.yaml` then,
 * and only then, as before. What to encrypt and what the result means are decided synchronously in
 * install-secret.ts.
 */



async function sealSecret(reader, paths, keys, request) {
    const { path, plain, settings, previous } = request;
    const configPath = (0,updatekeys/* nearestSopsConfig */.IX)(new Set(paths), path);
    const sopsConfig = configPath
        ? { path: configPath, text: (await reader.yaml(configPath)).text }
        : undefined;
    const found = (0,secrets/* encryptionFor */.b0)(sopsConfig, path, settings, previous);
    if (!found.encryption)
        return { diagnostics: found.diagnostics };
    const encrypted = await (0,sops/* encryptDocument */.rs)(plain, {
        recipients: found.encryption.recipients,
        rule: found.encryption.rule,
        previous,
        file: path,
    });
    if (encrypted.text === undefined)
        return { diagnostics: encrypted.diagnostics };
    const fromBranch = branchCopy(keys, request, found.encryption);
    return { text: encrypted.text, diagnostics: [], fromBranch };
}
/**
 * What to write over a pull request branch's copy of the file (PlannedFile.fromBranch), judged on
 * plaintext: the branch's bytes when it holds our plaintext for our recipients under our rule, so a
 * newer Package updating the pull request leaves params.yaml alone; when only values changed and the
 * branch shares our data key, its envelopes are reused too. Undefined without identities.
 */
function branchCopy(keys, request, encryption) {
    if (!keys || keys.identities.length === 0)
        return undefined;
    const { path, plain, previous } = request;
    return async (text) => {
        const { document } = await (0,sops/* decryptDocument */.L4)(text, { identities: keys.identities, file: path });
        if (!document)
            return undefined;
        keys.onDecrypted?.(document.secrets);
        const theirs = document.metadata.age.map((s) => s.recipient).sort();
        const sameKeys = JSON.stringify(theirs) === JSON.stringify([...encryption.recipients].sort());
        const sameRule = JSON.stringify(document.metadata.rule) === JSON.stringify(encryption.rule);
        if (!sameKeys || !sameRule || document.metadata.macOnlyEncrypted)
            return undefined;
        if (document.text === plain)
            return text;
        const again = await (0,sops/* encryptDocument */.rs)(plain, {
            ...encryption,
            previous,
            alsoReuse: [document],
            file: path,
        });
        return again.text;
    };
}

// EXTERNAL MODULE: ./src/carvel/names.ts
var names = __webpack_require__(3129);
// EXTERNAL MODULE: ./src/carvel/render.ts
var render = __webpack_require__(4617);
// EXTERNAL MODULE: ./src/carvel/semver.ts
var semver = __webpack_require__(6533);
// EXTERNAL MODULE: ./src/carvel/values-secret.ts
var values_secret = __webpack_require__(3204);
// EXTERNAL MODULE: ./src/config/config.ts + 1 modules
var config = __webpack_require__(6400);
// EXTERNAL MODULE: ./src/diagnostics.ts
var diagnostics = __webpack_require__(4851);
// EXTERNAL MODULE: ./src/flux/kustomize.ts
var kustomize = __webpack_require__(1948);
// EXTERNAL MODULE: ./src/settings/declarations.ts
var declarations = __webpack_require__(9492);
// EXTERNAL MODULE: ./src/yaml/parse.ts
var parse = __webpack_require__(420);
// EXTERNAL MODULE: ./src/plan/model/context.ts
var context = __webpack_require__(4410);
// EXTERNAL MODULE: ./src/plan/model/environment.ts + 1 modules
var model_environment = __webpack_require__(3926);
// EXTERNAL MODULE: ./src/plan/model/review.ts + 2 modules
var review = __webpack_require__(1513);
;// CONCATENATED MODULE: ./src/plan/modes/install/secret.ts
/**
 * params.yaml after install: its plaintext is compared, never its ciphertext, so a file whose values
 * do not change is kept byte for byte. An encrypted file stays encrypted; secretFormat sops encrypts.
 * Synchronous: a Secret that must be encrypted comes back as a SealRequest, which the orchestrator
 * seals (seal.ts) and sealedSecret() turns into the planned file.
 */





const same = (d) => d;
const isKind = (kind) => (value) => typeof value === 'object' && value !== null && value.kind === kind;
function plannedSecret(ctx, env, values, settings, path, target) {
    if (env.encrypted && !env.encrypted.document) {
        // No key: the loader said so; the file is left as it is.
        if (values === undefined)
            return { planned: { toSource: same, diagnostics: [] } };
        const message = 'the values Secret is SOPS-encrypted and no age key was given: its values cannot be replaced';
        return { planned: { toSource: same, diagnostics: [(0,diagnostics/* error */.z3)('sops.no-key', message, path)] } };
    }
    if (env.nestedSops && values !== undefined) {
        const message = `data ${env.nestedSops.join(', ')} of the values Secret is a nested SOPS document: its values cannot be replaced here; encrypt the whole Secret (secretFormat: sops) instead`;
        return { planned: { toSource: same, diagnostics: [(0,diagnostics/* error */.z3)('sops.nested-values', message, path)] } };
    }
    const before = env.encrypted?.document?.text ?? env.valuesSecretText;
    const plain = before === undefined
        ? (0,render/* renderValuesSecret */.D6)({
            name: target.name,
            namespace: target.namespace,
            valuesKey: target.valuesKey,
            values: values ?? (0,render/* emptyValues */.M5)(target.component, target.environment),
        })
        : values === undefined
            ? before
            : (0,render/* setValues */.VI)(before, target.valuesKey, values, isKind('Secret'));
    const unchanged = plain === before && env.valuesSecret !== undefined;
    const read = unchanged
        ? { secret: env.valuesSecret, diagnostics: [] }
        : (0,values_secret/* readValuesSecret */.RP)((0,parse/* parseYaml */.hN)(path, plain), plain);
    const action = env.valuesSecretText === undefined ? 'create' : 'update';
    if (!env.encrypted && settings.secretFormat !== 'sops') {
        const problem = (0,secrets/* plainSecretProblem */.I)(path, settings, ctx.repoEncrypts);
        const diagnostics = [...read.diagnostics, ...(problem ? [problem] : [])];
        const file = plain === env.valuesSecretText ? undefined : { path, content: plain, action, secret: true };
        return { planned: { file, secret: read.secret, toSource: same, diagnostics } };
    }
    const previous = env.encrypted?.document;
    if (previous && plain === before)
        return { planned: { secret: read.secret, toSource: env.encrypted.toSource, diagnostics: [] } };
    return { seal: { path, plain, settings, previous, action, read } };
}
/** The planned Secret once sealed: its diagnostics moved to the lines of the encrypted file. */
function sealedSecret(request, sealed) {
    if (sealed.text === undefined)
        return { toSource: same, diagnostics: sealed.diagnostics };
    const { path, plain, action, read } = request;
    const toSource = (0,secrets/* plainToEncrypted */.Kp)(path, plain, sealed.text);
    const fromBranch = sealed.fromBranch;
    return {
        file: { path, content: sealed.text, action, secret: true, ...(fromBranch ? { fromBranch } : {}) },
        secret: read.secret,
        toSource,
        diagnostics: read.diagnostics.map(toSource),
    };
}

;// CONCATENATED MODULE: ./src/plan/modes/install/into.ts
/**
 * install into one environment: which version it gets, its PackageInstall, values Secret and
 * kustomization file. Synchronous over the environment's loaded files; the values Secret, when it
 * must be encrypted, is the one step the orchestrator (run.ts) completes: see InstallStep.
 */













/** The planner looks at the environment's files only when the settings give valid names and the Packages one refName. */
function needsEnvironmentFiles(ctx, component, packages, environment, request) {
    const settings = (0,config/* settingsFor */.zc)(ctx.config, component.name, environment, request.overrides);
    return !settingsProblem(ctx, settings) && Boolean(packages.refName);
}
/** `env`: the environment's files, loaded when needsEnvironmentFiles() says so. */
function planInstallInto(ctx, component, packages, env, environment, request, delivery = {}) {
    const settings = (0,config/* settingsFor */.zc)(ctx.config, component.name, environment, request.overrides);
    const { result, fail } = (0,context/* environmentResult */.L)(ctx, component, environment, packages);
    result.settings = settings;
    const refused = settingsProblem(ctx, settings);
    if (refused)
        return { result: fail(refused) };
    if (!packages.refName)
        return {
            result: packages.packages.length === 0
                ? undefined
                : fail((0,diagnostics/* error */.z3)('plan.no-ref-name', `component "${component.name}" has no single Package refName`, component.dir)),
        };
    if (!env)
        throw new Error(`planInstallInto: ${component.dir}/${environment} was not loaded`);
    ctx.diagnostics.push(...env.diagnostics);
    if ((0,diagnostics/* hasErrors */.Cs)(env.diagnostics))
        return { result: { ...result, valid: false } };
    const elsewhere = (0,model_environment/* writtenElsewhereProblems */.iS)(env, `${component.dir}/${environment}`, ctx.config.layout);
    if (elsewhere.length > 0) {
        for (const d of elsewhere)
            fail(d);
        return { result };
    }
    const planning = { component, packages, env, environment, settings, result, fail };
    const chosen = chooseVersion(ctx, planning, delivery);
    if (chosen === 'failed')
        return { result };
    if (chosen === 'left-alone')
        return { result: undefined };
    if (chosen === 'held')
        return { result };
    return writeEnvironment(ctx, planning, chosen, request);
}
/** The version the environment gets, checked, recorded in the result as far as it got. */
function chooseVersion(ctx, { component, packages, env, environment, settings, result, fail }, { pinned, downgrade = 'skip' }) {
    const versions = packages.packages.map((p) => p.version);
    const failed = (d) => {
        fail(d);
        return 'failed';
    };
    const target = pinned ?? newestSelectable(packages, settings.prereleases);
    if (!target)
        return failed((0,diagnostics/* warning */.$e)('plan.no-version', `no Package of ${component.name} is selectable in ${environment} (only prereleases?)`, component.dir));
    result.packageFile = target.file;
    result.toVersion = target.version;
    const current = env.packageInstall;
    if (current?.refName && current.refName !== packages.refName)
        return failed((0,diagnostics/* error */.z3)('packageinstall.ref-name', `installs "${current.refName}", but the Packages of component "${component.name}" are "${packages.refName}"`, current.file, current.parsed.position(current.doc.range[0]), '.spec.packageRef.refName'));
    const running = current?.selection ? (0,semver/* selectHighest */.Xo)(versions, current.selection) : undefined;
    const from = running?.version;
    result.fromVersion = from;
    // A constraint that selects nothing (`^1.0.0` does not parse) is still what the plan replaces.
    if (current?.selection && !from)
        result.fromConstraint = current.selection.constraints ?? '';
    const goesDown = from !== undefined && (0,context/* versionOrder */.x)(from, target.version) > 0;
    const heldAt = downgrade === 'skip' ? rolledBackFrom(current) : undefined;
    if (heldAt !== undefined && (0,context/* versionOrder */.x)(target.version, heldAt) <= 0 && current) {
        ctx.diagnostics.push((0,diagnostics/* warning */.$e)('plan.rollback-hold', `${environment} was rolled back from ${heldAt}, so it is not offered ${target.version}; a version newer than ${heldAt} releases the hold, or remove the ${render/* ROLLED_BACK_FROM_ANNOTATION */.IB} annotation`, current.file, (0,parse/* positionAt */.t$)(current.parsed, current.doc, ['metadata', 'annotations', render/* ROLLED_BACK_FROM_ANNOTATION */.IB]), `.metadata.annotations.${render/* ROLLED_BACK_FROM_ANNOTATION */.IB}`));
        // A result without files: an open pull request proposing the version it left is closed, and
        // its closing comment says why (proposals.ts).
        result.held = { from: heldAt, file: current.file };
        result.toVersion = from;
        result.packageFile = undefined;
        return 'held';
    }
    if (goesDown && downgrade === 'refuse')
        return failed((0,diagnostics/* error */.z3)('promote.downgrade', `${environment} runs ${from}, newer than ${target.version}; kapp-controller refuses downgrades: ${(0,declarations/* askFor */.dq)('allow-downgrade', ctx.wording)} to roll back (it adds the ${render/* DOWNGRADABLE_ANNOTATION */.d1} annotation)`, current.file, (0,parse/* positionAt */.t$)(current.parsed, current.doc, ['spec', 'packageRef', 'versionSelection', 'constraints']), '.spec.packageRef.versionSelection.constraints'));
    if (goesDown && downgrade === 'skip') {
        ctx.diagnostics.push((0,diagnostics/* warning */.$e)('plan.downgrade', `${environment} already runs ${from}, newer than ${target.version}; kapp-controller refuses downgrades, so ${environment} is left alone`, target.file, { line: target.line, column: 1 }));
        return 'left-alone';
    }
    const selection = (0,render/* versionSelectionFor */.eL)(settings, target.version);
    // Keep prereleases as the environment has them: only the constraint is ours to change.
    const written = current?.selection
        ? { ...current.selection, constraints: selection.constraints }
        : selection;
    const selected = (0,semver/* selectHighest */.Xo)(versions, written);
    if (selected.version !== target.version)
        return failed((0,diagnostics/* error */.z3)('plan.constraint-selects-other', `constraint "${written.constraints}" would make kapp-controller select ${selected.version ?? 'no version'} rather than ${target.version}${selected.error ? ` (${selected.error})` : ''}`, target.file, { line: target.line, column: 1 }, '.spec.version'));
    result.constraint = written.constraints;
    return { target, from, goesDown, written, selection };
}
/** The environment's PackageInstall, then its values Secret (sealed first when it is encrypted), then the rest. */
function writeEnvironment(ctx, planning, chosen, request) {
    const { component, env, environment, settings, result } = planning;
    const { layout } = ctx.config;
    const dir = `${component.dir}/${environment}`;
    const secretPath = `${dir}/${layout.valuesSecretFile}`;
    const secretName = env.packageInstall?.secretNames[0] ??
        env.valuesSecret?.name ??
        env.encrypted?.name ??
        settings.valuesSecretName;
    const pi = packageInstallFile(planning, chosen, `${dir}/${layout.packageInstallFile}`, secretName);
    if (pi)
        result.files.push(pi);
    const secret = plannedSecret(ctx, env, request.values, settings, secretPath, {
        component: component.name,
        environment,
        name: secretName,
        namespace: settings.namespace,
        valuesKey: layout.valuesKey,
    });
    const finish = (planned) => finishEnvironment(ctx, planning, chosen, request, planned);
    return 'planned' in secret ? { result: finish(secret.planned) } : { secret, finish };
}
/** The PackageInstall with the new constraint (and the downgradable annotation as the move needs), when it changes. */
function packageInstallFile({ packages, settings, env }, { from, goesDown, target, written, selection }, piPath, secretName) {
    const current = env.packageInstall;
    // A rollback needs the downgradable annotation; the next upgrade takes it away again.
    const annotation = goesDown ? '' : from !== undefined && from !== target.version ? undefined : null;
    // A rollback holds the environment below the version it left (the highest, after several).
    const held = rolledBackFrom(current);
    const hold = goesDown
        ? held !== undefined && (0,context/* versionOrder */.x)(held, from) > 0
            ? held
            : from
        : annotation === undefined
            ? undefined
            : null;
    const piText = current
        ? setAnnotationFor(current, setAnnotationFor(current, (0,render/* setScalar */.$e)(current.text, ['spec', 'packageRef', 'versionSelection', 'constraints'], written.constraints, isKind('PackageInstall'), current.parsed.documents), annotation), hold, render/* ROLLED_BACK_FROM_ANNOTATION */.IB)
        : (0,render/* renderPackageInstall */._l)({
            name: settings.packageInstallName,
            namespace: settings.namespace,
            serviceAccountName: settings.serviceAccountName,
            refName: packages.refName,
            selection,
            valuesSecretName: secretName,
        });
    if (piText === current?.text)
        return undefined;
    return { path: piPath, content: piText, action: current ? 'update' : 'create', secret: false };
}
/** After the values Secret: its checks against the Package's schema, the --values note, the kustomization. */
function finishEnvironment(ctx, { component, packages, env, environment, settings, result, fail }, { target, from }, request, planned) {
    const { layout } = ctx.config;
    const dir = `${component.dir}/${environment}`;
    const piPath = `${dir}/${layout.packageInstallFile}`;
    const secretPath = `${dir}/${layout.valuesSecretFile}`;
    for (const d of planned.diagnostics)
        d.severity === 'error' ? fail(d) : ctx.diagnostics.push(d);
    if (planned.file)
        result.files.push(planned.file);
    // Encrypted when it was, when it will be (plannedSecret seals it), or when a data value holds a
    // nested SOPS document (decrypted with the key, its values are as secret): shown changed/unchanged only.
    const encrypted = env.encrypted !== undefined || (env.nestedSops?.length ?? 0) > 0 || settings.secretFormat === 'sops';
    const problems = planned.secret ? ctx.values.check(target, planned.secret, { encrypted }) : [];
    if (planned.secret) {
        for (const d of problems)
            fail(planned.toSource(d));
        result.valuesKeysChanged = changedKeys(env.valuesSecret?.merged ?? {}, planned.secret.merged);
    }
    if (request.values !== undefined && env.valuesSecret)
        valuesKeyNote(ctx, env.valuesSecret, layout.valuesKey, secretPath);
    const kustomization = kustomizationFile(ctx, dir, env, [piPath, secretPath]);
    if (kustomization)
        result.files.push(kustomization);
    result.review = (0,review/* reviewFacts */.SA)({
        packages: packages.packages,
        fromVersion: from,
        target,
        valuesBefore: env.valuesSecret?.merged,
        valuesAfter: planned.secret?.merged,
        encrypted,
        ...unreadValues(env, planned, problems),
    });
    return result;
}
/**
 * Why the review shows no values: none could be read, or they do not validate — a value in the
 * wrong place (a password pasted under `port`) may be a secret, so an invalid document shows none.
 */
function unreadValues(env, planned, problems) {
    if (env.encrypted && !env.encrypted.document)
        return { unread: 'the values Secret is SOPS-encrypted and no age key was given' };
    if (!planned.secret || problems.length > 0 || (0,diagnostics/* hasErrors */.Cs)(planned.diagnostics))
        return { unread: 'the values do not validate (see the errors), so none is shown' };
    return {};
}
/** Object names this environment's files get: refused before anything is rendered. */
function settingsProblem(ctx, settings) {
    const configFile = ctx.config.file ?? '';
    for (const key of ['packageInstallName', 'valuesSecretName']) {
        const problem = (0,names/* dns1123SubdomainProblem */._G)(settings[key]);
        if (problem)
            return (0,diagnostics/* error */.z3)('config.name-template', `${key} gives the name "${settings[key]}", which ${problem}`, configFile);
    }
    return undefined;
}
/** --values edits the configured key; kapp-controller reads every key, so say which one changes. */
function valuesKeyNote(ctx, secret, valuesKey, file) {
    const others = secret.keys.filter((k) => k !== valuesKey);
    if (others.length === 0)
        return;
    const list = others.map((k) => `"${k}"`).join(', ');
    ctx.diagnostics.push((0,diagnostics/* warning */.$e)('values.key-edited', (0,values_secret/* hasValuesKey */.S2)(secret, valuesKey)
        ? `--values replaces key "${valuesKey}"; kapp-controller also applies ${list} (in sorted key order, later keys win)`
        : `--values adds key "${valuesKey}" beside ${list}; kapp-controller applies every key in sorted key order, later keys win`, file));
}
/**
 * The folder's kustomization file after our files are added. An existing one (kustomization.yaml,
 * .yml or Kustomization) is edited; without one, Flux generated one over every manifest of the
 * folder, subfolders included, so the new kustomization.yaml lists exactly those plus ours: Flux
 * keeps applying what it applied, and prunes nothing.
 */
function kustomizationFile(ctx, dir, env, ours) {
    const relative = ours.map((p) => p.slice(dir.length + 1));
    if (env.kustomizationPath !== undefined && env.kustomizationText !== undefined) {
        const content = (0,render/* ensureKustomizationResources */.NY)(env.kustomizationText, relative);
        return content === env.kustomizationText
            ? undefined
            : { path: env.kustomizationPath, content, action: 'update', secret: false };
    }
    const resources = (0,kustomize/* generatedResources */.NV)([...ctx.paths, ...ours], dir);
    return {
        path: `${dir}/${kustomize/* KUSTOMIZATION_FILES */.Ct[0]}`,
        content: (0,render/* renderKustomization */.A0)(resources),
        action: 'create',
        secret: false,
    };
}
function newestSelectable(packages, prereleases) {
    const selection = prereleases === true
        ? { prereleases: {} }
        : Array.isArray(prereleases)
            ? { prereleases: { identifiers: prereleases } }
            : {};
    const { version } = (0,semver/* selectHighest */.Xo)(packages.packages.map((p) => p.version), selection);
    return packages.packages.find((p) => p.version === version);
}
/** Names of top-level values keys that were added, removed or changed. */
function changedKeys(before, after) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    return [...keys].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])).sort();
}
/**
 * An annotation (default: downgradable) of the PackageInstall in `text`, `current`'s text as edited:
 * a string sets it, undefined removes it, null leaves it. One `current` does not have is not there
 * to remove (the edits before this one touch no other annotation), and the text is not parsed again.
 */
function setAnnotationFor(current, text, annotation, name = render/* DOWNGRADABLE_ANNOTATION */.d1) {
    if (annotation === null)
        return text;
    if (annotation === undefined && !annotatedAs(current, name))
        return text;
    return (0,render/* setAnnotation */.aX)(text, name, annotation, isKind('PackageInstall'));
}
/** Does the PackageInstall document setAnnotation() edits, as read, carry the annotation? */
function annotatedAs(current, name) {
    const doc = current.parsed.documents.find((d) => isKind('PackageInstall')(d.value))?.doc;
    return doc?.hasIn(['metadata', 'annotations', name]) ?? false;
}
/** The version a rollback left, from the PackageInstall's hold annotation (a version, else no hold). */
function rolledBackFrom(current) {
    const value = current?.doc.getIn(['metadata', 'annotations', render/* ROLLED_BACK_FROM_ANNOTATION */.IB]);
    return typeof value === 'string' && (0,semver/* parseRelaxed */.X)(value) !== undefined ? value : undefined;
}

;// CONCATENATED MODULE: ./src/plan/modes/install/deliver.ts



async function deliverInto(ctx, loader, component, packages, environment, request, delivery) {
    const env = needsEnvironmentFiles(ctx, component, packages, environment, request)
        ? await loader.environment(component, environment)
        : undefined;
    const step = planInstallInto(ctx, component, packages, env, environment, request, delivery);
    if ('result' in step)
        return step.result;
    const { seal } = step.secret;
    return step.finish(sealedSecret(seal, await sealSecret(loader.reader, ctx.paths, ctx.sops, seal)));
}
/** A component's files leave the loader's cache, and its schemas the values checker's. */
function release(ctx, loader, component) {
    loader.done(component);
    ctx.values.forget(component.packageFiles);
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
