// Which NAS folder Tdarr's cache needs and how the one-shot reaches it (docs/decisions.md D34). A CIFS mount cannot run
// on this kernel (no cifs module), so the share case is tested here as the engine calls it builds: the same mount
// options as the stack's own CIFS volume, the NAS account only in the volume's options (never in the container's
// command or environment, nor in an error), the volume removed again. The mounted-folder case runs on the real engine
// in tests/integration/tdarr-cache-nas.test.ts.
import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { UpsFailure, type StackConfig } from '../contract';
import { rewriteCompose } from './compose-rewrite';
import { DATA_ROOT_SOURCE, nasComposeTarget } from './generate-compose';
import { ensureNasTdarrCache, nasCacheOneShot, nasCacheScript, nasCacheStep } from './nas-tdarr-cache';

const USER = 'nas-user-4k2q';
const PASSWORD = 'p4ss,w0rd-Zx81';
const on = { tdarr: true } as StackConfig['services'];
const off = { tdarr: false } as StackConfig['services'];
const share = {
  mode: 'media-only' as const,
  target: '\\\\nas\\media\\ups',
  smb: { version: '2.1' as const, uid: 1026, gid: 100 },
};
const opts = { image: 'lscr.io/linuxserver/radarr:test', puid: 1000, pgid: 1001, tag: 'abcd1234' };

describe('nasCacheStep', () => {
  it('does nothing without Tdarr or without a NAS target', () => {
    expect(nasCacheStep({ services: off, nas: { mode: 'everything', target: '/mnt/nas' } })).toBeNull();
    expect(nasCacheStep({ services: off, nas: share })).toBeNull();
    expect(nasCacheStep({ services: on })).toBeNull();
  });

  it('a mounted folder: tdarr-cache under the target, spelled as the rewritten bind spells it', () => {
    expect(nasCacheStep({ services: on, nas: { mode: 'everything', target: '/mnt/nas/ups/' } })).toEqual({
      kind: 'folder',
      root: '/mnt/nas/ups',
      folder: '/mnt/nas/ups/tdarr-cache',
    });
    const win = nasCacheStep({ services: on, nas: { mode: 'media-only', target: 'D:\\NAS' } });
    expect(win).toMatchObject({ kind: 'folder', root: 'd:/NAS', folder: 'd:/NAS/tdarr-cache' });
    // The same host path compose mounts at /temp.
    const text = rewriteCompose(
      `services:\n  tdarr:\n    volumes:\n      - ${DATA_ROOT_SOURCE}/tdarr-cache:/temp\n`,
      nasComposeTarget({ mode: 'everything', target: '/mnt/nas/ups/' }),
    ).text;
    expect(text).toContain('/mnt/nas/ups/tdarr-cache:/temp');
  });

  it('a share: tdarr-cache on the share, with the SMB options of stack.yml (defaults filled in)', () => {
    expect(nasCacheStep({ services: on, nas: share })).toMatchObject({
      kind: 'share',
      root: '\\\\nas\\media\\ups',
      folder: '\\\\nas\\media\\ups\\tdarr-cache',
      unc: { host: 'nas', share: 'media', rest: 'ups' },
      smb: { version: '2.1', uid: 1026, gid: 100 },
    });
    expect(nasCacheStep({ services: on, nas: { mode: 'everything', target: '\\\\nas\\media' } })).toMatchObject({
      smb: { version: '3.0', uid: 1000, gid: 1000 },
    });
  });
});

describe('nasCacheOneShot', () => {
  it('a mounted folder is a bind of the target root (refused when missing), no volume, no network', () => {
    const step = nasCacheStep({ services: on, nas: { mode: 'everything', target: '/mnt/nas/ups' } })!;
    const s = nasCacheOneShot(step, opts);
    expect(s.volume).toBeUndefined();
    expect(s.container.HostConfig).toEqual({
      NetworkMode: 'none',
      Mounts: [{ Type: 'bind', Source: '/mnt/nas/ups', Target: '/nas' }],
    });
    expect(s.container.HostConfig?.Binds).toBeUndefined();
    expect(s.container.Image).toBe(opts.image);
    expect(s.container.Entrypoint).toEqual(['/bin/sh', '-c', nasCacheScript(1000, 1001)]);
  });

  it('the script checks the library is there, makes only tdarr-cache and owns it to PUID:PGID', () => {
    const script = nasCacheScript(1000, 1001);
    expect(script).toContain('if [ ! -d /nas/media ]; then echo "UPS_RESULT no-media"');
    expect(script).toContain('mkdir /nas/tdarr-cache');
    expect(script).not.toContain('mkdir -p');
    expect(script).toContain('chown 1000:1001 /nas/tdarr-cache');
  });

  it("a share is a CIFS volume of the target root with the stack's own options; the account is only in them", () => {
    const step = nasCacheStep({ services: on, nas: share })!;
    const s = nasCacheOneShot(step, opts, { user: USER, password: PASSWORD });
    // What the stack's compose.yaml gives Docker for the cache volume, with the vault's values interpolated
    // (escaped as compose-env-value.ts does: a comma doubled).
    const rewritten = parse(
      rewriteCompose(
        `services:\n  tdarr:\n    volumes:\n      - ${DATA_ROOT_SOURCE}/tdarr-cache:/temp\n`,
        nasComposeTarget(share),
      ).text,
    ) as { volumes: Record<string, { driver_opts: { o: string; device: string } }> };
    const stackOpts = rewritten.volumes.ups_nas_tdarr_cache!.driver_opts;
    const interpolated = stackOpts.o
      .replace(/\$\{UPS_NAS_USER:\?[^}]*\}/, USER)
      .replace(/\$\{UPS_NAS_PASSWORD:\?[^}]*\}/, 'p4ss,,w0rd-Zx81');
    expect(stackOpts.device).toBe('//nas/media/ups/tdarr-cache');
    expect(s.volume).toEqual({
      Name: 'ups-nas-tdarr-cache-abcd1234',
      Driver: 'local',
      DriverOpts: { type: 'cifs', device: '//nas/media/ups', o: interpolated },
      Labels: { 'io.ups.role': 'nas-tdarr-cache' },
    });
    expect(s.container.HostConfig?.Mounts).toEqual([
      { Type: 'volume', Source: 'ups-nas-tdarr-cache-abcd1234', Target: '/nas' },
    ]);
    const container = JSON.stringify(s.container);
    for (const secret of [USER, PASSWORD, 'p4ss', 'w0rd']) expect(container).not.toContain(secret);
    expect(s.container.Env).toBeUndefined();
  });
});

