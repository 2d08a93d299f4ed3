// Starts Debian's real qbittorrent-nox and nzbget on loopback (own dirs, free ports, stopped by pid) plus a recording proxy.
import { spawn, spawnSync } from 'node:child_process';
import { openSync } from 'node:fs';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { qbittorrentPasswordHash } from '../../src/core/stack/qbittorrent-conf';

export interface RunningClient {
  baseUrl: string;
  port: number;
  /** qBittorrent's incoming peer port (BitTorrent), for tests that connect two instances directly. */
  torrentPort?: number;
  dir: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

const tempRoot = () => process.env.UPS_CI_TMP ?? tmpdir();

function requireBinary(bin: string, pkg: string): void {
  const r = spawnSync(bin, ['--version'], { stdio: 'ignore', timeout: 10_000 });
  if (r.error)
    throw new Error(
      `${bin} is not installed (${r.error.message}): run \`apt-get install ${pkg}\` (.ci/run installs it).`,
    );
}

/** Polls until the port answers HTTP at all (any status); fails with the client's log when it never does. */
async function waitForHttp(url: string, what: string, logFile: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      if (Date.now() > deadline) {
        const log = await readFile(logFile, 'utf8').catch(() => '(no log)');
        throw new Error(
          `${what} did not start listening at ${url} within ${timeoutMs / 1000} s. Log:\n${log.slice(-2000)}`,
        );
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  return !alive(pid);
}

async function stopPid(pid: number): Promise<void> {
  if (!alive(pid)) return;
  process.kill(pid, 'SIGTERM');
  if (!(await waitForExit(pid, 10_000))) process.kill(pid, 'SIGKILL');
}

/** qBittorrent 4.5.2 with a pre-written profile: legal notice accepted, loopback only, no DHT/LSD/PeX/UPnP traffic. */
export async function startQbittorrent(opts: { password?: string } = {}): Promise<RunningClient> {
  requireBinary('qbittorrent-nox', 'qbittorrent-nox');
  const dir = await mkdtemp(join(tempRoot(), 'ups-t-qbt-'));
  const [port, torrentPort] = [await freePort(), await freePort()];
  await mkdir(join(dir, 'qBittorrent', 'config'), { recursive: true });
  const conf = [
    '[LegalNotice]',
    'Accepted=true',
    '',
    '[BitTorrent]',
    'Session\\DHTEnabled=false',
    'Session\\LSDEnabled=false',
    'Session\\PeXEnabled=false',
    '',
    '[Preferences]',
    'Connection\\UPnP=false',
    'WebUI\\Address=127.0.0.1',
    `WebUI\\Port=${port}`,
    'WebUI\\LocalHostAuth=true',
    // As install seeds it (src/core/stack/qbittorrent-conf.ts): the generated password's PBKDF2 hash, no adminadmin.
    ...(opts.password ? [`WebUI\\Password_PBKDF2="${qbittorrentPasswordHash(opts.password)}"`] : []),
    '',
  ].join('\n');
  await writeFile(join(dir, 'qBittorrent', 'config', 'qBittorrent.conf'), conf);
  const logFile = join(dir, 'stdout.log');
  const out = openSync(logFile, 'a');
  const child = spawn(
    'qbittorrent-nox',
    [`--profile=${dir}`, `--webui-port=${port}`, `--torrenting-port=${torrentPort}`],
    { stdio: ['ignore', out, out] },
  );
  const pid = child.pid;
  if (!pid) throw new Error('qbittorrent-nox did not start (no pid).');
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHttp(`${baseUrl}/api/v2/app/version`, 'qbittorrent-nox', logFile);
  return {
    baseUrl,
    port,
    torrentPort,
    dir,
    async stop() {
      await stopPid(pid);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * NZBGet 21 from Debian's stock config, rewritten to a private MainDir and port; started with `-D`, stopped with `-Q`.
 * `seed` rewrites the stock file first, as install seeds the image's template (src/core/stack/nzbget-conf.ts).
 */
export async function startNzbget(
  opts: { seed?: (stock: string, dir: string) => string } = {},
): Promise<RunningClient & { confPath: string; pid: number }> {
  requireBinary('nzbget', 'nzbget');
  const dir = await mkdtemp(join(tempRoot(), 'ups-t-nzbget-'));
  const port = await freePort();
  const stock0 = await readFile('/etc/nzbget.conf', 'utf8');
  const stock = opts.seed ? opts.seed(stock0, dir) : stock0;
  const set: Record<string, string> = {
    MainDir: join(dir, 'main'),
    ControlIP: '127.0.0.1',
    ControlPort: String(port),
    DaemonUsername: '',
    OutputMode: 'loggable',
    UpdateCheck: 'none',
  };
  const conf = stock.replace(/^([A-Za-z0-9.]+)=.*$/gm, (line, name: string) =>
    name in set ? `${name}=${set[name]}` : line,
  );
  const confPath = join(dir, 'nzbget.conf');
  await writeFile(confPath, conf);
  const started = spawnSync('nzbget', ['-c', confPath, '-D'], { encoding: 'utf8', timeout: 20_000 });
  if (started.status !== 0)
    throw new Error(`nzbget -D failed (${started.status}): ${started.stderr || started.stdout}`);
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHttp(`${baseUrl}/jsonrpc`, 'nzbget', join(dir, 'main', 'nzbget.log'));
  const lockFile = join(dir, 'main', 'nzbget.lock');
  const pid = Number((await readFile(lockFile, 'utf8')).trim());
  if (!Number.isInteger(pid) || pid <= 0) throw new Error(`nzbget wrote no pid to ${lockFile}.`);
  return {
    baseUrl,
    port,
    dir,
    confPath,
    pid,
    async stop() {
      // -Q asks the server (with the credentials now in the file) to quit; the pid is the backstop.
      spawnSync('nzbget', ['-c', confPath, '-Q'], { stdio: 'ignore', timeout: 10_000 });
      if (!(await waitForExit(pid, 10_000))) await stopPid(pid);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface RecordedRequest {
  method: string;
  path: string;
  body: string;
}

/** A pass-through proxy that records every request, so tests count writes as the server sees them, not as the client claims. */
export async function startRecordingProxy(
  target: string,
): Promise<{ url: string; requests: RecordedRequest[]; close(): Promise<void> }> {
  const requests: RecordedRequest[] = [];
  const to = new URL(target);
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      requests.push({ method: req.method ?? 'GET', path: req.url ?? '/', body: body.toString() });
      const headers = { ...req.headers, host: to.host };
      // agent: false: NZBGet closes its connections, and a reused keep-alive socket would fail as a 502.
      const upstream = request(
        { host: to.hostname, port: to.port, method: req.method, path: req.url, headers, agent: false },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      upstream.on('error', () => res.writeHead(502).end());
      upstream.end(body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
