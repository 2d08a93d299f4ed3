// Bundles the Node-side entry points (CLI, Electron main, preload) with esbuild; no Electron binary needed.
import { rm } from 'node:fs/promises';
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };

// Native addons, packages that load files next to themselves at run time (dockerode's proto files, pino's
// worker transports), and electron stay external; the rest of the CLI is inlined: one file to load halves
// `ups status` start-up CPU (see bench cli.status_json.wall).
const runtimeExternal = [
  'electron',
  '@github/keytar',
  'ssh2',
  'cpu-features',
  'dockerode',
  'pino',
  'thread-stream',
  '*.node',
];
const requireShim =
  "import { createRequire as __upsCreateRequire } from 'node:module'; const require = __upsCreateRequire(import.meta.url);";

// The CLI is split: each command module and the App service are separate chunks loaded by import() only when the
// command line needs them, so `ups status` does not parse or run the code of `ups migrate` (bench cli-startup).
// Old chunks are removed first: their names carry a content hash and would otherwise pile up.
await rm('dist/cli', { recursive: true, force: true });
await Promise.all([
  build({
    ...common,
    entryPoints: { ups: 'src/cli/ups.ts' },
    outdir: 'dist/cli',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    format: 'esm',
    external: runtimeExternal,
    banner: { js: requireShim },
  }),
  build({
    ...common,
    packages: 'external',
    entryPoints: ['src/main/main.ts'],
    outfile: 'dist/main/main.mjs',
    format: 'esm',
  }),
  // A sandboxed preload may only require('electron'): everything else is inlined, and it must be CommonJS.
  build({
    ...common,
    entryPoints: ['src/preload/preload.ts'],
    outfile: 'dist/preload/preload.cjs',
    format: 'cjs',
    external: ['electron'],
  }),
]);
