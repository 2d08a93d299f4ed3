// The external-link policy with the core's stack.webPorts answer faked: what it reads and when it refuses.
import { describe, expect, it, vi } from 'vitest';
import { createExternalPolicy, localHttpPort, openPlexWeb, webPortsFromCore } from './external-links';

vi.mock('electron', () => ({}));

describe('localHttpPort', () => {
  it.each([
    ['http://localhost:7878', 7878],
    ['http://127.0.0.1:32400/web', 32400],
    ['http://127.1:8080/', 8080],
    ['http://localhost/', 80],
    ['http://localhost:80/', 80],
  ])('%s → %s', (url, port) => expect(localHttpPort(url)).toBe(port));

  it.each(['https://localhost:7878', 'http://u@localhost:7878', 'http://10.0.0.2:7878', 'http://[::1]:1/', 'nope'])(
    '%s → null',
    (url) => expect(localHttpPort(url)).toBeNull(),
  );
});

describe('createExternalPolicy', () => {
  it('asks the core for the ports on every local click, and never for an https link', async () => {
    const webPorts = vi.fn(async () => new Set([7878]));
    const policy = createExternalPolicy({ httpsHosts: new Set(['app.plex.tv']), webPorts });
    expect(await policy('https://app.plex.tv/x')).toBe('https://app.plex.tv/x');
    expect(webPorts).not.toHaveBeenCalled();
    expect(await policy('http://localhost:7878')).toBe('http://localhost:7878/');
    expect(await policy('http://localhost:7879')).toBeNull();
    expect(webPorts).toHaveBeenCalledTimes(2);
  });
});

describe('webPortsFromCore', () => {
  it('reads stack.webPorts; a failed answer allows nothing', async () => {
    const ok = { call: async () => ({ ok: true as const, value: { ports: [{ name: 'radarr', port: 7878 }] } }) };
    expect([...(await webPortsFromCore(ok))]).toEqual([7878]);
    const failed = { call: async () => ({ ok: false as const }) };
    expect([...(await webPortsFromCore(failed))]).toEqual([]);
  });
});

describe('openPlexWeb', () => {
  it('opens Plex Web at the published port, and nothing without a stack', async () => {
    const opened: string[] = [];
    const core = { call: async () => ({ ok: true as const, value: { ports: [{ name: 'plex', port: 32500 }] } }) };
    expect(await openPlexWeb(core, (u) => opened.push(u))).toBe(true);
    expect(opened).toEqual(['http://127.0.0.1:32500/web']);
    const none = { call: async () => ({ ok: true as const, value: { ports: [] } }) };
    expect(await openPlexWeb(none, (u) => opened.push(u))).toBe(false);
    expect(opened).toHaveLength(1);
  });
});

describe('a remote engine', () => {
  it("opens the engine host's published ports, and only those", async () => {
    const policy = createExternalPolicy({
      httpsHosts: new Set(),
      webPorts: async () => new Set([7878]),
      webHost: async () => '192.168.1.10',
    });
    expect(await policy('http://192.168.1.10:7878/')).toBe('http://192.168.1.10:7878/');
    expect(await policy('http://192.168.1.10:22/')).toBeNull();
    expect(await policy('http://192.168.1.11:7878/')).toBeNull();
    expect(await policy('http://localhost:7878/')).toBe('http://localhost:7878/');
  });

  it("opens Plex Web on the engine's host", async () => {
    const opened: string[] = [];
    const core = {
      call: async () => ({
        ok: true as const,
        value: { host: '192.168.1.10', ports: [{ name: 'plex', port: 32400 }] },
      }),
    };
    expect(await openPlexWeb(core, (u) => opened.push(u))).toBe(true);
    expect(opened).toEqual(['http://192.168.1.10:32400/web']);
  });
});
