// The catalog loader and generator rules that no compose run can show: fragment shape, closed secret names,
// vpn-published client ports, and the credential variables per VPN type.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { portExposure, StackConfigSchema, type PortName } from '../contract';
import { loadCatalog, parseFragment } from './catalog';
import { renderEnvFile } from './env-file';
import { generateCompose, publishedPort } from './generate-compose';
import { sampleConfigInput } from './sample-config';

const fragment = (env: string) => `services:\n  radarr:\n    image: x\n    environment:\n      KEY: '${env}'\n`;

describe('catalog fragments', () => {
  it('must define exactly the service they are named after', () => {
    expect(() => parseFragment('radarr', 'services:\n  sonarr:\n    image: x\n')).toThrow(
      /exactly one service named radarr/,
    );
    expect(() => parseFragment('radarr', 'services:\n  radarr:\n    image: x\nx-ups:\n  colour: blue\n')).toThrow(
      /compose\/radarr.yml/,
    );
  });

  it('refuses a secret token outside the closed registry', async () => {
    const catalog = await loadCatalog();
    const cfg = StackConfigSchema.parse(sampleConfigInput());
    expect(() =>
      generateCompose(cfg, {
        ...catalog,
        radarr: parseFragment('radarr', fragment('{{secret:radarr.root_password}}')),
      }),
    ).toThrow();
    const ok = generateCompose(cfg, {
      ...catalog,
      radarr: parseFragment('radarr', fragment('{{secret:radarr.api_key}}')),
    });
    expect(ok.requiredSecrets).toContain('radarr.api_key');
  });
});

describe('generateCompose', () => {
  it('publishes only the selected clients on vpn and asks for WireGuard credentials when chosen', async () => {
    const catalog = await loadCatalog();
    const cfg = StackConfigSchema.parse(
      sampleConfigInput({
        services: { qbittorrent: false, nzbget: true },
        vpn: { provider: 'mullvad', type: 'wireguard', wireguardAddresses: ['10.64.222.21/32'] },
      }),
    );
    const g = generateCompose(cfg, catalog);
    const doc = parse(g.text) as {
      services: Record<string, { ports?: string[]; environment?: Record<string, string> }>;
    };
    expect(doc.services.vpn!.ports).toEqual([
      '127.0.0.1:${STACK_PORT_VPNCONTROL}:8000/tcp',
      '127.0.0.1:${STACK_PORT_NZBGET}:6789/tcp',
    ]);
    expect(Object.keys(doc.services)).not.toContain('qbittorrent');
    expect(doc.services.vpn!.environment!.WIREGUARD_PRIVATE_KEY).toMatch(/^\$\{UPS_VPN_WIREGUARD_PRIVATE_KEY:\?/);
    expect(doc.services.vpn!.environment).not.toHaveProperty('OPENVPN_USER');
    // NZBGet's password is seeded into nzbget.conf, never handed to compose (its entrypoint puts it in argv).
    expect(g.requiredSecrets).toEqual([
      'prowlarr.api_key',
      'radarr.api_key',
      'sonarr.api_key',
      'vpn.control.api_key',
      'vpn.wireguard.private_key',
    ]);
    expect(g.optionalSecrets).toEqual(['plex.claim']);
    expect(doc.services.vpn!.environment!.WIREGUARD_ADDRESSES).toBe('${STACK_VPN_WIREGUARD_ADDRESSES}');
  });

  it('gives NPM no INITIAL_ADMIN_* (NPM 2.15.1 logs that password): wiring creates the admin instead', async () => {
    const catalog = await loadCatalog();
    const cfg = StackConfigSchema.parse(
      sampleConfigInput({
        services: {
          qbittorrent: true,
          nzbget: false,
          proxy: { enabled: true, domain: 'media.example.org', acmeEmail: 'me@mail.example.org' },
        },
      }),
    );
    const generated = generateCompose(cfg, catalog);
    const doc = parse(generated.text) as { services: Record<string, { environment?: Record<string, string> }> };
    expect(Object.keys(doc.services.proxy!.environment!)).toEqual(['TZ']);
    expect(generated.requiredSecrets).not.toContain('proxy.admin_password');
    expect(renderEnvFile(cfg)).not.toContain('PROXY_ADMIN');
  });
});

describe('published addresses (docs/decisions.md D17)', () => {
  type Doc = { services: Record<string, { ports?: string[] }> };
  const full = {
    services: {
      qbittorrent: true,
      nzbget: true,
      tdarr: true,
      proxy: { enabled: true, domain: 'media.example.com', acmeEmail: 'me@example.com' },
    },
  };
  const portsOf = async (lanAccess: boolean) => {
    const doc = parse(
      generateCompose(StackConfigSchema.parse(sampleConfigInput({ ...full, lanAccess } as never)), await loadCatalog())
        .text,
    ) as Doc;
    return Object.values(doc.services).flatMap((s) => s.ports ?? []);
  };
  const nameOf = (spec: string) => /STACK_PORT_([A-Z]+)/.exec(spec)![1]!;

  it('by default every web UI is on 127.0.0.1; only Plex and the proxy 80/443 are on every interface', async () => {
    const ports = await portsOf(false);
    expect(ports).toHaveLength(14);
    expect(
      ports
        .filter((p) => !p.startsWith('127.0.0.1:'))
        .map(nameOf)
        .sort(),
    ).toEqual(['PLEX', 'PROXYHTTP', 'PROXYHTTPS']);
  });

  it('with LAN access the web UIs are on every interface, the VPN control server stays on 127.0.0.1', async () => {
    const ports = await portsOf(true);
    expect(
      ports
        .filter((p) => p.startsWith('127.0.0.1:'))
        .map(nameOf)
        .sort(),
    ).toEqual(['PROXYADMIN', 'VPNCONTROL']);
  });

  it('the fragments already say the secure default, so compose/*.yml reads as what a default install gets', async () => {
    const catalog = await loadCatalog();
    for (const f of Object.values(catalog)) {
      for (const spec of [...((f.service.ports as string[] | undefined) ?? []), ...f.publishOnVpn])
        expect(publishedPort(spec, false), f.name).toBe(spec);
    }
    expect(
      Object.entries(portExposure)
        .filter(([, e]) => e === 'lan')
        .map(([p]) => p as PortName)
        .sort(),
    ).toEqual(['plex', 'proxyHttp', 'proxyHttps']);
  });

  it('refuses a fragment port that does not name a known host port variable', () => {
    expect(() => publishedPort('8080:8080/tcp', false)).toThrow(/STACK_PORT_<NAME>/);
    expect(() => publishedPort('${STACK_PORT_NOPE}:1/tcp', false)).toThrow(/known port name/);
  });
});
