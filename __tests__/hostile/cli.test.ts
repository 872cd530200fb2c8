/**
 * Hostile repositories through the CLI (in process): links out of the repo, special files, paths in
 * flux-pkg.yaml that climb out or into .github/, configs that say nothing, filters that match nothing.
 * Each asserts the exit code, that the message names the file (and line), that nothing outside the
 * repo changed and that no outside content reached the output.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspace } from './fixture.js';

const APP = 'app.default.tap';
const hasMkfifo = spawnSync('mkfifo', ['--version']).status === 0;
if (!hasMkfifo) console.warn('SKIPPED the FIFO case: mkfifo is not installed on this machine');
const NEW_PACKAGE = `${APP}/packages/20230502091145.0.0.yaml`;

/** Replace a repo file with a link to `target` (absolute). */
function link(ws: ReturnType<typeof workspace>, path: string, target: string) {
  ws.remove(path);
  symlinkSync(target, join(ws.repo, path));
}

describe('symbolic links are never followed', () => {
  it.each([
    [`${APP}/dev/kustomization.yaml`, 'kustomization.yaml'],
    [`${APP}/dev/params.yaml`, 'params.yaml'],
    [`${APP}/dev/packageinstall.yaml`, 'dev/packageinstall.yaml'],
    [NEW_PACKAGE, 'package.yaml'],
  ])(
    'plan --write with %s linked outside the repo: exit 1, names the file, writes nothing',
    async (path, target) => {
      const ws = workspace();
      link(ws, path, join(ws.outside, target));
      const r = await ws.run('plan', '--repo', '$REPO', '--write');
      expect(r.code).toBe(1);
      expect(r.err).toContain(
        `${path}: error: ${path} is a symbolic link; flux-pkg-action does not follow links`,
      );
      expect(r.out).not.toContain('wrote');
      ws.assertOutsideUntouched();
      ws.assertNoLeak(r.all);
    },
  );

  it('validate with params.yaml linked outside: exit 1 naming it', async () => {
    const ws = workspace();
    link(ws, `${APP}/prod/params.yaml`, join(ws.outside, 'params.yaml'));
    const r = await ws.run('validate', '--repo', '$REPO', '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    expect(report.diagnostics).toContainEqual(
      expect.objectContaining({ severity: 'error', file: `${APP}/prod/params.yaml`, code: 'repo.symlink' }),
    );
    ws.assertNoLeak(r.all);
  });

  it.skipIf(!existsSync('/etc/passwd'))('a link to /etc/passwd prints none of its lines', async () => {
    const ws = workspace();
    link(ws, `${APP}/dev/params.yaml`, '/etc/passwd');
    const r = await ws.run('plan', '--repo', '$REPO');
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${APP}/dev/params.yaml is a symbolic link`);
    for (const line of readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .filter((l) => l.includes(':')))
      expect(r.all).not.toContain(line);
  });

  it('a linked environment folder: exit 1 naming the folder, outside values untouched', async () => {
    const ws = workspace();
    link(ws, `${APP}/dev`, join(ws.outside, 'dev'));
    const r = await ws.run('plan', '--repo', '$REPO', '--write');
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${APP}/dev: error: ${APP}/dev is a symbolic link`);
    ws.assertOutsideUntouched();
    ws.assertNoLeak(r.all);
  });

  it.each([
    ['/dev/zero', '/dev/zero'],
    ['a config outside the repo', 'OUTSIDE'],
  ])('flux-pkg.yaml linked to %s: exit 1 naming flux-pkg.yaml, nothing read', async (_, target) => {
    const ws = workspace();
    link(ws, 'flux-pkg.yaml', target === 'OUTSIDE' ? join(ws.outside, 'flux-pkg.yaml') : target);
    for (const command of ['plan', 'validate']) {
      const r = await ws.run(command, '--repo', '$REPO');
      expect(r.code).toBe(1);
      expect(r.err).toContain('flux-pkg.yaml: error: flux-pkg.yaml is a symbolic link');
      ws.assertNoLeak(r.all);
    }
    ws.assertOutsideUntouched();
  });

  it.skipIf(!hasMkfifo)(
    'flux-pkg.yaml as a FIFO: refused as not a regular file, without blocking',
    async () => {
      const ws = workspace();
      ws.remove('flux-pkg.yaml');
      execFileSync('mkfifo', [join(ws.repo, 'flux-pkg.yaml')]);
      const r = await ws.run('validate', '--repo', '$REPO');
      expect(r.code).toBe(1);
      expect(r.err).toContain('flux-pkg.yaml: error: flux-pkg.yaml is not a regular file');
    },
  );

  it('an oversized flux-pkg.yaml is refused for its size, like every other file', async () => {
    const ws = workspace();
    ws.write('flux-pkg.yaml', `# ${'x'.repeat(5 * 1024 * 1024)}\nenvironments: [{name: dev}]\n`);
    const r = await ws.run('validate', '--repo', '$REPO');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/flux-pkg\.yaml: error: file is \d+ bytes, over the 4194304-byte limit/);
  });
});

