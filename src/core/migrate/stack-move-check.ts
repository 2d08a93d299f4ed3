// Checks a target engine before the stack moves there (docs/decisions.md D14): it answers, it is not the engine the
// stack runs on, its API is new enough, nothing of this project runs there yet, every image the stack uses exists
// there (or its registry offers it) for the target's architecture, and the target has room for the config volumes.
import type Docker from 'dockerode';
import type { StackMoveCheck } from '../contract/stack-move';
import type { DockerEndpoint } from '../engine/docker-endpoint';
import { demux } from '../stack/hardlink-test';

/** Docker 20.10's API: the oldest engine this move is tested against (our choice, not an upstream rule). */
export const MIN_API_VERSION = '1.41';

export interface StackVolume {
  /** The volume's key in compose.yaml (`radarr-config`). */
  key: string;
  /** Its full name on the engine (`<project>_radarr-config`). */
  name: string;
  service: string;
  image: string;
  bytes: number;
}

export interface SourceStack {
  services: { service: string; image: string; running: boolean }[];
  volumes: StackVolume[];
}

const apiAtLeast = (v: string, min: string): boolean => {
  const [a = 0, b = 0] = v.split('.').map(Number);
  const [c = 0, d = 0] = min.split('.').map(Number);
  return a > c || (a === c && b >= d);
};

/** The engine reports the kernel's name (x86_64, aarch64); images carry Go's (amd64, arm64). */
export function goArch(arch: string): string {
  const a = arch.toLowerCase();
  if (a === 'x86_64' || a === 'x86-64' || a === 'x64') return 'amd64';
  if (a === 'aarch64' || a === 'arm64') return 'arm64';
  if (a.startsWith('armv7') || a === 'armhf') return 'arm';
  return a;
}

