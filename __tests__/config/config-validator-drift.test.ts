import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_VALIDATOR_FILE, configValidatorSource } from '../../scripts/compile-schemas.js';

describe('the flux-pkg.yaml validator compiled ahead of time', () => {
  it('is what scripts/compile-schemas.ts writes from the schema now (run it after changing schema.ts)', () => {
    expect(readFileSync(CONFIG_VALIDATOR_FILE, 'utf8')).toBe(configValidatorSource());
  });
});
