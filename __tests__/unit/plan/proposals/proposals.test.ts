import { describe, expect, it } from 'vitest';
import { error, warning } from '../../../../src/diagnostics.js';
import { planInstallInto } from '../../../../src/plan/modes/install/into.js';
import { combineResults } from '../../../../src/plan/proposals/combine.js';
import { fill, type ProposalStyle, proposalsFromPlan } from '../../../../src/plan/proposals/proposals.js';
import type { EnvironmentResult, PlanResult } from '../../../../src/plan/types.js';
import { closingComment, reasonsFor } from '../../../../src/report/pull-request/closing.js';
import { type RepoState, repo } from '../../repo-state.js';

const style: ProposalStyle = {
  title: 'Deploy {component} {version} to {environment}',
  commitMessage: '{component}: {from} -> {version} in {environment}',
  labels: ['flux-pkg'],
  reviewers: [],
  teamReviewers: [],
  draft: false,
  autoMerge: false,
  links: { serverUrl: 'https://github.com', repository: 'acme/gitops', baseSha: 'a'.repeat(40) },
};

const state = () =>
  repo()
    .component('api', { packages: ['1.0.0', '1.1.0'] })
    .environment('dev', { version: '1.0.0' })
    .component('web', { packages: ['2.0.0', '2.1.0'] })
    .environment('dev', { version: '2.0.0' })
    .component('docs', { packages: ['1.0.0'] })
    .environment('dev', { version: '1.0.0' });

/** install's plan for every component into dev, as one PlanResult. */
function planned(s: RepoState): PlanResult {
  const ctx = s.context();
  const environments = s.components().flatMap((c) => {
    const step = planInstallInto(ctx, c, s.packages(c.name), s.environmentFiles(c.name, 'dev'), 'dev', {});
    return 'result' in step && step.result ? [step.result] : [];
  });
  return {
    valid: true,
    diagnostics: ctx.diagnostics,
    environments,
    files: environments.flatMap((e) => e.files),
  };
}

