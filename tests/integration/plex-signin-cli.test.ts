// `ups plex signin` and the plex.signin.start/poll calls through the App service, against the recorded plex.tv and
// Plex fakes (tests/fakes/plex-fakes.ts) reached through the UPS_PLEXTV_URL test seam; the token lives in the real
// Secret Service. Approve → token in the vault (never printed) → server claimed; no approval → timeout; bad input refused.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { testAppDeps } from '../helpers/test-app';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program';
import { createAppService, type AppService } from '../../src/core/app/app-service';
import { StackConfigSchema } from '../../src/core/contract';
import type { DockerEndpoint } from '../../src/core/engine/docker-endpoint';
import { PLEXTV_URL_ENV } from '../../src/core/app/default-deps';
import { sampleConfigInput } from '../../src/core/stack/sample-config';
import { serializeStackConfig, STACK_FILE } from '../../src/core/install/stack-file';
import { createKeytarStore } from '../../src/core/vault/keytar-store';
import { createSecretVault, type SecretVault } from '../../src/core/vault/secret-vault';
import { requireSecretService } from '../helpers/require-env';
import { startPlexFake, startPlexTvFake, type PlexFake, type PlexTvFake } from '../fakes/plex-fakes';

let vault: SecretVault;
let root: string;
let plexTvFake: PlexTvFake;
let plexFake: PlexFake;
const savedEnv = process.env[PLEXTV_URL_ENV];

beforeAll(async () => {
  requireSecretService();
  vault = createSecretVault(
    createKeytarStore(`Ultimate Plex Stack test plex-cli-${Math.random().toString(36).slice(2)}`),
  );
  root = await mkdtemp(join(process.env.UPS_CI_TMP ?? tmpdir(), 'ups-t-plex-cli-'));
});
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
  if (savedEnv === undefined) delete process.env[PLEXTV_URL_ENV];
  else process.env[PLEXTV_URL_ENV] = savedEnv;
});

beforeEach(async () => {
  plexTvFake = await startPlexTvFake();
  plexFake = await startPlexFake(plexTvFake);
  process.env[PLEXTV_URL_ENV] = plexTvFake.server.url;
  const plexPort = Number(new URL(plexFake.server.url).port);
  const cfg = StackConfigSchema.parse(sampleConfigInput({ installRoot: root, ports: { plex: plexPort } } as never));
  await writeFile(join(root, STACK_FILE), serializeStackConfig(cfg));
  await vault.delete('plex.token');
});
afterEach(async () => {
  const violations = [...plexTvFake.server.violations, ...plexFake.server.violations];
  await Promise.all([plexTvFake.server.stop(), plexFake.server.stop()]);
  await vault.delete('plex.token');
  expect(violations, 'requests outside the recorded routes').toEqual([]);
});

function app(): AppService {
  return createAppService(
    testAppDeps({
      version: 'test',
      platform: 'linux',
      arch: 'x64',
      door: 'cli',
      project: 'ups-t-plex-cli',
      installRoot: async () => root,
      endpoint: { label: 'unused', docker: { listContainers: async () => [] } } as unknown as DockerEndpoint,
      detectCompose: async () => ({ available: false }) as never,
      vault,
    }),
  );
}

/** The user "opens" the printed page and approves: the fake's PIN code is `code<id>`, carried in the URL fragment. */
function approveFromUrl(text: string, token: string): boolean {
  const url = /https:\/\/app\.plex\.tv\/auth#\?\S+/.exec(text)?.[0];
  if (!url) return false;
  const code = new URLSearchParams(url.split('#?')[1]).get('code') ?? '';
  plexTvFake.approve(Number(code.replace(/^code/, '')), token);
  return true;
}

function cli() {
  const out: string[] = [];
  const err: string[] = [];
  const instance = app();
  const run = (argv: string[]) =>
    runCli(argv, {
      version: 'test',
      app: () => instance,
      serve: async () => 0,
      io: { out: (t) => out.push(t), err: (t) => err.push(t) },
    });
  return { run, out, err };
}

