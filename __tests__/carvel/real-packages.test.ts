/** Every real Package collected from public repositories must load as kapp-controller would accept it. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksLikePackage, validatePackage } from '../../src/carvel/package.js';
import { compileValuesSchema } from '../../src/carvel/values-schema.js';
import { parseYaml } from '../../src/yaml/parse.js';

const root = new URL('../../../shared/reference/packages/', import.meta.url).pathname;
const available = existsSync(root);
if (!available)
  console.warn(`SKIPPED: real Package tests need ${root} (the shared reference data); it is absent here`);

const packageFiles = available
  ? readdirSync(root, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => readdirSync(join(root, d.name)).map((f) => join(d.name, f)))
      .filter((f) => f.endsWith('.yaml') && !f.includes('.values'))
  : [];

describe.skipIf(!available)('real Packages from ../shared/reference/packages', () => {
  it('finds the collected Packages', () => {
    expect(packageFiles.length).toBeGreaterThanOrEqual(27);
  });

  // Whether each schema's own defaults validate is values-schema.test.ts's subject.
  it.each(packageFiles)(
    '%s parses, validates as kapp-controller would, and its valuesSchema compiles',
    (file) => {
      const parsed = parseYaml(file, readFileSync(join(root, file), 'utf8'));
      expect(parsed.diagnostics).toEqual([]);
      const docs = parsed.documents.filter((d) => looksLikePackage(d.value));
      expect(docs.length).toBeGreaterThan(0);
      for (const { doc, value } of docs) {
        const { pkg, diagnostics } = validatePackage(parsed, doc, value);
        expect(diagnostics).toEqual([]);
        const compiled = compileValuesSchema(pkg!.valuesSchema);
        if (!compiled.ok) throw new Error(`${file}: ${compiled.error}`);
      }
    },
  );
});
