// "Add a Tdarr node on another PC": the files that PC needs, pure and deterministic. Tdarr is the
// distributed engine: we write its node's own settings, nothing of ours runs there.
// Upstream (github.com/HaveAGitGat/tdarr_docs_public @ b071ba0):
// - docs/2-installation/4-docker/1-run-compose.md: image ghcr.io/haveagitgat/tdarr_node; env nodeName, serverIP,
//   serverPort; /app/configs holds Tdarr_Node_Config.json; "pathTranslators ... can't be set through env vars"; env vars
//   take precedence over the JSON config; NVIDIA via NVIDIA_DRIVER_CAPABILITIES/NVIDIA_VISIBLE_DEVICES + GPUs, VAAPI via
//   /dev/dri.
// - docs/2-installation/3-windows-linux-macos.md: Tdarr_Node_Config.json keys and pathTranslators [{server, node}];
//   "the cache and library must be shared between the Node and Server": the node writes its output into the cache
//   (translated back, e.g. W:/tcache/… → /tcache/…) and "the Server will then handle what needs to be done with the
//   file next", so the server's /temp must be a folder the node's PC can mount too. It is the tdarr-cache folder
//   beside media/ (compose/tdarr.yml, stack/data-layout.ts, docs/decisions.md D34).
// - The node image runs Tdarr_Node whenever the server service is absent (docker/root/etc/services.d/tdarr_node/run
//   in github.com/HaveAGitGat/Tdarr @ c9715e1); /temp is its transcode cache (Dockerfile.final, 01-setup-perms).
import { stringify } from 'yaml';
import type { TdarrGpu, TdarrWorkers } from '../contract';
import { imageVersions } from '../contract';
import { TDARR_CACHE_FOLDER } from './data-layout';
import { workerEnv } from './tdarr-env';

/** Where the server container sees the library and the transcode cache (compose/tdarr.yml). */
export const SERVER_MEDIA_PATH = '/data/media';
export const SERVER_CACHE_PATH = '/temp';
/** Where the node container sees them; the media path differs on purpose so the translator is explicit. */
export const NODE_MEDIA_PATH = '/media';
export const NODE_CACHE_PATH = '/temp';

/** The folders on the stack's side that the other PC must mount: where the server's media and cache come from. */
export interface ServerShareFolders {
  /** The folder holding media/ and tdarr-cache/ (the data root, or the NAS target after "Migrate to NAS"). */
  root: string;
  media: string;
  cache: string;
}

