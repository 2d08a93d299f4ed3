// The closed registry of secret names (docs/decisions.md D4): nothing else may be stored in the vault, and each maps to the
// compose variable that carries it into a child process environment (never into a file).
import * as z from 'zod';

export const secretNames = [
  'vpn.openvpn.user',
  'vpn.openvpn.password',
  'vpn.openvpn.cert',
  'vpn.openvpn.key',
  'vpn.openvpn.encrypted_key',
  'vpn.openvpn.key_passphrase',
  'vpn.wireguard.private_key',
  'vpn.wireguard.preshared_key',
  // Legacy: the wizard once stored the NordVPN access token here. Nothing reads it; vpn.nordvpn.derive deletes it.
  'vpn.nordvpn.access_token',
  'vpn.control.api_key',
  'plex.token',
  'plex.claim',
  'nas.user',
  'nas.password',
  'radarr.api_key',
  'sonarr.api_key',
  'prowlarr.api_key',
  'bazarr.api_key',
  'seerr.api_key',
  'qbittorrent.password',
  'nzbget.password',
  'nzbget.server.password',
  'arr.ui_password',
  'proxy.admin_password',
] as const;

export type SecretName = (typeof secretNames)[number];
export const SecretNameSchema = z.enum(secretNames);

/**
 * The one open family (docs/decisions.md D32): an indexer's password or key, named after the indexer and the field,
 * referenced from arr.yml as `{ secret: indexer.<name>.<field> }`. Never carried in compose or .env: only the wiring reads it.
 */
export type IndexerSecretName = `indexer.${string}.${string}`;
export const INDEXER_SECRET_PATTERN = /^indexer\.[a-z0-9][a-z0-9-]{0,39}\.[a-zA-Z0-9_.]{1,60}$/;
export const IndexerSecretNameSchema = z
  .string()
  .regex(INDEXER_SECRET_PATTERN, 'must look like indexer.<name>.<field> (lower-case name, letters and digits)')
  .transform((v) => v as IndexerSecretName);

/** `My Tracker!` + `apiKey` → `indexer.my-tracker.apiKey`. */
export function indexerSecretName(indexer: string, field: string): IndexerSecretName {
  const slug =
    indexer
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'indexer';
  return `indexer.${slug}.${field.replace(/[^a-zA-Z0-9_.]/g, '_').slice(0, 60)}`;
}

/** `vpn.openvpn.user` → `UPS_VPN_OPENVPN_USER`: the variable compose.yaml references as `${UPS_…:?…}`. */
export function envVarFor(name: SecretName): string {
  return `UPS_${name.replace(/[.]/g, '_').toUpperCase()}`;
}

/** What each entry is, in words a user recognises (status lists, prompts). */
export const secretLabels: Record<SecretName, string> = {
  'vpn.openvpn.user': 'VPN service user name (OpenVPN)',
  'vpn.openvpn.password': 'VPN service password (OpenVPN)',
  'vpn.openvpn.cert': 'VPN client certificate (OpenVPN)',
  'vpn.openvpn.key': 'VPN client key (OpenVPN)',
  'vpn.openvpn.encrypted_key': 'VPN encrypted client key (OpenVPN)',
  'vpn.openvpn.key_passphrase': 'VPN client key passphrase (OpenVPN)',
  'vpn.wireguard.private_key': 'VPN WireGuard private key',
  'vpn.wireguard.preshared_key': 'VPN WireGuard pre-shared key',
  'vpn.nordvpn.access_token': 'NordVPN access token (old wizard; no longer used)',
  'vpn.control.api_key': 'VPN control server API key (generated)',
  'plex.token': 'Plex token',
  'plex.claim': 'Plex claim token',
  'nas.user': 'NAS user name',
  'nas.password': 'NAS password',
  'radarr.api_key': 'Radarr API key (generated)',
  'sonarr.api_key': 'Sonarr API key (generated)',
  'prowlarr.api_key': 'Prowlarr API key (generated)',
  'bazarr.api_key': 'Bazarr API key (generated)',
  'seerr.api_key': 'Seerr API key (generated)',
  'qbittorrent.password': 'qBittorrent web UI password (generated)',
  'nzbget.password': 'NZBGet password (generated)',
  'nzbget.server.password': 'Usenet news server password',
  'arr.ui_password': 'Arr apps sign-in password (generated)',
  'proxy.admin_password': 'Nginx Proxy Manager admin password (generated)',
};
