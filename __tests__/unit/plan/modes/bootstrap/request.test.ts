import { describe, expect, it } from 'vitest';
import {
  fluxApiVersionOf,
  fluxGitUrl,
  githubComAddressOf,
  gitUrlProblem,
  repositoryUrlProblem,
  requestProblems,
} from '../../../../../src/plan/modes/bootstrap/request.js';
import type { BootstrapRequest } from '../../../../../src/plan/types.js';
import { codes } from '../../../repo-state.js';

const request = (fields: Partial<BootstrapRequest> = {}): BootstrapRequest => ({
  kind: 'bootstrap',
  components: ['app'],
  environment: 'dev',
  gitUrl: 'https://github.com/org/gitops',
  branch: 'main',
  repositoryUrl: 'https://github.com/org/gitops',
  ...fields,
});

describe('requestProblems: each bad field is one request.<input> error naming the input', () => {
  it('a good request has none', () => {
    expect(requestProblems(request())).toEqual([]);
    expect(
      requestProblems(request({ components: ['*'], commitStatus: false, repositoryUrl: undefined })),
    ).toEqual([]);
  });

  it('names the field: environment, component, flux-api-version, namespaces, object names, version', () => {
    const problems = requestProblems(
      request({
        environment: 'Dev',
        components: ['*', 'ok'],
        fluxApiVersion: 'v2' as never,
        targetNamespace: 'kube-system',
        fluxNamespace: 'Flux',
        gitSecretName: 'bad_name',
        version: '1.0.0 beta',
      }),
    );
    expect(codes(problems)).toEqual([
      'request.environment',
      'request.component',
      'request.flux-api-version',
      'request.flux-namespace',
      'request.git-secret-name',
      'request.target-namespace',
      'request.version',
    ]);
    expect(problems.every((d) => d.file === '' && d.severity === 'error')).toBe(true);
    expect(problems[1]!.message).toContain('must be alone');
  });

  it('says where --values is not YAML, never what it holds', () => {
    const [problem] = requestProblems(request({ values: 'token: [s3cr3t\n' }));
    expect(problem).toMatchObject({
      code: 'request.values',
      message: expect.stringMatching(/is not valid YAML \(line \d+, column \d+\)/),
    });
    expect(problem!.message).not.toContain('s3cr3t');
  });

  it('refuses a Flux controller’s service account and a missing repository URL while commit statuses are on', () => {
    const problems = requestProblems(
      request({ fluxServiceAccountName: 'kustomize-controller', repositoryUrl: undefined }),
    );
    expect(codes(problems)).toEqual(['request.flux-service-account-name', 'request.repository-url']);
  });
});

describe('git URLs', () => {
  it('accepts https, ssh:// and scp-like; refuses other schemes, credentials and control characters', () => {
    for (const ok of [
      'https://github.com/org/repo',
      'ssh://git@host/org/repo',
      'git@github.com:org/repo.git',
    ])
      expect(gitUrlProblem(ok), ok).toBeUndefined();
    expect(gitUrlProblem('')).toBe('is required');
    expect(gitUrlProblem('http://host/org/repo')).toBe('must be https or ssh, not http');
    expect(gitUrlProblem('https://user:pw@host/org/repo')).toMatch(/password/);
    expect(gitUrlProblem('https://user@host/org/repo')).toMatch(/user name/);
    expect(gitUrlProblem('https://host/')).toBe('names no repository');
    expect(gitUrlProblem('https://host/org/repo\n')).toMatch(/control characters/);
  });

  it('gives Flux ssh:// for the scp-like form and leaves the others', () => {
    expect(fluxGitUrl('git@github.com:org/repo.git')).toBe('ssh://git@github.com/org/repo.git');
    expect(fluxGitUrl('https://github.com/org/repo')).toBe('https://github.com/org/repo');
  });

  it('the github.com address only for a github.com repository (the token never follows another host)', () => {
    expect(githubComAddressOf('git@github.com:org/repo.git')).toBe('https://github.com/org/repo');
    expect(githubComAddressOf('https://GitHub.com/org/repo/')).toBe('https://github.com/org/repo');
    expect(githubComAddressOf('https://github.example.com/org/repo')).toBeUndefined();
    expect(githubComAddressOf('https://github.com/org')).toBeUndefined();
  });

  it('the Provider’s repository URL: https, one repository, no credentials', () => {
    expect(repositoryUrlProblem('https://ghe.example.com/org/repo')).toBeUndefined();
    expect(repositoryUrlProblem(undefined)).toMatch(/is required/);
    expect(repositoryUrlProblem('ssh://github.com/org/repo')).toMatch(/https address/);
    expect(repositoryUrlProblem('https://t@github.com/org/repo')).toMatch(/credentials/);
    expect(repositoryUrlProblem('https://github.com/org')).toMatch(/one repository/);
  });

  it('flux-api-version: the given one when valid, else the configured', () => {
    expect(fluxApiVersionOf('v1beta2', 'v1')).toBe('v1beta2');
    expect(fluxApiVersionOf('v3', 'v1')).toBe('v1');
    expect(fluxApiVersionOf(undefined, 'v1beta2')).toBe('v1beta2');
  });
});
