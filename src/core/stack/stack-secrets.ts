// Which vault secrets a config needs (docs/decisions.md D4/D5): generated per install, or entered by the user (VPN credentials).
import { randomBytes } from 'node:crypto';
import { IVPN_ACCOUNT_ID, vpnSecrets, type StackConfig } from '../contract';
import type { SecretName } from '../contract/secret-names';

/** The slice of the SecretVault port (src/core/vault/secret-vault.ts) this module uses: any implementation fits. */
export interface StackVault {
  get(name: SecretName): Promise<string | null>;
  set(name: SecretName, value: string): Promise<void>;
}

/** Secrets the user must supply for this config (asked on the terminal, in the wizard, or from the environment). */
export function userSecretsFor(cfg: StackConfig): SecretName[] {
  return vpnSecrets(cfg.vpn.provider, cfg.vpn.type).required;
}

/** Secrets we generate once per install; never two installs with the same key (docs/decisions.md D5). */
export function generatedSecretsFor(cfg: StackConfig): SecretName[] {
  // Bazarr (always on) reads its key from config.yaml, seeded before the first start (seed-stack.ts).
  const names: SecretName[] = [
    'vpn.control.api_key',
    'prowlarr.api_key',
    'radarr.api_key',
    'sonarr.api_key',
    'bazarr.api_key',
    'arr.ui_password',
  ];
  if (cfg.services.qbittorrent) names.push('qbittorrent.password');
  if (cfg.services.nzbget) names.push('nzbget.password');
  // Wiring creates NPM's first admin with this password through setup mode (wiring/steps/npm-steps.ts `proxy.admin`).
  if (cfg.services.proxy.enabled) names.push('proxy.admin_password');
  return names;
}

/**
 * Arr API keys are 32 lower-case hex characters (the format Servarr generates); passwords are URL-safe so they can
 * sit in a health-check URL and a form post without escaping.
 */
export function generateSecretValue(name: SecretName): string {
  if (name.endsWith('.api_key')) return randomBytes(16).toString('hex');
  return randomBytes(18).toString('base64url');
}

/** Creates each missing generated secret; existing ones are kept so a re-run never rotates a key under a service. */
export async function ensureGeneratedSecrets(vault: StackVault, cfg: StackConfig): Promise<SecretName[]> {
  const created: SecretName[] = [];
  for (const name of generatedSecretsFor(cfg)) {
    if ((await vault.get(name)) !== null) continue;
    await vault.set(name, generateSecretValue(name));
    created.push(name);
  }
  return created;
}

export async function missingUserSecrets(vault: StackVault, cfg: StackConfig): Promise<SecretName[]> {
  const missing: SecretName[] = [];
  for (const name of userSecretsFor(cfg)) if ((await vault.get(name)) === null) missing.push(name);
  // IVPN: the password is optional only for an account-ID user (gluetun settings/openvpn.go l.107-108 at v3.41.1).
  if (cfg.vpn.provider === 'ivpn' && cfg.vpn.type === 'openvpn' && !missing.includes('vpn.openvpn.user')) {
    const user = await vault.get('vpn.openvpn.user');
    if (user !== null && !IVPN_ACCOUNT_ID.test(user) && (await vault.get('vpn.openvpn.password')) === null)
      missing.push('vpn.openvpn.password');
  }
  return missing;
}
