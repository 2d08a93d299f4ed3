// Link-test runner: order kept, throwing and hanging tests become failed rows with a fix, and the text table shows fixes.
import { describe, expect, it } from 'vitest';
import type { LinkTest } from '../wiring-types';
import { renderLinksTable, runLinkTests } from './link-tests';

const link = (id: string, run: LinkTest['run']): LinkTest => ({ id, from: 'radarr', to: id, run });

describe('runLinkTests', () => {
  it('keeps the order, and turns throws and hangs into failed rows', async () => {
    const table = await runLinkTests(
      [
        link('qbittorrent', async () => ({ id: 'qbittorrent', from: 'radarr', to: 'qbittorrent', ok: true, detail: 'test passed' })),
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
    expect(table.links[1]).toMatchObject({ detail: 'socket hang up', fix: expect.stringContaining('ups status') });
    expect(table.links[2]).toMatchObject({ detail: expect.stringContaining('within 0.1 s'), fix: expect.stringContaining('prowlarr') });
  });

  it('renders a table with a fix line under each failed link', () => {
    const text = renderLinksTable({
      ok: false,
      links: [
        { id: 'a', from: 'radarr', to: 'qbittorrent', ok: true, detail: 'test passed' },
        { id: 'b', from: 'sonarr', to: 'nzbget', ok: false, detail: 'HTTP 401', fix: 'Re-enter the password.' },
      ],
    });
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^STATUS\s+LINK\s+DETAIL$/);
    expect(lines[1]).toMatch(/^ok\s+radarr → qbittorrent\s+test passed$/);
    expect(lines[2]).toMatch(/^FAIL\s+sonarr → nzbget\s+HTTP 401$/);
    expect(lines[3]).toMatch(/^\s+fix: Re-enter the password\.$/);
    expect(text.trim().split('\n').at(-1)).toBe('1 of 2 links failed.');
  });

  it('an empty list is ok and says so', async () => {
    const table = await runLinkTests([]);
    expect(table).toEqual({ links: [], ok: true });
    expect(renderLinksTable(table)).toBe('No links to test.');
  });
});
