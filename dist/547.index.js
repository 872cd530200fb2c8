export const id = 547;
export const ids = [547];
export const modules = {

/***/ 2261:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Wd: () => (/* binding */ objectNames),
/* harmony export */   ko: () => (/* binding */ DEFAULT_TIMINGS),
/* harmony export */   te: () => (/* binding */ KAPP_CONFIGMAP_RULE)
/* harmony export */ });
/* unused harmony export defaultPaths */
/**
 * What one environment's bootstrap renders from: every name, path and switch already resolved
 * (from action inputs, CLI flags, flux-pkg.yaml and the defaults below). The renderers in this
 * folder only turn it into YAML; they decide nothing about where values come from.
 */
/** Names of the Brain cluster's objects, derived from component and environment only. */
function objectNames(component, environment) {
    const prefix = `${component}-${environment}`;
    return {
        gitRepository: `${component}-gitops-repo`,
        provider: `${component}-github`,
        alert: prefix,
        rbac: `${prefix}-rbac`,
        packages: `${prefix}-packages`,
        packageInstalls: `${prefix}-packageinstalls`,
    };
}
/** Where bootstrap writes, by default. `componentsPath` is flux-pkg.yaml's layout.componentsPath. */
function defaultPaths(component, environment, componentsPath = '', packagesDir = 'packages') {
    const base = componentsPath.replace(/^\.?\/+|\/+$/g, '');
    const dir = base ? `${base}/${component}` : component;
    return {
        brainDir: `clusters/brain/${component}`,
        packagesDir: `${dir}/${packagesDir}`,
        environmentDir: `${dir}/${environment}`,
        rbacDir: `${dir}/${environment}-rbac`,
    };
}
const DEFAULT_TIMINGS = {
    interval: '5m',
    timeout: '5m',
    gitInterval: '1m',
    gitTimeout: '60s',
};
/** The seed's rule: kapp records what it deployed in ConfigMaps, whatever the Package deploys. */
const KAPP_CONFIGMAP_RULE = {
    apiGroups: [''],
    resources: ['configmaps'],
    verbs: ['get', 'list', 'create', 'update', 'delete'],
};


/***/ }),

/***/ 5863:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Az: () => (/* binding */ RBAC_FILE),
/* harmony export */   SV: () => (/* binding */ RESERVED_NAMESPACES),
/* harmony export */   Xf: () => (/* binding */ renderRbac),
/* harmony export */   dY: () => (/* binding */ isFluxControllerAccount)
/* harmony export */ });
/* unused harmony exports FLUX_APPLY_RULES, rbacManifests */
/* harmony import */ var _params_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2261);
/* harmony import */ var _yaml_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8420);
/**
 * The run cluster's RBAC for one environment. Two accounts with different jobs:
 * - kapp-controller installs the Package as `serviceAccountName` (in the target namespace), so that
 *   account needs the ConfigMap rule kapp keeps its records with, plus whatever the Package deploys;
 * - Flux applies Packages, PackageInstalls and Secrets as `fluxServiceAccountName`. Flux looks the
 *   impersonated account up in the namespace named like its own Kustomization's (the Flux
 *   namespace), on the run cluster; the Role it is bound to is in the target namespace.
 * An account cannot grant itself rights, so this folder is applied by a Kustomization with no
 * serviceAccountName (the kubeconfig's identity) and no targetNamespace (objects sit in two
 * namespaces, each named explicitly).
 */


const RBAC_API = 'rbac.authorization.k8s.io/v1';
const APPLY_VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'];
/** What Flux applies into the target namespace: the Packages, the PackageInstall and its values Secret. */
const FLUX_APPLY_RULES = [
    { apiGroups: ['data.packaging.carvel.dev'], resources: ['packages'], verbs: APPLY_VERBS },
    { apiGroups: ['packaging.carvel.dev'], resources: ['packageinstalls'], verbs: APPLY_VERBS },
    { apiGroups: [''], resources: ['secrets'], verbs: APPLY_VERBS },
];
/** Namespaces a Package never installs into: the cluster's own and Flux's. */
const RESERVED_NAMESPACES = ['flux-system', 'kube-system', 'kube-public', 'kube-node-lease'];
/**
 * Flux's controllers' ServiceAccounts: impersonating one applies with the controller's own
 * (cluster-admin) rights, which is what serviceAccountName exists to avoid.
 */
