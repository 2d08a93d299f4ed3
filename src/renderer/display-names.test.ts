// Display names: progress steps, ports and field paths come out as words, never as the ids the core uses.
import { describe, expect, it } from 'vitest';
import { fieldName, portName, progressStepName } from './display-names';
import { findInternalText } from './internal-text';

describe('display names', () => {
  it('names every progress step the core sends in plain words (no compose.up, nzbget.config, pull)', () => {
    const ids = [
      'pull',
      'data',
      'seed',
      'up',
      'healthy',
      'plex.claim',
      'plex',
      'wiring',
      'links',
      'update',
      'copy',
      'vpn-recovery',
      'docker-desktop.start',
      'nzbget.config',
      'qbittorrent.preferences',
      'radarr.rootFolder',
      'seerr.plex-libraries',
      'compose.up',
    ];
    for (const id of ids) {
      const name = progressStepName(id);
      expect(name, id).not.toContain(id);
      expect(findInternalText(name), id).toEqual([]);
    }
    expect(progressStepName('pull')).toBe('Download the apps');
    expect(progressStepName('nzbget.config')).toBe('Set up NZBGet');
    expect(progressStepName('something.new')).toBe('Working');
  });

  it('names ports and field paths as the boxes that hold them', () => {
    expect(portName('qbittorrent')).toBe('qBittorrent');
    expect(portName('vpnControl')).toBe('VPN control');
    expect(fieldName('ports.vpnControl')).toBe('VPN control port');
    expect(fieldName('installRoot')).toBe('Install folder');
    expect(fieldName('vpn.openvpnUser')).toBe('VPN');
    expect(fieldName('services.proxy.domain')).toBe('Apps');
    for (const f of ['installRoot', 'dataRoot', 'timeZone', 'ports.proxyHttps', 'usenet.host', 'nas.target'])
      expect(findInternalText(fieldName(f)), f).toEqual([]);
  });
});
