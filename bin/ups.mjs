#!/usr/bin/env node
// Runs the built CLI; `npm run build` produces dist/cli/ups.mjs.
import '../dist/cli/ups.mjs';
