import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  composeEnvFor,
  createDockerEndpoint,
  defaultEndpointLabel,
  dockerOptionsFor,
  engineDisplayName,
  isRemoteEngine,
  resolveEngine,
  serviceHostFor,
} from './docker-endpoint';
import { publishedPort } from '../stack/generate-compose';

let home: string | undefined;
afterEach(() => {
  if (home) rmSync(home, { recursive: true, force: true });
  home = undefined;
});

/** A Docker config dir laid out as `docker context create` leaves it (see docker-context.ts for the upstream files). */
function contextStore(name: string, host: string, opts: { tls?: boolean; skip?: boolean; current?: boolean } = {}) {
  home ??= mkdtempSync(join(tmpdir(), 'ups-t-ctx-'));
  const cfg = join(home, '.docker');
  const id = createHash('sha256').update(name).digest('hex');
  mkdirSync(join(cfg, 'contexts', 'meta', id), { recursive: true });
  writeFileSync(
    join(cfg, 'contexts', 'meta', id, 'meta.json'),
    JSON.stringify({ Name: name, Metadata: {}, Endpoints: { docker: { Host: host, SkipTLSVerify: !!opts.skip } } }),
  );
  if (opts.tls) {
    const tls = join(cfg, 'contexts', 'tls', id, 'docker');
    mkdirSync(tls, { recursive: true });
    for (const f of ['ca.pem', 'cert.pem', 'key.pem']) writeFileSync(join(tls, f), `${f}\n`);
  }
  if (opts.current !== false) writeFileSync(join(cfg, 'config.json'), JSON.stringify({ currentContext: name }));
  return { home, cfg, tlsDir: join(cfg, 'contexts', 'tls', id, 'docker') };
}