describe('proposalsFromPlan', () => {
  it('per component: one per (component, environment), titled from the template, an unchanged one kept (it closes a stale PR)', () => {
    const proposals = proposalsFromPlan(planned(state()), style);
    expect(proposals.map((p) => [p.key, p.title, p.files.length])).toEqual([
      ['api/dev', 'Deploy api 1.1.0 to dev', 1],
      ['docs/dev', 'Deploy docs 1.0.0 to dev', 0],
      ['web/dev', 'Deploy web 2.1.0 to dev', 1],
    ]);
    expect(proposals[0]!.commitMessage).toBe(
      'api: 1.0.0 -> 1.1.0 in dev\n\nupdate api/dev/packageinstall.yaml\n',
    );
    expect(proposals[0]!.labels).toEqual(['flux-pkg']);
  });

  it('per environment: the changed components in one proposal keyed by the set, the unchanged one alone', () => {
    const proposals = proposalsFromPlan(planned(state()), style, 'per-environment');
    expect(proposals.map((p) => [p.key.replace(/[0-9a-f]{8}$/, '<set>'), p.title])).toEqual([
      ['_environments/dev/<set>', 'Deploy 2 components to dev'],
      ['docs/dev', 'Deploy docs 1.0.0 to dev'],
    ]);
    expect(proposals[0]!.files.map((f) => f.path)).toEqual([
      'api/dev/packageinstall.yaml',
      'web/dev/packageinstall.yaml',
    ]);
    // Another set of components gets another key; the same set, the same one.
    const again = proposalsFromPlan(planned(state()), style, 'per-environment');
    expect(again[0]!.key).toBe(proposals[0]!.key);
    const other = planned(state().environment('dev', { version: '0.9.0' }));
    expect(proposalsFromPlan(other, style, 'per-environment')[0]!.key).not.toBe(proposals[0]!.key);
  });

  it('a rollback hold closes with its own reason, naming the annotation and its file; an up-to-date one says the base has it', () => {
    const s = state();
    const api = s.files['api/dev/packageinstall.yaml']!;
    s.file(
      'api/dev/packageinstall.yaml',
      api.replace('    team: payments', '    team: payments\n    flux-pkg.dev/rolled-back-from: "1.1.0"'),
    );
    const proposals = proposalsFromPlan(planned(s), style);
    const held = proposals.find((p) => p.key === 'api/dev')!;
    expect(held.files).toEqual([]);
    expect(held.closing).toEqual([
      {
        target: { component: 'api', environment: 'dev', fromVersion: '1.0.0', toVersion: '1.0.0' },
        held: { from: '1.1.0', file: 'api/dev/packageinstall.yaml' },
      },
    ]);
    expect(closingComment('main', held.closing!)).toBe(
      'This pull request is closed by flux-pkg-action: api in dev was rolled back from `1.1.0` (annotation `flux-pkg.dev/rolled-back-from` on `api/dev/packageinstall.yaml`), so `1.1.0` is not offered again; a version newer than `1.1.0` reopens the delivery, or remove the annotation.',
    );
    // The open pull request proposed the held version (1.1.0), or an older one: the hold is why.
    expect(reasonsFor(held.closing!, '1.1.0')).toEqual(held.closing);
    expect(reasonsFor(held.closing!, undefined)).toEqual(held.closing);
    // It proposed what dev runs now (the rollback's own pull request, applied by hand): the base has it.
    expect(closingComment('main', reasonsFor(held.closing!, '1.0.0'))).toBe(
      'main already has what this pull request proposed (api in dev at `1.0.0`), so it is closed by flux-pkg-action.',
    );
    const current = proposals.find((p) => p.key === 'docs/dev')!;
    expect(current.closing).toEqual([{ target: expect.objectContaining({ component: 'docs' }) }]);
    expect(closingComment('main', current.closing!)).toBe(
      'main already has what this pull request proposed (docs in dev at `1.0.0`), so it is closed by flux-pkg-action.',
    );
  });

  it('a per-environment proposal keeps each target’s reason; the comment lists each, repo text inert', () => {
    const s = state();
    const api = s.files['api/dev/packageinstall.yaml']!;
    s.file(
      'api/dev/packageinstall.yaml',
      api.replace('    team: payments', '    team: payments\n    flux-pkg.dev/rolled-back-from: "1.1.0"'),
    );
    // web is merged at 2.1.0: every component of dev needs nothing now.
    s.file(
      'web/dev/packageinstall.yaml',
      s.files['web/dev/packageinstall.yaml']!.replace('constraints: 2.0.0', 'constraints: 2.1.0'),
    );
    const planHeld = planned(s);
    // The batch is built from the changed components; its reasons are theirs, one per target, in order.
    const batch = proposalsFromPlan(planned(state()), style, 'per-environment')[0]!;
    expect(batch.closing?.map((r) => [r.target.component, r.held])).toEqual([
      ['api', undefined],
      ['web', undefined],
    ]);
    const proposals = proposalsFromPlan(planHeld, style, 'per-environment');
    expect(proposals.every((p) => p.files.length === 0)).toBe(true);
    const reasons = proposals.flatMap((p) => p.closing ?? []);
    const comment = closingComment('main', reasons);
    expect(comment.split('\n')).toEqual([
      'This pull request is closed by flux-pkg-action: nothing it proposed is to be delivered now.',
      '',
      '- api in dev was rolled back from `1.1.0` (annotation `flux-pkg.dev/rolled-back-from` on `api/dev/packageinstall.yaml`), so `1.1.0` is not offered again; a version newer than `1.1.0` reopens the delivery, or remove the annotation.',
      '- main already has docs in dev at `1.0.0`.',
      '- main already has web in dev at `2.1.0`.',
    ]);
    // What the repository says is shown as it is, never as Markdown, HTML, a mention or a marker.
    const hostile = closingComment('main', [
      {
        target: { component: 'a', environment: 'dev', toVersion: '1.0.0' },
        held: { from: '2.0.0 <!-- flux-pkg --> @admins', file: 'a/dev/[x](https://evil)' },
      },
    ]);
    expect(hostile).not.toMatch(/<!--|@admins|\]\(/);
    expect(hostile).toContain('<code>2\\.0.0 &lt;\\!-- flux-pkg --&gt; @&#8203;admins</code>');
  });

  it('fill() takes {from} as "none" for a new environment', () => {
    expect(
      fill('{component} {from}->{version} {environment}', {
        component: 'a',
        environment: 'dev',
        toVersion: '1',
      }),
    ).toBe('a none->1 dev');
  });
});

describe('combineResults', () => {
  const result = (
    env: Partial<EnvironmentResult>,
    diagnostics = [] as PlanResult['diagnostics'],
  ): PlanResult => {
    const e = {
      component: 'a',
      environment: 'dev',
      valid: true,
      valuesKeysChanged: [],
      ...env,
    } as EnvironmentResult;
    const files = [
      {
        path: `${e.component}/${e.environment}/x.yaml`,
        content: '',
        action: 'create' as const,
        secret: false,
      },
    ];
    return { valid: true, diagnostics, environments: [e], files };
  };

  it('one plan of several: all environments and files, duplicate diagnostics once', () => {
    const note = warning('plan.downgrade', 'note', 'f.yaml');
    const combined = combineResults(
      [result({ component: 'a' }, [note]), result({ component: 'b' }, [note])],
      [],
    );
    expect(combined.valid).toBe(true);
    expect(combined.environments.map((e) => e.component)).toEqual(['a', 'b']);
    expect(combined.files).toHaveLength(2);
    expect(combined.diagnostics).toHaveLength(1);
  });

  it('an error anywhere (a plan’s or the config’s) writes nothing at all', () => {
    expect(
      combineResults(
        [result({ component: 'a' }), result({ component: 'b' }, [error('request.package', 'bad', 'f')])],
        [],
      ).files,
    ).toEqual([]);
    const configError = combineResults(
      [result({ component: 'a' })],
      [error('config.name-template', 'bad', 'flux-pkg.yaml')],
    );
    expect(configError).toMatchObject({ valid: false, files: [] });
  });
});
