// Runs a command inside a container through the engine (docs/decisions.md D14: no host filesystem or network assumptions) and
// collects its output; used to read network namespaces and to test egress from inside the VPN's namespace.
import type Docker from 'dockerode';
import { PassThrough } from 'node:stream';
import { withTimeout } from './docker-facts';

export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export async function execIn(
  docker: Docker,
  containerId: string,
  cmd: string[],
  opts: { env?: string[]; timeoutMs?: number } = {},
): Promise<ExecResult> {
  const work = async (): Promise<ExecResult> => {
    const exec = await docker
      .getContainer(containerId)
      .exec({ Cmd: cmd, Env: opts.env, AttachStdout: true, AttachStderr: true });
    const stream = await exec.start({ hijack: true, stdin: false });
    const out = new PassThrough();
    const err = new PassThrough();
    let stdout = '';
    let stderr = '';
    out.on('data', (b: Buffer) => (stdout += b.toString('utf8')));
    err.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
    docker.modem.demuxStream(stream, out, err);
    await new Promise<void>((resolve, reject) => {
      stream.on('end', () => resolve());
      stream.on('close', () => resolve());
      stream.on('error', reject);
    });
    const info = await exec.inspect();
    return { exitCode: info.ExitCode ?? -1, stdout, stderr };
  };
  return withTimeout(work(), opts.timeoutMs ?? 15_000);
}

/** The network namespace of the container's PID 1, e.g. "net:[4026532301]". */
export async function netNamespace(docker: Docker, containerId: string): Promise<string> {
  const r = await execIn(docker, containerId, ['readlink', '/proc/1/ns/net'], { timeoutMs: 10_000 });
  const ns = r.stdout.trim();
  if (r.exitCode !== 0 || !/^net:\[\d+\]$/.test(ns))
    throw new Error(
      `could not read the network namespace of ${containerId.slice(0, 12)}: ${r.stderr.trim() || ns || `exit ${r.exitCode}`}`,
    );
  return ns;
}
