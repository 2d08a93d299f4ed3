// A remote engine, for real: a second private dockerd that listens on tcp://127.0.0.2:<port> with TLS and client
// certificates (generated here with openssl), chosen through a Docker context that the real `docker context create`
// writes into a temp Docker config dir. The app resolves that context, lists, brings the stack up and down with the
// Compose CLI on the same engine (never the shared one its inherited DOCKER_HOST names), reaches the published ports
// on 127.0.0.2, and opens no connection to 127.0.0.1 meanwhile. The shared engine's docker0 bridge survives.
import { execa } from 'execa';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type Docker from 'dockerode';
import { createAppService, type AppService } from '../../src/core/app/app-service';
import { commandRunner, detectCompose } from '../../src/core/engine/compose-detect';
import { createDockerEndpoint, type DockerEndpoint } from '../../src/core/engine/docker-endpoint';
import { CATALOG_IMAGES, FIXTURE_COMPOSE } from '../fixtures/engine/harness';
import { copyImage, createSecondDockerd, linkExists, type SecondDockerd } from '../fixtures/engine/second-dockerd';
import { requireDocker, standInFor, tagStandInAs, uniqueProject } from '../helpers/require-env';
import { testAppDeps } from '../helpers/test-app';

const project = uniqueProject('remote-tls');
const ADDRESS = '127.0.0.2';
const PORT = 23000 + Math.floor(Math.random() * 2000);
const CONTROL_KEY = `ctl-${Math.random().toString(36).slice(2)}`;
let dir: string;
let engine: SecondDockerd;
let shared: Docker;
let endpoint: DockerEndpoint;
let app: AppService;
const hadDocker0 = linkExists('docker0');

async function openssl(...args: string[]): Promise<void> {
  await execa('openssl', args, { cwd: dir, stdin: 'ignore' });
}

/** A throwaway CA, a server certificate for 127.0.0.2 and a client certificate, as Docker's TLS guide makes them. */
async function makeCertificates(): Promise<void> {
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  await openssl(
    'req',
    '-x509',
    ...ec,
    '-keyout',
    'ca-key.pem',
    '-out',
    'ca.pem',
    '-days',
    '1',
    '-subj',
    '/CN=ups-test-ca',
  );
  for (const [name, cn, ext] of [
    ['server', ADDRESS, `subjectAltName=IP:${ADDRESS}\nextendedKeyUsage=serverAuth\n`],
    ['client', 'ups-test-client', 'extendedKeyUsage=clientAuth\n'],
  ] as const) {
    await writeFile(join(dir, `${name}.ext`), ext);
    await openssl('req', ...ec, '-keyout', `${name}-key.pem`, '-out', `${name}.csr`, '-subj', `/CN=${cn}`);
    await openssl(
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca-key.pem',
      '-CAcreateserial',
      '-out',
      `${name}-cert.pem`,
      '-days',
      '1',
      '-extfile',
      `${name}.ext`,
    );
  }
}

beforeAll(async () => {
  shared = await requireDocker();
  dir = await mkdtemp(join(tmpdir(), 'ups-t-remote-tls-'));
  await makeCertificates();
  engine = await createSecondDockerd({
    tls: {
      address: ADDRESS,
      port: PORT,
      caFile: join(dir, 'ca.pem'),
      certFile: join(dir, 'server-cert.pem'),
      keyFile: join(dir, 'server-key.pem'),
    },
  });
  await engine.start();
  for (const ref of new Set(CATALOG_IMAGES.map(standInFor))) await copyImage(shared, engine.docker, ref);
  await tagStandInAs(engine.docker, CATALOG_IMAGES);

  // The real Docker CLI writes the context store; the app must read what it wrote.
  const cliEnv = { PATH: process.env.PATH ?? '', HOME: dir, DOCKER_CONFIG: join(dir, 'docker-config') };
  await execa(
    'docker',
    [
      'context',
      'create',
      'ups-remote',
      '--docker',
      `host=tcp://${ADDRESS}:${PORT},ca=${join(dir, 'ca.pem')},cert=${join(dir, 'client-cert.pem')},key=${join(dir, 'client-key.pem')}`,
    ],
    { env: cliEnv, extendEnv: false, stdin: 'ignore' },
  );
  await execa('docker', ['context', 'use', 'ups-remote'], { env: cliEnv, extendEnv: false, stdin: 'ignore' });
  endpoint = createDockerEndpoint({ DOCKER_CONFIG: cliEnv.DOCKER_CONFIG }, 'linux');

  // The stack file as generateCompose writes it for this engine: loopback-only ports on the engine's address.
  const root = join(dir, 'install');
  await execa('mkdir', ['-p', root]);
  const text = (await readFile(FIXTURE_COMPOSE, 'utf8')).replaceAll('"127.0.0.1::', `"${ADDRESS}::`);
  await writeFile(join(root, 'compose.yaml'), text);
  app = createAppService(
    testAppDeps({
      version: 'test',
      platform: 'linux',
      arch: process.arch,
      door: 'cli',
      project,
      installRoot: async () => root,
      endpoint,
      detectCompose: () => detectCompose(commandRunner(process.env)),
      vault: {
        backend: 'memory',
        set: async () => undefined,
        get: async (name: string) => (name === 'vpn.control.api_key' ? CONTROL_KEY : null),
        delete: async () => false,
      },
      engine: { vpnWatchIntervalMs: 0 },
    }),
  );
}, 240_000);

