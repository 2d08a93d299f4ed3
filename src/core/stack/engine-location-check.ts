// The wizard's location check on the engine's host (docs/decisions.md D14): when Docker runs elsewhere (tcp:// or
// ssh://), the data root is a path on THAT machine, so free space, filesystem and the hardlink test are measured there
// through one-shot containers, never on this PC's disk. Same rules as the local check: nothing the user has not
// confirmed is created, so the first container only looks (the host's / read-only) for the nearest existing folder,
// and the second mounts just that folder to test a hardlink in a temp folder it removes again.
import type Docker from 'dockerode';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { UpsFailure } from '../contract/envelope';
import type { LocationCheck, LocationCheckInputSchema } from '../contract/location';
import { parseMountInfo } from '../probes/hardlink-result';
import { filesystemWarning, fsKindFromName } from '../probes/location-fs';
import { estimateNeeds, formatBytes } from '../probes/stack-needs';
import type { z } from 'zod';
import { demux } from './hardlink-test';

/** A tiny image with sh, df, stat, ln (busybox applets); pulled once when the engine lacks it. */
export const LOCATION_PROBE_IMAGE = 'busybox:1.36';

type ParsedInput = z.infer<typeof LocationCheckInputSchema>;

async function ensureImage(docker: Docker, image: string): Promise<void> {
  try {
    await docker.getImage(image).inspect();
    return;
  } catch {
    // Not there yet: pull it (the engine's own registry access, as `docker run` would).
  }
  const stream = await docker.pull(image);
  await new Promise<void>((resolve, reject) =>
    docker.modem.followProgress(stream, (err: Error | null) => (err ? reject(err) : resolve())),
  );
}

