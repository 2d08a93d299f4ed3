// The diagnostics scrubbers: the vault-loaded redactor (every stored value, in compose's form too) and the by-name
// censor for credential-looking keys whose value the vault never held.
import { describe, expect, it } from 'vitest';
import type { SecretName } from '../contract/secret-names';
import { censorSecretKeys, vaultRedactor } from './secret-scrub';

describe('censorSecretKeys', () => {
  it.each([
    ['      PLEX_EXTRA_PASSWORD: hunter2x', '      PLEX_EXTRA_PASSWORD: "[REDACTED]"'],
    ['HANDMADE_TOKEN=abc123', 'HANDMADE_TOKEN="[REDACTED]"'],
    ['  "apiKey": "0123abcd",', '  "apiKey": "[REDACTED]",'],
    ['    - WIREGUARD_PRIVATE_KEY=xyz', '    - WIREGUARD_PRIVATE_KEY="[REDACTED]"'],
    ['      PLEX_CLAIM: claim-xyz', '      PLEX_CLAIM: "[REDACTED]"'],
  ])('%s', (line, out) => expect(censorSecretKeys(line)).toBe(out));

  it('keeps everything else, and keys that open a block', () => {
    const text = 'services:\n  plex:\n    image: plex:1\n    environment:\n      TZ: Europe/Berlin\n      secrets:\n';
    expect(censorSecretKeys(text)).toBe(text);
  });
});

describe('vaultRedactor', () => {
  it('knows every stored value, in the form compose sees it too, and nothing it was not given', async () => {
    const stored: Partial<Record<SecretName, string>> = { 'nas.password': 'pa,ss-word', 'plex.token': 'tok-123456' };
    const r = await vaultRedactor({ get: async (n) => stored[n as SecretName] ?? null });
    expect(r.redact('o=username=u,password=pa,,ss-word')).toBe('o=username=u,password=[REDACTED]');
    expect(r.redact('X-Plex-Token=tok-123456&x=1')).toBe('X-Plex-Token=[REDACTED]&x=1');
    expect(r.redact('nothing secret here')).toBe('nothing secret here');
  });
});
