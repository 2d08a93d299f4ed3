// Tdarr at scale: the server's internal node from stack.yml, and the node bundle for another PC, both checked against
// the Compose Specification schema (tests/fixtures/compose-spec) and read back as Tdarr would read them.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { composeSchemaErrors } from '../../../tests/helpers/compose-schema';
import { StackConfigSchema, TdarrNodeBundleInputSchema } from '../contract';
import { loadCatalog } from './catalog';
import { generateCompose } from './generate-compose';
import { renderEnvFile } from './env-file';
import { sampleConfigInput } from './sample-config';
import {
  BUNDLE_COMPOSE,
  BUNDLE_NODE_CONFIG,
  nodeBundleFiles,
  BUNDLE_README,
  nodeImageFor,
  serverShareFolders,
  type NodeBundleSpec,
} from './tdarr-node-bundle';

type Svc = {
  environment: Record<string, string>;
  ports: string[];
  deploy?: unknown;
  devices?: string[];
  image: string;
};

const spec = (over: Partial<NodeBundleSpec> = {}): NodeBundleSpec => ({
  nodeName: 'gaming-pc',
  serverIP: '192.168.1.20',
  serverPort: 8266,
  serverImage: 'ghcr.io/haveagitgat/tdarr:2.28.01',
  mediaPath: 'D:\\Media',
  cachePath: 'D:\\TdarrCache',
  server: serverShareFolders('/srv/data'),
  gpu: 'none',
  timeZone: 'Europe/Berlin',
  puid: 1000,
  pgid: 1000,
  ...over,
});

describe('Tdarr server in the generated compose', () => {
  it('publishes the node port and keeps the internal node on by default', async () => {
    const cfg = StackConfigSchema.parse(
      sampleConfigInput({ services: { qbittorrent: true, nzbget: false, tdarr: true } }),
    );
    const doc = parse(generateCompose(cfg, await loadCatalog()).text) as { services: Record<string, Svc> };
    expect(composeSchemaErrors(doc)).toEqual([]);
    const t = doc.services.tdarr!;
    expect(t.ports).toEqual(['127.0.0.1:${STACK_PORT_TDARR}:8265/tcp', '127.0.0.1:${STACK_PORT_TDARRSERVER}:8266/tcp']);
    expect(t.environment.internalNode).toBe('true');
    expect(t.environment).not.toHaveProperty('transcodecpuWorkers');
    expect(renderEnvFile(cfg)).toContain('STACK_PORT_TDARRSERVER=8266\n');
  });

  it('turns the internal node off or sets its worker counts from stack.yml', async () => {
    const catalog = await loadCatalog();
    const on = StackConfigSchema.parse(
      sampleConfigInput({
        services: { qbittorrent: true, nzbget: false, tdarr: true },
        tdarr: {
          internalNode: true,
          workers: { transcodeCpu: 3, transcodeGpu: 1, healthcheckCpu: 2, healthcheckGpu: 0 },
        },
      }),
    );
    const env = (parse(generateCompose(on, catalog).text) as { services: Record<string, Svc> }).services.tdarr!
      .environment;
    expect(env).toMatchObject({
      internalNode: 'true',
      transcodecpuWorkers: '3',
      transcodegpuWorkers: '1',
      healthcheckcpuWorkers: '2',
      healthcheckgpuWorkers: '0',
    });
    const off = StackConfigSchema.parse({ ...on, tdarr: { internalNode: false, workers: on.tdarr!.workers } });
    const envOff = (parse(generateCompose(off, catalog).text) as { services: Record<string, Svc> }).services.tdarr!
      .environment;
    expect(envOff.internalNode).toBe('false');
    expect(envOff).not.toHaveProperty('transcodecpuWorkers');
  });

  it('refuses worker counts Tdarr cannot run and unknown keys, naming the field', () => {
    const bad = StackConfigSchema.safeParse(
      sampleConfigInput({ tdarr: { internalNode: true, workers: { transcodeCpu: -1 } } } as never),
    );
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.path).toEqual(['tdarr', 'workers', 'transcodeCpu']);
    expect(StackConfigSchema.safeParse(sampleConfigInput({ tdarr: { nodes: 3 } } as never)).success).toBe(false);
  });

  it('counts the node port among the ports that must not collide', () => {
    const r = StackConfigSchema.safeParse(
      sampleConfigInput({
        services: { qbittorrent: true, nzbget: false, tdarr: true },
        ports: { tdarrServer: 8265 },
      } as never),
    );
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(['ports', 'tdarrServer']);
  });
});

