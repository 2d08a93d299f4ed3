// `ups plan` / `ups apply` / `ups links` through the App service with the production wiring source (stack.yml + vault)
// against real qbittorrent-nox and nzbget: changes listed, applied with progress lines, then nothing left to do.
// It injects the download-client half only (AppDeps.wiring) to pin its CLI output; the production composition with the
// Arr side (arrSideWiring) runs against the same real clients in wiring-full-stack-app.test.ts.
import { randomBytes } from 'node:crypto';
import { testAppDeps } from '../helpers/test-app';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program';
import { createAppService, type AppDeps } from '../../src/core/app/app-service';
import { StackConfigSchema, WiringApplyResultSchema } from '../../src/core/contract';
import type { DockerEndpoint } from '../../src/core/engine/docker-endpoint';
import { sampleConfigInput } from '../../src/core/stack/sample-config';
import { serializeStackConfig, STACK_FILE } from '../../src/core/install/stack-file';
import { stackWiringSource } from '../../src/core/wiring/wiring-source';
import { startNzbget, startQbittorrent, type RunningClient } from '../helpers/real-download-clients';

let qbt: RunningClient;
let nzb: RunningClient;
let root: string;
const secrets = new Map<string, string>();

beforeAll(async () => {
  [qbt, nzb] = [await startQbittorrent(), await startNzbget()];
  root = await mkdtemp(join(process.env.UPS_CI_TMP ?? tmpdir(), 'ups-t-wiring-cli-'));
  const cfg = StackConfigSchema.parse(
    sampleConfigInput({ ports: { qbittorrent: qbt.port, nzbget: nzb.port } } as never),
  );
  await writeFile(join(root, STACK_FILE), serializeStackConfig(cfg));
  // qBittorrent's seed config carries the generated password; Debian's profile has adminadmin, so that is "the stored one" here.
  secrets.set('qbittorrent.password', 'adminadmin');
  secrets.set('nzbget.password', randomBytes(12).toString('base64url'));
});
afterAll(async () => {
  await qbt?.stop();
  await nzb?.stop();
  if (root) await rm(root, { recursive: true, force: true });
});

function cli() {
  const vault = {
    backend: 'memory',
    get: async (n: string) => secrets.get(n) ?? null,
    set: async () => undefined,
    delete: async () => true,
  };
  const deps: AppDeps = testAppDeps({
    version: 'test',
    platform: 'linux',
    arch: 'x64',
    door: 'cli',
    project: 'ups-t-wiring-cli',
    installRoot: async () => root,
    endpoint: { label: 'unused', docker: { listContainers: async () => [] } } as unknown as DockerEndpoint,
    detectCompose: async () => ({ available: false }) as never,
    vault: vault as unknown as AppDeps['vault'],
    wiring: stackWiringSource({
      installRoot: async () => root,
      vault,
      // This test's app reaches nzbget from 127.0.0.1, which in the stack only the VPN namespace has.
      options: {
        torrentsPath: join(qbt.dir, 'torrents'),
        usenetPath: join(nzb.dir, 'usenet'),
        nzbgetAuthorizedIp: '203.0.113.1',
      },
    }),
  });
  const app = createAppService(deps);
  const out: string[] = [];
  const err: string[] = [];
  const run = (argv: string[]) =>
    runCli(argv, {
      version: 'test',
      app: () => app,
      serve: async () => 0,
      io: { out: (t) => out.push(t), err: (t) => err.push(t) },
    });
  return { run, out, err };
}

describe('ups plan / apply / links (real download clients)', () => {
  it('plan lists the pending changes with reasons, without writing', async () => {
    const { run, out } = cli();
    expect(await run(['plan'])).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/^qbittorrent\.categories$/m);
    expect(text).toMatch(/^ {2}\+ category radarr: missing; save path .*\/torrents\/movies$/m);
    expect(text).toMatch(/^ {2}~ control login: still the initial password/m);
    expect(text).toMatch(/change\(s\) pending: run `ups apply`/);
    // Still pending: plan wrote nothing.
    const again = cli();
    await again.run(['plan']);
    expect(again.out.join('\n')).toMatch(/\+ category radarr/);
  });

  it('apply writes with a progress line per step, a second apply changes nothing, links are green', async () => {
    const first = cli();
    expect(await first.run(['apply'])).toBe(0);
    expect(first.err.some((l) => /^\[\d\/3\] qbittorrent\.categories: /.test(l))).toBe(true);
    expect(first.out.join('\n')).toMatch(
      /^applied {3}nzbget\.config: update paths, update category movies, create category tv, create category prowlarr, update login for every address, update control login$/m,
    );

    const second = cli();
    expect(await second.run(['apply', '--json'])).toBe(0);
    const env = JSON.parse(second.out.join('\n')) as { ok: true; value: unknown };
    const result = WiringApplyResultSchema.parse(env.value);
    expect(result.steps.map((s) => s.status)).toEqual(['unchanged', 'unchanged', 'unchanged']);

    const links = cli();
    expect(await links.run(['links'])).toBe(0);
    expect(links.out.join('\n')).toMatch(/All 2 links work\./);
  });

  it('a broken link makes `ups links` fail with the fix printed', async () => {
    secrets.set('nzbget.password', 'wrong-one');
    const { run, out } = cli();
    expect(await run(['links'])).toBe(1);
    const text = out.join('\n');
    expect(text).toMatch(/^FAIL\s+ups → nzbget\s+NZBGet at .* rejected the login/m);
    expect(text).toMatch(/fix: Set NZBGet's ControlUsername\/ControlPassword/);
    expect(text).not.toContain('wrong-one');
  });
});
