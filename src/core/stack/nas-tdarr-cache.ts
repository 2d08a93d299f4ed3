// Tdarr's transcode cache on the NAS target (docs/decisions.md D34): after "Migrate to NAS" the generated compose.yaml
// mounts `<target>/tdarr-cache` (compose-rewrite.ts), but only a migration made with Tdarr on created that folder. So
// before a regenerated compose.yaml that mounts it is applied, a one-shot container on the engine makes it where the
// stack's own mount will look: the engine may be on another PC, so never through this PC's file system.
//
// A share (UNC) target is made through a CIFS volume of the target root with the very options the stack's volumes use
// (cifsMountOptions), not through Windows' own path to the share: it is the route Tdarr's mount takes (the engine's
// host, the vault's NAS account), so it works for a remote engine and for a Windows session logged in to the NAS as
// someone else, and a mount it cannot make is the one Tdarr could not make either, reported now with a fix. The
// account reaches the engine only in the volume's options, as compose passes them after interpolating `${UPS_NAS_…}`
// from the vault: never in the container's command, environment or logs; the volume is removed again afterwards.
import type Docker from 'dockerode';
import { randomBytes } from 'node:crypto';
import { UpsFailure, type StackConfig, type UpsError } from '../contract';
import { fixAction } from '../contract/fix-action';
import { cifsDevice, normHostPath, parseUnc, type UncParts } from '../fs/target-path';
import { escapeCifsOptionValue } from '../vault/compose-env-value';
import { redact } from '../engine/compose/compose-error';
import { cifsMountOptions, SMB_DEFAULTS } from './compose-rewrite';
import { TDARR_CACHE_FOLDER } from './data-layout';
import { demux } from './hardlink-test';
import type { StackVault } from './stack-secrets';

/** What has to exist before Tdarr's cache can be mounted from the NAS. */
export type NasCacheStep =
  | {
      /** A folder the engine's host has mounted (Linux path, or a Windows drive path for Docker Desktop). */
      kind: 'folder';
      /** The target as compose-rewrite writes it into the bind (normHostPath), so both name the same folder. */
      root: string;
      folder: string;
    }
  | {
      /** A Windows share `\\host\share\path`, reached by the engine as a CIFS volume. */
      kind: 'share';
      root: string;
      folder: string;
      unc: UncParts;
      smb: { version: string; uid: number; gid: number };
    };

/** The NAS folder to make, or null: nothing to do without Tdarr or without a NAS target (data-folders.ts then). */
export function nasCacheStep(cfg: Pick<StackConfig, 'services' | 'nas'>): NasCacheStep | null {
  if (!cfg.services.tdarr || !cfg.nas) return null;
  const unc = parseUnc(cfg.nas.target);
  if (!unc) {
    const root = normHostPath(cfg.nas.target);
    return { kind: 'folder', root, folder: `${root}/${TDARR_CACHE_FOLDER}` };
  }
  return {
    kind: 'share',
    root: cfg.nas.target,
    folder: `${cfg.nas.target}\\${TDARR_CACHE_FOLDER}`,
    unc,
    smb: { ...SMB_DEFAULTS, ...cfg.nas.smb },
  };
}

/** Where the target root is mounted inside the one-shot. */
const ROOT = '/nas';

/**
 * POSIX sh, no secrets. `media/` is on the target in both migration modes: without it the share is most likely not
 * mounted on the engine's host, and making the cache in the empty mount point would put it on the local disk.
 * chown is best effort: a share that ignores it is fine, Tdarr's image chowns /temp at each start (D34).
 */
export function nasCacheScript(puid: number, pgid: number): string {
  const d = `${ROOT}/${TDARR_CACHE_FOLDER}`;
  return [
    `if [ ! -d ${ROOT}/media ]; then echo "UPS_RESULT no-media"; exit 0; fi`,
    `if [ ! -d ${d} ]; then`,
    `  if ! mkdir ${d} 2>/tmp/err; then echo "UPS_RESULT mkdir-failed $(cat /tmp/err)"; exit 0; fi`,
    `  chown ${puid}:${pgid} ${d} 2>/dev/null || true`,
    'fi',
    `echo "UPS_RESULT ok"`,
  ].join('\n');
}

export interface NasCacheOneShot {
  /** Only for a share target: the temporary CIFS volume of the target root. */
  volume?: Docker.VolumeCreateOptions;
  container: Docker.ContainerCreateOptions;
}

/** The engine calls of the one-shot, built without touching the engine (unit-tested: no secret outside the volume). */
export function nasCacheOneShot(
  step: NasCacheStep,
  opts: { image: string; puid: number; pgid: number; tag: string },
  account?: { user: string; password: string },
): NasCacheOneShot {
  const container = (mount: Docker.MountSettings): Docker.ContainerCreateOptions => ({
    Image: opts.image,
    Entrypoint: ['/bin/sh', '-c', nasCacheScript(opts.puid, opts.pgid)],
    Cmd: [],
    User: '0:0',
    Labels: { 'io.ups.role': 'nas-tdarr-cache' },
    // Mounts, not Binds: a missing target root is refused instead of being created on the engine host's own disk.
    // The engine mounts a CIFS volume itself, so the container needs no network either way.
    HostConfig: { NetworkMode: 'none', Mounts: [mount] },
  });
  if (step.kind === 'folder') return { container: container({ Type: 'bind', Source: step.root, Target: ROOT }) };
  if (!account) throw new Error('a share target needs the NAS account');
  const name = `ups-nas-tdarr-cache-${opts.tag}`;
  const o = cifsMountOptions(
    step.unc,
    step.smb,
    escapeCifsOptionValue(account.user),
    escapeCifsOptionValue(account.password),
  );
  return {
    volume: {
      Name: name,
      Driver: 'local',
      DriverOpts: { type: 'cifs', device: cifsDevice(step.unc), o },
      Labels: { 'io.ups.role': 'nas-tdarr-cache' },
    },
    container: container({ Type: 'volume', Source: name, Target: ROOT }),
  };
}

