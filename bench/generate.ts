/**
 * Synthetic gitops repos in TAP's layout for the benchmark: N components × 5 environments, each
 * component with 2–3 Packages whose valuesSchema is shaped like ytt's OpenAPI output and sized like
 * a real one (30–60 properties, nested, 3–8 KB per file), and values per environment that are valid
 * against the Package version the environment runs. Deterministic: the same seed writes the same
 * bytes, and a repo already generated with the same parameters is reused.
 *
 * Run alone: `node --import tsx bench/generate.ts [components] [outDir]`.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';

/** Bump when the output changes, so cached repos are regenerated. */
const GENERATOR_VERSION = 5;

export const ENVIRONMENTS = ['dev', 'qa', 'staging', 'prod-us', 'prod-eu'] as const;

export interface GenerateOptions {
  components: number;
  seed?: number;
}

export interface GeneratedRepo {
  dir: string;
  components: number;
  environments: number;
  /** Every file written (all YAML). */
  files: number;
  packages: number;
  bytes: number;
  /** Mean size of a Package file in bytes. */
  meanPackageBytes: number;
  /** Mean number of schema properties (all nesting levels) per Package. */
  meanSchemaProperties: number;
  reused: boolean;
}

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

type Rng = () => number;

/** mulberry32: small, fast, good enough for test data. */
function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const chance = (rng: Rng, p: number) => rng() < p;
function sample<T>(rng: Rng, items: readonly T[], n: number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
}
const hex = (rng: Rng, n: number) => Array.from({ length: n }, () => int(rng, 0, 15).toString(16)).join('');

// ---------------------------------------------------------------------------------------------
// A small model of a ytt data-values schema: enough to write the OpenAPI and to make valid values.

type Field =
  | { type: 'string'; default: string; description: string; minLength?: number; enum?: string[] }
  | { type: 'integer'; default: number; description: string; minimum?: number; maximum?: number }
  | { type: 'boolean'; default: boolean; description: string }
  | { type: 'object'; description: string; properties: Record<string, Field> }
  | { type: 'array'; description: string; default: unknown[]; items: Field }
  /** `@schema/type any=True`: no type, nullable. */
  | { type: 'any'; description: string };

const S = (d: string, description: string, extra: { minLength?: number; enum?: string[] } = {}): Field => ({
  type: 'string',
  default: d,
  description,
  ...extra,
});
const I = (d: number, description: string, extra: { minimum?: number; maximum?: number } = {}): Field => ({
  type: 'integer',
  default: d,
  description,
  ...extra,
});
const B = (d: boolean, description: string): Field => ({ type: 'boolean', default: d, description });
const O = (description: string, properties: Record<string, Field>): Field => ({
  type: 'object',
  description,
  properties,
});
const A = (description: string, items: Field, d: unknown[] = []): Field => ({
  type: 'array',
  description,
  default: d,
  items,
});
const ANY = (description: string): Field => ({ type: 'any', description });

const LOG_LEVELS = ['debug', 'info', 'warn', 'error'];

function baseSchema(): Record<string, Field> {
  return {
    replicas: I(1, 'Number of replicas of the Deployment when autoscaling is off.', { minimum: 1 }),
    hostname: S('', 'Host name the workload is reachable at. Empty uses the default domain of the cluster.'),
    port: I(8080, 'Container port the workload listens on.', { minimum: 1, maximum: 65535 }),
    log_level: S('info', 'Log level of the workload.', { enum: LOG_LEVELS }),
    image_pull_policy: S('IfNotPresent', 'Pull policy of the workload image.', {
      enum: ['Always', 'IfNotPresent', 'Never'],
    }),
    resources: O('Compute resources of the workload container.', {
      limits: O('Resource limits.', {
        cpu: S('1', 'CPU limit.', { minLength: 1 }),
        memory: S('1Gi', 'Memory limit.', { minLength: 1 }),
      }),
      requests: O('Resource requests.', {
        cpu: S('100m', 'CPU request.', { minLength: 1 }),
        memory: S('256Mi', 'Memory request.', { minLength: 1 }),
      }),
    }),
    ingress: O('Expose the workload outside the cluster through an HTTPProxy.', {
      enabled: B(false, 'Create an HTTPProxy for the workload.'),
      class: S('contour', 'Ingress class of the HTTPProxy.', { minLength: 1 }),
      tls: O('TLS settings of the HTTPProxy.', {
        enabled: B(false, 'Serve HTTPS with a certificate signed by cluster_issuer.'),
        cluster_issuer: S('tap-ingress-selfsigned', 'cert-manager ClusterIssuer that signs the certificate.'),
        secret_name: S('', 'Secret holding the certificate. Empty derives the name from the workload.'),
      }),
    }),
    env: A(
      'Extra environment variables of the workload container.',
      O('', { name: S('', 'Variable name.', { minLength: 1 }), value: S('', 'Variable value.') }),
    ),
  };
}

