// `ups config usenet`: the flags become the settings form's three calls in its order (server into stack.yml, password
// into the vault only, then the wiring), merged over the stored server; bad flags are refused before any call.
import { afterEach, describe, expect, it } from 'vitest';
import type { AppService } from '../../core/app/app-service';
import { runCli } from '../program';

const stored = { host: 'news.old.example', port: 119, tls: false, username: 'old', connections: 4 };
const settings = (usenet?: unknown) => ({
  installRoot: '/srv/ups',
  timeZone: 'UTC',
  ports: {},
  lanAccess: false,
  enabledPorts: ['nzbget'],
  ...(usenet ? { usenet } : {}),
});

function fakeApp(calls: [string, unknown][], current: unknown): AppService {
  const answers: Record<string, (input: Record<string, unknown>) => unknown> = {
    'stack.settings.get': () => settings(current),
    'stack.settings.update': (i) => ({
      settings: settings(i.usenet ?? undefined),
      written: ['stack.yml'],
      backup: null,
      applied: true,
    }),
    'secrets.set': (i) => ({ name: i.name }),
    'wiring.apply': () => ({ operationId: 'op', ok: true, steps: [] }),
  };
  return {
    call: async (channel: string, input?: unknown) => {
      calls.push([channel, input]);
      return { ok: true, value: answers[channel]!(input as Record<string, unknown>) };
    },
  } as unknown as AppService;
}

async function run(argv: string[], current?: unknown) {
  const calls: [string, unknown][] = [];
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['config', 'usenet', ...argv], {
    version: 't',
    app: () => fakeApp(calls, current),
    serve: async () => 0,
    io: { out: (t) => out.push(t), err: (t) => err.push(t) },
  });
  return { code, calls, out: out.join('\n'), err: err.join('\n') };
}

afterEach(() => {
  delete process.env.UPS_TEST_NEWS_PASSWORD;
});

describe('ups config usenet', () => {
  it('saves the server, then its password into the vault only, then wires NZBGet', async () => {
    process.env.UPS_TEST_NEWS_PASSWORD = 'news-secret-42';
    const r = await run([
      '--host',
      'news.example.com',
      '--user',
      'reader',
      '--password-from-env',
      'UPS_TEST_NEWS_PASSWORD',
    ]);
    expect(r.code).toBe(0);
    expect(r.calls.map(([c]) => c)).toEqual([
      'stack.settings.get',
      'stack.settings.update',
      'secrets.set',
      'wiring.apply',
    ]);
    expect(r.calls[1]![1]).toEqual({
      usenet: { host: 'news.example.com', port: 563, tls: true, username: 'reader', connections: 8 },
      apply: true,
    });
    expect(r.calls[2]![1]).toEqual({ name: 'nzbget.server.password', value: 'news-secret-42' });
    expect(r.out).toContain('news.example.com:563');
    expect(r.out + r.err).not.toContain('news-secret-42');
  });

  it('one flag changes one setting: the rest is the stored server, and the password is kept', async () => {
    const r = await run(['--connections', '20'], stored);
    expect(r.code).toBe(0);
    expect(r.calls[1]![1]).toEqual({ usenet: { ...stored, connections: 20 }, apply: true });
    expect(r.calls.map(([c]) => c)).not.toContain('secrets.set');
    expect(r.out).toContain('password unchanged');
  });

  it('--no-tls is the only way to turn TLS off; leaving it out keeps the stored choice', async () => {
    const on = await run(['--host', 'news.example.com'], { ...stored, tls: true });
    expect((on.calls[1]![1] as { usenet: { tls: boolean } }).usenet.tls).toBe(true);
    const off = await run(['--no-tls', '--port', '119'], { ...stored, tls: true });
    expect((off.calls[1]![1] as { usenet: { tls: boolean; port: number } }).usenet).toMatchObject({
      tls: false,
      port: 119,
    });
  });

  it('--remove takes the server out and wires nothing', async () => {
    const r = await run(['--remove'], stored);
    expect(r.code).toBe(0);
    expect(r.calls.map(([c]) => c)).toEqual(['stack.settings.get', 'stack.settings.update']);
    expect(r.calls[1]![1]).toEqual({ usenet: null, apply: true });
    expect(r.out).toContain('removed');
  });

  it('with no server stored, --host is needed: a usage error naming it, nothing saved', async () => {
    const r = await run(['--connections', '10']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--host is needed/);
    expect(r.calls.map(([c]) => c)).toEqual(['stack.settings.get']);
  });

  it('a bad flag is refused by name before any call', async () => {
    for (const argv of [
      ['--host', 'http://news.example.com'],
      ['--host', 'news.example.com', '--port', '70000'],
      ['--host', 'news.example.com', '--connections', '0'],
    ]) {
      const r = await run(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).toMatch(/--(host|port|connections)/);
      expect(r.calls).toEqual([]);
    }
  });

  it('a password source that is empty is a usage error before anything is written', async () => {
    const r = await run(['--host', 'news.example.com', '--user', 'u', '--password-from-env', 'UPS_TEST_NEWS_PASSWORD']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('UPS_TEST_NEWS_PASSWORD');
    expect(r.calls.map(([c]) => c)).not.toContain('stack.settings.update');
  });
});
