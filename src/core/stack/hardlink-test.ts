// The hardlink test (docs/decisions.md D7, D14): a one-shot container with the real /data mount creates the layout, makes a
// file under /data/torrents, hard-links it into /data/media, compares inode and link count, and cleans up.
import type Docker from 'dockerode';
import { randomBytes } from 'node:crypto';
import { layoutScript } from './data-layout';
import { interpretHardlinkOutput, type HardlinkResult } from '../probes/hardlink-result';

export interface DataMount {
  /** Host path (as the engine sees it). */
  source: string;
  target: string;
}

export interface HardlinkTestOptions {
  /** Any image of the stack with /bin/sh, ln and stat (we use the Arr image, which is pulled anyway). */
  image: string;
  /** Normally one mount: dataRoot → /data. */
  mounts: DataMount[];
  puid: number;
  pgid: number;
  /** The layout to create first (data-layout.ts); without Tdarr's cache unless the stack has Tdarr. */
  folders?: readonly string[];
}

function script(opts: HardlinkTestOptions, tag: string): string {
  const f = `/data/torrents/.ups-hardlink-${tag}`;
  const l = `/data/media/.ups-hardlink-${tag}`;
  return [
    layoutScript(opts.puid, opts.pgid, opts.folders),
    `if ! echo ups > ${f} 2>/tmp/err; then echo "UPS_RESULT write-failed $(cat /tmp/err)";`,
    `elif ln ${f} ${l} 2>/tmp/err; then echo "UPS_RESULT linked $(stat -c '%i %h' ${f}) $(stat -c '%i %h' ${l})";`,
    `else echo "UPS_RESULT link-failed $(cat /tmp/err)"; fi`,
    `rm -f ${f} ${l}`,
    `grep -E ' /data(/[^ ]*)? ' /proc/self/mountinfo | while read -r line; do echo "UPS_MOUNT $line"; done`,
    'true',
  ].join('\n');
}

export async function runHardlinkTest(docker: Docker, opts: HardlinkTestOptions): Promise<HardlinkResult> {
  const tag = randomBytes(4).toString('hex');
  const container = await docker.createContainer({
    Image: opts.image,
    Entrypoint: ['/bin/sh', '-c', script(opts, tag)],
    Cmd: [],
    User: '0:0',
    Labels: { 'io.ups.role': 'hardlink-test' },
    // Binds (not Mounts): the engine creates a missing data root, as `docker run -v` does; Mounts would refuse it.
    HostConfig: { NetworkMode: 'none', Binds: opts.mounts.map((m) => `${m.source}:${m.target}`) },
  });
  try {
    await container.start();
    await container.wait();
    const logs = await container.logs({ stdout: true, stderr: true, follow: false });
    return interpretHardlinkOutput(demux(logs));
  } finally {
    await container.remove({ force: true }).catch(() => undefined);
  }
}

/** Docker's multiplexed log stream: 8-byte frame headers (stream, 0,0,0, size) before each chunk. */
export function demux(buf: Buffer): string {
  let out = '';
  let i = 0;
  while (i + 8 <= buf.length && (buf[i] === 1 || buf[i] === 2) && buf[i + 1] === 0) {
    const size = buf.readUInt32BE(i + 4);
    out += buf.subarray(i + 8, i + 8 + size).toString('utf8');
    i += 8 + size;
  }
  return i === 0 ? buf.toString('utf8') : out;
}