/** Optional groups a service might declare; each component draws a few. */
const GROUPS: Record<string, () => Field> = {
  database: () =>
    O('PostgreSQL connection. Credentials come from credentials_secret, never from values.', {
      host: S('postgres.svc.cluster.local', 'Database host.', { minLength: 1 }),
      port: I(5432, 'Database port.', { minimum: 1, maximum: 65535 }),
      name: S('app', 'Database name.', { minLength: 1 }),
      credentials_secret: S('db-credentials', 'Secret with username and password keys.', { minLength: 1 }),
      ssl_mode: S('verify-full', 'libpq sslmode.', {
        enum: ['disable', 'require', 'verify-ca', 'verify-full'],
      }),
      pool_size: I(10, 'Connections per replica.', { minimum: 1, maximum: 100 }),
      migrations: O('Schema migrations run before the workload starts.', {
        enabled: B(true, 'Run migrations in an init container.'),
        schema: S('public', 'Schema the migrations apply to.', { minLength: 1 }),
      }),
    }),
  cache: () =>
    O('Redis cache.', {
      enabled: B(false, 'Use the cache.'),
      host: S('redis.svc.cluster.local', 'Redis host.', { minLength: 1 }),
      port: I(6379, 'Redis port.', { minimum: 1, maximum: 65535 }),
      ttl_seconds: I(300, 'Time to live of an entry.', { minimum: 1 }),
      max_entries: I(10000, 'Entries kept before eviction.', { minimum: 1 }),
    }),
  messaging: () =>
    O('Message broker the workload consumes from and publishes to.', {
      broker: S('kafka', 'Broker kind.', { enum: ['kafka', 'rabbitmq', 'nats'] }),
      bootstrap_servers: A('Broker addresses.', S('', 'host:port of one broker.', { minLength: 1 }), [
        'kafka.svc.cluster.local:9092',
      ]),
      topic_prefix: S('', 'Prefix of every topic name.'),
      consumer_group: S('app', 'Consumer group id.', { minLength: 1 }),
      max_in_flight: I(5, 'Unacknowledged messages per consumer.', { minimum: 1, maximum: 1000 }),
    }),
  autoscaling: () =>
    O('HorizontalPodAutoscaler.', {
      enabled: B(false, 'Scale on CPU and memory instead of a fixed replica count.'),
      min_replicas: I(2, 'Lower bound.', { minimum: 1 }),
      max_replicas: I(10, 'Upper bound.', { minimum: 1 }),
      target_cpu_utilization: I(70, 'Target average CPU in percent.', { minimum: 1, maximum: 100 }),
      target_memory_utilization: I(80, 'Target average memory in percent.', { minimum: 1, maximum: 100 }),
    }),
  observability: () =>
    O('Metrics and tracing.', {
      metrics: O('Prometheus metrics.', {
        enabled: B(true, 'Expose metrics and add scrape annotations.'),
        path: S('/metrics', 'Path of the metrics endpoint.', { minLength: 1 }),
        port: I(9090, 'Port of the metrics endpoint.', { minimum: 1, maximum: 65535 }),
      }),
      tracing: O('OpenTelemetry tracing.', {
        enabled: B(false, 'Send traces to the collector.'),
        endpoint: S('otel-collector.observability.svc:4317', 'OTLP gRPC endpoint.', { minLength: 1 }),
        sample_percent: I(10, 'Share of requests traced, in percent.', { minimum: 0, maximum: 100 }),
      }),
      log_format: S('text', 'Log output format.', { enum: ['text', 'json'] }),
    }),
  probes: () =>
    O('HTTP health probes of the workload container.', {
      liveness_path: S('/livez', 'Path of the liveness probe.', { minLength: 1 }),
      readiness_path: S('/readyz', 'Path of the readiness probe.', { minLength: 1 }),
      initial_delay_seconds: I(5, 'Seconds before the first probe.', { minimum: 0 }),
      period_seconds: I(10, 'Seconds between probes.', { minimum: 1 }),
      failure_threshold: I(3, 'Failed probes before a restart.', { minimum: 1 }),
    }),
  security: () =>
    O('Pod security settings.', {
      run_as_user: I(1000, 'UID the container runs as.', { minimum: 1 }),
      read_only_root_filesystem: B(true, 'Mount the root filesystem read-only.'),
      network_policy: O('NetworkPolicy for the workload.', {
        enabled: B(true, 'Deny ingress except from allowed_namespaces.'),
        allowed_namespaces: A(
          'Namespaces allowed to call the workload.',
          S('', 'A namespace.', { minLength: 1 }),
        ),
      }),
    }),
  scheduling: () =>
    O('Where the pods run.', {
      node_selector: ANY('Node selector of the pods.'),
      tolerations: ANY('Tolerations of the pods.'),
      priority_class: S('', 'PriorityClass of the pods.'),
      spread_across_zones: B(true, 'Add a topology spread constraint over zones.'),
    }),
  service: () =>
    O('The Kubernetes Service.', {
      type: S('ClusterIP', 'Service type.', { enum: ['ClusterIP', 'NodePort', 'LoadBalancer'] }),
      annotations: ANY('Annotations of the Service.'),
      session_affinity: S('None', 'Session affinity.', { enum: ['None', 'ClientIP'] }),
    }),
  storage: () =>
    O('Persistent volume of the workload.', {
      enabled: B(false, 'Mount a PersistentVolumeClaim.'),
      size: S('10Gi', 'Requested size.', { minLength: 1 }),
      storage_class: S('', 'StorageClass. Empty uses the default class.'),
      access_mode: S('ReadWriteOnce', 'Access mode.', {
        enum: ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany'],
      }),
      mount_path: S('/data', 'Where the volume is mounted.', { minLength: 1 }),
    }),
  oauth: () =>
    O('OpenID Connect client of the workload.', {
      issuer_url: S('https://login.example.com', 'Issuer URL.', { minLength: 1 }),
      client_id: S('app', 'Client id.', { minLength: 1 }),
      client_secret_ref: S('oidc-client', 'Secret with the client secret.', { minLength: 1 }),
      scopes: A('Requested scopes.', S('', 'A scope.', { minLength: 1 }), ['openid', 'profile']),
      audience: S('', 'Expected audience of access tokens.'),
    }),
};

