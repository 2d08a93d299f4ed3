// A real NZBGet started from the seeded nzbget.conf (install's seed, src/core/stack/nzbget-conf.ts): the generated
// login works from the first start, the password is on no command line, and wiring finds nothing left to change.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usenetCategories } from '../../src/core/stack/data-layout';
import { NZBGET_USER, nzbgetSeedConfig, setNzbgetOptions } from '../../src/core/stack/nzbget-conf';
import { createNzbgetClient } from '../../src/core/wiring/clients/nzbget-client';
import { NZBGET_INITIAL } from '../../src/core/wiring/engine/download-client-wiring';
import { planWiring } from '../../src/core/wiring/engine/plan-wiring';
import { nzbgetSteps } from '../../src/core/wiring/steps/nzbget-steps';
import { startNzbget } from '../helpers/real-download-clients';

const password = randomBytes(18).toString('base64url');
let nzb: Awaited<ReturnType<typeof startNzbget>>;
let asSeeded: Awaited<ReturnType<typeof startNzbget>>;
const seed = (stock: string, dir: string) =>
  nzbgetSeedConfig(stock, { username: NZBGET_USER, password, mainDir: join(dir, 'main') });

beforeAll(async () => {
  // These tests connect from 127.0.0.1, which in the stack only the container's own namespace (its healthcheck) has;
  // wiring arrives through the published port from another address. So the login tests run with AuthorizedIP moved
  // off loopback, and `asSeeded` keeps the seed exactly as written for the healthcheck's premise.
  nzb = await startNzbget({
    seed: (stock, dir) => setNzbgetOptions(seed(stock, dir), { AuthorizedIP: '203.0.113.1' }),
  });
  asSeeded = await startNzbget({ seed });
});
afterAll(async () => {
  await nzb?.stop();
  await asSeeded?.stop();
});

describe('NZBGet from the seeded config (real nzbget)', () => {
  it('accepts the generated login from the first start and refuses the stock one', async () => {
    const client = createNzbgetClient({
      baseUrl: nzb.baseUrl,
      credential: { username: NZBGET_USER, password },
      initial: NZBGET_INITIAL,
    });
    expect(await client.loggedInWith()).toBe('credential');
    const stock = createNzbgetClient({ baseUrl: nzb.baseUrl, credential: NZBGET_INITIAL });
    await expect(stock.version()).rejects.toThrow(/rejected the login/);
  });

  it('answers the healthcheck request from inside its namespace (127.0.0.1) without any password', async () => {
    const res = await fetch(`${asSeeded.baseUrl}/jsonrpc/version`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ result: expect.stringMatching(/^\d+/) });
  });

  it('keeps the password off the command line', async () => {
    const argv = (await readFile(`/proc/${nzb.pid}/cmdline`, 'utf8')).split('\0').join(' ');
    expect(argv).toMatch(/nzbget/);
    expect(argv).not.toContain(password);
  });

  it('wiring plans nothing: paths, categories (named as the layout folders) and login are already right', async () => {
    // The seed exactly as written (AuthorizedIP included): this is what install leaves for wiring to find.
    const client = createNzbgetClient({
      baseUrl: asSeeded.baseUrl,
      credential: { username: NZBGET_USER, password },
      initial: NZBGET_INITIAL,
    });
    const want = {
      mainDir: join(asSeeded.dir, 'main'),
      categories: usenetCategories.map((c) => c.name),
      username: NZBGET_USER,
      password,
    };
    const plan = await planWiring(nzbgetSteps(client, want));
    const changes = plan.steps.flatMap((s) => s.changes);
    expect(changes.filter((c) => c.action !== 'nothing')).toEqual([]);
    expect(changes.map((c) => c.resource)).toEqual(
      expect.arrayContaining(['category movies', 'category tv', 'control login']),
    );
    // NZBGet itself reports the category with the exact (lower-case) name, so it completes into complete/movies.
    const running = await client.config();
    expect(running.find((o) => o.Name === 'Category1.Name')?.Value).toBe('movies');
  });
});
