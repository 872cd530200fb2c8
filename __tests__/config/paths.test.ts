/** The JSON Schema's path patterns and the load-time check say the same thing about every value. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Layout, layoutPathProblem } from '../../src/config/config.js';
import { configSchema } from '../../src/config/schema.js';
import { propertyOptions } from '../helpers/fc.js';

const patterns: Record<keyof Layout, RegExp> = {
  componentsPath: new RegExp(configSchema.definitions.relativePath.pattern, 'u'),
  packagesDir: new RegExp(configSchema.definitions.fileName.pattern, 'u'),
  packageInstallFile: new RegExp(configSchema.definitions.fileName.pattern, 'u'),
  valuesSecretFile: new RegExp(configSchema.definitions.fileName.pattern, 'u'),
  valuesKey: new RegExp(configSchema.definitions.secretKey.pattern, 'u'),
  brainPath: new RegExp(configSchema.definitions.folderPath.pattern, 'u'),
  rbacFolder: new RegExp(configSchema.definitions.rbacFolder.pattern, 'u'),
};

const tricky = fc.constantFrom(
  'a',
  'B',
  '.',
  '..',
  '/',
  '\\',
  '\u0000',
  '\n',
  '\u007f',
  '-',
  '_',
  '.github',
  '.git',
  'x.yaml',
  ' ',
  'é',
  '{environment}',
);

describe('layout paths: schema pattern ⟺ load-time check', () => {
  it.each(Object.keys(patterns) as (keyof Layout)[])('%s', (key) => {
    fc.assert(
      fc.property(
        fc.array(tricky, { maxLength: 6 }).map((parts) => parts.join('')),
        (value) => {
          expect(patterns[key].test(value), JSON.stringify(value)).toBe(
            layoutPathProblem(key, value) === undefined,
          );
        },
      ),
      propertyOptions({ numRuns: 3000 }),
    );
  });
});
