// Writes __tests__/e2e/openapi/github-subset.json: the operations the action calls, cut out of GitHub's
// official OpenAPI description with every component they reference (transitively). The e2e stand-in
// checks each request and response against it.
//
// @octokit/openapi is 385 MB unpacked, so it is never a dependency of this project. To regenerate
// (the second line from the project root):
//
//   mkdir -p /tmp/openapi && cd /tmp/openapi && npm init -y >/dev/null && npm install @octokit/openapi@23
//   node scripts/prune-openapi.mjs /tmp/openapi/node_modules/@octokit/openapi/generated/api.github.com.json
//
// The spec path can also come from OPENAPI_SPEC; without either, `@octokit/openapi` is resolved from the
// current directory. A second argument overrides the output path. Output is deterministic: the same
// input gives the same bytes.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** [method, path] of every REST operation the action (or the stand-in's own tests) calls. */
export const OPERATIONS = [
  ['get', '/repos/{owner}/{repo}'],
  ['get', '/repos/{owner}/{repo}/git/ref/{ref}'],
  ['get', '/repos/{owner}/{repo}/git/matching-refs/{ref}'],
  ['get', '/repos/{owner}/{repo}/branches/{branch}'],
  ['get', '/repos/{owner}/{repo}/git/commits/{commit_sha}'],
  ['get', '/repos/{owner}/{repo}/git/trees/{tree_sha}'],
  ['get', '/repos/{owner}/{repo}/git/blobs/{file_sha}'],
  ['post', '/repos/{owner}/{repo}/git/trees'],
  ['post', '/repos/{owner}/{repo}/git/commits'],
  ['post', '/repos/{owner}/{repo}/git/refs'],
  ['patch', '/repos/{owner}/{repo}/git/refs/{ref}'],
  ['delete', '/repos/{owner}/{repo}/git/refs/{ref}'],
  ['get', '/repos/{owner}/{repo}/pulls'],
  ['post', '/repos/{owner}/{repo}/pulls'],
  ['patch', '/repos/{owner}/{repo}/pulls/{pull_number}'],
  ['get', '/repos/{owner}/{repo}/pulls/{pull_number}'],
  ['get', '/repos/{owner}/{repo}/pulls/{pull_number}/files'],
  ['post', '/repos/{owner}/{repo}/issues/{issue_number}/labels'],
  ['post', '/repos/{owner}/{repo}/issues/{issue_number}/comments'],
  ['post', '/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers'],
  ['get', '/repos/{owner}/{repo}/issues/{issue_number}/labels'],
  ['post', '/repos/{owner}/{repo}/statuses/{sha}'],
];

/** Operation fields worth keeping; descriptions, tags and x-github metadata are dropped for size. */
const OPERATION_FIELDS = ['operationId', 'summary', 'externalDocs', 'parameters', 'requestBody', 'responses'];
/** Annotations that ajv ignores and that make up most of the bytes. */
const ANNOTATIONS = new Set(['description', 'example', 'examples', 'title', 'x-github-breaking-changes']);

function locateSpec() {
  const given = process.argv[2] ?? process.env.OPENAPI_SPEC;
  if (given) return given;
  const id = '@octokit/openapi/generated/api.github.com.json';
  for (const from of [join(process.cwd(), 'noop.js'), import.meta.url]) {
    try {
      return createRequire(from).resolve(id);
    } catch {}
  }
  console.error(
    'Cannot find @octokit/openapi. Install it outside the project (see the header of this script).',
  );
  process.exit(2);
}

/** The @octokit/openapi version the spec file came from, when it sits in that package. */
function sourceOf(specPath) {
  const pkgPath = join(dirname(dirname(specPath)), 'package.json');
  if (existsSync(pkgPath)) {
    const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
    if (pkg.name === '@octokit/openapi') return `${pkg.name}@${pkg.version} generated/api.github.com.json`;
  }
  return `${specPath} (not from the @octokit/openapi package)`;
}

/**
 * A copy without annotations. `inMap` marks objects whose keys are names (properties, patternProperties,
 * responses, content, components/...), where a key such as `description` is data and must stay.
 */
function strip(node, inMap = false) {
  if (Array.isArray(node)) return node.map((n) => strip(n));
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (!inMap && ANNOTATIONS.has(key)) continue;
    const childIsMap =
      !inMap && ['properties', 'patternProperties', 'responses', 'content', 'headers'].includes(key);
    out[key] = strip(value, childIsMap);
  }
  return out;
}

/** Every `#/components/<kind>/<name>` reachable from `start`, following refs inside components too. */
function collectRefs(spec, start) {
  const seen = new Set();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.pop();
    if (Array.isArray(node)) queue.push(...node);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string' && !seen.has(value)) {
          seen.add(value);
          const [, , kind, name] = value.split('/');
          const target = spec.components[kind]?.[name];
          if (!target) throw new Error(`dangling $ref ${value}`);
          queue.push(strip(target));
        } else queue.push(value);
      }
    }
  }
  return seen;
}

const specPath = locateSpec();
const outPath = process.argv[3] ?? join(root, '__tests__/e2e/openapi/github-subset.json');
const spec = JSON.parse(readFileSync(specPath, 'utf8'));

const paths = {};
for (const [method, path] of OPERATIONS) {
  const op = spec.paths[path]?.[method];
  if (!op) throw new Error(`${method.toUpperCase()} ${path} is not in ${specPath}`);
  const kept = {};
  for (const field of OPERATION_FIELDS)
    if (op[field] !== undefined)
      kept[field] = field === 'summary' || field === 'externalDocs' ? op[field] : strip(op[field]);
  paths[path] ??= {};
  paths[path][method] = kept;
}

const components = {};
for (const ref of [...collectRefs(spec, paths)].sort()) {
  const [, , kind, name] = ref.split('/');
  components[kind] ??= {};
  components[kind][name] = strip(spec.components[kind][name]);
}
const subset = {
  openapi: spec.openapi,
  info: { title: spec.info.title, version: spec.info.version, 'x-source': sourceOf(specPath) },
  paths,
  components: Object.fromEntries(Object.entries(components).sort(([a], [b]) => a.localeCompare(b))),
};
// One line per operation and per component: small, yet a regeneration diffs readably.
const text = JSON.stringify(subset, null, 1)
  .replace(/\n {4,}/g, '')
  .replace(/\n {3}\}/g, '}')
  .replace(/\n {3}\]/g, ']');
if (text.includes('#/components/examples/')) throw new Error('an example $ref survived pruning');
writeFileSync(outPath, `${text}\n`);
console.log(
  `${relative(process.cwd(), outPath)}: ${OPERATIONS.length} operations, ${Buffer.byteLength(text) + 1} bytes`,
);
