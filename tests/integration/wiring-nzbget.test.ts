// Wiring against a real NZBGet 21: full-config save keeps every option, zero-write re-apply, drift, wrong password, counted at a proxy.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createNzbgetClient,
  type NzbgetCredential,
  type NzbgetOption,
} from '../../src/core/wiring/clients/nzbget-client';
import { applyWiring } from '../../src/core/wiring/engine/apply-wiring';
import { runLinkTests } from '../../src/core/wiring/engine/link-tests';
import { planWiring } from '../../src/core/wiring/engine/plan-wiring';
import { nzbgetLinkTest, nzbgetSteps, type NzbgetDesired } from '../../src/core/wiring/steps/nzbget-steps';
import { startNzbget, startRecordingProxy, type RecordedRequest } from '../helpers/real-download-clients';

let nzb: Awaited<ReturnType<typeof startNzbget>>;
let proxy: Awaited<ReturnType<typeof startRecordingProxy>>;
let want: NzbgetDesired;
const INITIAL: NzbgetCredential = { username: 'nzbget', password: 'tegbzn6789' };

beforeAll(async () => {
  nzb = await startNzbget();
  proxy = await startRecordingProxy(nzb.baseUrl);
  // This test's client connects from 127.0.0.1, which in the stack only the container's own namespace has (the app
  // comes through the published port); so the password-free address is a TEST-NET one here, except where the
  // narrowing itself is tested, and the login is exercised on every call.
  want = {
    mainDir: join(nzb.dir, 'data', 'usenet'),
    categories: ['Movies', 'tv'],
    username: 'ups',
    password: randomBytes(12).toString('base64url'),
    authorizedIp: '203.0.113.1',
  };
});
afterAll(async () => {
  await proxy?.close();
  await nzb?.stop();
});

/** Through the recording proxy by default; `direct` talks to NZBGet itself, with its own socket handling (keep-alive, reload). */
function wiring(
  credential: NzbgetCredential = { username: want.username, password: want.password },
  initial: NzbgetCredential | null = INITIAL,
  via: 'proxy' | 'direct' = 'proxy',
  desired: NzbgetDesired = want,
) {
  const client = createNzbgetClient({
    baseUrl: via === 'proxy' ? proxy.url : nzb.baseUrl,
    credential,
    initial: initial ?? undefined,
  });
  return { client, steps: nzbgetSteps(client, desired) };
}

const rpcMethods = (rs: RecordedRequest[]) => rs.map((r) => (JSON.parse(r.body) as { method: string }).method);

/** Calls NZBGet directly (not through our client) so assertions do not trust the code under test. A fresh socket each
 * time (agent: false): NZBGet's `reload` closes kept-alive connections. */
function post(body: string, c: NzbgetCredential, from = '127.0.0.1'): Promise<{ status: number; text: string }> {
  const url = new URL(`${nzb.baseUrl}/jsonrpc`);
  const authorization = `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}`;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        agent: false,
        localAddress: from,
        headers: { authorization },
      },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function direct<T>(
  method: string,
  params: unknown[] = [],
  c: NzbgetCredential = { username: want.username, password: want.password },
): Promise<T> {
  const res = await post(JSON.stringify({ method, params }), c);
  expect(res.status).toBe(200);
  return (JSON.parse(res.text) as { result: T }).result;
}

