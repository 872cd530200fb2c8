import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CRD_SOURCES, readCrd, strictSchema } from '../../scripts/derive-crd-schemas.js';
import shipped from '../../src/flux/crd-schemas.json' with { type: 'json' };
import { checkObject, knownKinds } from '../../src/flux/validate.js';
import { hasReference, referenceDir } from './crd.js';

const kustomization = (spec: Record<string, unknown>, apiVersion = 'kustomize.toolkit.fluxcd.io/v1') => ({
  apiVersion,
  kind: 'Kustomization',
  metadata: { name: 'app-dev-packages', namespace: 'flux-system' },
  spec: {
    interval: '5m',
    path: './app/packages',
    prune: true,
    sourceRef: { kind: 'GitRepository', name: 'repo' },
    ...spec,
  },
});

describe('the schema the project ships (src/flux/crd-schemas.json)', () => {
  describe.skipIf(!hasReference)('is derived from the reference CRDs', () => {
    it('matches what scripts/derive-crd-schemas.ts derives now', () => {
      for (const [file, version] of CRD_SOURCES) {
        const served = readCrd(readFileSync(`${referenceDir}${file}`, 'utf8')).find(
          (v) => v.key.split('/')[1] === version,
        )!;
        expect((shipped.schemas as Record<string, unknown>)[served.key]).toEqual(
          strictSchema(served.openAPIV3Schema),
        );
      }
    });
  });

  it('covers every apiVersion bootstrap emits, and carries no CRD prose', () => {
    expect(knownKinds()).toEqual(
      expect.arrayContaining([
        'kustomize.toolkit.fluxcd.io/v1/Kustomization',
        'kustomize.toolkit.fluxcd.io/v1beta2/Kustomization',
        'source.toolkit.fluxcd.io/v1/GitRepository',
        'source.toolkit.fluxcd.io/v1beta2/GitRepository',
        'notification.toolkit.fluxcd.io/v1beta3/Provider',
        'notification.toolkit.fluxcd.io/v1beta3/Alert',
        'packaging.carvel.dev/v1alpha1/PackageInstall',
      ]),
    );
    expect(JSON.stringify(shipped.schemas)).not.toMatch(/"description"/);
  });

  it('refuses the fields the seed document uses that the APIs do not have', () => {
    expect(checkObject(kustomization({}))).toEqual([]);
    expect(
      checkObject(kustomization({ kubeConfig: { secretRef: { name: 'k', namespace: 'flux-system' } } })),
    ).toEqual(['/spec/kubeConfig/secretRef: must NOT have additional properties "namespace"']);
    expect(
      checkObject(kustomization({ healthCheckExprs: [] }, 'kustomize.toolkit.fluxcd.io/v1beta2')).join(),
    ).toMatch(/additional properties "healthCheckExprs"/);
    expect(checkObject(kustomization({ interval: 'five minutes' })).join()).toMatch(
      /\/spec\/interval: must match pattern/,
    );
    expect(checkObject({ ...kustomization({}), metadata: { name: 'Bad_Name' } }).join()).toMatch(
      /\/metadata\/name/,
    );
    const { interval: _, ...noInterval } = kustomization({}).spec;
    expect(checkObject({ ...kustomization({}), spec: noInterval }).join()).toMatch(
      /required property 'interval'/,
    );
  });
});
