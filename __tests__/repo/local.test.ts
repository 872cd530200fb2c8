/** The local snapshot and writer on their own: the last line of defence when a caller skips the planner. */
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalSnapshot } from '../../src/repo/local.js';
import { WriteRefusedError, writeFiles } from '../../src/repo/local-writer.js';
import { UnsafeWritePathError } from '../../src/repo/paths.js';
import { RefusedReadError } from '../../src/repo/snapshot.js';

function scratch() {
  const base = mkdtempSync(join(tmpdir(), 'flux-pkg-local-'));
  const root = join(base, 'repo');
  const outside = join(base, 'outside');
  mkdirSync(join(root, 'app/dev'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(root, 'app/dev/params.yaml'), 'a: 1\n');
  writeFileSync(join(outside, 'secret.yaml'), 'outside: true\n');
  return { base, root, outside };
}

describe('LocalSnapshot', () => {
  it('lists links as links and never descends into a linked folder', async () => {
    const { root, outside } = scratch();
    symlinkSync(outside, join(root, 'app/prod'));
    symlinkSync(join(outside, 'secret.yaml'), join(root, 'app/dev/kustomization.yaml'));
    const entries = await new LocalSnapshot(root).list();
    expect(entries).toEqual([
      { path: 'app/dev/kustomization.yaml', kind: 'symlink' },
      { path: 'app/dev/params.yaml' },
      { path: 'app/prod', kind: 'symlink' },
    ]);
  });

  it('refuses a read through a link, whether the link is the file or a folder above it', async () => {
    const { root, outside } = scratch();
    symlinkSync(outside, join(root, 'app/prod'));
    symlinkSync(join(outside, 'secret.yaml'), join(root, 'app/dev/kustomization.yaml'));
    const snapshot = new LocalSnapshot(root);
    await expect(snapshot.read('app/dev/kustomization.yaml')).rejects.toThrow(
      new RefusedReadError('app/dev/kustomization.yaml', 'symlink'),
    );
    await expect(snapshot.read('app/prod/secret.yaml')).rejects.toMatchObject({
      path: 'app/prod',
      reason: 'symlink',
    });
    await expect(snapshot.read('app/dev/params.yaml')).resolves.toBe('a: 1\n');
    await expect(snapshot.read('app/dev/missing.yaml')).resolves.toBeUndefined();
  });

  it.each([['../outside/secret.yaml'], ['/etc/passwd'], ['app/../../outside/secret.yaml'], ['app\\dev']])(
    'refuses the path %j as outside the repository',
    async (path) => {
      const { root } = scratch();
      await expect(new LocalSnapshot(root).read(path)).rejects.toMatchObject({ reason: 'outside' });
    },
  );

  it('refuses a file over the cap, and a device, without reading them whole', async () => {
    const { root } = scratch();
    writeFileSync(join(root, 'big.yaml'), 'x'.repeat(2048));
    const snapshot = new LocalSnapshot(root);
    await expect(snapshot.read('big.yaml', { maxBytes: 1024 })).rejects.toMatchObject({
      reason: 'too-large',
      size: 2048,
    });
    await expect(snapshot.read('big.yaml', { maxBytes: 2048 })).resolves.toHaveLength(2048);
  });
});

describe('writeFiles', () => {
  it('writes through a temp file and keeps the mode of the file it replaces', async () => {
    const { root } = scratch();
    chmodSync(join(root, 'app/dev/params.yaml'), 0o600);
    await writeFiles(root, [
      { path: 'app/dev/params.yaml', content: 'a: 2\n' },
      { path: 'app/qa/params.yaml', content: 'new\n' },
    ]);
    expect(readFileSync(join(root, 'app/dev/params.yaml'), 'utf8')).toBe('a: 2\n');
    expect(statSync(join(root, 'app/dev/params.yaml')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(root, 'app/qa/params.yaml'), 'utf8')).toBe('new\n');
    expect(readdirSync(join(root, 'app/dev'))).toEqual(['params.yaml']); // no temp file left
  });

  it('refuses to write through a linked file or folder, and writes nothing at all', async () => {
    const { root, outside } = scratch();
    symlinkSync(join(outside, 'secret.yaml'), join(root, 'app/dev/kustomization.yaml'));
    symlinkSync(outside, join(root, 'app/prod'));
    const ok = { path: 'app/dev/params.yaml', content: 'changed\n' };
    await expect(
      writeFiles(root, [ok, { path: 'app/dev/kustomization.yaml', content: 'x' }]),
    ).rejects.toThrow(
      new WriteRefusedError(
        'app/dev/kustomization.yaml',
        'is a symbolic link; flux-pkg-action does not write through links',
      ),
    );
    await expect(
      writeFiles(root, [ok, { path: 'app/prod/secret.yaml', content: 'x' }]),
    ).rejects.toMatchObject({
      path: 'app/prod',
    });
    expect(readFileSync(join(root, 'app/dev/params.yaml'), 'utf8')).toBe('a: 1\n');
    expect(readFileSync(join(outside, 'secret.yaml'), 'utf8')).toBe('outside: true\n');
  });

  it.each([
    ['../escape.yaml'],
    ['app/../../escape.yaml'],
    ['/srv/escape.yaml'],
    ['.github/workflows/x.yml'],
    ['.git/hooks/pre-commit'],
  ])('refuses %j before writing anything', async (path) => {
    const { root, base } = scratch();
    await expect(
      writeFiles(root, [
        { path: 'app/dev/params.yaml', content: 'changed\n' },
        { path, content: 'x' },
      ]),
    ).rejects.toBeInstanceOf(UnsafeWritePathError);
    expect(readFileSync(join(root, 'app/dev/params.yaml'), 'utf8')).toBe('a: 1\n');
    expect(readdirSync(base).sort()).toEqual(['outside', 'repo']);
  });
});