describe('ups plex signin', () => {
  it('prints the PIN page, waits for approval, stores the token only in the vault and claims the server', async () => {
    const out: string[] = [];
    const instance = app();
    let approved = false;
    const code = await runCli(['plex', 'signin', '--interval', '20'], {
      version: 'test',
      app: () => instance,
      serve: async () => 0,
      io: { out: (t) => (out.push(t), (approved ||= approveFromUrl(t, 'account-token-cli'))), err: (t) => out.push(t) },
    });
    const text = out.join('\n');
    expect(approved, 'the auth URL was printed').toBe(true);
    expect(code).toBe(0);
    expect(text).toMatch(
      /Signed in to Plex; the token is in the vault\.\nThe Plex server is now claimed for this account\./,
    );
    expect(await vault.get('plex.token')).toBe('account-token-cli');
    expect(plexFake.state.owner).toBe('account-token-cli');
    expect(text).toContain('Plex account: user@example.com');
    expect(text).not.toContain('account-token-cli');
  });

  it('gives up after --timeout when nobody approves, with the fix, and stores nothing', async () => {
    const { run, err } = cli();
    expect(await run(['plex', 'signin', '--timeout', '0.3', '--interval', '50'])).toBe(1);
    expect(err.join('\n')).toMatch(/not approved within 0\.3 s[\s\S]*ups plex signin/);
    expect(await vault.get('plex.token')).toBeNull();
    expect(plexFake.state.owner).toBeNull();
  });

  it('refuses a bad --timeout as bad usage without calling plex.tv', async () => {
    const { run, err } = cli();
    expect(await run(['plex', 'signin', '--timeout', 'soon'])).toBe(2);
    expect(err.join('\n')).toMatch(/--timeout must be a positive number/);
    expect(plexTvFake.server.calls).toEqual([]);
  });
});

describe('plex.signin.start / plex.signin.poll (the wizard path)', () => {
  it('answers waiting until approved, then signed-in; the token never crosses the contract', async () => {
    const a = app();
    const start = await a.call('plex.signin.start');
    if (!start.ok) throw new Error(start.error.message);
    expect(start.value.authUrl).toMatch(/^https:\/\/app\.plex\.tv\/auth#\?/);
    expect(await a.call('plex.signin.poll', { pinId: start.value.pinId })).toEqual({
      ok: true,
      value: { status: 'waiting' },
    });
    plexTvFake.approve(start.value.pinId, 'account-token-wizard');
    const done = await a.call('plex.signin.poll', { pinId: start.value.pinId });
    expect(done).toEqual({
      ok: true,
      value: {
        status: 'signed-in',
        account: { username: 'user@example.com' },
        claim: { ok: true, detail: 'The Plex server is now claimed for this account.' },
      },
    });
    expect(JSON.stringify(done)).not.toContain('account-token-wizard');
    expect(await vault.get('plex.token')).toBe('account-token-wizard');
  });

  it('keeps the token and says how to claim later when Plex is not running', async () => {
    await plexFake.server.stop();
    const a = app();
    const start = await a.call('plex.signin.start');
    if (!start.ok) throw new Error(start.error.message);
    plexTvFake.approve(start.value.pinId, 'account-token-later');
    const done = await a.call('plex.signin.poll', { pinId: start.value.pinId });
    if (!done.ok || done.value.status !== 'signed-in') throw new Error(`unexpected ${JSON.stringify(done)}`);
    expect(done.value.claim.ok).toBe(false);
    expect(done.value.claim.detail).toMatch(/could not be claimed: .*unreachable/);
    expect(done.value.claim.fix).toBeTruthy();
    expect(await vault.get('plex.token')).toBe('account-token-later');
  });

  it('says the PIN expired, with the fix, when plex.tv no longer knows it', async () => {
    const r = await app().call('plex.signin.poll', { pinId: 987654 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect([r.error.code, r.error.field]).toEqual(['NOT_FOUND', 'pinId']);
      expect(r.error.message).toMatch(/expired/);
      expect(r.error.action).toMatchObject({ action: 'plex.signin' });
    }
    expect(await vault.get('plex.token')).toBeNull();
  });

  it('refuses a pinId that is not a positive integer, naming the field', async () => {
    const r = await app().call('plex.signin.poll', { pinId: 'abc' } as never);
    expect(r.ok).toBe(false);
    if (!r.ok) expect([r.error.code, r.error.field]).toEqual(['BAD_INPUT', 'input.pinId']);
    expect(plexTvFake.server.calls).toEqual([]);
  });
});
