/** The bundled CLI, run as a user runs it, on a copy of the bundled example. */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';

const root = new URL('../../', import.meta.url).pathname;
const cli = join(root, 'dist/cli/index.js');
const example = join(root, 'examples/gitops');

function flux(args: string[], cwd = root) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function copyExample(): string {
  const dir = mkdtempSync(join(tmpdir(), 'flux-pkg-cli-'));
  cpSync(example, dir, { recursive: true });
  return dir;
}

const NEW = 'app.default.tap/packages/20230502091145.0.0.yaml';

describe('flux-pkg CLI on the bundled example', () => {
  it('validate --json exits 0 with no errors', () => {
    const r = flux(['validate', '--repo', example, '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.valid).toBe(true);
    expect(report.diagnostics.filter((d: { severity: string }) => d.severity === 'error')).toEqual([]);
    expect(report.environments.length).toBe(6);
  });

  it('validate --json exits 1 over a copy with one bad value, naming params.yaml and the line', () => {
    const dir = copyExample();
    const params = join(dir, 'app.default.tap/prod/params.yaml');
    const lines = readFileSync(params, 'utf8').split('\n');
    const index = lines.findIndex((l) => /^\s+replicas:/.test(l));
    lines[index] = lines[index]!.replace(/replicas:.*/, 'replicas: "many"');
    writeFileSync(params, lines.join('\n'));
    const r = flux(['validate', '--repo', dir, '--json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.valid).toBe(false);
    expect(report.diagnostics).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        file: 'app.default.tap/prod/params.yaml',
        line: index + 1,
        path: '.replicas',
      }),
    );
    expect(r.stdout).not.toContain('many');
  });

  it('plan prints the diff for the new Package and writes nothing without --write', () => {
    const dir = copyExample();
    const before = readFileSync(join(dir, 'app.default.tap/dev/packageinstall.yaml'), 'utf8');
    const r = flux(['plan', '--repo', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('+      constraints: 20230502091145.0.0');
    expect(readFileSync(join(dir, 'app.default.tap/dev/packageinstall.yaml'), 'utf8')).toBe(before);
  });

  it('plan --write writes, and a second plan has nothing to change', () => {
    const dir = copyExample();
    expect(flux(['plan', '--repo', dir, '--write']).code).toBe(0);
    expect(readFileSync(join(dir, 'app.default.tap/dev/packageinstall.yaml'), 'utf8')).toContain(
      'constraints: 20230502091145.0.0',
    );
    const again = flux(['plan', '--repo', dir, '--json']);
    expect(JSON.parse(again.stdout).files).toEqual([]);
  });

  const hasKubectl = spawnSync('kubectl', ['version', '--client']).status === 0;
  if (!hasKubectl)
    console.warn('SKIPPED kubectl kustomize of the example: kubectl is not installed on this machine');
  it.skipIf(!hasKubectl)('writes environment folders that kubectl kustomize builds, as Flux will', () => {
    const dir = copyExample();
    expect(flux(['plan', '--repo', dir, '--write']).code).toBe(0);
    for (const component of ['app.default.tap', 'payments-api.apps.example.com']) {
      for (const env of ['dev', 'staging', 'prod']) {
        const built = execFileSync('kubectl', ['kustomize', join(dir, component, env)], { encoding: 'utf8' });
        const kinds = parseAllDocuments(built).map((d) => (d.toJS() as { kind: string }).kind);
        expect(kinds.sort(), `${component}/${env}`).toEqual(['PackageInstall', 'Secret']);
      }
    }
  });

  it('plan --since delivers only the Packages git says changed', () => {
    const dir = copyExample();
    const git = (...args: string[]) =>
      execFileSync('git', ['-C', dir, ...args], {
        encoding: 'utf8',
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 't',
          GIT_AUTHOR_EMAIL: 't@example.com',
          GIT_COMMITTER_NAME: 't',
          GIT_COMMITTER_EMAIL: 't@example.com',
        },
      });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-qm', 'all');
    const none = JSON.parse(flux(['plan', '--repo', dir, '--since', 'HEAD', '--json']).stdout);
    expect(none.files).toEqual([]);
    git('rm', '-q', NEW);
    git('commit', '-qm', 'drop new');
    git('revert', '--no-edit', 'HEAD');
    const one = JSON.parse(flux(['plan', '--repo', dir, '--since', 'HEAD~1', '--json']).stdout);
    expect(one.files).toEqual([{ path: 'app.default.tap/dev/packageinstall.yaml', action: 'update' }]);
  });

  it('prints path:line:col errors and exits 1 on a bad Package', () => {
    const dir = copyExample();
    const file = join(dir, NEW);
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        'apiVersion: data.packaging.carvel.dev/v1alpha1',
        'apiVersion: packaging.carvel.dev/v1alpha1',
      ),
    );
    const r = flux(['plan', '--repo', dir, '--write']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(
        `^${NEW.replaceAll('.', '\\.').replace('+', '\\+')}:\\d+:\\d+: error: apiVersion must be`,
        'm',
      ),
    );
    expect(readFileSync(join(dir, 'app.default.tap/dev/packageinstall.yaml'), 'utf8')).not.toContain(
      '20230502091145',
    );
  });

  it.each([[['frobnicate']], [['plan', '--nope']], [['validate', '--write']]])(
    'exits 2 on usage error %j: one line, pointing at --help',
    (args) => {
      const r = flux(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^flux-pkg: .*; see flux-pkg --help\n$/);
    },
  );

  it('exits 2 with the usage when no command is given', () => {
    const r = flux([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: flux-pkg');
  });

  it('--version prints the version of package.json', () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(flux(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('exits 2 when --since names no git ref', () => {
    const r = flux(['plan', '--repo', copyExample(), '--since', 'no-such-ref']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('flux-pkg: --since no-such-ref: git knows no commit');
  });
});

describe('what validate loads (src/startup.ts)', () => {
  // Prints, at exit, the Node built-ins the process loaded (process.moduleLoadList).
  const probe = `data:text/javascript,process.on('exit', () => process.stderr.write('\\nLOADED ' + JSON.stringify(process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13)))))`;
  const builtinsLoaded = (args: string[]): string[] => {
    const r = spawnSync(process.execPath, ['--import', probe, ...args], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(0);
    return JSON.parse(r.stderr.slice(r.stderr.lastIndexOf('\nLOADED ') + 8)) as string[];
  };

  it('sees a built-in a process loads', () => {
    expect(builtinsLoaded(['-e', "require('node:crypto')"])).toContain('crypto');
  });

  it('Node keeps a compile cache for the next run, except on a GitHub-hosted runner (discarded after the job)', () => {
    const cacheFiles = (runner: string | undefined) => {
      const dir = mkdtempSync(join(tmpdir(), 'flux-pkg-compile-cache-'));
      // Node's default place, os.tmpdir()/node-compile-cache (NODE_COMPILE_CACHE would turn the cache on by itself).
      const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: dir, RUNNER_ENVIRONMENT: runner };
      delete env.NODE_COMPILE_CACHE;
      delete env.NODE_DISABLE_COMPILE_CACHE;
      if (runner === undefined) delete env.RUNNER_ENVIRONMENT;
      const r = spawnSync(process.execPath, [cli, 'validate', '--repo', example], { cwd: root, env });
      expect(r.status).toBe(0);
      return readdirSync(dir, { recursive: true }).length;
    };
    expect(cacheFiles(undefined)).toBeGreaterThan(0);
    expect(cacheFiles('self-hosted')).toBeGreaterThan(0);
    expect(cacheFiles('github-hosted')).toBe(0);
  });

  it('validate of the example loads neither node:crypto nor node:child_process', () => {
    const loaded = builtinsLoaded([cli, 'validate', '--repo', example]);
    expect(loaded).toContain('fs/promises'); // the probe saw the CLI run
    expect(loaded.filter((m) => m === 'crypto' || m === 'child_process')).toEqual([]);
  });
});
