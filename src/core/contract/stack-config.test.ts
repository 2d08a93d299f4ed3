// StackConfig: defaults, normalised paths, and errors that name the field for each rule.
import { describe, expect, it } from 'vitest';
import { validateStackConfig } from '../install/validate-config';
import { sampleConfigInput } from '../stack/sample-config';
import { defaultImages, defaultPorts, StackConfigSchema } from './stack-config';
import { isIanaTimeZone, normaliseHostPath, pathProblem } from './stack-config-paths';

function errorsFor(over: Record<string, unknown>) {
  const r = validateStackConfig({ ...sampleConfigInput(), ...over });
  if (r.ok) throw new Error('expected the config to be rejected');
  return r.errors;
}

describe('StackConfig', () => {
  it('fills defaults and normalises Windows paths', () => {
    const cfg = StackConfigSchema.parse(sampleConfigInput());
    expect(cfg.installRoot).toBe('D:/UltimatePlexStack');
    expect(cfg.dataRoot).toBe('D:/Media');
    expect(cfg.ports).toEqual(defaultPorts);
    expect(cfg.images).toEqual(defaultImages);
    expect(cfg.services.tdarr).toBe(false);
    expect(cfg.services.proxy).toEqual({ enabled: false });
    expect(cfg.vpn.lanSubnets).toEqual(['192.168.0.0/16']);
  });

  it('accepts Linux paths and normalises slashes', () => {
    const cfg = StackConfigSchema.parse(sampleConfigInput({ installRoot: '/srv//ups/', dataRoot: '/mnt/media' }));
    expect(cfg.installRoot).toBe('/srv/ups');
  });

  it.each([
    [{ installRoot: '\\\\nas\\share\\ups' }, 'installRoot', /UNC/],
    [{ dataRoot: 'media' }, 'dataRoot', /not absolute/],
    [{ dataRoot: 'D:media' }, 'dataRoot', /relative/],
    [{ dataRoot: '/srv/$HOME' }, 'dataRoot', /"\$"/],
    [{ timeZone: 'Mars/Olympus' }, 'timeZone', /IANA/],
    [{ puid: -1 }, 'puid', /./],
    [{ services: { qbittorrent: false, nzbget: false } }, 'services.qbittorrent', /download client/],
    [{ services: { qbittorrent: true, nzbget: false, proxy: { enabled: true } } }, 'services.proxy.domain', /domain/],
    [{ vpn: { provider: 'nordvpm', type: 'openvpn' } }, 'vpn.provider', /./],
    [{ vpn: { provider: 'nordvpn', type: 'wireguard', lanSubnets: ['192.168.1.0'] } }, 'vpn.lanSubnets.0', /CIDR/],
    [{ ports: { radarr: 8989 } }, 'ports.sonarr', /already used by ports.radarr/],
    [{ images: { radarr: 'Radarr' } }, 'images.radarr', /image reference/],
    [{ colour: 'blue' }, 'colour', /unknown/],
    [{ dataRoot: 'd:\\ultimateplexstack' }, 'dataRoot', /differ/],
  ])('rejects %j naming %s', (over, field, message) => {
    const errors = errorsFor(over);
    const e = errors.find((x) => x.field === field);
    expect(e, JSON.stringify(errors)).toBeDefined();
    expect(e!.message).toMatch(message);
    expect(e!.fix).toBeTruthy();
  });

  it('ignores the port of a service that is not selected', () => {
    const r = validateStackConfig(sampleConfigInput({ ports: { tdarr: 7878 } }));
    expect(r.ok).toBe(true);
  });
});

describe('host paths and time zones', () => {
  it('normalises drive letters and roots', () => {
    expect(normaliseHostPath('d:')).toBe('D:/');
    expect(normaliseHostPath('e:\\')).toBe('E:/');
    expect(normaliseHostPath('C:\\Users\\me\\Media\\')).toBe('C:/Users/me/Media');
  });
  it('names the problem', () => {
    expect(pathProblem('//nas/share')).toMatch(/UNC/);
    expect(pathProblem('/')).toMatch(/root/);
    expect(pathProblem('D:\\a:b')).toMatch(/":"/);
    expect(pathProblem('/srv/../etc')).toMatch(/\.\./);
    expect(pathProblem('D:\\My Media')).toBeUndefined();
  });
  it('knows IANA zones', () => {
    expect(isIanaTimeZone('America/New_York')).toBe(true);
    expect(isIanaTimeZone('UTC')).toBe(true);
    expect(isIanaTimeZone('Europe/Atlantis')).toBe(false);
    expect(isIanaTimeZone('')).toBe(false);
  });
});
