// `ups links` text: one row per link, a fix line under each failed one, and a closing count.
import { describe, expect, it } from 'vitest';
import { renderLinksTable } from './links';

describe('renderLinksTable', () => {
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

  it('says so when there is nothing to test', () => {
    expect(renderLinksTable({ links: [], ok: true })).toBe('No links to test.');
  });
});
