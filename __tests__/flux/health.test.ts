/**
 * The PackageInstall healthCheckExprs, evaluated as Flux evaluates them (fluxcd/pkg runtime/cel
 * StatusEvaluator): the object's top-level fields are the variables; a status.observedGeneration
 * that differs from metadata.generation is InProgress before any expression runs; then inProgress,
 * failed, current in that order, first true wins, none true is InProgress; an evaluation error is
 * Unknown (kstatus keeps waiting). The PackageInstalls are the shapes kapp-controller writes.
 */
import { evaluate } from '@marcbachmann/cel-js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PACKAGE_INSTALL_HEALTH_CHECK as check } from '../../src/flux/health.js';

type Status = 'Current' | 'InProgress' | 'Failed' | 'Unknown';

function fluxStatus(object: Record<string, unknown>): Status {
  const status = object.status as { observedGeneration?: bigint } | undefined;
  const metadata = object.metadata as { generation?: bigint };
  if (status?.observedGeneration !== undefined && metadata.generation !== undefined) {
    if (status.observedGeneration !== metadata.generation) return 'InProgress';
  }
  const order: [string, Status][] = [
    [check.inProgress, 'InProgress'],
    [check.failed, 'Failed'],
    [check.current, 'Current'],
  ];
  try {
    for (const [expr, result] of order) if (evaluate(expr, object) === true) return result;
  } catch {
    return 'Unknown';
  }
  return 'InProgress';
}

/** A PackageInstall at generation 3; YAML integers as BigInt, as cel-go sees int64. */
function packageInstall(status?: string): Record<string, unknown> {
  const base = `apiVersion: packaging.carvel.dev/v1alpha1
kind: PackageInstall
metadata: {name: app, namespace: apps, generation: 3}
spec:
  serviceAccountName: app-installer
  packageRef: {refName: app.default.tap, versionSelection: {constraints: 1.2.0}}
`;
  return parse(status ? `${base}status:\n${status}` : base, { intAsBigInt: true });
}

const SUCCEEDED = `  observedGeneration: 3
  friendlyDescription: Reconcile succeeded
  conditions: [{type: ReconcileSucceeded, status: "True"}]
  version: 1.2.0
`;

describe('Flux judges a PackageInstall by what kapp-controller reports', () => {
  it('reconcile succeeded for the current generation: healthy', () => {
    expect(fluxStatus(packageInstall(SUCCEEDED))).toBe('Current');
    expect(evaluate(check.current, packageInstall(SUCCEEDED))).toBe(true);
  });

  it('succeeded for an older generation: not healthy yet, and the current expression agrees on its own', () => {
    const stale = packageInstall(SUCCEEDED.replace('observedGeneration: 3', 'observedGeneration: 2'));
    expect(fluxStatus(stale)).toBe('InProgress');
    expect(evaluate(check.current, stale)).toBe(false);
  });

  it('reconcile failed: failed (kstatus alone would have called it healthy)', () => {
    const failed = packageInstall(`  observedGeneration: 3
  friendlyDescription: 'Reconcile failed: Error (see .status.usefulErrorMessage for details)'
  usefulErrorMessage: 'kapp: Error: ...'
  conditions: [{type: ReconcileFailed, status: "True", message: "Error (see .status.usefulErrorMessage for details)"}]
`);
    expect(fluxStatus(failed)).toBe('Failed');
    expect(evaluate(check.current, failed)).toBe(false);
  });

  it('reconciling: in progress', () => {
    const reconciling = packageInstall(`  observedGeneration: 3
  friendlyDescription: Reconciling
  conditions: [{type: Reconciling, status: "True"}]
`);
    expect(fluxStatus(reconciling)).toBe('InProgress');
    expect(evaluate(check.inProgress, reconciling)).toBe(true);
  });

  it('no status yet: never healthy (the evaluation cannot see status, Flux waits)', () => {
    expect(fluxStatus(packageInstall())).toBe('Unknown');
    expect(() => evaluate(check.current, packageInstall())).toThrow(/status/);
  });

  it('status without conditions, or with conditions not True: not healthy, not failed', () => {
    for (const status of [
      '  observedGeneration: 3\n',
      '  observedGeneration: 3\n  conditions: []\n',
      '  observedGeneration: 3\n  conditions: [{type: ReconcileSucceeded, status: "False"}, {type: ReconcileFailed, status: "False"}]\n',
    ]) {
      expect(fluxStatus(packageInstall(status))).toBe('InProgress');
    }
  });

  it('a status without observedGeneration is not taken as current', () => {
    const noGen = packageInstall('  conditions: [{type: ReconcileSucceeded, status: "True"}]\n');
    expect(fluxStatus(noGen)).toBe('InProgress');
  });

  it('names the condition types kapp-controller defines (pkg/apis/kappctrl/v1alpha1/status.go)', () => {
    const types = [check.inProgress, check.failed, check.current].map(
      (e) => /c\.type == '(\w+)'/.exec(e)![1],
    );
    expect(types).toEqual(['Reconciling', 'ReconcileFailed', 'ReconcileSucceeded']);
  });
});
