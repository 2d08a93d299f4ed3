// A remote engine over ssh://, for real: Debian's OpenSSH server on a loopback port (generated host and user keys, the
// user key held by an ssh-agent), whose sessions reach a second private dockerd's unix socket. The real Docker CLI
// creates a context pointing at ssh://root@127.0.0.1:<port>; the app resolves it, checks the server's host key against
// a known_hosts file, checks the engine, brings the stand-in stack up and down with the Compose CLI (v1.29: docker-py
// shells out to `ssh … docker system dial-stdio`) on that same engine, never the shared one. An unknown or changed
// host key is refused with a plain message and a fix.
import { execa } from 'execa';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Docker from 'dockerode';
import { createAppService, type AppService } from '../../src/core/app/app-service';
import { commandRunner, detectCompose } from '../../src/core/engine/compose-detect';
import { createDockerEndpoint, type DockerEndpoint } from '../../src/core/engine/docker-endpoint';
import { FIXTURE_COMPOSE } from '../fixtures/engine/harness';
import { startLoopbackSshd, type LoopbackSshd } from '../fixtures/engine/loopback-sshd';
import { copyImage, createSecondDockerd, type SecondDockerd } from '../fixtures/engine/second-dockerd';
import { requireDocker, standInFor, tagStandInAs, uniqueProject } from '../helpers/require-env';
import { testAppDeps } from '../helpers/test-app';

const project = uniqueProject('remote-ssh');
const CONTROL_KEY = `ctl-${Math.random().toString(36).slice(2)}`;
const VPN_IMAGE = 'qmcgaw/gluetun:latest';
let dir: string;
let engine: SecondDockerd;
let sshd: LoopbackSshd;
let shared: Docker;
let endpoint: DockerEndpoint;
let app: AppService;
let cliEnv: Record<string, string>;
let root: string;

function appFor(ep: DockerEndpoint): AppService {
  return createAppService(
    testAppDeps({
      version: 'test',
      platform: 'linux',
      arch: process.arch,
      door: 'cli',
      project,
      installRoot: async () => root,
      endpoint: ep,
      detectCompose: () => detectCompose(commandRunner(process.env)),
      vault: {
        backend: 'memory',
        set: async () => undefined,
        get: async (name: string) => (name === 'vpn.control.api_key' ? CONTROL_KEY : null),
        delete: async () => false,
      },
      // The Compose child's `ssh` is the test's wrapper (its known_hosts); SSH_AUTH_SOCK comes with the endpoint.
      engine: { vpnWatchIntervalMs: 0, hostEnv: { PATH: cliEnv.PATH ?? '', HOME: dir } },
    }),
  );
}

beforeAll(async () => {
  shared = await requireDocker();
  dir = await mkdtemp(join(tmpdir(), 'ups-t-remote-ssh-'));
  engine = await createSecondDockerd();
  await engine.start();
  await copyImage(shared, engine.docker, standInFor(VPN_IMAGE));
  await tagStandInAs(engine.docker, [VPN_IMAGE]);
  sshd = await startLoopbackSshd(engine.host);

  // The real Docker CLI writes the context store (and, below, talks through it with its own ssh connection helper).
  cliEnv = {
    PATH: `${sshd.sshBinDir}:${process.env.PATH ?? ''}`,
    HOME: dir,
    DOCKER_CONFIG: join(dir, 'docker-config'),
    SSH_AUTH_SOCK: sshd.agentSocket,
  };
  await execa('docker', ['context', 'create', 'ups-ssh', '--docker', `host=${sshd.url}`], {
    env: cliEnv,
    extendEnv: false,
    stdin: 'ignore',
  });
  await execa('docker', ['context', 'use', 'ups-ssh'], { env: cliEnv, extendEnv: false, stdin: 'ignore' });
  endpoint = createDockerEndpoint({ DOCKER_CONFIG: cliEnv.DOCKER_CONFIG, SSH_AUTH_SOCK: sshd.agentSocket }, 'linux', {
    knownHostsFile: sshd.knownHostsFile,
  });

  root = join(dir, 'install');
  await execa('mkdir', ['-p', root]);
  // A small stand-in stack: the fixture's `vpn` service alone. Over ssh every API call is a new SSH session running
  // `docker system dial-stdio` on the server (docker-py's shell-out and docker-modem alike), so the five-service
  // fixture takes minutes on a loaded test machine; one service exercises the same path.
  const full = await readFile(FIXTURE_COMPOSE, 'utf8');
  const vpnOnly = full.slice(0, full.indexOf('\n  qbittorrent:') + 1);
  expect(vpnOnly).toContain('  vpn:\n');
  expect(vpnOnly).not.toContain('  qbittorrent:');
  await writeFile(join(root, 'compose.yaml'), vpnOnly);
  app = appFor(endpoint);
}, 240_000);

