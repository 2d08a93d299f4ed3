// The chain's Usenet hop against a real NZBGet 21 and the loopback NNTP stand-in: NZBGet running with the stack's news
// server connects and logs in; a NZBGet that never took the server, a wrong password and a server that is gone each stop
// the walk at this hop with their own fix, and the hops after it are reported as not checked.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UsenetServer } from '../../src/core/contract/usenet';
import { passed, runChain, type Chain } from '../../src/core/wiring/chain/chain-run';
import { usenetHop } from '../../src/core/wiring/chain/hop-usenet';
import { createNzbgetClient, type NzbgetCredential } from '../../src/core/wiring/clients/nzbget-client';
import { applyWiring } from '../../src/core/wiring/engine/apply-wiring';
import { nzbgetSteps } from '../../src/core/wiring/steps/nzbget-steps';
import { startNntpStandin, type NntpStandin } from '../helpers/nntp-standin';
import { startNzbget } from '../helpers/real-download-clients';

const INITIAL: NzbgetCredential = { username: 'nzbget', password: 'tegbzn6789' };
const login = { username: 'ups', password: randomBytes(12).toString('base64url') };
const newsPassword = `news-${randomBytes(9).toString('base64url')}`;
let nzb: Awaited<ReturnType<typeof startNzbget>>;
let nntp: NntpStandin;
let server: UsenetServer;

const client = () => createNzbgetClient({ baseUrl: nzb.baseUrl, credential: login, initial: INITIAL });

/** The hop, then a stand-in for the next hop (it must not run when the hop breaks). */
function chainWith(hop: Parameters<typeof usenetHop>[0]): { chain: Chain; laterRuns: () => number } {
  let runs = 0;
  return {
    chain: {
      steps: [
        usenetHop(hop),
        {
          hop: 'filesystem',
          run: () => {
            runs++;
            return Promise.resolve(passed('one filesystem'));
          },
        },
      ],
    },
    laterRuns: () => runs,
  };
}

beforeAll(async () => {
  nzb = await startNzbget();
  nntp = await startNntpStandin({ username: 'reader', password: newsPassword });
  server = { host: '127.0.0.1', port: nntp.port, tls: false, username: 'reader', connections: 4 };
});
afterAll(async () => {
  await nntp?.close();
  await nzb?.stop();
});

describe('chain hop "usenet" (real nzbget, loopback NNTP stand-in)', () => {
  it('NZBGet that never took the news server: stops at usenet, offers to repair the links', async () => {
    const { chain, laterRuns } = chainWith({ nzbget: client(), server, password: newsPassword });
    const result = await runChain(chain);
    expect(result.ok).toBe(false);
    expect(result.hops).toHaveLength(1);
    expect(result.hops[0]).toMatchObject({
      hop: 'usenet',
      ok: false,
      detail: expect.stringMatching(/not using the news server .*host/),
      fix: { action: 'wiring.apply' },
    });
    expect(result.notRun).toEqual(['filesystem']);
    expect(laterRuns()).toBe(0);
  });

  it('after the wiring wrote it: NZBGet connects to the news server and logs in', async () => {
    const applied = await applyWiring(
      nzbgetSteps(client(), {
        mainDir: join(nzb.dir, 'data', 'usenet'),
        categories: ['Movies', 'tv'],
        ...login,
        authorizedIp: '203.0.113.1',
        server: { ...server, password: newsPassword },
      }),
    );
    expect(applied.ok).toBe(true);
    nntp.commands.length = 0;
    const { chain, laterRuns } = chainWith({ nzbget: client(), server, password: newsPassword });
    const result = await runChain(chain);
    expect(result.hops.map((h) => [h.hop, h.ok])).toEqual([
      ['usenet', true],
      ['filesystem', true],
    ]);
    expect(result.hops[0]?.detail).toMatch(/connected to the news server 127\.0\.0\.1:\d+ and logged in/);
    expect(laterRuns()).toBe(1);
    // NZBGet itself spoke to the server: the login and the article probe reached the stand-in.
    expect(nntp.commands).toEqual(
      expect.arrayContaining(['AUTHINFO USER reader', 'AUTHINFO PASS ***', expect.stringMatching(/^ARTICLE </)]),
    );
  });

  it('the stored password no longer matches NZBGet: stops at usenet and says so (never the password itself)', async () => {
    const { chain } = chainWith({ nzbget: client(), server, password: 'changed-in-the-vault' });
    const result = await runChain(chain);
    expect(result.hops[0]).toMatchObject({ hop: 'usenet', ok: false, fix: { action: 'wiring.apply' } });
    expect(result.hops[0]?.detail).toContain('password');
    expect(JSON.stringify(result)).not.toContain(newsPassword);
    expect(JSON.stringify(result)).not.toContain('changed-in-the-vault');
  });

  it('no news server in the stack settings: stops at usenet with where to add it', async () => {
    const { chain } = chainWith({ nzbget: client(), server: undefined, password: null });
    const result = await runChain(chain);
    expect(result.hops[0]).toMatchObject({
      hop: 'usenet',
      ok: false,
      hint: expect.stringMatching(/Settings/),
      fix: { action: 'settings.usenet' },
    });
    expect(result.notRun).toEqual(['filesystem']);
  });

  it('the news server is gone: stops at usenet with the cause and a restart of the VPN and NZBGet', async () => {
    await nntp.close();
    const { chain, laterRuns } = chainWith({ nzbget: client(), server, password: newsPassword });
    const result = await runChain(chain);
    expect(result.ok).toBe(false);
    expect(result.hops[0]).toMatchObject({
      hop: 'usenet',
      ok: false,
      detail: expect.stringContaining(`127.0.0.1:${nntp.port}`),
      hint: expect.stringMatching(/host, port and TLS/),
      fix: { action: 'stack.restart', input: { services: ['vpn', 'nzbget'] } },
    });
    expect(result.notRun).toEqual(['filesystem']);
    expect(laterRuns()).toBe(0);
    expect(JSON.stringify(result)).not.toContain(newsPassword);
  });
});
