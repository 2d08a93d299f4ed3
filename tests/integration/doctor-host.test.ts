// `ups doctor` as a separate process on this Linux host: JSON shape, exit codes, the Linux host checks, the
// Windows checks reported as not applicable, and the stack check, with the real engine up and "down" (DOCKER_HOST
// pointed at a socket nothing listens on: the shared dockerd is never stopped).
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnvCheckSchema, envelopeSchema, type EnvCheck } from '../../src/core/contract';
import { requireBuiltCli, ups } from '../helpers/cli';
import { requireDocker, requireSecretService, uniqueProject } from '../helpers/require-env';

const project = uniqueProject('doctor');
const containers: string[] = [];
const windowsIds = [
  'windows.version',
  'windows.virtualization',
  'wsl.installed',
  'wsl.default-version',
  'docker-desktop.wsl2',
  'docker-desktop.autostart',
  'wsl.memory',
];
let busy: Server;
let busyPort = 0;

beforeAll(async () => {
  requireBuiltCli();
  requireSecretService();
  await requireDocker();
  busy = createServer();
  await new Promise<void>((r) => busy.listen({ port: 0, host: '0.0.0.0' }, r));
  busyPort = (busy.address() as { port: number }).port;
});

afterAll(async () => {
  if (busy) await new Promise<void>((r) => busy.close(() => r()));
  if (containers.length) await execa('docker', ['rm', '-f', ...containers], { reject: false });
});

async function doctorJson(env: Record<string, string>): Promise<{ code: number; value: EnvCheck; stdout: string }> {
  const r = await ups(['doctor', '--json'], { UPS_COMPOSE_PROJECT: project, ...env });
  const parsed = envelopeSchema(EnvCheckSchema).parse(JSON.parse(r.stdout));
  if (!parsed.ok) throw new Error(`doctor itself should answer: ${parsed.error.message}`);
  return { code: r.code, value: parsed.value, stdout: r.stdout };
}

const check = (v: EnvCheck, id: string) => {
  const c = v.checks.find((x) => x.id === id);
  if (!c) throw new Error(`check ${id} missing from ${v.checks.map((x) => x.id).join(', ')}`);
  return c;
};

describe('ups doctor on this Linux host', () => {
  it('engine up: Linux checks run, Windows checks are not applicable, exit code follows the verdict', async () => {
    const { code, value } = await doctorJson({ UPS_CHECK_PORTS: String(freePortHint()) });
    expect(check(value, 'docker.engine').state).toBe('ok');
    expect(check(value, 'vault.usable').state).toBe('ok');
    expect(['ok', 'warn']).toContain(check(value, 'docker.compose').state);
    expect(check(value, 'host.disk').detail).toMatch(/GB free at .+; images and app data need about/);
    expect(check(value, 'host.ports').state).toBe('ok');
    for (const id of windowsIds) expect(check(value, id).state).toBe('not-applicable');
    expect(check(value, 'stack.health')).toMatchObject({
      state: 'not-applicable',
      detail: expect.stringContaining(project),
    });
    expect(value.overall).not.toBe('fail');
    expect(code).toBe(0);
  });

  it('a port held by another program fails the ports check by number and exits 1', async () => {
    const { code, value } = await doctorJson({ UPS_CHECK_PORTS: `${busyPort},${freePortHint()}` });
    const ports = check(value, 'host.ports');
    expect(ports.state).toBe('fail');
    expect(ports.detail).toBe(`${busyPort} is in use by another program.`);
    expect(ports.fixes.length).toBeGreaterThan(0);
    expect(value.overall).toBe('fail');
    expect(code).toBe(1);
  });

  it('a degraded stack (one service running, one never started) fails the stack check with the services named', async () => {
    const labels = (service: string) => [
      '--label',
      `com.docker.compose.project=${project}`,
      '--label',
      `com.docker.compose.service=${service}`,
    ];
    const run = await execa('docker', [
      'run',
      '-d',
      '--no-healthcheck',
      '--network',
      'none',
      ...labels('prowlarr'),
      'ups-standin/service:latest',
    ]);
    const created = await execa('docker', [
      'create',
      '--network',
      'none',
      ...labels('radarr'),
      'ups-standin/service:latest',
    ]);
    containers.push(run.stdout.trim(), created.stdout.trim());
    const { code, value } = await doctorJson({ UPS_CHECK_PORTS: String(freePortHint()) });
    const stack = check(value, 'stack.health');
    expect(stack.state).toBe('fail');
    expect(stack.detail).toBe('Not every service is up: radarr (created).');
    expect(code).toBe(1);
  });

  it('engine down: the engine check fails with a fix, the stack check does not fail twice, exit 1, text table shows fixes', async () => {
    const dead = `unix://${join(mkdtempSync(join(tmpdir(), 'ups-t-doctor-')), 'docker.sock')}`;
    const { code, value } = await doctorJson({ DOCKER_HOST: dead, UPS_CHECK_PORTS: String(freePortHint()) });
    expect(check(value, 'docker.engine')).toMatchObject({ state: 'fail', detail: expect.stringContaining(dead) });
    expect(check(value, 'docker.engine').fixes[0]).toMatchObject({
      kind: 'steps',
      command: 'sudo systemctl start docker',
    });
    expect(check(value, 'stack.health').state).toBe('not-applicable');
    expect(value.docker.reachable).toBe(false);
    expect(code).toBe(1);
    const text = await ups(['doctor'], {
      DOCKER_HOST: dead,
      UPS_COMPOSE_PROJECT: project,
      UPS_CHECK_PORTS: String(freePortHint()),
    });
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/^Environment checks \(FAIL\)/);
    expect(text.stdout).toContain('[FAIL] Docker engine: ');
    expect(text.stdout).toContain('$ sudo systemctl start docker');
    expect(text.stdout).toContain('[n/a ] WSL installed and up to date');
  });
});

/** A port above the ephemeral range's usual start that nothing here binds; checked free by the doctor itself. */
function freePortHint(): number {
  return busyPort === 65535 ? 65534 : busyPort + 1;
}
