#!/usr/bin/env node
import { enableCompileCache } from '../startup.js';

enableCompileCache();
// Imported after the cache is on, so the CLI's code is compiled from it.
const { main } = await import('./main.js');

// Output piped into `head` closes early: stop writing there instead of crashing on EPIPE.
const closed = new Set<NodeJS.WriteStream>();
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    closed.add(stream);
  });
}
const write = (stream: NodeJS.WriteStream) => (text: string) => {
  if (!closed.has(stream)) stream.write(text);
};

main(process.argv.slice(2), { out: write(process.stdout), err: write(process.stderr) }).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    write(process.stderr)(
      `flux-pkg: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
    process.exitCode = 3;
  },
);