/** A stand-in engine recording its calls; `start` fails with `startError` when given. */
function fakeDocker(startError?: string, output = 'UPS_RESULT ok\n') {
  const calls: string[] = [];
  const docker = {
    createVolume: async (o: { Name: string }) => void calls.push(`createVolume ${o.Name}`),
    createContainer: async () => {
      calls.push('createContainer');
      return {
        start: async () => {
          calls.push('start');
          if (startError) throw new Error(startError);
        },
        wait: async () => void calls.push('wait'),
        logs: async () => Buffer.from(output),
        remove: async () => void calls.push('removeContainer'),
      };
    },
    getVolume: (name: string) => ({ remove: async () => void calls.push(`removeVolume ${name}`) }),
  } as unknown as Docker;
  return { docker, calls };
}

const cfg = (services: StackConfig['services'], nas?: StackConfig['nas']) =>
  ({ services, nas, images: { radarr: opts.image }, puid: 1000, pgid: 1001 }) as unknown as StackConfig;
const vault = (entries: Record<string, string>) => ({ get: async (n: string) => entries[n] ?? null });
const failure = async (p: Promise<unknown>) => {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UpsFailure);
  return (err as UpsFailure).error;
};

describe('ensureNasTdarrCache', () => {
  it('touches no engine when Tdarr is off or there is no NAS', async () => {
    const { docker, calls } = fakeDocker();
    await ensureNasTdarrCache(docker, cfg(off, share), vault({}));
    await ensureNasTdarrCache(docker, cfg(on), vault({}));
    expect(calls).toEqual([]);
  });

  it('a share without the NAS account in the vault: a plain error naming the folder, nothing run', async () => {
    const { docker, calls } = fakeDocker();
    const e = await failure(ensureNasTdarrCache(docker, cfg(on, share), vault({ 'nas.user': USER })));
    expect(e).toMatchObject({ code: 'BAD_INPUT', field: 'secrets.nas.password', action: { action: 'secrets.set' } });
    expect(e.message).toContain('\\\\nas\\media\\ups\\tdarr-cache');
    expect(calls).toEqual([]);
  });

  it('a share that cannot be mounted: the folder and a fix, no secret in the message, the volume removed', async () => {
    const { docker, calls } = fakeDocker(
      `error while mounting volume: mount //nas/media/ups, data: username=${USER},password=p4ss,,w0rd-Zx81: permission denied`,
    );
    const e = await failure(
      ensureNasTdarrCache(docker, cfg(on, share), vault({ 'nas.user': USER, 'nas.password': PASSWORD })),
    );
    expect(e.message).toContain('\\\\nas\\media\\ups');
    expect(e.message).toContain('permission denied');
    expect(e.fix).toMatch(/user name and password/);
    for (const secret of [USER, 'p4ss,,w0rd-Zx81', PASSWORD]) expect(JSON.stringify(e)).not.toContain(secret);
    expect(calls).toEqual([
      'createVolume ups-nas-tdarr-cache-' + calls[0]!.slice(-8),
      'createContainer',
      'start',
      'removeContainer',
      `removeVolume ups-nas-tdarr-cache-${calls[0]!.slice(-8)}`,
    ]);
  });

  it('a target without the library (share not mounted) is refused, naming the folder', async () => {
    const { docker } = fakeDocker(undefined, 'UPS_RESULT no-media\n');
    const e = await failure(
      ensureNasTdarrCache(docker, cfg(on, { mode: 'everything', target: '/mnt/nas' }), vault({})),
    );
    expect(e).toMatchObject({ code: 'NOT_FOUND', field: 'nas.target' });
    expect(e.message).toContain('/mnt/nas');
    expect(e.fix).toContain('Mount the NAS');
  });

  it('a folder that cannot be made says why and how to make it', async () => {
    const { docker } = fakeDocker(
      undefined,
      "UPS_RESULT mkdir-failed mkdir: can't create directory: Permission denied\n",
    );
    const e = await failure(
      ensureNasTdarrCache(docker, cfg(on, { mode: 'everything', target: '/mnt/nas' }), vault({})),
    );
    expect(e.message).toContain('/mnt/nas/tdarr-cache');
    expect(e.message).toContain('Permission denied');
    expect(e.fix).toContain('Create the folder /mnt/nas/tdarr-cache');
  });
});
