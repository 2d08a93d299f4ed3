// Determinism (docs/decisions.md D3): the same config gives the same bytes; changing one field changes only the expected lines.
import { beforeAll, describe, expect, it } from 'vitest';
import { StackConfigSchema, type StackConfigInput } from '../../src/core/contract';
import { loadCatalog, type Catalog } from '../../src/core/stack/catalog';
import { generateStack } from '../../src/core/stack/generate-stack';
import { sampleConfigInput } from '../../src/core/stack/sample-config';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog();
});

function files(input: StackConfigInput): Record<string, string> {
  const g = generateStack(StackConfigSchema.parse(input), catalog);
  return Object.fromEntries(g.files.map((f) => [f.name, f.content]));
}

/** Lines removed and added between two texts (a multiset diff: good enough to show which lines moved). */
function lineDiff(a: string, b: string): { removed: string[]; added: string[] } {
  const count = (t: string) => t.split('\n').reduce((m, l) => m.set(l, (m.get(l) ?? 0) + 1), new Map<string, number>());
  const ca = count(a);
  const cb = count(b);
  const removed = [...ca].flatMap(([l, n]) => Array(Math.max(0, n - (cb.get(l) ?? 0))).fill(l) as string[]);
  const added = [...cb].flatMap(([l, n]) => Array(Math.max(0, n - (ca.get(l) ?? 0))).fill(l) as string[]);
  return { removed, added };
}

describe('generator determinism', () => {
  it('gives identical bytes for the same config, twice and from a re-parsed copy', () => {
    const a = files(sampleConfigInput());
    const b = files(sampleConfigInput());
    expect(b).toEqual(a);
    const again = files(StackConfigSchema.parse(sampleConfigInput()));
    expect(again).toEqual(a);
  });

  it('turning on LAN access changes one line of stack.yml and only the web UI port lines of compose.yaml', () => {
    const a = files(sampleConfigInput());
    const b = files(sampleConfigInput({ lanAccess: true } as never));
    expect(lineDiff(a['stack.yml']!, b['stack.yml']!)).toEqual({
      removed: ['lanAccess: false'],
      added: ['lanAccess: true'],
    });
    expect(b['.env']).toBe(a['.env']);
    const d = lineDiff(a['compose.yaml']!, b['compose.yaml']!);
    expect(d.removed.map((l) => l.replace('127.0.0.1:', ''))).toEqual(d.added);
    expect(d.removed.map((l) => /STACK_PORT_([A-Z]+)/.exec(l)![1]).sort()).toEqual([
      'BAZARR',
      'NZBGET',
      'PROWLARR',
      'QBITTORRENT',
      'RADARR',
      'SEERR',
      'SONARR',
    ]);
  });

  it('changing the time zone changes one line of stack.yml and one of .env, nothing in compose.yaml', () => {
    const a = files(sampleConfigInput());
    const b = files(sampleConfigInput({ timeZone: 'America/New_York' }));
    expect(b['compose.yaml']).toBe(a['compose.yaml']);
    expect(lineDiff(a['.env']!, b['.env']!)).toEqual({
      removed: ['STACK_TZ=Europe/Berlin'],
      added: ['STACK_TZ=America/New_York'],
    });
    expect(lineDiff(a['stack.yml']!, b['stack.yml']!)).toEqual({
      removed: ['timeZone: Europe/Berlin'],
      added: ['timeZone: America/New_York'],
    });
  });

  it('moving one port changes one line of stack.yml and one of .env', () => {
    const a = files(sampleConfigInput());
    const b = files(sampleConfigInput({ ports: { radarr: 17878 } }));
    expect(b['compose.yaml']).toBe(a['compose.yaml']);
    expect(lineDiff(a['.env']!, b['.env']!)).toEqual({
      removed: ['STACK_PORT_RADARR=7878'],
      added: ['STACK_PORT_RADARR=17878'],
    });
    expect(lineDiff(a['stack.yml']!, b['stack.yml']!)).toEqual({
      removed: ['  radarr: 7878'],
      added: ['  radarr: 17878'],
    });
  });

  it('enabling Tdarr only adds lines to compose.yaml (its service and volumes)', () => {
    const a = files(sampleConfigInput());
    const b = files(sampleConfigInput({ services: { qbittorrent: true, nzbget: true, tdarr: true } }));
    const d = lineDiff(a['compose.yaml']!, b['compose.yaml']!);
    expect(d.removed).toEqual([]);
    expect(d.added).toContain('  tdarr:');
    expect(d.added).toContain('  tdarr-server: {}');
    // The transcode cache is a folder beside media (docs/decisions.md D34), not a named volume.
    expect(d.added).toContain('        source: ${STACK_DATA_ROOT}/tdarr-cache');
    expect(d.added).not.toContain('  tdarr-cache: {}');
    expect(b['.env']).toBe(a['.env']);
  });

  it('switching the VPN to WireGuard swaps only the credential lines', () => {
    const a = files(sampleConfigInput());
    const b = files(
      sampleConfigInput({ vpn: { provider: 'nordvpn', type: 'wireguard', serverCountries: ['Netherlands'] } }),
    );
    const d = lineDiff(a['compose.yaml']!, b['compose.yaml']!);
    expect(d.removed.map((l) => l.trim().split(':')[0])).toEqual(['OPENVPN_USER', 'OPENVPN_PASSWORD']);
    expect(d.added.map((l) => l.trim().split(':')[0])).toEqual(['WIREGUARD_PRIVATE_KEY']);
  });
});
