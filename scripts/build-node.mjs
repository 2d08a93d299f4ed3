// Bundles the Node-side entry points (CLI, Electron main, preload) with esbuild; no Electron binary needed.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning', packages: 'external' };

await Promise.all([
  build({ ...common, entryPoints: ['src/cli/ups.ts'], outfile: 'dist/cli/ups.mjs', format: 'esm' }),
  build({ ...common, entryPoints: ['src/main/main.ts'], outfile: 'dist/main/main.mjs', format: 'esm', external: ['electron'] }),
  // A sandboxed preload may only require('electron'): everything else is inlined, and it must be CommonJS.
  build({ ...common, packages: undefined, entryPoints: ['src/preload/preload.ts'], outfile: 'dist/preload/preload.cjs', format: 'cjs', external: ['electron'] }),
]);