afterAll(async () => {
  if (engine) {
    if (root)
      await execa('docker-compose', ['-p', project, '-f', join(root, 'compose.yaml'), 'down', '-v'], {
        env: { DOCKER_HOST: engine.host, PATH: process.env.PATH ?? '', UPS_VPN_CONTROL_API_KEY: CONTROL_KEY },
        extendEnv: false,
        reject: false,
      });
    await engine.destroy();
  }
  if (sshd) await sshd.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
}, 120_000);

async function projectContainers(docker: Docker): Promise<Docker.ContainerInfo[]> {
  return docker.listContainers({ all: true, filters: { label: [`com.docker.compose.project=${project}`] } });
}

it('the Docker CLI reaches the private engine through the ssh context', async () => {
  const info = await execa('docker', ['info', '--format', '{{.DockerRootDir}}'], {
    env: cliEnv,
    extendEnv: false,
    stdin: 'ignore',
  });
  // The private engine's data-root lives in its own temp dir, never the shared engine's.
  const own = (await engine.docker.info()) as { DockerRootDir: string };
  expect(info.stdout.trim()).toBe(own.DockerRootDir);
  expect(((await shared.info()) as { DockerRootDir: string }).DockerRootDir).not.toBe(own.DockerRootDir);
}, 60_000);

it('resolves the context to the ssh:// engine, with the agent handed to Compose', () => {
  expect(endpoint.label).toBe(`${sshd.url} (context ups-ssh)`);
  expect(endpoint.composeEnv).toEqual({ DOCKER_HOST: sshd.url, SSH_AUTH_SOCK: sshd.agentSocket });
  expect(endpoint.serviceHost).toBe('127.0.0.1');
  expect(endpoint.remote).toBe(false);
});

it('checks, brings up, lists and takes down the stack on the ssh engine only, Compose on the same endpoint', async () => {
  const checks = await app.call('env.check', {});
  expect(checks.ok).toBe(true);
  const row = checks.ok ? checks.value.checks.find((c) => c.id === 'docker.engine') : undefined;
  expect(row, JSON.stringify(row)).toMatchObject({
    state: 'ok',
    title: `Docker engine: ${sshd.url} (context ups-ssh)`,
  });

  const up = await app.call('stack.up', {});
  expect(up.ok, JSON.stringify(up)).toBe(true);
  const status = await app.call('stack.status');
  expect(status.ok, JSON.stringify(status)).toBe(true);
  const vpn = status.ok ? status.value.services.find((s) => s.service === 'vpn') : undefined;
  expect(vpn?.state).toBe('running');
  const control = vpn?.ports?.find((p) => p.endsWith('->8000/tcp'));
  const hostPort = Number(/:(\d+)->/.exec(control ?? '')?.[1]);
  expect((await fetch(`http://${endpoint.serviceHost}:${hostPort}/health`)).status).toBe(200);

  // The Compose CLI with exactly the endpoint's variables (as the app runs it) sees the same containers.
  const ps = await execa('docker-compose', ['-p', project, '-f', join(root, 'compose.yaml'), 'ps', '-q'], {
    env: { ...endpoint.composeEnv, PATH: cliEnv.PATH ?? '', HOME: dir, UPS_VPN_CONTROL_API_KEY: CONTROL_KEY },
    extendEnv: false,
    stdin: 'ignore',
  });
  const onRemote = await projectContainers(engine.docker);
  expect(onRemote.length).toBeGreaterThan(0);
  expect(new Set(ps.stdout.trim().split('\n'))).toEqual(new Set(onRemote.map((c) => c.Id)));
  expect(await projectContainers(shared)).toEqual([]);

  const down = await app.call('stack.down', {});
  expect(down.ok, JSON.stringify(down)).toBe(true);
  expect(await projectContainers(engine.docker)).toEqual([]);
}, 600_000);

