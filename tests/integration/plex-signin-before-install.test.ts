// Plex sign-in before install (the wizard's order): with no stack installed, plex.signin.* store the token in the real
// Secret Service and answer who signed in (recorded plex.tv fake, GET /api/v2/user) and that the install will claim;
// once installed, the install's claim (claimPlexAfterInstall, called by stack.install after `up`) claims the recorded
// Plex fake for that account, and plex.account says so. Fakes reached through the UPS_PLEXTV_URL / UPS_PLEX_URL seams.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { testAppDeps } from '../helpers/test-app';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAppService, type AppService } from '../../src/core/app/app-service';
import { StackConfigSchema, type ProgressEvent, type StackConfig } from '../../src/core/contract';
import type { DockerEndpoint } from '../../src/core/engine/docker-endpoint';
import { readPlexClientId } from '../../src/core/profile/plex-client-file';
import { claimPlexAfterInstall } from '../../src/core/plex/plex-install-claim';
import { PLEX_URL_ENV, PLEXTV_URL_ENV } from '../../src/core/app/default-deps';
import { WILL_CLAIM_AT_INSTALL } from '../../src/core/app/handlers/plex';
import { sampleConfigInput } from '../../src/core/stack/sample-config';
import { serializeStackConfig, STACK_FILE } from '../../src/core/install/stack-file';
import { createKeytarStore } from '../../src/core/vault/keytar-store';
import { createSecretVault, type SecretVault } from '../../src/core/vault/secret-vault';
import { requireSecretService } from '../helpers/require-env';
import { startPlexFake, startPlexTvFake, type PlexFake, type PlexTvFake } from '../fakes/plex-fakes';

let vault: SecretVault;
let base: string;
let configDir: string;
let root: string;
let plexTv: PlexTvFake;
let plex: PlexFake;
const saved = { tv: process.env[PLEXTV_URL_ENV], plex: process.env[PLEX_URL_ENV] };

beforeAll(() => {
  requireSecretService();
  vault = createSecretVault(
    createKeytarStore(`Ultimate Plex Stack test plex-before-${Math.random().toString(36).slice(2)}`),
  );
});
afterAll(() => {
  for (const [k, v] of [
    [PLEXTV_URL_ENV, saved.tv],
    [PLEX_URL_ENV, saved.plex],
  ] as const) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});
beforeEach(async () => {
  base = await mkdtemp(join(process.env.UPS_CI_TMP ?? tmpdir(), 'ups-t-plex-before-'));
  configDir = join(base, 'config');
  root = join(base, 'stack');
  plexTv = await startPlexTvFake();
  plex = await startPlexFake(plexTv);
  process.env[PLEXTV_URL_ENV] = plexTv.server.url;
  process.env[PLEX_URL_ENV] = plex.server.url;
  await vault.delete('plex.token');
});
afterEach(async () => {
  const violations = [...plexTv.server.violations, ...plex.server.violations];
  await Promise.all([plexTv.server.stop(), plex.server.stop()]);
  await vault.delete('plex.token');
  await rm(base, { recursive: true, force: true });
  expect(violations, 'requests outside the recorded routes').toEqual([]);
});

function app(installed: boolean): AppService {
  return createAppService(
    testAppDeps({
      version: 'test',
      platform: 'linux',
      arch: 'x64',
      door: 'browser',
      project: 'ups-t-plex-before',
      installRoot: async () => (installed ? root : null),
      endpoint: { label: 'unused', docker: { listContainers: async () => [] } } as unknown as DockerEndpoint,
      detectCompose: async () => ({ available: false }) as never,
      vault,
      configDir,
    }),
  );
}

/** The wizard's Plex step: start, the user approves on plex.tv as `username`, poll once more. */
async function signIn(a: AppService, token: string, username: string) {
  const start = await a.call('plex.signin.start');
  if (!start.ok) throw new Error(`start: ${start.error.message}`);
  expect(await a.call('plex.signin.poll', { pinId: start.value.pinId })).toEqual({
    ok: true,
    value: { status: 'waiting' },
  });
  plexTv.approve(start.value.pinId, token, username);
  const done = await a.call('plex.signin.poll', { pinId: start.value.pinId });
  return { start: start.value, done };
}

async function install(): Promise<StackConfig> {
  const cfg = StackConfigSchema.parse(sampleConfigInput({ installRoot: root } as never));
  await mkdir(root, { recursive: true });
  await writeFile(join(root, STACK_FILE), serializeStackConfig(cfg));
  return cfg;
}

