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
export function fullyQualifiedNameProblem(value: string): string | undefined {
  const subdomain = dns1123SubdomainProblem(value);
  if (subdomain) return subdomain;
  if (value.split('.').length < 3) return 'should be a domain with at least three segments separated by dots';
  return undefined;
}

/**
 * A Kubernetes object name derived from free text (a refName, a version): lowercase, every character
 * outside [a-z0-9.-] becomes '-', trimmed to ≤253 and to start/end alphanumeric. `1.0.0+vmware.1` → `1.0.0-vmware.1`.
 */
export function toObjectName(value: string): string {
  let name = value
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/\.{2,}/g, '.');
  name = name
    .slice(0, 253)
    .replace(/^[^a-z0-9]+/, '')
    .replace(/[^a-z0-9]+$/, '');
  return name;
}