const fail = (e: UpsError) => new UpsFailure(e);

async function nasAccount(
  vault: Pick<StackVault, 'get'>,
  step: NasCacheStep,
): Promise<{ user: string; password: string }> {
  const user = await vault.get('nas.user');
  const password = await vault.get('nas.password');
  if (user && password) return { user, password };
  const name = user ? 'nas.password' : 'nas.user';
  throw fail({
    code: 'BAD_INPUT',
    field: `secrets.${name}`,
    message: `Tdarr's transcode cache ${step.folder} cannot be made on the NAS: the NAS ${user ? 'password' : 'user name'} is not in the vault.`,
    fix: `Store the NAS ${user ? 'password' : 'user name'}, then try again.`,
    action: fixAction('secrets.set', { name }, `Set ${name}`),
  });
}

/**
 * Makes `tdarr-cache` on the NAS target when the stack has Tdarr and a `nas` block; an existing folder is left as it
 * is. Fails with a plain error naming the folder and a fix, before compose is touched.
 */
export async function ensureNasTdarrCache(
  docker: Docker,
  cfg: Pick<StackConfig, 'services' | 'nas' | 'images' | 'puid' | 'pgid'>,
  vault: Pick<StackVault, 'get'>,
): Promise<void> {
  const step = nasCacheStep(cfg);
  if (!step) return;
  const account = step.kind === 'share' ? await nasAccount(vault, step) : undefined;
  const spec = nasCacheOneShot(
    step,
    // The Arr image, as the data step uses: the stack always has it on the engine.
    { image: cfg.images.radarr, puid: cfg.puid, pgid: cfg.pgid, tag: randomBytes(4).toString('hex') },
    account,
  );
  const secrets = account
    ? [account.user, account.password, escapeCifsOptionValue(account.user), escapeCifsOptionValue(account.password)]
    : [];
  // The engine's own words, with the account taken out (a failed CIFS mount may echo its options).
  const reason = (err: unknown) => redact(err instanceof Error ? err.message : String(err), secrets);
  let output: string;
  let container: Docker.Container | null = null;
  try {
    try {
      // A missing bind source is refused at create, a CIFS mount that fails at start.
      if (spec.volume) await docker.createVolume(spec.volume);
      container = await docker.createContainer(spec.container);
      await container.start();
    } catch (err) {
      throw fail(notReachable(step, reason(err)));
    }
    await container.wait();
    output = redact(demux(await container.logs({ stdout: true, stderr: true, follow: false })), secrets);
  } finally {
    await container?.remove({ force: true }).catch(() => undefined);
    if (spec.volume)
      await docker
        .getVolume(spec.volume.Name!)
        .remove()
        .catch(() => undefined);
  }
  const m = /^UPS_RESULT (\S+) ?(.*)$/m.exec(output);
  if (m?.[1] === 'ok') return;
  if (m?.[1] === 'no-media')
    throw fail({
      code: 'NOT_FOUND',
      field: 'nas.target',
      message: `The NAS folder ${step.root} has no media folder, so the share is not mounted where the engine looks; Tdarr's transcode cache ${step.folder} was not made.`,
      fix: `Mount the NAS so ${step.root} shows the library on the engine's host, then try again.`,
    });
  throw fail({
    code: 'INTERNAL',
    field: 'nas.target',
    message: `Tdarr's transcode cache ${step.folder} could not be made on the NAS: ${(m?.[2] || output).trim() || 'no answer from the one-shot container'}.`,
    fix: `Create the folder ${step.folder} on the NAS yourself (writable by the stack's user), or give that user write access to ${step.root}, then try again.`,
  });
}

function notReachable(step: NasCacheStep, reason: string): UpsError {
  if (step.kind === 'folder')
    return {
      code: 'NOT_FOUND',
      field: 'nas.target',
      message: `The NAS folder ${step.root} is not there on the Docker engine's host, so Tdarr's transcode cache ${step.folder} cannot be made (${reason}).`,
      fix: `Mount the NAS at ${step.root} on the engine's host (the folder stack.yml's nas.target names), then try again.`,
    };
  return {
    code: 'INTERNAL',
    field: 'nas.target',
    message: `The NAS share ${step.root} could not be mounted to make Tdarr's transcode cache ${step.folder} (${reason}).`,
    fix: `Check that the engine's host reaches ${step.unc.host} and that the NAS user name and password are right, then try again.`,
    action: fixAction('secrets.set', { name: 'nas.password' }, 'Set nas.password'),
  };
}