describe('docker endpoint', () => {
  it('defaults to the named pipe on Windows and the socket elsewhere', () => {
    expect(defaultEndpointLabel({}, 'win32')).toBe('npipe:////./pipe/docker_engine');
    expect(defaultEndpointLabel({}, 'linux')).toBe('unix:///var/run/docker.sock');
    expect(defaultEndpointLabel({ DOCKER_HOST: 'tcp://nas:2375' }, 'win32')).toBe('tcp://nas:2375');
    const none = mkdtempSync(join(tmpdir(), 'ups-t-ctx-'));
    home = none;
    expect(resolveEngine({}, 'linux', { home: none })).toEqual({
      host: 'unix:///var/run/docker.sock',
      source: 'default',
    });
  });

  it('parses the transports', () => {
    expect(dockerOptionsFor('unix:///tmp/x/docker.sock')).toEqual({ socketPath: '/tmp/x/docker.sock' });
    expect(dockerOptionsFor('npipe:////./pipe/docker_engine')).toEqual({ socketPath: '\\\\.\\pipe\\docker_engine' });
    expect(dockerOptionsFor('tcp://10.0.0.5:2376')).toEqual({ host: '10.0.0.5', port: 2376, protocol: 'http' });
    expect(dockerOptionsFor('ssh://me@nas.lan:2222', { SSH_AUTH_SOCK: '/run/agent.sock' }, 'linux')).toEqual({
      host: 'nas.lan',
      port: 2222,
      protocol: 'ssh',
      username: 'me',
      // Never ssh2's default of accepting any host key.
      sshOptions: { agent: '/run/agent.sock', hostVerifier: expect.any(Function) as unknown },
    });
  });

  it('follows the CLI order: setting, then DOCKER_HOST, then DOCKER_CONTEXT / currentContext', () => {
    const s = contextStore('nas', 'tcp://10.0.0.9:2376', { tls: true });
    const env = { DOCKER_CONFIG: s.cfg };
    expect(resolveEngine(env, 'linux', { home: s.home })).toEqual({
      host: 'tcp://10.0.0.9:2376',
      source: 'context',
      context: 'nas',
      tls: { verify: true, certDir: s.tlsDir },
    });
    expect(resolveEngine({ ...env, DOCKER_HOST: 'unix:///x.sock' }, 'linux').source).toBe('DOCKER_HOST');
    expect(resolveEngine({ ...env, DOCKER_CONTEXT: 'default' }, 'linux').host).toBe('unix:///var/run/docker.sock');
    expect(
      resolveEngine({ ...env, DOCKER_HOST: 'unix:///x.sock' }, 'linux', { setting: { context: 'nas' } }).host,
    ).toBe('tcp://10.0.0.9:2376');
    expect(() => resolveEngine({ ...env, DOCKER_CONTEXT: 'gone' }, 'linux')).toThrow(/context "gone" was not found/);
  });

  it('hands compose the same engine, TLS included', () => {
    const s = contextStore('nas', 'tcp://10.0.0.9:2376', { tls: true });
    expect(composeEnvFor(resolveEngine({ DOCKER_CONFIG: s.cfg }, 'linux'))).toEqual({
      DOCKER_HOST: 'tcp://10.0.0.9:2376',
      DOCKER_TLS_VERIFY: '1',
      DOCKER_CERT_PATH: s.tlsDir,
    });
    // DOCKER_TLS_VERIFY counts when non-empty, as the CLI reads it (cli/flags/options.go); cert path defaults to the config dir.
    expect(
      resolveEngine({ DOCKER_HOST: 'tcp://h:2376', DOCKER_TLS_VERIFY: '0', DOCKER_CONFIG: '/c' }, 'linux').tls,
    ).toEqual({
      verify: true,
      certDir: '/c',
    });
    const ep = createDockerEndpoint({ DOCKER_CONFIG: s.cfg }, 'linux');
    expect(ep.label).toBe('tcp://10.0.0.9:2376 (context nas)');
    expect(ep.composeEnv.DOCKER_HOST).toBe('tcp://10.0.0.9:2376');
    expect(ep.serviceHost).toBe('10.0.0.9');
    expect(ep.remote).toBe(true);
  });

  it('addresses services where the engine runs', () => {
    expect(serviceHostFor('unix:///var/run/docker.sock')).toBe('127.0.0.1');
    expect(serviceHostFor('npipe:////./pipe/docker_engine')).toBe('127.0.0.1');
    expect(serviceHostFor('tcp://127.0.0.2:2376')).toBe('127.0.0.2');
    expect(serviceHostFor('ssh://me@nas.lan')).toBe('nas.lan');
    expect(isRemoteEngine('tcp://127.0.0.2:2376')).toBe(false);
    expect(isRemoteEngine('ssh://me@192.168.1.10')).toBe(true);
  });

  it('names the engine in plain words: where it runs and how it is reached', () => {
    expect(engineDisplayName({ host: 'unix:///var/run/docker.sock', source: 'default' })).toBe('Docker on this PC');
    expect(engineDisplayName({ host: 'tcp://192.168.1.20:2376', source: 'setting', tls: { verify: true } })).toBe(
      'Docker on 192.168.1.20 (TLS)',
    );
    expect(engineDisplayName({ host: 'tcp://nas:2376', source: 'DOCKER_HOST', tls: { verify: false } })).toBe(
      'Docker on nas (TLS, certificate not verified)',
    );
    expect(engineDisplayName({ host: 'tcp://nas:2375', source: 'DOCKER_HOST' })).toBe(
      'Docker on nas (unencrypted TCP)',
    );
    expect(engineDisplayName({ host: 'ssh://me@nas.lan', source: 'context', context: 'nas' })).toBe(
      'Docker on nas.lan (SSH as me, Docker context "nas")',
    );
    expect(engineDisplayName({ host: 'ssh://root@127.0.0.1:2222', source: 'setting' })).toBe(
      'Docker on 127.0.0.1 (this PC, SSH as root)',
    );
  });

  it('publishes the loopback-only ports where the app can reach them', () => {
    const spec = '127.0.0.1:${STACK_PORT_RADARR}:7878/tcp';
    expect(publishedPort(spec, false)).toBe('127.0.0.1:${STACK_PORT_RADARR}:7878/tcp');
    expect(publishedPort(spec, false, '127.0.0.2')).toBe('127.0.0.2:${STACK_PORT_RADARR}:7878/tcp');
    expect(publishedPort(spec, false, 'nas.lan')).toBe('${STACK_PORT_RADARR}:7878/tcp');
    expect(publishedPort('${STACK_PORT_PLEX}:32400/tcp', false, '127.0.0.2')).toBe('${STACK_PORT_PLEX}:32400/tcp');
  });
});