/** A host path as its user writes it: a Windows drive or share path with backslashes (stack.yml keeps D:/Data). */
function shown(p: string): string {
  return /^[A-Za-z]:|^\\\\/.test(p) ? p.replace(/\//g, '\\') : p;
}

/** A child of a host path, spelled like the host (D:/Data → D:\Data\media, /srv/data → /srv/data/media). */
function childOf(root: string, name: string): string {
  return shown(`${root.replace(/[\\/]+$/, '')}/${name}`);
}

/**
 * Where the Tdarr server's /data/media and /temp come from on the stack's side: both under the data root, or under the
 * NAS target once the library moved there (the migration moves the cache folder with media; compose-rewrite.ts).
 */
export function serverShareFolders(dataRoot: string, nasTarget?: string): ServerShareFolders {
  const root = nasTarget ?? dataRoot;
  return { root: shown(root), media: childOf(root, 'media'), cache: childOf(root, TDARR_CACHE_FOLDER) };
}

export interface NodeBundleSpec {
  nodeName: string;
  serverIP: string;
  serverPort: number;
  /** The server's image reference (stack.yml images.tdarr): the node runs the same Tdarr version. */
  serverImage: string;
  mediaPath: string;
  cachePath: string;
  /** The stack-side folders these paths must be the same storage as (named in README.txt). */
  server: ServerShareFolders;
  gpu: TdarrGpu;
  workers?: TdarrWorkers;
  timeZone: string;
  puid: number;
  pgid: number;
}

export interface BundleFile {
  name: string;
  content: string;
}

export const BUNDLE_COMPOSE = 'compose.yaml';
export const BUNDLE_NODE_CONFIG = 'configs/Tdarr_Node_Config.json';
export const BUNDLE_README = 'README.txt';

const NODE_REPO = 'ghcr.io/haveagitgat/tdarr_node';

/**
 * The node image with the server's tag (a node of another version is no help). A server image outside the known
 * repository, or pinned by digest only, falls back to the newest tag the catalog knows.
 */
export function nodeImageFor(serverImage: string): string {
  const m = /^ghcr\.io\/haveagitgat\/tdarr:([\w][\w.-]{0,127})$/.exec(serverImage);
  const known = imageVersions.tdarr.known;
  const tag = m?.[1] ?? known[known.length - 1]!.tag;
  return `${NODE_REPO}:${tag}`;
}

export function nodeComposeDocument(s: NodeBundleSpec): Record<string, unknown> {
  const environment: Record<string, string> = {
    TZ: s.timeZone,
    PUID: String(s.puid),
    PGID: String(s.pgid),
    nodeName: s.nodeName,
    serverIP: s.serverIP,
    serverPort: String(s.serverPort),
    inContainer: 'true',
    ...(s.workers ? workerEnv(s.workers) : {}),
  };
  const service: Record<string, unknown> = {
    image: nodeImageFor(s.serverImage),
    restart: 'unless-stopped',
    environment,
    volumes: [
      // Tdarr_Node_Config.json (the path translators) sits next to this file.
      { type: 'bind', source: './configs', target: '/app/configs' },
      { type: 'bind', source: './logs', target: '/app/logs' },
      { type: 'bind', source: s.mediaPath, target: NODE_MEDIA_PATH },
      { type: 'bind', source: s.cachePath, target: NODE_CACHE_PATH },
    ],
  };
  if (s.gpu === 'nvidia') {
    environment.NVIDIA_VISIBLE_DEVICES = 'all';
    environment.NVIDIA_DRIVER_CAPABILITIES = 'all';
    // Compose's form of `--gpus=all` (the docs' run example).
    service.deploy = {
      resources: { reservations: { devices: [{ driver: 'nvidia', count: 'all', capabilities: ['gpu'] }] } },
    };
  }
  if (s.gpu === 'intel-amd') service.devices = ['/dev/dri:/dev/dri'];
  return { services: { 'tdarr-node': service } };
}

/** Tdarr_Node_Config.json: only what env vars cannot carry (the path translators) plus the node's identity. */
export function nodeConfigDocument(s: NodeBundleSpec): Record<string, unknown> {
  return {
    nodeName: s.nodeName,
    serverIP: s.serverIP,
    serverPort: String(s.serverPort),
    pathTranslators: [
      { server: SERVER_MEDIA_PATH, node: NODE_MEDIA_PATH },
      { server: SERVER_CACHE_PATH, node: NODE_CACHE_PATH },
    ],
  };
}

function readme(s: NodeBundleSpec): string {
  const gpu =
    s.gpu === 'nvidia'
      ? 'NVIDIA GPU: install the NVIDIA driver and the NVIDIA Container Toolkit on this PC first (Docker Desktop on Windows: WSL 2 with a current NVIDIA driver).'
      : s.gpu === 'intel-amd'
        ? 'Intel/AMD GPU: the node gets /dev/dri (Linux hosts only; Docker Desktop on Windows has no /dev/dri).'
        : 'No GPU: the node transcodes on the CPU.';
  return [
    `Tdarr node "${s.nodeName}" for Ultimate Plex Stack`,
    '',
    `This folder runs a Tdarr node that takes work from the Tdarr server at ${s.serverIP}:${s.serverPort}.`,
    '',
    'Before you start:',
    `- ${s.mediaPath} must be the server's media folder, ${s.server.media}, as this PC sees it over the network.`,
    `- ${s.cachePath} must be the server's transcode cache, ${s.server.cache}, as this PC sees it over the network:`,
    '  the node writes its finished files there and the server takes them from there into the library.',
    `  Both folders are in ${s.server.root}: share that folder (or mount that NAS share) on this PC.`,
    `- This PC must reach ${s.serverIP} on port ${s.serverPort} (firewall).`,
    `- ${gpu}`,
    '',
    'Start it from this folder with:  docker compose up -d',
    'The node then appears in Tdarr (Nodes) and in the Ultimate Plex Stack dashboard.',
    `configs/Tdarr_Node_Config.json holds the path translators (server ${SERVER_MEDIA_PATH} is this node's ${NODE_MEDIA_PATH}, server ${SERVER_CACHE_PATH} is this node's ${NODE_CACHE_PATH}).`,
    '',
  ].join('\n');
}

export function nodeBundleFiles(s: NodeBundleSpec): BundleFile[] {
  const header = [
    `# Tdarr node "${s.nodeName}" for the Tdarr server at ${s.serverIP}:${s.serverPort}, written by Ultimate Plex Stack.`,
    '# Start with: docker compose up -d (see README.txt).',
    '',
  ].join('\n');
  return [
    { name: BUNDLE_COMPOSE, content: header + stringify(nodeComposeDocument(s), { lineWidth: 0 }) },
    { name: BUNDLE_NODE_CONFIG, content: `${JSON.stringify(nodeConfigDocument(s), null, 2)}\n` },
    { name: BUNDLE_README, content: readme(s) },
  ];
}
