/**
 * Reads per push with level-triggered delivery: the action in process (src/, not dist/) against the
 * stand-in, REST calls counted from its log. Scenarios: a push of 10 Packages × 5 environments, and
 * a push of one Package to a 1,000-component × 5-environment repository, each first without a
 * delivery cursor and then with one; a scheduled run with nothing new. `npx tsx bench/level-reads.ts [components]`.
 */
import { COMPONENT, initialFiles, newPackage, pushEvent } from '../__tests__/e2e/fixtures.js';
import { type StandIn, startStandIn } from '../__tests__/e2e/stand-in/server.js';
import { runInProcess } from '../__tests__/shell/run-in-process.js';

const OWNER = 'acme';
const REPO = 'gitops';
const TOKEN = 'ghs_e2eTestToken';
const ENVS = ['dev', 'qa', 'staging', 'prod-us', 'prod-eu'];

function manyComponents(count: number, version: string) {
  const base = initialFiles();
  const files: Record<string, string> = {};
  const pushed = (i: number, v = version) => {
    const name = `svc-${i}.apps.example.com`;
    return { [`${name}/packages/${v}.yaml`]: newPackage(v).content.replaceAll(COMPONENT, name) };
  };
  const oldPackage = base[`${COMPONENT}/packages/20230412153322.0.0.yaml`]!;
  for (let i = 0; i < count; i++) {
    const name = `svc-${i}.apps.example.com`;
    const rename = (text: string) => text.replaceAll(COMPONENT, name);
    files[`${name}/packages/20230412153322.0.0.yaml`] = rename(oldPackage);
    for (const env of ENVS)
      for (const file of ['packageinstall.yaml', 'params.yaml', 'kustomization.yaml'])
        files[`${name}/${env}/${file}`] = rename(base[`${COMPONENT}/dev/${file}`]!);
  }
  return { files, pushed };
}

async function measure(label: string, standIn: StandIn, event: object, eventName = 'push') {
  const from = standIn.calls.length;
  const started = performance.now();
  const run = await runInProcess({
    apiUrl: standIn.url,
    repository: `${OWNER}/${REPO}`,
    eventName,
    event,
    token: TOKEN,
    inputs: eventName === 'push' ? {} : { mode: 'install' },
  });
  if (run.code !== 0) throw new Error(`${label}: ${run.stdout.slice(-2000)}`);
  const calls = standIn.calls.slice(from);
  const writes = calls.filter((c) => c.method !== 'GET');
  const byRoute: Record<string, number> = {};
  for (const c of calls.filter((c) => c.method === 'GET')) byRoute[c.route] = (byRoute[c.route] ?? 0) + 1;
  console.log(
    `| ${label} | ${calls.length - writes.length} | ${writes.length} | ${((performance.now() - started) / 1000).toFixed(1)} | ${JSON.stringify(byRoute)}`,
  );
}

function push(standIn: StandIn, files: Record<string, string>): object {
  const before = standIn.head('main')!;
  return pushEvent(OWNER, REPO, before, standIn.commit('main', files, 'supply chain'));
}

async function main() {
  const big = Number(process.argv[2] ?? 1000);
  console.log('| scenario | reads | writes | wall s | reads by route |\n|---|---|---|---|---|');
  const ten = manyComponents(10, '20230502091145.0.0');
  const small = await startStandIn({ owner: OWNER, repo: REPO, token: TOKEN, files: ten.files });
  const all = (v: string) => Object.assign({}, ...Array.from({ length: 10 }, (_, i) => ten.pushed(i, v)));
  await measure('10 × 5 push, no cursor yet', small, push(small, all('20230502091145.0.0')));
  await measure('10 × 5 push, cursor', small, push(small, all('20230601120000.0.0')));
  await measure('10 × 5 scheduled run, nothing new', small, {}, 'schedule');
  await small.close();
  const thousand = manyComponents(big, '20230502091145.0.0');
  const large = await startStandIn({ owner: OWNER, repo: REPO, token: TOKEN, files: thousand.files });
  await measure(`${big} × 5, one Package, no cursor yet`, large, push(large, thousand.pushed(7)));
  await measure(`${big} × 5, one Package, cursor`, large, push(large, thousand.pushed(8)));
  await measure(`${big} × 5 scheduled run, nothing new`, large, {}, 'schedule');
  await large.close();
}

await main();
