// A library hook that needs no app API: counts the files a service's container sees under a container path
// (`find PATH -type f | wc -l` through docker exec), so the switch can prove the same files are at the same paths.
import type Docker from 'dockerode';
import { PROJECT_LABEL, SERVICE_LABEL } from '../engine/stack-status';
import type { LibraryHook } from './switch';

export function containerFileCountHook(
  docker: Docker,
  project: string,
  service: string,
  containerPath = '/data',
): LibraryHook {
  return {
    name: `${service}:${containerPath}`,
    async count() {
      const [c] = await docker.listContainers({
        filters: { label: [`${PROJECT_LABEL}=${project}`, `${SERVICE_LABEL}=${service}`] },
      });
      if (!c) throw new Error(`service ${service} has no running container`);
      const exec = await docker.getContainer(c.Id).exec({
        Cmd: ['sh', '-c', `find '${containerPath.replace(/'/g, '')}' -type f | wc -l`],
        AttachStdout: true,
        AttachStderr: true,
      });
      const stream = await exec.start({ hijack: true, stdin: false });
      const out = await new Promise<string>((resolve, reject) => {
        const chunks: Buffer[] = [];
        stream.on('data', (b: Buffer) => chunks.push(b));
        stream.on('end', () => resolve(demux(Buffer.concat(chunks))));
        stream.on('error', reject);
      });
      const n = Number(out.trim());
      if (!Number.isInteger(n))
        throw new Error(`could not count files in ${service}:${containerPath} (${out.trim().slice(0, 80)})`);
      return n;
    },
  };
}

/** Docker's multiplexed exec stream: 8-byte headers (type, 0,0,0, size BE) before each frame; stdout frames only. */
function demux(buf: Buffer): string {
  let out = '';
  let i = 0;
  while (i + 8 <= buf.length) {
    const size = buf.readUInt32BE(i + 4);
    if (buf[i] === 1) out += buf.subarray(i + 8, i + 8 + size).toString('utf8');
    i += 8 + size;
  }
  return out;
}
