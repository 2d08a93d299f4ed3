// VPN credential use cases: a thin door from the contract into core/vpn (the NordVPN token exchange).
import type { NordDeriveInput, NordDeriveResult, SecretName } from '../../contract';
import { fetchNordCredentials } from '../../vpn/nordvpn-credentials';
import type { AppContext, HandlerGroup } from '../app-context';

export function vpnHandlers({ deps }: AppContext): HandlerGroup {
  return {
    'vpn.nordvpn.derive': async ({ token, type }: NordDeriveInput): Promise<NordDeriveResult> => {
      const creds = await fetchNordCredentials(token, {
        baseUrl: deps.nordvpn.apiUrl,
        fetch: deps.nordvpn.fetch ?? fetch,
      });
      const entries: [SecretName, string][] =
        type === 'wireguard'
          ? [['vpn.wireguard.private_key', creds.nordlynxPrivateKey]]
          : [
              ['vpn.openvpn.user', creds.username],
              ['vpn.openvpn.password', creds.password],
            ];
      for (const [name, value] of entries) await deps.vault.set(name, value);
      // The token is not kept: the key it gives does not expire with it. An older wizard stored it here; drop that copy.
      await deps.vault.delete('vpn.nordvpn.access_token');
      return { stored: entries.map(([name]) => name) };
    },
  };
}
