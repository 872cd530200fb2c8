/**
 * The CLI reads age identities from every place sops reads them, merged: --sops-age-key-file,
 * SOPS_AGE_KEY, SOPS_AGE_KEY_FILE, SOPS_AGE_KEY_CMD and the default key file, in a temp HOME.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateIdentity } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultKeyFile, KeySourceError, loadAgeIdentities, shellWords } from '../../src/cli/sops-keys.js';

const home = mkdtempSync(join(tmpdir(), 'sops-keys-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));
const keys: string[] = [];
beforeAll(async () => {
  for (let i = 0; i < 6; i++) keys.push(await generateIdentity());
});
const keyFileWith = (name: string, ...identities: string[]) => {
  const path = join(home, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, `# created: 2025-01-01T00:00:00Z\n${identities.join('\n')}\n`);
  return path;
};

describe('the default key file, where sops looks for it', () => {
  it('Linux: $XDG_CONFIG_HOME/sops/age/keys.txt, else ~/.config; a relative XDG_CONFIG_HOME is ignored', () => {
    expect(defaultKeyFile({ env: { HOME: '/h', XDG_CONFIG_HOME: '/x' }, platform: 'linux' })).toBe(
      '/x/sops/age/keys.txt',
    );
    expect(defaultKeyFile({ env: { HOME: '/h' }, platform: 'linux' })).toBe('/h/.config/sops/age/keys.txt');
    expect(
      defaultKeyFile({ env: { HOME: '/h', XDG_CONFIG_HOME: 'rel' }, platform: 'linux' }),
    ).toBeUndefined();
    expect(defaultKeyFile({ env: {}, platform: 'linux' })).toBeUndefined();
  });

  it('macOS: $XDG_CONFIG_HOME when set, else ~/Library/Application Support', () => {
    expect(defaultKeyFile({ env: { HOME: '/h', XDG_CONFIG_HOME: '/x' }, platform: 'darwin' })).toBe(
      '/x/sops/age/keys.txt',
    );
    expect(defaultKeyFile({ env: { HOME: '/h' }, platform: 'darwin' })).toBe(
      '/h/Library/Application Support/sops/age/keys.txt',
    );
  });
});

describe('every source, merged', () => {
  it('flag, SOPS_AGE_KEY (several per line), SOPS_AGE_KEY_FILE, SOPS_AGE_KEY_CMD and ~/.config/sops/age/keys.txt', async () => {
    const flag = keyFileWith('flag.txt', keys[0]!);
    const envFile = keyFileWith('env.txt', keys[2]!);
    keyFileWith('.config/sops/age/keys.txt', keys[4]!);
    const cmdOut = keyFileWith('cmd.txt', keys[5]!);
    const env = {
      HOME: home,
      PATH: process.env.PATH,
      SOPS_AGE_KEY: `${keys[1]} ${keys[3]}`,
      SOPS_AGE_KEY_FILE: envFile,
      SOPS_AGE_KEY_CMD: `cat '${cmdOut}'`,
    };
    const found = await loadAgeIdentities(flag, { env, platform: 'linux' });
    expect(new Set(found)).toEqual(new Set(keys));
  });

  it('SOPS_AGE_KEY_CMD sees SOPS_AGE_RECIPIENT; a failing command is an error that does not echo it', async () => {
    const env = { PATH: process.env.PATH, SOPS_AGE_KEY_CMD: `sh -c 'echo "$SOPS_AGE_RECIPIENT"'` };
    // The command prints the recipient, which is not an identity: nothing found, no error.
    expect(await loadAgeIdentities(undefined, { env, platform: 'linux' }, ['age1xyz'])).toEqual([]);
    const failing = { PATH: process.env.PATH, SOPS_AGE_KEY_CMD: `sh -c 'echo ${keys[0]}; exit 3'` };
    const error = await loadAgeIdentities(undefined, { env: failing, platform: 'linux' }).catch((e) => e);
    expect(error).toBeInstanceOf(KeySourceError);
    expect(String(error)).not.toContain(keys[0]);
  });

  it('a missing default file is fine; a named file that is missing or holds no key is an error', async () => {
    const empty = mkdtempSync(join(home, 'empty-'));
    expect(await loadAgeIdentities(undefined, { env: { HOME: empty }, platform: 'linux' })).toEqual([]);
    const missing = {
      env: { HOME: empty, SOPS_AGE_KEY_FILE: join(empty, 'nope') },
      platform: 'linux' as const,
    };
    await expect(loadAgeIdentities(undefined, missing)).rejects.toThrow(/SOPS_AGE_KEY_FILE/);
    const noKey = keyFileWith('nokey.txt');
    await expect(loadAgeIdentities(noKey, { env: { HOME: empty }, platform: 'linux' })).rejects.toThrow(
      /holds no age identity/,
    );
  });

  it('splits a command line like a shell, without running one', () => {
    expect(shellWords(`a 'b c' "d \\"e\\"" f\\ g`)).toEqual(['a', 'b c', 'd "e"', 'f g']);
    expect(shellWords(`a 'b`)).toBeUndefined();
    expect(shellWords(`x ''`)).toEqual(['x', '']);
  });
});
