/** Bootstrap parameters as the action would resolve them, for the renderer tests. */
import { type BootstrapParams, DEFAULT_TIMINGS, defaultPaths } from '../../src/flux/params.js';

export function params(overrides: Partial<BootstrapParams> = {}): BootstrapParams {
  const component = overrides.component ?? 'app.default.tap';
  const environment = overrides.environment ?? 'dev';
  return {
    component,
    environment,
    targetNamespace: 'apps',
    serviceAccountName: 'app-installer',
    fluxServiceAccountName: 'app-flux',
    kubeconfigSecretName: `${environment}-kubeconfig`,
    fluxNamespace: 'flux-system',
    fluxApiVersion: 'v1',
    gitUrl: 'https://github.com/acme/gitops.git',
    gitSecretName: `${component}-gitops-auth`,
    branch: 'main',
    paths: defaultPaths(component, environment),
    ...DEFAULT_TIMINGS,
    notifications: { address: 'https://github.com/acme/gitops', tokenSecretName: 'github-commit-status' },
    extraRules: [
      { apiGroups: ['apps'], resources: ['deployments'], verbs: ['get', 'list', 'create', 'update'] },
    ],
    ...overrides,
  };
}
