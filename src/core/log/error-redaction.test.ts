// Errors leaving the App service carry no known secret value, whichever way they were raised.
import { describe, expect, it } from 'vitest';
import { testAppDeps } from '../../../tests/helpers/test-app';
import { createAppService, type AppDeps } from '../app/app-service';
import type { DockerEndpoint } from '../engine/docker-endpoint';
import { UpsFailure } from '../contract';
import { REDACTED, secretRedactor } from './redactor';

const secret = 'wg-private-key-0123456789abcdef';

// The vault here stands for a credential backend that echoes what it was given in its error, as some do.
function deps(fail: (value: string) => never): AppDeps {
  return testAppDeps({
    version: 't',
    platform: 'linux',
    arch: 'x64',
    door: 'cli',
    project: 'ups-t-redaction',
    installRoot: async () => null,
    endpoint: { label: 'unix:///nonexistent', docker: {} } as unknown as DockerEndpoint,
    detectCompose: async () => ({ available: false }),
    vault: { backend: 'test backend', set: async (_n, v) => fail(v), get: async () => null, delete: async () => false },
  });
}

describe('error redaction at the App service boundary', () => {
  it('replaces a secret in an unexpected error message', async () => {
    secretRedactor.add(secret);
    const app = createAppService(
      deps((v) => {
        throw new Error(`backend rejected ${v}`);
      }),
    );
    const r = await app.handle('secrets.set', { name: 'vpn.wireguard.private_key', value: secret });
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).not.toContain(secret);
    expect(!r.ok && r.error.message).toBe(`secrets.set failed: backend rejected ${REDACTED}`);
  });

  it('replaces a secret inside a deliberate UpsFailure (message and fix)', async () => {
    secretRedactor.add(secret);
    const app = createAppService(
      deps((v) => {
        throw new UpsFailure({ code: 'VAULT_UNAVAILABLE', message: `cannot store ${v}`, fix: `retry with ${v}` });
      }),
    );
    const r = await app.handle('secrets.set', { name: 'vpn.wireguard.private_key', value: secret });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'VAULT_UNAVAILABLE',
        message: `cannot store ${REDACTED}`,
        fix: `retry with ${REDACTED}`,
        // The dispatcher adds the code's default action (docs/decisions.md D15).
        action: { action: 'checks.run', input: {}, label: 'Run the checks' },
      },
    });
  });
});
