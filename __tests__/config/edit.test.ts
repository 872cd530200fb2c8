import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/config.js';
import { addEnvironment } from '../../src/config/edit.js';

const example = readFileSync(new URL('../../examples/gitops/flux-pkg.yaml', import.meta.url), 'utf8');

describe('bootstrap adds its environment to flux-pkg.yaml', () => {
  it('appends the entry and leaves every line a person wrote as it was', () => {
    const edit = addEnvironment(example, {
      name: 'qa',
      promoteFrom: 'dev',
      settings: { targetNamespace: 'apps', kubeconfigSecret: 'qa-kubeconfig', labels: ['deploy/qa'] },
    });
    expect(edit.changed).toBe(true);
    expect(edit.text.startsWith(example.trimEnd())).toBe(true);
    expect(edit.text.slice(example.trimEnd().length)).toBe(
      '\n  - name: qa\n    promoteFrom: dev\n    targetNamespace: apps\n    kubeconfigSecret: qa-kubeconfig\n    labels:\n      - deploy/qa\n',
    );
    const { config, diagnostics } = parseConfig('flux-pkg.yaml', edit.text);
    expect(diagnostics).toEqual([]);
    expect(config.environments?.map((e) => e.name)).toEqual(['dev', 'staging', 'prod', 'qa']);
  });

  it('leaves a listed environment alone, or rewrites it in place when asked', () => {
    expect(addEnvironment(example, { name: 'staging' })).toEqual({
      text: example,
      changed: false,
      diagnostics: [],
    });
    const replaced = addEnvironment(
      example,
      { name: 'staging', settings: { targetNamespace: 'stage' } },
      { replace: true },
    );
    const { config } = parseConfig('flux-pkg.yaml', replaced.text);
    expect(config.environments?.map((e) => e.name)).toEqual(['dev', 'staging', 'prod']);
    expect(config.environments?.[1]).toEqual({ name: 'staging', targetNamespace: 'stage' });
    expect(replaced.text).toContain('# prod gets a version once it is merged into staging');
  });

  it('creates the file, or the list, when absent', () => {
    const created = addEnvironment(undefined, { name: 'dev', settings: { targetNamespace: 'apps' } });
    expect(created.text).toMatch(/^# flux-pkg-action configuration/);
    expect(parseConfig('flux-pkg.yaml', created.text).config.environments).toEqual([
      { name: 'dev', targetNamespace: 'apps' },
    ]);
    const noList = addEnvironment('# keep me\ndefaults:\n  constraint: "{version}"\n', { name: 'dev' });
    expect(noList.text).toBe(
      '# keep me\ndefaults:\n  constraint: "{version}"\nenvironments:\n  - name: dev\n',
    );
  });

  it("keeps a file's flush sequence style", () => {
    expect(addEnvironment('environments:\n- name: a # first\n', { name: 'b' }).text).toBe(
      'environments:\n- name: a # first\n- name: b\n',
    );
  });

  it('refuses, with a diagnostic naming the file, what it cannot edit safely', () => {
    for (const text of ['environments: {dev: 1}\n', '- a\n', 'a: [\n']) {
      const edit = addEnvironment(text, { name: 'dev' });
      expect(edit.changed).toBe(false);
      expect(edit.text).toBe(text);
      expect(edit.diagnostics).toHaveLength(1);
      expect(edit.diagnostics[0]).toMatchObject({
        severity: 'error',
        file: 'flux-pkg.yaml',
        code: 'config.not-editable',
      });
    }
  });
});
