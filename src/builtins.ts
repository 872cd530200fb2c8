/**
 * Node built-ins loaded on first use instead of imported at the top: a command that never hashes
 * (a plain `flux-pkg validate`) skips their load, about a third of a bare `node -e ''` (src/startup.ts
 * has the measurement).
 */
export const nodeCrypto = () => process.getBuiltinModule('node:crypto');
