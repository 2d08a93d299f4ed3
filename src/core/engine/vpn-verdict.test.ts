// The VPN verdict never says "safe" without every observation; leaks and dead tunnels are named.
import { describe, expect, it } from 'vitest';
import { decideVerdict, type VpnObservation } from './vpn-verdict';

const good: VpnObservation = {
  vpnRunning: true,
  clientsRunning: ['qbittorrent'],
  tunnelStatus: 'running',
  vpnPublicIp: '203.0.113.10',
  clientEgressIp: '203.0.113.10',
  hostEgressIp: '198.51.100.7',
};

describe('decideVerdict', () => {
  it('is safe with the tunnel running and a client egress that is not the host', () => {
    expect(decideVerdict(good).verdict).toBe('safe');
  });
  it('is a leak when the client egress equals the host egress', () => {
    expect(decideVerdict({ ...good, clientEgressIp: '198.51.100.7' }).verdict).toBe('leak');
  });
  it('is a leak when gluetun itself reports the host address', () => {
    expect(decideVerdict({ ...good, vpnPublicIp: '198.51.100.7' }).verdict).toBe('leak');
  });
  it('is tunnel-down when gluetun says so, even if other checks failed', () => {
    expect(decideVerdict({ ...good, tunnelStatus: 'stopped', error: 'egress failed' }).verdict).toBe('tunnel-down');
  });
  it.each<[string, Partial<VpnObservation>]>([
    ['a failed observation', { error: 'control server unreachable' }],
    ['no tunnel status', { tunnelStatus: undefined }],
    ['no client egress', { clientEgressIp: undefined }],
    ['a non-address client egress', { clientEgressIp: '<html>' }],
    ['no host egress', { hostEgressIp: undefined }],
    ['no vpn container', { vpnRunning: false }],
    ['no running client', { clientsRunning: [] }],
  ])('is unknown with %s', (_what, change) => {
    expect(decideVerdict({ ...good, ...change }).verdict).toBe('unknown');
  });
});