describe('Tdarr node bundle', () => {
  it('generated compose validates and names the server', () => {
    const files = nodeBundleFiles(spec());
    const compose = parse(files.find((f) => f.name === BUNDLE_COMPOSE)!.content) as { services: Record<string, Svc> };
    expect(composeSchemaErrors(compose)).toEqual([]);
    const node = compose.services['tdarr-node']!;
    expect(node.image).toBe('ghcr.io/haveagitgat/tdarr_node:2.28.01');
    expect(node.environment).toMatchObject({ serverIP: '192.168.1.20', serverPort: '8266', nodeName: 'gaming-pc' });
    expect(node.deploy).toBeUndefined();
    expect(node.devices).toBeUndefined();
    const cfg = JSON.parse(files.find((f) => f.name === BUNDLE_NODE_CONFIG)!.content) as {
      serverIP: string;
      pathTranslators: { server: string; node: string }[];
    };
    expect(cfg.serverIP).toBe('192.168.1.20');
    // The server's /data/media is what this node mounts at /media, from the path the user gave.
    expect(cfg.pathTranslators).toContainEqual({ server: '/data/media', node: '/media' });
    expect(JSON.stringify(compose)).toContain('"source":"D:\\\\Media","target":"/media"');
    expect(files.map((f) => f.name)).toContain('README.txt');
  });

  it('shares the transcode cache: a translator for /temp, the mount from the path given, the share folder named', () => {
    const files = nodeBundleFiles(spec());
    const cfg = JSON.parse(files.find((f) => f.name === BUNDLE_NODE_CONFIG)!.content) as {
      pathTranslators: { server: string; node: string }[];
    };
    expect(cfg.pathTranslators).toEqual([
      { server: '/data/media', node: '/media' },
      { server: '/temp', node: '/temp' },
    ]);
    const compose = parse(files.find((f) => f.name === BUNDLE_COMPOSE)!.content) as {
      services: Record<string, { volumes: { source: string; target: string }[] }>;
    };
    expect(compose.services['tdarr-node']!.volumes).toContainEqual({
      type: 'bind',
      source: 'D:\\TdarrCache',
      target: '/temp',
    });
    const readme = files.find((f) => f.name === BUNDLE_README)!.content;
    expect(readme).toContain("D:\\TdarrCache must be the server's transcode cache, /srv/data/tdarr-cache,");
    expect(readme).toContain("D:\\Media must be the server's media folder, /srv/data/media,");
    expect(readme).toContain('Both folders are in /srv/data: share that folder');
  });

  it('spells the stack-side folders the way the host does, and follows the library to the NAS', () => {
    expect(serverShareFolders('D:\\Data\\')).toEqual({
      root: 'D:\\Data\\',
      media: 'D:\\Data\\media',
      cache: 'D:\\Data\\tdarr-cache',
    });
    // stack.yml keeps Windows paths with forward slashes; the user reads them with backslashes.
    expect(serverShareFolders('D:/Data').cache).toBe('D:\\Data\\tdarr-cache');
    expect(serverShareFolders('/volume1/data').cache).toBe('/volume1/data/tdarr-cache');
    expect(serverShareFolders('D:\\Data', '\\\\nas\\media\\ups')).toEqual({
      root: '\\\\nas\\media\\ups',
      media: '\\\\nas\\media\\ups\\media',
      cache: '\\\\nas\\media\\ups\\tdarr-cache',
    });
    expect(serverShareFolders('D:\\Data', '/mnt/nas').media).toBe('/mnt/nas/media');
  });

  it('asks for an NVIDIA GPU through deploy reservations and for Intel/AMD through /dev/dri', () => {
    const nv = parse(nodeBundleFiles(spec({ gpu: 'nvidia' }))[0]!.content) as { services: Record<string, Svc> };
    expect(composeSchemaErrors(nv)).toEqual([]);
    expect(nv.services['tdarr-node']!.deploy).toEqual({
      resources: { reservations: { devices: [{ driver: 'nvidia', count: 'all', capabilities: ['gpu'] }] } },
    });
    const dri = parse(nodeBundleFiles(spec({ gpu: 'intel-amd' }))[0]!.content) as { services: Record<string, Svc> };
    expect(composeSchemaErrors(dri)).toEqual([]);
    expect(dri.services['tdarr-node']!.devices).toEqual(['/dev/dri:/dev/dri']);
  });

  it('the schema check can fail', () => {
    expect(composeSchemaErrors({ services: { 'tdarr-node': { imgae: 'x' } } })).not.toEqual([]);
  });

  it('runs the node on the server tag, falling back to the catalog tag for a digest or another repo', () => {
    expect(nodeImageFor('ghcr.io/haveagitgat/tdarr:2.28.01')).toBe('ghcr.io/haveagitgat/tdarr_node:2.28.01');
    expect(nodeImageFor(`ghcr.io/haveagitgat/tdarr@sha256:${'a'.repeat(64)}`)).toBe(
      'ghcr.io/haveagitgat/tdarr_node:2.28.01',
    );
  });

  it('refuses a node name or path that would not survive the files, naming the field', () => {
    const base = { nodeName: 'gaming-pc', mediaPath: '/mnt/media', cachePath: '/mnt/cache' };
    expect(TdarrNodeBundleInputSchema.safeParse(base).success).toBe(true);
    for (const [over, field] of [
      [{ nodeName: 'my pc' }, 'nodeName'],
      [{ mediaPath: 'media' }, 'mediaPath'],
      [{ mediaPath: '\\\\nas\\media' }, 'mediaPath'],
      [{ cachePath: '/mnt/${HOME}' }, 'cachePath'],
      [{ serverHost: 'http://192.168.1.20' }, 'serverHost'],
    ] as const) {
      const r = TdarrNodeBundleInputSchema.safeParse({ ...base, ...over });
      expect(r.success, field).toBe(false);
      expect(r.error!.issues[0]!.path).toEqual([field]);
    }
  });
});
