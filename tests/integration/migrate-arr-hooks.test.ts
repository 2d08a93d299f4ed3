// The Arr library hooks against spec-validating fakes of Radarr and Sonarr v3 (requests and responses checked against
// the official OpenAPI files in tests/fixtures/specs): rescan waits for the command, count reads what is on disk.
import { afterEach, describe, expect, it } from 'vitest';
import { fixturePath } from '../fakes/fixture-path';
import { OpenApiContract } from '../fakes/openapi-contract';
import { SpecFakeServer } from '../fakes/spec-fake-server';
import { arrLibraryHook } from '../../src/core/migrate/arr-hooks';

const servers: SpecFakeServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    expect(s.violations).toEqual([]);
    await s.stop();
  }
});

async function fake(app: 'radarr' | 'sonarr', finalStatus: 'completed' | 'failed') {
  const contract = new OpenApiContract(app, fixturePath(`specs/${app}-v3-openapi.json`));
  const server = new SpecFakeServer(contract, (req) => req.headers['x-api-key'] === 'k');
  let polls = 0;
  const commands: unknown[] = [];
  server
    .on(
      'POST /api/v3/command',
      (req) => (
        commands.push(req.body),
        { status: 200, body: { id: 7, name: (req.body as { name: string }).name, status: 'queued' } }
      ),
    )
    .on('GET /api/v3/command/{id}', () => ({
      status: 200,
      body: {
        id: 7,
        status: ++polls < 2 ? 'started' : finalStatus,
        message: finalStatus === 'failed' ? 'disk gone' : null,
      },
    }))
    .on('GET /api/v3/movie', () => ({
      status: 200,
      body: [
        { id: 1, title: 'A', hasFile: true },
        { id: 2, title: 'B', hasFile: false },
        { id: 3, title: 'C', hasFile: true },
      ],
    }))
    .on('GET /api/v3/series', () => ({
      status: 200,
      body: [
        { id: 1, title: 'S', statistics: { episodeFileCount: 5 } },
        { id: 2, title: 'T', statistics: { episodeFileCount: 2 } },
      ],
    }));
  servers.push(await server.start());
  return { server, commands };
}

describe('arrLibraryHook', () => {
  it('rescans Radarr and counts movies that have a file', async () => {
    const { server, commands } = await fake('radarr', 'completed');
    const hook = arrLibraryHook({ app: 'radarr', url: server.url, apiKey: 'k', pollMs: 10 });
    await hook.rescan!();
    expect(commands).toEqual([{ name: 'RescanMovie' }]);
    expect(await hook.count()).toBe(2);
  });

  it('counts Sonarr episode files and reports a failed rescan with its message', async () => {
    const { server } = await fake('sonarr', 'failed');
    const hook = arrLibraryHook({ app: 'sonarr', url: server.url, apiKey: 'k', pollMs: 10 });
    await expect(hook.rescan!()).rejects.toThrow(/sonarr rescan failed: disk gone/);
    expect(await hook.count()).toBe(7);
  });

  it('names the HTTP status when the key is wrong', async () => {
    const { server } = await fake('radarr', 'completed');
    await expect(arrLibraryHook({ app: 'radarr', url: server.url, apiKey: 'bad' }).count()).rejects.toThrow(/HTTP 401/);
  });
});
