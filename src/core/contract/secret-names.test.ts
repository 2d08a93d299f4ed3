import { describe, expect, it } from 'vitest';
import { envVarFor, SecretNameSchema, secretNames } from './secret-names';

describe('secret names', () => {
  it('maps every name to a distinct UPS_ environment variable', () => {
    const vars = secretNames.map(envVarFor);
    expect(new Set(vars).size).toBe(secretNames.length);
    for (const v of vars) expect(v).toMatch(/^UPS_[A-Z0-9_]+$/);
    expect(envVarFor('vpn.openvpn.user')).toBe('UPS_VPN_OPENVPN_USER');
  });

  it('rejects names outside the closed registry', () => {
    expect(SecretNameSchema.safeParse('plex.token').success).toBe(true);
    expect(SecretNameSchema.safeParse('anything.else').success).toBe(false);
  });
});
