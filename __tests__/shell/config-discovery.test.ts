/**
 * Which config a run reads, said in every summary; a misnamed config is an error, never a silent "no config";
 * a repository of Packages with no environment yet validates (issue 17 §5, §6).
 */
import { describe, expect, it } from 'vitest';
import { COMPONENT, CONFIG, initialFiles, newPackage } from '../e2e/fixtures.js';
import {
  closeStandInsAfterAll,
  expectNothingWritten,
  gitopsRepo,
  repoWithNewPackage,
  supplyChainPush,
} from '../e2e/scenario.js';
import { act } from './run-in-process.js';

closeStandInsAfterAll();

const DISPATCH = { inputs: {}, ref: 'refs/heads/main' };
const annotations = (stdout: string) => stdout.split('\n').filter((l) => l.startsWith('::error '));

/** The example repository with its config under another name (or none). */
function repoWithConfigAt(path: string | undefined): Record<string, string> {
  const files = initialFiles();
  delete files['flux-pkg.yaml'];
  return path ? { ...files, [path]: CONFIG } : files;
}

describe('config discovery', () => {
  it('says in the job summary which config the run read', async () => {
    const { standIn, event } = await repoWithNewPackage();
    const run = await act(standIn, event, { 'dry-run': 'true' });
    expect(run.code).toBe(0);
    expect(run.summary).toContain('Configuration: flux-pkg.yaml.');
  });

  it('says when there is none, and that every environment takes new versions directly', async () => {
    const standIn = await gitopsRepo(repoWithConfigAt(undefined));
    const pkg = newPackage();
    const run = await act(standIn, supplyChainPush(standIn, { [pkg.path]: pkg.content }), {
      'dry-run': 'true',
    });
    expect(run.code).toBe(0);
    expect(run.summary).toContain('No flux-pkg.yaml found');
    expect(run.summary).toContain('every one takes new versions directly');
  });

  for (const [misnamed, says] of [
    ['flux-pkg.yml', 'rename the file to flux-pkg.yaml'],
    ['.flux-pkg.yaml', 'rename the file to flux-pkg.yaml'],
    ['.github/flux-pkg.yaml', 'nothing under .github/ is read'],
  ] as const) {
    it(`refuses ${misnamed}, naming it and flux-pkg.yaml, and writes nothing`, async () => {
      const standIn = await gitopsRepo(repoWithConfigAt(misnamed));
      const pkg = newPackage();
      const run = await act(standIn, supplyChainPush(standIn, { [pkg.path]: pkg.content }));
      expect(run.code).not.toBe(0);
      const found = annotations(run.stdout).filter((l) => l.includes(`file=${misnamed},line=1`));
      expect(found).toHaveLength(1);
      expect(found[0]).toContain(says);
      expectNothingWritten(standIn);
    });
  }
});

describe('validate on a repository with Packages and no environment yet', () => {
  it('checks the Packages and passes, with a note that no environment exists yet', async () => {
    const packagesOnly = Object.fromEntries(
      Object.entries(initialFiles()).filter(
        ([path]) => path === 'flux-pkg.yaml' || path.includes('/packages/'),
      ),
    );
    const standIn = await gitopsRepo(packagesOnly);
    const run = await act(standIn, DISPATCH, { mode: 'validate' }, 'workflow_dispatch');
    expect(annotations(run.stdout)).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.summary).toContain('no environment exists yet');
    expect(run.outputs.valid).toBe('true');
  });

  it('still fails a broken Package there', async () => {
    const files = Object.fromEntries(
      Object.entries(initialFiles()).filter(([path]) => path.includes('/packages/')),
    );
    const first = Object.keys(files).find((p) => p.startsWith(`${COMPONENT}/packages/`))!;
    files[first] = files[first]!.replace('kind: Package', 'kind: Packag');
    const standIn = await gitopsRepo(files);
    const run = await act(standIn, DISPATCH, { mode: 'validate' }, 'workflow_dispatch');
    expect(run.code).not.toBe(0);
    expect(annotations(run.stdout).some((l) => l.includes(`file=${first}`))).toBe(true);
  });

  it('keeps "checked nothing" an error for a filter that names nothing', async () => {
    const standIn = await gitopsRepo();
    const run = await act(standIn, DISPATCH, { mode: 'validate', environments: 'qa' }, 'workflow_dispatch');
    expect(run.code).not.toBe(0);
    expect(run.stdout).toContain('the environment filter "qa" names no environment');
  });
});

describe('bootstrap', () => {
  it('says which config it read', async () => {
    const standIn = await gitopsRepo();
    const run = await act(
      standIn,
      DISPATCH,
      {
        mode: 'bootstrap',
        component: COMPONENT,
        environment: 'qa',
        'target-namespace': 'apps',
        'dry-run': 'true',
      },
      'workflow_dispatch',
    );
    expect(annotations(run.stdout)).toEqual([]);
    expect(run.summary).toContain('Configuration: flux-pkg.yaml.');
  });
});
