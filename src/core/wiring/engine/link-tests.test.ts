// Link-test runner: order kept, throwing and hanging tests become failed rows with a fix.
import { describe, expect, it } from 'vitest';
import type { LinkTest } from '../wiring-types';
import { runLinkTests } from './link-tests';

const link = (id: string, run: LinkTest['run']): LinkTest => ({ id, from: 'radarr', to: id, run });

describe('runLinkTests', () => {
  it('keeps the order, and turns throws and hangs into failed rows', async () => {
    const table = await runLinkTests(
      [
        link('qbittorrent', async () => ({
          id: 'qbittorrent',
          from: 'radarr',
          to: 'qbittorrent',
          ok: true,
          detail: 'test passed',
        })),
        link('nzbget', async () => {
          throw new Error('socket hang up');
        }),
        link('prowlarr', () => new Promise(() => {})),
      ],
      { timeoutMs: 100, concurrency: 2 },
    );
    expect(table.ok).toBe(false);
    expect(table.links.map((l) => [l.to, l.ok])).toEqual([
      ['qbittorrent', true],
      ['nzbget', false],
      ['prowlarr', false],
    ]);
    expect(table.links[1]).toMatchObject({
      detail: 'socket hang up',
      fix: expect.stringContaining('start the stack'),
      action: { action: 'stack.up' },
    });
    expect(table.links[2]).toMatchObject({
      detail: expect.stringContaining('within 0.1 s'),
      fix: expect.stringContaining('prowlarr'),
    });
  });

  it('an empty list is ok and says so', async () => {
    const table = await runLinkTests([]);
    expect(table).toEqual({ links: [], ok: true });
  });
});
