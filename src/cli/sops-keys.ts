/**
 * The CLI's age identities: every source sops reads, merged (getsops/sops age/keysource.go:411-482
 * loadIdentities), plus --sops-age-key-file. In sops's order: SOPS_AGE_KEY (several keys per line),
 * SOPS_AGE_KEY_FILE, the output of SOPS_AGE_KEY_CMD (run with SOPS_AGE_RECIPIENT set to the
 * recipient wanted), and the default key file `sops/age/keys.txt` in the user config folder
 * (keysource.go:393-400: $XDG_CONFIG_HOME, else ~/.config; on macOS $XDG_CONFIG_HOME, else
 * ~/Library/Application Support), read when it exists. Not read: SSH keys, age plugins, encrypted
 * key files. Shell code: reads files and runs a command; never prints a key.
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { promisify } from 'node:util';
import { parseAgeIdentities } from '../sops/index.js';

/** Where the keys are looked for: the process's by default, a temp HOME in tests. */
export interface KeyEnvironment {
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
}

export class KeySourceError extends Error {}

export const KEY_SOURCES_HELP = `age identities are read from every place sops reads them, merged: --sops-age-key-file,
                        SOPS_AGE_KEY, SOPS_AGE_KEY_FILE, SOPS_AGE_KEY_CMD (run with SOPS_AGE_RECIPIENT),
                        and sops/age/keys.txt in $XDG_CONFIG_HOME or ~/.config
                        (macOS: ~/Library/Application Support) when it exists`;

/** Every identity the sources hold; throws KeySourceError for a source named but unusable. */
export async function loadAgeIdentities(
  keyFile: string | undefined,
  where: KeyEnvironment = { env: process.env, platform: process.platform },
  recipients: readonly string[] = [],
): Promise<string[]> {
  const { env } = where;
  const identities: string[] = [];
  if (keyFile !== undefined) identities.push(...(await keyFileIdentities(keyFile, '--sops-age-key-file')));
  // keysource.go:416-419: SOPS_AGE_KEY may hold several keys per line, separated by blanks.
  if (env.SOPS_AGE_KEY !== undefined)
    identities.push(...parseAgeIdentities(env.SOPS_AGE_KEY.replace(/\s+/g, '\n')));
  if (env.SOPS_AGE_KEY_FILE !== undefined) {
    identities.push(...(await keyFileIdentities(env.SOPS_AGE_KEY_FILE, 'SOPS_AGE_KEY_FILE')));
  }
  if (env.SOPS_AGE_KEY_CMD !== undefined) {
    identities.push(...(await commandIdentities(env.SOPS_AGE_KEY_CMD, env, recipients)));
  }
  const defaultFile = defaultKeyFile(where);
  if (defaultFile) {
    const text = await readFile(defaultFile, 'utf8').catch((e: NodeJS.ErrnoException) => {
      // keysource.go:459-461: a missing default file is fine, an unreadable one is not.
      if (e.code === 'ENOENT') return '';
      throw new KeySourceError(`cannot read the default age key file ${defaultFile}`);
    });
    identities.push(...parseAgeIdentities(text));
  }
  return [...new Set(identities)];
}

/** sops's default key file: `sops/age/keys.txt` under Go's user config folder (keysource.go:393-400). */
export function defaultKeyFile({ env, platform }: KeyEnvironment): string | undefined {
  const xdg = env.XDG_CONFIG_HOME;
  let dir: string | undefined;
  if (platform === 'darwin') {
    dir = xdg ? xdg : env.HOME ? join(env.HOME, 'Library', 'Application Support') : undefined;
  } else if (platform === 'win32') {
    dir = env.AppData || undefined;
  } else if (xdg) {
    // Go's os.UserConfigDir refuses a relative $XDG_CONFIG_HOME.
    dir = isAbsolute(xdg) ? xdg : undefined;
  } else {
    dir = env.HOME ? join(env.HOME, '.config') : undefined;
  }
  return dir === undefined ? undefined : join(dir, 'sops', 'age', 'keys.txt');
}

async function keyFileIdentities(file: string, origin: string): Promise<string[]> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  const named = origin === '--sops-age-key-file' ? file : `${file} (${origin})`;
  if (text === undefined) throw new KeySourceError(`cannot read the age key file ${named}`);
  const found = parseAgeIdentities(text);
  if (found.length === 0)
    throw new KeySourceError(`${named} holds no age identity (a line AGE-SECRET-KEY-1…)`);
  return found;
}

/**
 * SOPS_AGE_KEY_CMD, split like a shell would (sops uses google/shlex; keysource.go:300-317) and run
 * without a shell, once per recipient with SOPS_AGE_RECIPIENT set, or once without it when the
 * recipients are not known yet.
 */
async function commandIdentities(
  command: string,
  env: KeyEnvironment['env'],
  recipients: readonly string[],
): Promise<string[]> {
  const argv = shellWords(command);
  if (!argv || argv.length === 0) throw new KeySourceError('SOPS_AGE_KEY_CMD is not a command line');
  const found: string[] = [];
  // Loaded here, not at start: node:child_process costs every command its load, and few runs name a command.
  const { execFile } = await import('node:child_process');
  for (const recipient of recipients.length > 0 ? recipients : [undefined]) {
    const childEnv = { ...env, ...(recipient ? { SOPS_AGE_RECIPIENT: recipient } : {}) };
    try {
      const { stdout } = await promisify(execFile)(argv[0]!, argv.slice(1), {
        env: childEnv,
        maxBuffer: 1 << 20,
        timeout: 60_000,
      });
      found.push(...parseAgeIdentities(stdout));
    } catch {
      // Never echo its output: it may hold a key.
      throw new KeySourceError(`SOPS_AGE_KEY_CMD (${argv[0]}) failed`);
    }
  }
  return found;
}

/** POSIX-style words: blanks separate, quotes group, a backslash escapes; undefined when unbalanced. */
export function shellWords(line: string): string[] | undefined {
  const words: string[] = [];
  let word: string | undefined;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else word += c;
    } else if (c === '\\' && i + 1 < line.length && (quote === undefined || '"\\$`'.includes(line[i + 1]!))) {
      word = (word ?? '') + line[++i];
    } else if (quote === '"') {
      if (c === '"') quote = undefined;
      else word += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      word ??= '';
    } else if (/\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else word = (word ?? '') + c;
  }
  if (quote) return undefined;
  if (word !== undefined) words.push(word);
  return words;
}
