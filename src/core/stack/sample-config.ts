// A complete, valid StackConfig input used by tests, the bench and `ups init --example`; kept in code so nothing reads fixtures at run time.
import type { StackConfigInput } from '../contract';

export function sampleConfigInput(over: Partial<StackConfigInput> = {}): StackConfigInput {
  return {
    installRoot: 'D:\\UltimatePlexStack',
    dataRoot: 'D:\\Media',
    timeZone: 'Europe/Berlin',
    services: { qbittorrent: true, nzbget: true },
    vpn: { provider: 'nordvpn', type: 'openvpn', serverCountries: ['Netherlands'] },
    ...over,
  };
}