describe('Plex sign-in before install', () => {
  it('with no stack installed: the token goes to the vault, the answer names the account and says the install will claim', async () => {
    const a = app(false);
    const { start, done } = await signIn(a, 'tok-before-install', 'ups-wizard-user');
    expect(done).toEqual({
      ok: true,
      value: {
        status: 'signed-in',
        account: { username: 'ups-wizard-user' },
        claim: { ok: true, detail: WILL_CLAIM_AT_INSTALL },
      },
    });
    expect(JSON.stringify(done)).not.toContain('tok-before-install');
    expect(await vault.get('plex.token')).toBe('tok-before-install');
    // The identifier plex.tv saw is the one kept in the per-user config dir (made by this sign-in, not from a secret).
    const clientId = await readPlexClientId(configDir);
    expect(clientId).toMatch(/^ups-[0-9a-f]{20}$/);
    expect(new URLSearchParams(start.authUrl.split('#?')[1]).get('clientID')).toBe(clientId);
    // Nothing asked Plex: there is no server yet.
    expect(plex.server.calls).toEqual([]);
    expect(plex.state.owner).toBeNull();
    expect(await a.call('plex.account')).toEqual({
      ok: true,
      value: { account: { username: 'ups-wizard-user' }, server: 'not-installed' },
    });
  });

  it('after install the claim happens for that account, with the same client identifier', async () => {
    const { start } = await signIn(app(false), 'tok-claim-later', 'ups-claim-user');
    const cfg = await install();
    const events: ProgressEvent[] = [];
    const outcome = await claimPlexAfterInstall(cfg, {
      vault,
      configDir,
      endpoints: { plexTvUrl: process.env[PLEXTV_URL_ENV], plexUrl: process.env[PLEX_URL_ENV] },
      operationId: 'install-t',
      onProgress: (p) => events.push(p),
    });
    expect(outcome).toEqual({ ok: true, detail: 'The Plex server is now claimed for this account.' });
    expect(plex.state.owner).toBe('tok-claim-later');
    expect(events.map((e) => [e.operationId, e.step, e.current, e.total])).toEqual([
      ['install-t', 'plex', 0, 1],
      ['install-t', 'plex', 1, 1],
    ]);
    const installed = app(true);
    expect(await installed.call('plex.account')).toEqual({
      ok: true,
      value: { account: { username: 'ups-claim-user' }, server: 'claimed' },
    });
    // A sign-in after install presents the same device to plex.tv as the one before it.
    const again = await installed.call('plex.signin.start');
    if (!again.ok) throw new Error(again.error.message);
    const idOf = (url: string) => new URLSearchParams(url.split('#?')[1]).get('clientID');
    expect(idOf(again.value.authUrl)).toBe(idOf(start.authUrl));
    // A second install run finds it claimed and changes nothing.
    expect(
      await claimPlexAfterInstall(cfg, {
        vault,
        configDir,
        endpoints: { plexTvUrl: process.env[PLEXTV_URL_ENV], plexUrl: process.env[PLEX_URL_ENV] },
        operationId: 'install-t2',
      }),
    ).toEqual({ ok: true, detail: 'The Plex server was already claimed.' });
  });

  it('without a stored sign-in the install claims nothing; with Plex not answering it reports the fix instead of failing', async () => {
    const cfg = await install();
    expect(
      await claimPlexAfterInstall(cfg, {
        vault,
        configDir,
        endpoints: { plexTvUrl: process.env[PLEXTV_URL_ENV], plexUrl: process.env[PLEX_URL_ENV] },
        operationId: 'install-t',
      }),
    ).toBeNull();
    expect(plex.server.calls).toEqual([]);
    await signIn(app(false), 'tok-plex-down', 'ups-down-user');
    await plex.server.stop();
    const outcome = await claimPlexAfterInstall(cfg, {
      vault,
      configDir,
      endpoints: { plexTvUrl: process.env[PLEXTV_URL_ENV], plexUrl: process.env[PLEX_URL_ENV] },
      operationId: 'install-t',
    });
    expect(outcome?.ok).toBe(false);
    expect(outcome?.detail).toMatch(/^The Plex server could not be claimed: .*unreachable/);
    expect(outcome?.fix).toBeTruthy();
    expect(await app(true).call('plex.account')).toEqual({
      ok: true,
      value: { account: { username: 'ups-down-user' }, server: 'unreachable' },
    });
  });
});
