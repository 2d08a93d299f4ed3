// `ups init --up` through the built CLI with production wiring (keyring vault, DOCKER_HOST engine, detected compose):
// the stand-in stack comes up healthy under a test project name, progress is printed, and `ups status` sees it.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultImages, defaultPorts } from '../../src/core/contract';
import { requireBuiltCli, ups } from '../helpers/cli';
import { requireDocker, requireSecretService, uniqueProject, tagStandInAs } from '../helpers/require-env';
import { composeCommands, freePort, removeTempDirs, tempDir } from './stack-helpers';

let dir: string;
let env: Record<string, string>;
let installRoot: string;

beforeAll(async () => {
  requireSecretService();
  requireBuiltCli();
  const docker = await requireDocker();
  await tagStandInAs(docker, Object.values(defaultImages));
  dir = await tempDir('cli-up');
  installRoot = join(dir, 'install');
  env = {
    UPS_CONFIG_DIR: join(dir, 'cfg'),
    UPS_VAULT_SERVICE: `UPS stack CLI up test ${Math.random().toString(36).slice(2, 8)}`,
    UPS_COMPOSE_PROJECT: uniqueProject('stack-cli'),
    UPS_VPN_WIREGUARD_PRIVATE_KEY: 'wOEI9rqqbDwnN8/Bpp22sVz48T71vJ4fYmFWujulwUU=',
  };
  const ports: string[] = [];
  for (const p of Object.keys(defaultPorts)) ports.push(`  ${p}: ${await freePort()}`);
  await writeFile(
    join(dir, 'answers.yml'),
    [
      `installRoot: ${installRoot}`,
      `dataRoot: ${join(dir, 'data')}`,
      'timeZone: UTC',
      'services: { qbittorrent: false, nzbget: true }',
      'vpn: { provider: mullvad, type: wireguard, wireguardAddresses: [10.64.222.21/32], serverCities: [Amsterdam] }',
      'ports:',
      ...ports,
      '',
    ].join('\n'),
  );
}, 60_000);

afterAll(async () => {
  const { execa } = await import('execa');
  const [cmd] = (await composeCommands()).slice(-1) as [string[]];
  // Down through compose with the same project; `down` needs the secrets only for interpolation, so dummies do.
  await execa(
    cmd[0]!,
    [
      ...cmd.slice(1),
      '-p',
      env.UPS_COMPOSE_PROJECT!,
      '-f',
      join(installRoot, 'compose.yaml'),
      'down',
      '-v',
      '--remove-orphans',
    ],
    {
      reject: false,
      env: {
        ...process.env,
        UPS_VPN_CONTROL_API_KEY: 'x',
        UPS_VPN_WIREGUARD_PRIVATE_KEY: 'x',
        UPS_NZBGET_PASSWORD: 'x',
        UPS_RADARR_API_KEY: 'x',
        UPS_SONARR_API_KEY: 'x',
        UPS_PROWLARR_API_KEY: 'x',
      },
    },
  );
  await removeTempDirs();
}, 120_000);

describe('ups init --up', () => {
  it('writes, starts and waits until healthy, printing progress', async () => {
    const r = await ups(['init', '--config', join(dir, 'answers.yml'), '--secrets-from-env', '--up'], env);
    expect(r.stderr).toContain('[0/');
    expect(r.stderr).toMatch(/services healthy/);
    expect(r.stdout).toContain('Started and healthy: vpn, plex, nzbget, prowlarr, radarr, sonarr, bazarr, seerr.');
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).not.toContain(env.UPS_VPN_WIREGUARD_PRIVATE_KEY);

    const status = await ups(['status', '--json'], env);
    const services = (JSON.parse(status.stdout) as { value: { services: { service: string }[] } }).value.services
      .map((s) => s.service)
      .sort();
    expect(services).toEqual(['bazarr', 'nzbget', 'plex', 'prowlarr', 'radarr', 'seerr', 'sonarr', 'vpn']);
  });
});
