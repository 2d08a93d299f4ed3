// The CLI order of the wizard's Plex step, through the built `ups` with production wiring (keyring vault, engine,
// compose): `ups plex signin` with no stack installed stores the token and names the account, then
// `ups init --up` starts the stand-in stack and claims Plex for that account. plex.tv and Plex are the recorded fakes
// (tests/fakes/plex-fakes.ts) through the UPS_PLEXTV_URL / UPS_PLEX_URL test seams; the Plex container is a stand-in.
import { execa } from 'execa';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultImages, defaultPorts } from '../../src/core/contract';
import { requireBuiltCli, repoRoot, ups, upsBin } from '../helpers/cli';
import { requireDocker, requireSecretService, tagStandInAs, uniqueProject } from '../helpers/require-env';
import { startPlexFake, startPlexTvFake, type PlexFake, type PlexTvFake } from '../fakes/plex-fakes';
import { composeCommands, freePort, removeTempDirs, tempDir } from './stack-helpers';

let dir: string;
let env: Record<string, string>;
let installRoot: string;
let plexTv: PlexTvFake;
let plex: PlexFake;
const TOKEN = 'cli-before-init-token';

beforeAll(async () => {
  requireSecretService();
  requireBuiltCli();
  const docker = await requireDocker();
  await tagStandInAs(docker, Object.values(defaultImages));
  plexTv = await startPlexTvFake();
  plex = await startPlexFake(plexTv);
  dir = await tempDir('plex-cli-init');
  installRoot = join(dir, 'install');
  env = {
    UPS_CONFIG_DIR: join(dir, 'cfg'),
    UPS_VAULT_SERVICE: `UPS plex before init test ${Math.random().toString(36).slice(2, 8)}`,
    UPS_COMPOSE_PROJECT: uniqueProject('plex-cli-init'),
    UPS_VPN_WIREGUARD_PRIVATE_KEY: 'wg-key-not-real-5c4b3a',
    UPS_PLEXTV_URL: plexTv.server.url,
    UPS_PLEX_URL: plex.server.url,
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
  const [cmd] = (await composeCommands()).slice(-1) as [string[]];
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
  // Forget the token this test stored under its own vault service name.
  await ups(['secrets', 'delete', 'plex.token'], env);
  await plexTv?.server.stop();
  await plex?.server.stop();
  await removeTempDirs();
}, 120_000);

describe('ups plex signin before ups init --up', () => {
  it('signs in with no stack, then the install claims Plex for that account', async () => {
    const none = await ups(['plex', 'status', '--json'], env);
    expect(none.code, none.stderr).toBe(0);
    expect(JSON.parse(none.stdout)).toEqual({ ok: true, value: { account: null, server: 'not-installed' } });
    // The user opens the printed page and approves; the fake's PIN code is `code<id>` in the URL fragment.
    const child = execa(process.execPath, [upsBin, 'plex', 'signin', '--interval', '50', '--timeout', '30'], {
      reject: false,
      env: { ...process.env, ...env },
      cwd: repoRoot,
      stdin: 'ignore',
    });
    let approved = false;
    child.stdout?.on('data', (b: Buffer) => {
      const url = /https:\/\/app\.plex\.tv\/auth#\?\S+/.exec(b.toString())?.[0];
      if (!url || approved) return;
      approved = true;
      plexTv.approve(
        Number((new URLSearchParams(url.split('#?')[1]).get('code') ?? '').replace(/^code/, '')),
        TOKEN,
        'ups-cli-user',
      );
    });
    const signin = await child;
    expect(approved, String(signin.stderr)).toBe(true);
    expect(signin.exitCode).toBe(0);
    expect(String(signin.stdout)).toMatch(
      /Signed in to Plex; the token is in the vault\.\nYour Plex server will be claimed when the install starts Plex\.\nPlex account: ups-cli-user/,
    );
    expect(plex.state.owner).toBeNull();

    const init = await ups(['init', '--config', join(dir, 'answers.yml'), '--secrets-from-env', '--up'], env);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain('The Plex server is now claimed for this account.');
    expect(plex.state.owner).toBe(TOKEN);
    const status = await ups(['plex', 'status'], env);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout.trim()).toBe('Plex account: ups-cli-user\nPlex server: claimed for your Plex account');
    expect(init.stdout + init.stderr + String(signin.stdout) + none.stdout + status.stdout).not.toContain(TOKEN);
    expect([...plexTv.server.violations, ...plex.server.violations]).toEqual([]);
  });
});
