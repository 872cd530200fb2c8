/**
 * The client's own cost per request: createClient (src/github/client.ts) against a loopback server in
 * another process that answers at once, requests one after another, beside plain fetch for the floor.
 * Each round is a fresh client: 8 paced writes (within the burst: none waits for a token), 8 unpaced
 * writes, 8 reads; the first round warms up and is not counted. Prints the median ms per request.
 *
 * `npx tsx bench/client-latency.ts [rounds]`; `--client PATH` measures another build of client.ts
 * (e.g. an older commit's src, extracted with `git archive`), so two versions compare on one machine.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  options: { client: { type: 'string' } },
  allowPositionals: true,
});
const rounds = Number(positionals[0] ?? 20);
const modulePath = resolve(values.client ?? new URL('../src/github/client.ts', import.meta.url).pathname);
const { createClient } = (await import(modulePath)) as typeof import('../src/github/client.js');

const SERVER = `
const s = require('node:http').createServer(async (req, res) => {
  for await (const _ of req);
  res.writeHead(req.method === 'GET' ? 200 : 201, { 'content-type': 'application/json' });
  res.end('{"ok":true}');
});
s.listen(0, '127.0.0.1', () => process.stdout.write(s.address().port + '\\n'));`;

const server = spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
const port = await new Promise<string>((done) => server.stdout.once('data', (d) => done(String(d).trim())));
const baseUrl = `http://127.0.0.1:${port}`;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function timed(times: number[], send: () => Promise<unknown>, n = 8): Promise<void> {
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await send();
    times.push(performance.now() - start);
  }
}

const commit = { owner: 'acme', repo: 'gitops', message: 'm', tree: 'abc', parents: [] };
const ref = { owner: 'acme', repo: 'gitops', ref: 'heads/main' };
const series = { fetchGet: [], pacedPost: [], unpacedPost: [], get: [] } as Record<string, number[]>;
for (let round = 0; round <= rounds; round++) {
  const into = round === 0 ? ({} as Record<string, number[]>) : series;
  const keep = (name: string) => (into[name] ??= []);
  const paced = createClient({ token: 't', baseUrl });
  const unpaced = createClient({ token: 't', baseUrl, pacing: false });
  await timed(keep('fetchGet'), async () =>
    (await fetch(`${baseUrl}/repos/acme/gitops/git/ref/heads/main`)).json(),
  );
  await timed(keep('pacedPost'), () => paced.rest.git.createCommit(commit));
  await timed(keep('unpacedPost'), () => unpaced.rest.git.createCommit(commit));
  await timed(keep('get'), () => paced.rest.git.getRef(ref));
}
server.kill();
for (const [name, times] of Object.entries(series)) {
  console.log(
    `${name.padEnd(12)} median ${median(times).toFixed(2)} ms  (n=${times.length}, max ${Math.max(...times).toFixed(1)})`,
  );
}
