// Wiring metrics, download-client side: first `apply` against real qbittorrent-nox and nzbget, a no-change
// apply's time and HTTP calls (goal: reads only, 0 writes), and the link tests. The Arr side is in wiring-arr.ts.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { HttpCall } from '../../src/core/http/http-json';
import { createNzbgetClient } from '../../src/core/wiring/clients/nzbget-client';
import { createQbittorrentClient } from '../../src/core/wiring/clients/qbittorrent-client';
import { applyWiring } from '../../src/core/wiring/engine/apply-wiring';
import { runLinkTests } from '../../src/core/wiring/engine/link-tests';
import { nzbgetLinkTest, nzbgetSteps } from '../../src/core/wiring/steps/nzbget-steps';
import { qbittorrentLinkTest, qbittorrentSteps } from '../../src/core/wiring/steps/qbittorrent-steps';
import { startNzbget, startQbittorrent } from '../../tests/helpers/real-download-clients';
import { median, round, type Metric } from '../metric';

const NOOP_RUNS = 5;

export async function wiringScenario(): Promise<Metric[]> {
  const qbt = await startQbittorrent();
  const nzb = await startNzbget();
  try {
    const qbtPw = randomBytes(12).toString('base64url');
    const nzbPw = randomBytes(12).toString('base64url');
    /** Fresh clients per run, like a fresh `ups apply` process (new logins, no cached state). */
    const build = (calls: HttpCall[]) => {
      const onCall = (c: HttpCall) => calls.push(c);
      const q = createQbittorrentClient({
        baseUrl: qbt.baseUrl,
        credential: { username: 'admin', password: qbtPw },
        initial: { username: 'admin', password: 'adminadmin' },
        onCall,
      });
      const n = createNzbgetClient({
        baseUrl: nzb.baseUrl,
        credential: { username: 'nzbget', password: nzbPw },
        initial: { username: 'nzbget', password: 'tegbzn6789' },
        onCall,
      });
      return {
        steps: [
          ...qbittorrentSteps(q, {
            savePath: join(qbt.dir, 'data', 'torrents'),
            categories: { radarr: 'movies', 'tv-sonarr': 'tv' },
            username: 'admin',
            password: qbtPw,
          }),
          ...nzbgetSteps(n, {
            mainDir: join(nzb.dir, 'data', 'usenet'),
            categories: ['Movies', 'tv'],
            username: 'nzbget',
            password: nzbPw,
          }),
        ],
        links: [qbittorrentLinkTest(q), nzbgetLinkTest(n)],
      };
    };

    const firstCalls: HttpCall[] = [];
    let t0 = performance.now();
    const first = await applyWiring(build(firstCalls).steps);
    const firstMs = performance.now() - t0;
    if (!first.ok) throw new Error(`first apply failed: ${JSON.stringify(first.steps.find((s) => s.error)?.error)}`);

    const noopMs: number[] = [];
    let noopCalls: HttpCall[] = [];
    for (let i = 0; i < NOOP_RUNS; i++) {
      noopCalls = [];
      t0 = performance.now();
      await applyWiring(build(noopCalls).steps);
      noopMs.push(performance.now() - t0);
    }
    const linkCalls: HttpCall[] = [];
    t0 = performance.now();
    const links = await runLinkTests(build(linkCalls).links);
    const linksMs = performance.now() - t0;

    // NZBGet's JSON-RPC reads travel as POST; the client marks writes (saveconfig/reload), so count those.
    const writes = noopCalls.filter((c) => c.write).length;
    return [
      {
        name: 'wiring.download_clients.first_apply_ms',
        value: round(firstMs),
        unit: 'ms',
        note: `real qbittorrent-nox 4.5.2 + nzbget 21; ${firstCalls.length} HTTP calls, ${firstCalls.filter((c) => c.write).length} writes (includes NZBGet reload)`,
      },
      {
        name: 'wiring.download_clients.noop_apply_ms',
        value: round(median(noopMs)),
        unit: 'ms',
        note: `median of ${NOOP_RUNS}`,
      },
      {
        name: 'wiring.download_clients.noop_apply_http_calls',
        value: noopCalls.length,
        unit: 'calls',
        note: noopCalls.map((c) => `${c.service} ${c.method} ${c.path}`).join('; '),
      },
      { name: 'wiring.download_clients.noop_apply_writes', value: writes, unit: 'writes', goal: '0 (reads only)' },
      {
        name: 'wiring.download_clients.links_ms',
        value: round(linksMs),
        unit: 'ms',
        note: links.ok ? 'all links ok' : 'some links failed',
      },
    ];
  } finally {
    await qbt.stop();
    await nzb.stop();
  }
}