function isFluxControllerAccount(name) {
    return /^(?:kustomize|helm|source|notification|source-watcher)-controller$|^image-/.test(name);
}
const RBAC_FILE = 'rbac.yaml';
/** Pruning a Kustomization must never delete a namespace and everything in it. */
const KEEP_ON_PRUNE = { 'kustomize.toolkit.fluxcd.io/prune': 'disabled' };
function rbacManifests(p) {
    const installer = p.serviceAccountName;
    const applier = p.fluxServiceAccountName;
    const namespaces = [...new Set([p.targetNamespace, p.fluxNamespace])];
    return [
        ...namespaces.map((name) => ({
            object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name, annotations: KEEP_ON_PRUNE } },
        })),
        {
            comment: 'The account kapp-controller installs the Package with.',
            object: serviceAccount(installer, p.targetNamespace),
        },
        { object: role(installer, p.targetNamespace, [_params_js__WEBPACK_IMPORTED_MODULE_0__/* .KAPP_CONFIGMAP_RULE */ .te, ...p.extraRules]) },
        { object: roleBinding(installer, p.targetNamespace, installer, p.targetNamespace) },
        {
            comment: `The account Flux impersonates (it must live in ${p.fluxNamespace}, like the Kustomizations).`,
            object: serviceAccount(applier, p.fluxNamespace),
        },
        { object: role(applier, p.targetNamespace, FLUX_APPLY_RULES) },
        { object: roleBinding(applier, p.targetNamespace, applier, p.fluxNamespace) },
    ];
}
function renderRbac(p) {
    return (0,_yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .renderManifests */ .hO)(rbacManifests(p));
}
function serviceAccount(name, namespace) {
    return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace } };
}
function role(name, namespace, rules) {
    return { apiVersion: RBAC_API, kind: 'Role', metadata: { name, namespace }, rules: rules.map(copyRule) };
}
function roleBinding(name, namespace, account, accountNamespace) {
    return {
        apiVersion: RBAC_API,
        kind: 'RoleBinding',
        metadata: { name, namespace },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name },
        subjects: [{ kind: 'ServiceAccount', name: account, namespace: accountNamespace }],
    };
}
function copyRule(rule) {
    const copy = {
        apiGroups: [...rule.apiGroups],
        resources: [...rule.resources],
        verbs: [...rule.verbs],
    };
    if (rule.resourceNames)
        copy.resourceNames = [...rule.resourceNames];
    return copy;
}


/***/ }),

/***/ 2273:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gr: () => (/* binding */ checkObject),
  Yt: () => (/* binding */ checkRenderedFile),
  D$: () => (/* binding */ schemaKey)
});

// UNUSED EXPORTS: knownKinds

// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var ajv = __webpack_require__(2463);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/diagnostics.ts
var src_diagnostics = __webpack_require__(4851);
// EXTERNAL MODULE: ./src/once.ts
var once = __webpack_require__(8094);
// EXTERNAL MODULE: ./src/sops/index.ts + 2 modules
var sops = __webpack_require__(6936);
;// CONCATENATED MODULE: ./src/flux/core-schemas.ts
/**
 * The built-in Kubernetes kinds bootstrap writes, with only what they require and what we use —
 * these have no CRD to derive from (they are compiled into the API server).
 */