describe('NZBGet wiring (real nzbget)', () => {
  it('plans, then saves the full config with paths, categories and the permanent login, dropping nothing', async () => {
    const before = await direct<NzbgetOption[]>('loadconfig', [], INITIAL);
    const { steps } = wiring(undefined, INITIAL, 'direct');
    const plan = await planWiring(steps);
    expect(plan.steps[0]?.error).toBeUndefined();
    const byResource = Object.fromEntries(plan.steps.flatMap((s) => s.changes).map((c) => [c.resource, c]));
    expect(byResource.paths).toMatchObject({
      action: 'update',
      reason: expect.stringContaining(`MainDir is ${join(nzb.dir, 'main')}`),
    });
    expect(byResource['category Movies']?.action).toBe('nothing'); // Debian's stock config ships it as Category1
    expect(byResource['category tv']?.action).toBe('create');
    expect(byResource['control login']?.action).toBe('update');

    const result = await applyWiring(steps);
    expect(result.steps[0]?.error).toBeUndefined();
    expect(result.steps[0]?.status).toBe('applied');
    expect(result.ok).toBe(true);

    // The file on disk and the running program both have the new state; every option that existed still does.
    const after = await direct<NzbgetOption[]>('loadconfig');
    const afterMap = new Map(after.map((o) => [o.Name, o.Value]));
    for (const o of before) expect(afterMap.has(o.Name), `option ${o.Name} kept`).toBe(true);
    const running = new Map((await direct<NzbgetOption[]>('config')).map((o) => [o.Name, o.Value]));
    expect(running.get('DestDir')).toBe(join(want.mainDir, 'complete'));
    expect(running.get('InterDir')).toBe(join(want.mainDir, 'incomplete'));
    const catNames = [...running].filter(([k]) => /^Category\d+\.Name$/.test(k)).map(([, v]) => v);
    expect(catNames).toEqual(expect.arrayContaining(['Movies', 'tv', 'Series', 'Music', 'Software']));
    const file = await readFile(nzb.confPath, 'utf8');
    expect(file).toMatch(new RegExp(`^MainDir=${want.mainDir.replace(/[/.]/g, '\\$&')}$`, 'm'));
    expect(file).toMatch(/^ControlUsername=ups$/m);
    // The stock password no longer works.
    expect((await post('{"method":"version","params":[]}', INITIAL)).status).toBe(401);
  });

  it('a second apply reads only: no saveconfig, no reload', async () => {
    proxy.requests.length = 0;
    const result = await applyWiring(wiring().steps);
    expect(result.steps.map((s) => s.status)).toEqual(['unchanged']);
    const methods = rpcMethods(proxy.requests);
    expect(methods.length).toBeGreaterThan(0);
    expect(methods.filter((m) => !['version', 'loadconfig', 'config'].includes(m))).toEqual([]);
  });

  it('shows drift made by hand in the next plan and repairs it', async () => {
    const options = await direct<NzbgetOption[]>('loadconfig');
    const dest = options.find((o) => o.Name === 'DestDir')!;
    dest.Value = '/elsewhere/complete';
    expect(await direct<boolean>('saveconfig', [options])).toBe(true);
    const { steps } = wiring(undefined, INITIAL, 'direct');
    const plan = await planWiring(steps);
    const pending = plan.steps.flatMap((s) => s.changes).filter((c) => c.action !== 'nothing');
    expect(pending).toEqual([
      expect.objectContaining({
        resource: 'paths',
        action: 'update',
        reason: expect.stringContaining('DestDir is /elsewhere/complete'),
      }),
    ]);
    expect((await applyWiring(steps)).ok).toBe(true);
    expect((await planWiring(wiring(undefined, INITIAL, 'direct').steps)).pending).toBe(0);
  });

  it('an AuthorizedIP set by hand (no password for those addresses) is planned and narrowed to 127.0.0.1 (docs/decisions.md D17)', async () => {
    const options = await direct<NzbgetOption[]>('loadconfig');
    const ip = options.find((o) => o.Name === 'AuthorizedIP');
    if (ip) ip.Value = '127.0.0.1,192.168.1.*';
    else options.push({ Name: 'AuthorizedIP', Value: '127.0.0.1,192.168.1.*' });
    expect(await direct<boolean>('saveconfig', [options])).toBe(true);
    const asInStack: NzbgetDesired = { ...want, authorizedIp: undefined };
    const { steps } = wiring(undefined, INITIAL, 'direct', asInStack);
    const pending = (await planWiring(steps)).steps.flatMap((s) => s.changes).filter((c) => c.action !== 'nothing');
    expect(pending).toEqual([
      expect.objectContaining({
        resource: 'login for every address',
        action: 'update',
        reason: expect.stringContaining('127.0.0.1,192.168.1.*'),
      }),
    ]);
    expect((await applyWiring(steps)).ok).toBe(true);
    expect((await direct<NzbgetOption[]>('config')).find((o) => o.Name === 'AuthorizedIP')?.Value ?? '').toBe(
      '127.0.0.1',
    );
    // From any other address (here 127.0.0.3, as the published port's bridge gateway would be) NZBGet asks for the
    // login; from 127.0.0.1 (the healthcheck inside the container) it does not.
    const anonymous = JSON.stringify({ method: 'version', params: [] });
    expect((await post(anonymous, { username: '', password: '' }, '127.0.0.3')).status).toBe(401);
    expect((await post(anonymous, { username: '', password: '' })).status).toBe(200);
    expect((await planWiring(wiring(undefined, INITIAL, 'direct', asInStack).steps)).pending).toBe(0);
    // Back to this file's test address, so the later tests still meet the login.
    expect((await applyWiring(wiring(undefined, INITIAL, 'direct').steps)).ok).toBe(true);
  });

  it('refuses to save a config list that would drop options, and writes nothing', async () => {
    const before = await readFile(nzb.confPath, 'utf8');
    const { client } = wiring(undefined, INITIAL, 'direct');
    const options = await client.loadConfig();
    for (const list of [[], options.filter((o) => o.Name !== 'ControlPort')]) {
      const err = await client.saveConfig(list).then(
        () => null,
        (e: unknown) => e as Error,
      );
      expect(err?.message).toMatch(/Refusing to save NZBGet's config without (ControlPort|MainDir)/);
    }
    expect(await readFile(nzb.confPath, 'utf8')).toBe(before);
  });

  it('a wrong password is one clear error after exactly one attempt', async () => {
    proxy.requests.length = 0;
    const { steps, client } = wiring({ username: 'ups', password: 'not-the-password' }, null);
    const result = await applyWiring(steps);
    expect(result.steps[0]).toMatchObject({
      status: 'failed',
      error: { message: expect.stringContaining('rejected the login for user "ups"') },
    });
    expect(result.steps[0]!.error!.fix).toMatch(/ControlPassword/);
    const table = await runLinkTests([nzbgetLinkTest(client)]);
    expect(table.links[0]).toMatchObject({ ok: false, fix: expect.stringContaining('ControlPassword') });
    expect(proxy.requests).toHaveLength(1);
  });

  it('the link test passes with the stored login', async () => {
    const table = await runLinkTests([nzbgetLinkTest(wiring().client)]);
    expect(table.links[0]).toMatchObject({ ok: true, detail: 'NZBGet 21.0 accepts the stored login.' });
  });
});
