/**
 * What Flux's kustomize-controller applies for a folder. With a kustomization file, what it lists;
 * without one, kustomize-controller generates one (fluxcd/pkg kustomize/kustomize_generator.go,
 * scanManifests): it walks the folder in lexical order, lists every `.yaml`/`.yml` file, subfolders
 * included, and lists a subfolder that holds a kustomization file as a folder without descending
 * into it. (A YAML file that is no Kubernetes manifest fails that generation, so it is listed too:
 * the folder was not being applied before either.)
 */

/** The names kustomize recognises, in the order it looks for them (konfig.RecognizedKustomizationFileNames). */
export const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'] as const;

/** The kustomization files directly in a folder, in kustomize's order (more than one is an error for kustomize). */
export function kustomizationFilesIn(paths: ReadonlySet<string>, dir: string): string[] {
  return KUSTOMIZATION_FILES.map((name) => `${dir}/${name}`).filter((p) => paths.has(p));
}

/**
 * The resources of the kustomization.yaml Flux generates for a folder that has none, relative to
 * the folder and in Flux's order. `paths` are repository paths of files.
 */
export function generatedResources(paths: Iterable<string>, dir: string): string[] {
  const prefix = `${dir}/`;
  const all = new Set<string>();
  for (const p of paths) if (p.startsWith(prefix)) all.add(p.slice(prefix.length));
  const out: string[] = [];
  walk(tree(all), '', out);
  return out;
}

interface Folder {
  files: Set<string>;
  folders: Map<string, Folder>;
}

function tree(paths: Set<string>): Folder {
  const root: Folder = { files: new Set(), folders: new Map() };
  for (const path of paths) {
    const parts = path.split('/');
    let folder = root;
    for (const part of parts.slice(0, -1)) {
      let next = folder.folders.get(part);
      if (!next) {
        next = { files: new Set(), folders: new Map() };
        folder.folders.set(part, next);
      }
      folder = next;
    }
    folder.files.add(parts[parts.length - 1]!);
  }
  return root;
}

/** filepath.Walk: the entries of a folder sorted by name (bytes), files and folders interleaved. */
function walk(folder: Folder, at: string, out: string[]): void {
  const names = [...folder.files, ...folder.folders.keys()].sort(byBytes);
  for (const name of names) {
    const path = at ? `${at}/${name}` : name;
    const sub = folder.folders.get(name);
    if (sub) {
      if (KUSTOMIZATION_FILES.some((k) => sub.files.has(k))) out.push(path);
      else walk(sub, path, out);
    } else if (name.endsWith('.yaml') || name.endsWith('.yml')) out.push(path);
  }
}

/** Go compares strings by bytes: UTF-8 order is code point order, which UTF-16 order differs from only past U+FFFF. */
const byBytes = (a: string, b: string) => {
  const x = [...a].map((c) => c.codePointAt(0)!);
  const y = [...b].map((c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
};
