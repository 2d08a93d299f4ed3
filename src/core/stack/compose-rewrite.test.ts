// Compose volume rewriting: bind targets for both modes, CIFS named volumes for UNC targets, container paths unchanged.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { rewriteCompose, splitVolumeSpec } from './compose-rewrite';
import { parseUnc, relUnder } from '../fs/target-path';

const compose = `# the stack
services:
  radarr:
    image: lscr.io/linuxserver/radarr:6.2.1.10461-ls308
    volumes:
      - radarr-config:/config
      - /srv/data:/data
  plex:
    image: lscr.io/linuxserver/plex:1.43.3.10828-00f62d37d-ls315
    volumes:
      - type: bind
        source: /srv/data/media
        target: /data/media
  qbittorrent:
    image: lscr.io/linuxserver/qbittorrent:5.2.3_v2.0.13-ls469
    volumes:
      - /srv/data/torrents:/data/torrents:rw
volumes:
  radarr-config: {}
`;

type Doc = {
  services: Record<string, { volumes: unknown[] }>;
  volumes: Record<string, { driver: string; driver_opts: Record<string, string> }>;
};

describe('rewriteCompose', () => {
  it('moves every /data source when moving everything, keeping container paths and comments', () => {
    const r = rewriteCompose(compose, { mode: 'everything', sourceRoot: '/srv/data', target: '/mnt/nas/data' });
    const doc = parse(r.text) as Doc;
    expect(doc.services.radarr!.volumes).toEqual(['radarr-config:/config', '/mnt/nas/data:/data']);
    expect(doc.services.plex!.volumes).toEqual([
      { type: 'bind', source: '/mnt/nas/data/media', target: '/data/media' },
    ]);
    expect(doc.services.qbittorrent!.volumes).toEqual(['/mnt/nas/data/torrents:/data/torrents:rw']);
    expect(r.text.startsWith('# the stack')).toBe(true);
    expect(r.changes.map((c) => c.service).sort()).toEqual(['plex', 'qbittorrent', 'radarr']);
  });

  it('moves only media in media-only mode: an extra /data/media mount over the local /data', () => {
    const r = rewriteCompose(compose, { mode: 'media-only', sourceRoot: '/srv/data', target: '/mnt/nas/data' });
    const doc = parse(r.text) as Doc;
    expect(doc.services.radarr!.volumes).toEqual([
      'radarr-config:/config',
      '/srv/data:/data',
      '/mnt/nas/data/media:/data/media',
    ]);
    expect(doc.services.plex!.volumes).toEqual([
      { type: 'bind', source: '/mnt/nas/data/media', target: '/data/media' },
    ]);
    expect(doc.services.qbittorrent!.volumes).toEqual(['/srv/data/torrents:/data/torrents:rw']);
    expect(r.summary).toMatch(/Imports become copies/);
  });

  it('turns a UNC target into CIFS named volumes whose credentials are vault interpolations', () => {
    const r = rewriteCompose(compose.replace(/\/srv\/data/g, 'D:\\UPS\\data'), {
      mode: 'everything',
      sourceRoot: 'D:\\UPS\\data',
      target: '\\\\nas\\media\\ups',
      smb: { version: '3.1.1', uid: 1001, gid: 1002 },
    });
    const doc = parse(r.text) as Doc;
    expect(doc.services.radarr!.volumes).toEqual(['radarr-config:/config', 'ups_nas_data:/data']);
    expect(doc.services.plex!.volumes).toEqual([{ type: 'volume', source: 'ups_nas_media', target: '/data/media' }]);
    const v = doc.volumes.ups_nas_data!;
    expect(v.driver).toBe('local');
    expect(v.driver_opts.type).toBe('cifs');
    expect(v.driver_opts.device).toBe('//nas/media/ups');
    expect(doc.volumes.ups_nas_media!.driver_opts.device).toBe('//nas/media/ups/media');
    expect(v.driver_opts.o).toContain('password=${UPS_NAS_PASSWORD:?');
    expect(v.driver_opts.o).toContain('username=${UPS_NAS_USER:?');
    expect(v.driver_opts.o).toMatch(/vers=3\.1\.1,uid=1001,gid=1002/);
    expect(doc.volumes['radarr-config']).toEqual({});
  });

  describe("Tdarr's transcode cache (/temp) follows media in both modes", () => {
    const withTdarr = `${compose.replace(/\nvolumes:\n[\s\S]*$/, '\n')}  tdarr:
    image: ghcr.io/haveagitgat/tdarr:2.28.01
    volumes:
      - tdarr-server:/app/server
      - type: bind
        source: \${STACK_DATA_ROOT}/media
        target: /data/media
      - type: bind
        source: \${STACK_DATA_ROOT}/tdarr-cache
        target: /temp
      - type: bind
        source: \${STACK_DATA_ROOT}/elsewhere
        target: /elsewhere
volumes:
  tdarr-server: {}
`.replace(/\/srv\/data/g, '${STACK_DATA_ROOT}');
    for (const mode of ['everything', 'media-only'] as const)
      it(`${mode}: a bind path target`, () => {
        const r = rewriteCompose(withTdarr, { mode, sourceRoot: '${STACK_DATA_ROOT}', target: '/mnt/nas/data' });
        expect((parse(r.text) as Doc).services.tdarr!.volumes).toEqual([
          'tdarr-server:/app/server',
          { type: 'bind', source: '/mnt/nas/data/media', target: '/data/media' },
          { type: 'bind', source: '/mnt/nas/data/tdarr-cache', target: '/temp' },
          // Only the cache leaves /data's rule: other mounts outside /data stay where they are.
          { type: 'bind', source: '${STACK_DATA_ROOT}/elsewhere', target: '/elsewhere' },
        ]);
        expect(r.changes).toContainEqual({
          service: 'tdarr',
          containerPath: '/temp',
          from: '${STACK_DATA_ROOT}/tdarr-cache',
          to: '/mnt/nas/data/tdarr-cache',
        });
        expect(r.summary).toContain("Tdarr's transcode cache moves with the media as an empty folder");
      });

    it('a share target: its own CIFS volume on the tdarr-cache folder of the share', () => {
      const r = rewriteCompose(withTdarr, {
        mode: 'media-only',
        sourceRoot: '${STACK_DATA_ROOT}',
        target: '\\\\nas\\media\\ups',
      });
      const doc = parse(r.text) as Doc;
      expect(doc.services.tdarr!.volumes).toContainEqual({
        type: 'volume',
        source: 'ups_nas_tdarr_cache',
        target: '/temp',
      });
      expect(doc.volumes.ups_nas_tdarr_cache!.driver_opts.device).toBe('//nas/media/ups/tdarr-cache');
      expect(r.volumes).toContain('ups_nas_tdarr_cache');
    });
  });

  it('leaves a compose file without matching mounts unchanged', () => {
    const r = rewriteCompose(compose, { mode: 'everything', sourceRoot: '/elsewhere', target: '/mnt/nas' });
    expect(r.changes).toEqual([]);
    expect(r.text).toBe(compose);
  });
});

describe('path helpers', () => {
  it('splits volume specs with Windows drive letters', () => {
    expect(splitVolumeSpec('C:\\data:/data:ro')).toEqual({ source: 'C:\\data', target: '/data', mode: 'ro' });
    expect(splitVolumeSpec('/srv/data:/data')).toEqual({ source: '/srv/data', target: '/data' });
    expect(splitVolumeSpec('named')).toBeNull();
  });
  it('parses UNC paths and containment', () => {
    expect(parseUnc('\\\\nas\\share\\a\\b')).toEqual({ host: 'nas', share: 'share', rest: 'a/b' });
    expect(parseUnc('//nas/share')).toEqual({ host: 'nas', share: 'share', rest: '' });
    expect(parseUnc('/mnt/nas')).toBeNull();
    expect(relUnder('D:\\Data\\media', 'd:/data')).toBe('media');
    expect(relUnder('/srv/data2', '/srv/data')).toBeNull();
    expect(relUnder('/srv/data', '/srv/data/')).toBe('');
  });
});
