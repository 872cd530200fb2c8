import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { loadStatus } from '../../src/plan/modes/status/run.js';
import { LocalSnapshot } from '../../src/repo/local.js';
import { MemorySnapshot } from '../../src/repo/snapshot.js';
import type { StatusModel } from '../../src/report/summary/status.js';
import {
  MERMAID_LIMITS,
  mermaidText,
  statusMarkdown,
  statusMermaid,
  statusMermaidChart,
  statusText,
} from '../../src/report/summary/status-render.js';
import { propertyOptions } from '../helpers/fc.js';
import { KUSTOMIZATION, packageInstallFile, paramsFile, sampleRepo } from '../helpers/gitops.js';

const example = new URL('../../examples/gitops/', import.meta.url).pathname;
const REF = 'app.default.tap';
const PAYMENTS = 'payments-api.apps.example.com';

const CHAIN = `environments:
  - name: dev
  - name: staging
    promoteFrom: dev
  - name: prod
    promoteFrom: staging
`;

function environment(version: string, env: string, ref = REF): Record<string, string> {
  return {
    [`${ref}/${env}/packageinstall.yaml`]: packageInstallFile(ref, version),
    [`${ref}/${env}/params.yaml`]: paramsFile(ref, 'replicas: 2\n'),
    [`${ref}/${env}/kustomization.yaml`]: KUSTOMIZATION,
  };
}

