// `ups tdarr`: the flags become exactly one tdarr.nodeBundle call (the core validates and writes), and the answers read
// as one line per node.
import { describe, expect, it } from 'vitest';
import type { AppService } from '../../core/app/app-service';
import { runCli } from '../program';
import { renderNodes } from './tdarr';

function fakeApp(calls: [string, unknown][], value: unknown): AppService {
  return {
    call: async (channel: string, input?: unknown) => {
      calls.push([channel, input]);
      return { ok: true, value };
    },
  } as unknown as AppService;
}

async function run(argv: string[], value: unknown) {
  const calls: [string, unknown][] = [];
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    version: 't',
    app: () => fakeApp(calls, value),
    serve: async () => 0,
    io: { out: (t) => out.push(t), err: (t) => err.push(t) },
  });
  return { code, calls, out: out.join('\n'), err: err.join('\n') };
}

describe('ups tdarr add-node', () => {
  it('translates the flags into one tdarr.nodeBundle call', async () => {
    const r = await run(
      ['tdarr', 'add-node', '--name', 'gaming-pc', '--media', '/mnt/media', '--cache', '/mnt/cache', '--gpu', 'nvidia'],
      {
        files: [{ name: 'compose.yaml', content: '' }],
        serverIP: '192.168.1.20',
        serverPort: 8266,
        nodeName: 'gaming-pc',
        shareFolders: { root: '/srv/data', media: '/srv/data/media', cache: '/srv/data/tdarr-cache' },
        savedTo: '/x',
      },
    );
    expect(r.code).toBe(0);
    expect(r.calls).toEqual([
      [
        'tdarr.nodeBundle',
        {
          nodeName: 'gaming-pc',
          mediaPath: '/mnt/media',
          cachePath: '/mnt/cache',
          gpu: 'nvidia',
          saveTo: 'tdarr-node-gaming-pc',
        },
      ],
    ]);
    expect(r.out).toContain('192.168.1.20:8266');
    expect(r.out).toContain('the transcode cache (/srv/data/tdarr-cache): share /srv/data with it.');
  });

  it('passes worker counts and the server address only when given', async () => {
    const r = await run(
      [
        'tdarr',
        'add-node',
        '--name',
        'n',
        '--media',
        '/m',
        '--cache',
        '/c',
        '--server',
        'nas.lan',
        '--transcode-gpu',
        '2',
        '--out',
        '/b',
      ],
      {
        files: [],
        serverIP: 'nas.lan',
        serverPort: 8266,
        nodeName: 'n',
        shareFolders: { root: '/d', media: '/d/media', cache: '/d/tdarr-cache' },
        savedTo: '/b',
      },
    );
    expect(r.calls[0]![1]).toMatchObject({ serverHost: 'nas.lan', workers: { transcodeGpu: 2 }, saveTo: '/b' });
  });

  it('is a usage error without the media folder', async () => {
    const r = await run(['tdarr', 'add-node', '--name', 'n', '--cache', '/c'], {});
    expect(r.code).toBe(2);
    expect(r.calls).toEqual([]);
  });
});

describe('ups tdarr nodes', () => {
  it('prints one line per node', () => {
    expect(
      renderNodes({
        nodes: [
          {
            id: 'a',
            name: 'gaming-pc',
            address: '192.168.1.11',
            paused: true,
            activeWorkers: 1,
            workerLimits: { transcodeCpu: 2, transcodeGpu: 1, healthcheckCpu: 1, healthcheckGpu: 0 },
          },
        ],
      }),
    ).toBe('gaming-pc (192.168.1.11) [paused]: 1 working; transcode 2 CPU/1 GPU, health check 1 CPU/0 GPU');
    expect(renderNodes({ nodes: [] })).toMatch(/No Tdarr node/);
  });
});