const FEATURE_NAMES = [
  'fraud_check',
  'instant_payouts',
  'new_checkout',
  'dark_mode',
  'bulk_export',
  'audit_log',
  'rate_limiting',
  'beta_api',
  'async_invoices',
  'geo_routing',
  'smart_retries',
  'partial_refunds',
];

function featureGroup(rng: Rng): Field {
  const props: Record<string, Field> = {};
  for (const name of sample(rng, FEATURE_NAMES, int(rng, 3, 6)))
    props[name] = B(chance(rng, 0.5), `Switch for ${name.replaceAll('_', ' ')}.`);
  return O('Feature switches.', props);
}

/** The schemas of a component's versions: each newer version adds fields (supersets, as real releases do). */
function componentSchemas(rng: Rng, versions: number): Record<string, Field>[] {
  const props = baseSchema();
  for (const group of sample(rng, Object.keys(GROUPS), int(rng, 1, 2))) props[group] = GROUPS[group]!();
  if (chance(rng, 0.5)) props.features = featureGroup(rng);
  const schemas = [structuredClone(props)];
  const spare = Object.keys(GROUPS).filter((g) => !(g in props));
  for (let v = 1; v < versions; v++) {
    const group = spare.splice(int(rng, 0, spare.length - 1), 1)[0];
    if (group) props[group] = GROUPS[group]!();
    schemas.push(structuredClone(props));
  }
  return schemas;
}

function toOpenApi(field: Field): Record<string, unknown> {
  const described = field.description ? { description: field.description } : {};
  switch (field.type) {
    case 'object':
      return {
        additionalProperties: false,
        ...described,
        properties: Object.fromEntries(Object.entries(field.properties).map(([k, f]) => [k, toOpenApi(f)])),
        type: 'object',
      };
    case 'array':
      return { default: field.default, ...described, items: toOpenApi(field.items), type: 'array' };
    case 'any':
      return { default: null, ...described, nullable: true };
    default: {
      const { type, default: d, description: _, ...rest } = field;
      return { default: d, ...described, ...rest, type };
    }
  }
}

