/** Kubernetes and Carvel naming rules (k8s.io/apimachinery validation, kapp-controller's extra checks). */

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** A DNS-1123 label (namespaces, component and environment folder names): ≤63, lowercase alphanumerics and '-'. */
export function dns1123LabelProblem(value: string): string | undefined {
  if (value.length === 0) return 'must not be empty';
  if (value.length > 63) return `must be at most 63 characters (it has ${value.length})`;
  if (!DNS1123_LABEL.test(value)) {
    return "must be a DNS-1123 label: lowercase letters, digits and '-', starting and ending with a letter or digit";
  }
  return undefined;
}

/** A DNS-1123 subdomain (most object names): ≤253, lowercase label(s) separated by dots. */
export function dns1123SubdomainProblem(value: string): string | undefined {
  if (value.length === 0) return 'must not be empty';
  if (value.length > 253) return `must be at most 253 characters (it has ${value.length})`;
  if (!DNS1123_SUBDOMAIN.test(value)) {
    return "must be a lowercase DNS-1123 subdomain: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit";
  }
  return undefined;
}

/**
 * kapp-controller's `IsFullyQualifiedName`, used for Package refName and PackageMetadata name:
 * a DNS-1123 subdomain with at least three dot-separated segments.
 */
import { nodeCrypto } from '../builtins.js';

export function fullyQualifiedNameProblem(value: string): string | undefined {
  const subdomain = dns1123SubdomainProblem(value);
  if (subdomain) return subdomain;
  if (value.split('.').length < 3) return 'should be a domain with at least three segments separated by dots';
  return undefined;
}

/** The placeholder a name template may hold (flux-pkg.yaml packageInstallName, valuesSecretName). */
export const COMPONENT_PLACEHOLDER = '{component}';
const MAX_SUBDOMAIN = 253;
const HASH_LENGTH = 8;

/**
 * What is wrong with a name template, whatever component it is expanded for: only `{component}` may
 * be a placeholder, and the text around it must make a DNS-1123 subdomain for any component (a
 * component is one itself). `{component}-.x` makes `app-.x`; `""` makes no name at all.
 */
export function nameTemplateProblem(template: string): string | undefined {
  const unknown = /\{[^}]*\}/.exec(template.replaceAll(COMPONENT_PLACEHOLDER, ''));
  if (unknown) return `holds ${JSON.stringify(unknown[0])}; the only placeholder is ${COMPONENT_PLACEHOLDER}`;
  for (const sample of ['a', 'a.b', '0']) {
    const problem = dns1123SubdomainProblem(template.replaceAll(COMPONENT_PLACEHOLDER, sample));
    if (problem)
      return `does not make a valid object name (for a component "${sample}", the name ${problem})`;
  }
  return undefined;
}

/**
 * A name template expanded for a component. When the name would pass 253 characters, each
 * `{component}` is cut and ends in a hash of the whole component, so the name stays unique and
 * stable across runs, and the template's own text (the meaningful `-values` suffix) stays whole.
 */
export function expandNameTemplate(template: string, component: string): string {
  const name = template.replaceAll(COMPONENT_PLACEHOLDER, component);
  if (name.length <= MAX_SUBDOMAIN) return name;
  const count = template.split(COMPONENT_PLACEHOLDER).length - 1;
  if (count === 0) return name;
  const fixed = template.length - count * COMPONENT_PLACEHOLDER.length;
  const keep = Math.floor((MAX_SUBDOMAIN - fixed) / count) - HASH_LENGTH - 1;
  if (keep < 1) return name;
  const hash = nodeCrypto().createHash('sha256').update(component).digest('hex').slice(0, HASH_LENGTH);
  const cut = `${component.slice(0, keep).replace(/[^a-z0-9]+$/, '')}-${hash}`;
  return template.replaceAll(COMPONENT_PLACEHOLDER, cut);
}
