/**
 * A hostile-repository workspace: a copy of the bundled example (`repo/`) beside an `outside/`
 * folder that holds files a hostile repo points at. After each run, `assertOutsideUntouched()`
 * proves nothing outside the repo changed (byte for byte, no file added or removed) and
 * `assertNoLeak()` that no outside content reached any output.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { main } from '../../src/cli/main.js';

export const EXAMPLE = fileURLToPath(new URL('../../examples/gitops', import.meta.url));
/** Planted in every outside file: it must never appear in any output. */
export const MARKER = 'OUTSIDE-Zq9marker';

export interface Workspace {
  base: string;
  repo: string;
  outside: string;
  /** Write a file in the repo (repo-relative path). */
  write(path: string, text: string): void;
  /** Remove a file or folder in the repo. */
  remove(path: string): void;
  run(...argv: string[]): Promise<{ code: number; out: string; err: string; all: string }>;
  assertOutsideUntouched(): void;
  assertNoLeak(output: string): void;
}

export function workspace(): Workspace {
  const base = mkdtempSync(join(tmpdir(), 'flux-pkg-hostile-'));
  const repo = join(base, 'repo');
  const outside = join(base, 'outside');
  cpSync(EXAMPLE, repo, { recursive: true });
  mkdirSync(join(outside, 'dev'), { recursive: true });
  // Outside files look like what the repo would hold, so following a link would "work".
  const dev = join(EXAMPLE, 'app.default.tap/dev');
  for (const f of readdirSync(dev))
    writeFileSync(join(outside, 'dev', f), `# ${MARKER}\n${readFileSync(join(dev, f), 'utf8')}`);
  writeFileSync(
    join(outside, 'kustomization.yaml'),
    `# ${MARKER}\n${readFileSync(join(dev, 'kustomization.yaml'), 'utf8')}`,
  );
  writeFileSync(
    join(outside, 'params.yaml'),
    `# ${MARKER}\n${readFileSync(join(dev, 'params.yaml'), 'utf8')}`,
  );
  writeFileSync(
    join(outside, 'package.yaml'),
    `# ${MARKER}\n${readFileSync(join(EXAMPLE, 'app.default.tap/packages/20230502091145.0.0.yaml'), 'utf8')}`,
  );
  writeFileSync(join(outside, 'flux-pkg.yaml'), `# ${MARKER}\nenvironments:\n- name: dev # ${MARKER}\n`);
  const before = listTree(base, repo);
  return {
    base,
    repo,
    outside,
    write: (path, text) => {
      mkdirSync(join(repo, path, '..'), { recursive: true });
      writeFileSync(join(repo, path), text);
    },
    remove: (path) => rmSync(join(repo, path), { recursive: true, force: true }),
    async run(...argv) {
      let out = '';
      let err = '';
      const code = await main(
        argv.map((a) => (a === '$REPO' ? repo : a)),
        {
          out: (t) => {
            out += t;
          },
          err: (t) => {
            err += t;
          },
        },
      );
      return { code, out, err, all: out + err };
    },
    assertOutsideUntouched() {
      expect(listTree(base, repo)).toEqual(before);
    },
    assertNoLeak(output) {
      expect(output).not.toContain(MARKER);
    },
  };
}

/** Every file under `dir` except the repo, with its bytes (base64), sorted by path. */
function listTree(dir: string, skip: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (path === skip || path.startsWith(`${skip}/`)) continue;
    files[relative(dir, path)] = entry.isFile()
      ? readFileSync(path).toString('base64')
      : entry.isDirectory()
        ? 'dir'
        : 'other';
  }
  return files;
}