function countProperties(field: Field): number {
  if (field.type === 'object')
    return Object.values(field.properties).reduce((n, f) => n + 1 + countProperties(f), 0);
  if (field.type === 'array') return countProperties(field.items);
  return 0;
}

/** A value that satisfies the field's schema. */
function valueFor(rng: Rng, field: Field, key: string): unknown {
  switch (field.type) {
    case 'string':
      if (field.enum) return pick(rng, field.enum);
      if (key === 'cpu') return pick(rng, ['250m', '500m', '1', '2']);
      if (key === 'memory') return pick(rng, ['512Mi', '1Gi', '2Gi']);
      return `${key.replaceAll('_', '-')}-${hex(rng, 4)}`;
    case 'integer': {
      const min = field.minimum ?? 0;
      const max = field.maximum ?? Math.max(min + 20, field.default * 3);
      return int(rng, min, max);
    }
    case 'boolean':
      return chance(rng, 0.5);
    case 'object':
      return valuesFor(rng, field.properties, 0.6);
    case 'array':
      return Array.from({ length: int(rng, 1, 3) }, () =>
        field.items.type === 'object'
          ? valuesFor(rng, field.items.properties, 1)
          : valueFor(rng, field.items, key),
      );
    case 'any':
      return { [`example.com/${key.replaceAll('_', '-')}`]: `v${int(rng, 1, 9)}` };
  }
}

function valuesFor(rng: Rng, props: Record<string, Field>, p: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(props)) if (chance(rng, p)) out[key] = valueFor(rng, field, key);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Files

const WORDS = [
  'orders',
  'payments',
  'catalog',
  'inventory',
  'billing',
  'search',
  'checkout',
  'shipping',
  'notifications',
  'accounts',
  'ledger',
  'pricing',
  'reviews',
  'recommendations',
  'identity',
  'profile',
  'cart',
  'fulfillment',
  'gateway',
  'reporting',
];

const YAML_OPTIONS = { indentSeq: false, lineWidth: 80 } as const;

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  return value;
}

function versionsOf(rng: Rng, tapStyle: boolean, n: number): string[] {
  if (tapStyle) {
    // TAP's carvel-package-workflow: a build timestamp as the major version.
    let t = Date.UTC(
      2023,
      int(rng, 0, 5),
      int(rng, 1, 28),
      int(rng, 0, 23),
      int(rng, 0, 59),
      int(rng, 0, 59),
    );
    return Array.from({ length: n }, () => {
      t += int(rng, 1, 20) * 86_400_000 + int(rng, 0, 86_399) * 1000;
      return `${new Date(t).toISOString().replace(/[-:T]/g, '').slice(0, 14)}.0.0`;
    });
  }
  const major = int(rng, 0, 3);
  let minor = int(rng, 0, 12);
  return Array.from({ length: n }, () => `${major}.${minor++}.${int(rng, 0, 4)}`);
}

function releasedAt(version: string, rng: Rng): string {
  if (/^\d{14}\./.test(version)) {
    const t = version;
    return `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}T${t.slice(8, 10)}:${t.slice(10, 12)}:${t.slice(12, 14)}Z`;
  }
  return `2023-${String(int(rng, 1, 12)).padStart(2, '0')}-${String(int(rng, 1, 28)).padStart(2, '0')}T10:00:00Z`;
}

function packageYaml(rng: Rng, refName: string, version: string, schema: Record<string, Field>): string {
  const openAPIv3 = toOpenApi(O('', schema));
  delete openAPIv3.description;
  const doc = sortKeys({
    apiVersion: 'data.packaging.carvel.dev/v1alpha1',
    kind: 'Package',
    metadata: { name: `${refName}.${version}` },
    spec: {
      refName,
      version,
      releasedAt: releasedAt(version, rng),
      releaseNotes: `https://github.com/example/${refName.split('.')[0]}/releases/tag/v${version}`,
      licenses: ['Apache 2.0'],
      template: {
        spec: {
          fetch: [
            { imgpkgBundle: { image: `registry.example.com/apps/${refName}-bundle@sha256:${hex(rng, 64)}` } },
          ],
          template: [{ ytt: { paths: ['.'] } }, { kbld: { paths: ['.imgpkg/images.yml', '-'] } }],
          deploy: [{ kapp: { rawOptions: ['--wait-timeout=5m'] } }],
        },
      },
      valuesSchema: { openAPIv3 },
    },
  });
  return stringify(doc, YAML_OPTIONS).replace(/^( {2}releasedAt: )(.*)$/m, '$1"$2"');
}