/** The project's containers (by compose's labels), their images and the named volumes they mount, with sizes. */
export async function readSourceStack(docker: Docker, project: string): Promise<SourceStack> {
  const list = await docker.listContainers({
    all: true,
    filters: { label: [`com.docker.compose.project=${project}`] },
  });
  const services: SourceStack['services'] = [];
  const volumes = new Map<string, StackVolume>();
  for (const c of list) {
    const service = c.Labels['com.docker.compose.service'] ?? c.Names[0] ?? c.Id;
    const info = await docker.getContainer(c.Id).inspect();
    services.push({ service, image: info.Config.Image, running: info.State.Running });
    for (const m of info.Mounts) {
      if (m.Type !== 'volume' || !m.Name || volumes.has(m.Name)) continue;
      const prefix = `${project}_`;
      // Only the project's own (compose-named) volumes: anonymous ones belong to an image, not to the stack's config.
      if (!m.Name.startsWith(prefix)) continue;
      volumes.set(m.Name, {
        key: m.Name.slice(prefix.length),
        name: m.Name,
        service,
        image: info.Config.Image,
        bytes: 0,
      });
    }
  }
  // Sizes from the engine's own accounting (GET /system/df); -1 = not computed.
  const df = (await docker.df().catch(() => null)) as {
    Volumes?: { Name: string; UsageData?: { Size?: number } }[];
  } | null;
  for (const v of df?.Volumes ?? []) {
    const mine = volumes.get(v.Name);
    if (mine) mine.bytes = Math.max(0, v.UsageData?.Size ?? 0);
  }
  return {
    services: services.sort((a, b) => a.service.localeCompare(b.service)),
    volumes: [...volumes.values()].sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** Runs `df` on the target in a one-shot container of a stack image, with a scratch volume (where volumes live) and,
 *  when given, the media folder bind-mounted: a missing folder makes the engine refuse the bind, which is the check. */
async function targetSpace(
  docker: Docker,
  image: string,
  dataRoot: string | undefined,
): Promise<{ freeBytes: number | null; problem?: { message: string; fix: string } }> {
  const scratch = `ups-move-check-${Math.random().toString(36).slice(2, 10)}`;
  await docker.createVolume({ Name: scratch, Labels: { 'io.ups.role': 'move-check' } });
  let c: Docker.Container | undefined;
  try {
    try {
      // The engine refuses a missing bind source when the container is created (API 400), older ones at start.
      c = await docker.createContainer({
        Image: image,
        Entrypoint: ['df', '-Pk', '/v'],
        Cmd: [],
        Labels: { 'io.ups.role': 'move-check' },
        HostConfig: {
          NetworkMode: 'none',
          Mounts: [
            { Type: 'volume', Source: scratch, Target: '/v' },
            ...(dataRoot ? [{ Type: 'bind' as const, Source: dataRoot, Target: '/data', ReadOnly: true }] : []),
          ],
        },
      });
      await c.start();
    } catch (err) {
      const why = (err as Error).message;
      if (dataRoot && /bind source path does not exist|no such file or directory/i.test(why))
        return {
          freeBytes: null,
          problem: {
            message: `The media folder ${dataRoot} does not exist on the target engine's host.`,
            fix: 'Create it there (or give the path the target sees, e.g. /volume1/data), then check again.',
          },
        };
      throw err;
    }
    await c.wait();
    const out = demux(await c.logs({ stdout: true, stderr: true }));
    // POSIX df -P /v: a header, then the one line of the file system holding /v, "<filesystem> <1024-blocks> <used>
    // <available> <capacity> <mounted on>". Its mount point is not always /v (on a vfs engine busybox names "/").
    const fields = out
      .split('\n')
      .map((l) => l.trim().split(/\s+/))
      .filter((f) => f.length >= 6 && /^\d+$/.test(f[f.length - 3] ?? ''))
      .pop();
    const avail = fields ? Number(fields[fields.length - 3]) : NaN;
    if (!Number.isFinite(avail))
      return {
        freeBytes: null,
        problem: {
          message: `The target's free space could not be read (df printed: ${out.trim().slice(0, 200) || 'nothing'}).`,
          fix: 'Check the target engine, then check again.',
        },
      };
    return { freeBytes: avail * 1024 };
  } finally {
    await c?.remove({ force: true }).catch(() => undefined);
    await docker
      .getVolume(scratch)
      .remove()
      .catch(() => undefined);
  }
}

async function imageOnTarget(
  docker: Docker,
  ref: string,
  arch: string,
): Promise<{ arch: string | null; ok: boolean; detail: string }> {
  const local = await docker
    .getImage(ref)
    .inspect()
    .catch(() => null);
  if (local) {
    const a = goArch(local.Architecture);
    return a === arch
      ? { arch: a, ok: true, detail: 'on the target' }
      : { arch: a, ok: false, detail: `the target's copy is for ${a}, the engine runs ${arch}` };
  }
  // Not there yet: ask the target engine what the registry offers (GET /distribution/{name}/json, its Platforms).
  try {
    const d = (await docker.getImage(ref).distribution()) as { Platforms?: { architecture?: string }[] };
    const archs = (d.Platforms ?? []).map((p) => goArch(p.architecture ?? ''));
    return archs.includes(arch)
      ? { arch, ok: true, detail: 'the target will download it' }
      : { arch: archs[0] ?? null, ok: false, detail: `offered for ${archs.join(', ') || 'no platform'}, not ${arch}` };
  } catch (err) {
    return {
      arch: null,
      ok: false,
      detail: `not on the target, and its registry did not answer the target: ${(err as Error).message}`,
    };
  }
}

export interface CheckInput {
  source: DockerEndpoint;
  target: DockerEndpoint;
  project: string;
  dataRoot?: string;
}

export async function checkTarget(input: CheckInput, stack: SourceStack): Promise<StackMoveCheck> {
  const problems: StackMoveCheck['problems'] = [];
  const t = input.target.docker;
  let version: { ApiVersion: string; Os: string; Arch: string };
  let info: { Architecture?: string };
  try {
    version = await t.version();
    info = (await t.info()) as typeof info;
  } catch (err) {
    return {
      ok: false,
      engine: { label: input.target.label, apiVersion: '', os: '', arch: '', serviceHost: input.target.serviceHost },
      freeBytes: null,
      neededBytes: 0,
      volumes: [],
      images: [],
      problems: [
        {
          message: `The target engine ${input.target.label} does not answer: ${(err as Error).message}`,
          fix: 'Start Docker there and check the address (and its TLS files or SSH key), then check again.',
        },
      ],
    };
  }
  const arch = goArch(info.Architecture ?? version.Arch);
  const engine = {
    label: input.target.label,
    apiVersion: version.ApiVersion,
    os: version.Os,
    arch,
    serviceHost: input.target.serviceHost,
  };
  // The same engine when the target can see one of the source's containers (random 256-bit ids): the engine ID alone
  // is not enough, dockerds sharing /etc/docker report the same one.
  const probe = stack.services.length
    ? await input.source.docker.listContainers({
        all: true,
        limit: 1,
        filters: { label: [`com.docker.compose.project=${input.project}`] },
      })
    : [];
  const sameEngine = probe[0]
    ? await t
        .getContainer(probe[0].Id)
        .inspect()
        .then(
          () => true,
          () => false,
        )
    : false;
  if (sameEngine)
    problems.push({
      message: 'The target is the engine the stack already runs on.',
      fix: 'Pick the other engine (the NAS or server) as the target.',
    });
  if (!apiAtLeast(version.ApiVersion, MIN_API_VERSION))
    problems.push({
      message: `The target's Docker API is ${version.ApiVersion}; the move needs ${MIN_API_VERSION} (Docker 20.10) or newer.`,
      fix: 'Update Docker on the target, then check again.',
    });
  if (stack.services.length === 0)
    problems.push({
      message: `No stack named ${input.project} was found on this engine.`,
      fix: 'Install the stack first; there is nothing to move.',
    });
  const there = sameEngine
    ? []
    : await t.listContainers({ all: true, filters: { label: [`com.docker.compose.project=${input.project}`] } });
  if (there.length > 0)
    problems.push({
      message: `A stack named ${input.project} already has ${there.length} container(s) on the target.`,
      fix: 'Remove that stack on the target, or resume the move that made it.',
    });
  const images: StackMoveCheck['images'] = [];
  for (const s of stack.services) {
    const r = await imageOnTarget(t, s.image, arch);
    images.push({ service: s.service, image: s.image, ...r });
    if (!r.ok)
      problems.push({
        message: `${s.service}: ${s.image} — ${r.detail}.`,
        fix: `Make sure ${s.image} exists for ${arch} and the target can download it, then check again.`,
      });
  }
  const neededBytes = stack.volumes.reduce((n, v) => n + v.bytes, 0);
  const helperImage = images.find((i) => i.ok && i.detail === 'on the target')?.image;
  let freeBytes: number | null = null;
  if (helperImage) {
    const space = await targetSpace(t, helperImage, input.dataRoot).catch((err: Error) => ({
      freeBytes: null,
      problem: {
        message: `The target's free space could not be measured: ${err.message}`,
        fix: 'Check the target engine, then check again.',
      },
    }));
    freeBytes = space.freeBytes;
    if (space.problem) problems.push(space.problem);
    // Room for the volumes and a margin of 10 % for the apps' logs and databases growing after the move.
    if (freeBytes !== null && freeBytes < neededBytes * 1.1)
      problems.push({
        message: `The target has ${freeBytes} bytes free where it keeps volumes; the stack's settings need ${neededBytes}.`,
        fix: 'Free space on the target (or give Docker a bigger disk there), then check again.',
      });
  }
  return {
    ok: problems.length === 0,
    engine,
    freeBytes,
    neededBytes,
    volumes: stack.volumes.map((v) => ({ name: v.key, service: v.service, bytes: v.bytes })),
    images,
    problems,
  };
}
