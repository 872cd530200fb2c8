import { describe, expect, it } from 'vitest';
import { codes, repo } from '../../repo-state.js';

/** A schema with a quirk the checker reports (a format it does not check). */
const QUIRKY = `      openAPIv3:
        type: object
        properties:
          url:
            type: string
            format: no-such-format`;
/** openAPIv3 must be a schema object. */
const BROKEN = `      openAPIv3: [not, a, schema]`;

describe('ValuesChecker', () => {
  it('checks the merged values and points each problem at its line in params.yaml', () => {
    const state = repo()
      .component('app', { packages: ['1.0.0'] })
      .environment('dev', { values: 'replicas: 2\nport: 70000\nextra: true\n' });
    const ctx = state.context();
    const pkg = state.packages('app').packages[0]!;
    const secret = state.environmentFiles('app', 'dev').valuesSecret!;
    const found = ctx.values.check(pkg, secret);
    const byPath = [...found].sort((a, b) => (a.path < b.path ? -1 : 1));
    expect(byPath.map((d) => [d.code, d.line, d.path])).toEqual([
      ['values.additionalProperties', 9, '.extra'],
      ['values.maximum', 8, '.port'],
    ]);
    expect(
      found.every(
        (d) => d.file === 'app/dev/params.yaml' && d.message.includes('(Package app.example.com 1.0.0)'),
      ),
    ).toBe(true);
  });

  it('withholds why an encrypted value fails, but still names its path', () => {
    const state = repo()
      .component('app', { packages: ['1.0.0'] })
      .environment('dev', { values: 'hostname: ""\n' });
    const ctx = state.context();
    const [problem] = ctx.values.check(
      state.packages('app').packages[0]!,
      state.environmentFiles('app', 'dev').valuesSecret!,
      {
        encrypted: true,
      },
    );
    expect(problem).toMatchObject({
      path: '.hostname',
      message: expect.stringContaining('details withheld'),
    });
    expect(problem!.message).not.toContain('minLength');
  });

  it('reports a Package’s schema notes once, however often it is checked, and again after forget()', () => {
    const state = repo().component('app', { packages: ['1.0.0'], schema: QUIRKY });
    const ctx = state.context();
    const pkg = state.packages('app').packages[0]!;
    ctx.values.schemaOf(pkg);
    ctx.values.schemaOf(pkg);
    const once = ctx.values.diagnostics.length;
    expect(once).toBeGreaterThan(0);
    expect(new Set(codes(ctx.values.diagnostics))).toEqual(new Set(['schema.assumed']));
    expect(ctx.values.diagnostics[0]).toMatchObject({ file: 'app/packages/1.0.0.yaml', line: 1 });
    ctx.values.forget(['app/packages/1.0.0.yaml']);
    ctx.values.schemaOf(pkg);
    expect(ctx.values.diagnostics).toHaveLength(2 * once);
  });

  it('a schema it cannot read is a warning and checks nothing (kapp-controller stores it unread)', () => {
    const state = repo()
      .component('app', { packages: ['1.0.0'], schema: BROKEN })
      .environment('dev', { values: 'anything: 1\n' });
    const ctx = state.context();
    const found = ctx.values.check(
      state.packages('app').packages[0]!,
      state.environmentFiles('app', 'dev').valuesSecret!,
    );
    expect(found).toEqual([]);
    expect(codes(ctx.values.diagnostics)).toContain('schema.invalid');
  });
});
