/**
 * How Flux judges a PackageInstall (Kustomization v1 `healthCheckExprs`). Without this, `wait: true`
 * falls back to kstatus, which knows only `Reconciling` and `Stalled`: a PackageInstall whose
 * reconcile failed carries `ReconcileFailed` (kapp-controller, pkg/apis/kappctrl/v1alpha1/status.go)
 * and would count as healthy. v1beta2 has no such field.
 *
 * Flux (fluxcd/pkg runtime/cel) parses each expression without declarations and binds the object's
 * top-level fields as variables (`metadata`, `spec`, `status`); it first reports InProgress when
 * `status.observedGeneration` differs from `metadata.generation`, then tries inProgress, failed,
 * current in that order, and the first true one wins (none true: InProgress). An object with no
 * `status` yet makes `status` an unknown variable: the evaluation errors, Flux reads that as
 * Unknown and keeps waiting, which is right for a PackageInstall kapp-controller has not seen.
 * `exists` (not `filter(...).all(...)`, which is true for an empty list) requires the condition.
 */
export const PACKAGE_INSTALL_HEALTH_CHECK = {
  apiVersion: 'packaging.carvel.dev/v1alpha1',
  kind: 'PackageInstall',
  inProgress: conditionTrue('Reconciling'),
  failed: conditionTrue('ReconcileFailed'),
  current: [
    'has(status.observedGeneration)',
    'has(metadata.generation)',
    'status.observedGeneration == metadata.generation',
    conditionTrue('ReconcileSucceeded'),
  ].join(' && '),
} as const;

function conditionTrue(type: string): string {
  return `has(status.conditions) && status.conditions.exists(c, c.type == '${type}' && c.status == 'True')`;
}
