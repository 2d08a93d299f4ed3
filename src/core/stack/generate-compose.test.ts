// The catalog loader and generator rules that no compose run can show: fragment shape, closed secret names,
// vpn-published client ports, and the credential variables per VPN type.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { StackConfigSchema } from '../contract';
import { loadCatalog, parseFragment } from './catalog';
import { generateCompose } from './generate-compose';
import { sampleConfigInput } from './sample-config';

const fragment = (env: string) => `services:\n  radarr:\n    image: x\n    environment:\n      KEY: '${env}'\n`;

describe('catalog fragments', () => {
  it('must define exactly the service they are named after', () => {
    expect(() => parseFragment('radarr', 'services:\n  sonarr:\n    image: x\n')).toThrow(/exactly one service named radarr/);
    expect(() => parseFragment('radarr', 'services:\n  radarr:\n    image: x\nx-ups:\n  colour: blue\n')).toThrow(/compose\/radarr.yml/);
  });

  it('refuses a secret token outside the closed registry', async () => {
    const catalog = await loadCatalog();
    const cfg = StackConfigSchema.parse(sampleConfigInput());
    expect(() => generateCompose(cfg, { ...catalog, radarr: parseFragment('radarr', fragment('{{secret:radarr.root_password}}')) })).toThrow();
    const ok = generateCompose(cfg, { ...catalog, radarr: parseFragment('radarr', fragment('{{secret:radarr.api_key}}')) });
    expect(ok.requiredSecrets).toContain('radarr.api_key');
  });
});

describe('generateCompose', () => {
  it('publishes only the selected clients on vpn and asks for WireGuard credentials when chosen', async () => {
    const catalog = await loadCatalog();
    const cfg = StackConfigSchema.parse(sampleConfigInput({ services: { qbittorrent: false, nzbget: true }, vpn: { provider: 'mullvad', type: 'wireguard', wireguardAddresses: ['10.64.222.21/32'] } }));
    const g = generateCompose(cfg, catalog);
    const doc = parse(g.text) as { services: Record<string, { ports?: string[]; environment?: Record<string, string> }> };
    expect(doc.services.vpn!.ports).toEqual(['127.0.0.1:${STACK_PORT_VPNCONTROL}:8000/tcp', '${STACK_PORT_NZBGET}:6789/tcp']);
    expect(Object.keys(doc.services)).not.toContain('qbittorrent');
    expect(doc.services.vpn!.environment!.WIREGUARD_PRIVATE_KEY).toMatch(/^\$\{UPS_VPN_WIREGUARD_PRIVATE_KEY:\?/);
    expect(doc.services.vpn!.environment).not.toHaveProperty('OPENVPN_USER');
    expect(g.requiredSecrets).toEqual(['nzbget.password', 'prowlarr.api_key', 'radarr.api_key', 'sonarr.api_key', 'vpn.control.api_key', 'vpn.wireguard.private_key']);
    expect(g.optionalSecrets).toEqual(['plex.claim']);
    expect(doc.services.vpn!.environment!.WIREGUARD_ADDRESSES).toBe('${STACK_VPN_WIREGUARD_ADDRESSES}');
  });
});
