export const id = 398;
export const ids = [398];
export const modules = {

/***/ 1398:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  SOPS_USAGE: () => (/* binding */ SOPS_USAGE),
  sopsCommand: () => (/* binding */ sopsCommand)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./src/diagnostics.ts
var src_diagnostics = __webpack_require__(4851);
// EXTERNAL MODULE: ./src/repo/local.ts
var local = __webpack_require__(6627);
// EXTERNAL MODULE: ./src/repo/local-writer.ts
var local_writer = __webpack_require__(1395);
// EXTERNAL MODULE: ./src/repo/paths.ts
var paths = __webpack_require__(5092);
// EXTERNAL MODULE: ./src/yaml/parse.ts
var parse = __webpack_require__(420);
// EXTERNAL MODULE: ./src/sops/age.ts
var age = __webpack_require__(432);
// EXTERNAL MODULE: ./src/sops/creation-rules.ts
var creation_rules = __webpack_require__(4632);
// EXTERNAL MODULE: ./src/sops/decrypt.ts + 1 modules
var decrypt = __webpack_require__(1309);
// EXTERNAL MODULE: ./src/sops/metadata.ts
var metadata = __webpack_require__(4122);
// EXTERNAL MODULE: ./src/sops/reuse.ts
var sops_reuse = __webpack_require__(5507);
;// CONCATENATED MODULE: ./src/sops/updatekeys.ts
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
    const rule = (0,creation_rules/* creationRuleFor */.r)(config, path).rule;
    if (!rule)
        return undefined;
    const wanted = [...new Set(rule.recipients)];
    const added = wanted.filter((r) => !current.includes(r));
    const removed = current.filter((r) => !wanted.includes(r));
    return added.length + removed.length === 0 ? undefined : { file, added, removed, recipients: wanted };
}
function currentRecipients(text, file) {
    const parsed = (0,parse/* parseYaml */.hN)(file, text);
    const entry = parsed.documents.length === 1 ? parsed.documents[0] : undefined;
    if (!entry || parsed.diagnostics.length > 0 || !(0,metadata/* metadataPair */.Q7)(entry.doc))
        return undefined;
    const read = (0,metadata/* readMetadata */._6)(entry.value.sops);
    return 'metadata' in read ? read.metadata.age.map((s) => s.recipient) : undefined;
}
/** Re-wrap the data key of a SOPS YAML file for exactly these recipients (needs one identity of the file). */
async function updateKeys(text, options) {
    const file = options.file ?? '';
    const recipients = [...new Set(options.recipients)];
    const decrypted = await (0,decrypt/* decryptDocument */.L)(text, { identities: options.identities, file });
    const document = decrypted.document;
    const reuse = document ? (0,sops_reuse/* reuseOf */.S5)(document) : undefined;
    if (!document || !reuse)
        return { changed: false, diagnostics: decrypted.diagnostics };
    const kept = document.metadata.age;
    const same = kept.length === recipients.length && kept.every((s) => recipients.includes(s.recipient));
    if (same)
        return { text, changed: false, diagnostics: [] };
    if (recipients.length === 0) {
        return {
            changed: false,
            diagnostics: [(0,src_diagnostics/* error */.z3)('sops.recipients', 'no age recipients to wrap the data key for', file)],
        };
    }
    const stanzas = [];
    for (const recipient of recipients) {
        stanzas.push(kept.find((s) => s.recipient === recipient) ??
            options.reuse?.find((s) => s.recipient === recipient) ??
            (await (0,age/* wrapDataKey */.Ki)(reuse.dataKey, [recipient]))[0]);
    }
    const spliced = spliceAge(text, file, stanzas);
    if ('diagnostic' in spliced)
        return { changed: false, diagnostics: [spliced.diagnostic] };
    return { text: spliced.text, changed: true, diagnostics: [] };
}
/** Replace the `sops.age` list in the text, written as sops 3.10 writes it, indented under its key. */
function spliceAge(text, file, stanzas) {
    const parsed = (0,parse/* parseYaml */.hN)(file, text);
    const doc = parsed.documents[0].doc;
    const sops = (0,metadata/* metadataPair */.Q7)(doc).value;
    const pair = sops.items?.find((p) => p.key?.value === 'age');
    const keyEnd = pair?.key.range?.[1];
    const valueEnd = pair?.value?.range?.[1];
    if (keyEnd === undefined || valueEnd === undefined) {
        const message = 'this file keeps its age keys in key_groups, which updatekeys does not rewrite';
        return {
            diagnostic: (0,src_diagnostics/* error */.z3)('sops.key-groups', message, file, (0,parse/* positionAt */.t$)(parsed, doc, ['sops']), '.sops'),
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
            const parsed = (0,creation_rules/* parseSopsConfig */.V)(files.get(configPath), configPath);
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

// EXTERNAL MODULE: ./src/cli/sops-keys.ts
var sops_keys = __webpack_require__(4016);
;// CONCATENATED MODULE: ./src/cli/sops.ts
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
                        an age key file that opens the files; ${sops_keys/* KEY_SOURCES_HELP */.PV}
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
    const root = (0,external_node_path_.resolve)(args.values.repo);
    const given = args.positionals.slice(1).map((p) => p.replace(/^\.\//, ''));
    const files = await readCandidates(new local/* LocalSnapshot */.i(root), given);
    const missing = given.find((p) => !files.has(p));
    if (missing !== undefined) {
        io.err(`flux-pkg sops: ${missing} is not a readable file under --repo ${args.values.repo}\n`);
        return 2;
    }
    const { changes, diagnostics } = planRewrap(files);
    let identities = [];
    if (changes.length > 0) {
        try {
            // SOPS_AGE_KEY_CMD is asked for the recipients the files are encrypted for now.
            const current = changes.flatMap((c) => [
                ...c.recipients.filter((r) => !c.added.includes(r)),
                ...c.removed,
            ]);
            identities = await (0,sops_keys/* loadAgeIdentities */.Mm)(args.values['sops-age-key-file'], undefined, [
                ...new Set(current),
            ]);
        }
        catch (e) {
            if (!(e instanceof sops_keys/* KeySourceError */.r5))
                throw e;
            io.err(`flux-pkg sops: ${e.message}\n`);
            return 2;
        }
    }
    const written = [];
    for (const change of changes) {
        const result = await updateKeys(files.get(change.file), {
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
        io.err(`${(0,src_diagnostics/* formatDiagnostic */.xy)(d)}\n`);
    if (changes.length === 0)
        io.out('every SOPS file already has the recipients its .sops.yaml lists\n');
    const failed = diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
    if (!args.values.write) {
        if (written.length > 0)
            io.out(`\n${written.length} file(s) would change; run with --write to write them\n`);
        return failed;
    }
    try {
        await (0,local_writer/* writeFiles */.h)(root, written);
    }
    catch (e) {
        if (!(e instanceof local_writer/* WriteRefusedError */.w || e instanceof paths/* UnsafeWritePathError */.vR))
            throw e;
        io.err(`flux-pkg sops: ${e.message}\n`);
        return 1;
    }
    io.out(`\nwrote ${written.length} file(s)\n`);
    return failed;
}
function parseSopsArgs(argv) {
    const parsed = (0,external_node_util_.parseArgs)({
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


/***/ })

};
