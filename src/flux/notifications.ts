/**
 * Commit statuses: notification-controller's `github` Provider posts one status per commit a
 * Kustomization applied, with the context `kustomization/<name>/<first segment of the Provider's
 * UID>` — `success` for info events, `failure` for errors. Promotion (`promoteWhen: healthy`) waits
 * on the packageinstalls Kustomization's status. Provider and Alert are served only as v1beta3.
 */
import { type BootstrapParams, objectNames } from './params.js';
import type { Manifest } from './yaml.js';

export const NOTIFICATION_API = 'notification.toolkit.fluxcd.io/v1beta3';

/** One Provider per component (the gitops repository it reports to); undefined when turned off. */
export function providerManifest(p: BootstrapParams): Manifest | undefined {
  if (!p.notifications) return undefined;
  return {
    object: {
      apiVersion: NOTIFICATION_API,
      kind: 'Provider',
      metadata: { name: objectNames(p.component, p.environment).provider, namespace: p.fluxNamespace },
      spec: {
        type: 'github',
        address: p.notifications.address,
        secretRef: { name: p.notifications.tokenSecretName },
      },
    },
  };
}

/** The environment's Alert: every event of its three Kustomizations goes to the Provider. */
export function alertManifest(p: BootstrapParams): Manifest | undefined {
  if (!p.notifications) return undefined;
  const names = objectNames(p.component, p.environment);
  return {
    object: {
      apiVersion: NOTIFICATION_API,
      kind: 'Alert',
      metadata: { name: names.alert, namespace: p.fluxNamespace },
      spec: {
        providerRef: { name: names.provider },
        eventSeverity: 'info',
        eventSources: [names.rbac, names.packages, names.packageInstalls].map((name) => ({
          kind: 'Kustomization',
          name,
        })),
      },
    },
  };
}
