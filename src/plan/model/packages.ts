/** A component's Packages, from its parsed Package files: validated, one refName, no version twice. */
import { type CarvelPackage, looksLikePackage, validatePackage } from '../../carvel/package.js';
import { compare, parseRelaxed } from '../../carvel/semver.js';
import { type Diagnostic, error } from '../../diagnostics.js';
import { type ParsedYaml, positionAt } from '../../yaml/parse.js';
import type { ComponentLayout } from './repository.js';

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
/**
 * The same string, not sharing the file's text. V8 keeps a substring as a slice of its parent: a
 * version or constraint that outlives its file (in the plan's results) would keep the whole file
 * text alive, and a large repo's results would hold every Package file.
 */
export const own = (s: string): string => JSON.parse(JSON.stringify(s)) as string;

export interface ComponentPackages {
  packages: CarvelPackage[];
  /** The one refName all Packages of the component share (undefined when there are none or they disagree). */
  refName?: string;
  diagnostics: Diagnostic[];
}

/** The component's Packages from its parsed Package files (in packageFiles order; undefined: absent). */
export function packagesOf(
  component: ComponentLayout,
  files: readonly { file: string; parsed?: ParsedYaml }[],
): ComponentPackages {
  const diagnostics: Diagnostic[] = [];
  const packages: CarvelPackage[] = [];
  for (const { file, parsed } of files) {
    if (!parsed) continue;
    diagnostics.push(...parsed.diagnostics);
    if (parsed.diagnostics.length === 0 && parsed.documents.length === 0) {
      diagnostics.push(
        error('package.empty', 'the file holds no document; a packages folder holds Package files', file),
      );
    }
    for (const { doc, value } of parsed.documents) {
      if (!looksLikePackage(value)) {
        if (!isPackageCompanion(value)) {
          diagnostics.push(
            error(
              'package.kind',
              'expected a Carvel Package (kind: Package) or PackageMetadata in a packages folder',
              file,
              positionAt(parsed, doc, ['kind']),
              '.kind',
            ),
          );
        }
        continue;
      }
      const result = validatePackage(parsed, doc, value);
      diagnostics.push(...result.diagnostics);
      if (result.pkg) {
        const { name, refName, version, releaseNotes } = result.pkg;
        // Assigned onto the Package, not spread: a spread would compute its lazy digest (package.ts) now.
        packages.push(
          Object.assign(result.pkg, {
            name: own(name),
            refName: own(refName),
            version: own(version),
            releaseNotes: releaseNotes === undefined ? undefined : own(releaseNotes),
          }),
        );
      }
    }
  }
  const refNames = [...new Set(packages.map((p) => p.refName))];
  if (refNames.length > 1) {
    for (const pkg of packages.filter((p) => p.refName !== packages[0]!.refName)) {
      diagnostics.push(
        error(
          'package.ref-name-conflict',
          `component "${component.name}" has Packages of several refNames (${refNames.join(', ')}); one component holds one package`,
          pkg.file,
          { line: pkg.line, column: 1 },
          '.spec.refName',
        ),
      );
    }
  }
  const seen = new Map<string, CarvelPackage>();
  for (const pkg of packages) {
    const twin = seen.get(pkg.version);
    if (twin) {
      diagnostics.push(
        error(
          'package.duplicate-version',
          `version ${pkg.version} is also defined in ${twin.file}`,
          pkg.file,
          { line: pkg.line, column: 1 },
          '.spec.version',
        ),
      );
    }
    seen.set(pkg.version, pkg);
  }
  packages.sort((a, b) => compare(parseRelaxed(a.version)!, parseRelaxed(b.version)!));
  return { packages, refName: refNames.length === 1 ? refNames[0] : undefined, diagnostics };
}

/** What else a Carvel packages folder holds beside Packages: a component's PackageMetadata. */
function isPackageCompanion(value: unknown): boolean {
  return (
    isObject(value) &&
    value.kind === 'PackageMetadata' &&
    value.apiVersion === 'data.packaging.carvel.dev/v1alpha1'
  );
}
