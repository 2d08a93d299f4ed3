// Bundles bench/run.ts so `npm run bench` runs on plain Node without a TypeScript loader.
import { build } from 'esbuild';

await build({ entryPoints: ['bench/run.ts'], outfile: 'dist/bench/run.mjs', bundle: true, platform: 'node', target: 'node20', format: 'esm', packages: 'external', logLevel: 'warning' });
