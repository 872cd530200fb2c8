/**
 * The CLI speaks the CLI's language (in process, on a copy of the bundled example): flags, not
 * action inputs; `--version`; one line and "see --help" for a usage error; typo'd names answered with
 * the valid ones; --values errors at the user's file; a promotion that skips its promoteFrom warned.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

const EXAMPLE = new URL('../../examples/gitops', import.meta.url).pathname;
const APP = 'app.default.tap';

function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'flux-pkg-messages-'));
  cpSync(EXAMPLE, join(dir, 'repo'), { recursive: true });
  return dir;
}

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('usage errors are one line and point at --help', () => {
  it('--version prints the version of package.json', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(await cli('--version')).toEqual({ code: 0, out: `${version}\n`, err: '' });
  });

  it.each([
    [['plan', '--nope'], 'flux-pkg: unknown flag --nope; see flux-pkg --help\n'],
    [
      ['plan', '--comonent', 'x'],
      'flux-pkg: unknown flag --comonent (did you mean --component?); see flux-pkg --help\n',
    ],
    [['plan', '--repo'], 'flux-pkg: --repo needs a value (DIR); see flux-pkg --help\n'],
    [['plan', '--write=yes'], 'flux-pkg: --write takes no value; see flux-pkg --help\n'],
    [
      ['plna'],
      'flux-pkg: unknown command "plna" (commands: plan, validate, promote, status, bootstrap); see flux-pkg --help\n',
    ],
    [
      ['validate', '--write'],
      'flux-pkg: --write goes with plan, promote, bootstrap, not validate; see flux-pkg --help\n',
    ],
    [['status', '--force'], 'flux-pkg: --force goes with bootstrap, not status; see flux-pkg --help\n'],
  ])('%j: exit 2, %j', async (argv, message) => {
    expect(await cli(...argv)).toEqual({ code: 2, out: '', err: message });
  });

  it('no command at all prints the usage', async () => {
    const r = await cli();
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^flux-pkg: a command is required\n\nUsage: flux-pkg/);
  });

  it('--help lists every command and which flags each takes', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ {2}promote {4}--component --from --to --version --allow-downgrade --write/m);
    expect(r.out).toContain('  --target-namespace NS');
  });
});

describe('names the user typed wrong are answered with the valid ones', () => {
  it('a component filter', async () => {
    const repo = join(copy(), 'repo');
    const r = await cli('validate', '--repo', repo, '--component', 'app.default.tapp');
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      'the component filter "app.default.tapp" names no component in the repository (components: app.default.tap, payments-api.apps.example.com)',
    );
  });

  it('a component to promote', async () => {
    const repo = join(copy(), 'repo');
    const r = await cli('promote', '--repo', repo, '--component', 'app', '--to', 'prod');
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      'no component "app" in the repository (components: app.default.tap, payments-api.apps.example.com)',
    );
  });
});

describe('messages name flags, not action inputs', () => {
  it('a downgrade asks for --allow-downgrade', async () => {
    const repo = join(copy(), 'repo');
    const r = await cli(
      'promote',
      '--repo',
      repo,
      '--component',
      APP,
      '--to',
      'dev',
      '--version',
      '20230321004057.0.0',
    );
    expect(r.code).toBe(1);
    expect(r.err).toContain('kapp-controller refuses downgrades: add --allow-downgrade to roll back');
    expect(r.err).not.toMatch(/set allow-downgrade/);
  });

  it('promote --from and --to the same environment', async () => {
    const repo = join(copy(), 'repo');
    const r = await cli('promote', '--repo', repo, '--component', APP, '--to', 'prod', '--from', 'prod');
    expect(r.err).toContain('--from and --to are both "prod"');
  });

  const bootstrap = (repo: string, ...more: string[]) =>
    cli('bootstrap', '--repo', repo, '--component', APP, '--git-url', 'https://github.com/o/r.git', ...more);

  it('bootstrap: --target-namespace is required, --flux-api-version must be…', async () => {
    const repo = join(copy(), 'repo');
    const r = await bootstrap(repo, '--environment', 'qa', '--flux-api-version', 'v2');
    expect(r.code).toBe(2);
    expect(r.err).toContain('error: --flux-api-version must be v1 or v1beta2, not "v2"');
    const none = await bootstrap(repo, '--environment', 'qa');
    expect(none.err).toContain('error: --target-namespace is required: flux-pkg.yaml gives none');
  });

  it('bootstrap of an environment that exists: rerun with --force', async () => {
    const repo = join(copy(), 'repo');
    const r = await bootstrap(repo, '--environment', 'dev', '--target-namespace', 'dev');
    expect(r.code).toBe(1);
    expect(r.err).toContain('rerun with --force to regenerate');
  });
});

describe('--values errors name the given file', () => {
  it('a value the schema refuses: the file and the line of its key there', async () => {
    const dir = copy();
    writeFileSync(join(dir, 'mine.yaml'), '# mine\nreplicas: "many"\n');
    const r = await cli(
      'plan',
      '--repo',
      join(dir, 'repo'),
      '--component',
      APP,
      '--environment',
      'dev',
      '--values',
      join(dir, 'mine.yaml'),
    );
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${join(dir, 'mine.yaml')}:2:1: error: .replicas must be integer`);
    expect(r.err).not.toContain('params.yaml');
    expect(r.err).not.toContain('many');
  });

  it('a file that is not YAML: the file and where, never its text', async () => {
    const dir = copy();
    writeFileSync(join(dir, 'bad.yaml'), 'token: s3cr3t\nlist: [x\n');
    const r = await cli(
      'plan',
      '--repo',
      join(dir, 'repo'),
      '--component',
      APP,
      '--environment',
      'dev',
      '--values',
      join(dir, 'bad.yaml'),
    );
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      new RegExp(`^flux-pkg: ${join(dir, 'bad.yaml')}:\\d+:\\d+: --values .* is not valid YAML\\n$`),
    );
    expect(r.err).not.toContain('s3cr3t');
  });
});

describe('a manual promotion that skips the promoteFrom environment', () => {
  it('warns that the gate will refuse its pull request', async () => {
    const repo = join(copy(), 'repo');
    const r = await cli(
      'promote',
      '--repo',
      repo,
      '--component',
      APP,
      '--to',
      'prod',
      '--version',
      '20230502091145.0.0',
    );
    expect(r.code).toBe(0);
    expect(r.err).toContain(
      'warning: prod gets app.default.tap 20230502091145.0.0, which staging (its promoteFrom) does not have: it runs 20230412153322.0.0; the gate (flux-pkg/validate) will refuse this pull request unless it carries one of the labels hotfix',
    );
  });

  it('says nothing when the version is what staging runs', async () => {
    const repo = join(copy(), 'repo');
    for (const via of [[], ['--from', 'dev'], ['--version', '20230412153322.0.0']]) {
      const r = await cli('promote', '--repo', repo, '--component', APP, '--to', 'prod', ...via);
      expect(r.code, via.join(' ')).toBe(0);
      expect(r.err, via.join(' ')).toBe('');
    }
  });
});
