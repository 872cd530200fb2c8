/**
 * The CLI's flags, built from the one list of settings (src/settings/declarations.ts): parseArgs'
 * options, the Options part of --help, and a parse error said in one line.
 */
import type { ParseArgsConfig } from 'node:util';
import { type FlagName, SETTINGS, type Setting } from '../settings/declarations.js';

type Options = NonNullable<ParseArgsConfig['options']>;

type WithFlag<F> = Extract<(typeof SETTINGS)[number], { flag: F }>;
/** What parseArgs gives for a flag: a switch is a boolean, a list (of any setting with it) repeats. */
type FlagValue<F> = 'switch' extends WithFlag<F>['type']
  ? boolean
  : 'list' extends WithFlag<F>['type']
    ? string[]
    : string;
/** The flags as parsed; absent when not given. */
export type FlagValues = { [F in FlagName]?: FlagValue<F> };

/** The declaration that lists a flag in --help: the first setting naming it with a help line. */
function declaring(flag: string): Setting {
  const all = (SETTINGS as readonly Setting[]).filter((s) => s.flag === flag);
  return all.find((s) => s.help) ?? all[0]!;
}

/** Every flag once, in the declarations' order. */
export const FLAGS: readonly FlagName[] = Object.freeze([
  ...new Set((SETTINGS as readonly Setting[]).flatMap((s) => (s.flag ? [s.flag as FlagName] : []))),
]);

/** parseArgs' options: a switch is a boolean, a list repeats (when any setting with the flag is a list). */
export function parseOptions(): Options {
  const options: Options = {};
  for (const flag of FLAGS) {
    const settings = (SETTINGS as readonly Setting[]).filter((s) => s.flag === flag);
    if (settings.some((s) => s.type === 'switch')) options[flag] = { type: 'boolean' };
    else options[flag] = { type: 'string', multiple: settings.some((s) => s.type === 'list') };
  }
  options.help = { type: 'boolean', short: 'h' };
  return options;
}

/** `  --flag ARG   help`, wrapped under the flag when it does not fit. */
export function flagHelp(flags: readonly FlagName[]): string {
  return flags
    .map((flag) => {
      const { arg, help } = declaring(flag);
      const name = `${flag === 'help' ? '-h, ' : ''}--${flag}${arg ? ` ${arg}` : ''}`;
      return name.length < 22
        ? `  ${name.padEnd(22)}${help ?? ''}`
        : `  ${name}\n  ${''.padEnd(22)}${help ?? ''}`;
    })
    .join('\n');
}

interface ParseArgsError {
  code?: string;
  message: string;
}

/** A parse error in one line, naming the flag as the user wrote it. */
export function parseErrorLine(e: ParseArgsError): string {
  const quoted = /'(-[^' ]+)/.exec(e.message)?.[1];
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && quoted) {
    const near = nearest(quoted.replace(/^-+/, '').replace(/=.*/, ''));
    return `unknown flag ${quoted}${near ? ` (did you mean --${near}?)` : ''}`;
  }
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && quoted) {
    const flag = quoted.replace(/^-+/, '').replace(/[ =].*/, '');
    const setting = declaring(flag);
    return setting?.type === 'switch'
      ? `--${flag} takes no value`
      : `--${flag} needs a value${setting?.arg ? ` (${setting.arg})` : ''}`;
  }
  return e.message.split('\n')[0]!;
}

/** The flag a typo most likely meant: within two edits, else none. */
function nearest(typed: string): string | undefined {
  let best: { flag: string; distance: number } | undefined;
  for (const flag of [...FLAGS, 'help']) {
    const distance = editDistance(typed, flag);
    if (distance <= 2 && (!best || distance < best.distance)) best = { flag, distance };
  }
  return best?.flag;
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}
