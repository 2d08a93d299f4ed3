// Providers are built from the service's own templates, compared field by name, and masked secrets never count as drift.
import { describe, expect, it } from 'vitest';
import { buildProvider, downloadClientProvider, mergeProvider, providerDrift } from './arr-common-providers';
import type { Provider } from './arr-common-schemas';

const template: Provider = {
  implementation: 'QBittorrent',
  name: '',
  enable: true,
  presets: [],
  fields: [
    { name: 'host', value: 'localhost' },
    { name: 'port', value: 8080 },
    { name: 'useSsl', value: false },
    { name: 'username', value: null },
    { name: 'password', value: null, privacy: 'password' },
    { name: 'movieCategory', value: 'radarr' },
  ],
};
const desired = downloadClientProvider({
  client: 'qbittorrent',
  host: 'vpn',
  port: 8080,
  username: 'admin',
  password: 'pw',
  categoryField: 'movieCategory',
  category: 'radarr',
});

describe('Arr providers', () => {
  it('fills a template by field name and drops the UI presets', () => {
    const p = buildProvider([template], desired, 'Radarr');
    expect(p.fields?.map((f) => [f.name, f.value])).toEqual([
      ['host', 'vpn'],
      ['port', 8080],
      ['useSsl', false],
      ['username', 'admin'],
      ['password', 'pw'],
      ['movieCategory', 'radarr'],
    ]);
    expect([p.name, p.presets, p.id]).toEqual(['qBittorrent', undefined, undefined]);
  });

  it('refuses an implementation or field the service does not offer, naming it', () => {
    expect(() => buildProvider([], desired, 'Radarr')).toThrow('Radarr offers no "QBittorrent" provider');
    expect(() => buildProvider([template], { ...desired, fields: { tvCategory: 'tv' } }, 'Radarr')).toThrow(
      'no field "tvCategory"',
    );
  });

  it('treats a masked password as equal but names every other difference', () => {
    const stored = { ...buildProvider([template], desired, 'Radarr'), id: 3 };
    stored.fields = stored.fields!.map((f) => (f.name === 'password' ? { ...f, value: '********' } : f));
    expect(providerDrift(stored, desired)).toEqual([]);
    const moved = {
      ...stored,
      enable: false,
      fields: stored.fields.map((f) => (f.name === 'host' ? { ...f, value: 'qbittorrent' } : f)),
    };
    expect(providerDrift(moved, desired)).toEqual(['enable', 'host']);
    const merged = mergeProvider(moved, desired, 'Radarr');
    expect([merged.id, merged.enable, merged.fields!.find((f) => f.name === 'host')!.value]).toEqual([3, true, 'vpn']);
  });

  it('counts a masked password as different once it was just replaced, and writes the new one', () => {
    const stored = { ...buildProvider([template], desired, 'Radarr'), id: 3 };
    stored.fields = stored.fields!.map((f) => (f.name === 'password' ? { ...f, value: '********' } : f));
    const replaced = { ...desired, fields: { ...desired.fields, password: 'new-pw' }, secretsReplaced: true };
    expect(providerDrift(stored, replaced)).toEqual(['password (replaced)']);
    expect(mergeProvider(stored, replaced, 'Radarr').fields!.find((f) => f.name === 'password')!.value).toBe('new-pw');
  });
});
