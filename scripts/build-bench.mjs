// Bundles bench/run.ts so `npm run bench` runs on plain Node without a TypeScript loader.
import { copyFile, mkdir } from 'node:fs/promises';
import { build } from 'esbuild';

// Packages stay external, so Node's ESM resolver loads them: a deep CommonJS path without its extension (the Arr
// fakes' `ajv/dist/2020`) resolves only with `.js` added.
const deepCjsPaths = {
  name: 'deep-cjs-paths',
  setup(b) {
    b.onResolve({ filter: /^ajv\/dist\/[^.]+$/ }, (args) => ({ path: `${args.path}.js`, external: true }));
  },
};

await build({
  entryPoints: ['bench/run.ts'],
  outfile: 'dist/bench/run.mjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  logLevel: 'warning',
  plugins: [deepCjsPaths],
});

// Test helpers the bench shares read tests/standin/tools.json beside themselves (`../standin/tools.json` from
// tests/helpers); bundled into dist/bench/, that URL is dist/standin/tools.json, so the file goes there too.
await mkdir('dist/standin', { recursive: true });
await copyFile('tests/standin/tools.json', 'dist/standin/tools.json');
