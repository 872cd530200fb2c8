/**
 * The promotion part of a pull request body: which environment the version comes from, the
 * upstream commit (once), what allowed it, and whether it is a rollback. Release notes and values
 * are the review's (review.ts), as for every pull request.
 */
import type { EnvironmentResult } from '../../plan/types.js';
import { inertCode, inertText, urlPath } from '../inert.js';
import type { Links } from './links.js';
import { literal } from './literal.js';

const code = (text: string) => inertCode(text);

export const commitUrl = (links: Links, sha: string) =>
  `${links.serverUrl}/${urlPath(links.repository)}/commit/${urlPath(sha)}`;

export function promotionSection(env: EnvironmentResult, links: Links): string[] {
  const p = env.promotion;
  if (!p) return [];
  const lines: string[] = [];
  const where = p.from
    ? `promoted from **${inertText(p.from)}**, where it runs`
    : 'an explicitly chosen version';
  lines.push(
    `- Source: ${where}${p.downgrade ? ' — a **rollback**: the PackageInstall gets `packaging.carvel.dev/downgradable: ""`, removed again by the next upgrade' : ''}`,
  );
  const source = p.source;
  if (source?.commit)
    lines.push(
      `- Upstream: ${source.trigger === 'healthy' ? 'reported healthy at' : 'merged in'} ${commitUrl(links, source.commit)}`,
    );
  if (source?.status)
    lines.push(
      `- Allowed by the commit status ${code(source.status.context)} = ${code(source.status.state)}${source.status.targetUrl && /^https:\/\//.test(source.status.targetUrl) ? ` (${literal(source.status.targetUrl)})` : ''}`,
    );
  if (source?.trigger === 'manual') lines.push('- Requested by hand (mode promote).');
  return lines;
}
