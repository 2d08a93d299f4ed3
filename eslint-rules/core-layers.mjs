// ESLint rule `ups/layers`: imports inside src/ only go down the layers. The order, lowest first:
//   contract ← base (fs, log, http, install, profile) ← vault ← engine | probes | plex | tray ← stack ← wiring
//   ← migrate | diagnostics ← app ← doors (cli, bridge, main, preload); the renderer sees only the contract and the bridge client.
// Folders of one layer may not import each other unless they are the base layer. A local rule rather than
// eslint-plugin-import's no-restricted-paths: it is the whole rule in forty lines, with no dependency tree.
import path from 'node:path';

const rank = {
  contract: 0,
  fs: 1,
  log: 1,
  http: 1,
  install: 1,
  profile: 1,
  vault: 2,
  engine: 3,
  probes: 3,
  plex: 3,
  tray: 3,
  stack: 4,
  wiring: 5,
  migrate: 6,
  diagnostics: 6,
  app: 7,
};
const doors = new Set(['cli', 'bridge', 'main', 'preload']);

/** The layer of a file under src/: { area, rank } or null outside src. */
function layerOf(file) {
  const rel = path.relative(path.resolve('src'), file).split(path.sep);
  if (rel[0] === '..' || rel.length < 2) return null;
  if (rel[0] === 'core') return rel[1] in rank ? { area: rel[1], rank: rank[rel[1]] } : null;
  if (doors.has(rel[0])) return { area: rel[0], rank: 8, file: rel.slice(1).join('/') };
  if (rel[0] === 'renderer') return { area: 'renderer', rank: 9 };
  return null;
}

function allowed(from, to) {
  if (from.area === to.area) return true;
  // The renderer talks to the core only through the contract (and the bridge's browser-side client of it).
  if (from.area === 'renderer')
    return to.area === 'contract' || (to.area === 'bridge' && to.file.replace(/\.tsx?$/, '') === 'client');
  if (to.area === 'renderer') return false;
  if (to.rank === 8) return from.rank === 8; // doors may start each other (`ups serve` runs the bridge); core never
  if (from.rank === 1 && to.rank === 1) return true; // the base layer's folders share
  return to.rank < from.rank;
}

export default {
  meta: {
    type: 'problem',
    schema: [],
    messages: { up: '{{from}} may not import {{to}}: imports go down the layers (see eslint-rules/core-layers.mjs).' },
  },
  create(context) {
    const file = context.filename;
    if (/\.test\.tsx?$/.test(file)) return {};
    const from = layerOf(file);
    if (!from) return {};
    const check = (node, spec) => {
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const to = layerOf(path.resolve(path.dirname(file), spec));
      if (to && !allowed(from, to)) context.report({ node, messageId: 'up', data: { from: from.area, to: to.area } });
    };
    return {
      ImportDeclaration: (n) => check(n, n.source.value),
      ExportNamedDeclaration: (n) => n.source && check(n, n.source.value),
      ExportAllDeclaration: (n) => check(n, n.source.value),
      ImportExpression: (n) => n.source.type === 'Literal' && check(n, n.source.value),
    };
  },
};
