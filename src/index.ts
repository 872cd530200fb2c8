import { enableCompileCache } from './startup.js';

enableCompileCache();
// Imported after the cache is on, so the action's code is compiled from it on later runs.
const { run } = await import('./main.js');

run();
