export const id = 720;
export const ids = [720];
export const modules = {

/***/ 1078:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EW: () => (/* binding */ regExpEngine),
/* harmony export */   kg: () => (/* binding */ unsupportedPattern),
/* harmony export */   s0: () => (/* binding */ requireLinearEngineFor),
/* harmony export */   tg: () => (/* binding */ loadLinearEngineFor)
/* harmony export */ });
/* unused harmony exports LinearEngineNotLoadedError, loadLinearEngine, usesPatterns, linearRegExp */
let engine;
/** A pattern was about to be compiled before loadLinearEngineFor() loaded RE2: a caller that skipped the loader. */
class LinearEngineNotLoadedError extends Error {
}
/** RE2, loaded when `openAPIv3` has a pattern, a patternProperties or a `format: regex` anywhere (else nothing). */
async function loadLinearEngineFor(openAPIv3) {
    if (!engine && usesPatterns(openAPIv3))
        await loadLinearEngine();
}
/** RE2, whatever the schema (tests that compile schemas without the loader). */
async function loadLinearEngine() {
    engine ??= (await __webpack_require__.e(/* import() */ 856).then(__webpack_require__.bind(__webpack_require__, 2856))).RE2JS;
}
/** Whether compiling or checking against `openAPIv3` needs RE2: true also for a property named `pattern` (harmless). */
function usesPatterns(openAPIv3) {
    const seen = new Set();
    const stack = [openAPIv3];
    while (stack.length > 0) {
        const node = stack.pop();
        if (typeof node !== 'object' || node === null || seen.has(node))
            continue;
        seen.add(node); // YAML aliases share nodes: each is looked at once
        if (!Array.isArray(node)) {
            const o = node;
            if (Object.hasOwn(o, 'pattern') || Object.hasOwn(o, 'patternProperties') || o.format === 'regex')
                return true;
        }
        stack.push(...Object.values(node));
    }
    return false;
}
/** Throws LinearEngineNotLoadedError when `openAPIv3` needs RE2 and nobody loaded it: a loud failure, not a pattern left unchecked. */
function requireLinearEngineFor(openAPIv3) {
    if (!engine && usesPatterns(openAPIv3))
        loadedEngine();
}
function loadedEngine() {
    if (engine)
        return engine;
    throw new LinearEngineNotLoadedError('internal error: a valuesSchema pattern was compiled before the RE2 engine was loaded (await loadLinearEngineFor(schema) first, as src/plan/load/load.ts does)');
}
/** Compiled patterns by source. A Package's schemas repeat across its versions; this keeps the set bounded. */
const COMPILED_KEPT = 1024;
const compiled = new Map();
/**
 * JSON Schema's `pattern` is an ECMA-262 regular expression searched anywhere in the string (not anchored).
 * RE2JS.translateRegExp rewrites the JavaScript-only spellings RE2 would misread (`(?<name>`, `\uXXXX`, `\cA`, `[^]`);
 * RE2JS#test is an unanchored search. Throws (RE2JSSyntaxException) when RE2 cannot compile the pattern.
 */
function linearRegExp(pattern) {
    let re = compiled.get(pattern);
    if (re)
        return re;
    const RE2 = loadedEngine();
    const compiledRe = RE2.compile(RE2.translateRegExp(pattern));
    re = { test: (s) => compiledRe.test(s), toString: () => `/${pattern}/re2` };
    if (compiled.size >= COMPILED_KEPT)
        compiled.delete(compiled.keys().next().value);
    compiled.set(pattern, re);
    return re;
}
/** ajv's `code.regExp`: flags are ignored (ajv passes "u" or ""; RE2 reads every pattern as Unicode). */
const regExpEngine = Object.assign((pattern, _flags) => linearRegExp(pattern), {
    code: 'linearRegExp', // only read by ajv's standalone code generation, which this project does not use
});
/** Why RE2 cannot run a pattern (lookaround, backreference, bad syntax), or undefined when it can. */
function unsupportedPattern(pattern) {
    try {
        linearRegExp(pattern);
        return undefined;
    }
    catch (err) {
        if (err instanceof LinearEngineNotLoadedError)
            throw err;
        // re2js: "error parsing regexp: invalid or unsupported Perl syntax: `(?=`"
        return err.message.replace(/^error parsing regexp: /, '');
    }
}


/***/ }),

/***/ 3204:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RP: () => (/* binding */ readValuesSecret),
/* harmony export */   S2: () => (/* binding */ hasValuesKey),
/* harmony export */   ev: () => (/* binding */ locateValuesPath)
/* harmony export */ });
/* unused harmony export mergeDataValues */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _diagnostics_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4851);
/* harmony import */ var _yaml_parse_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(420);
/**
 * The values Secret (params.yaml): a v1 Secret whose keys kapp-controller feeds to ytt as data-values
 * files, in sorted key order, later keys overriding earlier ones. Each key's YAML is parsed with its
 * positions mapped back into params.yaml, so a bad value is reported on its real line.
 */



const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/**
 * Find the Secret document in params.yaml and read its keys as kapp-controller does: every key is a
 * data-values file, whatever it is called. (The configured values key only says where install
 * writes; see `hasValuesKey`.)
 */
function readValuesSecret(parsed, text) {
    const file = parsed.file;
    const diagnostics = [];
    const secrets = parsed.documents.filter((d) => isObject(d.value) && d.value.kind === 'Secret');
    if (secrets.length !== 1) {
        diagnostics.push((0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_1__/* .error */ .z3)('values.secret-missing', secrets.length === 0
            ? 'expected a values Secret (apiVersion v1, kind Secret) in this file'
            : `expected one values Secret in this file, found ${secrets.length}`, file, parsed.position(0)));
        return { diagnostics };
    }
    const { doc, value } = secrets[0];
    const secret = value;
    const metadata = isObject(secret.metadata) ? secret.metadata : {};
    if (secret.apiVersion !== 'v1') {
        diagnostics.push((0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_1__/* .error */ .z3)('values.secret-api-version', 'a Secret must have apiVersion "v1"', file, (0,_yaml_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .positionAt */ .t$)(parsed, doc, ['apiVersion']), '.apiVersion'));
    }
    const name = typeof metadata.name === 'string' ? metadata.name : '';
    if (!name) {
        diagnostics.push((0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_1__/* .error */ .z3)('values.secret-name', 'the values Secret needs metadata.name', file, (0,_yaml_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .positionAt */ .t$)(parsed, doc, ['metadata']), '.metadata.name'));
    }
    const entries = [];
    const pairs = secretKeys(parsed, doc, diagnostics);
    for (const pair of pairs) {
        const entry = readEntry(parsed, text, pair.pair, pair.encoded, diagnostics);
        if (entry)
            entries.push(entry);
    }
    entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const merged = {};
    for (const entry of entries)
        if (isObject(entry.value))
            mergeDataValues(merged, entry.value);
    return {
        secret: {
            file,
            name,
            namespace: typeof metadata.namespace === 'string' ? metadata.namespace : undefined,
            entries,
            keys: pairs.map((k) => String(k.pair.key.value)).sort(),
            merged,
        },
        diagnostics,
    };
}
/**
 * The Secret's keys as the API server stores them: `stringData` is merged over `data`, so a key in
 * both is the stringData one (the data value is dropped unread).
 */
function secretKeys(parsed, doc, diagnostics) {
    const byKey = new Map();
    for (const [field, encoded] of [
        ['data', true],
        ['stringData', false],
    ]) {
        const map = doc.getIn([field], true);
        if (map === undefined || map === null)
            continue;
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(map)) {
            diagnostics.push((0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_1__/* .error */ .z3)('values.secret-data', `${field} must be a mapping of keys to values files`, parsed.file, (0,_yaml_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .positionAt */ .t$)(parsed, doc, [field]), `.${field}`));
            continue;
        }
        for (const pair of map.items) {
            if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key))
                continue;
            const key = String(pair.key.value);
            if (!encoded && byKey.has(key)) {
                diagnostics.push((0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e)('values.data-overridden', `key "${key}" is in both data and stringData; the API server keeps the stringData one, so the data one is ignored`, parsed.file, parsed.position(byKey.get(key).pair.key.range?.[0] ?? 0), `.data[${JSON.stringify(key)}]`));
            }
            byKey.set(key, { pair, encoded });
        }
    }
    return [...byKey.values()];
}
/** Does the Secret hold the configured values key (the one install writes)? */
function hasValuesKey(secret, valuesKey) {
    return secret.keys.includes(valuesKey);
}
function readEntry(outer, text, pair, encoded, diagnostics) {
    const file = outer.file;
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key))
        return undefined;
    const key = String(pair.key.value);
    const keyPos = outer.position(pair.key.range?.[0] ?? 0);
    const node = pair.value;
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node) || (typeof node.value !== 'string' && node.value !== null)) {
        diagnostics.push((0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_1__/* .error */ .z3)('values.not-a-string', `key "${key}" must hold the values YAML as a string (use a block scalar: "${key}: |")`, file, keyPos));
        return undefined;
    }
    let source = typeof node.value === 'string' ? node.value : '';
    if (encoded)
        source = Buffer.from(source, 'base64').toString('utf8');
    const origin = encoded ? { lineOffset: keyPos.line - 1, columnOffset: 0 } : scalarOrigin(text, node);
    const parsed = (0,_yaml_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .parseYaml */ .hN)(file, source, _yaml_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_LIMITS */ .dR, origin);
    if (encoded)
        parsed.position = () => keyPos; // base64 has no line structure to point into
    const problems = parsed.diagnostics.map((d) => ({
        ...d,
        message: `${d.message} (in values key "${key}")`,
    }));
    if (problems.length > 0) {
        // kapp-controller hands every key to ytt as a data-values file: each one must parse.
        diagnostics.push(...problems);
        return undefined;
    }
    const docs = parsed.documents.map((d) => d.value);
    const value = docs.reduce((acc, v) => (isObject(acc) && isObject(v) ? mergeDataValues(acc, v) : (v ?? acc)), undefined);
    if (value !== undefined && !isObject(value)) {
        diagnostics.push((0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_1__/* .error */ .z3)('values.not-a-map', `values key "${key}" must hold a YAML mapping of values`, file, parsed.position(0)));
        return undefined;
    }
    return { key, parsed, value: value ?? {} };
}
/**
 * Where a scalar's content starts in the file. A block scalar's text begins on the line after its
 * header (`|`, `|-`, `|2`), with the block's indentation removed from every line.
 */
function scalarOrigin(text, node) {
    const start = node.range?.[0] ?? 0;
    const headerLine = lineOf(text, start);
    if (node.type !== yaml__WEBPACK_IMPORTED_MODULE_0__/* .Scalar */ .X5.BLOCK_LITERAL && node.type !== yaml__WEBPACK_IMPORTED_MODULE_0__/* .Scalar */ .X5.BLOCK_FOLDED) {
        const column = start - text.lastIndexOf('\n', start - 1);
        const quoted = node.type === yaml__WEBPACK_IMPORTED_MODULE_0__/* .Scalar */ .X5.QUOTE_DOUBLE || node.type === yaml__WEBPACK_IMPORTED_MODULE_0__/* .Scalar */ .X5.QUOTE_SINGLE ? 1 : 0;
        return { lineOffset: headerLine - 1, columnOffset: column - 1 + quoted };
    }
    const header = text.slice(start, text.indexOf('\n', start) === -1 ? text.length : text.indexOf('\n', start));
    const explicit = /[1-9]/.exec(header);
    let indent = 0;
    if (explicit) {
        indent = lineIndent(text, start) + Number(explicit[0]);
    }
    else {
        const rest = text.slice(text.indexOf('\n', start) + 1).split('\n');
        const firstContent = rest.find((l) => l.trim() !== '');
        indent = firstContent ? firstContent.length - firstContent.trimStart().length : 0;
    }
    return { lineOffset: headerLine, columnOffset: indent };
}
function lineOf(text, offset) {
    let line = 1;
    for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1))
        line++;
    return line;
}
function lineIndent(text, offset) {
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    const line = text.slice(lineStart);
    return line.length - line.trimStart().length;
}
/**
 * ytt data-values merge: maps merge key by key, everything else (arrays included) is replaced. Keys
 * are defined, never assigned: a key named `__proto__` stays a key (assigning it would set the
 * object's prototype, and the key would vanish from what the schema check sees).
 */
function mergeDataValues(target, source) {
    for (const key of Object.keys(source)) {
        const value = source[key];
        const current = Object.hasOwn(target, key) ? target[key] : undefined;
        const merged = isObject(current) && isObject(value) ? mergeDataValues(copyMap(current), value) : value;
        Object.defineProperty(target, key, {
            value: merged,
            enumerable: true,
            writable: true,
            configurable: true,
        });
    }
    return target;
}
function copyMap(map) {
    return mergeDataValues({}, map);
}
/** Where a values path points in params.yaml: the entry whose key last set it, else the values key itself. */
function locateValuesPath(secret, path) {
    for (let i = secret.entries.length - 1; i >= 0; i--) {
        const entry = secret.entries[i];
        for (let d = entry.parsed.documents.length - 1; d >= 0; d--) {
            const { doc } = entry.parsed.documents[d];
            if (path.length === 0 || doc.hasIn(path.slice(0, 1)))
                return { parsed: entry.parsed, doc };
        }
    }
    const last = secret.entries[secret.entries.length - 1];
    return last ? { parsed: last.parsed, doc: last.parsed.documents[0]?.doc } : undefined;
}


/***/ }),

/***/ 6400:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  g2: () => (/* binding */ CONFIG_FILE),
  zR: () => (/* binding */ DEFAULT_LAYOUT),
  Z9: () => (/* binding */ loadConfig),
  o4: () => (/* binding */ parseConfig),
  zc: () => (/* binding */ settingsFor)
});

// UNUSED EXPORTS: BUILT_IN_SETTINGS, DEFAULT_CONFIG, DEFAULT_POLICY, DEFAULT_PROMOTION, layoutPathProblem

// EXTERNAL MODULE: ./src/carvel/names.ts
var names = __webpack_require__(3129);
// EXTERNAL MODULE: ./src/diagnostics.ts
var src_diagnostics = __webpack_require__(4851);
// EXTERNAL MODULE: ./src/repo/paths.ts
var paths = __webpack_require__(2711);
// EXTERNAL MODULE: ./src/repo/snapshot.ts
var repo_snapshot = __webpack_require__(5218);
// EXTERNAL MODULE: ./src/yaml/parse.ts
var parse = __webpack_require__(420);
;// CONCATENATED MODULE: ./src/config/config-validator.generated.ts
// @ts-nocheck
// Generated by scripts/compile-schemas.ts from src/config/schema.ts: do not edit.

const validate = (/* unused pure expression or super */ null && (validate10));
/* harmony default export */ const config_validator_generated = (validate10);
const schema11 = { "$schema": "http://json-schema.org/draft-07/schema#", "$id": "https://github.com/flux-pkg-action/flux-pkg-action/schema/flux-pkg.schema.json", "title": "flux-pkg.yaml", "description": "Repository configuration for flux-pkg-action: the ordered environments of the gitops repo, how each receives Package versions, and the defaults for what the action generates.", "type": "object", "additionalProperties": false, "properties": { "layout": { "description": "Where things live in the gitops repo. Defaults follow Tanzu Application Platform's layout.", "type": "object", "additionalProperties": false, "properties": { "componentsPath": { "description": "Folder holding the components, relative to the repo root ('' = the root): no '..', no leading or doubled '/', no backslash, not in .github/ or .git/.", "$ref": "#/definitions/relativePath", "default": "" }, "packagesDir": { "description": "Folder under a component holding its Package files (one folder name).", "$ref": "#/definitions/fileName", "default": "packages" }, "packageInstallFile": { "description": "The PackageInstall's file name in an environment folder (one file name).", "$ref": "#/definitions/fileName", "default": "packageinstall.yaml" }, "valuesSecretFile": { "description": "The values Secret's file name in an environment folder (one file name).", "$ref": "#/definitions/fileName", "default": "params.yaml" }, "valuesKey": { "description": "The stringData key of the values Secret that holds the values YAML (TAP: values.yaml); a Kubernetes Secret key.", "$ref": "#/definitions/secretKey", "default": "values.yaml" }, "brainPath": { "description": "Folder the Brain cluster's own Flux syncs; bootstrap writes each component's Flux objects to <brainPath>/<component> (the same path rules as componentsPath, not empty).", "$ref": "#/definitions/folderPath", "default": "clusters/brain" }, "rbacFolder": { "description": "Name of an environment's RBAC folder under its component (one name, with {environment} replaced; it must contain {environment}).", "$ref": "#/definitions/rbacFolder", "default": "{environment}-rbac" } } }, "prFlow": { "description": "How pull requests are cut: per-component (one per component and environment) or per-environment (one per environment, holding every component a push changed). The pr-flow input wins.", "enum": ["per-component", "per-environment"], "default": "per-component" }, "defaults": { "description": "Settings every environment and component starts from.", "$ref": "#/definitions/settings" }, "promotion": { "description": "How versions move along promoteFrom chains.", "type": "object", "additionalProperties": false, "properties": { "overrideLabels": { "description": "Pull request labels that allow an out-of-order promotion (an environment getting a version its promoteFrom environment does not have at the base). The job summary reports every override.", "type": "array", "items": { "type": "string", "minLength": 1 }, "default": ["hotfix"] }, "healthKustomization": { "description": "The Flux Kustomization whose commit status (context kustomization/<name>/<id>) says an environment is healthy, with {component} and {environment} replaced (bootstrap's naming by default).", "type": "string", "minLength": 1, "default": "{component}-{environment}-packageinstalls" }, "statusCreators": { "description": "GitHub logins whose commit statuses may promote (the account of the token in the Flux Provider's Secret, e.g. flux-bot or my-app[bot]). Required when an environment uses promoteWhen: healthy; a status from anyone else is ignored. Read from the base branch.", "type": "array", "items": { "type": "string", "pattern": "^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\\[bot\\])?$" } }, "statusContext": { "description": "The commit status context of an environment's health, for a Provider with spec.commitStatusExpr, with {kustomization}, {component} and {environment} replaced. Absent: notification-controller's default kustomization/<healthKustomization>/<provider id>.", "type": "string", "minLength": 1, "maxLength": 255 } } }, "policy": { "description": "What the gate lets RBAC folders and Brain folders hold. Read from the base branch only: a pull request never loosens the policy it is judged by.", "type": "object", "additionalProperties": false, "properties": { "allowClusterScope": { "description": "Components (or \"*\" for all) whose RBAC and Brain folders may hold ClusterRoles, ClusterRoleBindings, bindings to cluster-admin/admin/edit and \"*\" in RBAC rules (Packages that install CRDs need cluster scope). Bootstrap accepts rbac.extraRules with \"*\" for them too.", "type": "array", "items": { "type": "string", "pattern": "^(?:[*]|[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*)$", "maxLength": 253 } } } }, "environments": { "description": "The environments, in promotion order. Without this list, environments are the existing folders under each component and all take new versions directly.", "type": "array", "items": { "allOf": [{ "$ref": "#/definitions/settings" }, { "type": "object", "required": ["name"], "properties": { "name": { "description": "The environment's folder name under each component.", "$ref": "#/definitions/dnsLabel" }, "promoteFrom": { "description": "Take versions only from this other environment (promotion). Absent: take new Package versions directly.", "$ref": "#/definitions/dnsLabel" }, "promoteWhen": { "description": "When a version moves on from promoteFrom: merged (default) once it is merged there; healthy once Flux reports the promoteFrom environment healthy for the commit that holds it (a commit status).", "enum": ["merged", "healthy"] } } }] } }, "components": { "description": "Per-component settings, keyed by component folder name.", "type": "object", "propertyNames": { "$ref": "#/definitions/dnsSubdomain" }, "additionalProperties": { "description": "A component's settings: those of an environment, and the environments it goes to.", "allOf": [{ "$ref": "#/definitions/settings" }, { "type": "object", "properties": { "environments": { "description": "Deliver this component only to these environments.", "type": "array", "items": { "$ref": "#/definitions/dnsLabel" } } } }] } } }, "definitions": { "relativePath": { "type": "string", "pattern": "^(?:(?![.][Gg][Ii][Tt](?:[Hh][Uu][Bb])?(?:/|$))(?!\\.\\.?(?:/|$))[^/\\\\\\u0000-\\u001f\\u007f]+(?:/(?!\\.\\.?(?:/|$))[^/\\\\\\u0000-\\u001f\\u007f]+)*)?$" }, "fileName": { "type": "string", "pattern": "^(?!\\.\\.?(?:/|$))[^/\\\\\\u0000-\\u001f\\u007f]+$" }, "folderPath": { "type": "string", "pattern": "^(?![.][Gg][Ii][Tt](?:[Hh][Uu][Bb])?(?:/|$))(?!\\.\\.?(?:/|$))[^/\\\\\\u0000-\\u001f\\u007f]+(?:/(?!\\.\\.?(?:/|$))[^/\\\\\\u0000-\\u001f\\u007f]+)*$" }, "rbacFolder": { "type": "string", "pattern": "^(?=[^/]*[{]environment[}])(?!\\.\\.?(?:/|$))[^/\\\\\\u0000-\\u001f\\u007f]+$" }, "secretKey": { "type": "string", "pattern": "^(?!\\.\\.?$)[-._a-zA-Z0-9]+$", "maxLength": 253 }, "dnsLabel": { "type": "string", "pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", "maxLength": 63 }, "dnsSubdomain": { "type": "string", "pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", "maxLength": 253 }, "settings": { "type": "object", "properties": { "name": true, "promoteFrom": true, "promoteWhen": true, "environments": true, "constraint": { "description": "The PackageInstall's versionSelection.constraints, with {version} replaced by the Package version. \"{version}\" pins the exact version (default); \">={version}\" follows every newer version (continuous delivery).", "type": "string", "minLength": 1, "default": "{version}" }, "prereleases": { "description": "versionSelection.prereleases: false (default) hides prereleases, true allows all, a list allows those identifiers.", "oneOf": [{ "type": "boolean" }, { "type": "array", "items": { "type": "string", "minLength": 1 } }] }, "serviceAccountName": { "description": "The ServiceAccount kapp-controller uses to install the package in the run cluster.", "$ref": "#/definitions/dnsSubdomain" }, "namespace": { "description": "metadata.namespace of the generated PackageInstall and Secret. Absent: left to Flux's targetNamespace.", "$ref": "#/definitions/dnsLabel" }, "packageInstallName": { "description": "Name of the PackageInstall, with {component} replaced (default: the component).", "type": "string" }, "valuesSecretName": { "description": "Name of the values Secret, with {component} replaced (default: {component}-values).", "type": "string" }, "kubeconfigSecret": { "description": "The Secret on the Brain cluster holding this environment's kubeconfig (bootstrap).", "$ref": "#/definitions/dnsSubdomain" }, "targetNamespace": { "description": "Flux Kustomization targetNamespace (bootstrap).", "$ref": "#/definitions/dnsLabel" }, "secretFormat": { "description": "How install writes the values Secret: plain stringData, or encrypted with SOPS + age (apiVersion, kind and metadata stay readable; recipients from .sops.yaml, else sopsAgeRecipients).", "enum": ["plain", "sops"] }, "requireEncryption": { "description": "A values Secret in plain text is an error rather than a warning (install and validate).", "type": "boolean" }, "sopsAgeRecipients": { "description": "age recipients (age1…) to encrypt the values Secret for when no .sops.yaml creation rule matches its path. The sops-age-recipients input wins.", "type": "array", "items": { "type": "string", "pattern": "^age1(pq1)?[0-9a-z]+$" } }, "fluxApiVersion": { "description": "Flux API version for bootstrap.", "enum": ["v1", "v1beta2"] }, "labels": { "description": "Labels added to the pull requests.", "type": "array", "items": { "type": "string", "minLength": 1 } }, "reviewers": { "description": "Users asked to review the pull requests.", "type": "array", "items": { "type": "string", "minLength": 1 } }, "teamReviewers": { "description": "Teams (slugs) asked to review the pull requests.", "type": "array", "items": { "type": "string", "minLength": 1 } }, "autoMerge": { "description": "Enable auto-merge on the pull request with this merge method.", "enum": [false, "merge", "squash", "rebase"] }, "fluxNamespace": { "description": "Namespace of the Brain cluster's Flux objects and the Secrets they name (bootstrap; default flux-system). The flux-namespace input wins.", "$ref": "#/definitions/dnsLabel" }, "fluxServiceAccountName": { "description": "The ServiceAccount Flux impersonates on the run cluster, in the Flux namespace (bootstrap; default <component>-flux).", "$ref": "#/definitions/dnsSubdomain" }, "gitSecretName": { "description": "The Secret with git credentials the GitRepository reads (bootstrap; default <component>-gitops-auth). The git-secret-name input wins.", "$ref": "#/definitions/dnsSubdomain" }, "sopsAgeSecretName": { "description": "The Secret holding the SOPS age key Flux decrypts values Secrets with, when secretFormat is sops (bootstrap; default sops-age).", "$ref": "#/definitions/dnsSubdomain" }, "rbac": { "description": "Run-cluster RBAC that bootstrap generates.", "type": "object", "additionalProperties": false, "properties": { "extraRules": { "description": "Rules added to the Role kapp-controller installs the Package with, for what the Package deploys (beside the ConfigMap rule kapp needs). Rules of defaults, the environment and the component add up.", "type": "array", "items": { "description": "A Kubernetes RBAC PolicyRule.", "type": "object", "required": ["apiGroups", "resources", "verbs"], "additionalProperties": false, "properties": { "apiGroups": { "description": "API groups ('' is the core group).", "type": "array", "items": { "type": "string" } }, "resources": { "description": "Resources, e.g. deployments.", "type": "array", "minItems": 1, "items": { "type": "string", "minLength": 1 } }, "verbs": { "description": "Verbs, e.g. get, list, create.", "type": "array", "minItems": 1, "items": { "type": "string", "minLength": 1 } }, "resourceNames": { "description": "Only these objects.", "type": "array", "items": { "type": "string", "minLength": 1 } } } } } } } }, "additionalProperties": false } } };
const schema12 = { "type": "string", "pattern": "^(?:(?![.][Gg][Ii][Tt](?:[Hh][Uu][Bb])?(?:/|$))(?!\\.\\.?(?:/|$))[^/\\\\\\u0000-\\u001f\\u007f]+(?:/(?!\\.\\.?(?:/|$))[^/\\\\\\u0000-\\u001f\\u007f]+)*)?$" };
const schema13 = { "type": "string", "pattern": "^(?!\\.\\.?(?:/|$))[^/\\\\\\u0000-\\u001f\\u007f]+$" };
const schema16 = { "type": "string", "pattern": "^(?!\\.\\.?$)[-._a-zA-Z0-9]+$", "maxLength": 253 };
const schema17 = { "type": "string", "pattern": "^(?![.][Gg][Ii][Tt](?:[Hh][Uu][Bb])?(?:/|$))(?!\\.\\.?(?:/|$))[^/\\\\\\u0000-\\u001f\\u007f]+(?:/(?!\\.\\.?(?:/|$))[^/\\\\\\u0000-\\u001f\\u007f]+)*$" };
const schema18 = { "type": "string", "pattern": "^(?=[^/]*[{]environment[}])(?!\\.\\.?(?:/|$))[^/\\\\\\u0000-\\u001f\\u007f]+$" };
const schema21 = { "type": "string", "pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", "maxLength": 63 };
const schema20 = { "type": "string", "pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", "maxLength": 253 };
const pattern0 = new RegExp("^(?:(?![.][Gg][Ii][Tt](?:[Hh][Uu][Bb])?(?:/|$))(?!\\.\\.?(?:/|$))[^/\\\\\\u0000-\\u001f\\u007f]+(?:/(?!\\.\\.?(?:/|$))[^/\\\\\\u0000-\\u001f\\u007f]+)*)?$", "u");
const pattern1 = new RegExp("^(?!\\.\\.?(?:/|$))[^/\\\\\\u0000-\\u001f\\u007f]+$", "u");
const pattern4 = new RegExp("^(?!\\.\\.?$)[-._a-zA-Z0-9]+$", "u");
const pattern5 = new RegExp("^(?![.][Gg][Ii][Tt](?:[Hh][Uu][Bb])?(?:/|$))(?!\\.\\.?(?:/|$))[^/\\\\\\u0000-\\u001f\\u007f]+(?:/(?!\\.\\.?(?:/|$))[^/\\\\\\u0000-\\u001f\\u007f]+)*$", "u");
const pattern6 = new RegExp("^(?=[^/]*[{]environment[}])(?!\\.\\.?(?:/|$))[^/\\\\\\u0000-\\u001f\\u007f]+$", "u");
const pattern16 = new RegExp("^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\\[bot\\])?$", "u");
const pattern17 = new RegExp("^(?:[*]|[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*)$", "u");
const pattern8 = new RegExp("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", "u");
const pattern7 = new RegExp("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", "u");
const func2 = function ucs2length(str) {
    const len = str.length;
    let length = 0;
    let pos = 0;
    let value;
    while (pos < len) {
        length++;
        value = str.charCodeAt(pos++);
        if (value >= 0xd800 && value <= 0xdbff && pos < len) {
            // high surrogate, and there is a next character
            value = str.charCodeAt(pos);
            if ((value & 0xfc00) === 0xdc00)
                pos++; // low surrogate
        }
    }
    return length;
};
const schema19 = { "type": "object", "properties": { "name": true, "promoteFrom": true, "promoteWhen": true, "environments": true, "constraint": { "description": "The PackageInstall's versionSelection.constraints, with {version} replaced by the Package version. \"{version}\" pins the exact version (default); \">={version}\" follows every newer version (continuous delivery).", "type": "string", "minLength": 1, "default": "{version}" }, "prereleases": { "description": "versionSelection.prereleases: false (default) hides prereleases, true allows all, a list allows those identifiers.", "oneOf": [{ "type": "boolean" }, { "type": "array", "items": { "type": "string", "minLength": 1 } }] }, "serviceAccountName": { "description": "The ServiceAccount kapp-controller uses to install the package in the run cluster.", "$ref": "#/definitions/dnsSubdomain" }, "namespace": { "description": "metadata.namespace of the generated PackageInstall and Secret. Absent: left to Flux's targetNamespace.", "$ref": "#/definitions/dnsLabel" }, "packageInstallName": { "description": "Name of the PackageInstall, with {component} replaced (default: the component).", "type": "string" }, "valuesSecretName": { "description": "Name of the values Secret, with {component} replaced (default: {component}-values).", "type": "string" }, "kubeconfigSecret": { "description": "The Secret on the Brain cluster holding this environment's kubeconfig (bootstrap).", "$ref": "#/definitions/dnsSubdomain" }, "targetNamespace": { "description": "Flux Kustomization targetNamespace (bootstrap).", "$ref": "#/definitions/dnsLabel" }, "secretFormat": { "description": "How install writes the values Secret: plain stringData, or encrypted with SOPS + age (apiVersion, kind and metadata stay readable; recipients from .sops.yaml, else sopsAgeRecipients).", "enum": ["plain", "sops"] }, "requireEncryption": { "description": "A values Secret in plain text is an error rather than a warning (install and validate).", "type": "boolean" }, "sopsAgeRecipients": { "description": "age recipients (age1…) to encrypt the values Secret for when no .sops.yaml creation rule matches its path. The sops-age-recipients input wins.", "type": "array", "items": { "type": "string", "pattern": "^age1(pq1)?[0-9a-z]+$" } }, "fluxApiVersion": { "description": "Flux API version for bootstrap.", "enum": ["v1", "v1beta2"] }, "labels": { "description": "Labels added to the pull requests.", "type": "array", "items": { "type": "string", "minLength": 1 } }, "reviewers": { "description": "Users asked to review the pull requests.", "type": "array", "items": { "type": "string", "minLength": 1 } }, "teamReviewers": { "description": "Teams (slugs) asked to review the pull requests.", "type": "array", "items": { "type": "string", "minLength": 1 } }, "autoMerge": { "description": "Enable auto-merge on the pull request with this merge method.", "enum": [false, "merge", "squash", "rebase"] }, "fluxNamespace": { "description": "Namespace of the Brain cluster's Flux objects and the Secrets they name (bootstrap; default flux-system). The flux-namespace input wins.", "$ref": "#/definitions/dnsLabel" }, "fluxServiceAccountName": { "description": "The ServiceAccount Flux impersonates on the run cluster, in the Flux namespace (bootstrap; default <component>-flux).", "$ref": "#/definitions/dnsSubdomain" }, "gitSecretName": { "description": "The Secret with git credentials the GitRepository reads (bootstrap; default <component>-gitops-auth). The git-secret-name input wins.", "$ref": "#/definitions/dnsSubdomain" }, "sopsAgeSecretName": { "description": "The Secret holding the SOPS age key Flux decrypts values Secrets with, when secretFormat is sops (bootstrap; default sops-age).", "$ref": "#/definitions/dnsSubdomain" }, "rbac": { "description": "Run-cluster RBAC that bootstrap generates.", "type": "object", "additionalProperties": false, "properties": { "extraRules": { "description": "Rules added to the Role kapp-controller installs the Package with, for what the Package deploys (beside the ConfigMap rule kapp needs). Rules of defaults, the environment and the component add up.", "type": "array", "items": { "description": "A Kubernetes RBAC PolicyRule.", "type": "object", "required": ["apiGroups", "resources", "verbs"], "additionalProperties": false, "properties": { "apiGroups": { "description": "API groups ('' is the core group).", "type": "array", "items": { "type": "string" } }, "resources": { "description": "Resources, e.g. deployments.", "type": "array", "minItems": 1, "items": { "type": "string", "minLength": 1 } }, "verbs": { "description": "Verbs, e.g. get, list, create.", "type": "array", "minItems": 1, "items": { "type": "string", "minLength": 1 } }, "resourceNames": { "description": "Only these objects.", "type": "array", "items": { "type": "string", "minLength": 1 } } } } } } } }, "additionalProperties": false };
const func3 = Object.prototype.hasOwnProperty;
const pattern11 = new RegExp("^age1(pq1)?[0-9a-z]+$", "u");
function validate11(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { let vErrors = null; let errors = 0; if (data && typeof data == "object" && !Array.isArray(data)) {
    for (const key0 in data) {
        if (!(func3.call(schema19.properties, key0))) {
            const err0 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
                vErrors = [err0];
            }
            else {
                vErrors.push(err0);
            }
            errors++;
        }
    }
    if (data.constraint !== undefined) {
        let data0 = data.constraint;
        if (typeof data0 === "string") {
            if (func2(data0) < 1) {
                const err1 = { instancePath: instancePath + "/constraint", schemaPath: "#/properties/constraint/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                if (vErrors === null) {
                    vErrors = [err1];
                }
                else {
                    vErrors.push(err1);
                }
                errors++;
            }
        }
        else {
            const err2 = { instancePath: instancePath + "/constraint", schemaPath: "#/properties/constraint/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err2];
            }
            else {
                vErrors.push(err2);
            }
            errors++;
        }
    }
    if (data.prereleases !== undefined) {
        let data1 = data.prereleases;
        const _errs5 = errors;
        let valid1 = false;
        let passing0 = null;
        const _errs6 = errors;
        if (typeof data1 !== "boolean") {
            const err3 = { instancePath: instancePath + "/prereleases", schemaPath: "#/properties/prereleases/oneOf/0/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
            if (vErrors === null) {
                vErrors = [err3];
            }
            else {
                vErrors.push(err3);
            }
            errors++;
        }
        var _valid0 = _errs6 === errors;
        if (_valid0) {
            valid1 = true;
            passing0 = 0;
        }
        const _errs8 = errors;
        if (Array.isArray(data1)) {
            const len0 = data1.length;
            for (let i0 = 0; i0 < len0; i0++) {
                let data2 = data1[i0];
                if (typeof data2 === "string") {
                    if (func2(data2) < 1) {
                        const err4 = { instancePath: instancePath + "/prereleases/" + i0, schemaPath: "#/properties/prereleases/oneOf/1/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                        if (vErrors === null) {
                            vErrors = [err4];
                        }
                        else {
                            vErrors.push(err4);
                        }
                        errors++;
                    }
                }
                else {
                    const err5 = { instancePath: instancePath + "/prereleases/" + i0, schemaPath: "#/properties/prereleases/oneOf/1/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err5];
                    }
                    else {
                        vErrors.push(err5);
                    }
                    errors++;
                }
            }
        }
        else {
            const err6 = { instancePath: instancePath + "/prereleases", schemaPath: "#/properties/prereleases/oneOf/1/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err6];
            }
            else {
                vErrors.push(err6);
            }
            errors++;
        }
        var _valid0 = _errs8 === errors;
        if (_valid0 && valid1) {
            valid1 = false;
            passing0 = [passing0, 1];
        }
        else {
            if (_valid0) {
                valid1 = true;
                passing0 = 1;
            }
        }
        if (!valid1) {
            const err7 = { instancePath: instancePath + "/prereleases", schemaPath: "#/properties/prereleases/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf" };
            if (vErrors === null) {
                vErrors = [err7];
            }
            else {
                vErrors.push(err7);
            }
            errors++;
        }
        else {
            errors = _errs5;
            if (vErrors !== null) {
                if (_errs5) {
                    vErrors.length = _errs5;
                }
                else {
                    vErrors = null;
                }
            }
        }
    }
    if (data.serviceAccountName !== undefined) {
        let data3 = data.serviceAccountName;
        if (typeof data3 === "string") {
            if (func2(data3) > 253) {
                const err8 = { instancePath: instancePath + "/serviceAccountName", schemaPath: "#/definitions/dnsSubdomain/maxLength", keyword: "maxLength", params: { limit: 253 }, message: "must NOT have more than 253 characters" };
                if (vErrors === null) {
                    vErrors = [err8];
                }
                else {
                    vErrors.push(err8);
                }
                errors++;
            }
            if (!pattern7.test(data3)) {
                const err9 = { instancePath: instancePath + "/serviceAccountName", schemaPath: "#/definitions/dnsSubdomain/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$" }, message: "must match pattern \"" + "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$" + "\"" };
                if (vErrors === null) {
                    vErrors = [err9];
                }
                else {
                    vErrors.push(err9);
                }
                errors++;
            }
        }
        else {
            const err10 = { instancePath: instancePath + "/serviceAccountName", schemaPath: "#/definitions/dnsSubdomain/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err10];
            }
            else {
                vErrors.push(err10);
            }
            errors++;
        }
    }
    if (data.namespace !== undefined) {
        let data4 = data.namespace;
        if (typeof data4 === "string") {
            if (func2(data4) > 63) {
                const err11 = { instancePath: instancePath + "/namespace", schemaPath: "#/definitions/dnsLabel/maxLength", keyword: "maxLength", params: { limit: 63 }, message: "must NOT have more than 63 characters" };
                if (vErrors === null) {
                    vErrors = [err11];
                }
                else {
                    vErrors.push(err11);
                }
                errors++;
            }
            if (!pattern8.test(data4)) {
                const err12 = { instancePath: instancePath + "/namespace", schemaPath: "#/definitions/dnsLabel/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$" }, message: "must match pattern \"" + "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$" + "\"" };
                if (vErrors === null) {
                    vErrors = [err12];
                }
                else {
                    vErrors.push(err12);
                }
                errors++;
            }
        }
        else {
            const err13 = { instancePath: instancePath + "/namespace", schemaPath: "#/definitions/dnsLabel/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err13];
            }
            else {
                vErrors.push(err13);
            }
            errors++;
        }
    }
    if (data.packageInstallName !== undefined) {
        if (typeof data.packageInstallName !== "string") {
            const err14 = { instancePath: instancePath + "/packageInstallName", schemaPath: "#/properties/packageInstallName/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err14];
            }
            else {
                vErrors.push(err14);
            }
            errors++;
        }
    }
    if (data.valuesSecretName !== undefined) {
        if (typeof data.valuesSecretName !== "string") {
            const err15 = { instancePath: instancePath + "/valuesSecretName", schemaPath: "#/properties/valuesSecretName/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err15];
            }
            else {
                vErrors.push(err15);
            }
            errors++;
        }
    }
    if (data.kubeconfigSecret !== undefined) {
        let data7 = data.kubeconfigSecret;
        if (typeof data7 === "string") {
            if (func2(data7) > 253) {
                const err16 = { instancePath: instancePath + "/kubeconfigSecret", schemaPath: "#/definitions/dnsSubdomain/maxLength", keyword: "maxLength", params: { limit: 253 }, message: "must NOT have more than 253 characters" };
                if (vErrors === null) {
                    vErrors = [err16];
                }
                else {
                    vErrors.push(err16);
                }
                errors++;
            }
            if (!pattern7.test(data7)) {
                const err17 = { instancePath: instancePath + "/kubeconfigSecret", schemaPath: "#/definitions/dnsSubdomain/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$" }, message: "must match pattern \"" + "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$" + "\"" };
                if (vErrors === null) {
                    vErrors = [err17];
                }
                else {
                    vErrors.push(err17);
                }
                errors++;
            }
        }
        else {
            const err18 = { instancePath: instancePath + "/kubeconfigSecret", schemaPath: "#/definitions/dnsSubdomain/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err18];
            }
            else {
                vErrors.push(err18);
            }
            errors++;
        }
    }
    if (data.targetNamespace !== undefined) {
        let data8 = data.targetNamespace;
        if (typeof data8 === "string") {
            if (func2(data8) > 63) {
                const err19 = { instancePath: instancePath + "/targetNamespace", schemaPath: "#/definitions/dnsLabel/maxLength", keyword: "maxLength", params: { limit: 63 }, message: "must NOT have more than 63 characters" };
                if (vErrors === null) {
                    vErrors = [err19];
                }
                else {
                    vErrors.push(err19);
                }
                errors++;
            }
            if (!pattern8.test(data8)) {
                const err20 = { instancePath: instancePath + "/targetNamespace", schemaPath: "#/definitions/dnsLabel/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$" }, message: "must match pattern \"" + "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$" + "\"" };
                if (vErrors === null) {
                    vErrors = [err20];
                }
                else {
                    vErrors.push(err20);
                }
                errors++;
            }
        }
        else {
            const err21 = { instancePath: instancePath + "/targetNamespace", schemaPath: "#/definitions/dnsLabel/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err21];
            }
            else {
                vErrors.push(err21);
            }
            errors++;
        }
    }
    if (data.secretFormat !== undefined) {
        let data9 = data.secretFormat;
        if (!((data9 === "plain") || (data9 === "sops"))) {
            const err22 = { instancePath: instancePath + "/secretFormat", schemaPath: "#/properties/secretFormat/enum", keyword: "enum", params: { allowedValues: schema19.properties.secretFormat.enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
                vErrors = [err22];
            }
            else {
                vErrors.push(err22);
            }
            errors++;
        }
    }
    if (data.requireEncryption !== undefined) {
        if (typeof data.requireEncryption !== "boolean") {
            const err23 = { instancePath: instancePath + "/requireEncryption", schemaPath: "#/properties/requireEncryption/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
            if (vErrors === null) {
                vErrors = [err23];
            }
            else {
                vErrors.push(err23);
            }
            errors++;
        }
    }
    if (data.sopsAgeRecipients !== undefined) {
        let data11 = data.sopsAgeRecipients;
        if (Array.isArray(data11)) {
            const len1 = data11.length;
            for (let i1 = 0; i1 < len1; i1++) {
                let data12 = data11[i1];
                if (typeof data12 === "string") {
                    if (!pattern11.test(data12)) {
                        const err24 = { instancePath: instancePath + "/sopsAgeRecipients/" + i1, schemaPath: "#/properties/sopsAgeRecipients/items/pattern", keyword: "pattern", params: { pattern: "^age1(pq1)?[0-9a-z]+$" }, message: "must match pattern \"" + "^age1(pq1)?[0-9a-z]+$" + "\"" };
                        if (vErrors === null) {
                            vErrors = [err24];
                        }
                        else {
                            vErrors.push(err24);
                        }
                        errors++;
                    }
                }
                else {
                    const err25 = { instancePath: instancePath + "/sopsAgeRecipients/" + i1, schemaPath: "#/properties/sopsAgeRecipients/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err25];
                    }
                    else {
                        vErrors.push(err25);
                    }
                    errors++;
                }
            }
        }
        else {
            const err26 = { instancePath: instancePath + "/sopsAgeRecipients", schemaPath: "#/properties/sopsAgeRecipients/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err26];
            }
            else {
                vErrors.push(err26);
            }
            errors++;
        }
    }
    if (data.fluxApiVersion !== undefined) {
        let data13 = data.fluxApiVersion;
        if (!((data13 === "v1") || (data13 === "v1beta2"))) {
            const err27 = { instancePath: instancePath + "/fluxApiVersion", schemaPath: "#/properties/fluxApiVersion/enum", keyword: "enum", params: { allowedValues: schema19.properties.fluxApiVersion.enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
                vErrors = [err27];
            }
            else {
                vErrors.push(err27);
            }
            errors++;
        }
    }
    if (data.labels !== undefined) {
        let data14 = data.labels;
        if (Array.isArray(data14)) {
            const len2 = data14.length;
            for (let i2 = 0; i2 < len2; i2++) {
                let data15 = data14[i2];
                if (typeof data15 === "string") {
                    if (func2(data15) < 1) {
                        const err28 = { instancePath: instancePath + "/labels/" + i2, schemaPath: "#/properties/labels/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                        if (vErrors === null) {
                            vErrors = [err28];
                        }
                        else {
                            vErrors.push(err28);
                        }
                        errors++;
                    }
                }
                else {
                    const err29 = { instancePath: instancePath + "/labels/" + i2, schemaPath: "#/properties/labels/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err29];
                    }
                    else {
                        vErrors.push(err29);
                    }
                    errors++;
                }
            }
        }
        else {
            const err30 = { instancePath: instancePath + "/labels", schemaPath: "#/properties/labels/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err30];
            }
            else {
                vErrors.push(err30);
            }
            errors++;
        }
    }
    if (data.reviewers !== undefined) {
        let data16 = data.reviewers;
        if (Array.isArray(data16)) {
            const len3 = data16.length;
            for (let i3 = 0; i3 < len3; i3++) {
                let data17 = data16[i3];
                if (typeof data17 === "string") {
                    if (func2(data17) < 1) {
                        const err31 = { instancePath: instancePath + "/reviewers/" + i3, schemaPath: "#/properties/reviewers/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                        if (vErrors === null) {
                            vErrors = [err31];
                        }
                        else {
                            vErrors.push(err31);
                        }
                        errors++;
                    }
                }
                else {
                    const err32 = { instancePath: instancePath + "/reviewers/" + i3, schemaPath: "#/properties/reviewers/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err32];
                    }
                    else {
                        vErrors.push(err32);
                    }
                    errors++;
                }
            }
        }
        else {
            const err33 = { instancePath: instancePath + "/reviewers", schemaPath: "#/properties/reviewers/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err33];
            }
            else {
                vErrors.push(err33);
            }
            errors++;
        }
    }
    if (data.teamReviewers !== undefined) {
        let data18 = data.teamReviewers;
        if (Array.isArray(data18)) {
            const len4 = data18.length;
            for (let i4 = 0; i4 < len4; i4++) {
                let data19 = data18[i4];
                if (typeof data19 === "string") {
                    if (func2(data19) < 1) {
                        const err34 = { instancePath: instancePath + "/teamReviewers/" + i4, schemaPath: "#/properties/teamReviewers/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                        if (vErrors === null) {
                            vErrors = [err34];
                        }
                        else {
                            vErrors.push(err34);
                        }
                        errors++;
                    }
                }
                else {
                    const err35 = { instancePath: instancePath + "/teamReviewers/" + i4, schemaPath: "#/properties/teamReviewers/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err35];
                    }
                    else {
                        vErrors.push(err35);
                    }
                    errors++;
                }
            }
        }
        else {
            const err36 = { instancePath: instancePath + "/teamReviewers", schemaPath: "#/properties/teamReviewers/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err36];
            }
            else {
                vErrors.push(err36);
            }
            errors++;
        }
    }
    if (data.autoMerge !== undefined) {
        let data20 = data.autoMerge;
        if (!((((data20 === false) || (data20 === "merge")) || (data20 === "squash")) || (data20 === "rebase"))) {
            const err37 = { instancePath: instancePath + "/autoMerge", schemaPath: "#/properties/autoMerge/enum", keyword: "enum", params: { allowedValues: schema19.properties.autoMerge.enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
                vErrors = [err37];
            }
            else {
                vErrors.push(err37);
            }
            errors++;
        }
    }
    if (data.fluxNamespace !== undefined) {
        let data21 = data.fluxNamespace;
        if (typeof data21 === "string") {
            if (func2(data21) > 63) {
                const err38 = { instancePath: instancePath + "/fluxNamespace", schemaPath: "#/definitions/dnsLabel/maxLength", keyword: "maxLength", params: { limit: 63 }, message: "must NOT have more than 63 characters" };
                if (vErrors === null) {
                    vErrors = [err38];
                }
                else {
                    vErrors.push(err38);
                }
                errors++;
            }
            if (!pattern8.test(data21)) {
                const err39 = { instancePath: instancePath + "/fluxNamespace", schemaPath: "#/definitions/dnsLabel/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$" }, message: "must match pattern \"" + "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$" + "\"" };
                if (vErrors === null) {
                    vErrors = [err39];
                }
                else {
                    vErrors.push(err39);
                }
                errors++;
            }
        }
        else {
            const err40 = { instancePath: instancePath + "/fluxNamespace", schemaPath: "#/definitions/dnsLabel/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err40];
            }
            else {
                vErrors.push(err40);
            }
            errors++;
        }
    }
    if (data.fluxServiceAccountName !== undefined) {
        let data22 = data.fluxServiceAccountName;
        if (typeof data22 === "string") {
            if (func2(data22) > 253) {
                const err41 = { instancePath: instancePath + "/fluxServiceAccountName", schemaPath: "#/definitions/dnsSubdomain/maxLength", keyword: "maxLength", params: { limit: 253 }, message: "must NOT have more than 253 characters" };
                if (vErrors === null) {
                    vErrors = [err41];
                }
                else {
                    vErrors.push(err41);
                }
                errors++;
            }
            if (!pattern7.test(data22)) {
                const err42 = { instancePath: instancePath + "/fluxServiceAccountName", schemaPath: "#/definitions/dnsSubdomain/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$" }, message: "must match pattern \"" + "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$" + "\"" };
                if (vErrors === null) {
                    vErrors = [err42];
                }
                else {
                    vErrors.push(err42);
                }
                errors++;
            }
        }
        else {
            const err43 = { instancePath: instancePath + "/fluxServiceAccountName", schemaPath: "#/definitions/dnsSubdomain/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err43];
            }
            else {
                vErrors.push(err43);
            }
            errors++;
        }
    }
    if (data.gitSecretName !== undefined) {
        let data23 = data.gitSecretName;
        if (typeof data23 === "string") {
            if (func2(data23) > 253) {
                const err44 = { instancePath: instancePath + "/gitSecretName", schemaPath: "#/definitions/dnsSubdomain/maxLength", keyword: "maxLength", params: { limit: 253 }, message: "must NOT have more than 253 characters" };
                if (vErrors === null) {
                    vErrors = [err44];
                }
                else {
                    vErrors.push(err44);
                }
                errors++;
            }
            if (!pattern7.test(data23)) {
                const err45 = { instancePath: instancePath + "/gitSecretName", schemaPath: "#/definitions/dnsSubdomain/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$" }, message: "must match pattern \"" + "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$" + "\"" };
                if (vErrors === null) {
                    vErrors = [err45];
                }
                else {
                    vErrors.push(err45);
                }
                errors++;
            }
        }
        else {
            const err46 = { instancePath: instancePath + "/gitSecretName", schemaPath: "#/definitions/dnsSubdomain/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err46];
            }
            else {
                vErrors.push(err46);
            }
            errors++;
        }
    }
    if (data.sopsAgeSecretName !== undefined) {
        let data24 = data.sopsAgeSecretName;
        if (typeof data24 === "string") {
            if (func2(data24) > 253) {
                const err47 = { instancePath: instancePath + "/sopsAgeSecretName", schemaPath: "#/definitions/dnsSubdomain/maxLength", keyword: "maxLength", params: { limit: 253 }, message: "must NOT have more than 253 characters" };
                if (vErrors === null) {
                    vErrors = [err47];
                }
                else {
                    vErrors.push(err47);
                }
                errors++;
            }
            if (!pattern7.test(data24)) {
                const err48 = { instancePath: instancePath + "/sopsAgeSecretName", schemaPath: "#/definitions/dnsSubdomain/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$" }, message: "must match pattern \"" + "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$" + "\"" };
                if (vErrors === null) {
                    vErrors = [err48];
                }
                else {
                    vErrors.push(err48);
                }
                errors++;
            }
        }
        else {
            const err49 = { instancePath: instancePath + "/sopsAgeSecretName", schemaPath: "#/definitions/dnsSubdomain/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
                vErrors = [err49];
            }
            else {
                vErrors.push(err49);
            }
            errors++;
        }
    }
    if (data.rbac !== undefined) {
        let data25 = data.rbac;
        if (data25 && typeof data25 == "object" && !Array.isArray(data25)) {
            for (const key1 in data25) {
                if (!(key1 === "extraRules")) {
                    const err50 = { instancePath: instancePath + "/rbac", schemaPath: "#/properties/rbac/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                        vErrors = [err50];
                    }
                    else {
                        vErrors.push(err50);
                    }
                    errors++;
                }
            }
            if (data25.extraRules !== undefined) {
                let data26 = data25.extraRules;
                if (Array.isArray(data26)) {
                    const len5 = data26.length;
                    for (let i5 = 0; i5 < len5; i5++) {
                        let data27 = data26[i5];
                        if (data27 && typeof data27 == "object" && !Array.isArray(data27)) {
                            if (data27.apiGroups === undefined) {
                                const err51 = { instancePath: instancePath + "/rbac/extraRules/" + i5, schemaPath: "#/properties/rbac/properties/extraRules/items/required", keyword: "required", params: { missingProperty: "apiGroups" }, message: "must have required property '" + "apiGroups" + "'" };
                                if (vErrors === null) {
                                    vErrors = [err51];
                                }
                                else {
                                    vErrors.push(err51);
                                }
                                errors++;
                            }
                            if (data27.resources === undefined) {
                                const err52 = { instancePath: instancePath + "/rbac/extraRules/" + i5, schemaPath: "#/properties/rbac/properties/extraRules/items/required", keyword: "required", params: { missingProperty: "resources" }, message: "must have required property '" + "resources" + "'" };
                                if (vErrors === null) {
                                    vErrors = [err52];
                                }
                                else {
                                    vErrors.push(err52);
                                }
                                errors++;
                            }
                            if (data27.verbs === undefined) {
                                const err53 = { instancePath: instancePath + "/rbac/extraRules/" + i5, schemaPath: "#/properties/rbac/properties/extraRules/items/required", keyword: "required", params: { missingProperty: "verbs" }, message: "must have required property '" + "verbs" + "'" };
                                if (vErrors === null) {
                                    vErrors = [err53];
                                }
                                else {
                                    vErrors.push(err53);
                                }
                                errors++;
                            }
                            for (const key2 in data27) {
                                if (!((((key2 === "apiGroups") || (key2 === "resources")) || (key2 === "verbs")) || (key2 === "resourceNames"))) {
                                    const err54 = { instancePath: instancePath + "/rbac/extraRules/" + i5, schemaPath: "#/properties/rbac/properties/extraRules/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties" };
                                    if (vErrors === null) {
                                        vErrors = [err54];
                                    }
                                    else {
                                        vErrors.push(err54);
                                    }
                                    errors++;
                                }
                            }
                            if (data27.apiGroups !== undefined) {
                                let data28 = data27.apiGroups;
                                if (Array.isArray(data28)) {
                                    const len6 = data28.length;
                                    for (let i6 = 0; i6 < len6; i6++) {
                                        if (typeof data28[i6] !== "string") {
                                            const err55 = { instancePath: instancePath + "/rbac/extraRules/" + i5 + "/apiGroups/" + i6, schemaPath: "#/properties/rbac/properties/extraRules/items/properties/apiGroups/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                            if (vErrors === null) {
                                                vErrors = [err55];
                                            }
                                            else {
                                                vErrors.push(err55);
                                            }
                                            errors++;
                                        }
                                    }
                                }
                                else {
                                    const err56 = { instancePath: instancePath + "/rbac/extraRules/" + i5 + "/apiGroups", schemaPath: "#/properties/rbac/properties/extraRules/items/properties/apiGroups/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                                    if (vErrors === null) {
                                        vErrors = [err56];
                                    }
                                    else {
                                        vErrors.push(err56);
                                    }
                                    errors++;
                                }
                            }
                            if (data27.resources !== undefined) {
                                let data30 = data27.resources;
                                if (Array.isArray(data30)) {
                                    if (data30.length < 1) {
                                        const err57 = { instancePath: instancePath + "/rbac/extraRules/" + i5 + "/resources", schemaPath: "#/properties/rbac/properties/extraRules/items/properties/resources/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
                                        if (vErrors === null) {
                                            vErrors = [err57];
                                        }
                                        else {
                                            vErrors.push(err57);
                                        }
                                        errors++;
                                    }
                                    const len7 = data30.length;
                                    for (let i7 = 0; i7 < len7; i7++) {
                                        let data31 = data30[i7];
                                        if (typeof data31 === "string") {
                                            if (func2(data31) < 1) {
                                                const err58 = { instancePath: instancePath + "/rbac/extraRules/" + i5 + "/resources/" + i7, schemaPath: "#/properties/rbac/properties/extraRules/items/properties/resources/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                                                if (vErrors === null) {
                                                    vErrors = [err58];
                                                }
                                                else {
                                                    vErrors.push(err58);
                                                }
                                                errors++;
                                            }
                                        }
                                        else {
                                            const err59 = { instancePath: instancePath + "/rbac/extraRules/" + i5 + "/resources/" + i7, schemaPath: "#/properties/rbac/properties/extraRules/items/properties/resources/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                            if (vErrors === null) {
                                                vErrors = [err59];
                                            }
                                            else {
                                                vErrors.push(err59);
                                            }
                                            errors++;
                                        }
                                    }
                                }
                                else {
                                    const err60 = { instancePath: instancePath + "/rbac/extraRules/" + i5 + "/resources", schemaPath: "#/properties/rbac/properties/extraRules/items/properties/resources/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                                    if (vErrors === null) {
                                        vErrors = [err60];
                                    }
                                    else {
                                        vErrors.push(err60);
                                    }
                                    errors++;
                                }
                            }
                            if (data27.verbs !== undefined) {
                                let data32 = data27.verbs;
                                if (Array.isArray(data32)) {
                                    if (data32.length < 1) {
                                        const err61 = { instancePath: instancePath + "/rbac/extraRules/" + i5 + "/verbs", schemaPath: "#/properties/rbac/properties/extraRules/items/properties/verbs/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
                                        if (vErrors === null) {
                                            vErrors = [err61];
                                        }
                                        else {
                                            vErrors.push(err61);
                                        }
                                        errors++;
                                    }
                                    const len8 = data32.length;
                                    for (let i8 = 0; i8 < len8; i8++) {
                                        let data33 = data32[i8];
                                        if (typeof data33 === "string") {
                                            if (func2(data33) < 1) {
                                                const err62 = { instancePath: instancePath + "/rbac/extraRules/" + i5 + "/verbs/" + i8, schemaPath: "#/properties/rbac/properties/extraRules/items/properties/verbs/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                                                if (vErrors === null) {
                                                    vErrors = [err62];
                                                }
                                                else {
                                                    vErrors.push(err62);
                                                }
                                                errors++;
                                            }
                                        }
                                        else {
                                            const err63 = { instancePath: instancePath + "/rbac/extraRules/" + i5 + "/verbs/" + i8, schemaPath: "#/properties/rbac/properties/extraRules/items/properties/verbs/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                            if (vErrors === null) {
                                                vErrors = [err63];
                                            }
                                            else {
                                                vErrors.push(err63);
                                            }
                                            errors++;
                                        }
                                    }
                                }
                                else {
                                    const err64 = { instancePath: instancePath + "/rbac/extraRules/" + i5 + "/verbs", schemaPath: "#/properties/rbac/properties/extraRules/items/properties/verbs/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                                    if (vErrors === null) {
                                        vErrors = [err64];
                                    }
                                    else {
                                        vErrors.push(err64);
                                    }
                                    errors++;
                                }
                            }
                            if (data27.resourceNames !== undefined) {
                                let data34 = data27.resourceNames;
                                if (Array.isArray(data34)) {
                                    const len9 = data34.length;
                                    for (let i9 = 0; i9 < len9; i9++) {
                                        let data35 = data34[i9];
                                        if (typeof data35 === "string") {
                                            if (func2(data35) < 1) {
                                                const err65 = { instancePath: instancePath + "/rbac/extraRules/" + i5 + "/resourceNames/" + i9, schemaPath: "#/properties/rbac/properties/extraRules/items/properties/resourceNames/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                                                if (vErrors === null) {
                                                    vErrors = [err65];
                                                }
                                                else {
                                                    vErrors.push(err65);
                                                }
                                                errors++;
                                            }
                                        }
                                        else {
                                            const err66 = { instancePath: instancePath + "/rbac/extraRules/" + i5 + "/resourceNames/" + i9, schemaPath: "#/properties/rbac/properties/extraRules/items/properties/resourceNames/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                            if (vErrors === null) {
                                                vErrors = [err66];
                                            }
                                            else {
                                                vErrors.push(err66);
                                            }
                                            errors++;
                                        }
                                    }
                                }
                                else {
                                    const err67 = { instancePath: instancePath + "/rbac/extraRules/" + i5 + "/resourceNames", schemaPath: "#/properties/rbac/properties/extraRules/items/properties/resourceNames/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                                    if (vErrors === null) {
                                        vErrors = [err67];
                                    }
                                    else {
                                        vErrors.push(err67);
                                    }
                                    errors++;
                                }
                            }
                        }
                        else {
                            const err68 = { instancePath: instancePath + "/rbac/extraRules/" + i5, schemaPath: "#/properties/rbac/properties/extraRules/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                            if (vErrors === null) {
                                vErrors = [err68];
                            }
                            else {
                                vErrors.push(err68);
                            }
                            errors++;
                        }
                    }
                }
                else {
                    const err69 = { instancePath: instancePath + "/rbac/extraRules", schemaPath: "#/properties/rbac/properties/extraRules/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                    if (vErrors === null) {
                        vErrors = [err69];
                    }
                    else {
                        vErrors.push(err69);
                    }
                    errors++;
                }
            }
        }
        else {
            const err70 = { instancePath: instancePath + "/rbac", schemaPath: "#/properties/rbac/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
                vErrors = [err70];
            }
            else {
                vErrors.push(err70);
            }
            errors++;
        }
    }
}
else {
    const err71 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
        vErrors = [err71];
    }
    else {
        vErrors.push(err71);
    }
    errors++;
} validate11.errors = vErrors; return errors === 0; }
function validate10(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { /*# sourceURL="https://github.com/flux-pkg-action/flux-pkg-action/schema/flux-pkg.schema.json" */ ; let vErrors = null; let errors = 0; if (data && typeof data == "object" && !Array.isArray(data)) {
    for (const key0 in data) {
        if (!(((((((key0 === "layout") || (key0 === "prFlow")) || (key0 === "defaults")) || (key0 === "promotion")) || (key0 === "policy")) || (key0 === "environments")) || (key0 === "components"))) {
            const err0 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
                vErrors = [err0];
            }
            else {
                vErrors.push(err0);
            }
            errors++;
        }
    }
    if (data.layout !== undefined) {
        let data0 = data.layout;
        if (data0 && typeof data0 == "object" && !Array.isArray(data0)) {
            for (const key1 in data0) {
                if (!(((((((key1 === "componentsPath") || (key1 === "packagesDir")) || (key1 === "packageInstallFile")) || (key1 === "valuesSecretFile")) || (key1 === "valuesKey")) || (key1 === "brainPath")) || (key1 === "rbacFolder"))) {
                    const err1 = { instancePath: instancePath + "/layout", schemaPath: "#/properties/layout/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                        vErrors = [err1];
                    }
                    else {
                        vErrors.push(err1);
                    }
                    errors++;
                }
            }
            if (data0.componentsPath !== undefined) {
                let data1 = data0.componentsPath;
                if (typeof data1 === "string") {
                    if (!pattern0.test(data1)) {
                        const err2 = { instancePath: instancePath + "/layout/componentsPath", schemaPath: "#/definitions/relativePath/pattern", keyword: "pattern", params: { pattern: "^(?:(?![.][Gg][Ii][Tt](?:[Hh][Uu][Bb])?(?:/|$))(?!\\.\\.?(?:/|$))[^/\\\\\\u0000-\\u001f\\u007f]+(?:/(?!\\.\\.?(?:/|$))[^/\\\\\\u0000-\\u001f\\u007f]+)*)?$" }, message: "must match pattern \"" + "^(?:(?![.][Gg][Ii][Tt](?:[Hh][Uu][Bb])?(?:/|$))(?!\\.\\.?(?:/|$))[^/\\\\\\u0000-\\u001f\\u007f]+(?:/(?!\\.\\.?(?:/|$))[^/\\\\\\u0000-\\u001f\\u007f]+)*)?$" + "\"" };
                        if (vErrors === null) {
                            vErrors = [err2];
                        }
                        else {
                            vErrors.push(err2);
                        }
                        errors++;
                    }
                }
                else {
                    const err3 = { instancePath: instancePath + "/layout/componentsPath", schemaPath: "#/definitions/relativePath/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err3];
                    }
                    else {
                        vErrors.push(err3);
                    }
                    errors++;
                }
            }
            if (data0.packagesDir !== undefined) {
                let data2 = data0.packagesDir;
                if (typeof data2 === "string") {
                    if (!pattern1.test(data2)) {
                        const err4 = { instancePath: instancePath + "/layout/packagesDir", schemaPath: "#/definitions/fileName/pattern", keyword: "pattern", params: { pattern: "^(?!\\.\\.?(?:/|$))[^/\\\\\\u0000-\\u001f\\u007f]+$" }, message: "must match pattern \"" + "^(?!\\.\\.?(?:/|$))[^/\\\\\\u0000-\\u001f\\u007f]+$" + "\"" };
                        if (vErrors === null) {
                            vErrors = [err4];
                        }
                        else {
                            vErrors.push(err4);
                        }
                        errors++;
                    }
                }
                else {
                    const err5 = { instancePath: instancePath + "/layout/packagesDir", schemaPath: "#/definitions/fileName/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err5];
                    }
                    else {
                        vErrors.push(err5);
                    }
                    errors++;
                }
            }
            if (data0.packageInstallFile !== undefined) {
                let data3 = data0.packageInstallFile;
                if (typeof data3 === "string") {
                    if (!pattern1.test(data3)) {
                        const err6 = { instancePath: instancePath + "/layout/packageInstallFile", schemaPath: "#/definitions/fileName/pattern", keyword: "pattern", params: { pattern: "^(?!\\.\\.?(?:/|$))[^/\\\\\\u0000-\\u001f\\u007f]+$" }, message: "must match pattern \"" + "^(?!\\.\\.?(?:/|$))[^/\\\\\\u0000-\\u001f\\u007f]+$" + "\"" };
                        if (vErrors === null) {
                            vErrors = [err6];
                        }
                        else {
                            vErrors.push(err6);
                        }
                        errors++;
                    }
                }
                else {
                    const err7 = { instancePath: instancePath + "/layout/packageInstallFile", schemaPath: "#/definitions/fileName/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err7];
                    }
                    else {
                        vErrors.push(err7);
                    }
                    errors++;
                }
            }
            if (data0.valuesSecretFile !== undefined) {
                let data4 = data0.valuesSecretFile;
                if (typeof data4 === "string") {
                    if (!pattern1.test(data4)) {
                        const err8 = { instancePath: instancePath + "/layout/valuesSecretFile", schemaPath: "#/definitions/fileName/pattern", keyword: "pattern", params: { pattern: "^(?!\\.\\.?(?:/|$))[^/\\\\\\u0000-\\u001f\\u007f]+$" }, message: "must match pattern \"" + "^(?!\\.\\.?(?:/|$))[^/\\\\\\u0000-\\u001f\\u007f]+$" + "\"" };
                        if (vErrors === null) {
                            vErrors = [err8];
                        }
                        else {
                            vErrors.push(err8);
                        }
                        errors++;
                    }
                }
                else {
                    const err9 = { instancePath: instancePath + "/layout/valuesSecretFile", schemaPath: "#/definitions/fileName/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err9];
                    }
                    else {
                        vErrors.push(err9);
                    }
                    errors++;
                }
            }
            if (data0.valuesKey !== undefined) {
                let data5 = data0.valuesKey;
                if (typeof data5 === "string") {
                    if (func2(data5) > 253) {
                        const err10 = { instancePath: instancePath + "/layout/valuesKey", schemaPath: "#/definitions/secretKey/maxLength", keyword: "maxLength", params: { limit: 253 }, message: "must NOT have more than 253 characters" };
                        if (vErrors === null) {
                            vErrors = [err10];
                        }
                        else {
                            vErrors.push(err10);
                        }
                        errors++;
                    }
                    if (!pattern4.test(data5)) {
                        const err11 = { instancePath: instancePath + "/layout/valuesKey", schemaPath: "#/definitions/secretKey/pattern", keyword: "pattern", params: { pattern: "^(?!\\.\\.?$)[-._a-zA-Z0-9]+$" }, message: "must match pattern \"" + "^(?!\\.\\.?$)[-._a-zA-Z0-9]+$" + "\"" };
                        if (vErrors === null) {
                            vErrors = [err11];
                        }
                        else {
                            vErrors.push(err11);
                        }
                        errors++;
                    }
                }
                else {
                    const err12 = { instancePath: instancePath + "/layout/valuesKey", schemaPath: "#/definitions/secretKey/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err12];
                    }
                    else {
                        vErrors.push(err12);
                    }
                    errors++;
                }
            }
            if (data0.brainPath !== undefined) {
                let data6 = data0.brainPath;
                if (typeof data6 === "string") {
                    if (!pattern5.test(data6)) {
                        const err13 = { instancePath: instancePath + "/layout/brainPath", schemaPath: "#/definitions/folderPath/pattern", keyword: "pattern", params: { pattern: "^(?![.][Gg][Ii][Tt](?:[Hh][Uu][Bb])?(?:/|$))(?!\\.\\.?(?:/|$))[^/\\\\\\u0000-\\u001f\\u007f]+(?:/(?!\\.\\.?(?:/|$))[^/\\\\\\u0000-\\u001f\\u007f]+)*$" }, message: "must match pattern \"" + "^(?![.][Gg][Ii][Tt](?:[Hh][Uu][Bb])?(?:/|$))(?!\\.\\.?(?:/|$))[^/\\\\\\u0000-\\u001f\\u007f]+(?:/(?!\\.\\.?(?:/|$))[^/\\\\\\u0000-\\u001f\\u007f]+)*$" + "\"" };
                        if (vErrors === null) {
                            vErrors = [err13];
                        }
                        else {
                            vErrors.push(err13);
                        }
                        errors++;
                    }
                }
                else {
                    const err14 = { instancePath: instancePath + "/layout/brainPath", schemaPath: "#/definitions/folderPath/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err14];
                    }
                    else {
                        vErrors.push(err14);
                    }
                    errors++;
                }
            }
            if (data0.rbacFolder !== undefined) {
                let data7 = data0.rbacFolder;
                if (typeof data7 === "string") {
                    if (!pattern6.test(data7)) {
                        const err15 = { instancePath: instancePath + "/layout/rbacFolder", schemaPath: "#/definitions/rbacFolder/pattern", keyword: "pattern", params: { pattern: "^(?=[^/]*[{]environment[}])(?!\\.\\.?(?:/|$))[^/\\\\\\u0000-\\u001f\\u007f]+$" }, message: "must match pattern \"" + "^(?=[^/]*[{]environment[}])(?!\\.\\.?(?:/|$))[^/\\\\\\u0000-\\u001f\\u007f]+$" + "\"" };
                        if (vErrors === null) {
                            vErrors = [err15];
                        }
                        else {
                            vErrors.push(err15);
                        }
                        errors++;
                    }
                }
                else {
                    const err16 = { instancePath: instancePath + "/layout/rbacFolder", schemaPath: "#/definitions/rbacFolder/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err16];
                    }
                    else {
                        vErrors.push(err16);
                    }
                    errors++;
                }
            }
        }
        else {
            const err17 = { instancePath: instancePath + "/layout", schemaPath: "#/properties/layout/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
                vErrors = [err17];
            }
            else {
                vErrors.push(err17);
            }
            errors++;
        }
    }
    if (data.prFlow !== undefined) {
        let data8 = data.prFlow;
        if (!((data8 === "per-component") || (data8 === "per-environment"))) {
            const err18 = { instancePath: instancePath + "/prFlow", schemaPath: "#/properties/prFlow/enum", keyword: "enum", params: { allowedValues: schema11.properties.prFlow.enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
                vErrors = [err18];
            }
            else {
                vErrors.push(err18);
            }
            errors++;
        }
    }
    if (data.defaults !== undefined) {
        if (!(validate11(data.defaults, { instancePath: instancePath + "/defaults", parentData: data, parentDataProperty: "defaults", rootData }))) {
            vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
            errors = vErrors.length;
        }
    }
    if (data.promotion !== undefined) {
        let data10 = data.promotion;
        if (data10 && typeof data10 == "object" && !Array.isArray(data10)) {
            for (const key2 in data10) {
                if (!((((key2 === "overrideLabels") || (key2 === "healthKustomization")) || (key2 === "statusCreators")) || (key2 === "statusContext"))) {
                    const err19 = { instancePath: instancePath + "/promotion", schemaPath: "#/properties/promotion/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                        vErrors = [err19];
                    }
                    else {
                        vErrors.push(err19);
                    }
                    errors++;
                }
            }
            if (data10.overrideLabels !== undefined) {
                let data11 = data10.overrideLabels;
                if (Array.isArray(data11)) {
                    const len0 = data11.length;
                    for (let i0 = 0; i0 < len0; i0++) {
                        let data12 = data11[i0];
                        if (typeof data12 === "string") {
                            if (func2(data12) < 1) {
                                const err20 = { instancePath: instancePath + "/promotion/overrideLabels/" + i0, schemaPath: "#/properties/promotion/properties/overrideLabels/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                                if (vErrors === null) {
                                    vErrors = [err20];
                                }
                                else {
                                    vErrors.push(err20);
                                }
                                errors++;
                            }
                        }
                        else {
                            const err21 = { instancePath: instancePath + "/promotion/overrideLabels/" + i0, schemaPath: "#/properties/promotion/properties/overrideLabels/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err21];
                            }
                            else {
                                vErrors.push(err21);
                            }
                            errors++;
                        }
                    }
                }
                else {
                    const err22 = { instancePath: instancePath + "/promotion/overrideLabels", schemaPath: "#/properties/promotion/properties/overrideLabels/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                    if (vErrors === null) {
                        vErrors = [err22];
                    }
                    else {
                        vErrors.push(err22);
                    }
                    errors++;
                }
            }
            if (data10.healthKustomization !== undefined) {
                let data13 = data10.healthKustomization;
                if (typeof data13 === "string") {
                    if (func2(data13) < 1) {
                        const err23 = { instancePath: instancePath + "/promotion/healthKustomization", schemaPath: "#/properties/promotion/properties/healthKustomization/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                        if (vErrors === null) {
                            vErrors = [err23];
                        }
                        else {
                            vErrors.push(err23);
                        }
                        errors++;
                    }
                }
                else {
                    const err24 = { instancePath: instancePath + "/promotion/healthKustomization", schemaPath: "#/properties/promotion/properties/healthKustomization/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err24];
                    }
                    else {
                        vErrors.push(err24);
                    }
                    errors++;
                }
            }
            if (data10.statusCreators !== undefined) {
                let data14 = data10.statusCreators;
                if (Array.isArray(data14)) {
                    const len1 = data14.length;
                    for (let i1 = 0; i1 < len1; i1++) {
                        let data15 = data14[i1];
                        if (typeof data15 === "string") {
                            if (!pattern16.test(data15)) {
                                const err25 = { instancePath: instancePath + "/promotion/statusCreators/" + i1, schemaPath: "#/properties/promotion/properties/statusCreators/items/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\\[bot\\])?$" }, message: "must match pattern \"" + "^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\\[bot\\])?$" + "\"" };
                                if (vErrors === null) {
                                    vErrors = [err25];
                                }
                                else {
                                    vErrors.push(err25);
                                }
                                errors++;
                            }
                        }
                        else {
                            const err26 = { instancePath: instancePath + "/promotion/statusCreators/" + i1, schemaPath: "#/properties/promotion/properties/statusCreators/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err26];
                            }
                            else {
                                vErrors.push(err26);
                            }
                            errors++;
                        }
                    }
                }
                else {
                    const err27 = { instancePath: instancePath + "/promotion/statusCreators", schemaPath: "#/properties/promotion/properties/statusCreators/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                    if (vErrors === null) {
                        vErrors = [err27];
                    }
                    else {
                        vErrors.push(err27);
                    }
                    errors++;
                }
            }
            if (data10.statusContext !== undefined) {
                let data16 = data10.statusContext;
                if (typeof data16 === "string") {
                    if (func2(data16) > 255) {
                        const err28 = { instancePath: instancePath + "/promotion/statusContext", schemaPath: "#/properties/promotion/properties/statusContext/maxLength", keyword: "maxLength", params: { limit: 255 }, message: "must NOT have more than 255 characters" };
                        if (vErrors === null) {
                            vErrors = [err28];
                        }
                        else {
                            vErrors.push(err28);
                        }
                        errors++;
                    }
                    if (func2(data16) < 1) {
                        const err29 = { instancePath: instancePath + "/promotion/statusContext", schemaPath: "#/properties/promotion/properties/statusContext/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                        if (vErrors === null) {
                            vErrors = [err29];
                        }
                        else {
                            vErrors.push(err29);
                        }
                        errors++;
                    }
                }
                else {
                    const err30 = { instancePath: instancePath + "/promotion/statusContext", schemaPath: "#/properties/promotion/properties/statusContext/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                        vErrors = [err30];
                    }
                    else {
                        vErrors.push(err30);
                    }
                    errors++;
                }
            }
        }
        else {
            const err31 = { instancePath: instancePath + "/promotion", schemaPath: "#/properties/promotion/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
                vErrors = [err31];
            }
            else {
                vErrors.push(err31);
            }
            errors++;
        }
    }
    if (data.policy !== undefined) {
        let data17 = data.policy;
        if (data17 && typeof data17 == "object" && !Array.isArray(data17)) {
            for (const key3 in data17) {
                if (!(key3 === "allowClusterScope")) {
                    const err32 = { instancePath: instancePath + "/policy", schemaPath: "#/properties/policy/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                        vErrors = [err32];
                    }
                    else {
                        vErrors.push(err32);
                    }
                    errors++;
                }
            }
            if (data17.allowClusterScope !== undefined) {
                let data18 = data17.allowClusterScope;
                if (Array.isArray(data18)) {
                    const len2 = data18.length;
                    for (let i2 = 0; i2 < len2; i2++) {
                        let data19 = data18[i2];
                        if (typeof data19 === "string") {
                            if (func2(data19) > 253) {
                                const err33 = { instancePath: instancePath + "/policy/allowClusterScope/" + i2, schemaPath: "#/properties/policy/properties/allowClusterScope/items/maxLength", keyword: "maxLength", params: { limit: 253 }, message: "must NOT have more than 253 characters" };
                                if (vErrors === null) {
                                    vErrors = [err33];
                                }
                                else {
                                    vErrors.push(err33);
                                }
                                errors++;
                            }
                            if (!pattern17.test(data19)) {
                                const err34 = { instancePath: instancePath + "/policy/allowClusterScope/" + i2, schemaPath: "#/properties/policy/properties/allowClusterScope/items/pattern", keyword: "pattern", params: { pattern: "^(?:[*]|[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*)$" }, message: "must match pattern \"" + "^(?:[*]|[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*)$" + "\"" };
                                if (vErrors === null) {
                                    vErrors = [err34];
                                }
                                else {
                                    vErrors.push(err34);
                                }
                                errors++;
                            }
                        }
                        else {
                            const err35 = { instancePath: instancePath + "/policy/allowClusterScope/" + i2, schemaPath: "#/properties/policy/properties/allowClusterScope/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err35];
                            }
                            else {
                                vErrors.push(err35);
                            }
                            errors++;
                        }
                    }
                }
                else {
                    const err36 = { instancePath: instancePath + "/policy/allowClusterScope", schemaPath: "#/properties/policy/properties/allowClusterScope/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                    if (vErrors === null) {
                        vErrors = [err36];
                    }
                    else {
                        vErrors.push(err36);
                    }
                    errors++;
                }
            }
        }
        else {
            const err37 = { instancePath: instancePath + "/policy", schemaPath: "#/properties/policy/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
                vErrors = [err37];
            }
            else {
                vErrors.push(err37);
            }
            errors++;
        }
    }
    if (data.environments !== undefined) {
        let data20 = data.environments;
        if (Array.isArray(data20)) {
            const len3 = data20.length;
            for (let i3 = 0; i3 < len3; i3++) {
                let data21 = data20[i3];
                if (!(validate11(data21, { instancePath: instancePath + "/environments/" + i3, parentData: data20, parentDataProperty: i3, rootData }))) {
                    vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
                    errors = vErrors.length;
                }
                if (data21 && typeof data21 == "object" && !Array.isArray(data21)) {
                    if (data21.name === undefined) {
                        const err38 = { instancePath: instancePath + "/environments/" + i3, schemaPath: "#/properties/environments/items/allOf/1/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property '" + "name" + "'" };
                        if (vErrors === null) {
                            vErrors = [err38];
                        }
                        else {
                            vErrors.push(err38);
                        }
                        errors++;
                    }
                    if (data21.name !== undefined) {
                        let data22 = data21.name;
                        if (typeof data22 === "string") {
                            if (func2(data22) > 63) {
                                const err39 = { instancePath: instancePath + "/environments/" + i3 + "/name", schemaPath: "#/definitions/dnsLabel/maxLength", keyword: "maxLength", params: { limit: 63 }, message: "must NOT have more than 63 characters" };
                                if (vErrors === null) {
                                    vErrors = [err39];
                                }
                                else {
                                    vErrors.push(err39);
                                }
                                errors++;
                            }
                            if (!pattern8.test(data22)) {
                                const err40 = { instancePath: instancePath + "/environments/" + i3 + "/name", schemaPath: "#/definitions/dnsLabel/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$" }, message: "must match pattern \"" + "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$" + "\"" };
                                if (vErrors === null) {
                                    vErrors = [err40];
                                }
                                else {
                                    vErrors.push(err40);
                                }
                                errors++;
                            }
                        }
                        else {
                            const err41 = { instancePath: instancePath + "/environments/" + i3 + "/name", schemaPath: "#/definitions/dnsLabel/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err41];
                            }
                            else {
                                vErrors.push(err41);
                            }
                            errors++;
                        }
                    }
                    if (data21.promoteFrom !== undefined) {
                        let data23 = data21.promoteFrom;
                        if (typeof data23 === "string") {
                            if (func2(data23) > 63) {
                                const err42 = { instancePath: instancePath + "/environments/" + i3 + "/promoteFrom", schemaPath: "#/definitions/dnsLabel/maxLength", keyword: "maxLength", params: { limit: 63 }, message: "must NOT have more than 63 characters" };
                                if (vErrors === null) {
                                    vErrors = [err42];
                                }
                                else {
                                    vErrors.push(err42);
                                }
                                errors++;
                            }
                            if (!pattern8.test(data23)) {
                                const err43 = { instancePath: instancePath + "/environments/" + i3 + "/promoteFrom", schemaPath: "#/definitions/dnsLabel/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$" }, message: "must match pattern \"" + "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$" + "\"" };
                                if (vErrors === null) {
                                    vErrors = [err43];
                                }
                                else {
                                    vErrors.push(err43);
                                }
                                errors++;
                            }
                        }
                        else {
                            const err44 = { instancePath: instancePath + "/environments/" + i3 + "/promoteFrom", schemaPath: "#/definitions/dnsLabel/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                                vErrors = [err44];
                            }
                            else {
                                vErrors.push(err44);
                            }
                            errors++;
                        }
                    }
                    if (data21.promoteWhen !== undefined) {
                        let data24 = data21.promoteWhen;
                        if (!((data24 === "merged") || (data24 === "healthy"))) {
                            const err45 = { instancePath: instancePath + "/environments/" + i3 + "/promoteWhen", schemaPath: "#/properties/environments/items/allOf/1/properties/promoteWhen/enum", keyword: "enum", params: { allowedValues: schema11.properties.environments.items.allOf[1].properties.promoteWhen.enum }, message: "must be equal to one of the allowed values" };
                            if (vErrors === null) {
                                vErrors = [err45];
                            }
                            else {
                                vErrors.push(err45);
                            }
                            errors++;
                        }
                    }
                }
                else {
                    const err46 = { instancePath: instancePath + "/environments/" + i3, schemaPath: "#/properties/environments/items/allOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                    if (vErrors === null) {
                        vErrors = [err46];
                    }
                    else {
                        vErrors.push(err46);
                    }
                    errors++;
                }
            }
        }
        else {
            const err47 = { instancePath: instancePath + "/environments", schemaPath: "#/properties/environments/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            if (vErrors === null) {
                vErrors = [err47];
            }
            else {
                vErrors.push(err47);
            }
            errors++;
        }
    }
    if (data.components !== undefined) {
        let data25 = data.components;
        if (data25 && typeof data25 == "object" && !Array.isArray(data25)) {
            for (const key4 in data25) {
                const _errs65 = errors;
                if (typeof key4 === "string") {
                    if (func2(key4) > 253) {
                        const err48 = { instancePath: instancePath + "/components", schemaPath: "#/definitions/dnsSubdomain/maxLength", keyword: "maxLength", params: { limit: 253 }, message: "must NOT have more than 253 characters", propertyName: key4 };
                        if (vErrors === null) {
                            vErrors = [err48];
                        }
                        else {
                            vErrors.push(err48);
                        }
                        errors++;
                    }
                    if (!pattern7.test(key4)) {
                        const err49 = { instancePath: instancePath + "/components", schemaPath: "#/definitions/dnsSubdomain/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$" }, message: "must match pattern \"" + "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$" + "\"", propertyName: key4 };
                        if (vErrors === null) {
                            vErrors = [err49];
                        }
                        else {
                            vErrors.push(err49);
                        }
                        errors++;
                    }
                }
                else {
                    const err50 = { instancePath: instancePath + "/components", schemaPath: "#/definitions/dnsSubdomain/type", keyword: "type", params: { type: "string" }, message: "must be string", propertyName: key4 };
                    if (vErrors === null) {
                        vErrors = [err50];
                    }
                    else {
                        vErrors.push(err50);
                    }
                    errors++;
                }
                var valid23 = _errs65 === errors;
                if (!valid23) {
                    const err51 = { instancePath: instancePath + "/components", schemaPath: "#/properties/components/propertyNames", keyword: "propertyNames", params: { propertyName: key4 }, message: "property name must be valid" };
                    if (vErrors === null) {
                        vErrors = [err51];
                    }
                    else {
                        vErrors.push(err51);
                    }
                    errors++;
                }
            }
            for (const key5 in data25) {
                let data26 = data25[key5];
                if (!(validate11(data26, { instancePath: instancePath + "/components/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"), parentData: data25, parentDataProperty: key5, rootData }))) {
                    vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
                    errors = vErrors.length;
                }
                if (data26 && typeof data26 == "object" && !Array.isArray(data26)) {
                    if (data26.environments !== undefined) {
                        let data27 = data26.environments;
                        if (Array.isArray(data27)) {
                            const len4 = data27.length;
                            for (let i4 = 0; i4 < len4; i4++) {
                                let data28 = data27[i4];
                                if (typeof data28 === "string") {
                                    if (func2(data28) > 63) {
                                        const err52 = { instancePath: instancePath + "/components/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/environments/" + i4, schemaPath: "#/definitions/dnsLabel/maxLength", keyword: "maxLength", params: { limit: 63 }, message: "must NOT have more than 63 characters" };
                                        if (vErrors === null) {
                                            vErrors = [err52];
                                        }
                                        else {
                                            vErrors.push(err52);
                                        }
                                        errors++;
                                    }
                                    if (!pattern8.test(data28)) {
                                        const err53 = { instancePath: instancePath + "/components/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/environments/" + i4, schemaPath: "#/definitions/dnsLabel/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$" }, message: "must match pattern \"" + "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$" + "\"" };
                                        if (vErrors === null) {
                                            vErrors = [err53];
                                        }
                                        else {
                                            vErrors.push(err53);
                                        }
                                        errors++;
                                    }
                                }
                                else {
                                    const err54 = { instancePath: instancePath + "/components/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/environments/" + i4, schemaPath: "#/definitions/dnsLabel/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                    if (vErrors === null) {
                                        vErrors = [err54];
                                    }
                                    else {
                                        vErrors.push(err54);
                                    }
                                    errors++;
                                }
                            }
                        }
                        else {
                            const err55 = { instancePath: instancePath + "/components/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/environments", schemaPath: "#/properties/components/additionalProperties/allOf/1/properties/environments/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                            if (vErrors === null) {
                                vErrors = [err55];
                            }
                            else {
                                vErrors.push(err55);
                            }
                            errors++;
                        }
                    }
                }
                else {
                    const err56 = { instancePath: instancePath + "/components/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/components/additionalProperties/allOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                    if (vErrors === null) {
                        vErrors = [err56];
                    }
                    else {
                        vErrors.push(err56);
                    }
                    errors++;
                }
            }
        }
        else {
            const err57 = { instancePath: instancePath + "/components", schemaPath: "#/properties/components/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
                vErrors = [err57];
            }
            else {
                vErrors.push(err57);
            }
            errors++;
        }
    }
}
else {
    const err58 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
        vErrors = [err58];
    }
    else {
        vErrors.push(err58);
    }
    errors++;
} validate10.errors = vErrors; return errors === 0; }

;// CONCATENATED MODULE: ./src/config/config.ts






const CONFIG_FILE = 'flux-pkg.yaml';
/**
 * Names a person may give the config that the action does not read. Each is an error naming the file it does
 * read, never a silent fallback to no config (with none, every environment takes new versions directly: a
 * misnamed config would send a new Package straight to prod). One name is read, so two files never disagree.
 */
const MISNAMED_CONFIGS = {
    'flux-pkg.yml': `flux-pkg.yml is not read: the action reads ${CONFIG_FILE} at the repository root; rename the file to ${CONFIG_FILE}`,
    '.flux-pkg.yaml': `.flux-pkg.yaml is not read: the action reads ${CONFIG_FILE} (no leading dot) at the repository root; rename the file to ${CONFIG_FILE}`,
    '.flux-pkg.yml': `.flux-pkg.yml is not read: the action reads ${CONFIG_FILE} at the repository root; rename the file to ${CONFIG_FILE}`,
    '.github/flux-pkg.yaml': `nothing under .github/ is read: move .github/flux-pkg.yaml to ${CONFIG_FILE} at the repository root`,
    '.github/flux-pkg.yml': `nothing under .github/ is read: move .github/flux-pkg.yml to ${CONFIG_FILE} at the repository root`,
};
function misnamedConfigs(paths) {
    return paths
        .filter((path) => Object.hasOwn(MISNAMED_CONFIGS, path))
        .map((path) => (0,src_diagnostics/* error */.z3)('config.misnamed', MISNAMED_CONFIGS[path], path, { line: 1, column: 1 }));
}
const DEFAULT_PROMOTION = {
    overrideLabels: ['hotfix'],
    healthKustomization: '{component}-{environment}-packageinstalls',
    statusCreators: [],
};
const DEFAULT_POLICY = { allowClusterScope: [] };
const DEFAULT_LAYOUT = {
    componentsPath: '',
    packagesDir: 'packages',
    packageInstallFile: 'packageinstall.yaml',
    valuesSecretFile: 'params.yaml',
    valuesKey: 'values.yaml',
    brainPath: 'clusters/brain',
    rbacFolder: '{environment}-rbac',
};
const BUILT_IN_SETTINGS = {
    constraint: '{version}',
    prereleases: false,
    serviceAccountName: 'default-ns-sa',
    packageInstallName: '{component}',
    valuesSecretName: '{component}-values',
    secretFormat: 'plain',
    requireEncryption: false,
    sopsAgeRecipients: [],
    fluxApiVersion: 'v1',
    labels: [],
    reviewers: [],
    teamReviewers: [],
    autoMerge: false,
};
const DEFAULT_CONFIG = {
    layout: DEFAULT_LAYOUT,
    defaults: {},
    components: {},
    promotion: DEFAULT_PROMOTION,
    policy: DEFAULT_POLICY,
};
// The schema compiled ahead of time (scripts/compile-schemas.ts; a test fails when it drifts from schema.ts): compiling
// it with ajv at start was a quarter of the CLI's `validate`.
function validateSchema(value) {
    const validator = config_validator_generated;
    return { ok: validator(value), errors: validator.errors ?? [] };
}
/** Read flux-pkg.yaml through the same size cap and link rule as every other file. */
async function loadConfig(snapshot) {
    const entries = await snapshot.list();
    const misnamed = misnamedConfigs(entries.map((e) => e.path));
    const loaded = await readConfig(snapshot, entries.find((e) => e.path === CONFIG_FILE));
    return misnamed.length === 0 ? loaded : { ...loaded, diagnostics: [...misnamed, ...loaded.diagnostics] };
}
async function readConfig(snapshot, entry) {
    if (!entry)
        return { config: DEFAULT_CONFIG, diagnostics: [] };
    const read = await (0,repo_snapshot/* readBounded */.CB)(snapshot, CONFIG_FILE, parse/* DEFAULT_LIMITS */.dR.maxBytes, entry);
    if (read.refused) {
        const { reason, message, size } = read.refused;
        const diagnostic = reason === 'too-large'
            ? (0,parse/* tooLargeYaml */.lZ)(CONFIG_FILE, size ?? parse/* DEFAULT_LIMITS */.dR.maxBytes + 1, parse/* DEFAULT_LIMITS */.dR.maxBytes)
                .diagnostics[0]
            : (0,src_diagnostics/* error */.z3)(`repo.${reason}`, message, CONFIG_FILE);
        return { config: { ...DEFAULT_CONFIG, file: CONFIG_FILE }, diagnostics: [diagnostic] };
    }
    if (read.text === undefined)
        return { config: DEFAULT_CONFIG, diagnostics: [] };
    return parseConfig(CONFIG_FILE, read.text);
}
function parseConfig(file, text) {
    const parsed = (0,parse/* parseYaml */.hN)(file, text);
    const diagnostics = [...parsed.diagnostics];
    const invalid = () => ({ config: { ...DEFAULT_CONFIG, file }, diagnostics });
    if (diagnostics.length > 0)
        return invalid();
    const first = parsed.documents[0];
    const isEmptyMap = isPlainObject(first?.value) && Object.keys(first.value).length === 0;
    if (!first || isEmptyMap) {
        diagnostics.push((0,src_diagnostics/* error */.z3)('config.empty', `${file} is present but says nothing; list the environments (or other settings), or delete the file`, file, first ? (0,parse/* positionAt */.t$)(parsed, first.doc, []) : { line: 1, column: 1 }));
        return invalid();
    }
    const positionOf = (path) => (0,parse/* positionAt */.t$)(parsed, first.doc, path);
    const at = (code, message, path) => diagnostics.push((0,src_diagnostics/* error */.z3)(code, message, file, positionOf(path), (0,parse/* formatPath */.jV)(path)));
    if (parsed.documents.length > 1)
        at('config.documents', `${file} must hold one YAML document, not ${parsed.documents.length}`, []);
    checkLayoutPaths(first.value, at);
    const { ok, errors } = validateSchema(first.value);
    for (const e of errors) {
        const path = e.instancePath.split('/').slice(1).map(decodePointer);
        // A bad layout path is reported once, in words, by checkLayoutPaths().
        if (path[0] === 'layout' && path.length === 2 && e.keyword !== 'type')
            continue;
        const extra = e.keyword === 'additionalProperties' ? String(e.params.additionalProperty) : undefined;
        at('config.invalid', extra ? `unknown setting "${extra}"` : `${e.message}`, extra ? [...path, extra] : path);
    }
    if (!ok || (0,src_diagnostics/* hasErrors */.Cs)(diagnostics))
        return invalid();
    const raw = first.value;
    const config = {
        file,
        layout: { ...DEFAULT_LAYOUT, ...raw.layout },
        prFlow: raw.prFlow,
        defaults: raw.defaults ?? {},
        environments: raw.environments,
        components: raw.components ?? {},
        promotion: { ...DEFAULT_PROMOTION, ...raw.promotion },
        policy: { ...DEFAULT_POLICY, ...raw.policy },
    };
    checkEnvironments(config, at);
    checkStatusCreators(config, at);
    checkSettings(raw, at);
    return { config: (0,src_diagnostics/* hasErrors */.Cs)(diagnostics) ? { ...DEFAULT_CONFIG, file } : config, diagnostics, positionOf };
}
/** Every configured path is a clean relative path inside the repo (layout keys are folder and file names). */
function checkLayoutPaths(value, report) {
    const layout = isPlainObject(value) ? value.layout : undefined;
    if (!isPlainObject(layout))
        return;
    for (const [key, setting] of Object.entries(layout)) {
        if (typeof setting !== 'string' || !(key in DEFAULT_LAYOUT))
            continue;
        const problem = layoutPathProblem(key, setting);
        if (problem)
            report('config.path', `layout.${key} ${JSON.stringify(setting)} ${problem}`, ['layout', key]);
    }
}
/** What is wrong with a layout setting's value, or undefined. The JSON Schema says the same with patterns. */
function layoutPathProblem(key, value) {
    if (key === 'valuesKey') {
        if (!/^[-._a-zA-Z0-9]+$/.test(value) || value === '.' || value === '..' || value.length > 253)
            return 'must be a Kubernetes Secret key: letters, digits, "-", "_" and "." (not "." or "..")';
        return undefined;
    }
    if (key === 'componentsPath' || key === 'brainPath') {
        if (value === '')
            return key === 'brainPath' ? 'must not be empty' : undefined;
        const problem = (0,paths/* relativePathProblem */.BE)(value);
        if (problem)
            return problem;
        return (0,paths/* isProtectedPath */.WF)(value)
            ? `is under ${value.split('/')[0]}/, which flux-pkg-action never writes`
            : undefined;
    }
    const problem = (0,paths/* relativePathProblem */.BE)(value);
    if (problem)
        return problem;
    if (value.includes('/'))
        return 'must be one name, without "/"';
    if (key === 'rbacFolder' && !value.includes('{environment}'))
        return 'must contain {environment}: each environment needs an RBAC folder of its own';
    return undefined;
}
/** Every place flux-pkg.yaml sets per-environment settings, with its path in the file. */
function settingsBlocks(raw) {
    return [
        ...(raw.defaults ? [[['defaults'], raw.defaults]] : []),
        ...(raw.environments ?? []).map((e, i) => [['environments', i], e]),
        ...Object.entries(raw.components ?? {}).map(([name, c]) => [['components', name], c]),
    ];
}
/** Settings the schema cannot judge: name templates that make invalid names. */
function checkSettings(raw, report) {
    for (const [where, settings] of settingsBlocks(raw)) {
        for (const key of ['packageInstallName', 'valuesSecretName']) {
            const template = settings[key];
            const problem = typeof template === 'string' ? (0,names/* nameTemplateProblem */.V9)(template) : undefined;
            if (problem)
                report('config.name-template', `${key} ${problem}`, [...where, key]);
        }
    }
}
/**
 * Health-gated promotion trusts commit statuses only from listed accounts: anyone with
 * `statuses: write` can post the context notification-controller posts.
 */
function checkStatusCreators(config, report) {
    if (config.promotion.statusCreators.length > 0)
        return;
    const index = (config.environments ?? []).findIndex((e) => e.promoteWhen === 'healthy');
    if (index < 0)
        return;
    report('config.status-creators', `environment "${config.environments[index].name}" uses promoteWhen: healthy, but promotion.statusCreators lists no account: add the GitHub login of the token in the Flux Provider's Secret (e.g. promotion: { statusCreators: [flux-bot] }); statuses from anyone else never promote`, ['environments', index, 'promoteWhen']);
}
/** Environment names used by promoteFrom and components.*.environments exist; promotion has no cycle. */
function checkEnvironments(config, report) {
    const envs = config.environments ?? [];
    const names = new Set();
    envs.forEach((env, i) => {
        if (names.has(env.name))
            report('config.duplicate-environment', `environment "${env.name}" is listed twice`, [
                'environments',
                i,
                'name',
            ]);
        names.add(env.name);
    });
    const promotedFrom = new Map(envs.map((e) => [e.name, e.promoteFrom]));
    envs.forEach((env, i) => {
        const at = ['environments', i, 'promoteFrom'];
        if (env.promoteFrom === undefined)
            return;
        if (env.promoteFrom === env.name)
            report('config.promote-cycle', `environment "${env.name}" promotes from itself`, at);
        else if (!names.has(env.promoteFrom))
            report('config.unknown-environment', `promoteFrom names "${env.promoteFrom}", which is not a listed environment`, at);
        else {
            const chain = [env.name];
            for (let next = env.promoteFrom; next !== undefined; next = promotedFrom.get(next)) {
                if (next === env.name) {
                    report('config.promote-cycle', `promotion goes round in a cycle: ${[...chain, next].join(' ← ')}`, at);
                    break;
                }
                if (chain.includes(next))
                    break; // a cycle that does not include this environment: reported at its members
                chain.push(next);
            }
        }
    });
    if (!config.environments)
        return;
    for (const [component, settings] of Object.entries(config.components)) {
        settings.environments?.forEach((name, i) => {
            if (!names.has(name))
                report('config.unknown-environment', `component "${component}" names environment "${name}", which is not a listed environment`, ['components', component, 'environments', i]);
        });
    }
}
const isPlainObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
function decodePointer(segment) {
    const s = segment.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^\d+$/.test(s) ? Number(s) : s;
}
/** The resolved settings for one component in one environment. */
function settingsFor(config, component, environment, overrides = {}) {
    const env = config.environments?.find((e) => e.name === environment);
    const { environments: _, ...componentSettings } = config.components[component] ?? {};
    const { name: __, promoteFrom: ___, promoteWhen: ____, ...envSettings } = env ?? { name: environment };
    const merged = {
        ...BUILT_IN_SETTINGS,
        ...config.defaults,
        ...envSettings,
        ...componentSettings,
        ...definedOnly(overrides),
    };
    return {
        ...merged,
        // Templates were checked at load (checkSettings); the planner checks the names it writes.
        packageInstallName: (0,names/* expandNameTemplate */.Qh)(merged.packageInstallName, component),
        valuesSecretName: (0,names/* expandNameTemplate */.Qh)(merged.valuesSecretName, component),
    };
}
function definedOnly(value) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}


/***/ }),

/***/ 8094:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ oncePerKey),
/* harmony export */   O: () => (/* binding */ once)
/* harmony export */ });
/**
 * The one kind of module-level state the code keeps: the result of a pure, costly computation
 * (a compiled schema), made on first use and never changed after. Named here so that every such
 * cache is visible as one (`grep once(`) and nothing else at module level is mutable.
 */
/** `make()`, computed on the first call and returned by every later one. */
function once(make) {
    let made;
    return () => {
        made ??= Object.freeze({ value: make() });
        return made.value;
    };
}
/**
 * Per key: `make(key)` computed on a key's first call and returned by every later one. An undefined
 * result is not kept, so keys that name nothing (from hostile input) cannot grow the cache.
 */
function oncePerKey(make) {
    const made = new Map();
    return (key) => {
        const kept = made.get(key);
        if (kept !== undefined)
            return kept;
        const value = make(key);
        if (value !== undefined)
            made.set(key, value);
        return value;
    };
}


/***/ }),

/***/ 2331:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  aH: () => (/* binding */ Loader),
  Ye: () => (/* binding */ loadEnvironment),
  Ej: () => (/* binding */ loadPackages)
});

// EXTERNAL MODULE: ./src/carvel/values-schema/pattern.ts
var pattern = __webpack_require__(1078);
// EXTERNAL MODULE: ./src/sops/index.ts + 2 modules
var sops = __webpack_require__(6936);
// EXTERNAL MODULE: ./src/diagnostics.ts
var src_diagnostics = __webpack_require__(4851);
// EXTERNAL MODULE: ./src/yaml/parse.ts
var parse = __webpack_require__(420);
// EXTERNAL MODULE: ./src/sops/decrypt.ts + 1 modules
var decrypt = __webpack_require__(1309);
;// CONCATENATED MODULE: ./src/sops/nested.ts
/**
 * SOPS documents nested in a Secret's values. Flux's kustomize-controller decrypts a `data` value
 * whose base64 decodes to a SOPS file (fluxcd/kustomize-controller internal/decryptor/decryptor.go
 * 661-680 DecryptResource: GetDataMap, base64-decode, detectFormatFromMarkerBytes at 1115-1122 looks
 * for the markers of 113-119), and only there: `stringData` is never looked
 * at, so a SOPS document in stringData reaches kapp-controller as ciphertext. A Secret that is itself
 * a SOPS document is decrypted whole (decryptor.go:639) and its values are not looked into.
 */



/** decryptor.go:113-119 sopsFormatToMarkerBytes; the last two (dotenv, INI) are not read here. */
const MARKERS = ['mac: ENC[', '"mac": "ENC[', 'sops_mac=ENC[', '[sops]'];
const READABLE = MARKERS.slice(0, 2);
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasSopsMarker = (text) => MARKERS.some((m) => text.includes(m));
/** Nested SOPS documents of a plain (not wholly encrypted) Secret; undefined when it has none. */
async function readNestedSops(parsed, text, identities) {
    const entry = parsed.documents.length === 1 ? parsed.documents[0] : undefined;
    const secret = entry?.value;
    if (!entry || !isObject(secret) || isObject(secret.sops))
        return undefined;
    const at = (path) => ({ pos: (0,parse/* positionAt */.t$)(parsed, entry.doc, path), where: (0,parse/* formatPath */.jV)(path) });
    const diagnostics = [];
    for (const [key, value] of Object.entries(isObject(secret.stringData) ? secret.stringData : {})) {
        if (typeof value !== 'string' || !hasSopsMarker(value))
            continue;
        const { pos, where } = at(['stringData', key]);
        const message = `${where} holds a SOPS document, which Flux decrypts only inside data (base64): kapp-controller would get the ciphertext; put it in data, base64-encoded, or encrypt the whole Secret`;
        diagnostics.push((0,src_diagnostics/* error */.z3)('sops.nested-stringdata', message, parsed.file, pos, where));
    }
    const data = isObject(secret.data) ? secret.data : {};
    const nested = Object.entries(data).flatMap(([key, value]) => {
        const decoded = typeof value === 'string' ? Buffer.from(value, 'base64').toString('utf8') : '';
        return hasSopsMarker(decoded) ? [{ key, decoded }] : [];
    });
    if (nested.length === 0 && diagnostics.length === 0)
        return undefined;
    const result = { keys: nested.map((n) => n.key), secrets: [], diagnostics };
    if (identities.length === 0) {
        for (const { key } of nested) {
            const { pos, where } = at(['data', key]);
            const message = `${where} is a SOPS document (Flux decrypts it) and no age key was given: its values are not checked and it is left as it is`;
            diagnostics.push((0,src_diagnostics/* warning */.$e)('sops.nested-no-key', message, parsed.file, pos, where));
        }
        return result;
    }
    const replacements = [];
    let opened = true;
    for (const { key, decoded } of nested) {
        const { pos, where } = at(['data', key]);
        if (!READABLE.some((m) => decoded.includes(m))) {
            const message = `${where} is a dotenv or INI SOPS document (Flux decrypts it); only YAML and JSON ones are read here, so its values are not checked`;
            diagnostics.push((0,src_diagnostics/* warning */.$e)('sops.nested-format', message, parsed.file, pos, where));
            opened = false;
            continue;
        }
        const inner = await (0,decrypt/* decryptDocument */.L)(decoded, { identities, file: parsed.file });
        if (!inner.document) {
            // The inner document's lines are not the file's: say where it sits, and why.
            for (const d of inner.diagnostics) {
                const message = `${where} (a nested SOPS document): ${d.message}`;
                diagnostics.push({ ...d, ...pos, path: where, message });
            }
            opened = false;
            continue;
        }
        result.secrets.push(...inner.document.secrets);
        const node = entry.doc.getIn(['data', key], true);
        const base64 = Buffer.from(inner.document.text, 'utf8').toString('base64');
        if (node?.range)
            replacements.push({ range: [node.range[0], node.range[1]], base64 });
    }
    if (opened)
        result.plainText = spliced(text, replacements);
    return result;
}
/** The text with each range replaced, last first so earlier offsets stay valid. */
function spliced(text, replacements) {
    let out = text;
    for (const { range, base64 } of [...replacements].sort((a, b) => b.range[0] - a.range[0])) {
        out = out.slice(0, range[0]) + base64 + out.slice(range[1]);
    }
    return out;
}

// EXTERNAL MODULE: ./src/plan/model/environment.ts + 1 modules
var environment = __webpack_require__(3926);
// EXTERNAL MODULE: ./src/plan/model/packages.ts + 1 modules
var model_packages = __webpack_require__(9980);
;// CONCATENATED MODULE: ./src/plan/load/load.ts
/**
 * The loader: reads, parses and decrypts what a plan looks at, and nothing else. The planning rules
 * (validate.ts, install*.ts, promote.ts, …) are synchronous over what it hands them; this module
 * and the orchestration in run.ts are the only asynchronous parts of a plan. A large repository is
 * loaded one component at a time (the next one prefetched) and released when it is planned.
 */





/** The component's Packages: its Package files read and parsed, then validated. */
async function loadPackages(reader, component) {
    const files = [];
    for (const file of component.packageFiles)
        files.push({ file, parsed: (await reader.yaml(file)).parsed });
    const found = (0,model_packages/* packagesOf */.D)(component, files);
    // The planner checks values synchronously: RE2 is loaded here, before it, when a valuesSchema has a pattern.
    await Promise.all(found.packages.map((p) => (0,pattern/* loadLinearEngineFor */.tg)(p.valuesSchema)));
    return found;
}
/**
 * An environment folder's files — every file under it, since Flux may apply any of them — read and
 * parsed; the values Secret's file decrypted when it is encrypted and keys are given.
 */
async function loadEnvironment(reader, dir, layout, keys) {
    const files = new Map();
    const paths = await reader.under(dir);
    reader.prefetch(paths);
    for (const path of paths)
        files.set(path, await reader.yaml(path));
    const identities = keys?.identities ?? [];
    const reads = { dir, files, keysGiven: identities.length > 0 };
    const build = (0,environment/* buildEnvironment */.AF)(reads);
    const secretFile = (0,environment/* valuesSecretFileOf */.wd)(reads, layout, build);
    const secret = secretFile ? files.get(secretFile) : undefined;
    if (identities.length > 0 && secret && (0,environment/* isEncryptedSecret */.n6)(secret)) {
        reads.decrypted = await (0,sops/* decryptDocument */.L4)(secret.text, { identities, file: secretFile });
        reads.decryptedFile = secretFile;
        // Masked before anything can print.
        if (reads.decrypted.document)
            keys?.onDecrypted?.(reads.decrypted.document.secrets);
    }
    if (secret && secret.parsed && secret.text !== undefined && !(0,environment/* isEncryptedSecret */.n6)(secret)) {
        // SOPS documents nested in the values Secret's data values (Flux decrypts those).
        reads.nested = await readNestedSops(secret.parsed, secret.text, identities);
        if (reads.nested)
            keys?.onDecrypted?.(reads.nested.secrets);
    }
    return (0,environment/* environmentFiles */.rj)(reads, layout, build);
}
/**
 * What one plan run loads, component by component. Each component's Packages are loaded once (their
 * diagnostics reported then); done() releases everything kept for a component.
 */
class Loader {
    reader;
    layout;
    diagnostics;
    keys;
    #packages = new Map();
    constructor(reader, layout, diagnostics, keys) {
        this.reader = reader;
        this.layout = layout;
        this.diagnostics = diagnostics;
        this.keys = keys;
    }
    packages(component) {
        let loaded = this.#packages.get(component);
        if (!loaded) {
            loaded = loadPackages(this.reader, component).then((p) => {
                this.diagnostics.push(...p.diagnostics);
                // Nothing reads the Package files again: their parsed documents need not wait for the component's turn.
                this.reader.forget(`${component.dir}/${this.layout.packagesDir}`);
                return p;
            });
            this.#packages.set(component, loaded);
        }
        return loaded;
    }
    /** One environment of a component; `keys` false: read without the caller's age identities. */
    environment(component, environment, keys = true) {
        return loadEnvironment(this.reader, `${component.dir}/${environment}`, this.layout, keys ? this.keys : undefined);
    }
    /** The component's Packages and these environments' files. */
    async component(component, environments) {
        const packages = await this.packages(component);
        const loaded = new Map();
        for (const env of environments)
            loaded.set(env, await this.environment(component, env));
        return { component, packages, environments: loaded };
    }
    /** Start reading the files component() will ask for. */
    prefetch(component, environments, packages = true) {
        if (!component)
            return;
        if (packages)
            this.reader.prefetch(component.packageFiles);
        if (environments.length === 0)
            return;
        // The folders' file lists come from the snapshot's listing, read once per run.
        for (const env of environments)
            this.reader
                .under(`${component.dir}/${env}`)
                .then((paths) => this.reader.prefetch(paths))
                .catch(() => { }); // a listing that fails surfaces when component() reads it
    }
    /** The planner is done with a component (each is planned once): release what was kept for it. */
    done(component) {
        this.reader.forget(component.dir);
        this.#packages.delete(component);
    }
}


/***/ }),

/***/ 4429:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  W: () => (/* binding */ RepoReader)
});

// UNUSED EXPORTS: refusedYaml

// EXTERNAL MODULE: ./src/diagnostics.ts
var diagnostics = __webpack_require__(4851);
// EXTERNAL MODULE: ./src/repo/snapshot.ts
var snapshot = __webpack_require__(5218);
// EXTERNAL MODULE: ./src/yaml/parse.ts
var parse = __webpack_require__(420);
;// CONCATENATED MODULE: ./src/plan/load/parsed.ts
/**
 * Repository files parsed once per run. One action run plans more than once over the same files —
 * install, then the summary's validate of the components it touched and their Package versions; a
 * gate plans the base and the pull request, which share most files — and each plan has a reader of
 * its own. A file whose text is what was parsed before gets that parse again (a parse is a pure
 * function of path and text, and nothing edits what it returns).
 *
 * Memory stays bounded: the most recently used files are kept, up to PARSED_TEXT_KEPT characters
 * of text in all (a parse holds ~15 bytes of heap per character of text).
 */

const PARSED_TEXT_KEPT = 2 * 1024 * 1024;
/** Parses kept by path, up to `limit` characters of text. */
class ParsedFiles {
    limit;
    /** By path, least recently used first. */
    #kept = new Map();
    #text = 0;
    constructor(limit) {
        this.limit = limit;
    }
    /** `text` parsed as the file at `path`: the parse kept for the same path and text, or a new one (then kept). */
    parse(path, text) {
        const before = this.#kept.get(path);
        if (before) {
            this.#kept.delete(path); // re-inserted below as the most recently used, or replaced
            this.#text -= before.text.length;
        }
        const parsed = before?.text === text ? before.parsed : (0,parse/* parseYaml */.hN)(path, text);
        if (text.length > this.limit)
            return parsed;
        this.#kept.set(path, { text, parsed });
        this.#text += text.length;
        for (const [oldest, entry] of this.#kept) {
            if (this.#text <= this.limit)
                break;
            this.#kept.delete(oldest);
            this.#text -= entry.text.length;
        }
        return parsed;
    }
}
const run = new ParsedFiles(PARSED_TEXT_KEPT);
/** `text` parsed as the file at `path`, once per run (see ParsedFiles). */
function parsedFile(path, text) {
    return run.parse(path, text);
}

;// CONCATENATED MODULE: ./src/plan/load/reader.ts
/**
 * The loader's port to the repository: reads and parses files through the snapshot, each at most
 * once (and a text parsed by an earlier plan of the run is not parsed again: parsed.ts), refusing
 * oversized ones unread. Asynchronous (it does I/O); the planning rules never see it.
 */




/** Reads and parses files through the snapshot, each at most once, refusing oversized ones unread. */
class RepoReader {
    snapshot;
    #cache = new Map();
    /** Reads started by prefetch() that yaml() has not asked for yet. */
    #reads = new Map();
    #entries;
    /** By folder depth: each folder at that depth → every file under it. */
    #folders = new Map();
    #scans = 0;
    constructor(snapshot) {
        this.snapshot = snapshot;
    }
    async exists(path) {
        return (await this.#entryMap()).has(path);
    }
    /**
     * Every file under a folder (repository paths, in the snapshot's order). The first few calls scan
     * the listing (a gate reads a handful of folders); after that, folders at that depth are indexed
     * once (a whole-repository run reads thousands).
     */
    async under(dir) {
        const entries = await this.#entryMap();
        const prefix = `${dir}/`;
        const depth = dir.split('/').length;
        if (this.#scans < SCANS_BEFORE_INDEX && !this.#folders.has(depth)) {
            this.#scans += 1;
            return [...entries.keys()].filter((p) => p.startsWith(prefix));
        }
        let index = this.#folders.get(depth);
        if (!index) {
            index = folderIndex(entries, depth);
            this.#folders.set(depth, index);
        }
        return index.get(dir) ?? [];
    }
    yaml(path) {
        let cached = this.#cache.get(path);
        if (!cached) {
            const read = this.#reads.get(path) ?? this.#read(path);
            this.#reads.delete(path);
            cached = read.then((r) => reader_parse(path, r));
            this.#cache.set(path, cached);
        }
        return cached;
    }
    /**
     * Start reading files the planner is about to ask for, all at once: files read one after another
     * wait on the disk (or the network) once each. Only files that will be asked for belong here.
     * They are parsed when yaml() asks for them, so what it returns is the same either way, and
     * parsed documents live no longer than without prefetching (which keeps the heap small).
     */
    prefetch(paths) {
        for (const path of paths) {
            if (this.#cache.has(path) || this.#reads.has(path))
                continue;
            const read = this.#read(path);
            // A failed read surfaces when yaml() is awaited, as without prefetching; never as an unhandled rejection.
            read.catch(() => { });
            this.#reads.set(path, read);
        }
    }
    /** Drop what was read under a folder: a large repo is planned component by component in bounded memory. */
    forget(dir) {
        const prefix = `${dir}/`;
        for (const cache of [this.#cache, this.#reads])
            for (const path of cache.keys())
                if (path.startsWith(prefix))
                    cache.delete(path);
    }
    async #entryMap() {
        this.#entries ??= this.snapshot.list().then((entries) => new Map(entries.map((e) => [e.path, e])));
        return this.#entries;
    }
    async #read(path) {
        const entry = (await this.#entryMap()).get(path);
        if (!entry)
            return {};
        const size = entry.size ?? (entry.kind ? undefined : await this.snapshot.size?.(path));
        const read = await (0,snapshot/* readBounded */.CB)(this.snapshot, path, parse/* DEFAULT_LIMITS */.dR.maxBytes, { ...entry, size });
        if (read.refused?.reason === 'too-large')
            return { tooLarge: read.refused.size ?? parse/* DEFAULT_LIMITS */.dR.maxBytes + 1 };
        if (read.refused)
            return { refused: refusedYaml(path, `repo.${read.refused.reason}`, read.refused.message) };
        return { text: read.text };
    }
}
/** Listing scans before under() indexes a depth. */
const SCANS_BEFORE_INDEX = 8;
/** Each folder `depth` segments deep → every file under it. */
function folderIndex(entries, depth) {
    const folders = new Map();
    for (const path of entries.keys()) {
        let end = -1;
        for (let i = 0; i < depth; i++) {
            end = path.indexOf('/', end + 1);
            if (end === -1)
                break;
        }
        if (end === -1)
            continue;
        const dir = path.slice(0, end);
        const files = folders.get(dir);
        if (files)
            files.push(path);
        else
            folders.set(dir, [path]);
    }
    return folders;
}
function reader_parse(path, read) {
    if (read.tooLarge !== undefined)
        return { parsed: (0,parse/* tooLargeYaml */.lZ)(path, read.tooLarge, parse/* DEFAULT_LIMITS */.dR.maxBytes) };
    if (read.refused)
        return { parsed: read.refused };
    if (read.text === undefined)
        return {};
    return { parsed: parsedFile(path, read.text), text: read.text };
}
/** A file refused unread (a symbolic link, a FIFO): an error at the file, never a silent skip. */
function refusedYaml(file, code, message) {
    const diagnostic = (0,diagnostics/* error */.z3)(code, message, file);
    return { file, documents: [], diagnostics: [diagnostic], position: () => ({ line: 0, column: 0 }) };
}


/***/ }),

/***/ 2391:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hp: () => (/* binding */ componentEnvironmentProblems),
/* harmony export */   IP: () => (/* reexport safe */ _repository_js__WEBPACK_IMPORTED_MODULE_3__.IP),
/* harmony export */   IR: () => (/* binding */ unsafePathProblems),
/* harmony export */   Ir: () => (/* binding */ noComponentProblem),
/* harmony export */   mw: () => (/* binding */ environmentFilterProblems),
/* harmony export */   zp: () => (/* binding */ linkProblems)
/* harmony export */ });
/* harmony import */ var _diagnostics_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4851);
/* harmony import */ var _repo_paths_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2711);
/* harmony import */ var _repo_snapshot_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5218);
/* harmony import */ var _repository_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1925);





/** The code of every "this filter matched nothing" error: shells treat it as a usage error. */
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/**
 * Links (and FIFOs, devices) where the layout would find a component folder, its packages folder or
 * an environment folder. A link to a file the plan reads is reported when it is read.
 */
function linkProblems(entries, loaded, request) {
    const { layout, environments, components } = loaded.config;
    const prefix = layout.componentsPath ? `${layout.componentsPath}/` : '';
    const named = new Set([...Object.keys(components), ...(filtersOf(request).components ?? [])]);
    const envNames = new Set(environments?.map((e) => e.name) ?? []);
    const diagnostics = [];
    for (const entry of entries) {
        if (!entry.kind || entry.kind === 'file')
            continue;
        const reason = entry.kind;
        const refuse = () => diagnostics.push((0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3)(`repo.${reason}`, (0,_repo_snapshot_js__WEBPACK_IMPORTED_MODULE_2__/* .refusalMessage */ .se)(entry.path, reason), entry.path));
        if (prefix.startsWith(`${entry.path}/`))
            refuse();
        if (!entry.path.startsWith(prefix))
            continue;
        const parts = entry.path.slice(prefix.length).split('/');
        if (parts.length === 1 && named.has(parts[0]))
            refuse();
        const folder = parts[1] ?? '';
        if (parts.length === 2 &&
            (folder === layout.packagesDir || envNames.has(folder) || DNS_LABEL.test(folder)))
            refuse();
    }
    return diagnostics;
}
/** A layout that finds no component is an error: a check over nothing must not pass. */
function noComponentProblem(components, loaded) {
    if (components.length > 0)
        return [];
    const { layout, file } = loaded.config;
    const prefix = layout.componentsPath ? `${layout.componentsPath}/` : '';
    return [
        (0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3)('layout.no-component', `the layout finds no component: no ${prefix}<component>/${layout.packagesDir}/*.yaml and no ${prefix}<component>/<environment>/${layout.packageInstallFile} in the repository`, file ?? ''),
    ];
}
/** The component and environment filters of a request (a promotion names its targets instead). */
function filtersOf(request) {
    return request.kind === 'promote' ? {} : request;
}
/** Environment filter names that no component has as a folder and the config does not list. */
function environmentFilterProblems(components, loaded, request) {
    const { components: wanted, environments: filter } = filtersOf(request);
    const chosen = components.filter((c) => !wanted || wanted.includes(c.name));
    const known = new Set([
        ...chosen.flatMap((c) => c.environments),
        ...(request.kind === 'install' ? (loaded.config.environments?.map((e) => e.name) ?? []) : []),
    ]);
    const list = [...known].sort().join(', ') || 'none';
    return (filter ?? [])
        .filter((name) => DNS_LABEL.test(name) && !known.has(name))
        .map((name) => (0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3)(_repository_js__WEBPACK_IMPORTED_MODULE_3__/* .NO_MATCH */ .IP, `the environment filter "${name}" names no environment ${wanted ? `of ${wanted.join(', ')} ` : ''}in the repository (environments: ${list})`, ''));
}
/** components.*.environments naming a folder the component does not have, when flux-pkg.yaml lists no environments. */
function componentEnvironmentProblems(components, loaded) {
    const { config, positionOf } = loaded;
    if (config.environments || !config.file)
        return [];
    const diagnostics = [];
    for (const c of components) {
        config.components[c.name]?.environments?.forEach((name, i) => {
            if (c.environments.includes(name))
                return;
            const path = ['components', c.name, 'environments', i];
            diagnostics.push((0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3)('config.unknown-environment', `component "${c.name}" names environment "${name}", which has no folder in ${c.dir}/`, config.file, positionOf?.(path), `.components[${JSON.stringify(c.name)}].environments[${i}]`));
        });
    }
    return diagnostics;
}
/** Planned paths the final write guard would refuse: an error each, so nothing is written. */
function unsafePathProblems(files) {
    return files.flatMap((f) => {
        const problem = (0,_repo_paths_js__WEBPACK_IMPORTED_MODULE_1__/* .writePathProblem */ .k_)(f.path);
        return problem
            ? [(0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3)('plan.unsafe-path', `refusing to write ${JSON.stringify(f.path)}: it ${problem}`, f.path)]
            : [];
    });
}


/***/ }),

/***/ 3926:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  AF: () => (/* binding */ buildEnvironment),
  rj: () => (/* binding */ environmentFiles),
  n6: () => (/* binding */ isEncryptedSecret),
  S6: () => (/* binding */ selectedVersion),
  wd: () => (/* binding */ valuesSecretFileOf),
  iS: () => (/* binding */ writtenElsewhereProblems)
});

// EXTERNAL MODULE: ./src/carvel/semver.ts
var semver = __webpack_require__(6533);
// EXTERNAL MODULE: ./src/carvel/values-secret.ts
var values_secret = __webpack_require__(3204);
// EXTERNAL MODULE: ./src/diagnostics.ts
var src_diagnostics = __webpack_require__(4851);
// EXTERNAL MODULE: ./src/yaml/parse.ts
var parse = __webpack_require__(420);
// EXTERNAL MODULE: ./src/flux/kustomize.ts
var kustomize = __webpack_require__(1948);
;// CONCATENATED MODULE: ./src/flux/build.ts



const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Kustomization fields this builder implements (resources, namespace) or that cannot change what the gate reads. */
const SUPPORTED = new Set(['apiVersion', 'kind', 'metadata', 'resources', 'namespace', 'sortOptions']);
/**
 * Labels change no PackageInstall or Secret semantics (kapp-controller reads no label of either) and
 * are not applied here: the gate reads names, namespaces, annotations and spec, which they never touch.
 */
const IGNORED = new Set(['commonLabels', 'labels']);
/** Why a field is refused in an environment folder: each one changes (or adds) objects the gate would not see. */
const REFUSED = {
    bases: 'bases (a deprecated alias of resources): list the files under resources',
    patches: 'patches change objects after the gate read them',
    patchesStrategicMerge: 'patches change objects after the gate read them',
    patchesJson6902: 'patches change objects after the gate read them',
    components: 'components add patches and resources from outside the folder',
    configMapGenerator: 'generators create objects no file in the folder holds',
    secretGenerator: 'generators create objects no file in the folder holds: write the Secret as a file (SOPS-encrypted)',
    generators: 'generator plugins create objects no file holds',
    generatorOptions: 'generator options change generated names and labels',
    transformers: 'transformer plugins change objects',
    validators: 'validator plugins run code during the build',
    replacements: 'replacements copy fields between objects',
    vars: 'vars substitute fields of objects',
    images: 'images rewrite container images',
    imageTags: 'imageTags rewrite container images',
    replicas: 'replicas change objects',
    namePrefix: 'a name prefix renames objects, the values Secret a PackageInstall names included',
    nameSuffix: 'a name suffix renames objects, the values Secret a PackageInstall names included',
    commonAnnotations: 'annotations change what kapp-controller does with a PackageInstall (packaging.carvel.dev/downgradable, ext.packaging.carvel.dev/*)',
    buildMetadata: 'build metadata adds annotations and labels to objects',
    helmCharts: 'Helm charts render objects no file in the folder holds',
    helmChartInflationGenerator: 'Helm charts render objects no file in the folder holds',
    helmGlobals: 'Helm charts render objects no file in the folder holds',
    crds: 'crds change how patches and names apply to custom resources',
    openapi: 'an OpenAPI schema changes which objects are namespaced and how they merge',
    configurations: 'transformer configurations change which fields namePrefix, namespace and others touch',
};
/** Nested kustomizations deeper than this are refused (kustomize itself detects cycles; the gate bounds its work). */
const MAX_DEPTH = 8;
/**
 * The objects an environment folder builds. `files`: every file under `dir` (repository paths),
 * read; a folder without a kustomization file is built from the one Flux generates.
 */
function buildFolder(dir, files) {
    const diagnostics = [];
    const objects = [];
    const paths = new Set(files.keys());
    const own = (0,kustomize/* kustomizationFilesIn */["in"])(paths, dir);
    const missing = [];
    const build = {
        objects,
        diagnostics,
        missing,
        kustomization: own.length === 1 ? own[0] : undefined,
    };
    const level = { root: dir, files, paths, diagnostics, missing };
    objects.push(...buildLevel(level, dir, 0));
    return build;
}
/** One kustomization root: its resources accumulated (kusttarget.go accumulateResources), then its namespace applied. */
function buildLevel(level, dir, depth) {
    const found = (0,kustomize/* kustomizationFilesIn */["in"])(level.paths, dir);
    if (found.length > 1) {
        level.diagnostics.push((0,src_diagnostics/* error */.z3)('kustomization.multiple', `the folder has several kustomization files (${found.map((f) => f.slice(dir.length + 1)).join(', ')}); kustomize refuses it: keep one`, found[1]));
        return [];
    }
    if (found.length === 0) {
        // Flux generates a kustomization listing the folder's YAML files (kustomize.ts).
        const resources = (0,kustomize/* generatedResources */.NV)(level.paths, dir).map((r) => ({ entry: r, at: undefined }));
        return accumulate(level, dir, resources, depth, undefined);
    }
    const file = found[0];
    const parsed = level.files.get(file)?.parsed;
    if (!parsed)
        return [];
    level.diagnostics.push(...parsed.diagnostics);
    if (parsed.diagnostics.length > 0)
        return [];
    const docs = parsed.documents.filter((d) => d.value !== undefined && d.value !== null);
    if (docs.length !== 1 || !isObject(docs[0].value)) {
        level.diagnostics.push((0,src_diagnostics/* error */.z3)('kustomization.invalid', 'a kustomization file holds one mapping', file, parsed.position(0)));
        return [];
    }
    const { doc, value } = docs[0];
    const at = (path) => (0,parse/* positionAt */.t$)(parsed, doc, path);
    if (!fieldsAllowed(level, file, value, at))
        return [];
    const resources = resourceEntries(level, file, value.resources, at);
    const namespace = namespaceOf(level, file, value.namespace, at);
    if (!resources)
        return [];
    const objects = accumulate(level, dir, resources, depth, file);
    return namespace === undefined ? objects : objects.map((o) => withNamespace(o, namespace));
}
/** Every field either implemented, harmless, or refused at its line with the reason. */
function fieldsAllowed(level, file, value, at) {
    let allowed = true;
    const refuse = (code, key, message) => {
        allowed = false;
        level.diagnostics.push((0,src_diagnostics/* error */.z3)(code, message, file, at([key]), `.${key}`));
    };
    if (value.kind !== undefined && value.kind !== 'Kustomization')
        refuse('kustomization.kind', 'kind', `an environment folder's kustomization is kind Kustomization (found ${JSON.stringify(value.kind)}): a Component brings patches the gate does not judge`);
    for (const key of Object.keys(value)) {
        if (SUPPORTED.has(key) || IGNORED.has(key))
            continue;
        const reason = REFUSED[key];
        refuse('kustomization.unsupported', key, reason
            ? `${key} is not allowed in an environment folder: ${reason}, so what Flux applies would not be what the gate validated. Remove it and write the objects as files in the folder`
            : `${key} is not a kustomization field the gate knows (kustomize refuses unknown fields): remove it`);
    }
    return allowed;
}
function resourceEntries(level, file, resources, at) {
    if (resources === undefined || resources === null)
        return [];
    if (!Array.isArray(resources) || resources.some((r) => typeof r !== 'string')) {
        level.diagnostics.push((0,src_diagnostics/* error */.z3)('kustomization.invalid', 'resources is a list of paths', file, at(['resources']), '.resources'));
        return undefined;
    }
    return resources.map((entry, i) => ({ entry, at: at(['resources', i]) }));
}
function namespaceOf(level, file, namespace, at) {
    if (namespace === undefined || namespace === null || namespace === '')
        return undefined;
    if (typeof namespace === 'string')
        return namespace;
    level.diagnostics.push((0,src_diagnostics/* error */.z3)('kustomization.invalid', 'namespace is a string', file, at(['namespace']), '.namespace'));
    return undefined;
}
/** A remote resource kustomize would fetch (a URL, a git address, a go-getter address). */
const REMOTE = /^(?:[a-z][a-z0-9+.-]*:\/\/|git@|github\.com\/|gitlab\.com\/|bitbucket\.org\/)|\?ref=|^[^/]+\.[a-z]+\/.*\/\/|::/i;
/** The entries, in order: each file's documents, each folder's build (kusttarget.go accumulateResources). */
function accumulate(level, dir, entries, depth, kustomization) {
    const objects = [];
    const ids = new Map();
    const where = kustomization ?? `${dir}/${kustomize/* KUSTOMIZATION_FILES */.Ct[0]}`;
    const refuse = (code, entry, message) => level.diagnostics.push((0,src_diagnostics/* error */.z3)(code, message, where, entry.at ?? { line: 0, column: 0 }, '.resources'));
    for (const entry of entries) {
        const path = resolve(dir, entry.entry);
        if (REMOTE.test(entry.entry))
            refuse('kustomization.remote', entry, `the resource "${entry.entry}" is remote: an environment folder builds only from its own files (a remote base changes without a pull request). Copy what it needs into the folder`);
        else if (path === undefined || (path !== level.root && !path.startsWith(`${level.root}/`)))
            refuse('kustomization.outside', entry, `the resource "${entry.entry}" is outside the environment folder ${level.root}: a change there reaches this environment without the gate judging it here. Move it into the folder`);
        else if (level.paths.has(path))
            objects.push(...fileObjects(level, path, ids));
        else if ([...level.paths].some((p) => p.startsWith(`${path}/`)))
            objects.push(...folderObjects(level, path, entry, depth, refuse, ids));
        else
            level.missing.push({
                path,
                diagnostic: (0,src_diagnostics/* error */.z3)('kustomization.resource-missing', `the resource "${entry.entry}" does not exist: kustomize fails, and Flux applies nothing of this folder. Add the file or remove the entry`, where, entry.at ?? { line: 0, column: 0 }, '.resources'),
            });
    }
    return objects;
}
function folderObjects(level, path, entry, depth, refuse, ids) {
    if ((0,kustomize/* kustomizationFilesIn */["in"])(level.paths, path).length === 0) {
        // kusttarget.go accumulateDirectory: a folder resource is built as a kustomization root.
        refuse('kustomization.resource-missing', entry, `the resource "${entry.entry}" is a folder without a kustomization file: kustomize fails. List its files instead`);
        return [];
    }
    if (depth >= MAX_DEPTH) {
        refuse('kustomization.depth', entry, `kustomizations nest deeper than ${MAX_DEPTH} here: flatten them`);
        return [];
    }
    const objects = buildLevel(level, path, depth + 1);
    for (const o of objects)
        registerId(level, o, ids);
    return objects;
}
/** A file's documents as objects; empty documents are skipped, as kustomize does. */
function fileObjects(level, path, ids) {
    const parsed = level.files.get(path)?.parsed;
    if (!parsed)
        return [];
    level.diagnostics.push(...parsed.diagnostics);
    if (parsed.diagnostics.length > 0)
        return [];
    const objects = [];
    for (const { doc, value } of parsed.documents) {
        if (value === undefined || value === null)
            continue;
        if (!isObject(value) ||
            typeof value.kind !== 'string' ||
            value.kind === 'List' ||
            value.kind.endsWith('List')) {
            level.diagnostics.push((0,src_diagnostics/* error */.z3)('kustomization.not-an-object', 'every document of a resource is one Kubernetes object (with apiVersion, kind and metadata.name): kustomize fails on this one', path, parsed.position(doc.range[0])));
            continue;
        }
        const object = builtObject(path, parsed, doc, value);
        if (registerId(level, object, ids))
            objects.push(object);
    }
    return objects;
}
function builtObject(file, parsed, doc, value) {
    const metadata = isObject(value.metadata) ? value.metadata : {};
    return {
        file,
        parsed,
        doc,
        value,
        kind: value.kind,
        name: typeof metadata.name === 'string' ? metadata.name : undefined,
        namespace: typeof metadata.namespace === 'string' ? metadata.namespace : undefined,
    };
}
/** kustomize refuses two objects with one id (group, kind, namespace, name): "already registered id". */
function registerId(level, object, ids) {
    const group = String(object.value.apiVersion ?? '')
        .split('/')
        .slice(0, -1)
        .join('/');
    const id = `${group}|${object.kind}|${object.namespace ?? ''}|${object.name ?? ''}`;
    const first = ids.get(id);
    const here = `${object.file}:${object.parsed.position(object.doc.range[0]).line}`;
    if (first === undefined) {
        ids.set(id, here);
        return true;
    }
    level.diagnostics.push((0,src_diagnostics/* error */.z3)('kustomization.duplicate', `${object.kind} "${object.name ?? ''}" is built twice (first at ${first}): kustomize fails, and Flux applies nothing of this folder. Keep one`, object.file, object.parsed.position(object.doc.range[0])));
    return false;
}
/** `dir` joined with a relative entry, normalised; undefined for an absolute path or one above the repository. */
function resolve(dir, entry) {
    if (entry.startsWith('/') || entry === '')
        return undefined;
    const parts = dir.split('/').filter(Boolean);
    for (const part of entry.split('/')) {
        if (part === '' || part === '.')
            continue;
        if (part === '..') {
            if (parts.length === 0)
                return undefined;
            parts.pop();
        }
        else
            parts.push(part);
    }
    return parts.join('/');
}
/**
 * Kinds kustomize knows to be cluster-scoped (kyaml/openapi/openapi.go IsCertainlyClusterScoped, from
 * its built-in Kubernetes schema): the namespace transformer leaves them alone. Any other kind — a
 * PackageInstall included — gets the namespace (api/filters/namespace/namespace.go metaNamespaceHack).
 */
const CLUSTER_SCOPED = new Set([
    '|Namespace',
    '|Node',
    '|PersistentVolume',
    '|ComponentStatus',
    'rbac.authorization.k8s.io|ClusterRole',
    'rbac.authorization.k8s.io|ClusterRoleBinding',
    'apiextensions.k8s.io|CustomResourceDefinition',
    'apiregistration.k8s.io|APIService',
    'storage.k8s.io|StorageClass',
    'storage.k8s.io|CSIDriver',
    'storage.k8s.io|CSINode',
    'storage.k8s.io|VolumeAttachment',
    'scheduling.k8s.io|PriorityClass',
    'node.k8s.io|RuntimeClass',
    'networking.k8s.io|IngressClass',
    'admissionregistration.k8s.io|MutatingWebhookConfiguration',
    'admissionregistration.k8s.io|ValidatingWebhookConfiguration',
    'admissionregistration.k8s.io|ValidatingAdmissionPolicy',
    'admissionregistration.k8s.io|ValidatingAdmissionPolicyBinding',
    'certificates.k8s.io|CertificateSigningRequest',
    'flowcontrol.apiserver.k8s.io|FlowSchema',
    'flowcontrol.apiserver.k8s.io|PriorityLevelConfiguration',
    'policy|PodSecurityPolicy',
]);
const groupOf = (apiVersion) => typeof apiVersion === 'string' && apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
/** The namespace transformer (api/filters/namespace/namespace.go run, with builtinpluginconsts/namespace.go's field specs). */
function withNamespace(object, namespace) {
    const group = groupOf(object.value.apiVersion);
    const metadata = isObject(object.value.metadata) ? object.value.metadata : {};
    if (group === '' && object.kind === 'Namespace') {
        // namespace.go's field specs: a Namespace object is renamed to the namespace.
        return {
            ...object,
            name: namespace,
            value: { ...object.value, metadata: { ...metadata, name: namespace } },
        };
    }
    if (CLUSTER_SCOPED.has(`${group}|${object.kind}`))
        return withDefaultSubjects(object, namespace);
    const value = { ...object.value, metadata: { ...metadata, namespace } };
    return withDefaultSubjects({ ...object, namespace, value }, namespace);
}
/** roleBindingHack (defaultOnly mode): binding subjects named "default" get the namespace. */
function withDefaultSubjects(object, namespace) {
    if (object.kind !== 'RoleBinding' && object.kind !== 'ClusterRoleBinding')
        return object;
    const subjects = object.value.subjects;
    if (!Array.isArray(subjects))
        return object;
    const changed = subjects.map((s) => (isObject(s) && s.name === 'default' ? { ...s, namespace } : s));
    return { ...object, value: { ...object.value, subjects: changed } };
}

// EXTERNAL MODULE: ./src/sops/index.ts + 2 modules
var sops = __webpack_require__(6936);
// EXTERNAL MODULE: ./src/plan/model/packages.ts + 1 modules
var model_packages = __webpack_require__(9980);
// EXTERNAL MODULE: ./src/plan/model/secrets.ts
var secrets = __webpack_require__(292);
;// CONCATENATED MODULE: ./src/plan/model/environment.ts








const environment_isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A file is one SOPS-encrypted document, which the loader decrypts when it has the key. */
function isEncryptedSecret(read) {
    const { parsed, text } = read;
    return (text !== undefined &&
        parsed !== undefined &&
        parsed.diagnostics.length === 0 &&
        parsed.documents.length === 1 &&
        (0,sops/* isSopsDocument */.PM)(parsed.documents[0].value));
}
/** The folder as Flux builds it (flux/build.ts). */
function buildEnvironment(reads) {
    return buildFolder(reads.dir, reads.files);
}
/**
 * The file holding the values Secret the folder's PackageInstall names (the loader decrypts it when
 * it is encrypted), or the layout's values Secret file when the build holds no PackageInstall.
 */
function valuesSecretFileOf(reads, layout, build) {
    const installs = build.objects.filter(isPackageInstall);
    if (installs.length > 1)
        return undefined;
    const secret = installs[0] ? namedSecret(build, installs[0]) : undefined;
    if (secret)
        return secret.file;
    const fallback = `${reads.dir}/${layout.valuesSecretFile}`;
    return reads.files.has(fallback) ? fallback : undefined;
}
const isPackageInstall = (o) => o.kind === 'PackageInstall';
/**
 * The built Secret a PackageInstall's first spec.values entry names, in its namespace if there is
 * one there (a Flux Kustomization's targetNamespace puts both in one namespace anyway; see
 * namespaceProblem).
 */
function namedSecret(build, pi) {
    const spec = environment_isObject(pi.value.spec) ? pi.value.spec : {};
    const first = Array.isArray(spec.values) ? spec.values[0] : undefined;
    const name = environment_isObject(first) && environment_isObject(first.secretRef) ? first.secretRef.name : undefined;
    if (typeof name !== 'string')
        return undefined;
    const named = build.objects.filter((o) => o.kind === 'Secret' && o.name === name);
    return named.find((o) => o.namespace === pi.namespace) ?? named[0];
}
/** The planner's view of an environment folder: what its kustomization builds, read as a PackageInstall and its values Secret. */
function environmentFiles(reads, layout, build = buildEnvironment(reads)) {
    const diagnostics = [...build.diagnostics];
    const result = {
        diagnostics,
        packageInstallBuilt: false,
        valuesSecretBuilt: false,
        otherSecrets: [],
        hasFiles: reads.files.size > 0,
        missingListed: [],
    };
    const ours = new Set([
        `${reads.dir}/${layout.packageInstallFile}`,
        `${reads.dir}/${layout.valuesSecretFile}`,
    ]);
    for (const { path, diagnostic } of build.missing)
        (ours.has(path) ? result.missingListed : diagnostics).push(diagnostic);
    const installs = build.objects.filter(isPackageInstall);
    if (installs.length > 1) {
        const where = installs.map((o) => `${o.file}:${o.parsed.position(o.doc.range[0]).line}`).join(', ');
        diagnostics.push((0,src_diagnostics/* error */.z3)('packageinstall.multiple', `the folder builds ${installs.length} PackageInstalls (${where}); an environment holds one PackageInstall per component: keep one`, installs[1].file, installs[1].parsed.position(installs[1].doc.range[0])));
    }
    else if (installs.length === 1) {
        const o = installs[0];
        result.packageInstall = readPackageInstall(o.parsed, reads.files.get(o.file)?.text ?? '', o.doc, o.value, diagnostics);
        result.packageInstallBuilt = true;
    }
    else
        packageInstallFromLayout(reads, layout, result);
    valuesSecretOf(reads, layout, build, result);
    otherSecretsOf(build, result);
    if (build.kustomization) {
        result.kustomizationPath = build.kustomization;
        result.kustomizationText = reads.files.get(build.kustomization)?.text;
    }
    return result;
}
/** No PackageInstall is built: packageinstall.yaml as it is (install lists it; validate refuses the folder). */
function packageInstallFromLayout(reads, layout, result) {
    const piPath = `${reads.dir}/${layout.packageInstallFile}`;
    const pi = reads.files.get(piPath);
    if (!pi?.parsed || pi.text === undefined) {
        if (pi?.parsed)
            result.diagnostics.push(...pi.parsed.diagnostics);
        return;
    }
    if (pi.parsed.diagnostics.length > 0) {
        result.diagnostics.push(...pi.parsed.diagnostics);
        return;
    }
    const found = pi.parsed.documents.filter((d) => environment_isObject(d.value) && d.value.kind === 'PackageInstall');
    if (found.length === 1)
        result.packageInstall = readPackageInstall(pi.parsed, pi.text, found[0].doc, found[0].value, result.diagnostics);
}
function valuesSecretOf(reads, layout, build, result) {
    const file = valuesSecretFileOf(reads, layout, build);
    const secret = file ? reads.files.get(file) : undefined;
    if (!file || !secret?.parsed)
        return;
    const installs = build.objects.filter(isPackageInstall);
    const named = installs.length === 1 ? namedSecret(build, installs[0]) : undefined;
    result.valuesSecretBuilt = named !== undefined;
    if (named && named.namespace !== installs[0].namespace)
        result.diagnostics.push(namespaceProblem(installs[0], named));
    if (!build.objects.some((o) => o.file === file))
        result.diagnostics.push(...secret.parsed.diagnostics);
    if (secret.text === undefined || secret.parsed.diagnostics.length > 0)
        return;
    const read = isEncryptedSecret(secret)
        ? (0,secrets/* encryptedSecretOf */.CX)(secret.parsed, secret.text, reads.keysGiven, reads.decryptedFile === file ? reads.decrypted : undefined)
        : reads.nested
            ? (0,secrets/* nestedSecretOf */.Pu)(secret.parsed, secret.text, reads.nested)
            : { ...(0,values_secret/* readValuesSecret */.RP)(secret.parsed, secret.text), encrypted: undefined };
    result.encrypted = read.encrypted;
    result.diagnostics.push(...read.diagnostics);
    result.valuesSecret = read.secret;
    result.valuesSecretText = secret.text;
    result.valuesSecretFile = file;
    result.valuesSecretDiagnostics = read.diagnostics;
    if (reads.nested?.keys.length)
        result.nestedSops = reads.nested.keys;
}
/** kapp-controller reads the values Secret from the PackageInstall's namespace. */
function namespaceProblem(pi, secret) {
    const ns = (o) => (o.namespace ? `namespace ${o.namespace}` : 'no namespace');
    return (0,src_diagnostics/* warning */.$e)('packageinstall.values-secret-namespace', `the PackageInstall has ${ns(pi)} and its values Secret "${secret.name}" ${ns(secret)}: kapp-controller reads the Secret from the PackageInstall's namespace, so this holds only if the Flux Kustomization sets targetNamespace. Give both the same namespace (or none)`, secret.file, secret.parsed.position(secret.doc.range[0]));
}
function otherSecretsOf(build, result) {
    for (const o of build.objects) {
        if (o.kind !== 'Secret' || o.file === result.valuesSecretFile)
            continue;
        result.otherSecrets.push({ file: o.file, name: o.name, encrypted: (0,sops/* isSopsDocument */.PM)(o.value) });
    }
}
/**
 * Install and promote write packageinstall.yaml and params.yaml: a folder whose PackageInstall or
 * values Secret lives in another file would end up with two. Refused, with the fix.
 */
function writtenElsewhereProblems(env, dir, layout) {
    const problems = [];
    const piPath = `${dir}/${layout.packageInstallFile}`;
    const secretPath = `${dir}/${layout.valuesSecretFile}`;
    const pi = env.packageInstall;
    if (pi && pi.file !== piPath)
        problems.push((0,src_diagnostics/* error */.z3)('environment.written-elsewhere', `the PackageInstall of this environment is in ${pi.file}, and flux-pkg writes ${piPath}: move it there (one object in the file) so a new version replaces it instead of adding a second`, pi.file, pi.parsed.position(pi.doc.range[0])));
    if (env.valuesSecretFile && env.valuesSecretFile !== secretPath)
        problems.push((0,src_diagnostics/* error */.z3)('environment.written-elsewhere', `the values Secret of this environment is in ${env.valuesSecretFile}, and flux-pkg writes ${secretPath}: move it there (one object in the file)`, env.valuesSecretFile));
    return problems;
}
/** The version an environment's PackageInstall selects among the component's Packages, if any. */
function selectedVersion(env, packages) {
    const pi = env.packageInstall;
    if (!pi?.selection || pi.refName !== packages.refName)
        return undefined;
    return (0,semver/* selectHighest */.Xo)(packages.packages.map((p) => p.version), pi.selection).version;
}
function readPackageInstall(parsed, text, doc, value, diagnostics) {
    const file = parsed.file;
    const at = (path) => (0,parse/* positionAt */.t$)(parsed, doc, path);
    const spec = environment_isObject(value.spec) ? value.spec : {};
    const metadata = environment_isObject(value.metadata) ? value.metadata : {};
    const ref = environment_isObject(spec.packageRef) ? spec.packageRef : undefined;
    const vs = ref && environment_isObject(ref.versionSelection) ? ref.versionSelection : undefined;
    requiredFieldProblems(file, value, spec, at, diagnostics);
    const secretNames = [];
    if (Array.isArray(spec.values)) {
        spec.values.forEach((v, i) => {
            const name = environment_isObject(v) && environment_isObject(v.secretRef) ? v.secretRef.name : undefined;
            if (typeof name === 'string')
                secretNames.push(name);
            else
                diagnostics.push((0,src_diagnostics/* error */.z3)('packageinstall.values', 'every spec.values entry needs secretRef.name', file, at(['spec', 'values', i]), `.spec.values[${i}]`));
        });
    }
    let selection;
    if (vs) {
        selection = {};
        if (vs.constraints !== undefined)
            selection.constraints = (0,model_packages/* own */.Z)(String(vs.constraints));
        if (environment_isObject(vs.prereleases)) {
            const ids = vs.prereleases.identifiers;
            selection.prereleases = Array.isArray(ids) ? { identifiers: ids.map(String) } : {};
        }
    }
    if (environment_isObject(value.metadata) && value.metadata.annotations && !environment_isObject(value.metadata.annotations)) {
        diagnostics.push((0,src_diagnostics/* warning */.$e)('packageinstall.annotations', 'metadata.annotations should be a mapping', file, at(['metadata', 'annotations'])));
    }
    return {
        file,
        parsed,
        text,
        doc,
        name: typeof metadata.name === 'string' ? (0,model_packages/* own */.Z)(metadata.name) : undefined,
        namespace: typeof metadata.namespace === 'string' ? (0,model_packages/* own */.Z)(metadata.namespace) : undefined,
        refName: ref && typeof ref.refName === 'string' ? (0,model_packages/* own */.Z)(ref.refName) : undefined,
        selection,
        secretNames,
    };
}
/** What kapp-controller needs of a PackageInstall: its apiVersion, a packageRef with a versionSelection, a service account. */
function requiredFieldProblems(file, value, spec, at, diagnostics) {
    const ref = environment_isObject(spec.packageRef) ? spec.packageRef : undefined;
    const vs = ref && environment_isObject(ref.versionSelection) ? ref.versionSelection : undefined;
    if (value.apiVersion !== 'packaging.carvel.dev/v1alpha1') {
        diagnostics.push((0,src_diagnostics/* error */.z3)('packageinstall.api-version', `apiVersion must be "packaging.carvel.dev/v1alpha1" for kind PackageInstall`, file, at(['apiVersion']), '.apiVersion'));
    }
    if (!ref || typeof ref.refName !== 'string') {
        diagnostics.push((0,src_diagnostics/* error */.z3)('packageinstall.package-ref', 'spec.packageRef.refName is required (kapp-controller fails at reconcile time without it)', file, at(['spec', 'packageRef']), '.spec.packageRef'));
    }
    else if (!vs) {
        diagnostics.push((0,src_diagnostics/* error */.z3)('packageinstall.version-selection', 'spec.packageRef.versionSelection is required (kapp-controller fails at reconcile time without it)', file, at(['spec', 'packageRef']), '.spec.packageRef.versionSelection'));
    }
    if (typeof spec.serviceAccountName !== 'string' && !environment_isObject(spec.cluster)) {
        diagnostics.push((0,src_diagnostics/* error */.z3)('packageinstall.service-account', 'spec.serviceAccountName (or spec.cluster) is required', file, at(['spec']), '.spec.serviceAccountName'));
    }
}


/***/ }),

/***/ 9980:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Z: () => (/* binding */ own),
  D: () => (/* binding */ packagesOf)
});

// EXTERNAL MODULE: ./src/builtins.ts
var builtins = __webpack_require__(7227);
// EXTERNAL MODULE: ./src/diagnostics.ts
var src_diagnostics = __webpack_require__(4851);
// EXTERNAL MODULE: ./src/yaml/parse.ts
var parse = __webpack_require__(420);
// EXTERNAL MODULE: ./src/carvel/names.ts
var names = __webpack_require__(3129);
// EXTERNAL MODULE: ./src/carvel/semver.ts
var semver = __webpack_require__(6533);
;// CONCATENATED MODULE: ./src/carvel/package.ts





const PACKAGE_API_VERSION = 'data.packaging.carvel.dev/v1alpha1';
/** ceil(8 * 158 / 5) = 253: the longest name whose base32hex encoding is still a valid object name. */
const MAX_PACKAGE_NAME_LENGTH = 158;
/** A digest of a YAML value that ignores key order and formatting (what kapp-controller would store). */
function contentDigest(value) {
    const sorted = (v) => Array.isArray(v)
        ? v.map(sorted)
        : isObject(v)
            ? Object.fromEntries(Object.keys(v)
                .sort()
                .map((k) => [k, sorted(v[k])]))
            : v;
    return (0,builtins/* nodeCrypto */.S)()
        .createHash('sha256')
        .update(JSON.stringify(sorted(value)))
        .digest('hex');
}
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Is this YAML document meant to be a Package (so its errors are Package errors)? */
function looksLikePackage(value) {
    return isObject(value) && value.kind === 'Package';
}
/** Validate one parsed document; returns the Package when it is valid. */
function validatePackage(parsed, doc, value) {
    const diagnostics = [];
    const file = parsed.file;
    const fail = (code, message, path) => diagnostics.push((0,src_diagnostics/* error */.z3)(code, message, file, (0,parse/* positionAt */.t$)(parsed, doc, path), (0,parse/* formatPath */.jV)(path)));
    if (!isObject(value)) {
        fail('package.not-an-object', 'a Package document must be a mapping', []);
        return { diagnostics };
    }
    if (value.apiVersion !== PACKAGE_API_VERSION) {
        fail('package.api-version', `apiVersion must be "${PACKAGE_API_VERSION}" for kind Package (found ${JSON.stringify(value.apiVersion ?? null)})`, ['apiVersion']);
    }
    if (value.kind !== 'Package') {
        fail('package.kind', `kind must be "Package" (found ${JSON.stringify(value.kind ?? null)})`, ['kind']);
    }
    const metadata = isObject(value.metadata) ? value.metadata : {};
    const spec = isObject(value.spec) ? value.spec : undefined;
    if (!spec) {
        fail('package.spec', 'spec is required', ['spec']);
        return { diagnostics };
    }
    const refName = typeof spec.refName === 'string' ? spec.refName : '';
    const refNameProblem = refName ? (0,names/* fullyQualifiedNameProblem */.TG)(refName) : 'is required';
    if (refNameProblem)
        fail('package.ref-name', `spec.refName ${refNameProblem}`, ['spec', 'refName']);
    const version = typeof spec.version === 'string' ? spec.version : '';
    if (!version) {
        fail('package.version', `spec.version is required and must be a string (quote numbers like "1.0.0")`, [
            'spec',
            'version',
        ]);
    }
    else {
        const parsedVersion = (0,semver/* parseStrict */.z3)(version);
        if ('error' in parsedVersion) {
            fail('package.version', `spec.version "${version}" is not strict semver: ${parsedVersion.error}`, [
                'spec',
                'version',
            ]);
        }
    }
    const name = typeof metadata.name === 'string' ? metadata.name : '';
    if (!name) {
        fail('package.name', 'metadata.name is required', ['metadata', 'name']);
    }
    else if (refName && version && name !== `${refName}.${version}`) {
        fail('package.name-mismatch', `metadata.name must be <spec.refName> + '.' + <spec.version>: expected "${refName}.${version}", found "${name}"`, ['metadata', 'name']);
    }
    else if (name.length > MAX_PACKAGE_NAME_LENGTH) {
        fail('package.name-too-long', `metadata.name is ${name.length} characters; kapp-controller stores Packages under an encoded name, which limits it to ${MAX_PACKAGE_NAME_LENGTH}`, ['metadata', 'name']);
    }
    const template = isObject(spec.template) ? spec.template : undefined;
    if (!template || !isObject(template.spec)) {
        fail('package.template', 'spec.template.spec is required (the App template kapp-controller runs)', [
            'spec',
            'template',
        ]);
    }
    for (const key of ['kubernetesVersionSelection', 'kappControllerVersionSelection']) {
        const selection = spec[key];
        if (selection === undefined || selection === null)
            continue;
        const constraints = isObject(selection) ? selection.constraints : undefined;
        if (constraints === undefined)
            continue;
        const range = typeof constraints === 'string' ? (0,semver/* parseRange */.RC)(constraints) : { error: 'must be a string' };
        if ('error' in range) {
            fail('package.version-selection', `spec.${key}.constraints does not parse: ${range.error}`, [
                'spec',
                key,
                'constraints',
            ]);
        }
    }
    if (diagnostics.length > 0)
        return { diagnostics };
    const valuesSchema = isObject(spec.valuesSchema) ? spec.valuesSchema.openAPIv3 : undefined;
    const line = parsed.position(doc.range[0]).line;
    const releaseNotes = typeof spec.releaseNotes === 'string' ? spec.releaseNotes : undefined;
    const fetch = isObject(template?.spec) ? template.spec.fetch : undefined;
    const pkg = { file, name, refName, version, valuesSchema, line, releaseNotes, fetch };
    return { pkg: withLazyDigest(pkg, value), diagnostics };
}
/** `pkg.digest` as a property computed on its first read (then kept, and the document let go). */
function withLazyDigest(pkg, value) {
    let source = { value };
    let digest = '';
    return Object.defineProperty(pkg, 'digest', {
        enumerable: true,
        get: () => {
            if (source) {
                digest = contentDigest(source.value);
                source = undefined;
            }
            return digest;
        },
    });
}

;// CONCATENATED MODULE: ./src/plan/model/packages.ts
/** A component's Packages, from its parsed Package files: validated, one refName, no version twice. */




const packages_isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/**
 * The same string, not sharing the file's text. V8 keeps a substring as a slice of its parent: a
 * version or constraint that outlives its file (in the plan's results) would keep the whole file
 * text alive, and a large repo's results would hold every Package file.
 */
const own = (s) => JSON.parse(JSON.stringify(s));
/** The component's Packages from its parsed Package files (in packageFiles order; undefined: absent). */
function packagesOf(component, files) {
    const diagnostics = [];
    const packages = [];
    for (const { file, parsed } of files) {
        if (!parsed)
            continue;
        diagnostics.push(...parsed.diagnostics);
        if (parsed.diagnostics.length === 0 && parsed.documents.length === 0) {
            diagnostics.push((0,src_diagnostics/* error */.z3)('package.empty', 'the file holds no document; a packages folder holds Package files', file));
        }
        for (const { doc, value } of parsed.documents) {
            if (!looksLikePackage(value)) {
                if (!isPackageCompanion(value)) {
                    diagnostics.push((0,src_diagnostics/* error */.z3)('package.kind', 'expected a Carvel Package (kind: Package) or PackageMetadata in a packages folder', file, (0,parse/* positionAt */.t$)(parsed, doc, ['kind']), '.kind'));
                }
                continue;
            }
            const result = validatePackage(parsed, doc, value);
            diagnostics.push(...result.diagnostics);
            if (result.pkg) {
                const { name, refName, version, releaseNotes } = result.pkg;
                // Assigned onto the Package, not spread: a spread would compute its lazy digest (package.ts) now.
                packages.push(Object.assign(result.pkg, {
                    name: own(name),
                    refName: own(refName),
                    version: own(version),
                    releaseNotes: releaseNotes === undefined ? undefined : own(releaseNotes),
                }));
            }
        }
    }
    const refNames = [...new Set(packages.map((p) => p.refName))];
    if (refNames.length > 1) {
        for (const pkg of packages.filter((p) => p.refName !== packages[0].refName)) {
            diagnostics.push((0,src_diagnostics/* error */.z3)('package.ref-name-conflict', `component "${component.name}" has Packages of several refNames (${refNames.join(', ')}); one component holds one package`, pkg.file, { line: pkg.line, column: 1 }, '.spec.refName'));
        }
    }
    const seen = new Map();
    for (const pkg of packages) {
        const twin = seen.get(pkg.version);
        if (twin) {
            diagnostics.push((0,src_diagnostics/* error */.z3)('package.duplicate-version', `version ${pkg.version} is also defined in ${twin.file}`, pkg.file, { line: pkg.line, column: 1 }, '.spec.version'));
        }
        seen.set(pkg.version, pkg);
    }
    packages.sort((a, b) => (0,semver/* compare */.UD)((0,semver/* parseRelaxed */.X)(a.version), (0,semver/* parseRelaxed */.X)(b.version)));
    return { packages, refName: refNames.length === 1 ? refNames[0] : undefined, diagnostics };
}
/** What else a Carvel packages folder holds beside Packages: a component's PackageMetadata. */
function isPackageCompanion(value) {
    return (packages_isObject(value) &&
        value.kind === 'PackageMetadata' &&
        value.apiVersion === 'data.packaging.carvel.dev/v1alpha1');
}


/***/ }),

/***/ 292:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CX: () => (/* binding */ encryptedSecretOf),
/* harmony export */   I: () => (/* binding */ plainSecretProblem),
/* harmony export */   Kp: () => (/* binding */ plainToEncrypted),
/* harmony export */   LY: () => (/* binding */ repoEncrypts),
/* harmony export */   Pu: () => (/* binding */ nestedSecretOf),
/* harmony export */   b0: () => (/* binding */ encryptionFor)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _carvel_values_secret_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3204);
/* harmony import */ var _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4851);
/* harmony import */ var _sops_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6936);
/* harmony import */ var _sops_rule_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3985);
/* harmony import */ var _yaml_parse_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(420);
/**
 * The planner's side of SOPS, synchronous: an encrypted params.yaml read from the loader's decryption
 * (or left alone without a key), and the recipients a values Secret to write is encrypted for, from
 * the repository's `.sops.yaml` (or the settings). The age work itself is in seal.ts and load.ts.
 * Messages name files, lines and key paths, never a value.
 */






const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** An encrypted params.yaml's values Secret, read from the loader's decryption of it (none without a key). */
function encryptedSecretOf(parsed, text, keysGiven, decrypted) {
    const file = parsed.file;
    const value = parsed.documents[0]?.value;
    const metadata = isObject(value) && isObject(value.metadata) ? value.metadata : {};
    const encrypted = {
        source: text,
        name: typeof metadata.name === 'string' ? metadata.name : undefined,
        toSource: (d) => d,
    };
    if (!keysGiven || !decrypted) {
        const message = 'the values Secret is SOPS-encrypted and no age key was given (input sops-age-key, or --sops-age-key-file): its values are not checked and the file is left as it is';
        return {
            encrypted,
            diagnostics: [(0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .warning */ .$e)('sops.no-key', message, file, parsed.position(0))],
        };
    }
    if (!decrypted.document)
        return { encrypted, diagnostics: decrypted.diagnostics };
    const document = decrypted.document;
    encrypted.document = document;
    const plain = (0,_yaml_parse_js__WEBPACK_IMPORTED_MODULE_5__/* .parseYaml */ .hN)(file, document.text);
    encrypted.toSource = lineMapper(plain, parsed);
    const read = (0,_carvel_values_secret_js__WEBPACK_IMPORTED_MODULE_1__/* .readValuesSecret */ .RP)(plain, document.text);
    return {
        encrypted,
        secret: read.secret,
        diagnostics: [...decrypted.diagnostics, ...read.diagnostics.map(encrypted.toSource)],
    };
}
/**
 * A plain params.yaml with SOPS documents nested in its data values: read from what Flux hands
 * kapp-controller once it decrypted them (nested.plainText); without that (no key, or one did not
 * open) it is left alone like an encrypted file without a key.
 */
function nestedSecretOf(parsed, text, nested) {
    if (nested.plainText === undefined && nested.keys.length > 0) {
        const value = parsed.documents[0]?.value;
        const metadata = isObject(value) && isObject(value.metadata) ? value.metadata : {};
        const name = typeof metadata.name === 'string' ? metadata.name : undefined;
        return { encrypted: { source: text, name, toSource: (d) => d }, diagnostics: nested.diagnostics };
    }
    const plain = nested.plainText ?? text;
    const read = (0,_carvel_values_secret_js__WEBPACK_IMPORTED_MODULE_1__/* .readValuesSecret */ .RP)(plain === text ? parsed : (0,_yaml_parse_js__WEBPACK_IMPORTED_MODULE_5__/* .parseYaml */ .hN)(parsed.file, plain), plain);
    return { secret: read.secret, diagnostics: [...nested.diagnostics, ...read.diagnostics] };
}
/**
 * Lines of the decrypted text → lines of the encrypted file. A values YAML that decrypts to many
 * lines sits on one line of the encrypted file, so a problem inside it points at its key there
 * (the diagnostic's path still says where inside).
 */
function lineMapper(plain, source) {
    const plainDoc = plain.documents[0]?.doc;
    const sourceDoc = source.documents[0]?.doc;
    if (!plainDoc || !sourceDoc)
        return (d) => d;
    const spans = [];
    const lineOf = (offset) => plain.position(offset).line;
    const add = (doc, path, node) => {
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isPair */ .tO)(node) || !(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node.key))
            return;
        const key = String(node.key.value);
        const range = node.value?.range;
        const start = (node.key.range ?? range)?.[0];
        if (start === undefined)
            return;
        spans.push({ from: lineOf(start), to: lineOf(range?.[1] ?? start), path: [...path, key] });
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node.value) && path.length === 0)
            for (const item of node.value.items)
                add(doc, [key], item);
    };
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(plainDoc.contents))
        for (const item of plainDoc.contents.items)
            add(plainDoc, [], item);
    return (d) => {
        if (d.file !== plain.file || d.line === 0)
            return d;
        // The innermost key whose lines hold the diagnostic's line.
        const span = spans.filter((s) => s.from <= d.line && d.line <= s.to).at(-1);
        const at = span ? (0,_yaml_parse_js__WEBPACK_IMPORTED_MODULE_5__/* .positionAt */ .t$)(source, sourceDoc, span.path) : source.position(0);
        return { ...d, line: at.line, column: at.column };
    };
}
/** Diagnostics about a plaintext moved to the lines of its encryption. */
function plainToEncrypted(file, plain, encrypted) {
    return lineMapper((0,_yaml_parse_js__WEBPACK_IMPORTED_MODULE_5__/* .parseYaml */ .hN)(file, plain), (0,_yaml_parse_js__WEBPACK_IMPORTED_MODULE_5__/* .parseYaml */ .hN)(file, encrypted));
}
/**
 * Recipients and rule for a values Secret: the first `.sops.yaml` creation rule whose path_regex
 * matches (as sops does), else the sopsAgeRecipients setting (the sops-age-recipients input wins over
 * flux-pkg.yaml), else the recipients the file is already encrypted for. `sopsConfig`: the nearest
 * `.sops.yaml` (see nearestSopsConfig in sops/updatekeys.ts) and its text, as the loader read it.
 */
function encryptionFor(sopsConfig, file, settings, previous) {
    if (sopsConfig) {
        const configPath = sopsConfig.path;
        const { config, diagnostics } = (0,_sops_index_js__WEBPACK_IMPORTED_MODULE_3__/* .parseSopsConfig */ .V_)(sopsConfig.text ?? '', configPath);
        if (!config)
            return { diagnostics };
        const folder = configPath.slice(0, -'.sops.yaml'.length);
        const found = (0,_sops_index_js__WEBPACK_IMPORTED_MODULE_3__/* .creationRuleFor */ .rV)(config, file.slice(folder.length));
        if (found.rule) {
            const rule = Object.values(found.rule.rule).some(Boolean) ? found.rule.rule : _sops_index_js__WEBPACK_IMPORTED_MODULE_3__/* .SECRET_RULE */ .ui;
            const problem = readableProblem(rule);
            if (problem)
                return {
                    diagnostics: [
                        (0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .error */ .z3)('sops.rule-hides-metadata', problem, configPath, found.rule, `.creation_rules[${found.rule.index}]`),
                    ],
                };
            return { encryption: { recipients: found.rule.recipients, rule }, diagnostics: [] };
        }
        if (settings.sopsAgeRecipients.length === 0 && !previous)
            return { diagnostics: found.diagnostics };
    }
    const rule = previous?.metadata.rule ?? _sops_index_js__WEBPACK_IMPORTED_MODULE_3__/* .SECRET_RULE */ .ui;
    if (settings.sopsAgeRecipients.length > 0)
        return { encryption: { recipients: settings.sopsAgeRecipients, rule }, diagnostics: [] };
    if (previous)
        return {
            encryption: { recipients: previous.metadata.age.map((s) => s.recipient), rule },
            diagnostics: [],
        };
    const message = 'secretFormat is "sops" but no age recipient is known: add a .sops.yaml creation rule for this file, set sopsAgeRecipients in flux-pkg.yaml, or the sops-age-recipients input';
    return { diagnostics: [(0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .error */ .z3)('sops.no-recipients', message, file)] };
}
/** Flux reads apiVersion, kind and metadata before it decrypts: a rule must leave them readable. */
function readableProblem(rule) {
    const invalid = (0,_sops_rule_js__WEBPACK_IMPORTED_MODULE_4__/* .ruleProblem */ ["in"])(rule);
    if (invalid)
        return invalid;
    const encrypted = (0,_sops_rule_js__WEBPACK_IMPORTED_MODULE_4__/* .encryptionPredicate */ .Fy)(rule);
    const hidden = [['apiVersion'], ['kind'], ['metadata', 'name']].filter((keys) => encrypted(keys));
    if (hidden.length === 0 && encrypted(['stringData', 'values.yaml']))
        return undefined;
    return hidden.length > 0
        ? `the creation rule would encrypt ${hidden.map((k) => k.join('.')).join(', ')}, which Flux must read; use encrypted_regex: ^(data|stringData)$`
        : 'the creation rule would leave stringData in plain text; use encrypted_regex: ^(data|stringData)$';
}
/** A plain values Secret where encryption is expected: a warning, or an error with requireEncryption. */
function plainSecretProblem(file, settings, repoEncrypts, what = 'the values Secret') {
    if (settings.requireEncryption)
        return (0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .error */ .z3)('values.plain-secret', `${what} is stored in plain text, and requireEncryption is set: ${what === 'the values Secret' ? 'set secretFormat: sops for this environment' : 'encrypt it with SOPS'}`, file);
    if (!repoEncrypts)
        return undefined;
    return (0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .warning */ .$e)('values.plain-secret', `${what} is stored in plain text in git; ${what === 'the values Secret' ? 'set secretFormat: sops to encrypt it' : 'encrypt it with SOPS'}`, file);
}
/** The repository encrypts values Secrets somewhere: it has a `.sops.yaml` or configures secretFormat sops. */
function repoEncrypts(paths, configured) {
    return (paths.some((p) => p === '.sops.yaml' || p.endsWith('/.sops.yaml')) ||
        configured.some((s) => s.secretFormat === 'sops'));
}


/***/ }),

/***/ 8720:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ plan)
/* harmony export */ });
/* harmony import */ var _config_config_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6400);
/* harmony import */ var _run_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2784);
/* harmony import */ var _kinds_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4284);
/**
 * The planner's entry: a request → its mode's runner, by the one table below. A mode is a folder
 * under modes/ (its rules and run.ts) and one line here; see CONTRIBUTING.md.
 */


/**
 * A mode that plans component by component, through the shared pipeline (run.ts). Each mode's code is imported
 * when a request of its kind comes: a run loads only the mode it plans (a bundle puts each in a chunk of its own).
 */
const byComponent = (load) => async (snapshot, request, loaded) => (0,_run_js__WEBPACK_IMPORTED_MODULE_1__/* .planComponents */ .W)(snapshot, request, loaded ?? (await (0,_config_config_js__WEBPACK_IMPORTED_MODULE_0__/* .loadConfig */ .Z9)(snapshot)), await load());
/** The one table from a request's kind to the mode that plans it (one folder each under modes/). */
const RUNNERS = Object.freeze({
    install: byComponent(async () => (await Promise.all(/* import() */[__webpack_require__.e(217), __webpack_require__.e(297)]).then(__webpack_require__.bind(__webpack_require__, 7297))).runInstall),
    validate: byComponent(async () => (await Promise.all(/* import() */[__webpack_require__.e(217), __webpack_require__.e(347)]).then(__webpack_require__.bind(__webpack_require__, 4347))).runValidate),
    promote: byComponent(async () => (await Promise.all(/* import() */[__webpack_require__.e(217), __webpack_require__.e(446)]).then(__webpack_require__.bind(__webpack_require__, 8446))).runPromote),
    bootstrap: async (snapshot, request, loaded) => (await Promise.all(/* import() */[__webpack_require__.e(217), __webpack_require__.e(547), __webpack_require__.e(394)]).then(__webpack_require__.bind(__webpack_require__, 9394))).planBootstrap(snapshot, request, loaded),
});

/**
 * The plan for a request. `loaded`: flux-pkg.yaml as the caller already read it (its diagnostics are
 * reported); default: read it here.
 */
function plan(snapshot, request, loaded) {
    const runner = RUNNERS[request.kind];
    return runner(snapshot, request, loaded);
}


/***/ }),

/***/ 2784:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  W: () => (/* binding */ planComponents)
});

// EXTERNAL MODULE: ./src/diagnostics.ts
var src_diagnostics = __webpack_require__(4851);
// EXTERNAL MODULE: ./src/plan/load/load.ts + 1 modules
var load = __webpack_require__(2331);
// EXTERNAL MODULE: ./src/plan/load/reader.ts + 1 modules
var reader = __webpack_require__(4429);
// EXTERNAL MODULE: ./src/plan/model/boundaries.ts
var boundaries = __webpack_require__(2391);
// EXTERNAL MODULE: ./src/plan/model/repository.ts
var repository = __webpack_require__(1925);
// EXTERNAL MODULE: ./src/plan/model/secrets.ts
var secrets = __webpack_require__(292);
// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var ajv = __webpack_require__(2463);
// EXTERNAL MODULE: ./node_modules/ajv-formats/dist/index.js
var dist = __webpack_require__(2815);
var dist_default = /*#__PURE__*/__webpack_require__.n(dist);
// EXTERNAL MODULE: ./src/once.ts
var once = __webpack_require__(8094);
// EXTERNAL MODULE: ./src/carvel/values-schema/pattern.ts
var values_schema_pattern = __webpack_require__(1078);
;// CONCATENATED MODULE: ./src/carvel/values-schema/ajv.ts
/** The ajv instances: one long-lived for the meta-schema, and a fresh one per values schema. */




// ajv-formats is CommonJS: Node's ESM import exposes module.exports as the namespace's default, bundlers may not.
const addFormats = ((dist_default()) ??
    dist);
// Options shared by every instance. `unicodeRegExp: false` accepts patterns copied from Go/Kubernetes that the `u`
// flag rejects (e.g. `\_`). `ownProperties`: a values key named `constructor` must not find Object.prototype's.
// Every pattern runs on RE2 (see pattern.ts), never on JavaScript's backtracking RegExp.
const OPTIONS = {
    allErrors: true,
    strict: false,
    logger: false,
    unicodeRegExp: false,
    ownProperties: true,
};
/**
 * ajv-formats' `regex` format asks JavaScript's RegExp; the meta-schema uses it for `pattern`, and a pattern here is
 * what RE2 compiles (Go's `(?i)` included), so the format says the same.
 */
function addFormatsTo(instance) {
    addFormats(instance);
    instance.addFormat('regex', (s) => (0,values_schema_pattern/* unsupportedPattern */.kg)(s) === undefined);
}
/**
 * The formats every instance knows: ajv-formats' full set (`regex` is replaced, not added). normalise() keeps a
 * `format` only when it is one of these. A list, not an instance's `formats`, so that asking needs no instance
 * (a test holds it equal to what addFormatsTo() registers).
 */
const FORMAT_NAMES = new Set([
    'date',
    'time',
    'date-time',
    'iso-time',
    'iso-date-time',
    'duration',
    'uri',
    'uri-reference',
    'uri-template',
    'url',
    'email',
    'hostname',
    'ipv4',
    'ipv6',
    'regex',
    'uuid',
    'json-pointer',
    'json-pointer-uri-fragment',
    'relative-json-pointer',
    'byte',
    'int32',
    'int64',
    'float',
    'double',
    'password',
    'binary',
]);
/**
 * One long-lived instance checks normalised schemas against JSON Schema's meta-schema. It never compiles a values
 * schema, so it holds nothing per Package. Made on first use: adding draft-07's meta-schema costs a few milliseconds
 * (compiling it on the first check, tens), and most schemas are plainly valid without asking it (meta-schema.ts).
 */
const metaSchemaChecker = (0,once/* once */.O)(() => {
    const instance = new ajv.Ajv({ ...OPTIONS, verbose: true, code: { regExp: values_schema_pattern/* regExpEngine */.EW } });
    addFormatsTo(instance);
    return instance;
});
/**
 * Each values schema is compiled by an instance of its own: an Ajv instance keeps every function it compiled (and the
 * schema values they use) in its scope for as long as it lives, and each compiled function keeps its instance alive,
 * so a shared instance would grow with every Package of the run. A fresh instance costs well under a millisecond, and
 * lives as long as something compiled by it is in use (a cached part: see compileByParts). What makes compiling cheap:
 * - `code.optimize: false`: ajv's optimisation passes over the generated code cost more than they save when every
 *   function runs a handful of times (one per environment);
 * - `verbose: false`: errors carry neither the schema nor the data; toProblems() finds both from the error's paths;
 * - `validateSchema: false`, `meta: false`: compileValuesSchema() has already checked the schema against the
 *   meta-schema (with the instance above), so ajv's own check in compile() would be the same check twice;
 * - `code.process`: see compileEagerly().
 */
function compiler() {
    const instance = new ajv.Ajv({
        ...OPTIONS,
        verbose: false,
        validateSchema: false,
        meta: false,
        addUsedSchema: false,
        code: { optimize: false, process: compileEagerly, regExp: values_schema_pattern/* regExpEngine */.EW },
    });
    addFormatsTo(instance);
    return instance;
}
/**
 * ajv's code is `<constants>return function validateN(…){…}`. V8 pre-parses a function body and compiles it fully on
 * the first call, so every body is parsed twice; written in parentheses, V8 compiles it at once, parsing it once.
 * The same function either way (left as it is if ajv ever writes it differently).
 */
function compileEagerly(source) {
    const start = 'return function ';
    const at = source.indexOf(start);
    return at === -1 ? source : `${source.slice(0, at)}return (function ${source.slice(at + start.length)})`;
}

;// CONCATENATED MODULE: ./src/carvel/values-schema/json.ts
const isObj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPlainMap = (v) => isObj(v) && Object.getPrototypeOf(v) === Object.prototype;
/** Define, never assign: `o["__proto__"] = v` would set o's prototype, and the key would be gone. */
const put = (o, key, value) => Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
/** The JSON type of a value as ajv names it ('integer' for whole numbers). Never the value itself. */
function typeOf(v) {
    if (v === null)
        return 'null';
    if (Array.isArray(v))
        return 'array';
    if (typeof v === 'number')
        return Number.isInteger(v) ? 'integer' : 'number';
    return typeof v;
}
const accepts = (types, t) => types.includes(t) || (t === 'integer' && types.includes('number'));
const typesOf = (s) => s.type === undefined ? undefined : Array.isArray(s.type) ? s.type : [s.type];
/**
 * kctrl's Helm generator writes `default: "{}"`/`"[]"` (strings) for empty maps/lists and `"null"` for null; Helm-derived
 * schemas write `"null"` on other types too (vmware-tanzu/package-for-kubeapps 8.0.10/package.yaml,
 * `defaultPrereleasesVersionSelection: {type: array, default: "null", nullable: true}`). Only a string key's "null" is
 * the word.
 */
function coerceDefault(d, type) {
    if (type === 'object' && d === '{}')
        return {};
    if (type === 'array' && d === '[]')
        return [];
    return d === 'null' && typeof type === 'string' && type !== 'string' && type !== '' ? null : d;
}
const unescapeToken = (s) => s.replace(/~1/g, '/').replace(/~0/g, '~');
const escapePointer = (s) => s.replace(/~/g, '~0').replace(/\//g, '~1');

;// CONCATENATED MODULE: ./src/carvel/values-schema/compile.ts


const errorsOf = (fn) => (data) => fn(data) ? [] : (fn.errors ?? []);
/**
 * Compiled top-level properties by content, least recently used first. Successive versions of a Package mostly add
 * or change a few keys and keep the rest as it was: each distinct part is compiled once while it is in use.
 */
const COMPILED_PARTS_KEPT = 256;
const compiledParts = new Map();
/** Holds no rule: valid whatever the value (ytt's any=True normalises to `{default: …}`). */
const alwaysValid = (schema) => Object.keys(schema).every((k) => k === 'default');
/**
 * The schema compiled as two kinds of function, giving ajv's errors in ajv's order: one for the root with every
 * property's schema replaced by `{}` (which ajv compiles to nothing), and one per property, shared by content.
 * ajv checks a property's schema only when the value is an object holding the key (own, not undefined), after
 * every keyword of the root itself (a root with patternProperties, which ajv checks after properties, is compiled
 * whole); its errors are the property function's, with the property's place put in front of their paths.
 *
 * A property's function is compiled when a value first holds its key: values set a few of a schema's keys (a
 * chart's schema lists hundreds), and the others are never checked. Should compiling one throw then (a normalised
 * schema that passed the meta-schema does not), the schema is checked whole from then on, as when compiling in
 * parts trips at once.
 */
function compileByParts(schema) {
    let instance;
    const compile = (s) => {
        instance ??= compiler();
        return errorsOf(instance.compile(s));
    };
    const props = schema.properties;
    // ajv checks patternProperties after properties: in parts, its errors would come first.
    if (!isPlainMap(props) || schema.patternProperties !== undefined)
        return compile(schema);
    const keys = Object.keys(props);
    const split = keys.filter((k) => !alwaysValid(props[k]));
    if (split.length === 0)
        return compile(schema);
    const root = compile({ ...schema, properties: Object.fromEntries(keys.map((k) => [k, {}])) });
    const parts = split.map((key) => {
        const at = escapePointer(key);
        return { key, instancePath: `/${at}`, schemaPath: `#/properties/${encodeURIComponent(at)}` };
    });
    let whole;
    const byParts = (data) => {
        const errors = root(data);
        if (!isObj(data))
            return errors;
        let all = errors;
        for (const part of parts) {
            const value = data[part.key];
            if (value === undefined || !Object.hasOwn(data, part.key))
                continue;
            part.check ??= compiledOrThrow(() => cachedPart(props[part.key], compile));
            const found = part.check(value);
            if (found.length === 0)
                continue;
            if (all === errors)
                all = [...errors];
            for (const e of found) {
                e.instancePath = part.instancePath + e.instancePath;
                e.schemaPath = part.schemaPath + e.schemaPath.slice(1);
                all.push(e);
            }
        }
        return all;
    };
    return (data) => {
        if (whole)
            return whole(data);
        try {
            return byParts(data);
        }
        catch (err) {
            if (!(err instanceof PartNotCompiled))
                throw err; // a check that threw (see compileValuesSchema)
            whole = compile(schema);
            return whole(data);
        }
    };
}
/** A part that ajv could not compile; not a check that threw while checking a value. */
class PartNotCompiled extends Error {
}
function compiledOrThrow(compile) {
    try {
        return compile();
    }
    catch {
        throw new PartNotCompiled();
    }
}
/** A part's check from the cache, or compiled now and kept as the most recently used. */
function cachedPart(part, compile) {
    const content = contentKey(part);
    let check = content === undefined ? undefined : compiledParts.get(content);
    if (check)
        compiledParts.delete(content); // re-inserted below as the most recently used
    else
        check = compile(part);
    if (content !== undefined) {
        compiledParts.set(content, check);
        if (compiledParts.size > COMPILED_PARTS_KEPT)
            compiledParts.delete(compiledParts.keys().next().value);
    }
    return check;
}
/**
 * A key for a part that identical parts share and no different one does: JSON, with the numbers JSON cannot write
 * (NaN, ±Infinity, -0) told apart. Undefined (no sharing) when an object has another prototype than Object's,
 * which JSON cannot show (a `__proto__` key in a schema's properties).
 */
function contentKey(schema) {
    let plain = true;
    const json = JSON.stringify(schema, (_, v) => {
        if (typeof v === 'number')
            return Number.isFinite(v) && !Object.is(v, -0) ? v : `\u0000${Object.is(v, -0) ? '-0' : v}`;
        if (typeof v === 'string')
            return v.startsWith('\u0000') ? `\u0000${v}` : v;
        if (isObj(v) && Object.getPrototypeOf(v) !== Object.prototype)
            plain = false;
        return v;
    });
    return plain ? json : undefined;
}

;// CONCATENATED MODULE: ./src/carvel/values-schema/suggest.ts
/** "Did you mean": the known key a mistyped one is closest to. */
/** Optimal-string-alignment distance: Levenshtein plus adjacent swaps ("hots" → "host" is one edit). */
function editDistance(a, b) {
    let [older, prev] = [[], Array.from({ length: b.length + 1 }, (_, j) => j)];
    for (let i = 1; i <= a.length; i++) {
        const row = [i];
        for (let j = 1; j <= b.length; j++) {
            row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                row[j] = Math.min(row[j], older[j - 2] + 1);
        }
        [older, prev] = [prev, row];
    }
    return prev[b.length];
}
/** The closest sibling name, if it's close enough to be a typo (≤1 edit for short keys, ≤3 for long ones). */
function suggest(key, known) {
    let best;
    let bestD = Math.max(1, Math.min(3, Math.floor(key.length / 3))) + 1;
    for (const k of known) {
        const d = editDistance(key.toLowerCase(), k.toLowerCase());
        if (d < bestD)
            [best, bestD] = [k, d];
    }
    return best;
}

;// CONCATENATED MODULE: ./src/carvel/values-schema/messages.ts


/**
 * What ajv's `verbose` option would have put on an error (the data it is about, the keyword's schema and the schema
 * holding the keyword), found by following its paths: compiling verbose code for every schema costs more than
 * looking these up for the few errors of invalid values.
 */
function addVerbose(e, root, schema) {
    let data = root;
    if (e.instancePath !== '')
        for (const raw of e.instancePath.slice(1).split('/')) {
            const seg = Array.isArray(data) ? Number(raw) : unescapeToken(raw);
            data =
                data !== null && typeof data === 'object' ? data[seg] : undefined;
        }
    // schemaPath is a URI fragment (`#/properties/a%20b/type`): each segment is URI-encoded after JSON-pointer escaping.
    let parent;
    let node = schema;
    for (const raw of e.schemaPath.split('/').slice(1)) {
        parent = node;
        node =
            isObj(node) || Array.isArray(node) ? node[unescapeToken(decodeURIComponent(raw))] : undefined;
    }
    e.data = data;
    e.schema = node;
    e.parentSchema = isObj(parent) ? parent : undefined;
}
/** JSON pointer → segments; a segment is a number only where the data there is a list. */
function valuesPath(pointer, root) {
    const out = [];
    let cur = root;
    for (const raw of pointer === '' ? [] : pointer.slice(1).split('/')) {
        const seg = Array.isArray(cur) ? Number(raw) : unescapeToken(raw);
        out.push(seg);
        cur = cur !== null && typeof cur === 'object' ? cur[seg] : undefined;
    }
    return out;
}
const show = (v) => (typeof v === 'string' ? v : JSON.stringify(v));
const count = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
function describeBranch(b) {
    if (Array.isArray(b.enum))
        return [`one of ${b.enum.map(show).join(', ')}`];
    if ('const' in b)
        return [show(b.const)];
    return typesOf(b) ?? [b.properties || b.required ? 'object' : 'constrained value'];
}
const limit = (p, word) => count(p.limit, word);
const MESSAGES = {
    type: (p, e) => `must be ${String(p.type).split(',').join(' or ')}, not ${typeOf(e.data)}`,
    enum: (p) => `must be one of: ${p.allowedValues.map(show).join(', ')}`,
    const: (p) => `must be ${show(p.allowedValue)}`,
    minimum: (p) => `must be ${p.comparison} ${p.limit}`,
    multipleOf: (p) => `must be a multiple of ${p.multipleOf}`,
    minLength: (p) => (p.limit === 1 ? 'must not be empty' : `must be at least ${limit(p, 'character')}`),
    maxLength: (p) => `must be at most ${limit(p, 'character')}`,
    minItems: (p) => `must have at least ${limit(p, 'item')}`,
    maxItems: (p) => `must have at most ${limit(p, 'item')}`,
    minProperties: (p) => `must have at least ${limit(p, 'key')}`,
    maxProperties: (p) => `must have at most ${limit(p, 'key')}`,
    uniqueItems: () => 'must not contain duplicate items',
    pattern: (p) => `must match the pattern ${p.pattern}`,
    format: (p) => `must be a valid ${p.format}`,
    required: () => 'is required but missing',
    not: () => 'must not match the excluded shape',
    additionalProperties: (p, e) => {
        const hint = suggest(String(p.additionalProperty), Object.keys(e.parentSchema?.properties ?? {}));
        // The path already names the key: say what is wrong with it, once.
        return `is not a key of the Package's valuesSchema${hint ? ` (did you mean "${hint}"?)` : ''}`;
    },
    anyOf: (p, e) => {
        const shapes = [...new Set(e.schema.flatMap(describeBranch))].join(' | ');
        return Array.isArray(p.passingSchemas)
            ? `matches more than one allowed shape (${shapes}) but must match exactly one`
            : `does not match any allowed shape: ${shapes}`;
    },
};
for (const k of ['maximum', 'exclusiveMinimum', 'exclusiveMaximum'])
    MESSAGES[k] = MESSAGES.minimum;
MESSAGES.oneOf = MESSAGES.anyOf;
/** The values problems of ajv's errors for `root` against the normalised `schema`. */
function toProblems(errors, root, schema) {
    for (const e of errors)
        addVerbose(e, root, schema);
    const silenced = compoundRules(errors);
    const seen = new Set();
    const problems = [];
    for (const e of errors) {
        if (silenced(e))
            continue;
        const p = e.params;
        const path = valuesPath(e.instancePath, root);
        if (e.keyword === 'additionalProperties')
            path.push(String(p.additionalProperty));
        else if (e.keyword === 'required')
            path.push(String(p.missingProperty));
        // ajv's own messages are built from the schema, never the data, so they are a safe fallback.
        const message = MESSAGES[e.keyword]?.(p, e) ?? e.message ?? `fails ${e.keyword}`;
        const key = `${JSON.stringify(path)}\0${message}`;
        if (!seen.has(key))
            problems.push({ path, keyword: e.keyword, message });
        seen.add(key);
    }
    return problems;
}
/**
 * ajv reports every failing anyOf/oneOf branch, then the compound. Keep one message per compound, except when
 * exactly one branch takes the value's type: that branch's own errors say more ("must be >= 1").
 */
function compoundRules(errors) {
    const rules = [];
    const quiet = new Set();
    for (const e of errors) {
        if (e.keyword !== 'anyOf' && e.keyword !== 'oneOf')
            continue;
        const drop = `${e.schemaPath}/`;
        const t = typeOf(e.data);
        const fits = e.schema.flatMap((b, i) => (accepts(typesOf(b) ?? [t], t) ? [i] : []));
        if (fits.length === 1 && !Array.isArray(e.params.passingSchemas)) {
            rules.push({ drop, keep: `${drop}${fits[0]}/` });
            quiet.add(e);
        }
        else
            rules.push({ drop });
    }
    return (e) => {
        const under = (prefix) => prefix !== undefined && e.schemaPath.startsWith(prefix);
        return quiet.has(e) || rules.some((r) => under(r.drop) && !under(r.keep));
    };
}
/** The one message an encrypted value gets: nothing in it depends on the value beyond "it fails". */
const WITHHELD = '(encrypted) does not satisfy the schema; details withheld';
/**
 * The problems of values that came from an encrypted Secret: at most one per values path, saying only that it fails.
 * Which rule failed (a pattern, an enum member, a bound, a missing key's name) depends on the value, and a schema can
 * make that an oracle: an allOf of one pattern per (position, character) had its errors spell the secret out.
 * A path stops before the first key the schema does not name: a map's own keys are part of the encrypted text too.
 */
function withheldProblems(errors, root, schema) {
    for (const e of errors)
        addVerbose(e, root, schema);
    const silenced = compoundRules(errors);
    const seen = new Set();
    const problems = [];
    for (const e of errors) {
        if (silenced(e))
            continue;
        const path = namedPrefix(valuesPath(e.instancePath, root), schema);
        const key = JSON.stringify(path);
        if (!seen.has(key))
            problems.push({ path, keyword: 'withheld', message: WITHHELD });
        seen.add(key);
    }
    return problems;
}
/** The longest start of `path` whose every key the schema names (list indexes are not secret: only a count). */
function namedPrefix(path, schema) {
    let nodes = [schema];
    for (let i = 0; i < path.length; i++) {
        const seg = path[i];
        nodes = nodes.flatMap((n) => childSchemas(n, seg));
        if (nodes.length === 0)
            return path.slice(0, i);
    }
    return path;
}
/** The schemas a key or index of `node` meets, through allOf/anyOf/oneOf branches too. */
function childSchemas(node, seg) {
    const found = [];
    const props = node.properties;
    if (typeof seg === 'string' && isObj(props) && Object.hasOwn(props, seg) && isObj(props[seg]))
        found.push(props[seg]);
    if (typeof seg === 'number') {
        const items = Array.isArray(node.items) ? node.items[seg] : node.items;
        found.push(isObj(items) ? items : {});
    }
    for (const kw of ['allOf', 'anyOf', 'oneOf'])
        if (Array.isArray(node[kw]))
            for (const b of node[kw])
                if (isObj(b))
                    found.push(...childSchemas(b, seg));
    return found;
}

;// CONCATENATED MODULE: ./src/carvel/values-schema/normalise.ts
/**
 * OpenAPI 3.0 schema → JSON Schema (draft-07) for ajv. kapp-controller stores a valuesSchema without reading it
 * (nothing in the cluster ever checks one), so whatever a schema gets wrong is a quirk, not an error: it is read the
 * most lenient way that still checks what the schema clearly says, and a note (a warning on the Package) names the
 * place in the schema. Only a schema whose root is not a schema object cannot be read at all.
 */



const JSON_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);
const TYPE_ALIASES = { bool: 'boolean', int: 'integer' };
// Copied when plainly valid (each has a check below). Everything not handled in normalise() (title, description,
// example(s), x-*, deprecated, $id, discriminator…) is documentation and dropped quietly: it changes nothing a value
// may be. Dropping $id also keeps ajv from registering schemas by id.
const isCount = (v) => Number.isInteger(v) && v >= 0;
const isFiniteNumber = (v) => Number.isFinite(v);
const PLAIN_KEYWORDS = {
    multipleOf: { valid: (v) => isFiniteNumber(v) && v > 0, wants: 'a number above 0' },
    maximum: { valid: isFiniteNumber, wants: 'a number' },
    minimum: { valid: isFiniteNumber, wants: 'a number' },
    uniqueItems: { valid: (v) => typeof v === 'boolean', wants: 'true or false' },
    const: { valid: () => true, wants: 'a value' },
};
for (const k of ['maxLength', 'minLength', 'maxItems', 'minItems', 'maxProperties', 'minProperties'])
    PLAIN_KEYWORDS[k] = { valid: isCount, wants: 'a whole number of at least 0' };
class SchemaError extends Error {
}
/** A schema path as the user wrote it: `openAPIv3.properties.a["b c"].items[0]`. */
function schemaPathText(at) {
    const seg = (s) => typeof s === 'number' ? `[${s}]` : /^[A-Za-z_$][\w$-]*$/.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`;
    return `openAPIv3${at.map(seg).join('')}`;
}
/** The whole valuesSchema normalised, or why it cannot be read at all; notes are pushed onto `notes` either way. */
function normaliseValuesSchema(openAPIv3, notes) {
    try {
        if (openAPIv3 === null || openAPIv3 === undefined) {
            notes.push({ path: [], message: 'valuesSchema has no openAPIv3 schema: any values are accepted' });
            return { normalized: {} };
        }
        if (!isObj(openAPIv3))
            throw new SchemaError(`invalid valuesSchema at openAPIv3: must be a schema object, not ${typeOf(openAPIv3)}`);
        return { normalized: normalise(openAPIv3, { vp: [], sp: [], notes }) };
    }
    catch (err) {
        if (!(err instanceof SchemaError))
            throw err;
        return { error: err.message };
    }
}
/** A quirk at `place` (or at its keyword `key`): what was assumed, for a warning naming the schema path. */
function note(place, key, message) {
    const at = schemaPathText(key === undefined ? place.sp : [...place.sp, key]);
    place.notes.push({ path: place.vp, at, message });
}
const child = (place, vp, sp) => ({
    vp: [...place.vp, ...vp],
    sp: [...place.sp, ...sp],
    notes: place.notes,
});
/** A child schema: a schema object, or (noted) no constraint at all: `a:` with nothing under it is YAML's null. */
function normalise(node, place) {
    if (!isObj(node)) {
        const what = node === null ? 'empty (null)' : `${typeOf(node)}`;
        note(place, undefined, `is ${what}, not a schema object: any value is accepted there`);
        return {};
    }
    const out = {};
    const shape = readShape(node, place);
    copyPlainKeywords(node, out, place);
    copyRequired(node, out, place);
    copyDefault(node, out, shape, place);
    // `{default: null, nullable: true}` with no type: ytt's `any=True` when nested (normal, so quiet), kctrl's
    // "no schema" at the root (worth saying: nothing is checked).
    if (shape.types === undefined && shape.nullable && place.vp.length === 0) {
        const message = 'valuesSchema is {nullable: true} with no type (kctrl\'s "no schema"): any values are accepted';
        place.notes.push({ path: place.vp, message });
    }
    copyEnumAndType(node, out, shape, place);
    copyExclusiveLimits(node, out);
    copyPattern(node, out, place);
    copyFormat(node, out, place);
    if (node.$ref !== undefined)
        note(place, '$ref', '$ref is not followed: what it points to is not checked');
    normaliseChildren(node, out, place);
    normalisePatternProperties(node, out, place);
    normaliseCompounds(node, out, place);
    return out;
}
function readShape(node, place) {
    let types = readTypes(node, place);
    const { properties: props, additionalProperties: ap, items } = node;
    // properties/items without a type mean an object/list (JSON Schema alone would let a string through). Quiet:
    // hand-written schemas routinely omit the root type.
    if (types === undefined && (isObj(props) || isObj(ap) || typeof ap === 'boolean'))
        types = ['object'];
    if (types === undefined && (isObj(items) || Array.isArray(items)))
        types = ['array'];
    return { types, nullable: readNullable(node, place) };
}
function readNullable(node, place) {
    const raw = node.nullable;
    if (raw === undefined || typeof raw === 'boolean')
        return raw === true;
    const read = raw === 'true';
    note(place, 'nullable', `nullable is ${typeOf(raw)}, not true or false: read as ${read}`);
    return read;
}
function readTypes(node, place) {
    const raw = node.type;
    if (raw === undefined)
        return undefined;
    if (raw === null || raw === '') {
        // Schemas generated from Helm values write it for a value whose type the generator could not tell.
        note(place, 'type', `type ${raw === null ? 'is empty (null)' : '""'} names no type: any type is accepted`);
        return undefined;
    }
    if (raw === 'null') {
        // kctrl's Helm generator writes it for a chart value that is null: the real type is unknown, and a
        // null-only key would reject every value a user sets.
        const message = 'type "null" (kctrl writes it for Helm values that default to null): any value is accepted';
        note(place, 'type', message);
        return [];
    }
    const list = Array.isArray(raw) ? raw : [raw];
    const types = [];
    for (const t of list) {
        const alias = typeof t === 'string' && Object.hasOwn(TYPE_ALIASES, t) ? TYPE_ALIASES[t] : undefined;
        if (alias)
            note(place, 'type', `type "${t}" is not an OpenAPI type; read as "${alias}"`);
        else if (typeof t !== 'string' || !JSON_TYPES.has(t)) {
            const what = typeof t === 'string' ? `"${t}"` : schemaValue(t);
            note(place, 'type', `type ${what} is not a type name: ignored`);
            continue;
        }
        const name = alias ?? t;
        if (!types.includes(name))
            types.push(name);
    }
    return types.length > 0 ? types : undefined;
}
/** A schema's own value, for a note (schemas are public; values never appear in one). */
const schemaValue = (v) => {
    const text = JSON.stringify(v) ?? typeOf(v);
    return text.length > 40 ? typeOf(v) : text;
};
/** Limits and flags, copied when they are what JSON Schema wants; a number written as a string is read as one. */
function copyPlainKeywords(node, out, place) {
    for (const [k, { valid, wants }] of Object.entries(PLAIN_KEYWORDS)) {
        const v = node[k];
        if (v === undefined)
            continue;
        const asNumber = typeof v === 'string' && v.trim() !== '' ? Number(v) : undefined;
        if (valid(v))
            out[k] = v;
        else if (asNumber !== undefined && valid(asNumber)) {
            note(place, k, `${k} is the string "${v}"; read as the number ${asNumber}`);
            out[k] = asNumber;
        }
        else
            note(place, k, `${k} must be ${wants}, not ${schemaValue(v)}: not checked`);
    }
}
function copyRequired(node, out, place) {
    const r = node.required;
    if (r === undefined || (Array.isArray(r) && r.length === 0))
        return;
    if (typeof r === 'boolean') {
        // Swagger 2.0 / hand-written habit: a key's own flag. JSON Schema lists required keys on the object above.
        note(place, 'required', `required: ${r} on a key is OpenAPI 2 style: not enforced`);
    }
    else if (!Array.isArray(r) || r.some((k) => typeof k !== 'string')) {
        const kind = Array.isArray(r) ? 'a list holding other things' : typeOf(r);
        note(place, 'required', `required must be a list of key names, not ${kind}: not enforced`);
    }
    else
        out.required = [...new Set(r)]; // a name listed twice is still one required key
}
// A default of the wrong *type* is sloppy typing (kapp-controller never checks): accept what it shows. A default
// that fails a value rule (kadras `domain_name: {default: "", minLength: 4}`) is ytt's way of saying "you must
// set this", so enum/minLength/minimum stay as written.
function copyDefault(node, out, shape, place) {
    if (!('default' in node))
        return;
    const d = coerceDefault(node.default, node.type);
    out.default = d;
    const { types } = shape;
    if (d === null && types?.length && !types.includes('null') && !shape.nullable) {
        // grafana, harbor, fluent-bit: `default: null` on a string/integer means "not set", as in ytt and Helm.
        shape.nullable = true;
        note(place, 'default', 'default is null but the key is not nullable; null is accepted (it means "not set")');
    }
    else if (d !== null && types?.length && !accepts(types, typeOf(d))) {
        // grafana `grafana_ini: {type: object, default: "See default values file"}`: the real values are strings.
        const t = typeOf(d) === 'integer' ? 'number' : typeOf(d);
        note(place, 'default', `default is of type ${t} but the type is ${types.join(' or ')}; ${t} is accepted too`);
        shape.types = [...types, t];
    }
}
function copyEnumAndType(node, out, { types, nullable }, place) {
    const list = node.enum;
    if (Array.isArray(list) && list.length > 0) {
        // A value listed twice is still one allowed value (JSON Schema wants them distinct); objects are left as written.
        const distinct = list.every((v) => v === null || typeof v !== 'object') ? [...new Set(list)] : list;
        // OpenAPI 3.0: nullable lets null past an enum too.
        out.enum = nullable && !distinct.includes(null) ? [...distinct, null] : distinct;
    }
    else if (list !== undefined) {
        const what = Array.isArray(list) ? 'an empty list (no value could pass)' : typeOf(list);
        note(place, 'enum', `enum must be a list of the allowed values, not ${what}: not checked`);
    }
    if (types?.length) {
        const t = nullable && !types.includes('null') ? [...types, 'null'] : types;
        out.type = t.length === 1 ? t[0] : t;
    }
}
// OpenAPI 3.0's exclusiveMinimum/Maximum are booleans qualifying minimum/maximum; draft-07 wants the number.
function copyExclusiveLimits(node, out) {
    for (const ex of ['exclusiveMinimum', 'exclusiveMaximum']) {
        const lim = ex === 'exclusiveMinimum' ? 'minimum' : 'maximum';
        if (node[ex] === true && typeof out[lim] === 'number') {
            out[ex] = out[lim];
            delete out[lim];
        }
        else if (isFiniteNumber(node[ex]))
            out[ex] = node[ex];
    }
}
/** A pattern RE2 cannot run (lookaround, backreference) is left unchecked, never handed to a backtracking engine. */
function copyPattern(node, out, place) {
    const { pattern } = node;
    if (pattern === undefined)
        return;
    if (typeof pattern !== 'string') {
        note(place, 'pattern', `pattern must be a string, not ${typeOf(pattern)}: not checked`);
        return;
    }
    const why = (0,values_schema_pattern/* unsupportedPattern */.kg)(pattern);
    if (why === undefined)
        out.pattern = pattern;
    else
        note(place, 'pattern', `pattern ${pattern} is not checked: ${notLinear(why)}`);
}
const notLinear = (why) => `the linear-time engine (RE2) cannot run it (${why})`;
// ajv-formats knows OpenAPI's own (float, int32…); anything else (`cidr`, `int-or-string`) is not checked.
function copyFormat(node, out, place) {
    const { format } = node;
    if (format === undefined)
        return;
    if (typeof format === 'string' && FORMAT_NAMES.has(format))
        out.format = format;
    else {
        const what = typeof format === 'string' ? `"${format}" is not a format this check knows` : 'is not a name';
        note(place, 'format', `format ${what}: not checked`);
    }
}
/** properties, additionalProperties, items and not, each normalised in turn; one that is not a schema is noted. */
function normaliseChildren(node, out, place) {
    const { properties: props, additionalProperties: ap, items } = node;
    if (isObj(props)) {
        const p = {};
        for (const [k, c] of Object.entries(props))
            put(p, k, normalise(c, child(place, [k], ['properties', k])));
        out.properties = p;
    }
    else if (props !== undefined)
        note(place, 'properties', `properties is ${what(props)}, not a map: ignored`);
    if (typeof ap === 'boolean')
        out.additionalProperties = ap;
    else if (isObj(ap))
        out.additionalProperties = normalise(ap, child(place, ['*'], ['additionalProperties']));
    else if (ap !== undefined)
        note(place, 'additionalProperties', `additionalProperties is ${what(ap)}, not true, false or a schema: ignored`);
    if (Array.isArray(items) && items.length > 0)
        out.items = items.map((it, i) => normalise(it, child(place, [i], ['items', i])));
    else if (isObj(items))
        out.items = normalise(items, child(place, ['*'], ['items']));
    else if (items !== undefined)
        note(place, 'items', `items is ${what(items)}, not a schema: ignored`);
    if (isObj(node.not))
        out.not = normalise(node.not, child(place, [], ['not']));
    else if (node.not !== undefined)
        note(place, 'not', `not is ${what(node.not)}, not a schema: ignored`);
}
const what = (v) => v === null ? 'empty (null)' : Array.isArray(v) && v.length === 0 ? 'an empty list' : typeOf(v);
/**
 * Keys by pattern, matched by RE2. A pattern RE2 cannot run says nothing about which keys it covers, so with one the
 * object's `additionalProperties: false` cannot be told either: both are left unchecked, with a note.
 */
function normalisePatternProperties(node, out, place) {
    const pp = node.patternProperties;
    if (pp === undefined)
        return;
    if (!isPlainMap(pp)) {
        note(place, 'patternProperties', `patternProperties is ${what(pp)}, not a map: ignored`);
        return;
    }
    const kept = {};
    let unchecked = false;
    for (const [pattern, c] of Object.entries(pp)) {
        const why = (0,values_schema_pattern/* unsupportedPattern */.kg)(pattern);
        if (why === undefined)
            put(kept, pattern, normalise(c, child(place, ['*'], ['patternProperties', pattern])));
        else {
            unchecked = true;
            note(place, 'patternProperties', `the keys matching ${pattern} are not checked: ${notLinear(why)}`);
        }
    }
    if (Object.keys(kept).length > 0)
        out.patternProperties = kept;
    if (unchecked && out.additionalProperties !== undefined && out.additionalProperties !== true) {
        note(place, 'additionalProperties', 'additionalProperties is not checked: a key pattern above cannot be run');
        delete out.additionalProperties;
    }
}
function normaliseCompounds(node, out, place) {
    for (const kw of ['allOf', 'anyOf', 'oneOf']) {
        const list = node[kw];
        if (list === undefined)
            continue;
        if (!Array.isArray(list) || list.length === 0) {
            note(place, kw, `${kw} is ${what(list)}, not a list of schemas: ignored`);
            continue;
        }
        const branches = list.map((b, i) => normalise(b, child(place, [], [kw, i])));
        if (kw === 'oneOf' && branchesOverlap(branches)) {
            // kctrl's Helm-derived schemas (crossplane) offer nullable integer *and* number: a strict oneOf would
            // reject 3 (integer and number) and null (every branch).
            note(place, kw, 'oneOf branches overlap (a value can match several); read as anyOf');
            out.anyOf = [...(out.anyOf ?? []), ...branches];
        }
        else
            out[kw] = branches;
    }
}
/**
 * By type only. A branch without constraints (ytt any=True, kctrl `type: "null"`) overlaps everything; otherwise an
 * untyped branch (`required: [a]`) means a deliberate "exactly one of" and the oneOf stays.
 */
function branchesOverlap(branches) {
    if (branches.length > 1 && branches.some((b) => Object.keys(b).every((k) => k === 'default')))
        return true;
    const seen = new Set();
    for (const b of branches) {
        const types = typesOf(b);
        if (!types)
            return false;
        for (const t of types) {
            const clash = t === 'integer' ? 'number' : t === 'number' ? 'integer' : t;
            if (seen.has(t) || seen.has(clash))
                return true;
        }
        for (const t of types)
            seen.add(t);
    }
    return false;
}

;// CONCATENATED MODULE: ./src/carvel/values-schema/meta-schema.ts
/**
 * Backstop for what normalise() copies unchecked (`minimum: "1"`, `required: "x"`): the normalised schema checked
 * against draft-07's meta-schema, by a cheap plain-value test first and by ajv where that cannot tell.
 */



const SIMPLE_TYPES = new Set(['array', 'boolean', 'integer', 'null', 'number', 'object', 'string']);
const meta_schema_isCount = (v) => Number.isInteger(v) && v >= 0;
/** Distinct by ===, with nothing that deep equality could see otherwise (objects, NaN, ±0 are left to ajv). */
function plainlyDistinct(items, scalar) {
    if (!items.every((v) => scalar(v) && v !== 0 && !Number.isNaN(v)))
        return false;
    return new Set(items).size === items.length;
}
const isScalarValue = (v) => v === null || ['string', 'number', 'boolean'].includes(typeof v);
const isNumber = (v) => Number.isFinite(v);
/** Per keyword a normalised schema can hold: when its value is plainly what draft-07's meta-schema accepts. */
const PLAIN = {
    default: () => true,
    const: () => true,
    multipleOf: (v) => isNumber(v) && v > 0,
    maximum: isNumber,
    minimum: isNumber,
    exclusiveMaximum: isNumber,
    exclusiveMinimum: isNumber,
    maxLength: meta_schema_isCount,
    minLength: meta_schema_isCount,
    maxItems: meta_schema_isCount,
    minItems: meta_schema_isCount,
    maxProperties: meta_schema_isCount,
    minProperties: meta_schema_isCount,
    uniqueItems: (v) => typeof v === 'boolean',
    format: (v) => typeof v === 'string',
    required: (v) => Array.isArray(v) && plainlyDistinct(v, (s) => typeof s === 'string'),
    enum: (v) => Array.isArray(v) && v.length > 0 && plainlyDistinct(v, isScalarValue),
    type: (v) => typeof v === 'string'
        ? SIMPLE_TYPES.has(v)
        : Array.isArray(v) && v.length > 0 && plainlyDistinct(v, (t) => SIMPLE_TYPES.has(t)),
    properties: (v) => isPlainMap(v) && Object.values(v).every(plainlyValid),
    additionalProperties: (v) => typeof v === 'boolean' || plainlyValid(v),
    items: (v) => (Array.isArray(v) ? v.length > 0 && v.every(plainlyValid) : plainlyValid(v)),
    not: (v) => plainlyValid(v),
    allOf: (v) => Array.isArray(v) && v.length > 0 && v.every(plainlyValid),
    anyOf: (v) => Array.isArray(v) && v.length > 0 && v.every(plainlyValid),
    oneOf: (v) => Array.isArray(v) && v.length > 0 && v.every(plainlyValid),
};
/**
 * True only when ajv's meta-schema check would surely pass: every keyword is one normalise() writes, with a plainly
 * valid value. False means "ask ajv" (a pattern, for one, is always left to ajv's regex check).
 */
function plainlyValid(schema) {
    if (!isPlainMap(schema))
        return false;
    for (const key in schema) {
        const check = Object.hasOwn(PLAIN, key) ? PLAIN[key] : undefined;
        if (!check?.(schema[key]))
            return false;
    }
    return true;
}
/**
 * Why the normalised schema breaks the meta-schema, or undefined when it does not. The normalised schema keeps the
 * original's shape, so ajv's path into it names the same place in the original. Most schemas are plainly valid, and
 * saying so is much cheaper than asking ajv; anything less plain gets ajv's verdict.
 */
function metaSchemaError(normalized) {
    if (plainlyValid(normalized))
        return undefined;
    const ajv = metaSchemaChecker();
    if (ajv.validateSchema(normalized))
        return undefined;
    const e = ajv.errors?.[0];
    const at = e ? e.instancePath.split('/').slice(1).map(unescapeToken) : [];
    return `invalid valuesSchema at ${schemaPathText(at)}: ${e?.message ?? 'rejected'}`;
}

;// CONCATENATED MODULE: ./src/carvel/values-schema.ts
/**
 * Validate Package values against `spec.valuesSchema.openAPIv3`.
 *
 * kapp-controller never reads valuesSchema, so real schemas are sloppy OpenAPI 3.0 (ytt, kctrl's Helm
 * generator, hand-written community schemas). We normalise them into JSON Schema for ajv and add a note
 * whenever we had to assume something. Problems never quote the offending value, because values often hold
 * secrets. Things that come from the schema (enum members, limits, patterns, key names) may be quoted.
 *
 * The steps live beside this file in values-schema/: normalise.ts (OpenAPI 3.0 → JSON Schema, and its notes),
 * meta-schema.ts (the backstop check of the result), ajv.ts and compile.ts (compiling, in cached parts),
 * messages.ts (ajv's errors → problems, "did you mean" from suggest.ts), defaults.ts (a document of defaults).
 */









const UNCHECKABLE = {
    path: [],
    keyword: 'uncheckable',
    message: 'cannot be checked against the valuesSchema: a map in the values has a key named valueOf or toString where the schema compares values (uniqueItems, enum, const); rename the key',
};
function compileValuesSchema(openAPIv3) {
    (0,values_schema_pattern/* requireLinearEngineFor */.s0)(openAPIv3);
    const notes = [];
    const normalised = normaliseValuesSchema(openAPIv3, notes);
    if (normalised.error !== undefined)
        return { ok: false, error: normalised.error, notes };
    const { normalized } = normalised;
    let invalid;
    try {
        invalid = metaSchemaError(normalized);
    }
    catch (err) {
        // ajv's deep equality calls an object's own `valueOf`: `enum: [{valueOf: 1}, …]` throws there.
        invalid = `it cannot be checked (${err.message})`;
    }
    if (invalid !== undefined)
        return { ok: false, error: invalid, notes };
    let check;
    try {
        check = compileByParts(normalized);
    }
    catch {
        // Whatever compiling in parts tripped on, compiling the schema whole says it as ajv would.
        try {
            check = errorsOf(compiler().compile(normalized));
        }
        catch (err) {
            return { ok: false, error: `valuesSchema cannot be compiled: ${err.message}`, notes };
        }
    }
    const validate = (values, { encrypted = false } = {}) => {
        const v = values ?? {}; // an empty values file means no values, as for ytt
        let errors;
        try {
            errors = check(v);
        }
        catch {
            // ajv's deep equality (uniqueItems, enum, const) calls an object's own `valueOf`/`toString`: a
            // values key of that name makes it throw. Nothing about the value goes into the message.
            return [encrypted ? { path: [], keyword: 'withheld', message: WITHHELD } : UNCHECKABLE];
        }
        if (errors.length === 0)
            return [];
        return encrypted ? withheldProblems(errors, v, normalized) : toProblems(errors, v, normalized);
    };
    return { ok: true, schema: { validate }, notes, normalized };
}

// EXTERNAL MODULE: ./src/carvel/values-secret.ts
var values_secret = __webpack_require__(3204);
;// CONCATENATED MODULE: ./src/diagnostics/codes.ts
/**
 * Every diagnostic code flux-pkg-action reports: its severity, what it means and how to fix the repository
 * (or the request) that trips it. `error()` and `warning()` take only a code of this list, so a new check
 * adds its code here first; docs/diagnostics.md is generated from it (`npm run docs`), and
 * __tests__/diagnostics/codes.test.ts fails for a code that no test produces.
 *
 * A code is a compatibility commitment: scripts and workflows match on it. Rename none; retire one by
 * leaving it here with a meaning that says it is no longer reported.
 */
// Each helper keeps its severity as a literal type: ErrorCode and WarningCode are derived from it.
const e = (meaning, fix) => ({ severity: 'error', meaning, fix });
const w = (meaning, fix) => ({ severity: 'warning', meaning, fix });
const either = (meaning, fix, when) => ({
    severity: 'either',
    meaning,
    fix,
    when,
});
/** A values document that fails one JSON Schema keyword of the Package's valuesSchema. */
const valuesRule = (keyword, rule) => e(`A value in the values Secret fails the valuesSchema's \`${keyword}\` rule: ${rule}.`, 'Change the value at the reported path in params.yaml (the message says what the schema allows), or publish a Package version whose valuesSchema allows it.');
/** The schema keywords whose failures have a code of their own (`values.<keyword>`); others share `values.schema-rule`. */
const SCHEMA_RULE_KEYWORDS = [
    'type',
    'enum',
    'const',
    'minimum',
    'maximum',
    'exclusiveMinimum',
    'exclusiveMaximum',
    'multipleOf',
    'minLength',
    'maxLength',
    'minItems',
    'maxItems',
    'minProperties',
    'maxProperties',
    'uniqueItems',
    'pattern',
    'format',
    'required',
    'not',
    'additionalProperties',
    'anyOf',
    'oneOf',
    'withheld',
    'uncheckable',
];
const REQUEST_NAME_FIX = 'Correct the input (action) or flag (CLI) named in the message; a name is a DNS-1123 name: lower-case letters, digits and "-".';
const CODES = {
    // yaml/: every file is parsed with positions and limits before any rule reads it.
    'yaml.syntax': e('The file is not valid YAML; the message names the kind of syntax error and its position (never the text, which may be a secret).', 'Fix the YAML at the reported line, e.g. with `yq . FILE` or an editor that highlights YAML.'),
    'yaml.duplicate-key': e('A mapping holds the same key twice; Kubernetes and ytt would each keep a different one.', 'Delete one of the two keys at the reported line.'),
    'yaml.unknown-alias': e('An alias (`*name`) refers to no anchor (`&name`) defined before it in the document.', 'Define the anchor before the alias, or write the value out.'),
    'yaml.alias-limit': e('A document expands more aliases than the limit: refused as a possible YAML bomb.', 'Write the repeated values out instead of expanding aliases of aliases.'),
    'yaml.too-large': e('The file is over the size limit and is not parsed.', 'Split the file or remove what does not belong in it; Packages, PackageInstalls and values Secrets are small.'),
    'yaml.too-many-documents': e('The file holds more YAML documents (`---`) than the limit.', 'Split the documents over several files.'),
    // repo/: what the action refuses to read or write.
    'repo.symlink': e('A file the action reads or writes is a symbolic link; links are never followed (they could point out of the repository).', 'Replace the link with the file itself.'),
    'repo.special': e('A file the action reads or writes is not a regular file (a FIFO, a device, a socket).', 'Replace it with a regular file, or remove it.'),
    'repo.outside': e('A path the action would read or write leads out of the repository (through a link of a parent folder).', 'Replace the linked folder with a real one.'),
    // config/: flux-pkg.yaml.
    'config.empty': e('flux-pkg.yaml exists but holds no settings.', 'List the environments (or other settings), or delete the file: without it every environment takes new versions directly.'),
    'config.documents': e('flux-pkg.yaml holds more than one YAML document.', 'Keep one document: remove `---`.'),
    'config.invalid': e('flux-pkg.yaml does not match its JSON Schema (an unknown setting, a wrong type).', 'Correct the key at the reported line; schema/flux-pkg.schema.json lists every setting, and editors complete from it.'),
    'config.path': e('A `layout` setting is not a clean relative path or file name inside the repository (or is under .github/).', 'Give a relative path without `..`, leading `/` or `.github/`; file and folder names hold no `/`.'),
    'config.name-template': e('packageInstallName or valuesSecretName makes a name Kubernetes refuses (for some component).', 'Use `{component}` and DNS-1123 characters only, and keep the expanded name within 253 characters.'),
    'config.duplicate-environment': e('An environment is listed twice under `environments`.', 'Delete one of the two entries.'),
    'config.promote-cycle': e('`promoteFrom` chains go round in a cycle, so no environment of the cycle could ever get a version.', 'Make one environment of the cycle take new versions directly (no `promoteFrom`).'),
    'config.unknown-environment': e('`promoteFrom` or `components.<name>.environments` names an environment that is not listed, or that has no folder under the component.', 'List the environment under `environments`, create its folder (bootstrap), or correct the name.'),
    'config.not-editable': e('Bootstrap cannot add the new environment to flux-pkg.yaml in place (the message says what in its shape prevents it).', 'Add the environment entry under `environments` by hand, then rerun bootstrap.'),
    'config.misnamed': e('A file is named like the config but is not the one the action reads (`flux-pkg.yml`, `.flux-pkg.yaml`, `.flux-pkg.yml`, or anything under `.github/`): only `flux-pkg.yaml` at the repository root is read.', 'Rename (or move) the file to `flux-pkg.yaml` at the repository root; delete it if that file exists already.'),
    // layout: how components and environments are found.
    'layout.no-component': e('The layout finds no component: no `<component>/packages/*.yaml` and no `<component>/<environment>/packageinstall.yaml`.', 'Check `layout` in flux-pkg.yaml (componentsPath, packagesDir, packageInstallFile) against the repository.'),
    'layout.component-name': e('A component folder name is not a valid name (it becomes part of Kubernetes object names).', 'Rename the folder to a DNS-1123 subdomain: lower-case letters, digits, "-" and ".".'),
    'layout.environment-name': e('An environment folder name is not a valid name.', 'Rename the folder to a DNS-1123 label: lower-case letters, digits and "-".'),
    'layout.no-environment': w('validate found components with Packages but no environment folder yet (the state before the first bootstrap): the Packages were validated, nothing else.', 'Nothing; bootstrap creates the first environment of a component.'),
    // request: what the caller asked for (inputs, flags, the event).
    'request.no-match': e('A component or environment filter names nothing in the repository, so the run would do nothing.', 'Correct the `component` / `environment` input (or flag); the message lists the names there are.'),
    'request.component': e('The requested component is not a valid name, or has no Packages.', 'Name a component folder that holds `packages/*.yaml`; the message lists them.'),
    'request.environment': e('The requested environment is not a valid name, or it (or its RBAC folder) clashes with a folder of the component.', 'Choose another environment name (a DNS-1123 label), or change `layout.rbacFolder`.'),
    'request.package': e('A Package file the run was given (the `packages` input, or the push) does not exist or holds no Package.', 'Give paths of Package files in the repository, relative to its root.'),
    'request.promote': e('A manual promotion names a component that does not exist or is not a valid name.', 'Correct the `component` input (or `--component`).'),
    'request.version': e('The requested version is not a Package version, or the component has no Package of that version.', 'Give a version the component has under packages/ (the message lists them).'),
    'request.target-namespace': e('Bootstrap needs the namespace the Package installs into, and neither the request nor flux-pkg.yaml gives it, or it is not a namespace name.', 'Set `target-namespace` (or `targetNamespace` for the environment in flux-pkg.yaml).'),
    'request.service-account-name': e('service-account-name (the account kapp-controller installs with) is not an object name.', 'Give a DNS-1123 name: lowercase letters, digits, `-` and `.`, at most 253 characters.'),
    'request.flux-api-version': e('flux-api-version is neither v1 nor v1beta2.', 'Use v1 (current Flux) or v1beta2.'),
    'request.git-url': e('git-url is not a URL Flux can clone (https:// or ssh://).', 'Give the gitops repository URL as https://… or ssh://git@….'),
    'request.flux-namespace': e('flux-namespace is not a namespace name.', REQUEST_NAME_FIX),
    'request.kubeconfig-secret-name': e('kubeconfig-secret-name is not an object name.', REQUEST_NAME_FIX),
    'request.git-secret-name': e('git-secret-name is not an object name.', REQUEST_NAME_FIX),
    'request.commit-status-secret-name': e('commit-status-secret-name is not an object name.', REQUEST_NAME_FIX),
    'request.sops-age-secret-name': e('sops-age-secret-name is not an object name.', REQUEST_NAME_FIX),
    'request.values': e('The `values` given to bootstrap are not valid YAML (only the position is shown).', 'Fix the YAML of the values input (or the --values file).'),
    // Packages.
    'package.empty': e('A file in a packages folder holds no document.', 'Delete the file, or put the Package in it.'),
    'package.kind': e('A document in a packages folder is not a Carvel Package (or PackageMetadata).', 'Keep only Package and PackageMetadata documents in packages/; move other objects elsewhere.'),
    'package.not-an-object': e('A Package document is not a mapping.', 'Write the Package as a YAML mapping.'),
    'package.api-version': e('The Package has another apiVersion than `data.packaging.carvel.dev/v1alpha1`.', 'Set `apiVersion: data.packaging.carvel.dev/v1alpha1`.'),
    'package.spec': e('The Package has no `spec`.', 'Add spec with refName, version and template.'),
    'package.ref-name': e('`spec.refName` is missing or not a fully qualified name (it needs at least three dot-separated parts).', 'Set spec.refName, e.g. `app.default.tap`.'),
    'package.version': e('`spec.version` is missing, not a string, or not strict semver.', 'Quote it and use semver: `version: "1.2.0"`.'),
    'package.name': e('The Package has no `metadata.name`.', 'Set metadata.name to `<refName>.<version>`.'),
    'package.name-mismatch': e('`metadata.name` is not `<spec.refName>.<spec.version>`, which kapp-controller requires.', 'Set metadata.name to the name the message expects.'),
    'package.name-too-long': e('`metadata.name` is longer than kapp-controller can store.', 'Use a shorter refName or version.'),
    'package.template': e('`spec.template.spec` is missing: kapp-controller has no App template to run.', 'Add the App template (fetch, template, deploy) under spec.template.spec.'),
    'package.version-selection': e('`spec.kubernetesVersionSelection` or `kappControllerVersionSelection` has constraints that do not parse.', 'Write a Carvel semver range, e.g. `>=1.24.0`.'),
    'package.ref-name-conflict': e("A component's Packages have several refNames; a component holds one package.", "Move the other package's files into a component folder of its own."),
    'package.duplicate-version': e('Two Package files of one component define the same version.', 'Delete one of them, or publish the second under a new version.'),
    'package.changed-in-place': e('A pull request changes the content of a Package version that already exists; clusters that have it keep the old content.', 'Publish the change as a new version instead of editing the old one.'),
    // PackageInstalls and environment folders.
    'packageinstall.missing': e('An environment folder has no PackageInstall, or its file holds none.', 'Add packageinstall.yaml (bootstrap writes one), or remove the folder.'),
    'packageinstall.api-version': e('The PackageInstall has another apiVersion than `packaging.carvel.dev/v1alpha1`.', 'Set `apiVersion: packaging.carvel.dev/v1alpha1`.'),
    'packageinstall.package-ref': e('`spec.packageRef.refName` is missing: kapp-controller would fail at reconcile time.', "Set spec.packageRef.refName to the component's Package refName."),
    'packageinstall.version-selection': e('`spec.packageRef.versionSelection` is missing: kapp-controller would fail at reconcile time.', 'Add `versionSelection: {constraints: <version>}` under spec.packageRef.'),
    'packageinstall.service-account': e('The PackageInstall has neither `spec.serviceAccountName` nor `spec.cluster`.', 'Set spec.serviceAccountName (the account kapp-controller installs with).'),
    'packageinstall.values': e('An entry of `spec.values` has no `secretRef.name`.', 'Give each spec.values entry `secretRef: {name: <values Secret>}`.'),
    'packageinstall.annotations': w('`metadata.annotations` is not a mapping.', 'Write the annotations as a mapping.'),
    'packageinstall.ref-name': e("The PackageInstall installs another refName than the component's Packages.", "Set spec.packageRef.refName to the Packages' refName, or move the environment to the right component."),
    'packageinstall.no-version': e("No Package version satisfies the PackageInstall's constraints: kapp-controller would install nothing.", 'Change the constraints, or add the Package version they ask for.'),
    'packageinstall.values-secret': either('spec.values references a Secret by another name than the one in params.yaml, or params.yaml holds a Secret spec.values does not reference.', 'Make secretRef.name and the values Secret metadata.name the same.', 'An error in a pull request the gate judges; a warning otherwise.'),
    'packageinstall.values-secret-missing': either('spec.values references a Secret, but the environment folder has no values Secret file: kapp-controller would wait for it forever.', 'Add params.yaml with the Secret, or remove the reference.', 'An error in a pull request the gate judges; a warning otherwise.'),
    'kustomization.multiple': e('An environment folder has several kustomization files; kustomize refuses it.', 'Keep one of kustomization.yaml, kustomization.yml, Kustomization.'),
    // What the gate judges in an environment folder: the objects Flux builds from it (src/flux/build.ts).
    'kustomization.unsupported': e("An environment folder's kustomization uses a feature that can change the objects Flux applies (patches, generators, transformers, replacements, images, name prefixes, components, Helm charts, annotations…); the gate judges only what it can build exactly.", 'Write the PackageInstall and values Secret as they should be applied and list them under `resources`; only `resources`, `namespace`, `labels`/`commonLabels` and `sortOptions` are allowed in an environment folder.'),
    'kustomization.kind': e("An environment folder's kustomization file is not a `Kustomization` (a `Component`, or another kind).", "Make it `kind: Kustomization` (apiVersion kustomize.config.k8s.io/v1beta1) listing the folder's files."),
    'kustomization.remote': e('A kustomization lists a remote resource (a URL or a git repository): Flux would apply what the gate never saw.', 'Copy the object into the environment folder and list the file.'),
    'kustomization.outside': e('A kustomization lists a resource outside the environment folder (`../…` or an absolute path).', 'Move the file into the environment folder, or list only files inside it.'),
    'kustomization.resource-missing': e('A kustomization lists a resource that does not exist in the folder; kustomize fails the build.', 'Add the file, or remove the entry.'),
    'kustomization.duplicate': e('A kustomization lists the same resource twice, or two files hold the same object; kustomize refuses duplicate ids.', 'List each file once and keep one copy of each object.'),
    'kustomization.not-an-object': e('A document of a file the kustomization lists is not one Kubernetes object: not a map, without a `kind`, or a `List`.', 'Make each document one Kubernetes object (a map with apiVersion, kind and metadata); write the items of a List as documents of their own.'),
    'kustomization.invalid': e('A kustomization file is not one YAML map, or a field has the wrong shape (`resources` is not a list of strings, `namespace` not a string).', "Follow kustomize's Kustomization reference for the field the message names."),
    'kustomization.depth': e('Kustomizations nest deeper than the gate follows (a folder listing a folder listing a folder…).', 'Flatten the environment folder: list the files directly.'),
    'packageinstall.not-applied': e('An environment folder builds no PackageInstall for its component (it was deleted, or no listed file holds one).', "List the file with the PackageInstall in the folder's kustomization, or remove the environment folder."),
    'packageinstall.multiple': e('An environment folder builds more than one PackageInstall for a component; an environment holds exactly one.', 'Keep one PackageInstall per component in the folder.'),
    'packageinstall.values-secret-namespace': w("A PackageInstall's values Secret is built into another namespace than the PackageInstall; kapp-controller reads Secrets from the PackageInstall's own namespace.", "Put both in one namespace (the kustomization's `namespace`, or the same `metadata.namespace`)."),
    'environment.written-elsewhere': e("The environment's PackageInstall or values Secret lives in another file than the layout's (e.g. deploy.yaml): writing the layout's files would add a second one.", "Move the objects to the layout's files (packageinstall.yaml, params.yaml), or change layout in flux-pkg.yaml."),
    // Policy files: RBAC folders, the Brain folder, flux-pkg.yaml and .sops.yaml (src/plan/modes/validate/policy.ts).
    'policy.cluster-scope': e("An RBAC folder grants cluster scope (ClusterRole or ClusterRoleBinding): the run cluster's Flux would get rights beyond its namespace.", "Use a Role and RoleBinding in the environment's namespace; a Package that installs CRDs needs the platform team to list the component under `policy.allowClusterScope` in flux-pkg.yaml on the base branch."),
    'policy.admin-binding': e('An RBAC folder binds a built-in administrator role (cluster-admin, admin or edit).', 'Bind a Role listing exactly what the Package deploys.'),
    'policy.wildcard': e('An RBAC rule uses `*` in apiGroups, resources or verbs.', 'List the API groups, resources and verbs the Package needs; `*` needs `policy.allowClusterScope` on the base branch.'),
    'policy.rbac-kind': e("An RBAC folder holds an object other than a Namespace, ServiceAccount, Role or RoleBinding (or its kustomization): it would be applied with the kubeconfig's own identity.", "Move it to the environment folder, which Flux applies as the environment's own account."),
    'policy.schema': e('A Brain-folder Flux object does not validate against its CRD schema.', 'Fix the field the message names (the real Flux CRDs define it), or regenerate the file with bootstrap.'),
    'policy.kustomization': e("A kustomization in a Brain or RBAC folder lists something other than the folder's own files, or uses a feature that changes objects.", "List only the folder's own files under `resources`."),
    'policy.service-account': e("A Flux Kustomization that applies packages or an environment folder has no serviceAccountName, or names a Flux controller's account (Flux would apply with that controller's cluster-wide rights).", "Set serviceAccountName to the environment's own account (bootstrap's default: <component>-flux)."),
    'policy.provider-address': e('A notification Provider posts commit statuses to an address that is not this repository on this GitHub server: the status token would go elsewhere.', "Set the Provider's spec.address to this repository's https URL on its GitHub server."),
    'policy.shared-kubeconfig': w('Brain Kustomizations of two environments apply with the same kubeconfig Secret (one cluster, one identity); fine for namespaces of one cluster, a mistake otherwise.', 'Give each run cluster its own kubeconfig Secret.'),
    'policy.sops-recipients-with-values': e('A pull request changes .sops.yaml recipients and encrypted values together: new recipients would get keys to values no reviewer could read.', 'Change the recipients in one pull request (re-wrapped by `flux-pkg sops updatekeys` once merged), the values in another.'),
    'config.status-creators': e("flux-pkg.yaml uses `promoteWhen: healthy` without `promotion.statusCreators`: commit statuses count only from listed accounts (anyone with `statuses: write` can post Flux's context), so that environment would never promote.", "List the GitHub login of the token Flux's notification Provider posts with under `promotion.statusCreators`."),
    'bootstrap.shared-kubeconfig': w("The new environment's kubeconfig Secret is already used by another environment of the component.", 'Use a Secret of its own unless both are namespaces of one cluster.'),
    'plan.rollback-hold': w('An environment was rolled back from this version (`flux-pkg.dev/rolled-back-from`): it is not offered again until a newer version appears.', 'Publish a newer Package version, or remove the annotation from the PackageInstall to release the hold.'),
    'request.repository-url': e('The repository address for commit statuses is missing or not an https URL of one repository.', 'Pass --repository-url https://<server>/<owner>/<repo> (the action derives it from GITHUB_SERVER_URL).'),
    'request.flux-service-account-name': e("flux-service-account-name names a Flux controller's account (kustomize-controller, helm-controller…): Flux would apply with that controller's cluster-wide rights.", "Name an account of the environment's own (default <component>-flux)."),
    'request.rbac': e('rbac.extraRules in flux-pkg.yaml use `*` in apiGroups, resources or verbs.', 'List what the Package deploys, or have the platform team add the component to `policy.allowClusterScope` on the base branch.'),
    // values Secrets (params.yaml).
    'values.secret-missing': e('params.yaml holds no Secret (or several).', 'Keep one `kind: Secret` document in params.yaml.'),
    'values.secret-api-version': e('The values Secret has another apiVersion than `v1`.', 'Set `apiVersion: v1`.'),
    'values.secret-name': e('The values Secret has no `metadata.name`.', 'Set metadata.name (default `<component>-values`).'),
    'values.secret-data': e('`stringData` or `data` of the values Secret is not a mapping of keys to values files.', 'Write `stringData:` with a key `values.yaml: |` and the values YAML indented under it.'),
    'values.data-overridden': w('A key is in both `data` and `stringData`; the API server keeps the stringData one.', 'Delete the key from `data`.'),
    'values.not-a-string': e('A values key holds something other than the values YAML as a string.', 'Use a block scalar: `values.yaml: |`.'),
    'values.not-a-map': e('The values YAML under a key is not a mapping of values.', 'Write the values as a mapping (`key: value` lines).'),
    'values.plain-secret': either('The values Secret is stored in plain text in git.', 'Set `secretFormat: sops` for the environment (and give age recipients) to store it encrypted.', 'An error when the environment sets `requireEncryption`; a warning otherwise.'),
    'values.key-edited': w('The values Secret holds other keys beside the one `--values` replaces or adds; kapp-controller applies every key in sorted order, later keys win.', 'Check that the other keys do not override the values you gave, or merge them into one key.'),
    'values.type': valuesRule('type', 'the value has the wrong type'),
    'values.enum': valuesRule('enum', 'the value is not one of the allowed values'),
    'values.const': valuesRule('const', 'the value is not the one allowed value'),
    'values.minimum': valuesRule('minimum', 'the number is too small'),
    'values.maximum': valuesRule('maximum', 'the number is too large'),
    'values.exclusiveMinimum': valuesRule('exclusiveMinimum', 'the number is not above the bound'),
    'values.exclusiveMaximum': valuesRule('exclusiveMaximum', 'the number is not below the bound'),
    'values.multipleOf': valuesRule('multipleOf', 'the number is not a multiple of the given one'),
    'values.minLength': valuesRule('minLength', 'the string is too short'),
    'values.maxLength': valuesRule('maxLength', 'the string is too long'),
    'values.minItems': valuesRule('minItems', 'the list has too few items'),
    'values.maxItems': valuesRule('maxItems', 'the list has too many items'),
    'values.minProperties': valuesRule('minProperties', 'the mapping has too few keys'),
    'values.maxProperties': valuesRule('maxProperties', 'the mapping has too many keys'),
    'values.uniqueItems': valuesRule('uniqueItems', 'the list holds an item twice'),
    'values.pattern': valuesRule('pattern', 'the string does not match the pattern'),
    'values.format': valuesRule('format', 'the string is not of the format (e.g. a hostname, a date-time)'),
    'values.required': valuesRule('required', 'a required key is missing'),
    'values.not': valuesRule('not', 'the value has a shape the schema excludes'),
    'values.additionalProperties': valuesRule('additionalProperties', 'a key is not one the schema names'),
    'values.anyOf': valuesRule('anyOf', 'the value matches none of the allowed shapes'),
    'values.oneOf': valuesRule('oneOf', 'the value matches none, or more than one, of the allowed shapes'),
    'values.schema-rule': valuesRule('(another keyword)', 'a rule this list does not name'),
    'values.withheld': e('A value of an encrypted values Secret fails the valuesSchema; which rule is withheld, so that no schema can read a secret back.', 'Decrypt the file locally (`sops -d`) and check the value at the reported path against the schema.'),
    'values.uncheckable': e('The values cannot be checked: a map key named valueOf or toString meets a schema rule that compares values.', 'Rename the key.'),
    'schema.assumed': w("The Package's valuesSchema has a quirk that ytt accepts; the message says what was assumed.", 'Nothing in the gitops repo; the Package author can write the schema plainly.'),
    'schema.invalid': w("The Package's valuesSchema cannot be read, so values are not checked against it.", 'Publish a Package version with a valid OpenAPI v3 valuesSchema.'),
    // Planning new versions and promotions.
    'plan.no-ref-name': e('A component has Packages but no single refName to install.', 'Give every Package of the component the same spec.refName.'),
    'plan.no-version': w('No Package of the component is selectable in the environment (only prereleases, which it does not take).', 'Publish a release version, or set `prereleases` for the environment.'),
    'plan.downgrade': w('The environment already runs a newer version than the Package pushed; it is left alone.', 'Nothing; to roll back, promote manually with allow-downgrade.'),
    'plan.constraint-selects-other': e('The constraint the action would write makes kapp-controller select another version than the one planned.', 'Change `constraint` in flux-pkg.yaml so that it selects `{version}` (e.g. `{version}` or `>={version}`).'),
    'plan.unsafe-path': e('A file the plan would write has an unsafe path (outside the repository, under .github/, a control character).', 'Check `layout` and the component and environment folder names.'),
    'promote.downgrade': e('A manual promotion would move the environment to an older version; kapp-controller refuses downgrades.', 'Set allow-downgrade (`--allow-downgrade`) to roll back: it adds the packaging.carvel.dev/downgradable annotation.'),
    'promote.no-version': e('The environment to promote from selects no version of the component.', "Fix the source environment's PackageInstall constraints first."),
    'promote.unknown-version': e('The version to promote has no Package in the component.', 'Name a version under packages/ (the message lists them).'),
    'promote.skips-upstream': w('A manual promotion gives an environment a version its promoteFrom environment does not run: the gate (flux-pkg/validate) will refuse the pull request.', 'Promote through the earlier environment first, or add an override label (default `hotfix`) to the pull request.'),
    'promotion.out-of-order': e('A pull request gives an environment a version its promoteFrom environment does not run.', 'Promote through the earlier environment first, or add an override label (default `hotfix`) for a hotfix.'),
    'promotion.override': w('A promotion out of order is allowed by an override label.', 'Nothing; it is reported so reviewers see it.'),
    // Bootstrap.
    'bootstrap.empty': e('A generated Flux or RBAC file holds no document (a bug of the generator).', 'Report it; nothing in the repository causes it.'),
    'bootstrap.schema': e("A generated Flux or RBAC object does not match its API's schema.", 'Check the bootstrap inputs and flux-pkg.yaml settings named in the message.'),
    'bootstrap.exists': e('The environment exists already.', 'Rerun with force (`--force`) to regenerate its Flux and RBAC files; values are kept.'),
    'bootstrap.values-kept': w('The environment folder exists: its PackageInstall and values are kept, and the requested values and version are not applied.', 'Change values and version with install or promote.'),
    'bootstrap.no-version': e('No Package of the component is selectable in the new environment.', 'Publish a release version, set `prereleases`, or give a version.'),
    // SOPS-encrypted values Secrets.
    'sops.documents': e('A SOPS file holds other than one YAML document.', 'Keep one document.'),
    'sops.not-encrypted': e('A file expected to be SOPS-encrypted has no top-level `sops` key.', 'Encrypt it with `sops -e -i FILE`, or set `secretFormat: plain`.'),
    'sops.metadata': e('The `sops` metadata of the file is incomplete or malformed.', 'Re-encrypt the file with sops; do not edit the sops block by hand.'),
    'sops.no-identity': e('No age identity given matches a recipient of the file.', 'Give the age key of one of the recipients (input sops-age-key, or --sops-age-key-file).'),
    'sops.bad-identity': e('The age identity given is not an AGE-SECRET-KEY.', 'Give the key as `age-keygen` writes it.'),
    'sops.bad-key': e('The data key in `sops.age` is damaged.', 'Restore the file from history, or re-create it with sops.'),
    'sops.mac': e("The file's MAC does not match: values were changed outside sops, or the file was tampered with.", 'Edit encrypted files with `sops FILE` only; restore the file if you did not change it.'),
    'sops.value-format': e("An encrypted value is not in sops' `ENC[…]` format.", 'Re-encrypt the file with sops.'),
    'sops.value-authentication': e('An encrypted value fails authentication: it was changed or moved.', 'Restore the value, or re-encrypt the file with sops.'),
    'sops.value-type': e('An encrypted value has a type sops does not know, or the document holds a value sops cannot encrypt.', 'Re-encrypt the file with sops; keep values to strings, numbers, booleans, lists and maps.'),
    'sops.comment': w('An encrypted comment did not decrypt; it is kept as it is.', 'Re-encrypt the file with sops.'),
    'sops.not-a-map': e('A SOPS document is not a map.', 'Write the document as a mapping.'),
    'sops.alias': e('A SOPS document uses YAML aliases, which sops does not support.', 'Write the values out.'),
    'sops.key-type': e('A map key in a SOPS document is not a string.', 'Quote the key.'),
    'sops.already-encrypted': e('The file to encrypt is already SOPS-encrypted.', 'Decrypt it first, or leave it as it is.'),
    'sops.recipients': e('There are no age recipients to encrypt for.', 'Give age recipients (`age1…`).'),
    'sops.recipient': e('An age recipient is not an `age1…` public key.', 'Give the public key `age-keygen -y` prints.'),
    'sops.rule': e('The encryption rule (encrypted_regex and the like) is invalid.', 'Fix the rule named in the message.'),
    'sops.config': e('.sops.yaml is malformed.', 'Fix `.sops.yaml` at the reported line (a list of creation_rules).'),
    'sops.no-rule': e('No creation rule of .sops.yaml matches the values Secret file.', 'Add a creation rule whose path_regex matches the file.'),
    'sops.no-age': e('The matching creation rule of .sops.yaml has no age recipients (only PGP or KMS, which the action cannot use).', 'Add `age:` recipients to the rule.'),
    'sops.key-groups': e("The file keeps its age keys in sops' key_groups, which updatekeys does not rewrite.", 'Run `sops updatekeys` on the file yourself, or re-encrypt it with the recipients as a plain `age` list.'),
    'sops.nested-stringdata': e('A stringData value holds a SOPS document; Flux decrypts nested SOPS documents only inside data (base64), so kapp-controller would get the ciphertext.', 'Put it in data, base64-encoded, or encrypt the whole Secret (secretFormat: sops).'),
    'sops.nested-no-key': w('A data value is a SOPS document (Flux decrypts it) and no age key was given: its values are not checked, and it is left as it is.', 'Give the age key (input sops-age-key, or --sops-age-key-file).'),
    'sops.nested-format': w('A data value is a dotenv or INI SOPS document; only YAML and JSON ones are read, so its values are not checked.', 'Store the values as a YAML SOPS document, or accept that they go unchecked.'),
    'sops.nested-values': e('New values were given for a values Secret whose data holds a nested SOPS document: they cannot be written there.', 'Encrypt the whole Secret (secretFormat: sops) instead of a nested document, or change the values by hand.'),
    'sops.no-key': either('The values Secret is SOPS-encrypted and no age key was given: its values are not checked.', 'Give the age key (input sops-age-key, or --sops-age-key-file).', 'An error when the run must re-encrypt the file (a new version changes it); a warning when it only reads it.'),
    'sops.rewrap-no-key': w('The recipients a .sops.yaml gives changed on the base branch and no age key was given: the data keys of the files it covers were not re-wrapped.', 'Give the age key (input sops-age-key), or run `flux-pkg sops updatekeys` on the files named and push the result.'),
    'sops.rewrap': w('A SOPS file whose recipients changed could not be re-wrapped (the key does not open it, or its MAC does not match): it is left out of the re-wrap pull request.', 'Give an age key that opens the file, or run `flux-pkg sops updatekeys` on it by hand.'),
    'sops.no-recipients': e('secretFormat is sops but no age recipient is known.', 'Add a .sops.yaml creation rule for the file, set sopsAgeRecipients in flux-pkg.yaml, or the sops-age-recipients input.'),
    'sops.rule-hides-metadata': e("The .sops.yaml rule would encrypt the Secret's apiVersion, kind or metadata, which Flux and kubectl must read.", 'Use `encrypted_regex: ^(data|stringData)$` in the rule.'),
};
Object.freeze(CODES);
for (const entry of Object.values(CODES))
    Object.freeze(entry);

// EXTERNAL MODULE: ./src/yaml/parse.ts
var parse = __webpack_require__(420);
;// CONCATENATED MODULE: ./src/plan/model/values.ts





/**
 * How many compiled schemas are kept by content. A compiled schema is ~100 KB of generated code;
 * schemas shared across components (one chart, many services) stay compiled while they are used.
 */
const COMPILED_SCHEMAS_KEPT = 64;
class ValuesChecker {
    /** By schema content, least recently used first. */
    #compiled = new Map();
    /** By Package, so that each Package's notes are reported once. */
    #byPackage = new Map();
    diagnostics = [];
    /**
     * The planner is done with the Packages of these files (a component is planned once): drop what
     * is kept for them. Compiled schemas stay, by content, for the components still to come.
     */
    forget(files) {
        if (this.#byPackage.size === 0)
            return;
        const prefixes = files.map((f) => `${f}#`);
        for (const key of this.#byPackage.keys())
            if (prefixes.some((p) => key.startsWith(p)))
                this.#byPackage.delete(key);
    }
    #compile(content, schema) {
        let result = this.#compiled.get(content);
        if (result)
            this.#compiled.delete(content); // re-inserted below as the most recently used
        else
            result = compileValuesSchema(schema);
        this.#compiled.set(content, result);
        if (this.#compiled.size > COMPILED_SCHEMAS_KEPT)
            this.#compiled.delete(this.#compiled.keys().next().value);
        return result;
    }
    /** The compiled schema of a Package; compile problems are recorded against the Package once. */
    schemaOf(pkg) {
        const key = `${pkg.file}#${pkg.name}`;
        let result = this.#byPackage.get(key);
        if (!result) {
            result = this.#compile(JSON.stringify(pkg.valuesSchema ?? null), pkg.valuesSchema);
            this.#byPackage.set(key, result);
            const at = { line: pkg.line, column: 1 };
            for (const note of result.notes) {
                // note.path is the values path the quirk applies to ('*' = any item or key); note.at the schema path.
                const where = note.at
                    ? `${note.at} (values at ${(0,parse/* formatPath */.jV)(note.path)})`
                    : `for values at ${(0,parse/* formatPath */.jV)(note.path)}`;
                const message = `valuesSchema ${where}: ${note.message}`;
                this.diagnostics.push((0,src_diagnostics/* warning */.$e)('schema.assumed', message, pkg.file, at, (0,parse/* formatPath */.jV)(note.path)));
            }
            if (!result.ok) {
                // kapp-controller stores any valuesSchema unread: one that cannot be read is no reason to block the Package.
                this.diagnostics.push((0,src_diagnostics/* warning */.$e)('schema.invalid', `spec.valuesSchema.openAPIv3 cannot be read, so values are not checked against it: ${result.error}`, pkg.file, at, '.spec.valuesSchema.openAPIv3'));
            }
        }
        return result;
    }
    /**
     * Validate what ytt would see (all keys merged) and point each problem at its line in params.yaml. Values from an
     * encrypted Secret (`encrypted`) get one problem per failing path that says nothing of why (see ValidateOptions).
     */
    check(pkg, secret, { encrypted = false } = {}) {
        const schema = this.schemaOf(pkg);
        if (!schema.ok)
            return [];
        return schema.schema.validate(secret.merged, { encrypted }).map((problem) => {
            const located = (0,values_secret/* locateValuesPath */.ev)(secret, problem.path);
            const pos = located?.doc
                ? (0,parse/* positionAt */.t$)(located.parsed, located.doc, problem.path)
                : { line: 0, column: 0 };
            return (0,src_diagnostics/* error */.z3)(valuesCode(problem.keyword), `${(0,parse/* formatPath */.jV)(problem.path)} ${problem.message} (Package ${pkg.refName} ${pkg.version})`, secret.file, pos, (0,parse/* formatPath */.jV)(problem.path));
        });
    }
}
/** `values.<keyword>` for the schema keywords the registry names; any other keyword shares one code. */
function valuesCode(keyword) {
    const known = SCHEMA_RULE_KEYWORDS.includes(keyword);
    return known ? `values.${keyword}` : 'values.schema-rule';
}

;// CONCATENATED MODULE: ./src/plan/run.ts







/** The plan of a component-wise request, its runner given; flux-pkg.yaml as the caller read it. */
async function planComponents(snapshot, request, loadedConfig, runner) {
    const { config, diagnostics: configDiagnostics } = loadedConfig;
    const diagnostics = [...configDiagnostics];
    const entries = await snapshot.list();
    const paths = entries.map((e) => e.path);
    const ctx = {
        paths,
        config,
        values: new ValuesChecker(),
        diagnostics,
        sops: request.sops,
        wording: 'wording' in request ? request.wording : undefined,
        repoEncrypts: (0,secrets/* repoEncrypts */.LY)(paths, [
            config.defaults,
            ...(config.environments ?? []),
            ...Object.values(config.components),
            ...(request.kind === 'install' && request.overrides ? [request.overrides] : []),
        ]),
    };
    const components = (0,repository/* discover */.k4)(paths, config.layout);
    diagnostics.push(...(0,boundaries/* linkProblems */.zp)(entries, loadedConfig, request));
    if (!(0,src_diagnostics/* hasErrors */.Cs)(configDiagnostics))
        diagnostics.push(...(0,boundaries/* noComponentProblem */.Ir)(components, loadedConfig));
    diagnostics.push(...(0,repository/* nameProblems */.W1)(components, request));
    diagnostics.push(...(0,boundaries/* environmentFilterProblems */.mw)(components, loadedConfig, request));
    diagnostics.push(...(0,boundaries/* componentEnvironmentProblems */.Hp)(components, loadedConfig));
    const loader = new load/* Loader */.aH(new reader/* RepoReader */.W(snapshot), config.layout, diagnostics, request.sops);
    const environments = (0,src_diagnostics/* hasErrors */.Cs)(diagnostics) ? [] : await runner(ctx, loader, components, request);
    diagnostics.push(...ctx.values.diagnostics);
    diagnostics.push(...(0,boundaries/* unsafePathProblems */.IR)(environments.flatMap((e) => e.files)));
    const valid = !(0,src_diagnostics/* hasErrors */.Cs)(diagnostics);
    const files = valid ? environments.flatMap((e) => e.files) : [];
    const sorted = (0,src_diagnostics/* sortDiagnostics */.Ds)((0,src_diagnostics/* dedupeDiagnostics */.E_)(diagnostics));
    return { valid, diagnostics: sorted, environments, files, config: { file: config.file } };
}


/***/ }),

/***/ 1764:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FA: () => (/* binding */ encryptText),
/* harmony export */   PV: () => (/* binding */ decryptText),
/* harmony export */   XT: () => (/* binding */ isEnvelope),
/* harmony export */   ls: () => (/* binding */ typedTextOf),
/* harmony export */   ol: () => (/* binding */ scalarOf),
/* harmony export */   qL: () => (/* binding */ formatGoFloat)
/* harmony export */ });
/* unused harmony export parseGoFloat */
/* harmony import */ var _builtins_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7227);
/**
 * One SOPS value: AES-256-GCM with a 32-byte IV and the key path as additional data, written as
 * `ENC[AES256_GCM,data:…,iv:…,tag:…,type:…]` (sops `aes/cipher.go`). Typed values carry their type in
 * the envelope; their plaintext bytes are the canonical text sops's `ToBytes` gives, which is also
 * what the MAC hashes.
 */

const IV_BYTES = 32;
const TAG_BYTES = 16;
const ENVELOPE = /^ENC\[AES256_GCM,data:(.+),iv:(.+),tag:(.+),type:(.+)\]/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
function isEnvelope(text) {
    return ENVELOPE.test(text);
}
/** Encrypt one leaf. `iv` is only passed by tests; a fresh random IV is used otherwise. */
function encryptText(value, key, aad, iv) {
    if (value.text === '')
        return '';
    const nonce = iv ?? (0,_builtins_js__WEBPACK_IMPORTED_MODULE_0__/* .nodeCrypto */ .S)().randomBytes(IV_BYTES);
    const cipher = (0,_builtins_js__WEBPACK_IMPORTED_MODULE_0__/* .nodeCrypto */ .S)().createCipheriv('aes-256-gcm', key, nonce);
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const data = Buffer.concat([cipher.update(value.text, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    const b64 = (b) => Buffer.from(b).toString('base64');
    return `ENC[AES256_GCM,data:${b64(data)},iv:${b64(nonce)},tag:${b64(tag)},type:${value.type}]`;
}
/** Decrypt one envelope; an empty string is an empty string, as in sops. */
function decryptText(envelope, key, aad) {
    if (envelope === '')
        return { value: { type: 'str', text: '' } };
    const match = ENVELOPE.exec(envelope);
    if (!match)
        return { failure: 'format' };
    const [data, iv, tag] = [match[1], match[2], match[3]].map((part) => BASE64.test(part) ? Buffer.from(part, 'base64') : undefined);
    const type = match[4];
    if (!data || !iv || !tag || iv.length === 0 || tag.length !== TAG_BYTES)
        return { failure: 'format' };
    if (!['str', 'int', 'float', 'bool', 'bytes', 'time', 'comment'].includes(type))
        return { failure: 'type' };
    let plain;
    try {
        const decipher = (0,_builtins_js__WEBPACK_IMPORTED_MODULE_0__/* .nodeCrypto */ .S)().createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
        decipher.setAAD(Buffer.from(aad, 'utf8'));
        decipher.setAuthTag(tag);
        plain = Buffer.concat([decipher.update(data), decipher.final()]);
    }
    catch {
        return { failure: 'authentication' };
    }
    const canonical = canonicalText(type, plain.toString('utf8'));
    return canonical === undefined ? { failure: 'type' } : { value: { type, text: canonical } };
}
/**
 * The text sops hashes for a decrypted value: it parses the plaintext as its type and prints it
 * again (Go `strconv`), so `int` "007" hashes as "7" and `bool` "true" as "True".
 */
function canonicalText(type, text) {
    if (type === 'int') {
        if (!/^[+-]?\d+$/.test(text))
            return undefined;
        const n = BigInt(text.replace(/^\+/, ''));
        return n < INT64_MIN || n > INT64_MAX ? undefined : n.toString();
    }
    if (type === 'float') {
        const n = parseGoFloat(text);
        return n === undefined ? undefined : formatGoFloat(n);
    }
    if (type === 'bool') {
        if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text))
            return 'True';
        if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text))
            return 'False';
        return undefined;
    }
    return text;
}
/** The YAML value of a decrypted leaf. `time` and `bytes` come back as strings. */
function scalarOf(value) {
    switch (value.type) {
        case 'int': {
            const n = BigInt(value.text);
            return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n;
        }
        case 'float':
            return parseGoFloat(value.text);
        case 'bool':
            return value.text === 'True';
        default:
            return value.text;
    }
}
/**
 * The SOPS type and canonical text of a plaintext leaf. `isFloat` says a number was written as a
 * float (`1.0`), which JavaScript cannot tell from the integer 1.
 */
function typedTextOf(value, isFloat = false) {
    if (typeof value === 'string')
        return { type: 'str', text: value };
    if (typeof value === 'boolean')
        return { type: 'bool', text: value ? 'True' : 'False' };
    if (typeof value === 'bigint')
        return { type: 'int', text: value.toString() };
    if (!isFloat && Number.isSafeInteger(value) && !Object.is(value, -0)) {
        return { type: 'int', text: String(value) };
    }
    return { type: 'float', text: formatGoFloat(value) };
}
/** Go `strconv.FormatFloat(v, 'f', -1, 64)`: shortest round-trip digits, never an exponent. */
function formatGoFloat(v) {
    if (Number.isNaN(v))
        return 'NaN';
    if (v === Infinity)
        return '+Inf';
    if (v === -Infinity)
        return '-Inf';
    const sign = v < 0 || Object.is(v, -0) ? '-' : '';
    const [mantissa, exponent] = Math.abs(v).toExponential().split('e');
    const digits = mantissa.replace('.', '');
    const exp = Number(exponent);
    if (exp >= digits.length - 1)
        return sign + digits + '0'.repeat(exp - digits.length + 1);
    if (exp >= 0)
        return `${sign}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
    return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
}
/** Go `strconv.ParseFloat(s, 64)` for the forms sops writes and reasonable hand edits. */
function parseGoFloat(text) {
    if (/^[+]?inf(inity)?$/i.test(text))
        return Infinity;
    if (/^-inf(inity)?$/i.test(text))
        return -Infinity;
    if (/^nan$/i.test(text))
        return Number.NaN;
    if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text))
        return undefined;
    return Number(text);
}


/***/ }),

/***/ 4073:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ mapCommentLines),
/* harmony export */   g: () => (/* binding */ commentTexts)
/* harmony export */ });
const FIELDS = ['commentBefore', 'comment'];
/** Rewrite every comment line of the group's holders; empty lines are left as they are. */
function mapCommentLines(group, rewrite) {
    for (const holder of group.holders) {
        for (const field of FIELDS) {
            const text = holder[field];
            if (typeof text !== 'string' || text === '')
                continue;
            holder[field] = text
                .split('\n')
                .map((line) => (line === '' ? line : rewrite(line)))
                .join('\n');
        }
    }
}
/** Every comment of the groups in document order: part of "did anything change". */
function commentTexts(groups) {
    return groups.flatMap((g) => g.holders.flatMap((h) => FIELDS.map((f) => h[f] ?? '')));
}


/***/ }),

/***/ 4632:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ parseSopsConfig),
/* harmony export */   r: () => (/* binding */ creationRuleFor)
/* harmony export */ });
/* harmony import */ var _diagnostics_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4851);
/* harmony import */ var _yaml_parse_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(420);
/* harmony import */ var _age_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(432);
/* harmony import */ var _rule_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3985);
/**
 * `.sops.yaml` creation rules (sops `config/config.go`): rules are tried in order and the first whose
 * `path_regex` matches the file's path (relative to the `.sops.yaml` folder) wins; a rule without
 * `path_regex` matches every file. Only age keys are used; `age` is a comma-separated string or a
 * list, or sits in a single `key_groups` entry.
 */




const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
function parseSopsConfig(text, file = '.sops.yaml') {
    const parsed = (0,_yaml_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .parseYaml */ .hN)(file, text);
    if (parsed.diagnostics.length > 0)
        return { diagnostics: parsed.diagnostics };
    const entry = parsed.documents[0];
    const value = entry?.value;
    const list = isObject(value) ? value.creation_rules : undefined;
    if (!entry || !Array.isArray(list)) {
        const pos = entry ? (0,_yaml_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .positionAt */ .t$)(parsed, entry.doc, ['creation_rules']) : { line: 1, column: 1 };
        const message = 'expected creation_rules: a list of rules';
        return { diagnostics: [(0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3)('sops.config', message, file, pos, '.creation_rules')] };
    }
    const rules = list.map((raw, index) => {
        const base = ['creation_rules', index];
        const pos = (0,_yaml_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .positionAt */ .t$)(parsed, entry.doc, base);
        const { problem, ...rule } = readRule(raw, index);
        if (!problem)
            return { ...rule, ...pos };
        const path = [...base, ...problem.path];
        return {
            ...rule,
            ...pos,
            problem: { message: problem.message, path, ...(0,_yaml_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .positionAt */ .t$)(parsed, entry.doc, path) },
        };
    });
    return { config: { file, rules }, diagnostics: [] };
}
function readRule(raw, index) {
    const rule = {};
    const result = { index, recipients: [], rule };
    const bad = (message, path = []) => ({ ...result, problem: { message, path } });
    if (!isObject(raw))
        return bad('a creation rule must be a map');
    if (raw.path_regex !== undefined && raw.path_regex !== null && raw.path_regex !== '') {
        if (typeof raw.path_regex !== 'string' || !(0,_rule_js__WEBPACK_IMPORTED_MODULE_2__/* .goRegExp */ .mT)(raw.path_regex)) {
            return bad('path_regex is not a valid regular expression', ['path_regex']);
        }
        result.pathRegex = raw.path_regex;
    }
    for (const [name, field] of Object.entries(_rule_js__WEBPACK_IMPORTED_MODULE_2__/* .RULE_FIELDS */ .tq)) {
        const v = raw[field];
        if (v === undefined || v === null || v === '')
            continue;
        if (typeof v !== 'string')
            return bad(`${field} must be a string`, [field]);
        rule[name] = v;
    }
    const invalid = (0,_rule_js__WEBPACK_IMPORTED_MODULE_2__/* .ruleProblem */ ["in"])(rule);
    if (invalid)
        return bad(invalid);
    const groups = raw.key_groups;
    if (Array.isArray(groups) && groups.length > 0) {
        if (groups.length > 1)
            return bad('several key_groups (Shamir secret sharing) are not supported', ['key_groups']);
        const age = ageList(isObject(groups[0]) ? groups[0].age : undefined);
        if (!age)
            return bad('age must be a list of recipients', ['key_groups', 0, 'age']);
        result.recipients = age;
    }
    else {
        const age = ageList(raw.age);
        if (!age)
            return bad('age must be a recipient, a comma-separated list of them, or a list', ['age']);
        result.recipients = age;
    }
    const wrong = result.recipients.findIndex((r) => !(0,_age_js__WEBPACK_IMPORTED_MODULE_3__/* .isAgeRecipient */ .r8)(r));
    if (wrong >= 0)
        return bad(`age recipient ${wrong + 1} is not an age recipient (age1…)`, ['age']);
    return result;
}
/** sops's `parseKeyField`: a comma-separated string (blanks dropped) or a list of strings. */
function ageList(field) {
    if (field === undefined || field === null || field === '')
        return [];
    if (typeof field === 'string') {
        return field
            .split(',')
            .map((k) => k.trim())
            .filter(Boolean);
    }
    if (Array.isArray(field) && field.every((k) => typeof k === 'string'))
        return field.map((k) => k.trim());
    return undefined;
}
/**
 * The rule for a file: `path` is relative to the folder of `.sops.yaml`, POSIX separators. Returns the
 * first matching rule, or an error naming the config file and the rule's line.
 */
function creationRuleFor(config, path) {
    // A rule with a broken path_regex has none here: it stops the search, as it stops sops.
    const match = config.rules.find((r) => r.pathRegex === undefined || (0,_rule_js__WEBPACK_IMPORTED_MODULE_2__/* .goRegExp */ .mT)(r.pathRegex).test(path));
    const at = (r) => ({ line: r.line, column: r.column });
    if (!match) {
        const message = `no creation rule in ${config.file} matches ${path}`;
        return {
            diagnostics: [(0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3)('sops.no-rule', message, config.file, { line: 1, column: 1 }, '.creation_rules')],
        };
    }
    if (match.problem) {
        const where = (0,_yaml_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .formatPath */ .jV)(match.problem.path);
        const message = `creation rule ${match.index + 1}: ${match.problem.message}`;
        return { diagnostics: [(0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3)('sops.config', message, config.file, match.problem, where)] };
    }
    if (match.recipients.length === 0) {
        const message = `creation rule ${match.index + 1} matches ${path} but lists no age recipients`;
        return {
            diagnostics: [
                (0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3)('sops.no-age', message, config.file, at(match), (0,_yaml_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .formatPath */ .jV)(['creation_rules', match.index])),
            ],
        };
    }
    return { rule: match, diagnostics: [] };
}


/***/ }),

/***/ 1309:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Y: () => (/* reexport */ STRINGIFY),
  L: () => (/* binding */ decryptDocument)
});

// EXTERNAL MODULE: ./src/diagnostics.ts
var src_diagnostics = __webpack_require__(4851);
// EXTERNAL MODULE: ./src/yaml/parse.ts
var parse = __webpack_require__(420);
// EXTERNAL MODULE: ./src/sops/age.ts
var age = __webpack_require__(432);
// EXTERNAL MODULE: ./src/sops/cipher.ts
var cipher = __webpack_require__(1764);
// EXTERNAL MODULE: ./src/sops/comments.ts
var comments = __webpack_require__(4073);
// EXTERNAL MODULE: ./src/sops/mac.ts
var mac = __webpack_require__(7872);
// EXTERNAL MODULE: ./src/sops/metadata.ts
var sops_metadata = __webpack_require__(4122);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/sops/go-scalar.ts + 1 modules
var go_scalar = __webpack_require__(8949);
;// CONCATENATED MODULE: ./src/sops/plain-scalar.ts
/**
 * A decrypted value put back into YAML so that reading it again — by sops (yaml.v3) and by this
 * module (go-scalar.ts), which agree — gives the same type and text. Otherwise the next encryption
 * of an unchanged document sees another plaintext and writes new ciphertext: `" \n"` emitted as a
 * block scalar reads back as `"\n"`, `"1_000"` emitted plain reads back (in Go) as the int 1000.
 */



/** Rendering shared with the rest of the project: no folding (envelopes are long), lists flush. */
const STRINGIFY = { lineWidth: 0, indentSeq: false };
/** Put a decrypted value into its scalar node, in a style that reads back as exactly that value. */
function setPlain(node, value) {
    node.value = (0,cipher/* scalarOf */.ol)(value);
    node.tag = undefined;
    node.format = undefined;
    node.minFractionDigits = undefined;
    node.type = dist/* Scalar */.X5.PLAIN;
    if (value.type === 'float') {
        const integral = /^-?\d+$/.test(value.text);
        node.minFractionDigits = integral ? 1 : undefined;
        node.source = FLOAT_SOURCE[value.text] ?? (integral ? `${value.text}.0` : value.text);
    }
    else if (value.type === 'str' || value.type === 'bytes' || value.type === 'comment') {
        node.type = stringStyle(value.text);
        node.source = value.text;
    }
    else {
        node.source = value.type === 'bool' ? value.text.toLowerCase() : value.text;
    }
}
const FLOAT_SOURCE = { '+Inf': '.inf', '-Inf': '-.inf', NaN: '.nan' };
/** The style the `yaml` package picks for a string, unless it does not read back as the string. */
function stringStyle(text) {
    const doc = new dist/* Document */.yo({ k: text });
    const reread = (0,dist/* parseDocument */.Tp)(doc.toString(STRINGIFY)).get('k', true);
    const leaf = reread ? (0,go_scalar/* goLeafOf */.C$)(reread) : undefined;
    const same = leaf && 'type' in leaf && leaf.type === 'str' && leaf.text === text;
    return same ? (reread.type ?? dist/* Scalar */.X5.PLAIN) : dist/* Scalar */.X5.QUOTE_DOUBLE;
}

// EXTERNAL MODULE: ./src/sops/reuse.ts
var reuse = __webpack_require__(5507);
// EXTERNAL MODULE: ./src/sops/rule.ts
var rule = __webpack_require__(3985);
// EXTERNAL MODULE: ./src/sops/tree.ts
var tree = __webpack_require__(51);
;// CONCATENATED MODULE: ./src/sops/decrypt.ts












async function decryptDocument(text, options) {
    const file = options.file ?? '';
    const parsed = (0,parse/* parseYaml */.hN)(file, text);
    if (parsed.diagnostics.length > 0)
        return { diagnostics: parsed.diagnostics };
    if (parsed.documents.length !== 1) {
        const found = parsed.documents.length;
        return fail(file, 'sops.documents', `a SOPS file holds one YAML document here; found ${found}`);
    }
    const source = parsed.documents[0].doc;
    const pair = (0,sops_metadata/* metadataPair */.Q7)(source);
    if (!pair)
        return fail(file, 'sops.not-encrypted', 'not a SOPS file: there is no top-level sops key');
    const at = (path) => (0,parse/* positionAt */.t$)(parsed, source, path);
    const read = (0,sops_metadata/* readMetadata */._6)(parsed.documents[0].value.sops);
    if ('problem' in read) {
        const path = read.field ? ['sops', read.field] : ['sops'];
        return { diagnostics: [(0,src_diagnostics/* error */.z3)('sops.metadata', read.problem, file, at(path), (0,parse/* formatPath */.jV)(path))] };
    }
    const metadata = read.metadata;
    const unwrapped = await (0,age/* unwrapDataKey */.HL)(metadata.age, options.identities);
    if ('failure' in unwrapped) {
        const recipients = metadata.age.map((s) => s.recipient).join(', ');
        const none = options.identities.length === 0;
        const message = {
            'no-identity': none
                ? `no age identity given; this file is encrypted for ${recipients}`
                : `no age identity matches the recipients of this file (${recipients})`,
            'bad-identity': 'the age identity given is not a valid AGE-SECRET-KEY',
            'bad-key': 'the data key in sops.age is damaged: it does not decrypt to a 32-byte key',
        }[unwrapped.failure];
        return {
            diagnostics: [(0,src_diagnostics/* error */.z3)(`sops.${unwrapped.failure}`, message, file, at(['sops', 'age']), '.sops.age')],
        };
    }
    const doc = source.clone();
    doc.delete('sops');
    const walk = (0,tree/* walkDocument */.Lj)(doc);
    const decrypted = decryptTree(walk, metadata, unwrapped.dataKey, parsed, source);
    if (decrypted.diagnostics.some((d) => d.severity === 'error'))
        return { diagnostics: decrypted.diagnostics };
    const macError = verifyMac(metadata, unwrapped.dataKey, decrypted.macInputs);
    if (macError) {
        return { diagnostics: [(0,src_diagnostics/* error */.z3)('sops.mac', macError, file, at(['sops', 'mac']), '.sops.mac')] };
    }
    const document = {
        file,
        source: text,
        doc,
        text: doc.toString(STRINGIFY),
        value: doc.toJS(),
        metadata,
        secrets: decrypted.secrets,
    };
    (0,reuse/* rememberReuse */.yF)(document, { dataKey: unwrapped.dataKey, envelopes: decrypted.envelopes });
    return { document, diagnostics: decrypted.diagnostics };
}
function fail(file, code, message) {
    return { diagnostics: [(0,src_diagnostics/* error */.z3)(code, message, file, { line: 1, column: 1 })] };
}
const FAILURES = {
    format: 'is not a valid SOPS envelope (ENC[AES256_GCM,data:…,iv:…,tag:…,type:…])',
    authentication: 'does not decrypt: its data, IV or tag was changed, or it was moved from another key',
    type: 'decrypts to something that is not a valid value of its type',
};
/** Decrypt every leaf and comment in place; collect the MAC inputs and the envelopes for reuse. */
function decryptTree(walk, metadata, key, parsed, source) {
    const file = parsed.file;
    const diagnostics = walk.problems.map((p) => (0,src_diagnostics/* error */.z3)(p.code, p.message, file, (0,parse/* positionAt */.t$)(parsed, source, p.at), (0,parse/* formatPath */.jV)(p.at)));
    const encrypted = (0,rule/* encryptionPredicate */.Fy)(metadata.rule);
    const macInputs = [];
    const envelopes = new Map();
    const secrets = [];
    for (const leaf of walk.leaves) {
        if (!encrypted(leaf.keys)) {
            macInputs.push({ text: leaf.value.text, encrypted: false });
            continue;
        }
        const where = (0,parse/* formatPath */.jV)(leaf.at);
        const envelope = leaf.node.value;
        const result = typeof envelope === 'string'
            ? (0,cipher/* decryptText */.PV)(envelope, key, (0,tree/* aadOf */.Q3)(leaf.keys))
            : { failure: 'format' };
        if ('failure' in result) {
            const pos = (0,parse/* positionAt */.t$)(parsed, source, leaf.at);
            diagnostics.push((0,src_diagnostics/* error */.z3)(`sops.value-${result.failure}`, `${where} ${FAILURES[result.failure]}`, file, pos, where));
            continue;
        }
        envelopes.set((0,reuse/* envelopeKey */.Q3)((0,tree/* aadOf */.Q3)(leaf.keys), result.value), envelope);
        setPlain(leaf.node, result.value);
        if (result.value.text !== '')
            secrets.push(result.value.text);
        macInputs.push({ text: result.value.text, encrypted: true });
    }
    for (const group of walk.comments) {
        if (!encrypted(group.keys))
            continue;
        let kept = false;
        (0,comments/* mapCommentLines */.P)(group, (line) => {
            if (!(0,cipher/* isEnvelope */.XT)(line))
                return line;
            const result = (0,cipher/* decryptText */.PV)(line, key, (0,tree/* aadOf */.Q3)(group.keys));
            if ('failure' in result)
                kept = true;
            else
                envelopes.set((0,reuse/* envelopeKey */.Q3)((0,tree/* aadOf */.Q3)(group.keys), result.value), line);
            return 'failure' in result ? line : result.value.text;
        });
        if (kept) {
            const where = (0,parse/* formatPath */.jV)(group.at);
            const pos = (0,parse/* positionAt */.t$)(parsed, source, group.at);
            diagnostics.push((0,src_diagnostics/* warning */.$e)('sops.comment', `an encrypted comment in ${where} did not decrypt; kept as is`, file, pos, where));
        }
    }
    return { macInputs, envelopes, secrets, diagnostics };
}
function verifyMac(metadata, key, inputs) {
    const stored = (0,cipher/* decryptText */.PV)(metadata.mac, key, metadata.lastModified);
    if ('failure' in stored) {
        return 'the MAC does not decrypt: sops.mac or sops.lastmodified was changed, or the file was damaged';
    }
    if (stored.value.text !== (0,mac/* computeMac */.l)(inputs, metadata.macOnlyEncrypted)) {
        return 'MAC mismatch: the values were changed outside sops, or the file was tampered with';
    }
    return undefined;
}


/***/ }),

/***/ 8949:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  C$: () => (/* binding */ goLeafOf)
});

// UNUSED EXPORTS: goParseInt, resolvePlain

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/sops/cipher.ts
var cipher = __webpack_require__(1764);
;// CONCATENATED MODULE: ./src/sops/go-time.ts
/**
 * yaml.v3's timestamps (go-yaml/yaml v3 resolve.go:292-326): a plain scalar starting `YYYY-` that Go's
 * `time.Parse` accepts in one of four layouts is a `time.Time`, and sops encrypts it as type `time`
 * with the text `MarshalText` gives (RFC 3339 with nanoseconds, trailing zeros dropped; aes/cipher.go
 * Encrypt). Go's layout rules: `2006` four digits; `1`, `2`, `15`, `4`, `5` one or two digits;
 * `.999999999` any digits after `.` or `,` (the first nine count); `Z07:00` is `Z` or `±hh:mm`.
 */
const NUM = '(\\d\\d?)';
const FRACTION = '(?:[.,](\\d+))?';
const DATE = `(\\d{4})-${NUM}-${NUM}`;
const TIME = `${NUM}:${NUM}:${NUM}${FRACTION}`;
// The four layouts of resolve.go:294-300, in order.
const LAYOUTS = [
    new RegExp(`^${DATE}T${TIME}(Z|[-+]\\d\\d:\\d\\d)$`),
    new RegExp(`^${DATE}t${TIME}(Z|[-+]\\d\\d:\\d\\d)$`),
    new RegExp(`^${DATE} ${TIME}$`),
    new RegExp(`^${DATE}$`),
];
/** The RFC 3339 text sops would encrypt for a plain scalar yaml.v3 reads as a timestamp. */
function goTimestamp(text) {
    if (!/^\d{4}-/.test(text))
        return undefined;
    for (const layout of LAYOUTS) {
        const match = layout.exec(text);
        if (!match)
            continue;
        const parsed = fieldsOf(match);
        if (parsed && inRange(parsed))
            return marshalText(parsed);
    }
    return undefined;
}
function fieldsOf(match) {
    const n = (i) => Number(match[i] ?? '0');
    const zone = match[8];
    let offset;
    if (zone && zone !== 'Z') {
        const [hh, mm] = [Number(zone.slice(1, 3)), Number(zone.slice(4, 6))];
        // Go's time.Parse refuses offset hours above 24 and minutes above 60 (time/format.go).
        if (hh > 24 || mm > 60)
            return undefined;
        offset = (zone[0] === '-' ? -1 : 1) * (hh * 60 + mm);
    }
    return {
        year: n(1),
        month: n(2),
        day: n(3),
        hour: n(4),
        minute: n(5),
        second: n(6),
        nanos: (match[7] ?? '').slice(0, 9),
        offset,
    };
}
function inRange(p) {
    const leap = p.year % 4 === 0 && (p.year % 100 !== 0 || p.year % 400 === 0);
    const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][p.month - 1] ?? 0;
    return (p.month >= 1 &&
        p.month <= 12 &&
        p.day >= 1 &&
        p.day <= daysInMonth &&
        p.hour < 24 &&
        p.minute < 60 &&
        p.second < 60);
}
const pad = (n, width = 2) => String(Math.abs(n)).padStart(width, '0');
/** Go `time.Time.MarshalText`: `2006-01-02T15:04:05.999999999Z07:00`, with `Z` for a zero offset. */
function marshalText(p) {
    const fraction = p.nanos.replace(/0+$/, '');
    const offset = p.offset ?? 0;
    const zone = offset === 0 ? 'Z' : `${offset < 0 ? '-' : '+'}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
    return (`${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}` +
        `${fraction ? `.${fraction}` : ''}${zone}`);
}

;// CONCATENATED MODULE: ./src/sops/go-scalar.ts
/**
 * How sops reads a YAML scalar: its YAML store decodes every scalar node into a Go `interface{}`
 * (getsops/sops stores/yaml/store.go:105-108, `node.Decode(&result)`), so the value, its SOPS type
 * and the text the MAC hashes are what gopkg.in/yaml.v3 resolves — YAML 1.1 leftovers included
 * (`1_000` and `017` are ints, `2001-12-14` a timestamp), where the `yaml` package (YAML 1.2 core)
 * reads strings or other numbers. Line numbers below are go-yaml/yaml branch v3 (f6f7691), the code
 * go.yaml.in/yaml/v3, which sops 3.13 uses, carries unchanged.
 */



const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;
const STR = 'tag:yaml.org,2002:str';
const SHORT_TAGS = {
    'tag:yaml.org,2002:str': '!!str',
    'tag:yaml.org,2002:int': '!!int',
    'tag:yaml.org,2002:float': '!!float',
    'tag:yaml.org,2002:bool': '!!bool',
    'tag:yaml.org,2002:null': '!!null',
    'tag:yaml.org,2002:timestamp': '!!timestamp',
    'tag:yaml.org,2002:binary': '!!binary',
};
// resolve.go:116-122: only these tags are resolved; any other keeps the text as a string.
const RESOLVABLE = new Set(['', '!!str', '!!bool', '!!int', '!!float', '!!null', '!!timestamp']);
/** A parsed scalar as sops sees it; a node built from a JS value (no source) keeps its JS type. */
function goLeafOf(node) {
    if (typeof node.source !== 'string' || !(0,dist/* isScalar */.jn)(node))
        return undefined;
    const tag = node.tag ? (SHORT_TAGS[node.tag] ?? node.tag) : '';
    // yaml.go:463-467 indicatedString: quoted and block scalars are strings unless tagged otherwise.
    const quotedOrBlock = node.type !== undefined && node.type !== 'PLAIN';
    if (tag === '!!str' || node.tag === STR || ((tag === '' || tag === '!') && quotedOrBlock)) {
        return { type: 'str', text: String(node.source) };
    }
    if (tag === '!!binary')
        return binaryText(node.source);
    if (!RESOLVABLE.has(tag))
        return { type: 'str', text: node.source };
    const resolved = resolvePlain(node.source, tag);
    // resolve.go:132-151: an explicit tag the text does not satisfy fails the decode (an int may be a float).
    if (tag !== '' && tag !== '!!str' && resolved !== null && 'type' in resolved) {
        const want = tag.slice(2) === 'timestamp' ? 'time' : tag.slice(2);
        if (want === 'float' && resolved.type === 'int')
            return { type: 'float', text: resolved.text };
        if (want !== resolved.type)
            return { problem: `the value does not read as its tag ${tag}` };
    }
    return resolved;
}
/** decode.go:573-579: `!!binary` is base64, decoded to a string. Only UTF-8 is carried here. */
function binaryText(source) {
    const compact = source.replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 !== 0) {
        return { problem: '!!binary value contains invalid base64 data' };
    }
    const bytes = Buffer.from(compact, 'base64');
    const text = bytes.toString('utf8');
    if (!Buffer.from(text, 'utf8').equals(bytes)) {
        return { problem: 'a !!binary value that is not UTF-8 text is not supported' };
    }
    return { type: 'str', text };
}
const RESOLVE_MAP = {};
// resolve.go:52-58.
for (const s of ['true', 'True', 'TRUE'])
    RESOLVE_MAP[s] = { type: 'bool', text: 'True' };
for (const s of ['false', 'False', 'FALSE'])
    RESOLVE_MAP[s] = { type: 'bool', text: 'False' };
for (const s of ['', '~', 'null', 'Null', 'NULL'])
    RESOLVE_MAP[s] = null;
for (const s of ['.nan', '.NaN', '.NAN'])
    RESOLVE_MAP[s] = { type: 'float', text: 'NaN' };
for (const s of ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']) {
    RESOLVE_MAP[s] = { type: 'float', text: '+Inf' };
}
for (const s of ['-.inf', '-.Inf', '-.INF'])
    RESOLVE_MAP[s] = { type: 'float', text: '-Inf' };
// resolve.go:124.
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
/** resolve.go:126-265 for an untagged (or resolvably tagged) plain scalar. */
function resolvePlain(text, tag = '') {
    // resolve.go:37-45: the first byte decides whether anything but a string is possible.
    const first = text[0] ?? '';
    const hint = text === '' ? 'N' : /[-+]/.test(first) ? 'S' : /[0-9]/.test(first) ? 'D' : first;
    if (!/^(N|S|D|\.|[yYnNtTfFoO~])$/.test(hint) || tag === '!!str')
        return { type: 'str', text };
    if (Object.hasOwn(RESOLVE_MAP, text))
        return RESOLVE_MAP[text];
    if (hint === '.') {
        const value = goParseFloat(text);
        return value === undefined ? { type: 'str', text } : { type: 'float', text: (0,cipher/* formatGoFloat */.qL)(value) };
    }
    if (hint !== 'S' && hint !== 'D')
        return { type: 'str', text };
    if (tag === '' || tag === '!!timestamp') {
        const time = goTimestamp(text);
        if (time !== undefined)
            return { type: 'time', text: time };
    }
    return resolveNumber(text.replaceAll('_', ''), text);
}
/** resolve.go:191-259: ints in Go's base-0 syntax, then YAML-style floats, then 0b/0o spellings. */
function resolveNumber(plain, text) {
    const int = goParseInt(plain, 0);
    if (int !== undefined)
        return { type: 'int', text: int.toString() };
    if (/^[0-9]/.test(plain) && goParseInt(plain, 0, UINT64_MAX) !== undefined) {
        // resolve.go:200-203: ParseUint succeeded, a uint64 — which sops cannot encrypt (aes/cipher.go).
        return { problem: 'an integer larger than int64 is not supported by sops' };
    }
    if (YAML_STYLE_FLOAT.test(plain)) {
        const value = goParseFloat(plain);
        if (value !== undefined)
            return { type: 'float', text: (0,cipher/* formatGoFloat */.qL)(value) };
    }
    for (const [prefix, base, sign] of [
        ['0b', 2, ''],
        ['-0b', 2, '-'],
        ['0o', 8, ''],
        ['-0o', 8, '-'],
    ]) {
        if (!plain.startsWith(prefix))
            continue;
        const rest = plain.slice(prefix.length);
        const value = goParseInt(sign + rest, base);
        if (value !== undefined)
            return { type: 'int', text: value.toString() };
        break;
    }
    return { type: 'str', text };
}
/**
 * Go `strconv.ParseInt(s, base, 64)` (base 0: `0x`, `0o`, `0b` and a leading `0` for octal), as a
 * bigint; undefined on a syntax or range error. `max` 2^64-1 on an unsigned text: `ParseUint`.
 */
function goParseInt(s, base, max = INT64_MAX) {
    const match = /^([-+]?)(.*)$/s.exec(s);
    const [sign, body] = [match[1], match[2]];
    let digits = body;
    let radix = base;
    if (base === 0) {
        const prefixed = /^0([xXoObB])(.*)$/s.exec(body);
        if (prefixed) {
            radix = { x: 16, o: 8, b: 2 }[prefixed[1].toLowerCase()];
            digits = prefixed[2];
        }
        else
            radix = body.length > 1 && body.startsWith('0') ? 8 : 10;
    }
    const alphabet = '0123456789abcdef'.slice(0, radix);
    if (digits === '' || [...digits.toLowerCase()].some((c) => !alphabet.includes(c)))
        return undefined;
    let value = 0n;
    for (const c of digits.toLowerCase())
        value = value * BigInt(radix) + BigInt(alphabet.indexOf(c));
    if (sign === '-')
        value = -value;
    return value < INT64_MIN || value > max ? undefined : value;
}
/** Go `strconv.ParseFloat(s, 64)` for the decimal forms YAML_STYLE_FLOAT admits; out of range fails. */
function goParseFloat(s) {
    if (!YAML_STYLE_FLOAT.test(s) || !/[0-9]/.test(s))
        return undefined;
    const value = Number(s);
    return Number.isFinite(value) ? value : undefined;
}


/***/ }),

/***/ 6936:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ui: () => (/* reexport */ sops_rule/* SECRET_RULE */.ui),
  rV: () => (/* reexport */ creation_rules/* creationRuleFor */.r),
  L4: () => (/* reexport */ decrypt/* decryptDocument */.L),
  rs: () => (/* reexport */ encryptDocument),
  PM: () => (/* reexport */ sops_metadata/* isSopsDocument */.PM),
  V_: () => (/* reexport */ creation_rules/* parseSopsConfig */.V)
});

// UNUSED EXPORTS: DEFAULT_RULE, SOPS_VERSION, isAgeRecipient, parseAgeIdentities

// EXTERNAL MODULE: ./src/sops/creation-rules.ts
var creation_rules = __webpack_require__(4632);
// EXTERNAL MODULE: ./src/sops/decrypt.ts + 1 modules
var decrypt = __webpack_require__(1309);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/builtins.ts
var builtins = __webpack_require__(7227);
// EXTERNAL MODULE: ./src/diagnostics.ts
var diagnostics = __webpack_require__(4851);
// EXTERNAL MODULE: ./src/yaml/parse.ts
var parse = __webpack_require__(420);
// EXTERNAL MODULE: ./src/sops/age.ts
var age = __webpack_require__(432);
// EXTERNAL MODULE: ./src/sops/cipher.ts
var cipher = __webpack_require__(1764);
// EXTERNAL MODULE: ./src/sops/comments.ts
var comments = __webpack_require__(4073);
// EXTERNAL MODULE: ./src/sops/mac.ts
var sops_mac = __webpack_require__(7872);
// EXTERNAL MODULE: ./src/sops/metadata.ts
var sops_metadata = __webpack_require__(4122);
// EXTERNAL MODULE: ./src/sops/reuse.ts
var sops_reuse = __webpack_require__(5507);
// EXTERNAL MODULE: ./src/sops/rule.ts
var sops_rule = __webpack_require__(3985);
// EXTERNAL MODULE: ./src/sops/tree.ts
var tree = __webpack_require__(51);
;// CONCATENATED MODULE: ./src/sops/splice.ts
/**
 * A changed value written into the previous encrypted text in place: only the envelopes of the
 * values that changed, `lastmodified` and `mac` are replaced; every other byte of the file stays,
 * whoever wrote it (sops indents lists and lays out its metadata its own way; re-rendering the
 * document would move lines a reviewer then has to read). Used only when nothing but encrypted
 * values changed: same keys, order, comments, recipients and rule.
 */



/** The previous source with new envelopes spliced in; undefined when it cannot be done safely. */
function spliceEnvelopes(source, leaves, encrypted, metadata) {
    const doc = (0,dist/* parseDocument */.Tp)(source, { keepSourceTokens: false });
    if (doc.errors.length > 0)
        return undefined;
    const before = (0,tree/* walkDocument */.Lj)(doc).leaves;
    if (before.length !== leaves.length)
        return undefined;
    const edits = [];
    for (const [i, leaf] of leaves.entries()) {
        const old = before[i];
        if (JSON.stringify(old.at) !== JSON.stringify(leaf.at))
            return undefined;
        const range = old.node.range;
        if (!encrypted(leaf.keys)) {
            if (JSON.stringify(old.value) !== JSON.stringify(leaf.value))
                return undefined;
            continue;
        }
        const envelope = String(leaf.node.value);
        if (!range || typeof old.node.value !== 'string')
            return undefined;
        if (old.node.value === envelope)
            continue;
        edits.push({ range: [range[0], range[1]], text: envelope === '' ? '""' : envelope });
    }
    const sops = (0,sops_metadata/* metadataPair */.Q7)(doc)?.value;
    const lastModified = sops?.get?.('lastmodified', true);
    const mac = sops?.get?.('mac', true);
    if (!(0,dist/* isScalar */.jn)(lastModified) || !(0,dist/* isScalar */.jn)(mac) || !lastModified.range || !mac.range)
        return undefined;
    edits.push({
        range: [lastModified.range[0], lastModified.range[1]],
        text: quoted(lastModified, metadata.lastModified),
    });
    edits.push({ range: [mac.range[0], mac.range[1]], text: metadata.mac });
    let text = source;
    for (const edit of edits.sort((a, b) => b.range[0] - a.range[0])) {
        text = text.slice(0, edit.range[0]) + edit.text + text.slice(edit.range[1]);
    }
    return text;
}
/** An RFC 3339 time in the quoting the old scalar used (sops writes it double-quoted). */
function quoted(old, value) {
    if (old.type === dist/* Scalar */.X5.QUOTE_SINGLE)
        return `'${value}'`;
    if (old.type === dist/* Scalar */.X5.PLAIN)
        return value;
    return `"${value}"`;
}

;// CONCATENATED MODULE: ./src/sops/encrypt.ts
/**
 * Encrypt a YAML document into sops's format for age recipients. Given the previous decryption of the
 * same file, values that did not change keep their envelopes (ciphertext and IV) and the data key is
 * kept, so a pull request's diff shows only what changed; when nothing changed at all the previous
 * text comes back byte for byte.
 */














/** `plain`: YAML text (comments and key order kept), a yaml Document, or plain data. */
async function encryptDocument(plain, options) {
    const file = options.file ?? '';
    const fail = (diagnostics) => ({ unchanged: false, diagnostics });
    const rule = options.rule ?? sops_rule/* SECRET_RULE */.ui;
    const problems = optionProblems(options.recipients, rule, file);
    if (problems.length > 0)
        return fail(problems);
    const loaded = plainDocument(plain, file);
    if ('diagnostics' in loaded)
        return fail(loaded.diagnostics);
    const { doc } = loaded;
    const walk = (0,tree/* walkDocument */.Lj)(doc);
    if (walk.problems.length > 0) {
        return fail(walk.problems.map((p) => (0,diagnostics/* error */.z3)(p.code, p.message, file, loaded.position(p.at), (0,parse/* formatPath */.jV)(p.at))));
    }
    const recipients = [...new Set(options.recipients.map((r) => r.trim()))];
    const previous = options.previous;
    const comparison = previous ? compared(previous, doc, walk, recipients, rule) : 'other';
    if (previous && comparison === 'same')
        return { text: previous.source, unchanged: true, diagnostics: [] };
    const keys = await dataKeyFor(recipients, previous);
    const macInputs = encryptTree(walk, rule, withEnvelopesOf(keys.state, options.alsoReuse ?? []));
    const lastModified = (0,sops_metadata/* rfc3339 */.ag)(options.now ?? new Date());
    const macHex = (0,sops_mac/* computeMac */.l)(macInputs, false);
    const mac = (0,cipher/* encryptText */.FA)({ type: 'str', text: macHex }, keys.state.dataKey, lastModified);
    const spliced = previous && comparison === 'values'
        ? spliceEnvelopes(previous.source, walk.leaves, (0,sops_rule/* encryptionPredicate */.Fy)(rule), { lastModified, mac })
        : undefined;
    if (spliced !== undefined)
        return { text: spliced, unchanged: false, diagnostics: [] };
    const metadata = {
        age: keys.stanzas,
        lastModified,
        mac,
        rule,
        macOnlyEncrypted: false,
        version: sops_metadata/* SOPS_VERSION */.DT,
    };
    if (!(0,dist/* isMap */.jh)(doc.contents))
        doc.contents = doc.createNode({});
    doc.contents.add(doc.createPair('sops', (0,sops_metadata/* metadataNode */.gL)(doc, metadata)));
    return { text: doc.toString(decrypt/* STRINGIFY */.Y), unchanged: false, diagnostics: [] };
}
function optionProblems(recipients, rule, file) {
    const problems = [];
    if (recipients.length === 0)
        problems.push((0,diagnostics/* error */.z3)('sops.recipients', 'no age recipients to encrypt for', file));
    recipients.forEach((recipient, index) => {
        const text = recipient.trim();
        if ((0,age/* isAgeRecipient */.r8)(text))
            return;
        // Never echo it: a secret key pasted where a recipient belongs must not reach a log.
        const what = /^AGE-SECRET-KEY-/i.test(text)
            ? 'is an age identity (a secret key), not a recipient; give its public key (age1…)'
            : 'is not an age recipient (age1…)';
        problems.push((0,diagnostics/* error */.z3)('sops.recipient', `recipient ${index + 1} ${what}`, file));
    });
    const invalid = (0,sops_rule/* ruleProblem */["in"])(rule);
    if (invalid)
        problems.push((0,diagnostics/* error */.z3)('sops.rule', invalid, file));
    return problems;
}
function plainDocument(plain, file) {
    let loaded;
    if (typeof plain === 'string') {
        const parsed = (0,parse/* parseYaml */.hN)(file, plain);
        if (parsed.diagnostics.length > 0)
            return { diagnostics: parsed.diagnostics };
        if (parsed.documents.length > 1) {
            const message = `a SOPS file holds one YAML document here; found ${parsed.documents.length}`;
            return { diagnostics: [(0,diagnostics/* error */.z3)('sops.documents', message, file, { line: 1, column: 1 })] };
        }
        const source = parsed.documents[0]?.doc;
        loaded = {
            doc: source ? source.clone() : new dist/* Document */.yo({}),
            position: (at) => (source ? (0,parse/* positionAt */.t$)(parsed, source, at) : { line: 0, column: 0 }),
        };
    }
    else {
        const doc = (0,dist/* isDocument */.wz)(plain) ? plain.clone() : new dist/* Document */.yo(plain);
        loaded = { doc, position: () => ({ line: 0, column: 0 }) };
    }
    if ((0,sops_metadata/* metadataPair */.Q7)(loaded.doc)) {
        const message = 'the document is already SOPS-encrypted (it has a top-level sops key)';
        return {
            diagnostics: [(0,diagnostics/* error */.z3)('sops.already-encrypted', message, file, loaded.position(['sops']), '.sops')],
        };
    }
    return loaded;
}
/**
 * How the new plaintext compares with the previous one under the same recipients and rule:
 * `same` (values, types, structure, comments), `values` (only leaf values differ), or `other`.
 */
function compared(previous, doc, walk, recipients, rule) {
    const before = previous.metadata;
    const sameRecipients = before.age.length === recipients.length && before.age.every((s) => recipients.includes(s.recipient));
    const sameRule = Object.keys(sops_rule/* RULE_FIELDS */.tq).every((k) => (before.rule[k] || undefined) === (rule[k] || undefined));
    if (!sameRecipients || !sameRule || before.macOnlyEncrypted || !(0,sops_reuse/* reuseOf */.S5)(previous))
        return 'other';
    const previousWalk = (0,tree/* walkDocument */.Lj)(previous.doc);
    if (signature(previous.doc, previousWalk, true) === signature(doc, walk, true))
        return 'same';
    return signature(previous.doc, previousWalk, false) === signature(doc, walk, false) ? 'values' : 'other';
}
function signature(doc, walk, withValues) {
    const leaves = walk.leaves.map((l) => (withValues ? [l.at, l.value] : [l.at]));
    // The shape: keys, order, nulls and empty collections; the leaves carry the values and their types.
    const shape = JSON.stringify(doc.toJS(), (_, v) => (v === null || typeof v === 'object' ? v : 0));
    return JSON.stringify([leaves, (0,comments/* commentTexts */.g)(walk.comments), shape]);
}
/**
 * The previous data key while every previous recipient is still a recipient (their stanzas are kept
 * byte for byte, new recipients get one); a fresh key otherwise, so a removed recipient cannot read
 * what is written from now on.
 */
async function dataKeyFor(recipients, previous) {
    const old = previous ? (0,sops_reuse/* reuseOf */.S5)(previous) : undefined;
    const kept = previous?.metadata.age ?? [];
    if (old && kept.every((s) => recipients.includes(s.recipient))) {
        const stanzas = [];
        for (const recipient of recipients) {
            const stanza = kept.find((s) => s.recipient === recipient);
            stanzas.push(stanza ?? (await (0,age/* wrapDataKey */.Ki)(old.dataKey, [recipient]))[0]);
        }
        return { state: old, stanzas };
    }
    const dataKey = new Uint8Array((0,builtins/* nodeCrypto */.S)().randomBytes(age/* DATA_KEY_BYTES */.lM));
    return { state: { dataKey, envelopes: new Map() }, stanzas: await (0,age/* wrapDataKey */.Ki)(dataKey, recipients) };
}
/** The envelopes of other decryptions under the same data key, added to the state's (its own win). */
function withEnvelopesOf(state, others) {
    const envelopes = new Map();
    for (const other of others) {
        const reuse = (0,sops_reuse/* reuseOf */.S5)(other);
        if (!reuse || !Buffer.from(reuse.dataKey).equals(Buffer.from(state.dataKey)))
            continue;
        for (const [key, envelope] of reuse.envelopes)
            envelopes.set(key, envelope);
    }
    for (const [key, envelope] of state.envelopes)
        envelopes.set(key, envelope);
    return { dataKey: state.dataKey, envelopes };
}
/** Encrypt the leaves and comments the rule selects, in place; return the MAC inputs. */
function encryptTree(walk, rule, state) {
    const encrypted = (0,sops_rule/* encryptionPredicate */.Fy)(rule);
    const seal = (value, aad) => state.envelopes.get((0,sops_reuse/* envelopeKey */.Q3)(aad, value)) ?? (0,cipher/* encryptText */.FA)(value, state.dataKey, aad);
    const macInputs = [];
    for (const leaf of walk.leaves) {
        const value = leaf.value;
        const secret = encrypted(leaf.keys);
        macInputs.push({ text: value.text, encrypted: secret });
        if (!secret)
            continue;
        leaf.node.value = seal(value, (0,tree/* aadOf */.Q3)(leaf.keys));
        leaf.node.source = leaf.node.value;
        leaf.node.type = dist/* Scalar */.X5.PLAIN;
        leaf.node.tag = undefined;
        leaf.node.format = undefined;
        leaf.node.minFractionDigits = undefined;
    }
    for (const group of walk.comments) {
        if (!encrypted(group.keys))
            continue;
        (0,comments/* mapCommentLines */.P)(group, (line) => seal({ type: 'comment', text: line }, (0,tree/* aadOf */.Q3)(group.keys)));
    }
    return macInputs;
}

;// CONCATENATED MODULE: ./src/sops/index.ts
/**
 * SOPS for YAML documents with age keys, without the sops binary: decrypt (MAC verified), encrypt
 * (unchanged values keep their ciphertext), and `.sops.yaml` creation rules. Pure: no file or
 * network access; the caller reads the files and the key.
 */








/***/ }),

/***/ 7872:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ computeMac)
/* harmony export */ });
/* harmony import */ var _builtins_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7227);
/* harmony import */ var _once_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8094);
/**
 * The SOPS MAC (`sops.go` Tree.Encrypt/Decrypt): SHA-512 over the canonical text of every leaf in
 * document order, encrypted ones and plaintext ones alike (only encrypted ones, after a fixed seed,
 * with `mac_only_encrypted`), printed as uppercase hex and stored encrypted with AAD = lastmodified.
 */


/** sops's `MACOnlyEncryptedInitialization` (sha256 of "sops"): the two modes never collide. */
const macOnlyEncryptedSeed = (0,_once_js__WEBPACK_IMPORTED_MODULE_0__/* .once */ .O)(() => (0,_builtins_js__WEBPACK_IMPORTED_MODULE_1__/* .nodeCrypto */ .S)().createHash('sha256').update('sops').digest());
function computeMac(leaves, macOnlyEncrypted) {
    const hash = (0,_builtins_js__WEBPACK_IMPORTED_MODULE_1__/* .nodeCrypto */ .S)().createHash('sha512');
    if (macOnlyEncrypted)
        hash.update(macOnlyEncryptedSeed());
    for (const leaf of leaves) {
        if (!macOnlyEncrypted || leaf.encrypted)
            hash.update(leaf.text, 'utf8');
    }
    return hash.digest('hex').toUpperCase();
}


/***/ }),

/***/ 4122:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DT: () => (/* binding */ SOPS_VERSION),
/* harmony export */   PM: () => (/* binding */ isSopsDocument),
/* harmony export */   Q7: () => (/* binding */ metadataPair),
/* harmony export */   _6: () => (/* binding */ readMetadata),
/* harmony export */   ag: () => (/* binding */ rfc3339),
/* harmony export */   gL: () => (/* binding */ metadataNode)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _rule_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3985);
/* harmony import */ var _tree_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51);
/**
 * The `sops` metadata block (`stores/stores.go` struct metadata), read and written. Only age keys are
 * used here; other key types (pgp, kms, …) are read past. sops ≤3.9 wrote empty lists (`kms: []`),
 * 3.10 leaves them out; both are read. Written in sops's field order.
 */



/** The sops format version this module writes (the layout of sops 3.10: no empty key lists). */
const SOPS_VERSION = '3.10.2';
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** The top-level `sops` pair of a document, if any. */
function metadataPair(doc) {
    const root = doc.contents;
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(root))
        return undefined;
    return root.items.find((p) => (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(p.key) && p.key.value === _tree_js__WEBPACK_IMPORTED_MODULE_2__/* .METADATA_KEY */ .KK);
}
/** Whether a document is a SOPS file the way Flux decides it: a `sops` map with a non-empty `mac`. */
function isSopsDocument(value) {
    return (isObject(value) && isObject(value.sops) && typeof value.sops.mac === 'string' && value.sops.mac !== '');
}
/** Read the metadata from the plain value of the `sops` key. Messages name fields, never values. */
function readMetadata(raw) {
    if (!isObject(raw))
        return { problem: 'the sops metadata must be a map', field: '' };
    const groups = Array.isArray(raw.key_groups) ? raw.key_groups : undefined;
    if (groups && groups.length > 1) {
        return { problem: 'several key_groups (Shamir secret sharing) are not supported', field: 'key_groups' };
    }
    const ageSource = groups ? (isObject(groups[0]) ? groups[0].age : undefined) : raw.age;
    const age = readAge(ageSource);
    if (!age)
        return { problem: 'sops.age must be a list of {recipient, enc}', field: 'age' };
    if (age.length === 0)
        return { problem: 'this file has no age recipients', field: 'age' };
    for (const field of ['lastmodified', 'mac']) {
        if (typeof raw[field] !== 'string' || raw[field] === '') {
            return { problem: `sops.${field} is missing or not a string`, field };
        }
    }
    for (const field of ['unencrypted_comment_regex', 'encrypted_comment_regex']) {
        if (raw[field])
            return { problem: `sops.${field} is not supported`, field };
    }
    const rule = {};
    for (const [name, field] of Object.entries(_rule_js__WEBPACK_IMPORTED_MODULE_1__/* .RULE_FIELDS */ .tq)) {
        const value = raw[field];
        if (value === undefined || value === null || value === '')
            continue;
        if (typeof value !== 'string')
            return { problem: `sops.${field} must be a string`, field };
        rule[name] = value;
    }
    const problem = (0,_rule_js__WEBPACK_IMPORTED_MODULE_1__/* .ruleProblem */ ["in"])(rule);
    if (problem)
        return { problem: `sops metadata: ${problem}`, field: '' };
    return {
        metadata: {
            age,
            lastModified: raw.lastmodified,
            mac: raw.mac,
            rule,
            macOnlyEncrypted: raw.mac_only_encrypted === true,
            version: raw.version === undefined ? '' : String(raw.version),
        },
    };
}
function readAge(source) {
    if (source === undefined || source === null)
        return [];
    if (!Array.isArray(source))
        return undefined;
    const stanzas = [];
    for (const item of source) {
        if (!isObject(item) || typeof item.recipient !== 'string' || typeof item.enc !== 'string')
            return undefined;
        stanzas.push({ recipient: item.recipient, enc: item.enc });
    }
    return stanzas;
}
/** The `sops` block as a YAML node in sops's field order, armored keys as literal blocks. */
function metadataNode(doc, metadata) {
    const fields = {
        age: metadata.age.map((s) => ({ recipient: s.recipient, enc: s.enc })),
        lastmodified: metadata.lastModified,
        mac: metadata.mac,
    };
    for (const [name, field] of Object.entries(_rule_js__WEBPACK_IMPORTED_MODULE_1__/* .RULE_FIELDS */ .tq)) {
        if (metadata.rule[name])
            fields[field] = metadata.rule[name];
    }
    if (metadata.macOnlyEncrypted)
        fields.mac_only_encrypted = true;
    fields.version = metadata.version;
    const node = doc.createNode(fields);
    const age = node.get('age', true);
    for (const stanza of age.items) {
        const enc = stanza.get('enc', true);
        enc.type = yaml__WEBPACK_IMPORTED_MODULE_0__/* .Scalar */ .X5.BLOCK_LITERAL;
    }
    node.get('lastmodified', true).type = yaml__WEBPACK_IMPORTED_MODULE_0__/* .Scalar */ .X5.QUOTE_DOUBLE;
    return node;
}
/** RFC 3339 in UTC to the second, like Go's `time.RFC3339` on a UTC time. */
function rfc3339(date) {
    return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}


/***/ }),

/***/ 5507:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q3: () => (/* binding */ envelopeKey),
/* harmony export */   S5: () => (/* binding */ reuseOf),
/* harmony export */   yF: () => (/* binding */ rememberReuse)
/* harmony export */ });
const states = new WeakMap();
function envelopeKey(aad, value) {
    return `${aad}\u0000${value.type}\u0000${value.text}`;
}
function rememberReuse(owner, state) {
    states.set(owner, state);
}
function reuseOf(owner) {
    return states.get(owner);
}


/***/ }),

/***/ 3985:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fy: () => (/* binding */ encryptionPredicate),
/* harmony export */   "in": () => (/* binding */ ruleProblem),
/* harmony export */   mT: () => (/* binding */ goRegExp),
/* harmony export */   tq: () => (/* binding */ RULE_FIELDS),
/* harmony export */   ui: () => (/* binding */ SECRET_RULE)
/* harmony export */ });
/* unused harmony export DEFAULT_RULE */
const RULE_FIELDS = {
    encryptedRegex: 'encrypted_regex',
    unencryptedRegex: 'unencrypted_regex',
    encryptedSuffix: 'encrypted_suffix',
    unencryptedSuffix: 'unencrypted_suffix',
};
const DEFAULT_RULE = { unencryptedSuffix: '_unencrypted' };
/** What this action writes for a Kubernetes Secret: apiVersion, kind and metadata stay readable. */
const SECRET_RULE = { encryptedRegex: '^(data|stringData)$' };
/**
 * A Go (RE2) regular expression as a JavaScript one. RE2 and JavaScript agree on the syntax people
 * write in `.sops.yaml`; a leading `(?i)`/`(?s)`/`(?m)` flag group becomes a JavaScript flag.
 * Returns undefined when the pattern does not compile.
 */
function goRegExp(pattern) {
    const flagGroup = /^\(\?([ims]+)\)/.exec(pattern);
    const flags = flagGroup ? [...new Set(flagGroup[1])].join('') : '';
    try {
        return new RegExp(flagGroup ? pattern.slice(flagGroup[0].length) : pattern, `${flags}u`);
    }
    catch {
        try {
            return new RegExp(flagGroup ? pattern.slice(flagGroup[0].length) : pattern, flags);
        }
        catch {
            return undefined;
        }
    }
}
/** The one rule field set (sops refuses more than one), or undefined when several are set. */
function ruleProblem(rule) {
    const set = Object.keys(RULE_FIELDS).filter((k) => rule[k]);
    if (set.length > 1) {
        return `only one of ${set.map((k) => RULE_FIELDS[k]).join(', ')} may be set`;
    }
    for (const field of ['encryptedRegex', 'unencryptedRegex']) {
        const pattern = rule[field];
        if (pattern !== undefined && goRegExp(pattern) === undefined) {
            return `${RULE_FIELDS[field]} is not a valid regular expression`;
        }
    }
    return undefined;
}
/** A predicate on key paths; call only on a rule `ruleProblem` accepted. */
function encryptionPredicate(rule) {
    const active = ruleProblem(rule) === undefined && Object.values(rule).some(Boolean) ? rule : DEFAULT_RULE;
    if (active.encryptedRegex) {
        const re = goRegExp(active.encryptedRegex);
        return (keys) => keys.some((k) => re.test(k));
    }
    if (active.unencryptedRegex) {
        const re = goRegExp(active.unencryptedRegex);
        return (keys) => !keys.some((k) => re.test(k));
    }
    if (active.encryptedSuffix) {
        const suffix = active.encryptedSuffix;
        return (keys) => keys.some((k) => k.endsWith(suffix));
    }
    const suffix = active.unencryptedSuffix;
    return (keys) => !keys.some((k) => k.endsWith(suffix));
}


/***/ }),

/***/ 51:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KK: () => (/* binding */ METADATA_KEY),
/* harmony export */   Lj: () => (/* binding */ walkDocument),
/* harmony export */   Q3: () => (/* binding */ aadOf)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _cipher_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1764);
/* harmony import */ var _go_scalar_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8949);
/**
 * The walk sops makes over a document (`sops.go` walkBranch): map values and list items in document
 * order, with the path of map keys from the root (list items add no segment). The top-level `sops`
 * key is the metadata and is not part of the tree. Comments are gathered per collection, the way
 * sops's YAML store attaches them, because an encrypted subtree must not keep plaintext comments.
 */



const METADATA_KEY = 'sops';
/** The AAD of a value: its key path joined by `:`, with a trailing `:`. */
function aadOf(keys) {
    return `${keys.join(':')}:`;
}
function walkDocument(doc) {
    const walk = { leaves: [], comments: [], problems: [] };
    const root = doc.contents;
    if (root === null || ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(root) && root.value === null))
        return walk;
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(root)) {
        walk.problems.push({ code: 'sops.not-a-map', message: 'a SOPS document must be a map', at: [] });
        return walk;
    }
    walkNode(root, [], [], walk, [doc]);
    return walk;
}
function walkNode(node, keys, at, walk, extraHolders = [], ownComments = true) {
    if (node === null || node === undefined)
        return;
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isAlias */ .Vj)(node)) {
        walk.problems.push({ code: 'sops.alias', message: 'aliases are not supported in a SOPS document', at });
    }
    else if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node)) {
        const group = { keys, at, holders: ownComments ? [...extraHolders, node] : [] };
        walk.comments.push(group);
        for (const pair of node.items) {
            const key = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key) ? pair.key.value : undefined;
            if (typeof key !== 'string') {
                walk.problems.push({ code: 'sops.key-type', message: 'map keys must be strings', at });
                continue;
            }
            if (keys.length === 0 && key === METADATA_KEY)
                continue;
            group.holders.push(pair.key);
            if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.value))
                group.holders.push(pair.value);
            walkNode(pair.value, [...keys, key], [...at, key], walk);
        }
    }
    else if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node)) {
        const group = { keys, at, holders: ownComments ? [...extraHolders, node] : [] };
        walk.comments.push(group);
        // A list item's own comments belong to the list, as in sops's YAML store.
        node.items.forEach((item, index) => {
            if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(item) || (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(item) || (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(item))
                group.holders.push(item);
            walkNode(item, keys, [...at, index], walk, [], false);
        });
    }
    else if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node)) {
        const value = leafValue(node);
        if (value === null)
            return; // sops leaves null alone: not encrypted, not in the MAC
        if ('problem' in value) {
            walk.problems.push({ code: 'sops.value-type', message: value.problem, at });
            return;
        }
        walk.leaves.push({ node, value, keys, at });
    }
}
/** A scalar read from YAML text as Go reads it; one built from a JS value by its JS type. */
function leafValue(node) {
    const parsed = (0,_go_scalar_js__WEBPACK_IMPORTED_MODULE_1__/* .goLeafOf */ .C$)(node);
    if (parsed !== undefined)
        return parsed;
    if (node.value === null || node.value === undefined)
        return null;
    if (!['string', 'number', 'bigint', 'boolean'].includes(typeof node.value)) {
        return { problem: 'unsupported value type' };
    }
    return leafText(node);
}
const INT_SOURCE = /^[-+]?[0-9]+$|^0o[0-7]+$|^0x[0-9a-fA-F]+$/;
/** A JS-built leaf's SOPS type and canonical text, telling `1.0` (float) from `1` (int) by its source. */
function leafText(node) {
    const value = node.value;
    if (typeof value !== 'number')
        return (0,_cipher_js__WEBPACK_IMPORTED_MODULE_2__/* .typedTextOf */ .ls)(value);
    const source = typeof node.source === 'string' ? node.source.trim() : undefined;
    if (source !== undefined && INT_SOURCE.test(source)) {
        return (0,_cipher_js__WEBPACK_IMPORTED_MODULE_2__/* .typedTextOf */ .ls)(BigInt(source.startsWith('+') ? source.slice(1) : source));
    }
    return (0,_cipher_js__WEBPACK_IMPORTED_MODULE_2__/* .typedTextOf */ .ls)(value, source !== undefined || !Number.isSafeInteger(value));
}


/***/ }),

/***/ 420:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dR: () => (/* reexport safe */ _limits_js__WEBPACK_IMPORTED_MODULE_2__.d),
/* harmony export */   hN: () => (/* binding */ parseYaml),
/* harmony export */   jV: () => (/* binding */ formatPath),
/* harmony export */   lZ: () => (/* binding */ tooLargeYaml),
/* harmony export */   t$: () => (/* binding */ positionAt)
/* harmony export */ });
/* unused harmony exports yamlMessage, nodeAt, keyNodeAt */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _diagnostics_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4851);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8071);
/**
 * YAML with positions and limits. Every document keeps its source ranges so that any diagnostic can
 * name file, line and column; duplicate keys are errors; aliases and sizes are bounded so a hostile
 * file is refused quickly instead of exhausting memory.
 */




function parseYaml(file, text, limits = _limits_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_LIMITS */ .d, origin = { lineOffset: 0, columnOffset: 0 }) {
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    const position = (offset) => {
        const { line, col } = lineCounter.linePos(offset);
        return { line: line + origin.lineOffset, column: col + origin.columnOffset };
    };
    const result = { file, documents: [], diagnostics: [], position };
    const size = text.length > limits.maxBytes / 4 ? Buffer.byteLength(text) : text.length;
    if (size > limits.maxBytes)
        return tooLargeYaml(file, size, limits.maxBytes);
    // logLevel 'error': the parser's warnings (an unknown tag, a collection used as a key) quote the source and
    // would reach the process's stderr through process.emitWarning.
    const docs = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseAllDocuments */ .hR)(text, {
        lineCounter,
        prettyErrors: false,
        uniqueKeys: true,
        strict: true,
        logLevel: 'error',
    });
    if (!Array.isArray(docs)) {
        // parseAllDocuments returns an EmptyStream for a file with no documents at all.
        return result;
    }
    if (docs.length > limits.maxDocuments) {
        result.diagnostics.push((0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_1__/* .error */ .z3)('yaml.too-many-documents', `file has ${docs.length} documents, more than ${limits.maxDocuments}`, file));
        return result;
    }
    // An alias is written `*name`: a text without `*` has none, and its documents need no walk looking for them.
    const mayHaveAliases = text.includes('*');
    docs.forEach((doc, index) => {
        const problems = [...doc.errors];
        if (problems.length > 0) {
            for (const problem of problems) {
                result.diagnostics.push((0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_1__/* .error */ .z3)(yamlCode(problem.code), yamlMessage(problem.code), file, position(problem.pos[0])));
            }
            return;
        }
        if (doc.contents === null)
            return; // `---` with nothing after it
        const unresolved = mayHaveAliases ? unresolvedAlias(doc) : undefined;
        if (unresolved !== undefined) {
            result.diagnostics.push((0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_1__/* .error */ .z3)('yaml.unknown-alias', 'unknown alias: an alias (*name) refers to no anchor (&name) defined before it in this document', file, position(unresolved)));
            return;
        }
        try {
            result.documents.push({ doc, value: doc.toJS({ maxAliasCount: limits.maxAliasCount }), index });
        }
        catch {
            result.diagnostics.push((0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_1__/* .error */ .z3)('yaml.alias-limit', `document ${index + 1} expands too many aliases (over ${limits.maxAliasCount}); refusing a possible YAML bomb`, file, position(doc.range[0])));
        }
    });
    return result;
}
/** A file refused for its size, unread or unparsed. */
function tooLargeYaml(file, size, maxBytes) {
    const diagnostic = (0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_1__/* .error */ .z3)('yaml.too-large', `file is ${size} bytes, over the ${maxBytes}-byte limit; not parsed`, file);
    return { file, documents: [], diagnostics: [diagnostic], position: () => ({ line: 0, column: 0 }) };
}
/** The offset of the first alias with no anchor before it, if any (toJS would throw, naming it). */
function unresolvedAlias(doc) {
    let found;
    (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .visit */ .YR)(doc, {
        Alias(_, node) {
            if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isAlias */ .Vj)(node) && node.resolve(doc) === undefined) {
                found = node.range?.[0] ?? doc.range[0];
                return yaml__WEBPACK_IMPORTED_MODULE_0__/* .visit */ .YR.BREAK;
            }
            return undefined;
        },
    });
    return found;
}
function yamlCode(code) {
    return code === 'DUPLICATE_KEY' ? 'yaml.duplicate-key' : 'yaml.syntax';
}
/**
 * What each of the parser's error codes means, in words of our own. The parser's messages quote the
 * source ("Block scalar header includes extra characters: >hunter2"), and the file may be a values
 * Secret: only these fixed texts and the position ever leave this module.
 */
const YAML_MESSAGES = {
    ALIAS_PROPS: 'an alias cannot carry a tag or an anchor',
    BAD_ALIAS: 'an alias is malformed',
    BAD_COLLECTION_TYPE: 'a collection has the wrong type for its tag',
    BAD_DIRECTIVE: 'a directive (%…) is malformed',
    BAD_DQ_ESCAPE: 'a double-quoted string holds an invalid escape sequence',
    BAD_INDENT: 'bad indentation',
    BAD_PROP_ORDER: 'an anchor or tag is in the wrong place',
    BAD_SCALAR_START: 'a plain value starts with a reserved character',
    BLOCK_AS_IMPLICIT_KEY: 'a nested mapping is not allowed here (a compact mapping, or a missing line break)',
    BLOCK_IN_FLOW: 'a block collection is not allowed inside a flow collection',
    DUPLICATE_KEY: 'duplicate key: map keys must be unique',
    IMPOSSIBLE: 'the parser reached an impossible state',
    KEY_OVER_1024_CHARS: 'an implicit key is longer than 1024 characters',
    MISSING_CHAR: 'a closing character or a value is missing (an unclosed quote or bracket, or a key without a value)',
    MULTILINE_IMPLICIT_KEY: 'an implicit key must be on a single line',
    MULTIPLE_ANCHORS: 'a node has more than one anchor',
    MULTIPLE_DOCS: 'more than one document where one is expected',
    MULTIPLE_TAGS: 'a node has more than one tag',
    NON_STRING_KEY: 'a map key must be a string',
    TAB_AS_INDENT: 'tabs are not allowed as indentation',
    TAG_RESOLVE_FAILED: 'a tag cannot be resolved',
    UNEXPECTED_TOKEN: 'unexpected characters (e.g. text after a block scalar header "|" or ">", or after a closing quote)',
};
/** A fixed message per error code; never the parser's own text, which quotes the source. */
function yamlMessage(code) {
    if (code === 'DUPLICATE_KEY')
        return YAML_MESSAGES.DUPLICATE_KEY;
    const known = Object.hasOwn(YAML_MESSAGES, code) ? YAML_MESSAGES[code] : undefined;
    return `not valid YAML: ${known ?? 'a syntax error'}`;
}
/** The node at a path in a document, or the deepest existing ancestor when the path does not exist. */
function nodeAt(doc, path) {
    let node = doc.contents;
    for (const segment of path) {
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node)) {
            const pair = node.items.find((p) => (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(p.key) && String(p.key.value) === String(segment));
            if (!pair)
                return { node, found: false };
            node = pair.value ?? pair.key;
        }
        else if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node) && typeof segment === 'number') {
            const item = node.items[segment];
            if (!item)
                return { node, found: false };
            node = item;
        }
        else {
            return { node, found: false };
        }
    }
    return { node, found: true };
}
/** The key node of the last segment (better for "this key is wrong" messages), else the value node. */
function keyNodeAt(doc, path) {
    if (path.length === 0)
        return doc.contents;
    const parent = nodeAt(doc, path.slice(0, -1));
    const last = path[path.length - 1];
    if (parent.found && (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(parent.node)) {
        const pair = parent.node.items.find((p) => (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(p.key) && String(p.key.value) === String(last));
        if (pair && (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key))
            return pair.key;
    }
    return nodeAt(doc, path).node;
}
/** Position of the node at a path (its key when it is a map entry) or of its deepest existing ancestor. */
function positionAt(parsed, doc, path) {
    const node = keyNodeAt(doc, path);
    const offset = node?.range?.[0] ?? doc.range[0];
    return parsed.position(offset);
}
/** `.spec.refName`, `.items[2].name` — the JSON-path-like form used in every message. */
function formatPath(path) {
    return (path
        .map((s) => typeof s === 'number' ? `[${s}]` : /^[A-Za-z_][\w-]*$/.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`)
        .join('') || '.');
}


/***/ })

};
