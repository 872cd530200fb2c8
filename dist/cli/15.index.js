export const id = 15;
export const ids = [15];
export const modules = {

/***/ 3015:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SOPS_USAGE: () => (/* binding */ SOPS_USAGE),
/* harmony export */   sopsCommand: () => (/* binding */ sopsCommand)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _diagnostics_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4851);
/* harmony import */ var _repo_local_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6627);
/* harmony import */ var _repo_local_writer_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1395);
/* harmony import */ var _repo_paths_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5092);
/* harmony import */ var _sops_updatekeys_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4486);
/* harmony import */ var _sops_keys_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4016);
/**
 * `flux-pkg sops updatekeys [paths]`: give the data key of each SOPS file to the age recipients its
 * nearest `.sops.yaml` now lists (sops updatekeys), values and MAC untouched. Without paths, every
 * SOPS file a `.sops.yaml` covers. Prints what changes; --write writes.
 */








const SOPS_USAGE = `Usage: flux-pkg sops updatekeys [paths…] [options]

  Wrap each SOPS file's data key for the age recipients its nearest .sops.yaml now lists, as
  sops updatekeys does: values, their ciphertext, lastmodified and the MAC stay as they are; a
  removed recipient loses the wrapped key but knew the data key (re-encrypt values to rotate it).

Options:
  --repo DIR            the gitops repo checkout (default: .); paths are relative to it
  --write               write the files (default: print what would change)
  --sops-age-key-file FILE
                        an age key file that opens the files; ${_sops_keys_js__WEBPACK_IMPORTED_MODULE_7__/* .KEY_SOURCES_HELP */ .PV}
  -h, --help            this help
`;
const MAX_FILE_BYTES = 1024 * 1024;
/** Exit codes as the rest of the CLI: 0 ok, 1 a file could not be updated, 2 usage. */
async function sopsCommand(argv, io) {
    let args;
    try {
        args = parseSopsArgs(argv);
    }
    catch (e) {
        io.err(`flux-pkg sops: ${e.message}\n\n${SOPS_USAGE}`);
        return 2;
    }
    if (args.values.help) {
        io.out(SOPS_USAGE);
        return 0;
    }
    const root = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(args.values.repo);
    const given = args.positionals.slice(1).map((p) => p.replace(/^\.\//, ''));
    const files = await readCandidates(new _repo_local_js__WEBPACK_IMPORTED_MODULE_3__/* .LocalSnapshot */ .i(root), given);
    const missing = given.find((p) => !files.has(p));
    if (missing !== undefined) {
        io.err(`flux-pkg sops: ${missing} is not a readable file under --repo ${args.values.repo}\n`);
        return 2;
    }
    const { changes, diagnostics } = (0,_sops_updatekeys_js__WEBPACK_IMPORTED_MODULE_6__/* .planRewrap */ .Fr)(files);
    let identities = [];
    if (changes.length > 0) {
        try {
            // SOPS_AGE_KEY_CMD is asked for the recipients the files are encrypted for now.
            const current = changes.flatMap((c) => [
                ...c.recipients.filter((r) => !c.added.includes(r)),
                ...c.removed,
            ]);
            identities = await (0,_sops_keys_js__WEBPACK_IMPORTED_MODULE_7__/* .loadAgeIdentities */ .Mm)(args.values['sops-age-key-file'], undefined, [
                ...new Set(current),
            ]);
        }
        catch (e) {
            if (!(e instanceof _sops_keys_js__WEBPACK_IMPORTED_MODULE_7__/* .KeySourceError */ .r5))
                throw e;
            io.err(`flux-pkg sops: ${e.message}\n`);
            return 2;
        }
    }
    const written = [];
    for (const change of changes) {
        const result = await (0,_sops_updatekeys_js__WEBPACK_IMPORTED_MODULE_6__/* .updateKeys */ .im)(files.get(change.file), {
            identities,
            recipients: change.recipients,
            file: change.file,
        });
        diagnostics.push(...result.diagnostics);
        if (!result.text || !result.changed)
            continue;
        written.push({ path: change.file, content: result.text });
        const said = [...change.added.map((r) => `+${r}`), ...change.removed.map((r) => `-${r}`)];
        io.out(`${change.file}: ${said.join(' ')}\n`);
    }
    for (const d of diagnostics)
        io.err(`${(0,_diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDiagnostic */ .xy)(d)}\n`);
    if (changes.length === 0)
        io.out('every SOPS file already has the recipients its .sops.yaml lists\n');
    const failed = diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
    if (!args.values.write) {
        if (written.length > 0)
            io.out(`\n${written.length} file(s) would change; run with --write to write them\n`);
        return failed;
    }
    try {
        await (0,_repo_local_writer_js__WEBPACK_IMPORTED_MODULE_4__/* .writeFiles */ .h)(root, written);
    }
    catch (e) {
        if (!(e instanceof _repo_local_writer_js__WEBPACK_IMPORTED_MODULE_4__/* .WriteRefusedError */ .w || e instanceof _repo_paths_js__WEBPACK_IMPORTED_MODULE_5__/* .UnsafeWritePathError */ .vR))
            throw e;
        io.err(`flux-pkg sops: ${e.message}\n`);
        return 1;
    }
    io.out(`\nwrote ${written.length} file(s)\n`);
    return failed;
}
function parseSopsArgs(argv) {
    const parsed = (0,node_util__WEBPACK_IMPORTED_MODULE_1__.parseArgs)({
        args: argv,
        allowPositionals: true,
        strict: true,
        options: {
            repo: { type: 'string', default: '.' },
            write: { type: 'boolean', default: false },
            'sops-age-key-file': { type: 'string' },
            help: { type: 'boolean', short: 'h', default: false },
        },
    });
    if (!parsed.values.help && parsed.positionals[0] !== 'updatekeys') {
        const given = parsed.positionals[0];
        throw new Error(given ? `unknown sops command "${given}"` : 'a sops command is required (updatekeys)');
    }
    return parsed;
}
/** The files to look at (the given ones, else every file) and every `.sops.yaml`, as texts. */
async function readCandidates(snapshot, given) {
    const entries = (await snapshot.list()).filter((e) => e.kind === undefined || e.kind === 'file');
    const wanted = new Set(given);
    const files = new Map();
    for (const entry of entries) {
        const isConfig = entry.path === '.sops.yaml' || entry.path.endsWith('/.sops.yaml');
        if (!isConfig && wanted.size > 0 && !wanted.has(entry.path))
            continue;
        if ((entry.size ?? 0) > MAX_FILE_BYTES)
            continue;
        const text = await snapshot.read(entry.path, { maxBytes: MAX_FILE_BYTES }).catch(() => undefined);
        if (text !== undefined)
            files.set(entry.path, text);
    }
    return files;
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
