/**
 * The JSON Schema of flux-pkg.yaml. `npm run bundle` publishes it as schema/flux-pkg.schema.json so editors
 * (yaml-language-server) can complete and check the file; this module is the source of truth.
 */

/** One folder or file name: not "." or "..", no "/", no backslash, no control character (NUL included). */
const NAME = String.raw`(?!\.\.?(?:/|$))[^/\\\u0000-\u001f\u007f]+`;
/** `.git` or `.github` in any case: folders the action never writes. */
const PROTECTED = '[.][Gg][Ii][Tt](?:[Hh][Uu][Bb])?(?:/|$)';

export const configSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://github.com/flux-pkg-action/flux-pkg-action/schema/flux-pkg.schema.json',
  title: 'flux-pkg.yaml',
  description:
    'Repository configuration for flux-pkg-action: the ordered environments of the gitops repo, how each receives Package versions, and the defaults for what the action generates.',
  type: 'object',
  additionalProperties: false,
  properties: {
    layout: {
      description:
        "Where things live in the gitops repo. Defaults follow Tanzu Application Platform's layout.",
      type: 'object',
      additionalProperties: false,
      properties: {
        componentsPath: {
          description:
            "Folder holding the components, relative to the repo root ('' = the root): no '..', no leading or doubled '/', no backslash, not in .github/ or .git/.",
          $ref: '#/definitions/relativePath',
          default: '',
        },
        packagesDir: {
          description: 'Folder under a component holding its Package files (one folder name).',
          $ref: '#/definitions/fileName',
          default: 'packages',
        },
        packageInstallFile: {
          description: "The PackageInstall's file name in an environment folder (one file name).",
          $ref: '#/definitions/fileName',
          default: 'packageinstall.yaml',
        },
        valuesSecretFile: {
          description: "The values Secret's file name in an environment folder (one file name).",
          $ref: '#/definitions/fileName',
          default: 'params.yaml',
        },
        valuesKey: {
          description:
            'The stringData key of the values Secret that holds the values YAML (TAP: values.yaml); a Kubernetes Secret key.',
          $ref: '#/definitions/secretKey',
          default: 'values.yaml',
        },
        brainPath: {
          description:
            "Folder the Brain cluster's own Flux syncs; bootstrap writes each component's Flux objects to <brainPath>/<component> (the same path rules as componentsPath, not empty).",
          $ref: '#/definitions/folderPath',
          default: 'clusters/brain',
        },
        rbacFolder: {
          description:
            "Name of an environment's RBAC folder under its component (one name, with {environment} replaced; it must contain {environment}).",
          $ref: '#/definitions/rbacFolder',
          default: '{environment}-rbac',
        },
      },
    },
    prFlow: {
      description:
        'How pull requests are cut: per-component (one per component and environment) or per-environment (one per environment, holding every component a push changed). The pr-flow input wins.',
      enum: ['per-component', 'per-environment'],
      default: 'per-component',
    },
    defaults: {
      description: 'Settings every environment and component starts from.',
      $ref: '#/definitions/settings',
    },
    promotion: {
      description: 'How versions move along promoteFrom chains.',
      type: 'object',
      additionalProperties: false,
      properties: {
        overrideLabels: {
          description:
            'Pull request labels that allow an out-of-order promotion (an environment getting a version its promoteFrom environment does not have at the base). The job summary reports every override.',
          type: 'array',
          items: { type: 'string', minLength: 1 },
          default: ['hotfix'],
        },
        healthKustomization: {
          description:
            "The Flux Kustomization whose commit status (context kustomization/<name>/<id>) says an environment is healthy, with {component} and {environment} replaced (bootstrap's naming by default).",
          type: 'string',
          minLength: 1,
          default: '{component}-{environment}-packageinstalls',
        },
        statusCreators: {
          description:
            "GitHub logins whose commit statuses may promote (the account of the token in the Flux Provider's Secret, e.g. flux-bot or my-app[bot]). Required when an environment uses promoteWhen: healthy; a status from anyone else is ignored. Read from the base branch.",
          type: 'array',
          items: { type: 'string', pattern: String.raw`^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$` },
        },
        statusContext: {
          description:
            "The commit status context of an environment's health, for a Provider with spec.commitStatusExpr, with {kustomization}, {component} and {environment} replaced. Absent: notification-controller's default kustomization/<healthKustomization>/<provider id>.",
          type: 'string',
          minLength: 1,
          maxLength: 255,
        },
      },
    },
    policy: {
      description:
        'What the gate lets RBAC folders and Brain folders hold. Read from the base branch only: a pull request never loosens the policy it is judged by.',
      type: 'object',
      additionalProperties: false,
      properties: {
        allowClusterScope: {
          description:
            'Components (or "*" for all) whose RBAC and Brain folders may hold ClusterRoles, ClusterRoleBindings, bindings to cluster-admin/admin/edit and "*" in RBAC rules (Packages that install CRDs need cluster scope). Bootstrap accepts rbac.extraRules with "*" for them too.',
          type: 'array',
          items: {
            type: 'string',
            pattern: '^(?:[*]|[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*)$',
            maxLength: 253,
          },
        },
      },
    },
    environments: {
      description:
        'The environments, in promotion order. Without this list, environments are the existing folders under each component and all take new versions directly.',
      type: 'array',
      items: {
        allOf: [
          {
            $ref: '#/definitions/settings',
          },
          {
            type: 'object',
            required: ['name'],
            properties: {
              name: {
                description: "The environment's folder name under each component.",
                $ref: '#/definitions/dnsLabel',
              },
              promoteFrom: {
                description:
                  'Take versions only from this other environment (promotion). Absent: take new Package versions directly.',
                $ref: '#/definitions/dnsLabel',
              },
              promoteWhen: {
                description:
                  'When a version moves on from promoteFrom: merged (default) once it is merged there; healthy once Flux reports the promoteFrom environment healthy for the commit that holds it (a commit status).',
                enum: ['merged', 'healthy'],
              },
            },
          },
        ],
      },
    },
    components: {
      description: 'Per-component settings, keyed by component folder name.',
      type: 'object',
      propertyNames: {
        $ref: '#/definitions/dnsSubdomain',
      },
      additionalProperties: {
        description: "A component's settings: those of an environment, and the environments it goes to.",
        allOf: [
          {
            $ref: '#/definitions/settings',
          },
          {
            type: 'object',
            properties: {
              environments: {
                description: 'Deliver this component only to these environments.',
                type: 'array',
                items: {
                  $ref: '#/definitions/dnsLabel',
                },
              },
            },
          },
        ],
      },
    },
  },
  definitions: {
    relativePath: {
      type: 'string',
      pattern: `^(?:(?!${PROTECTED})${NAME}(?:/${NAME})*)?$`,
    },
    fileName: {
      type: 'string',
      pattern: `^${NAME}$`,
    },
    folderPath: {
      type: 'string',
      pattern: `^(?!${PROTECTED})${NAME}(?:/${NAME})*$`,
    },
    rbacFolder: {
      type: 'string',
      pattern: `^(?=[^/]*[{]environment[}])${NAME}$`,
    },
    secretKey: {
      type: 'string',
      pattern: String.raw`^(?!\.\.?$)[-._a-zA-Z0-9]+$`,
      maxLength: 253,
    },
    dnsLabel: {
      type: 'string',
      pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$',
      maxLength: 63,
    },
    dnsSubdomain: {
      type: 'string',
      pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$',
      maxLength: 253,
    },
    settings: {
      type: 'object',
      properties: {
        name: true,
        promoteFrom: true,
        promoteWhen: true,
        environments: true,
        constraint: {
          description:
            'The PackageInstall\'s versionSelection.constraints, with {version} replaced by the Package version. "{version}" pins the exact version (default); ">={version}" follows every newer version (continuous delivery).',
          type: 'string',
          minLength: 1,
          default: '{version}',
        },
        prereleases: {
          description:
            'versionSelection.prereleases: false (default) hides prereleases, true allows all, a list allows those identifiers.',
          oneOf: [
            {
              type: 'boolean',
            },
            {
              type: 'array',
              items: {
                type: 'string',
                minLength: 1,
              },
            },
          ],
        },
        serviceAccountName: {
          description: 'The ServiceAccount kapp-controller uses to install the package in the run cluster.',
          $ref: '#/definitions/dnsSubdomain',
        },
        namespace: {
          description:
            "metadata.namespace of the generated PackageInstall and Secret. Absent: left to Flux's targetNamespace.",
          $ref: '#/definitions/dnsLabel',
        },
        packageInstallName: {
          description: 'Name of the PackageInstall, with {component} replaced (default: the component).',
          type: 'string',
        },
        valuesSecretName: {
          description: 'Name of the values Secret, with {component} replaced (default: {component}-values).',
          type: 'string',
        },
        kubeconfigSecret: {
          description: "The Secret on the Brain cluster holding this environment's kubeconfig (bootstrap).",
          $ref: '#/definitions/dnsSubdomain',
        },
        targetNamespace: {
          description: 'Flux Kustomization targetNamespace (bootstrap).',
          $ref: '#/definitions/dnsLabel',
        },
        secretFormat: {
          description:
            'How install writes the values Secret: plain stringData, or encrypted with SOPS + age (apiVersion, kind and metadata stay readable; recipients from .sops.yaml, else sopsAgeRecipients).',
          enum: ['plain', 'sops'],
        },
        requireEncryption: {
          description:
            'A values Secret in plain text is an error rather than a warning (install and validate).',
          type: 'boolean',
        },
        sopsAgeRecipients: {
          description:
            'age recipients (age1…) to encrypt the values Secret for when no .sops.yaml creation rule matches its path. The sops-age-recipients input wins.',
          type: 'array',
          items: {
            type: 'string',
            pattern: '^age1(pq1)?[0-9a-z]+$',
          },
        },
        fluxApiVersion: {
          description: 'Flux API version for bootstrap.',
          enum: ['v1', 'v1beta2'],
        },
        labels: {
          description: 'Labels added to the pull requests.',
          type: 'array',
          items: {
            type: 'string',
            minLength: 1,
          },
        },
        reviewers: {
          description: 'Users asked to review the pull requests.',
          type: 'array',
          items: {
            type: 'string',
            minLength: 1,
          },
        },
        teamReviewers: {
          description: 'Teams (slugs) asked to review the pull requests.',
          type: 'array',
          items: {
            type: 'string',
            minLength: 1,
          },
        },
        autoMerge: {
          description: 'Enable auto-merge on the pull request with this merge method.',
          enum: [false, 'merge', 'squash', 'rebase'],
        },
        fluxNamespace: {
          description:
            "Namespace of the Brain cluster's Flux objects and the Secrets they name (bootstrap; default flux-system). The flux-namespace input wins.",
          $ref: '#/definitions/dnsLabel',
        },
        fluxServiceAccountName: {
          description:
            'The ServiceAccount Flux impersonates on the run cluster, in the Flux namespace (bootstrap; default <component>-flux).',
          $ref: '#/definitions/dnsSubdomain',
        },
        gitSecretName: {
          description:
            'The Secret with git credentials the GitRepository reads (bootstrap; default <component>-gitops-auth). The git-secret-name input wins.',
          $ref: '#/definitions/dnsSubdomain',
        },
        sopsAgeSecretName: {
          description:
            'The Secret holding the SOPS age key Flux decrypts values Secrets with, when secretFormat is sops (bootstrap; default sops-age).',
          $ref: '#/definitions/dnsSubdomain',
        },
        rbac: {
          description: 'Run-cluster RBAC that bootstrap generates.',
          type: 'object',
          additionalProperties: false,
          properties: {
            extraRules: {
              description:
                'Rules added to the Role kapp-controller installs the Package with, for what the Package deploys (beside the ConfigMap rule kapp needs). Rules of defaults, the environment and the component add up.',
              type: 'array',
              items: {
                description: 'A Kubernetes RBAC PolicyRule.',
                type: 'object',
                required: ['apiGroups', 'resources', 'verbs'],
                additionalProperties: false,
                properties: {
                  apiGroups: {
                    description: "API groups ('' is the core group).",
                    type: 'array',
                    items: { type: 'string' },
                  },
                  resources: {
                    description: 'Resources, e.g. deployments.',
                    type: 'array',
                    minItems: 1,
                    items: { type: 'string', minLength: 1 },
                  },
                  verbs: {
                    description: 'Verbs, e.g. get, list, create.',
                    type: 'array',
                    minItems: 1,
                    items: { type: 'string', minLength: 1 },
                  },
                  resourceNames: {
                    description: 'Only these objects.',
                    type: 'array',
                    items: { type: 'string', minLength: 1 },
                  },
                },
              },
            },
          },
        },
      },
      additionalProperties: false,
    },
  },
} as const;
