/**
 * The built-in Kubernetes kinds bootstrap writes, with only what they require and what we use —
 * these have no CRD to derive from (they are compiled into the API server).
 */
const DNS_SUBDOMAIN = '^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$';
const DNS_LABEL = '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$';
const STRINGS = { type: 'array', items: { type: 'string' } };

/** metadata as the API server checks it: a DNS name, a namespace that is a DNS label. */
export const METADATA_SCHEMA = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', pattern: DNS_SUBDOMAIN, maxLength: 253 },
    namespace: { type: 'string', pattern: DNS_LABEL, maxLength: 63 },
    labels: { type: 'object', additionalProperties: { type: 'string' } },
    annotations: { type: 'object', additionalProperties: { type: 'string' } },
  },
};

function kind(
  apiVersion: string,
  kindName: string,
  extra: Record<string, unknown> = {},
  required: string[] = [],
) {
  return {
    type: 'object',
    required: ['apiVersion', 'kind', 'metadata', ...required],
    additionalProperties: false,
    properties: {
      apiVersion: { const: apiVersion },
      kind: { const: kindName },
      metadata: METADATA_SCHEMA,
      ...extra,
    },
  };
}

const POLICY_RULE = {
  type: 'object',
  required: ['verbs'],
  additionalProperties: false,
  properties: {
    apiGroups: STRINGS,
    resources: STRINGS,
    resourceNames: STRINGS,
    verbs: { ...STRINGS, minItems: 1 },
  },
};

const ROLE_REF = {
  type: 'object',
  required: ['apiGroup', 'kind', 'name'],
  additionalProperties: false,
  properties: {
    apiGroup: { const: 'rbac.authorization.k8s.io' },
    kind: { enum: ['Role', 'ClusterRole'] },
    name: { type: 'string', minLength: 1 },
  },
};

const SUBJECT = {
  type: 'object',
  required: ['kind', 'name'],
  additionalProperties: false,
  properties: {
    kind: { enum: ['ServiceAccount', 'User', 'Group'] },
    name: { type: 'string', minLength: 1 },
    namespace: { type: 'string', pattern: DNS_LABEL },
    apiGroup: { type: 'string' },
  },
  // A ServiceAccount subject without a namespace is refused by the API server.
  anyOf: [{ properties: { kind: { not: { const: 'ServiceAccount' } } } }, { required: ['namespace'] }],
};

/** Keyed like the CRD schemas: `group/version/Kind`, the core group as ''. */
export const CORE_SCHEMAS: Record<string, object> = {
  '/v1/Namespace': kind('v1', 'Namespace'),
  '/v1/ServiceAccount': kind('v1', 'ServiceAccount'),
  // The values Secret of an environment folder: string values only (bootstrap never writes `data`).
  '/v1/Secret': kind('v1', 'Secret', {
    type: { type: 'string' },
    stringData: { type: 'object', additionalProperties: { type: 'string' } },
  }),
  'rbac.authorization.k8s.io/v1/Role': kind('rbac.authorization.k8s.io/v1', 'Role', {
    rules: { type: 'array', items: POLICY_RULE },
  }),
  'rbac.authorization.k8s.io/v1/RoleBinding': kind(
    'rbac.authorization.k8s.io/v1',
    'RoleBinding',
    { roleRef: ROLE_REF, subjects: { type: 'array', items: SUBJECT } },
    ['roleRef'],
  ),
  'kustomize.config.k8s.io/v1beta1/Kustomization': {
    type: 'object',
    required: ['apiVersion', 'kind', 'resources'],
    properties: {
      apiVersion: { const: 'kustomize.config.k8s.io/v1beta1' },
      kind: { const: 'Kustomization' },
      resources: { ...STRINGS, minItems: 1 },
    },
  },
};
