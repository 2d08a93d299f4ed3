// arr.yml: the defaults round-trip, and a bad file names the line and the field with a fix.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UpsFailure } from '../contract';
import { defaultArrConfig, parseArrConfig, serializeArrConfig, withQualityPreset } from './arr-config-file';
import { readArrConfig, writeArrConfig } from './read-arr-config';

const defaults = defaultArrConfig({ services: { qbittorrent: true, nzbget: true } } as never);
const text = serializeArrConfig(defaults);
const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('arr.yml', () => {
  it('round-trips the defaults and holds no secret value', () => {
    const back = parseArrConfig(text);
    expect(back.ok && back.value).toEqual(defaults);
    expect(defaults.radarr.downloadClients).toEqual({
      prune: false,
      qbittorrent: { category: 'radarr' },
      nzbget: { category: 'movies' },
    });
    expect(text).not.toMatch(/api_?key:\s*\S/i);
  });

  it('names the line and field of a wrong value, with the allowed values as the fix', () => {
    const bad = text.replace('preset: 1080p', 'preset: 720p');
    const r = parseArrConfig(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.field).toBe('radarr.qualityProfile.preset');
    expect(r.line).toBe(lineOf('preset: 1080p'));
    expect(r.fix).toMatch(/1080p, 4K, Space saver/);
  });

  it('names an unknown key by its own line', () => {
    const bad = text.replace('  plexLibraryUpdate: true', '  plexLibraryUpdate: true\n  plexLibrary: true');
    const r = parseArrConfig(bad);
    expect(!r.ok && [r.field, r.message, r.line]).toEqual([
      'radarr.plexLibrary',
      'unknown setting',
      lineOf('plexLibraryUpdate') + 1,
    ]);
  });

  it('names the line of a YAML syntax error', () => {
    const r = parseArrConfig('version: 1\nradarr:\n  qualityProfile: [\n');
    expect(!r.ok && r.line).toBeGreaterThan(1);
    expect(!r.ok && r.message).toMatch(/not valid YAML/);
  });

  it('refuses a secret value where a vault reference belongs', () => {
    const bad = text.replace(
      'items: []',
      'items:\n      - name: x\n        definition: newznab\n        fields:\n          apiKey: { secret: my-real-key }',
    );
    const r = parseArrConfig(bad);
    expect(!r.ok && r.field).toMatch(/^prowlarr\.indexers\.items\.0\.fields\.apiKey/);
  });

  it('is read back through the install reader: the error names the file, line and field', async () => {
    const root = await mkdtemp(join(tmpdir(), 'ups-arr-'));
    try {
      expect(await readArrConfig(root)).toBeNull();
      await writeArrConfig(root, defaults);
      expect(await readArrConfig(root)).toEqual(defaults);
      await writeFile(join(root, 'arr.yml'), text.replace('seasonFolders: true', 'seasonFolders: maybe'));
      const err = await readArrConfig(root).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UpsFailure);
      expect((err as UpsFailure).message).toContain(join(root, 'arr.yml'));
      expect((err as UpsFailure).message).toContain(`line ${lineOf('seasonFolders')}, seerr.seasonFolders`);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe("the wizard's quality preset in arr.yml", () => {
  it('a new file takes the chosen preset for Radarr and Sonarr', () => {
    const cfg = defaultArrConfig({ services: { qbittorrent: true, nzbget: false } } as never, '4K');
    expect([cfg.radarr.qualityProfile.preset, cfg.sonarr.qualityProfile.preset]).toEqual(['4K', '4K']);
  });

  it("an existing file gets the preset in place: the user's comments and other values stay", () => {
    const edited = text.replace('renameMovies: true', 'renameMovies: false # I rename by hand');
    const out = withQualityPreset(edited, 'Space saver');
    const back = parseArrConfig(out);
    expect(back.ok && [back.value.radarr.qualityProfile.preset, back.value.sonarr.qualityProfile.preset]).toEqual([
      'Space saver',
      'Space saver',
    ]);
    expect(out).toContain('renameMovies: false # I rename by hand');
    expect(out.split('\n').slice(0, 4)).toEqual(text.split('\n').slice(0, 4));
    // Already that preset, or not YAML at all: the text comes back byte for byte.
    expect(withQualityPreset(out, 'Space saver')).toBe(out);
    expect(withQualityPreset('radarr: [unclosed', '4K')).toBe('radarr: [unclosed');
  });
});