const rows = (model: StatusModel) =>
  Object.fromEntries(
    model.components.map((c) => [
      c.component,
      Object.fromEntries(c.cells.map((cell) => [cell.environment, `${cell.state} ${cell.version ?? '-'}`])),
    ]),
  );

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('status: where every version runs', () => {
  it('shows the bundled example: prod is behind staging in both components', async () => {
    const model = await loadStatus(new LocalSnapshot(example));
    expect(model.valid).toBe(true);
    expect(model.environments).toEqual([
      { name: 'dev' },
      { name: 'staging', promoteFrom: 'dev' },
      { name: 'prod', promoteFrom: 'staging' },
    ]);
    expect(rows(model)).toEqual({
      [REF]: {
        dev: 'current 20230412153322.0.0',
        staging: 'current 20230412153322.0.0',
        prod: 'behind 20230321004057.0.0',
      },
      [PAYMENTS]: { dev: 'current 1.5.0', staging: 'current 1.5.0', prod: 'behind 1.4.0' },
    });
    expect(model.components.map((c) => c.versions)).toEqual([
      ['20230321004057.0.0', '20230412153322.0.0', '20230502091145.0.0'],
      ['1.4.0', '1.5.0'],
    ]);
    const prod = model.components[0]!.cells[2]!;
    expect(prod).toMatchObject({ promoteFrom: 'staging', upstreamVersion: '20230412153322.0.0' });
    expect(prod.constraint).toBe('20230321004057.0.0');
  });

  it('marks an environment invalid when its PackageInstall selects no Package, and no folder as missing', async () => {
    const files = {
      'flux-pkg.yaml': CHAIN,
      ...sampleRepo(),
      ...environment('1.1.0', 'staging'),
      ...environment('9.9.9', 'prod'),
    };
    const model = await loadStatus(new MemorySnapshot(files));
    expect(model.valid).toBe(false);
    expect(rows(model)[REF]).toEqual({ dev: 'current 1.0.0', staging: 'current 1.1.0', prod: 'invalid -' });
    const withoutStaging = Object.fromEntries(
      Object.entries(files).filter(([path]) => !path.startsWith(`${REF}/staging/`)),
    );
    const gap = await loadStatus(new MemorySnapshot({ ...withoutStaging, ...environment('1.0.0', 'prod') }));
    expect(rows(gap)[REF]).toEqual({ dev: 'current 1.0.0', staging: 'missing -', prod: 'current 1.0.0' });
    expect(gap.valid).toBe(true);
  });

  it('is behind only against a valid upstream, and newer than upstream is not behind', async () => {
    const files: Record<string, string> = {
      'flux-pkg.yaml': CHAIN,
      ...sampleRepo(),
      ...environment('1.0.0', 'staging'),
      ...environment('1.1.0', 'prod'),
    };
    files[`${REF}/dev/params.yaml`] = paramsFile(REF, 'replicas: zero\n');
    files[`${REF}/dev/packageinstall.yaml`] = packageInstallFile(REF, '1.1.0');
    const model = await loadStatus(new MemorySnapshot(files));
    // dev has 1.1.0 but its values fail: staging (1.0.0) is not called behind an invalid environment.
    expect(rows(model)[REF]).toEqual({
      dev: 'invalid 1.1.0',
      staging: 'current 1.0.0',
      prod: 'current 1.1.0',
    });
  });

  it('without flux-pkg.yaml lists the folders, none promoting from another', async () => {
    const model = await loadStatus(new MemorySnapshot(sampleRepo()));
    expect(model.environments).toEqual([{ name: 'dev' }, { name: 'prod' }]);
    expect(rows(model)[REF]).toEqual({ dev: 'current 1.0.0', prod: 'current 1.0.0' });
    expect(statusMermaid(model)).not.toContain('-->');
  });

  it('prints a text table and exits 0 on the example; --json is the model', async () => {
    const text = await run(['status', '--repo', example]);
    expect(text.code).toBe(0);
    const lines = text.out.split('\n');
    expect(lines[0]).toMatch(/^component\s+dev\s+staging\s+prod\s+newest Package$/);
    expect(lines.find((l) => l.startsWith(PAYMENTS))).toMatch(
      /1\.5\.0\s+1\.5\.0\s+1\.4\.0 \(behind\)\s+1\.5\.0$/,
    );
    expect(text.out).toContain(`${PAYMENTS}/prod: 1.4.0 is behind staging (1.5.0)`);
    const json = await run(['status', '--repo', example, '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toEqual(await loadStatus(new LocalSnapshot(example)));
  });

  it('exits 1 when an environment is invalid, and 2 for options status does not take', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { dirname, join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'flux-pkg-status-'));
    for (const [path, text] of Object.entries(sampleRepo(environment('7.0.0', 'prod')))) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const r = await run(['status', '--repo', dir]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/prod: invalid/);
    expect(r.err).toContain('app.default.tap/prod/packageinstall.yaml:');
    expect((await run(['status', '--repo', example, '--component', REF])).code).toBe(2);
  });
});

