// stack.webPorts: exactly the published ports of the services a config runs, never the app's own control port.
import { describe, expect, it } from 'vitest';
import { validateStackConfig } from '../../install/validate-config';
import { sampleConfigInput } from '../../stack/sample-config';
import { webPortsOf } from './web-ports';

const config = (over: Parameters<typeof sampleConfigInput>[0]) => {
  const r = validateStackConfig(sampleConfigInput(over));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
};

describe('webPortsOf', () => {
  it('follows the selection and the chosen ports; the VPN control port is not a web page', () => {
    const cfg = config({ services: { qbittorrent: true, nzbget: false }, ports: { radarr: 17878 } });
    const ports = webPortsOf(cfg).ports;
    expect(ports.map((p) => p.name)).toEqual([
      'plex',
      'prowlarr',
      'radarr',
      'sonarr',
      'bazarr',
      'seerr',
      'qbittorrent',
    ]);
    expect(ports.find((p) => p.name === 'radarr')?.port).toBe(17878);
    expect(ports.some((p) => p.port === 8000 || p.port === 6789)).toBe(false);
  });

  it('nothing installed: no port at all', () => {
    expect(webPortsOf(null)).toEqual({ ports: [] });
  });
});
