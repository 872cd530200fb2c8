/**
 * Comments inside an encrypted subtree are encrypted too, one envelope per line with type `comment`
 * and the AAD of the collection they belong to, as sops does (`#ENC[AES256_GCM,…,type:comment]`).
 * Comments never enter the MAC.
 */
import type { CommentGroup, CommentHolder } from './tree.js';

const FIELDS = ['commentBefore', 'comment'] as const;

/** Rewrite every comment line of the group's holders; empty lines are left as they are. */
export function mapCommentLines(group: CommentGroup, rewrite: (line: string) => string): void {
  for (const holder of group.holders) {
    for (const field of FIELDS) {
      const text = (holder as CommentHolder)[field];
      if (typeof text !== 'string' || text === '') continue;
      holder[field] = text
        .split('\n')
        .map((line) => (line === '' ? line : rewrite(line)))
        .join('\n');
    }
  }
}

/** Every comment of the groups in document order: part of "did anything change". */
export function commentTexts(groups: readonly CommentGroup[]): string[] {
  return groups.flatMap((g) => g.holders.flatMap((h) => FIELDS.map((f) => h[f] ?? '')));
}