describe('status in the job summary: table and Mermaid chain', () => {
  it('draws one subgraph per component with the versions and the promotion edges', async () => {
    const model = await loadStatus(new LocalSnapshot(example));
    const md = statusMarkdown(model);
    expect(md).toContain('| component | dev | staging | prod | newest Package |');
    expect(md).toContain(
      `| ${PAYMENTS} | \`1.5.0\` | \`1.5.0\` | \`1.4.0\` behind staging (\`1.5.0\`) | \`1.5.0\` |`,
    );
    const mermaid = md.slice(md.indexOf('```mermaid\n') + 11, md.lastIndexOf('```'));
    const lines = mermaid.trimEnd().split('\n');
    expect(lines[0]).toBe('flowchart LR');
    expect(lines).toContain(`  subgraph c1["${PAYMENTS}"]`);
    expect(lines).toContain('    c1e2["prod<br/>1.4.0 behind"]');
    expect(lines).toContain('    c0p["newest Package<br/>20230502091145.0.0"]');
    expect(lines.filter((l) => /^ {4}c\de\d --> c\de\d$/.test(l))).toEqual([
      '    c0e0 --> c0e1',
      '    c0e1 --> c0e2',
      '    c1e0 --> c1e1',
      '    c1e1 --> c1e2',
    ]);
    expect(lines).toContain('  class c0e2 behind');
    expect(lines).toContain('  class c1e0 current');
    expect(lines.filter((l) => l.startsWith('  classDef '))).toHaveLength(5);
  });

  it('keeps hostile names inert in labels: generated ids, entity-encoded text, no click or href', async () => {
    const hostile = 'x"]\nclick c0e0 href "javascript:alert(1)"\n%%{init: {}}%%<img src=x>#quot;`**b**`';
    const model: StatusModel = {
      environments: [{ name: hostile }, { name: 'prod', promoteFrom: hostile }],
      components: [
        {
          component: hostile,
          versions: [hostile],
          cells: [
            { environment: hostile, state: 'invalid', version: hostile },
            {
              environment: 'prod',
              state: 'behind',
              version: '1.0.0',
              promoteFrom: hostile,
              upstreamVersion: hostile,
            },
          ],
        },
      ],
      valid: false,
      diagnostics: [],
    };
    const mermaid = statusMermaid(model);
    for (const line of mermaid.split('\n').slice(1)) {
      expect(line).toMatch(
        /^ {2}(subgraph c\d+\["[^"]*"\]|end|class c\d+(e\d+|p) \w+|classDef .*| {2}(direction LR|c\d+(e\d+|p)\["[^"]*"\]|c\d+(e\d+|p) (-->|-\.->) c\d+e\d+))$/,
      );
    }
    expect(mermaid).not.toMatch(/\n\s*click/);
    expect(mermaid.replaceAll('<br/>', '').replace(/-\.?->/g, '')).not.toMatch(/[<>`%]/);
    const md = statusMarkdown(model);
    expect(md).not.toContain('<img');
    expect(md.split('\n').filter((l) => l.startsWith('```'))).toEqual(['```mermaid', '```']);
    expect(statusText(model)).not.toMatch(/[\n]click/);
  });

  it('draws only what the Mermaid of GitHub renders (text and edge limits), saying what it left out', () => {
    const cells = ['dev', 'staging', 'prod'].map((environment, i) => ({
      environment,
      state: 'current' as const,
      version: '1.0.0',
      ...(i > 0 ? { promoteFrom: ['dev', 'staging'][i - 1] } : {}),
    }));
    const model: StatusModel = {
      environments: cells.map((c) => ({ name: c.environment })),
      components: Array.from({ length: 400 }, (_, i) => ({
        component: `component-${i}.apps.example.com`,
        versions: ['1.0.0'],
        cells,
      })),
      valid: true,
      diagnostics: [],
    };
    const chart = statusMermaidChart(model);
    expect(chart.drawn).toBeGreaterThan(0);
    expect(chart.drawn).toBeLessThan(400);
    expect(chart.text.length).toBeLessThanOrEqual(MERMAID_LIMITS.maxText);
    expect(chart.text.match(/-\.?-> /g)!.length).toBeLessThanOrEqual(MERMAID_LIMITS.maxEdges);
    expect(chart.text).toContain(`subgraph c${chart.drawn - 1}[`);
    expect(chart.text).not.toContain(`subgraph c${chart.drawn}[`);
    const md = statusMarkdown(model);
    expect(md).toContain(`The promotion chain shows ${chart.drawn} of 400 components`);
    expect(md.match(/^\| component-/gm)).toHaveLength(400);
    expect(statusMarkdown({ ...model, components: model.components.slice(0, 2) })).not.toContain('shows');
  });

  it('mermaidText: any string becomes plain characters and entities, capped', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.integer({ min: 2, max: 80 }), (s, max) => {
        const out = mermaidText(s, max);
        return (
          /^(?:[A-Za-z0-9 ._:/+,=^~-]|#(?:quot|\d+);)*$/.test(out) &&
          out.replace(/#(?:quot|\d+);/g, 'x').length <= max
        );
      }),
      propertyOptions(),
    );
    expect(mermaidText('say "hi" #1')).toBe('say #quot;hi#quot; #35;1');
  });
});
