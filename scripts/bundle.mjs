// Builds the two committed bundles (the action and the CLI) with @vercel/ncc, and publishes the
// flux-pkg.yaml JSON Schema. CI rebuilds and fails when the committed output differs.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ncc = join(root, 'node_modules', '.bin', 'ncc');

rmSync(join(root, 'dist'), { recursive: true, force: true });
for (const [entry, out] of [
  ['src/index.ts', 'dist'],
  ['src/cli/index.ts', 'dist/cli'],
]) {
  execFileSync(ncc, ['build', entry, '-o', out, '--target', 'es2022', '--quiet'], {
    cwd: root,
    stdio: 'inherit',
  });
}

const { configSchema } = await import(join(root, 'src/config/schema.ts'));
mkdirSync(join(root, 'schema'), { recursive: true });
writeFileSync(join(root, 'schema/flux-pkg.schema.json'), `${JSON.stringify(configSchema, null, 2)}\n`);
