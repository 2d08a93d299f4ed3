// Which host addresses Plex advertises: only IPv4 addresses inside the user's LAN subnets (not Docker, WSL or VPN ones).
import { describe, expect, it } from 'vitest';
import type { NetworkInterfaceInfo } from 'node:os';
import { hostLanAddresses, wantedPlexNetworkPrefs } from './plex-network';

const nic = (address: string, family: 'IPv4' | 'IPv6' = 'IPv4', internal = false): NetworkInterfaceInfo =>
  ({ address, family, internal, netmask: '', mac: '', cidr: null }) as NetworkInterfaceInfo;

describe('hostLanAddresses', () => {
  it('keeps the LAN address and drops loopback, Docker, WSL, VPN and IPv6 addresses', () => {
    const found = hostLanAddresses(
      {
        lo: [nic('127.0.0.1', 'IPv4', true)],
        Ethernet: [nic('192.168.1.23'), nic('fe80::1', 'IPv6')],
        'vEthernet (WSL)': [nic('172.28.16.1')],
        docker0: [nic('172.17.0.1')],
        NordLynx: [nic('10.5.0.2')],
        'Wi-Fi': [nic('192.168.1.23')],
      },
      ['192.168.0.0/16'],
    );
    expect(found).toEqual(['192.168.1.23']);
  });

  it('finds nothing when no interface is in the LAN subnets', () => {
    expect(hostLanAddresses({ eth0: [nic('10.1.2.3')] }, ['192.168.0.0/16'])).toEqual([]);
  });
});

describe('wantedPlexNetworkPrefs', () => {
  it("owns only http://<LAN IPv4>:<plex port> URLs; other ports, hosts and the user's subnets stay", () => {
    const want = wantedPlexNetworkPrefs(
      {
        customConnections: 'http://192.168.1.9:32400, http://192.168.1.9:8080,https://media.example.org',
        LanNetworksBandwidth: '192.168.1.0/24',
      },
      { lanAddresses: ['192.168.1.10'], port: 32400, lanSubnets: ['192.168.1.0/24'] },
    );
    expect(want).toEqual({
      customConnections: 'http://192.168.1.10:32400,http://192.168.1.9:8080,https://media.example.org',
      LanNetworksBandwidth: '192.168.1.0/24',
    });
  });
});