const DNS_SUBDOMAIN = '^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$';
const DNS_LABEL = '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$';
const STRINGS = { type: 'array', items: { type: 'string' } };
/** metadata as the API server checks it: a DNS name, a namespace that is a DNS label. */
const METADATA_SCHEMA = {
    type: 'object',
    required: ['name'],
    properties: {
        name: { type: 'string', pattern: DNS_SUBDOMAIN, maxLength: 253 },
        namespace: { type: 'string', pattern: DNS_LABEL, maxLength: 63 },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
        annotations: { type: 'object', additionalProperties: { type: 'string' } },
    },
};
function kind(apiVersion, kindName, extra = {}, required = []) {
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
const core_schemas_CORE_SCHEMAS = {
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
    'rbac.authorization.k8s.io/v1/RoleBinding': kind('rbac.authorization.k8s.io/v1', 'RoleBinding', { roleRef: ROLE_REF, subjects: { type: 'array', items: SUBJECT } }, ['roleRef']),
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

;// CONCATENATED MODULE: ./src/flux/crd-schemas.json
const crd_schemas_namespaceObject = /*#__PURE__*/JSON.parse('{"jo":{"kustomize.toolkit.fluxcd.io/v1/Kustomization":{"properties":{"apiVersion":{"type":"string"},"kind":{"type":"string"},"metadata":{"type":"object"},"spec":{"properties":{"buildMetadata":{"items":{"enum":["originAnnotations","transformerAnnotations"],"type":"string"},"type":"array"},"commonMetadata":{"properties":{"annotations":{"additionalProperties":{"type":"string"},"type":"object"},"labels":{"additionalProperties":{"type":"string"},"type":"object"}},"type":"object","additionalProperties":false},"components":{"items":{"type":"string"},"type":"array"},"decryption":{"properties":{"provider":{"enum":["sops"],"type":"string"},"secretRef":{"properties":{"name":{"type":"string"}},"required":["name"],"type":"object","additionalProperties":false},"serviceAccountName":{"type":"string"}},"required":["provider"],"type":"object","additionalProperties":false},"deletionPolicy":{"enum":["MirrorPrune","Delete","WaitForTermination","Orphan"],"type":"string"},"dependsOn":{"items":{"properties":{"name":{"type":"string"},"namespace":{"type":"string"},"readyExpr":{"type":"string"}},"required":["name"],"type":"object","additionalProperties":false},"type":"array"},"force":{"type":"boolean"},"healthCheckExprs":{"items":{"properties":{"apiVersion":{"type":"string"},"current":{"type":"string"},"failed":{"type":"string"},"inProgress":{"type":"string"},"kind":{"type":"string"}},"required":["apiVersion","current"],"type":"object","additionalProperties":false},"type":"array"},"healthChecks":{"items":{"properties":{"apiVersion":{"type":"string"},"kind":{"type":"string"},"name":{"type":"string"},"namespace":{"type":"string"}},"required":["kind","name"],"type":"object","additionalProperties":false},"type":"array"},"ignore":{"items":{"properties":{"paths":{"items":{"type":"string"},"type":"array"},"target":{"properties":{"annotationSelector":{"type":"string"},"group":{"type":"string"},"kind":{"type":"string"},"labelSelector":{"type":"string"},"name":{"type":"string"},"namespace":{"type":"string"},"version":{"type":"string"}},"type":"object","additionalProperties":false}},"required":["paths"],"type":"object","additionalProperties":false},"type":"array"},"ignoreMissingComponents":{"type":"boolean"},"images":{"items":{"properties":{"digest":{"type":"string"},"name":{"type":"string"},"newName":{"type":"string"},"newTag":{"type":"string"}},"required":["name"],"type":"object","additionalProperties":false},"type":"array"},"interval":{"pattern":"^([0-9]+(\\\\.[0-9]+)?(ms|s|m|h))+$","type":"string"},"kubeConfig":{"properties":{"configMapRef":{"properties":{"name":{"type":"string"}},"required":["name"],"type":"object","additionalProperties":false},"secretRef":{"properties":{"key":{"type":"string"},"name":{"type":"string"}},"required":["name"],"type":"object","additionalProperties":false}},"type":"object","x-kubernetes-validations":[{"message":"exactly one of spec.kubeConfig.configMapRef or spec.kubeConfig.secretRef must be specified","rule":"has(self.configMapRef) || has(self.secretRef)"},{"message":"exactly one of spec.kubeConfig.configMapRef or spec.kubeConfig.secretRef must be specified","rule":"!has(self.configMapRef) || !has(self.secretRef)"}],"additionalProperties":false},"namePrefix":{"maxLength":200,"minLength":1,"type":"string"},"nameSuffix":{"maxLength":200,"minLength":1,"type":"string"},"patches":{"items":{"properties":{"patch":{"type":"string"},"target":{"properties":{"annotationSelector":{"type":"string"},"group":{"type":"string"},"kind":{"type":"string"},"labelSelector":{"type":"string"},"name":{"type":"string"},"namespace":{"type":"string"},"version":{"type":"string"}},"type":"object","additionalProperties":false}},"required":["patch"],"type":"object","additionalProperties":false},"type":"array"},"path":{"type":"string"},"postBuild":{"properties":{"substitute":{"additionalProperties":{"type":"string"},"type":"object"},"substituteFrom":{"items":{"properties":{"kind":{"enum":["Secret","ConfigMap"],"type":"string"},"name":{"maxLength":253,"minLength":1,"type":"string"},"optional":{"type":"boolean"}},"required":["kind","name"],"type":"object","additionalProperties":false},"type":"array"},"substituteStrategy":{"enum":["WithVariables","Always"],"type":"string"}},"type":"object","additionalProperties":false},"prune":{"type":"boolean"},"retryInterval":{"pattern":"^([0-9]+(\\\\.[0-9]+)?(ms|s|m|h))+$","type":"string"},"serviceAccountName":{"type":"string"},"sourceRef":{"properties":{"apiVersion":{"type":"string"},"kind":{"enum":["OCIRepository","GitRepository","Bucket","ExternalArtifact"],"type":"string"},"name":{"type":"string"},"namespace":{"type":"string"}},"required":["kind","name"],"type":"object","additionalProperties":false},"suspend":{"type":"boolean"},"targetNamespace":{"maxLength":63,"minLength":1,"type":"string"},"timeout":{"pattern":"^([0-9]+(\\\\.[0-9]+)?(ms|s|m|h))+$","type":"string"},"wait":{"type":"boolean"}},"required":["interval","prune","sourceRef"],"type":"object","additionalProperties":false}},"type":"object","additionalProperties":false},"kustomize.toolkit.fluxcd.io/v1beta2/Kustomization":{"properties":{"apiVersion":{"type":"string"},"kind":{"type":"string"},"metadata":{"type":"object"},"spec":{"properties":{"commonMetadata":{"properties":{"annotations":{"additionalProperties":{"type":"string"},"type":"object"},"labels":{"additionalProperties":{"type":"string"},"type":"object"}},"type":"object","additionalProperties":false},"components":{"items":{"type":"string"},"type":"array"},"decryption":{"properties":{"provider":{"enum":["sops"],"type":"string"},"secretRef":{"properties":{"name":{"type":"string"}},"required":["name"],"type":"object","additionalProperties":false}},"required":["provider"],"type":"object","additionalProperties":false},"dependsOn":{"items":{"properties":{"name":{"type":"string"},"namespace":{"type":"string"}},"required":["name"],"type":"object","additionalProperties":false},"type":"array"},"force":{"type":"boolean"},"healthChecks":{"items":{"properties":{"apiVersion":{"type":"string"},"kind":{"type":"string"},"name":{"type":"string"},"namespace":{"type":"string"}},"required":["kind","name"],"type":"object","additionalProperties":false},"type":"array"},"images":{"items":{"properties":{"digest":{"type":"string"},"name":{"type":"string"},"newName":{"type":"string"},"newTag":{"type":"string"}},"required":["name"],"type":"object","additionalProperties":false},"type":"array"},"interval":{"pattern":"^([0-9]+(\\\\.[0-9]+)?(ms|s|m|h))+$","type":"string"},"kubeConfig":{"properties":{"configMapRef":{"properties":{"name":{"type":"string"}},"required":["name"],"type":"object","additionalProperties":false},"secretRef":{"properties":{"key":{"type":"string"},"name":{"type":"string"}},"required":["name"],"type":"object","additionalProperties":false}},"type":"object","x-kubernetes-validations":[{"message":"exactly one of spec.kubeConfig.configMapRef or spec.kubeConfig.secretRef must be specified","rule":"has(self.configMapRef) || has(self.secretRef)"},{"message":"exactly one of spec.kubeConfig.configMapRef or spec.kubeConfig.secretRef must be specified","rule":"!has(self.configMapRef) || !has(self.secretRef)"}],"additionalProperties":false},"patches":{"items":{"properties":{"patch":{"type":"string"},"target":{"properties":{"annotationSelector":{"type":"string"},"group":{"type":"string"},"kind":{"type":"string"},"labelSelector":{"type":"string"},"name":{"type":"string"},"namespace":{"type":"string"},"version":{"type":"string"}},"type":"object","additionalProperties":false}},"required":["patch"],"type":"object","additionalProperties":false},"type":"array"},"patchesJson6902":{"items":{"properties":{"patch":{"items":{"properties":{"from":{"type":"string"},"op":{"enum":["test","remove","add","replace","move","copy"],"type":"string"},"path":{"type":"string"},"value":{"x-kubernetes-preserve-unknown-fields":true}},"required":["op","path"],"type":"object","additionalProperties":false},"type":"array"},"target":{"properties":{"annotationSelector":{"type":"string"},"group":{"type":"string"},"kind":{"type":"string"},"labelSelector":{"type":"string"},"name":{"type":"string"},"namespace":{"type":"string"},"version":{"type":"string"}},"type":"object","additionalProperties":false}},"required":["patch","target"],"type":"object","additionalProperties":false},"type":"array"},"patchesStrategicMerge":{"items":{"x-kubernetes-preserve-unknown-fields":true},"type":"array"},"path":{"type":"string"},"postBuild":{"properties":{"substitute":{"additionalProperties":{"type":"string"},"type":"object"},"substituteFrom":{"items":{"properties":{"kind":{"enum":["Secret","ConfigMap"],"type":"string"},"name":{"maxLength":253,"minLength":1,"type":"string"},"optional":{"type":"boolean"}},"required":["kind","name"],"type":"object","additionalProperties":false},"type":"array"}},"type":"object","additionalProperties":false},"prune":{"type":"boolean"},"retryInterval":{"pattern":"^([0-9]+(\\\\.[0-9]+)?(ms|s|m|h))+$","type":"string"},"serviceAccountName":{"type":"string"},"sourceRef":{"properties":{"apiVersion":{"type":"string"},"kind":{"enum":["OCIRepository","GitRepository","Bucket"],"type":"string"},"name":{"type":"string"},"namespace":{"type":"string"}},"required":["kind","name"],"type":"object","additionalProperties":false},"suspend":{"type":"boolean"},"targetNamespace":{"maxLength":63,"minLength":1,"type":"string"},"timeout":{"pattern":"^([0-9]+(\\\\.[0-9]+)?(ms|s|m|h))+$","type":"string"},"validation":{"enum":["none","client","server"],"type":"string"},"wait":{"type":"boolean"}},"required":["interval","prune","sourceRef"],"type":"object","additionalProperties":false}},"type":"object","additionalProperties":false},"source.toolkit.fluxcd.io/v1/GitRepository":{"properties":{"apiVersion":{"type":"string"},"kind":{"type":"string"},"metadata":{"type":"object"},"spec":{"properties":{"ignore":{"type":"string"},"include":{"items":{"properties":{"fromPath":{"type":"string"},"repository":{"properties":{"name":{"type":"string"}},"required":["name"],"type":"object","additionalProperties":false},"toPath":{"type":"string"}},"required":["repository"],"type":"object","additionalProperties":false},"type":"array"},"interval":{"pattern":"^([0-9]+(\\\\.[0-9]+)?(ms|s|m|h))+$","type":"string"},"provider":{"enum":["generic","aws","azure","github"],"type":"string"},"proxySecretRef":{"properties":{"name":{"type":"string"}},"required":["name"],"type":"object","additionalProperties":false},"recurseSubmodules":{"type":"boolean"},"ref":{"properties":{"branch":{"type":"string"},"commit":{"type":"string"},"name":{"type":"string"},"semver":{"type":"string"},"tag":{"type":"string"}},"type":"object","additionalProperties":false},"secretRef":{"properties":{"name":{"type":"string"}},"required":["name"],"type":"object","additionalProperties":false},"serviceAccountName":{"type":"string"},"sparseCheckout":{"items":{"type":"string"},"type":"array"},"suspend":{"type":"boolean"},"timeout":{"pattern":"^([0-9]+(\\\\.[0-9]+)?(ms|s|m))+$","type":"string"},"url":{"pattern":"^(http|https|ssh)://.*$","type":"string"},"verify":{"properties":{"mode":{"enum":["head","HEAD","Tag","TagAndHEAD"],"type":"string"},"secretRef":{"properties":{"name":{"type":"string"}},"required":["name"],"type":"object","additionalProperties":false}},"required":["secretRef"],"type":"object","additionalProperties":false}},"required":["interval","url"],"type":"object","x-kubernetes-validations":[{"message":"serviceAccountName can only be set when provider is \'azure\' or \'aws\'","rule":"!has(self.serviceAccountName) || (has(self.provider) && (self.provider == \'azure\' || self.provider == \'aws\'))"}],"additionalProperties":false}},"type":"object","additionalProperties":false},"source.toolkit.fluxcd.io/v1beta2/GitRepository":{"properties":{"apiVersion":{"type":"string"},"kind":{"type":"string"},"metadata":{"type":"object"},"spec":{"properties":{"accessFrom":{"properties":{"namespaceSelectors":{"items":{"properties":{"matchLabels":{"additionalProperties":{"type":"string"},"type":"object"}},"type":"object","additionalProperties":false},"type":"array"}},"required":["namespaceSelectors"],"type":"object","additionalProperties":false},"gitImplementation":{"enum":["go-git","libgit2"],"type":"string"},"ignore":{"type":"string"},"include":{"items":{"properties":{"fromPath":{"type":"string"},"repository":{"properties":{"name":{"type":"string"}},"required":["name"],"type":"object","additionalProperties":false},"toPath":{"type":"string"}},"required":["repository"],"type":"object","additionalProperties":false},"type":"array"},"interval":{"pattern":"^([0-9]+(\\\\.[0-9]+)?(ms|s|m|h))+$","type":"string"},"recurseSubmodules":{"type":"boolean"},"ref":{"properties":{"branch":{"type":"string"},"commit":{"type":"string"},"name":{"type":"string"},"semver":{"type":"string"},"tag":{"type":"string"}},"type":"object","additionalProperties":false},"secretRef":{"properties":{"name":{"type":"string"}},"required":["name"],"type":"object","additionalProperties":false},"suspend":{"type":"boolean"},"timeout":{"pattern":"^([0-9]+(\\\\.[0-9]+)?(ms|s|m))+$","type":"string"},"url":{"pattern":"^(http|https|ssh)://.*$","type":"string"},"verify":{"properties":{"mode":{"enum":["head"],"type":"string"},"secretRef":{"properties":{"name":{"type":"string"}},"required":["name"],"type":"object","additionalProperties":false}},"required":["mode","secretRef"],"type":"object","additionalProperties":false}},"required":["interval","url"],"type":"object","additionalProperties":false}},"type":"object","additionalProperties":false},"notification.toolkit.fluxcd.io/v1beta3/Provider":{"properties":{"apiVersion":{"type":"string"},"kind":{"type":"string"},"metadata":{"type":"object"},"spec":{"properties":{"address":{"maxLength":2048,"type":"string"},"certSecretRef":{"properties":{"name":{"type":"string"}},"required":["name"],"type":"object","additionalProperties":false},"channel":{"maxLength":2048,"type":"string"},"commitStatusExpr":{"type":"string"},"interval":{"pattern":"^([0-9]+(\\\\.[0-9]+)?(ms|s|m|h))+$","type":"string"},"proxy":{"maxLength":2048,"pattern":"^(http|https)://.*$","type":"string"},"proxySecretRef":{"properties":{"name":{"type":"string"}},"required":["name"],"type":"object","additionalProperties":false},"secretRef":{"properties":{"name":{"type":"string"}},"required":["name"],"type":"object","additionalProperties":false},"serviceAccountName":{"type":"string"},"suspend":{"type":"boolean"},"timeout":{"pattern":"^([0-9]+(\\\\.[0-9]+)?(ms|s|m))+$","type":"string"},"type":{"enum":["slack","discord","msteams","rocket","generic","generic-hmac","github","gitlab","gitea","giteapullrequestcomment","bitbucketserver","bitbucket","azuredevops","googlechat","googlepubsub","webex","sentry","azureeventhub","telegram","lark","matrix","opsgenie","alertmanager","grafana","githubdispatch","githubpullrequestcomment","gitlabmergerequestcomment","pagerduty","datadog","nats","zulip","otel","zoom","incident.io"],"type":"string"},"username":{"maxLength":2048,"type":"string"}},"required":["type"],"type":"object","x-kubernetes-validations":[{"message":"spec.commitStatusExpr is only supported for the \'github\', \'gitlab\', \'gitea\', \'bitbucketserver\', \'bitbucket\', \'azuredevops\' provider types","rule":"self.type == \'github\' || self.type == \'gitlab\' || self.type == \'gitea\' || self.type == \'bitbucketserver\' || self.type == \'bitbucket\' || self.type == \'azuredevops\' || !has(self.commitStatusExpr)"}],"additionalProperties":false}},"type":"object","additionalProperties":false},"notification.toolkit.fluxcd.io/v1beta3/Alert":{"properties":{"apiVersion":{"type":"string"},"kind":{"type":"string"},"metadata":{"type":"object"},"spec":{"properties":{"eventMetadata":{"additionalProperties":{"type":"string"},"type":"object"},"eventSeverity":{"enum":["info","error"],"type":"string"},"eventSources":{"items":{"properties":{"apiVersion":{"type":"string"},"kind":{"enum":["Bucket","GitRepository","Kustomization","HelmRelease","HelmChart","HelmRepository","ImageRepository","ImagePolicy","ImageUpdateAutomation","OCIRepository","ArtifactGenerator","ExternalArtifact"],"type":"string"},"matchLabels":{"additionalProperties":{"type":"string"},"type":"object"},"name":{"maxLength":253,"minLength":1,"type":"string"},"namespace":{"maxLength":253,"minLength":1,"type":"string"}},"required":["kind","name"],"type":"object","additionalProperties":false},"type":"array"},"exclusionList":{"items":{"type":"string"},"type":"array"},"inclusionList":{"items":{"type":"string"},"type":"array"},"providerRef":{"properties":{"name":{"type":"string"}},"required":["name"],"type":"object","additionalProperties":false},"summary":{"maxLength":255,"type":"string"},"suspend":{"type":"boolean"}},"required":["eventSources","providerRef"],"type":"object","additionalProperties":false}},"type":"object","additionalProperties":false},"packaging.carvel.dev/v1alpha1/PackageInstall":{"properties":{"apiVersion":{"type":"string"},"kind":{"type":"string"},"metadata":{"type":"object"},"spec":{"properties":{"canceled":{"type":"boolean"},"cluster":{"properties":{"kubeconfigSecretRef":{"properties":{"key":{"type":"string"},"name":{"type":"string"}},"type":"object","additionalProperties":false},"namespace":{"type":"string"}},"type":"object","additionalProperties":false},"defaultNamespace":{"type":"string"},"noopDelete":{"type":"boolean"},"packageRef":{"properties":{"refName":{"type":"string"},"versionSelection":{"properties":{"constraints":{"type":"string"},"prereleases":{"properties":{"identifiers":{"items":{"type":"string"},"type":"array"}},"type":"object","additionalProperties":false}},"type":"object","additionalProperties":false}},"type":"object","additionalProperties":false},"paused":{"type":"boolean"},"serviceAccountName":{"type":"string"},"syncPeriod":{"type":"string"},"values":{"items":{"properties":{"secretRef":{"properties":{"key":{"type":"string"},"name":{"type":"string"}},"type":"object","additionalProperties":false}},"type":"object","additionalProperties":false},"type":"array"}},"type":"object","additionalProperties":false}},"required":["spec"],"type":"object","additionalProperties":false}}}');
;// CONCATENATED MODULE: ./src/flux/validate.ts
/**
 * Checks what bootstrap generates against the schema the project ships: the CRD schemas derived
 * into crd-schemas.json (scripts/derive-crd-schemas.ts) and the core kinds in core-schemas.ts.
 * An object of a kind with no schema is an error: a check that checked nothing must not pass.
 */







const schemaCompiler = (0,once/* once */.O)(() => new ajv.Ajv({ allErrors: true, strict: false }));
/** `group/version/Kind` of an object, the core group as ''. */
function schemaKey(object) {
    const apiVersion = String(object.apiVersion ?? '');
    const [group, version] = apiVersion.includes('/') ? apiVersion.split('/', 2) : ['', apiVersion];
    return `${group}/${version}/${String(object.kind ?? '')}`;
}
function knownKinds() {
    return [...Object.keys(crd.schemas), ...Object.keys(CORE_SCHEMAS)].sort();
}
const validatorFor = (0,once/* oncePerKey */.G)((key) => {
    const fromCrd = crd_schemas_namespaceObject.jo[key];
    const schema = fromCrd
        ? {
            ...fromCrd,
            required: ['apiVersion', 'kind', 'metadata', ...(fromCrd.required ?? [])],
            properties: { ...fromCrd.properties, metadata: METADATA_SCHEMA },
        }
        : core_schemas_CORE_SCHEMAS[key];
    if (!schema)
        return undefined;
    return schemaCompiler().compile(schema);
});
/** What is wrong with one object, as `path: message` lines; empty when it is valid. */
function checkObject(object) {
    if (typeof object !== 'object' || object === null)
        return ['the document is not an object'];
    const key = schemaKey(object);
    const validate = validatorFor(key);
    if (!validate)
        return [`no schema for ${key}: bootstrap does not know this kind`];
    if (validate(object))
        return [];
    return (validate.errors ?? []).map((e) => {
        const extra = e.keyword === 'additionalProperties' ? ` "${e.params.additionalProperty}"` : '';
        return `${e.instancePath || '/'}: ${e.message}${extra}`;
    });
}
/** Every document of a rendered file, checked; diagnostics name the file and the document. */
/** A SOPS-encrypted object is checked as Flux applies it: kustomize-controller removes `sops` on decryption. */
function withoutSopsMetadata(value) {
    if (!(0,sops/* isSopsDocument */.PM)(value))
        return value;
    const { sops: _, ...object } = value;
    return object;
}
function checkRenderedFile(file, text) {
    const diagnostics = [];
    const docs = (0,dist/* parseAllDocuments */.hR)(text);
    if (!Array.isArray(docs) || docs.length === 0)
        return [(0,src_diagnostics/* error */.z3)('bootstrap.empty', 'no document', file)];
    docs.forEach((doc, index) => {
        for (const problem of checkObject(withoutSopsMetadata(doc.toJS()))) {
            diagnostics.push((0,src_diagnostics/* error */.z3)('bootstrap.schema', `document ${index + 1}: ${problem}`, file));
        }
    });
    return diagnostics;
}


/***/ }),

/***/ 8420:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   hO: () => (/* binding */ renderManifests),
/* harmony export */   yS: () => (/* binding */ renderKustomizationFile)
/* harmony export */ });
/* unused harmony export GENERATED_HEADER */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/** Generated manifests as text: 2-space YAML, one header line, documents in the order given. */

const GENERATED_HEADER = ' Generated by flux-pkg-action bootstrap. Edit flux-pkg.yaml or rerun bootstrap to change it.';
const STRINGIFY = { indent: 2, lineWidth: 0, indentSeq: false };
function renderManifests(manifests) {
    return manifests
        .map((m, i) => {
        const doc = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .Document */ .yo(m.object);
        if (i === 0)
            doc.commentBefore = GENERATED_HEADER;
        else if (doc.directives)
            doc.directives.docStart = true;
        if (m.comment && doc.contents)
            doc.contents.commentBefore = ` ${m.comment}`;
        return doc.toString(STRINGIFY);
    })
        .join('');
}
function renderKustomizationFile(resources) {
    return renderManifests([
        {
            object: {
                apiVersion: 'kustomize.config.k8s.io/v1beta1',
                kind: 'Kustomization',
                resources: [...resources],
            },
        },
    ]);
}


/***/ })

};