describe('paths in flux-pkg.yaml stay inside the repository', () => {
  const layout = (key: string, value: string) =>
    `environments:\n  - name: dev\nlayout:\n  ${key}: ${value}\n`;
  it.each([
    ['packageInstallFile', '../../../../escape.yaml', 'contains ".."'],
    ['packageInstallFile', '../../.github/x', 'contains ".."'],
    ['valuesSecretFile', '/srv/escape.yaml', 'is an absolute path'],
    ['componentsPath', '/etc', 'is an absolute path'],
    ['componentsPath', '.github/workflows', 'is under .github/'],
    ['componentsPath', '.GitHub', 'is under .GitHub/'],
    ['componentsPath', 'apps//team', 'empty segment'],
    ['componentsPath', '"apps\\\\team"', 'backslash'],
    ['packagesDir', '"pack\\0ages"', 'control character'],
    ['packagesDir', 'a/b', 'one name'],
    ['valuesKey', '../values.yaml', 'Kubernetes Secret key'],
  ])('layout.%s: %s → exit 1 at its line, nothing written', async (key, value, problem) => {
    const ws = workspace();
    ws.write('flux-pkg.yaml', layout(key, value));
    const r = await ws.run('plan', '--repo', '$REPO', '--write');
    expect(r.code).toBe(1);
    expect(r.err).toContain(`flux-pkg.yaml:4:3: error: layout.${key} `);
    expect(r.err).toContain(problem);
    expect(r.err).toContain(`(at .layout.${key})`);
    expect(existsSync(resolve(ws.repo, APP, 'dev', '../../../../escape.yaml'))).toBe(false);
    expect(existsSync(join(ws.repo, '.github'))).toBe(false);
    ws.assertOutsideUntouched();
  });
});

describe('a configuration that says nothing, or contradicts itself, is an error at its line', () => {
  it.each([
    ['empty', '', 1, 'is present but says nothing'],
    ['comment-only', '# nothing here\n# yet\n', 1, 'is present but says nothing'],
    ['an empty mapping', '{}\n', 1, 'is present but says nothing'],
    ['self-promotion', 'environments:\n  - name: dev\n    promoteFrom: dev\n', 3, 'promotes from itself'],
    [
      'a promotion cycle',
      'environments:\n  - name: dev\n    promoteFrom: prod\n  - name: prod\n    promoteFrom: dev\n',
      3,
      'cycle: dev ← prod ← dev',
    ],
    [
      'an unknown environment under components',
      `environments:\n  - name: dev\ncomponents:\n  ${APP}:\n    environments: [dev, qa]\n`,
      5,
      'names environment "qa", which is not a listed environment',
    ],
    ['an unknown key', 'environments:\n  - name: dev\n    colour: blue\n', 3, 'unknown setting "colour"'],
    ['an unknown top-level key', 'enviroments:\n  - name: dev\n', 1, 'unknown setting "enviroments"'],
  ])('%s', async (_, text, line, message) => {
    const ws = workspace();
    ws.write('flux-pkg.yaml', text);
    for (const command of ['plan', 'validate']) {
      const r = await ws.run(command, '--repo', '$REPO', ...(command === 'plan' ? ['--write'] : []));
      expect(r.code).toBe(1);
      expect(r.err).toMatch(
        new RegExp(`^flux-pkg\\.yaml:${line}:\\d+: error: .*${escapeRegExp(message)}`, 'm'),
      );
    }
    ws.assertOutsideUntouched();
  });

  it('components.*.environments naming a folder the component lacks, without an environments list', async () => {
    const ws = workspace();
    ws.write('flux-pkg.yaml', `components:\n  ${APP}:\n    environments: [dev, qa]\n`);
    const r = await ws.run('validate', '--repo', '$REPO');
    expect(r.code).toBe(1);
    expect(r.err).toContain(`flux-pkg.yaml:3:25: error: component "${APP}" names environment "qa"`);
  });
});

