// The `ups` CLI as a separate process: documented JSON shapes, exit codes 0/1/2, errors that name the flag and the fix.
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnvCheckSchema, StackStatusSchema, envelopeSchema } from '../../src/core/contract';
import { requireBuiltCli, upsBin } from '../helpers/cli';
import { ups } from '../helpers/cli';
import { requireDocker, uniqueProject } from '../helpers/require-env';

const project = uniqueProject('cli');
const containers: string[] = [];

beforeAll(async () => {
  requireBuiltCli();
  await requireDocker();
});

afterAll(async () => {
  if (containers.length) await execa('docker', ['rm', '-f', ...containers], { reject: false });
});

describe('ups doctor', () => {
  it('--json answers the env.check envelope and the exit code follows the verdict', async () => {
    const r = await ups(['doctor', '--json']);
    const env = envelopeSchema(EnvCheckSchema).parse(JSON.parse(r.stdout));
    expect(env.ok).toBe(true);
    if (!env.ok) return;
    expect(env.value.checks.map((c) => c.id)).toEqual(
      expect.arrayContaining(['docker.engine', 'docker.compose', 'vault.usable']),
    );
    expect(env.value.docker.reachable).toBe(true);
    expect(env.value.docker.osType).toBe('linux');
    expect(env.value.compose.available).toBe(true);
    expect(['v1', 'v2']).toContain(env.value.compose.variant);
    expect(env.value.vault.usable).toBe(true);
    expect(r.code).toBe(env.value.overall === 'fail' ? 1 : 0);
  });

  it('exits 1 with the fix when the engine is unreachable', async () => {
    const r = await ups(['doctor', '--json'], { DOCKER_HOST: 'unix:///nonexistent/docker.sock' });
    expect(r.code).toBe(1);
    const env = envelopeSchema(EnvCheckSchema).parse(JSON.parse(r.stdout));
    if (!env.ok) throw new Error('doctor itself should answer');
    const engine = env.value.checks.find((c) => c.id === 'docker.engine');
    expect(engine?.state).toBe('fail');
    expect(engine?.fixes.length).toBeGreaterThan(0);
    const text = await ups(['doctor'], { DOCKER_HOST: 'unix:///nonexistent/docker.sock' });
    expect(text.stdout).toContain('[FAIL] Docker engine: ');
    expect(text.stdout).toContain('fix:');
  });
});

describe('ups status', () => {
  it('--json lists the project containers found by label', async () => {
    const { stdout } = await execa('docker', [
      'run',
      '-d',
      '--network',
      'none',
      '--label',
      `com.docker.compose.project=${project}`,
      '--label',
      'com.docker.compose.service=prowlarr',
      'ups-standin/service:latest',
    ]);
    containers.push(stdout.trim());
    const r = await ups(['status', '--json'], { UPS_COMPOSE_PROJECT: project });
    expect(r.code).toBe(0);
    const env = envelopeSchema(StackStatusSchema).parse(JSON.parse(r.stdout));
    if (!env.ok) throw new Error(env.error.message);
    expect(env.value.project).toBe(project);
    expect(env.value.services.map((s) => s.service)).toEqual(['prowlarr']);
    expect(env.value.services[0]?.state).toBe('running');
    const text = await ups(['status'], { UPS_COMPOSE_PROJECT: project });
    expect(text.stdout).toMatch(/prowlarr\s+running/);
  });

  it('--watch prints each pushed change until interrupted', async () => {
    const watchProject = uniqueProject('watch');
    const child = execa(process.execPath, [upsBin, 'status', '--watch', '--json'], {
      reject: false,
      stdin: 'ignore',
      env: { ...process.env, UPS_COMPOSE_PROJECT: watchProject },
    });
    const lines: { services: { service: string; state: string }[] }[] = [];
    const sawBazarr = new Promise<void>((resolve) => {
      let buf = '';
      child.stdout?.on('data', (b: Buffer) => {
        buf += b.toString();
        let nl: number;
        while ((nl = buf.indexOf('\n')) >= 0) {
          const line = buf.slice(0, nl);
          buf = buf.slice(nl + 1);
          if (!line.trim()) continue;
          const parsed = StackStatusSchema.parse(JSON.parse(line));
          lines.push(parsed);
          if (parsed.services.some((x) => x.service === 'bazarr' && x.state === 'running')) resolve();
        }
      });
    });
    try {
      while (lines.length === 0) await new Promise((r) => setTimeout(r, 100));
      expect(lines[0]?.services).toEqual([]);
      const { stdout } = await execa('docker', [
        'run',
        '-d',
        '--network',
        'none',
        '--label',
        `com.docker.compose.project=${watchProject}`,
        '--label',
        'com.docker.compose.service=bazarr',
        'ups-standin/service:latest',
      ]);
      containers.push(stdout.trim());
      await sawBazarr;
    } finally {
      child.kill('SIGINT');
    }
    expect((await child).exitCode).toBe(0);
  });

  it('exits 1 with an envelope error when the engine is unreachable', async () => {
    const r = await ups(['status', '--json'], { DOCKER_HOST: 'unix:///nonexistent/docker.sock' });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, error: { code: 'ENGINE_UNREACHABLE' } });
  });
});

describe('bad usage', () => {
  it('exits 2 and names the unknown flag with a suggestion', async () => {
    const r = await ups(['status', '--jsn']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("'--jsn'");
    expect(r.stderr).toContain('--json');
    expect(r.stderr).toContain('ups status --help');
  });

  it('exits 2 and names --port with the allowed range', async () => {
    const r = await ups(['serve', '--port', '70000']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--port');
    expect(r.stderr).toContain('0 to 65535');
  });

  it('exits 2 on an unknown command', async () => {
    const r = await ups(['statsu']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command 'statsu'/);
  });
});

describe('ups serve', () => {
  it('prints a tokened loopback URL and rejects requests without the token', async () => {
    const child = execa(process.execPath, [upsBin, 'serve'], { reject: false, stdin: 'ignore' });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout?.on('data', (b: Buffer) => {
          const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(b.toString());
          if (m?.[1]) resolve(m[1]);
        });
        void child.then((r) => reject(new Error(`serve exited: ${String(r.stderr)}`)));
      });
      const u = new URL(url);
      const noToken = await fetch(`${u.origin}/api/call/app.info`, { method: 'POST', body: '{}' });
      expect(noToken.status).toBe(401);
      const withToken = await fetch(`${u.origin}/api/call/app.info`, {
        method: 'POST',
        body: '{}',
        headers: { authorization: `Bearer ${u.searchParams.get('token')}` },
      });
      expect(withToken.status).toBe(200);
      expect(await withToken.json()).toMatchObject({ ok: true, value: { door: 'browser' } });
    } finally {
      child.kill('SIGTERM');
      const end = await child;
      expect(end.exitCode).toBe(0);
    }
  });
});
