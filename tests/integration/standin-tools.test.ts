// The per-image stand-ins carry only the real image's tools (tests/standin/tools.json): the catalog's own NZBGet
// healthcheck passes on the nzbget stand-in, and a curl healthcheck — as compose/nzbget.yml had — fails there.
import { readFileSync } from 'node:fs';
import type Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { defaultImages } from '../../src/core/contract';
import { requireDocker, standInFor } from '../helpers/require-env';

let docker: Docker;
const started: Docker.Container[] = [];

beforeAll(async () => {
  docker = await requireDocker();
});
afterAll(async () => {
  for (const c of started) await c.remove({ force: true }).catch(() => undefined);
});

/** Runs `image` with `test` as its healthcheck and returns the first settled health status. */
async function healthOf(image: string, test: string[]): Promise<string> {
  const c = await docker.createContainer({
    Image: image,
    Labels: { 'ups.test': 'standin-tools' },
    Healthcheck: { Test: test, Interval: 1_000_000_000, Timeout: 2_000_000_000, Retries: 1, StartPeriod: 0 },
    HostConfig: { NetworkMode: 'none' },
  });
  started.push(c);
  await c.start();
  for (let i = 0; i < 60; i++) {
    const status = (await c.inspect()).State.Health?.Status;
    if (status === 'healthy' || status === 'unhealthy') return status;
    await new Promise((r) => setTimeout(r, 500));
  }
  return 'never settled';
}

const fragmentHealthcheck = (name: string): string[] =>
  (
    parse(readFileSync(`compose/${name}.yml`, 'utf8')) as {
      services: Record<string, { healthcheck: { test: string[] } }>;
    }
  ).services[name]!.healthcheck.test;

describe('stand-ins with the real image tools', () => {
  it('maps each catalog image to its own variant', () => {
    expect(standInFor(defaultImages.nzbget)).toBe('ups-standin/service:nzbget');
    expect(standInFor(defaultImages.seerr)).toBe('ups-standin/service:seerr');
    expect(standInFor('example.org/other:1')).toBe('ups-standin/service:latest');
  });

  it('a curl healthcheck fails in the nzbget stand-in (nzbgetcom/nzbget has no curl)', async () => {
    expect(
      await healthOf('ups-standin/service:nzbget', [
        'CMD',
        'curl',
        '-fsS',
        '-o',
        '/dev/null',
        'http://127.0.0.1:6789/jsonrpc/version',
      ]),
    ).toBe('unhealthy');
  });

  it("compose/nzbget.yml's own healthcheck passes in the nzbget stand-in", async () => {
    expect(await healthOf('ups-standin/service:nzbget', fragmentHealthcheck('nzbget'))).toBe('healthy');
  });

  it("compose/flaresolverr.yml's own healthcheck passes in the flaresolverr stand-in (curl, port 8191)", async () => {
    expect(standInFor(defaultImages.flaresolverr)).toBe('ups-standin/service:flaresolverr');
    expect(await healthOf('ups-standin/service:flaresolverr', fragmentHealthcheck('flaresolverr'))).toBe('healthy');
  });

  it('the same curl check passes where the real image has curl (radarr), so the failure above is the missing tool', async () => {
    expect(
      await healthOf('ups-standin/service:radarr', [
        'CMD',
        'curl',
        '-fsS',
        '-o',
        '/dev/null',
        'http://127.0.0.1:7878/ping',
      ]),
    ).toBe('healthy');
  });

  it('every fragment healthcheck runs on its own stand-in', async () => {
    const names = ['plex', 'prowlarr', 'radarr', 'sonarr', 'seerr', 'vpn'] as const;
    const results = await Promise.all(
      names.map(async (n) => [n, await healthOf(standInFor(defaultImages[n]), fragmentHealthcheck(n))] as const),
    );
    expect(Object.fromEntries(results)).toEqual(Object.fromEntries(names.map((n) => [n, 'healthy'])));
  });
});