describe('a filter that matches nothing is a usage error', () => {
  it.each([
    [['validate', '--environment', 'qa'], 'the environment filter "qa" names no environment'],
    [['plan', '--environment', 'qa'], 'the environment filter "qa" names no environment'],
    [['validate', '--component', 'nope'], 'the component filter "nope" names no component'],
    [['plan', '--component', 'nope'], 'the component filter "nope" names no component'],
    [['plan', '--environment', 'prod'], 'names no environment that takes new versions directly'],
  ])('%j → exit 2', async (argv, message) => {
    const ws = workspace();
    const r = await ws.run(...argv, '--repo', '$REPO');
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });

  it('a repository in which the layout finds no component is an error saying so', async () => {
    const ws = workspace();
    ws.remove(APP);
    ws.remove('payments-api.apps.example.com');
    for (const command of ['plan', 'validate']) {
      const r = await ws.run(command, '--repo', '$REPO');
      expect(r.code).toBe(1);
      expect(r.err).toContain('flux-pkg.yaml: error: the layout finds no component');
    }
  });
});

describe('the CLI at its edges', () => {
  it('--values needs exactly one --component and one --environment', async () => {
    const ws = workspace();
    writeFileSync(join(ws.base, 'values.yaml'), 'replicas: 2\n');
    const values = join(ws.base, 'values.yaml');
    const before = readFileSync(join(ws.repo, APP, 'dev/params.yaml'), 'utf8');
    for (const extra of [
      [],
      ['--component', APP],
      ['--environment', 'dev', '--component', APP, '--component', APP],
    ]) {
      const r = await ws.run('plan', '--repo', '$REPO', '--values', values, '--write', ...extra);
      expect(r.code).toBe(2);
      expect(r.err).toContain('exactly one --component and one --environment');
    }
    expect(readFileSync(join(ws.repo, APP, 'dev/params.yaml'), 'utf8')).toBe(before);
  });

  it('--repo at a missing path or at a file is a usage error', async () => {
    const ws = workspace();
    expect(await ws.run('validate', '--repo', join(ws.base, 'missing'))).toMatchObject({ code: 2 });
    const r = await ws.run('validate', '--repo', join(ws.repo, 'flux-pkg.yaml'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('is not a directory');
  });

  it('--since never reaches git as an option', async () => {
    const ws = workspace();
    const git = (...args: string[]) =>
      execFileSync('git', ['-C', ws.repo, ...args], {
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 't',
          GIT_AUTHOR_EMAIL: 't@e',
          GIT_COMMITTER_NAME: 't',
          GIT_COMMITTER_EMAIL: 't@e',
        },
      });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'all');
    for (const since of ['--output=../pwned', '-p']) {
      const r = await ws.run('plan', '--repo', '$REPO', `--since=${since}`);
      expect(r.code).toBe(2);
      expect(r.err).toContain('--since takes a git ref');
    }
    const r = await ws.run('plan', '--repo', '$REPO', '--since', 'HEAD --output=x');
    expect(r.code).toBe(2);
    expect(existsSync(join(ws.base, 'pwned'))).toBe(false);
    ws.assertOutsideUntouched();
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
