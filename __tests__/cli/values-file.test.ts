/** The --values file's helpers: paths read back from messages, and a file that is not YAML. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pathSegments, valuesFileProblem } from '../../src/cli/values-file.js';
import { formatPath } from '../../src/yaml/parse.js';
import { propertyOptions } from '../helpers/fc.js';

describe('pathSegments', () => {
  it('reads back what formatPath writes, for any keys and indexes', () => {
    const segment = fc.oneof(fc.string({ maxLength: 12 }), fc.nat({ max: 1000 }));
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 6 }), (path) => {
        expect(pathSegments(formatPath(path))).toEqual(path);
      }),
      propertyOptions({ seed: 15, numRuns: 300 }),
    );
  });

  it('examples', () => {
    expect(pathSegments('.a.b[0]["x.y"]')).toEqual(['a', 'b', 0, 'x.y']);
    expect(pathSegments('.')).toEqual([]);
  });
});

describe('valuesFileProblem', () => {
  it('names the file and where, and nothing of the text', () => {
    expect(valuesFileProblem('../mine.yaml', 'token: s3cr3t\nlist: [x\n')).toMatch(
      /^\.\.\/mine\.yaml:\d+:\d+: --values \.\.\/mine\.yaml is not valid YAML$/,
    );
    expect(valuesFileProblem('../mine.yaml', 'replicas: 2\n')).toBeUndefined();
  });
});
