/**
 * Which leaves sops encrypts (`sops.go` shouldBeEncrypted): with `encrypted_regex` a leaf is encrypted
 * when any key on its path matches; with `unencrypted_regex` when none matches; the suffix rules the
 * same with `endsWith`. With no rule sops uses `unencrypted_suffix: _unencrypted`.
 */
export interface EncryptionRule {
  encryptedRegex?: string;
  unencryptedRegex?: string;
  encryptedSuffix?: string;
  unencryptedSuffix?: string;
}

export const RULE_FIELDS = {
  encryptedRegex: 'encrypted_regex',
  unencryptedRegex: 'unencrypted_regex',
  encryptedSuffix: 'encrypted_suffix',
  unencryptedSuffix: 'unencrypted_suffix',
} as const satisfies Record<keyof EncryptionRule, string>;

export const DEFAULT_RULE: EncryptionRule = { unencryptedSuffix: '_unencrypted' };

/** What this action writes for a Kubernetes Secret: apiVersion, kind and metadata stay readable. */
export const SECRET_RULE: EncryptionRule = { encryptedRegex: '^(data|stringData)$' };

/**
 * A Go (RE2) regular expression as a JavaScript one. RE2 and JavaScript agree on the syntax people
 * write in `.sops.yaml`; a leading `(?i)`/`(?s)`/`(?m)` flag group becomes a JavaScript flag.
 * Returns undefined when the pattern does not compile.
 */
export function goRegExp(pattern: string): RegExp | undefined {
  const flagGroup = /^\(\?([ims]+)\)/.exec(pattern);
  const flags = flagGroup ? [...new Set(flagGroup[1])].join('') : '';
  try {
    return new RegExp(flagGroup ? pattern.slice(flagGroup[0].length) : pattern, `${flags}u`);
  } catch {
    try {
      return new RegExp(flagGroup ? pattern.slice(flagGroup[0].length) : pattern, flags);
    } catch {
      return undefined;
    }
  }
}

/** The one rule field set (sops refuses more than one), or undefined when several are set. */
export function ruleProblem(rule: EncryptionRule): string | undefined {
  const set = (Object.keys(RULE_FIELDS) as (keyof EncryptionRule)[]).filter((k) => rule[k]);
  if (set.length > 1) {
    return `only one of ${set.map((k) => RULE_FIELDS[k]).join(', ')} may be set`;
  }
  for (const field of ['encryptedRegex', 'unencryptedRegex'] as const) {
    const pattern = rule[field];
    if (pattern !== undefined && goRegExp(pattern) === undefined) {
      return `${RULE_FIELDS[field]} is not a valid regular expression`;
    }
  }
  return undefined;
}

/** A predicate on key paths; call only on a rule `ruleProblem` accepted. */
export function encryptionPredicate(rule: EncryptionRule): (keys: readonly string[]) => boolean {
  const active = ruleProblem(rule) === undefined && Object.values(rule).some(Boolean) ? rule : DEFAULT_RULE;
  if (active.encryptedRegex) {
    const re = goRegExp(active.encryptedRegex)!;
    return (keys) => keys.some((k) => re.test(k));
  }
  if (active.unencryptedRegex) {
    const re = goRegExp(active.unencryptedRegex)!;
    return (keys) => !keys.some((k) => re.test(k));
  }
  if (active.encryptedSuffix) {
    const suffix = active.encryptedSuffix;
    return (keys) => keys.some((k) => k.endsWith(suffix));
  }
  const suffix = active.unencryptedSuffix!;
  return (keys) => !keys.some((k) => k.endsWith(suffix));
}
