#!/usr/bin/env node
// Runs the built CLI; `npm run build` produces dist/cli/ups.mjs (plus the chunks each command loads on demand).
import module from 'node:module';

// Node ≥ 22.1 keeps compiled code on disk between runs (start-up); older Node has no such call and skips it.
if (typeof module.enableCompileCache === 'function') {
  try {
    module.enableCompileCache();
  } catch {
    // A read-only or missing cache folder only costs speed.
  }
}
await import('../dist/cli/ups.mjs');