function packageInstallYaml(component: string, version: string): string {
  return `apiVersion: packaging.carvel.dev/v1alpha1
kind: PackageInstall
metadata:
  name: ${component}
spec:
  serviceAccountName: app-installer
  packageRef:
    refName: ${component}
    versionSelection:
      constraints: ${version}
  values:
  - secretRef:
      name: ${component}-values
`;
}

function paramsYaml(component: string, values: Record<string, unknown>): string {
  const body = stringify(values, YAML_OPTIONS)
    .trimEnd()
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
  return `apiVersion: v1
kind: Secret
metadata:
  name: ${component}-values
stringData:
  values.yaml: |
${body}
`;
}

const KUSTOMIZATION = `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
- packageinstall.yaml
- params.yaml
`;

const FLUX_PKG = `defaults:
  serviceAccountName: app-installer
  constraint: "{version}"
environments:
- name: dev
- name: qa
  promoteFrom: dev
- name: staging
  promoteFrom: qa
- name: prod-us
  promoteFrom: staging
  reviewers: [oncall]
- name: prod-eu
  promoteFrom: staging
  reviewers: [oncall]
`;

/** Write the repo into `dir` (replacing what is there), or reuse it when it was generated the same way. */
export function generate(dir: string, options: GenerateOptions): GeneratedRepo {
  const seed = options.seed ?? 20230321;
  const stamp = { generator: GENERATOR_VERSION, seed, components: options.components };
  // Beside the repo, not in it: the repo holds only what a gitops repo would.
  const stampPath = `${dir}.json`;
  if (existsSync(stampPath)) {
    const previous = JSON.parse(readFileSync(stampPath, 'utf8')) as typeof stamp & { result: GeneratedRepo };
    if (
      previous.generator === stamp.generator &&
      previous.seed === stamp.seed &&
      previous.components === stamp.components
    )
      return { ...previous.result, dir, reused: true };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });

  const rng = mulberry32(seed);
  let files = 0;
  let bytes = 0;
  let packages = 0;
  let packageBytes = 0;
  let schemaProperties = 0;
  const write = (path: string, text: string) => {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
    files++;
    bytes += Buffer.byteLength(text);
  };

  write('flux-pkg.yaml', FLUX_PKG);
  for (let i = 0; i < options.components; i++) {
    const tapStyle = i % 4 === 0;
    const component = `${WORDS[i % WORDS.length]}-${i}.${tapStyle ? 'default.tap' : 'apps.example.com'}`;
    const count = int(rng, 2, 3);
    const versions = versionsOf(rng, tapStyle, count);
    const schemas = componentSchemas(rng, count);
    versions.forEach((version, v) => {
      const text = packageYaml(rng, component, version, schemas[v]!);
      write(`${component}/packages/${version}.yaml`, text);
      packages++;
      packageBytes += Buffer.byteLength(text);
      schemaProperties += countProperties(O('', schemas[v]!));
    });
    // With 3 versions the newest sometimes waits to be planned; prod runs one version behind.
    const installed = count === 3 && chance(rng, 0.3) ? count - 2 : count - 1;
    for (const env of ENVIRONMENTS) {
      const v = env.startsWith('prod') ? installed - 1 : installed;
      const values = valuesFor(rng, schemas[v]!, 0.45);
      values.hostname = `${component.split('.')[0]}.${env}.example.com`;
      write(`${component}/${env}/packageinstall.yaml`, packageInstallYaml(component, versions[v]!));
      write(`${component}/${env}/params.yaml`, paramsYaml(component, values));
      write(`${component}/${env}/kustomization.yaml`, KUSTOMIZATION);
    }
  }
  const result: GeneratedRepo = {
    dir,
    components: options.components,
    environments: ENVIRONMENTS.length,
    files,
    packages,
    bytes,
    meanPackageBytes: Math.round(packageBytes / packages),
    meanSchemaProperties: Math.round(schemaProperties / packages),
    reused: false,
  };
  writeFileSync(stampPath, JSON.stringify({ ...stamp, result }, null, 2));
  return result;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const components = Number(process.argv[2] ?? 100);
  const out = process.argv[3] ?? join(dirname(fileURLToPath(import.meta.url)), 'out', `repo-${components}`);
  console.log(JSON.stringify(generate(out, { components })));
}
