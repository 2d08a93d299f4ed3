// The two secrets the wiring needs from install time: Bazarr's key (seeded config.yaml) and NPM's admin password.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { StackConfigSchema } from '../contract';
import { sampleConfigInput } from './sample-config';
import { bazarrSeedConfig } from './seed-stack';
import { generatedSecretsFor, generateSecretValue } from './stack-secrets';

describe('generated secrets for the wiring', () => {
  it('always generates bazarr.api_key; proxy.admin_password only with the proxy on', () => {
    const plain = StackConfigSchema.parse(sampleConfigInput());
    expect(generatedSecretsFor(plain)).toContain('bazarr.api_key');
    expect(generatedSecretsFor(plain)).not.toContain('proxy.admin_password');
    const withProxy = StackConfigSchema.parse(
      sampleConfigInput({
        services: {
          qbittorrent: true,
          nzbget: true,
          proxy: { enabled: true, domain: 'media.example.com', acmeEmail: 'me@example.com' },
        },
      }),
    );
    expect(generatedSecretsFor(withProxy)).toContain('proxy.admin_password');
  });

  it("seeds Bazarr's config.yaml with exactly the generated key under auth.apikey", () => {
    const key = generateSecretValue('bazarr.api_key');
    expect(parse(bazarrSeedConfig(key))).toEqual({ auth: { apikey: key } });
  });

  it('refuses a key that is not 32 hex characters (nothing else may reach the YAML)', () => {
    expect(() => bazarrSeedConfig('abc\nauth:\n  type: none')).toThrow(/32 lower-case hex/);
  });
});