/** Runs a script in a one-shot container and returns what it printed; the container is always removed. */
async function runOnce(docker: Docker, image: string, script: string, binds: string[]): Promise<string> {
  const container = await docker.createContainer({
    Image: image,
    Entrypoint: ['/bin/sh', '-c', script],
    Cmd: [],
    User: '0:0',
    Labels: { 'io.ups.role': 'location-check' },
    HostConfig: { NetworkMode: 'none', Binds: binds },
  });
  try {
    await container.start();
    await container.wait();
    return demux(await container.logs({ stdout: true, stderr: true, follow: false }));
  } finally {
    await container.remove({ force: true }).catch(() => undefined);
  }
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

function field(out: string, key: string): string | undefined {
  return out
    .split(/\r?\n/)
    .find((l) => l.startsWith(`${key} `))
    ?.slice(key.length + 1)
    .trim();
}

function badPath(fieldName: 'dataRoot' | 'installRoot', p: string, engineName: string): UpsFailure {
  return new UpsFailure({
    code: 'BAD_INPUT',
    field: `input.${fieldName}`,
    message: `input.${fieldName}: ${p} is not an absolute Linux path on the engine's host (${engineName})`,
    fix: 'Give a folder as the Docker machine sees it, such as /volume1/media on a Synology or /mnt/user/media on Unraid.',
  });
}

export async function checkLocationOnEngine(
  docker: Docker,
  input: ParsedInput,
  engineName: string,
  image: string = LOCATION_PROBE_IMAGE,
): Promise<LocationCheck> {
  const target = input.dataRoot;
  if (!path.posix.isAbsolute(target) || /^[A-Za-z]:/.test(target)) throw badPath('dataRoot', target, engineName);
  if (input.installRoot && !path.posix.isAbsolute(input.installRoot)) {
    throw badPath('installRoot', input.installRoot, engineName);
  }
  await ensureImage(docker, image);
  const normal = path.posix.normalize(target).replace(/(.)\/$/, '$1');

  // 1. Look only: the host's / read-only at /host; walk up to the nearest existing folder, measure it.
  const look = [
    `d=/host${quote(normal)}`,
    'while [ ! -d "$d" ] && [ "$d" != /host ]; do if [ -e "$d" ]; then echo "UPS_FILE ${d#/host}"; exit 0; fi; d=$(dirname "$d"); done',
    'echo "UPS_FOLDER ${d#/host}"',
    'echo "UPS_DF $(df -Pk "$d" | tail -n 1)"',
  ].join('\n');
  const seen = await runOnce(docker, image, look, ['/:/host:ro']);
  const file = field(seen, 'UPS_FILE');
  if (file)
    throw new UpsFailure({
      code: 'BAD_INPUT',
      field: 'input.dataRoot',
      message: `input.dataRoot: ${file} is a file on the engine's host (${engineName}), not a folder`,
      fix: 'Choose a folder path, or rename the file that is in the way.',
    });
  const folder = field(seen, 'UPS_FOLDER') || '/';
  const df = (field(seen, 'UPS_DF') ?? '').split(/\s+/);
  // df -P: Filesystem 1024-blocks Used Available Capacity Mounted-on.
  const availableKiB = Number(df[3]);
  if (!Number.isFinite(availableKiB))
    throw new UpsFailure({
      code: 'INTERNAL',
      message: `Could not measure ${folder} on ${engineName}: the check container printed ${JSON.stringify(seen.slice(0, 200))}`,
      fix: 'Run the check again; if it keeps failing, check that the Docker machine can run containers.',
    });
  const freeBytes = availableKiB * 1024;

  // 2. Test a hardlink in a temp folder inside the existing folder, mounted alone; name its filesystem from the
  // container's own mount table (the bind mount's line names the host filesystem type).
  const tag = `.ups-location-${randomBytes(4).toString('hex')}`;
  const test = [
    `t=/probe/${tag}`,
    'if ! mkdir "$t" 2>/tmp/err || ! echo ups > "$t/a" 2>>/tmp/err; then echo "UPS_RESULT unwritable $(cat /tmp/err)";',
    'elif ln "$t/a" "$t/b" 2>/tmp/err; then echo "UPS_RESULT linked $(stat -c \'%i %h\' "$t/a") $(stat -c \'%i %h\' "$t/b")";',
    'else echo "UPS_RESULT refused $(cat /tmp/err)"; fi',
    'rm -rf "$t"',
    "grep ' /probe ' /proc/self/mountinfo | head -n 1 | sed 's/^/UPS_MOUNT /'",
    'true',
  ].join('\n');
  const tested = await runOnce(docker, image, test, [`${folder}:/probe`]);
  const filesystem = parseMountInfo(field(tested, 'UPS_MOUNT') ?? '')?.fsType ?? 'unknown';
  const kind = fsKindFromName(filesystem);
  const refusedFix =
    kind === 'network'
      ? 'Use a folder on a disk of the Docker machine itself (not a share it mounts) for the media folder.'
      : 'Use an ext4, XFS, Btrfs or ZFS folder on the Docker machine for the media folder.';
  const result = field(tested, 'UPS_RESULT') ?? '';
  let hardlinks: LocationCheck['hardlinks'];
  const [, inoA, countA, inoB, countB] = result.split(/\s+/);
  if (result.startsWith('linked ') && inoA === inoB && Number(countA) >= 2 && Number(countB) >= 2)
    hardlinks = {
      ok: true,
      detail: `Hardlinks work: tested in ${folder} on ${engineName} (one inode, two names; the test folder was removed).`,
    };
  else if (result.startsWith('linked '))
    hardlinks = {
      ok: false,
      detail: `Tested in ${folder} on ${engineName}: the link came out as a separate file (inodes ${inoA}/${inoB}).`,
      fix: refusedFix,
    };
  else if (result.startsWith('refused'))
    hardlinks = {
      ok: false,
      detail: `Tested in ${folder} on ${engineName}: the filesystem refused a hardlink (${result.slice(8).trim()}), so imports would be full copies.`,
      fix: refusedFix,
    };
  else
    hardlinks = {
      ok: false,
      detail: `Could not write a test file in ${folder} on ${engineName} (${result.replace(/^unwritable\s*/, '') || 'no answer'}), so hardlinks could not be tested.`,
      fix: 'Pick a folder on the Docker machine that containers may write to (check its share permissions), or create the media folder yourself and check again.',
    };

  const neededBytes = estimateNeeds(input.services).diskBytes;
  const fits = freeBytes >= neededBytes;
  const exists = folder === normal;
  const warnings: string[] = [];
  if (!exists)
    warnings.push(
      `${target} does not exist yet on ${engineName}; the install creates it. Measured and tested its nearest existing folder, ${folder}.`,
    );
  if (!fits)
    warnings.push(
      `Only ${formatBytes(freeBytes)} free on ${engineName}, but images and app data need about ${formatBytes(neededBytes)}: free ${formatBytes(neededBytes - freeBytes)} or choose another folder.`,
    );
  const fsWarning = filesystemWarning(filesystem);
  if (fsWarning) warnings.push(fsWarning);
  return {
    path: target,
    exists,
    checkedFolder: folder,
    freeBytes,
    neededBytes,
    fits,
    filesystem,
    hardlinks,
    warnings,
    engine: engineName,
  };
}
