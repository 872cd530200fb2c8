/** Small gitops repos as plain objects: the planner's test fixtures. */

export const SCHEMA = `      openAPIv3:
        type: object
        additionalProperties: false
        properties:
          replicas:
            type: integer
            minimum: 1
            default: 1
          hostname:
            type: string
            minLength: 1
            default: app.example.com
          port:
            type: integer
            minimum: 1
            maximum: 65535
            default: 8080
          log_level:
            type: string
            enum: [debug, info, warn, error]
            default: info
          resources:
            type: object
            additionalProperties: false
            properties:
              cpu:
                type: string
                default: 100m
              memory:
                type: string
                default: 128Mi`;

export function packageFile(refName: string, version: string, schema = SCHEMA): string {
  return `apiVersion: data.packaging.carvel.dev/v1alpha1
kind: Package
metadata:
  name: ${refName}.${version}
spec:
  refName: ${refName}
  version: "${version}"
  releasedAt: "2023-03-21T00:40:57Z"
  valuesSchema:
${schema}
  template:
    spec:
      fetch:
      - imgpkgBundle:
          image: registry.example.com/apps/${refName}@sha256:0123456789abcdef
      template:
      - ytt:
          paths: ["."]
      deploy:
      - kapp: {}
`;
}

export function packageInstallFile(refName: string, constraint: string, extra = ''): string {
  return `# Managed through pull requests: the version comes from the Package the supply chain wrote.
apiVersion: packaging.carvel.dev/v1alpha1
kind: PackageInstall
metadata:
  name: ${refName}
  annotations:
    team: payments # a field a person added
spec:
  serviceAccountName: default-ns-sa
  packageRef:
    refName: ${refName}
    versionSelection:
      constraints: ${constraint}
  values:
  - secretRef:
      name: ${refName}-values
${extra}`;
}

export function paramsFile(refName: string, values: string): string {
  const body = values
    .split('\n')
    .map((l) => (l ? `    ${l}` : l))
    .join('\n');
  return `apiVersion: v1
kind: Secret
metadata:
  name: ${refName}-values
stringData:
  values.yaml: |
${body}`;
}

export const KUSTOMIZATION = `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
- packageinstall.yaml
- params.yaml
`;

/** app.default.tap with 1.0.0 deployed to dev and prod, and 1.1.0 just written by the supply chain. */
export function sampleRepo(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const ref = 'app.default.tap';
  const files: Record<string, string | undefined> = {
    [`${ref}/packages/1.0.0.yaml`]: packageFile(ref, '1.0.0'),
    [`${ref}/packages/1.1.0.yaml`]: packageFile(ref, '1.1.0'),
    [`${ref}/dev/packageinstall.yaml`]: packageInstallFile(ref, '1.0.0'),
    [`${ref}/dev/params.yaml`]: paramsFile(ref, '---\nreplicas: 2\nhostname: dev.example.com\n'),
    [`${ref}/dev/kustomization.yaml`]: KUSTOMIZATION,
    [`${ref}/prod/packageinstall.yaml`]: packageInstallFile(ref, '1.0.0'),
    [`${ref}/prod/params.yaml`]: paramsFile(
      ref,
      'replicas: 3\nhostname: app.example.com\nresources:\n  cpu: 500m\n',
    ),
    [`${ref}/prod/kustomization.yaml`]: KUSTOMIZATION,
    ...overrides,
  };
  return Object.fromEntries(Object.entries(files).filter((e): e is [string, string] => e[1] !== undefined));
}
