/** What the bootstrap scenarios (bundled in e2e/bootstrap, in process in shell/bootstrap) look at. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { checkObject } from '../../src/flux/validate.js';
import { checkAgainstCrd, hasReference, isCustomResource } from '../flux/crd.js';
import { COMPONENT, kustomizeKinds } from './fixtures.js';
import type { StandIn } from './stand-in/server.js';

export const BOOTSTRAP_BRANCH = `flux-pkg/_bootstrap/qa/${COMPONENT}`;

/** Every file a bootstrap of qa changes, flux-pkg.yaml included. */
export const BOOTSTRAP_FILES = [
  `${COMPONENT}/qa/packageinstall.yaml`,
  `${COMPONENT}/qa/params.yaml`,
  `${COMPONENT}/qa/kustomization.yaml`,
  `${COMPONENT}/qa-rbac/rbac.yaml`,
  `${COMPONENT}/qa-rbac/kustomization.yaml`,
  `clusters/brain/${COMPONENT}/gitrepository.yaml`,
  `clusters/brain/${COMPONENT}/provider.yaml`,
  `clusters/brain/${COMPONENT}/qa.yaml`,
  `clusters/brain/${COMPONENT}/kustomization.yaml`,
  'flux-pkg.yaml',
].sort();

/** The files the branch changes against main. */
export function changedOn(standIn: StandIn, branch: string): Record<string, string> {
  const main = standIn.readTree('main');
  const tree = standIn.readTree(branch);
  return Object.fromEntries(Object.entries(tree).filter(([path, text]) => main[path] !== text));
}

// biome-ignore lint/suspicious/noExplicitAny: parsed YAML is navigated freely in assertions
export const objectsIn = (text: string): any[] => parseAllDocuments(text).map((d) => d.toJS());

/** Every object the branch changes passes the shipped schema and, with the reference data, the real CRD. */
export function expectEveryObjectValid(changed: Record<string, string>): void {
  let checked = 0;
  for (const [path, text] of Object.entries(changed)) {
    if (path === 'flux-pkg.yaml') continue;
    for (const object of objectsIn(text)) {
      expect(checkObject(object), `${path} ${object.kind} (shipped schema)`).toEqual([]);
      if (hasReference && isCustomResource(object))
        expect(checkAgainstCrd(object), `${path} ${object.kind} (real CRD)`).toEqual([]);
      checked++;
    }
  }
  expect(checked).toBeGreaterThanOrEqual(10);
}

/** Every folder the branch changes builds with kubectl kustomize (guard with `hasKubectl`). */
export function expectFoldersBuild(standIn: StandIn, branch: string, changed: Record<string, string>): void {
  const folders = new Set(
    Object.keys(changed)
      .filter((p) => p !== 'flux-pkg.yaml')
      .map((p) => dirname(p)),
  );
  const kinds = kustomizeKinds(standIn.readTree(branch), [...folders]);
  for (const folder of folders) expect(kinds[folder]!.length, folder).toBeGreaterThan(0);
}

/** The checkout the CLI runs on: `files` written to a scratch folder. */
export function checkoutOf(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'flux-pkg-bootstrap-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}
