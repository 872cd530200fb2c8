/**
 * The promotion part of a pull request body: where the version comes from and what allowed it,
 * the Package's release notes (inert), and which values keys the new schema adds, drops or requires.
 */
import type { EnvironmentResult } from '../../plan/types.js';
import { inertCode, inertText, urlPath } from '../inert.js';
import type { Links } from './links.js';

const code = (text: string) => inertCode(text);
const MAX_NOTE_LINES = 60;
const list = (paths: readonly string[]) => (paths.length > 0 ? paths.map(code).join(', ') : 'none');

export function promotionSection(env: EnvironmentResult, links: Links): string[] {
  const p = env.promotion;
  if (!p) return [];
  const lines = ['', '### Promotion', ''];
  const commitUrl = (sha: string) => `${links.serverUrl}/${urlPath(links.repository)}/commit/${urlPath(sha)}`;
  const where = p.from ? `the version **${p.from}** runs` : 'an explicitly chosen version';
  lines.push(
    `- From: ${where}; **${env.environment}** goes ${code(env.fromVersion ?? 'none')} → ${code(env.toVersion ?? '')}${p.downgrade ? ' (a **rollback**: the PackageInstall gets `packaging.carvel.dev/downgradable: ""`, removed again by the next upgrade)' : ''}`,
  );
  const source = p.source;
  if (source?.commit)
    lines.push(
      `- Upstream: ${source.trigger === 'healthy' ? 'reported healthy at' : 'merged in'} ${commitUrl(source.commit)}`,
    );
  if (source?.status)
    lines.push(
      `- Allowed by the commit status ${code(source.status.context)} = ${code(source.status.state)}${source.status.targetUrl && /^https:\/\//.test(source.status.targetUrl) ? ` (${inertText(source.status.targetUrl)})` : ''}`,
    );
  if (source?.trigger === 'manual') lines.push('- Requested by hand (mode promote).');
  lines.push(
    `- Values keys the new schema adds: ${list(p.valuesKeys.added)}`,
    `- Values keys it removes: ${list(p.valuesKeys.removed)}`,
    `- Values keys it now requires: ${list(p.valuesKeys.nowRequired)}`,
  );
  if (p.releaseNotes?.trim()) {
    lines.push('', '<details><summary>Release notes (from the Package)</summary>', '');
    const notes = p.releaseNotes.trim().split('\n');
    for (const line of notes.slice(0, MAX_NOTE_LINES)) lines.push(`> ${inertText(line)}`);
    if (notes.length > MAX_NOTE_LINES)
      lines.push(`> … (${notes.length - MAX_NOTE_LINES} more lines in the Package)`);
    lines.push('', '</details>');
  }
  return lines;
}
