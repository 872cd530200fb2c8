/** The CLI, in process, on config discovery and a repository of Packages with no environment yet (issue 17 §5, §6). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Io, main } from '../../src/cli/main.js';
import { packageFile, sampleRepo } from '../helpers/gitops.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function repoWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'flux-pkg-config-'));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

async function cli(argv: string[]) {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => (out += t), err: (t) => (err += t) };
  const code = await main(argv, io);
  return { code, out, err };
}

const CONFIG = 'environments:\n- name: dev\n- name: prod\n  promoteFrom: dev\n';
const REF = 'app.default.tap';

describe('flux-pkg CLI: which config it read', () => {
  it('names flux-pkg.yaml when it read one', async () => {
    const r = await cli(['plan', '--repo', repoWith(sampleRepo({ 'flux-pkg.yaml': CONFIG }))]);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe('Configuration: flux-pkg.yaml.');
  });

  it('says when there is none, in text and in --json', async () => {
    const dir = repoWith(sampleRepo());
    const text = await cli(['plan', '--repo', dir]);
    expect(text.out.split('\n')[0]).toContain('No flux-pkg.yaml found');
    const json = await cli(['plan', '--repo', dir, '--json']);
    expect(JSON.parse(json.out).config).toBeNull();
    const read = await cli(['plan', '--repo', repoWith(sampleRepo({ 'flux-pkg.yaml': CONFIG })), '--json']);
    expect(JSON.parse(read.out).config).toBe('flux-pkg.yaml');
  });

  it.each([
    ['flux-pkg.yml', 'flux-pkg.yml:1:1: error: flux-pkg.yml is not read: the action reads flux-pkg.yaml'],
    ['.flux-pkg.yaml', '.flux-pkg.yaml:1:1: error: .flux-pkg.yaml is not read'],
    ['.github/flux-pkg.yaml', '.github/flux-pkg.yaml:1:1: error: nothing under .github/ is read'],
  ])('refuses %s, naming it, and writes nothing', async (misnamed, says) => {
    const dir = repoWith(sampleRepo({ [misnamed]: CONFIG }));
    const r = await cli(['plan', '--repo', dir, '--write']);
    expect(r.code).toBe(1);
    expect(r.err).toContain(says);
    expect(r.err).toContain('flux-pkg.yaml');
    expect(r.out).not.toContain('packageinstall.yaml');
  });
});

describe('flux-pkg validate on Packages with no environment yet', () => {
  const packagesOnly = {
    [`${REF}/packages/1.0.0.yaml`]: packageFile(REF, '1.0.0'),
    [`${REF}/packages/1.1.0.yaml`]: packageFile(REF, '1.1.0'),
  };

  it('exits 0 with a note', async () => {
    const r = await cli(['validate', '--repo', repoWith(packagesOnly)]);
    expect(r.err).toContain(`warning: no environment exists yet: the Packages of ${REF} were validated`);
    expect(r.code).toBe(0);
  });

  it('exits 1 on a broken Package there', async () => {
    const broken = {
      ...packagesOnly,
      [`${REF}/packages/1.1.0.yaml`]: packageFile(REF, '1.1.0').replace('1.1.0"', '1.1"'),
    };
    const r = await cli(['validate', '--repo', repoWith(broken)]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${REF}/packages/1.1.0.yaml:`);
  });

  it('is a usage error when a filter names nothing', async () => {
    const r = await cli(['validate', '--repo', repoWith(packagesOnly), '--component', REF]);
    expect(r.err).toContain('the filters match no environment folder: validate checked nothing');
    expect(r.code).toBe(2);
  });
});
