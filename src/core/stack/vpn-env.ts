// The gluetun credential environment for a StackConfig, straight from the provider table (contract/vpn-providers.ts).
// Secrets appear only as {{secret:…}} placeholders the generator turns into ${UPS_…} references; their values reach
// the compose process environment from the vault at `up`, never a file.
import { vpnFields, vpnRule, type StackConfig, type VpnFieldId, type VpnFieldSpec } from '../contract';

/** The .env variable carrying WIREGUARD_ADDRESSES (a setting, not a secret). */
export const WG_ADDRESSES_VAR = 'STACK_VPN_WIREGUARD_ADDRESSES';

/**
 * gluetun variable → placeholder for this provider/protocol: each required field, plus each optional one that can be
 * supplied (an optional secret becomes `${UPS_…:-}`, empty when unset, which gluetun reads as unset). Nothing of the
 * other protocol is ever written.
 */
export function vpnCredentialEnv(cfg: StackConfig): Record<string, string> {
  const rule = vpnRule(cfg.vpn.provider, cfg.vpn.type);
  if (!rule) throw new Error(`${cfg.vpn.provider} with ${cfg.vpn.type} is not a combination gluetun accepts`);
  const env: Record<string, string> = {};
  const put = (id: VpnFieldId, required: boolean) => {
    const f: VpnFieldSpec = vpnFields[id];
    if (f.secret) env[f.env] = required ? `{{secret:${f.secret}}}` : `{{optional-secret:${f.secret}}}`;
    else if (id === 'wireguardAddresses' && (required || cfg.vpn.wireguardAddresses.length > 0))
      env[f.env] = `\${${WG_ADDRESSES_VAR}}`;
  };
  for (const id of rule.required) put(id, true);
  for (const id of rule.optional) put(id, false);
  return env;
}
