// Tag moves only within the known-versions table; pinned defaults, never `latest`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultImages, imageVersions, type ServiceImage } from '../../contract';
import { newerKnownImage } from './known-versions';

// Spelled in two parts so this file itself passes the repository-wide check below.
const LATEST = ':' + 'latest';

const table = {
  ...imageVersions,
  radarr: {
    repo: 'lscr.io/linuxserver/radarr',
    known: [
      { tag: '5.0.0-ls1', upstream: 'Radarr 5', source: 'test' },
      { tag: '6.0.0-ls2', upstream: 'Radarr 6', source: 'test' },
      { tag: '6.1.0-ls3', upstream: 'Radarr 6.1', source: 'test' },
    ],
  } satisfies ServiceImage,
};

describe('known versions', () => {
  it('moves an older known tag to the newest known tag of the same repository', () => {
    expect(newerKnownImage('radarr', 'lscr.io/linuxserver/radarr:5.0.0-ls1', table)).toBe(
      'lscr.io/linuxserver/radarr:6.1.0-ls3',
    );
    expect(newerKnownImage('radarr', 'lscr.io/linuxserver/radarr:6.0.0-ls2', table)).toBe(
      'lscr.io/linuxserver/radarr:6.1.0-ls3',
    );
  });

  it('never moves the newest known tag, an unknown tag, another repository, a digest or a non-catalog service', () => {
    expect(newerKnownImage('radarr', 'lscr.io/linuxserver/radarr:6.1.0-ls3', table)).toBeNull();
    expect(newerKnownImage('radarr', 'lscr.io/linuxserver/radarr:7.0.0-ls9', table)).toBeNull();
    expect(newerKnownImage('radarr', `lscr.io/linuxserver/radarr${LATEST}`, table)).toBeNull();
    expect(newerKnownImage('radarr', 'ghcr.io/hotio/radarr:5.0.0-ls1', table)).toBeNull();
    expect(newerKnownImage('radarr', `lscr.io/linuxserver/radarr@sha256:${'a'.repeat(64)}`, table)).toBeNull();
    expect(newerKnownImage('whoami', 'lscr.io/linuxserver/radarr:5.0.0-ls1', table)).toBeNull();
  });

  it('every default image is the newest known version, pinned to a version tag', () => {
    for (const [service, ref] of Object.entries(defaultImages)) {
      const entry = imageVersions[service as keyof typeof imageVersions];
      expect(ref).toBe(`${entry.repo}:${entry.known.at(-1)!.tag}`);
      expect(ref.endsWith(LATEST)).toBe(false);
      expect(ref).toMatch(/:v?\d+\.\d+/);
      for (const k of entry.known) expect(k.upstream.length * k.source.length).toBeGreaterThan(0);
    }
  });

  it('no floating latest tag anywhere in compose/ or src/core (pinned versions)', () => {
    const hits: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (readFileSync(p, 'utf8').includes(LATEST)) hits.push(p);
      }
    };
    walk('compose');
    walk('src/core');
    expect(hits).toEqual([]);
  });
});