describe('host key verification', () => {
  async function fingerprint(): Promise<string> {
    const out = await execa('ssh-keygen', ['-l', '-E', 'sha256', '-f', join(sshd.dir, 'host_ed25519.pub')]);
    return out.stdout.split(/\s+/)[1] ?? '';
  }

  async function engineRow(knownHosts: string) {
    const ep = createDockerEndpoint({ DOCKER_CONFIG: cliEnv.DOCKER_CONFIG, SSH_AUTH_SOCK: sshd.agentSocket }, 'linux', {
      knownHostsFile: knownHosts,
    });
    await expect(ep.docker.ping()).rejects.toThrow(/verification failed/);
    const checks = await appFor(ep).call('env.check', {});
    return checks.ok ? checks.value.checks.find((c) => c.id === 'docker.engine') : undefined;
  }

  it('refuses a server whose key is not in known_hosts, naming its fingerprint and how to accept it', async () => {
    const file = join(dir, 'known_hosts.empty');
    await writeFile(file, '# nothing accepted yet\n');
    const row = await engineRow(file);
    expect(row?.state).toBe('fail');
    expect(row?.detail).toContain(`[127.0.0.1]:${sshd.port} is not in ${file}`);
    expect(row?.detail).toContain(await fingerprint());
    expect(row?.fixes[0]?.text).toContain(`ssh -p ${sshd.port} 127.0.0.1`);
  }, 60_000);

  it('refuses a server whose key changed, and says how to replace the old line', async () => {
    const other = join(dir, 'other_host');
    await execa('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', other], { stdin: 'ignore' });
    const file = join(dir, 'known_hosts.changed');
    const otherLine = (await readFile(`${other}.pub`, 'utf8')).split(/\s+/).slice(0, 2).join(' ');
    await writeFile(file, `[127.0.0.1]:${sshd.port} ${otherLine}\n`);
    const row = await engineRow(file);
    expect(row?.state).toBe('fail');
    expect(row?.detail).toContain('CHANGED');
    expect(row?.detail).toContain(await fingerprint());
    expect(row?.fixes[0]?.text).toContain(`ssh-keygen -R '[127.0.0.1]:${sshd.port}' -f ${file}`);
  }, 60_000);

  it('accepts the key from a known_hosts that ssh-keygen -H hashed', async () => {
    const file = join(dir, 'known_hosts.hashed');
    await writeFile(file, await readFile(sshd.knownHostsFile));
    await execa('ssh-keygen', ['-H', '-f', file], { stdin: 'ignore' });
    expect(await readFile(file, 'utf8')).toMatch(/^\|1\|/);
    const ep = createDockerEndpoint({ SSH_AUTH_SOCK: sshd.agentSocket, DOCKER_HOST: sshd.url }, 'linux', {
      knownHostsFile: file,
    });
    expect(String(await ep.docker.ping())).toBe('OK');
    expect(ep.hostKeyProblem?.()).toBeUndefined();
  }, 60_000);
});
