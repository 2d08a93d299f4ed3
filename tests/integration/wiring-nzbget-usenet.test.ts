// The news server against a real NZBGet 21: Server1.* written through saveconfig (password never in the plan), a second
// apply writes nothing, and the link test has NZBGet itself connect to a loopback NNTP stand-in (ok, refused, wrong login).
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNzbgetClient, type NzbgetCredential } from '../../src/core/wiring/clients/nzbget-client';
import { applyWiring } from '../../src/core/wiring/engine/apply-wiring';
import { runLinkTests } from '../../src/core/wiring/engine/link-tests';
import { planWiring } from '../../src/core/wiring/engine/plan-wiring';
import { nzbgetServerLinkTest, type NzbgetServerDesired } from '../../src/core/wiring/steps/nzbget-server';
import { nzbgetSteps, type NzbgetDesired } from '../../src/core/wiring/steps/nzbget-steps';
import { startNntpStandin, type NntpStandin } from '../helpers/nntp-standin';
import { startNzbget, startRecordingProxy } from '../helpers/real-download-clients';

const INITIAL: NzbgetCredential = { username: 'nzbget', password: 'tegbzn6789' };
let nzb: Awaited<ReturnType<typeof startNzbget>>;
let proxy: Awaited<ReturnType<typeof startRecordingProxy>>;
let nntp: NntpStandin;
let want: NzbgetDesired;
let server: NzbgetServerDesired;
const newsPassword = `news-${randomBytes(9).toString('base64url')}`;

beforeAll(async () => {
  nzb = await startNzbget();
  proxy = await startRecordingProxy(nzb.baseUrl);
  nntp = await startNntpStandin({ username: 'reader', password: newsPassword });
  server = {
    host: '127.0.0.1',
    port: nntp.port,
    tls: false,
    username: 'reader',
    password: newsPassword,
    connections: 4,
  };
  // The client comes from 127.0.0.1, so the password-free address is a TEST-NET one and the login is exercised.
  want = {
    mainDir: join(nzb.dir, 'data', 'usenet'),
    categories: ['Movies', 'tv'],
    username: 'ups',
    password: randomBytes(12).toString('base64url'),
    authorizedIp: '203.0.113.1',
    server,
  };
});
afterAll(async () => {
  await nntp?.close();
  await proxy?.close();
  await nzb?.stop();
});

const client = (via: 'proxy' | 'direct' = 'direct') =>
  createNzbgetClient({
    baseUrl: via === 'proxy' ? proxy.url : nzb.baseUrl,
    credential: { username: want.username, password: want.password },
    initial: INITIAL,
  });

describe('NZBGet news server (real nzbget, loopback NNTP stand-in)', () => {
  it('plans the news server without its password, writes Server1.* and NZBGet runs with them', async () => {
    const steps = nzbgetSteps(client(), want);
    const plan = await planWiring(steps);
    const news = plan.steps.flatMap((s) => s.changes).find((c) => c.resource === 'news server');
    expect(news).toMatchObject({ action: 'update', reason: expect.stringContaining('Server1.Host') });
    expect(JSON.stringify(plan)).not.toContain(newsPassword);
    const result = await applyWiring(steps);
    expect(result.ok).toBe(true);
    expect(JSON.stringify(result)).not.toContain(newsPassword);
    const running = new Map((await client().config()).map((o) => [o.Name, o.Value]));
    expect(running.get('Server1.Host')).toBe('127.0.0.1');
    expect(running.get('Server1.Port')).toBe(String(nntp.port));
    expect(running.get('Server1.Encryption')).toBe('no');
    expect(running.get('Server1.Username')).toBe('reader');
    expect(running.get('Server1.Connections')).toBe('4');
    expect(running.get('Server1.Active')).toBe('yes');
    // NZBGet keeps its own config in plain text (its design); ours is the vault, never stack.yml or a plan.
    expect(await readFile(nzb.confPath, 'utf8')).toMatch(/^Server1\.Password=news-/m);
  });

  it('a second apply reads only', async () => {
    proxy.requests.length = 0;
    const result = await applyWiring(nzbgetSteps(client('proxy'), want));
    expect(result.steps.map((s) => s.status)).toEqual(['unchanged']);
    const methods = proxy.requests.map((r) => (JSON.parse(r.body) as { method: string }).method);
    expect(methods.filter((m) => !['version', 'loadconfig', 'config'].includes(m))).toEqual([]);
  });

  it('the link test has NZBGet connect and log in to the news server', async () => {
    nntp.commands.length = 0;
    const table = await runLinkTests([nzbgetServerLinkTest(client(), server)]);
    expect(table.links[0]).toMatchObject({ id: 'nzbget->usenet', ok: true });
    expect(nntp.commands).toEqual(
      expect.arrayContaining(['AUTHINFO USER reader', 'AUTHINFO PASS ***', expect.stringMatching(/^ARTICLE </)]),
    );
  });

  it('a wrong news server password fails with the server refusing the login and a way to store it again', async () => {
    const table = await runLinkTests([nzbgetServerLinkTest(client(), { ...server, password: 'wrong' })]);
    expect(table.links[0]).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/Authori[sz]ation .*failed/i),
      action: { action: 'secrets.set', input: { name: 'nzbget.server.password' } },
    });
  });

  it('nothing listening: the link test fails with the plain cause, naming the server', async () => {
    await nntp.close();
    const table = await runLinkTests([nzbgetServerLinkTest(client(), server)]);
    expect(table.links[0]?.ok).toBe(false);
    expect(table.links[0]?.detail).toContain(`127.0.0.1:${nntp.port}`);
    expect(table.links[0]?.detail).toMatch(/refused|connect/i);
    expect(table.links[0]?.fix).toMatch(/host, port and TLS/);
    expect(JSON.stringify(table)).not.toContain(newsPassword);
  });

  it('without a stored password for a login, the test says so and offers to store it (no call to NZBGet)', async () => {
    const table = await runLinkTests([nzbgetServerLinkTest(client(), { ...server, password: null })]);
    expect(table.links[0]).toMatchObject({
      ok: false,
      detail: expect.stringContaining('No password is stored'),
      action: { action: 'secrets.set', input: { name: 'nzbget.server.password' } },
    });
  });
});