afterAll(async () => {
  if (engine) {
    await execa('docker-compose', ['-p', project, '-f', join(dir, 'install', 'compose.yaml'), 'down', '-v'], {
      env: { ...endpoint.composeEnv, PATH: process.env.PATH ?? '', UPS_VPN_CONTROL_API_KEY: CONTROL_KEY },
      extendEnv: false,
      reject: false,
    });
    await engine.destroy();
  }
  if (dir) await rm(dir, { recursive: true, force: true });
}, 120_000);

/** Every TCP connection this process opens while `work` runs (dockerode, the one-GET list, service calls). */
async function connectionsDuring(work: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const original = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    const [first, second] = args as [unknown, unknown];
    if (typeof first === 'object' && first !== null && !Array.isArray(first)) {
      const o = first as { host?: string; path?: string };
      if (!o.path) seen.push(o.host ?? 'localhost');
    } else if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
      seen.push(typeof second === 'string' ? second : 'localhost');
    }
    return (original as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof original;
  try {
    await work();
  } finally {
    net.Socket.prototype.connect = original;
  }
  return seen;
}

it('resolves the Docker context the CLI wrote, with its TLS material', () => {
  expect(endpoint.label).toBe(`tcp://${ADDRESS}:${PORT} (context ups-remote)`);
  expect(endpoint.serviceHost).toBe(ADDRESS);
  expect(endpoint.composeEnv).toMatchObject({ DOCKER_HOST: `tcp://${ADDRESS}:${PORT}`, DOCKER_TLS_VERIFY: '1' });
  expect(endpoint.composeEnv.DOCKER_CERT_PATH).toMatch(/docker-config\/contexts\/tls\/[0-9a-f]{64}\/docker$/);
});

it('checks, brings up, reaches and takes down the stack on that engine only, never calling 127.0.0.1', async () => {
  const seen = await connectionsDuring(async () => {
    const checks = await app.call('env.check', {});
    expect(checks.ok).toBe(true);
    const row = checks.ok ? checks.value.checks.find((c) => c.id === 'docker.engine') : undefined;
    expect(row).toMatchObject({ state: 'ok', title: `Docker engine: tcp://${ADDRESS}:${PORT} (context ups-remote)` });

    const up = await app.call('stack.up', {});
    expect(up.ok, JSON.stringify(up)).toBe(true);
    const status = await app.call('stack.status');
    expect(status.ok).toBe(true);
    const vpn = status.ok ? status.value.services.find((s) => s.service === 'vpn') : undefined;
    expect(vpn?.state).toBe('running');
    // Published where the app reaches them, and answering there.
    const control = vpn?.ports?.find((p) => p.endsWith('->8000/tcp'));
    expect(control).toMatch(new RegExp(`^${ADDRESS.replaceAll('.', '\\.')}:\\d+->8000/tcp$`));
    const hostPort = Number(/:(\d+)->/.exec(control ?? '')?.[1]);
    const res = await fetch(`http://${endpoint.serviceHost}:${hostPort}/health`);
    expect(res.status).toBe(200);

    const down = await app.call('stack.down', {});
    expect(down.ok, JSON.stringify(down)).toBe(true);
  });
  expect(seen.length).toBeGreaterThan(0);
  expect(seen.filter((h) => h !== ADDRESS)).toEqual([]);
  // Compose went to the TLS engine: nothing of this project ever reached the shared one.
  const onShared = await shared.listContainers({
    all: true,
    filters: { label: [`com.docker.compose.project=${project}`] },
  });
  expect(onShared).toEqual([]);
  const onRemote = await engine.docker.listContainers({
    all: true,
    filters: { label: [`com.docker.compose.project=${project}`] },
  });
  expect(onRemote).toEqual([]);
}, 300_000);

it("leaves the shared engine's docker0 bridge in place", () => {
  expect(hadDocker0).toBe(true);
  expect(linkExists('docker0')).toBe(true);
});
