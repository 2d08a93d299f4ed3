// The Arr login step against fakes that read the container environment the way Servarr does (env wins over
// config.xml on every read): with the stack's own compose environment the login is required for every address and a
// second plan after apply changes nothing (docs/decisions.md D16, D17); a stale environment is one clear error, not an endless update.
import { afterEach, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/core/stack/catalog';
import { ArrClient, type ArrServiceName } from '../../src/core/wiring/clients/arr-common';
import { formsAuthStep } from '../../src/core/wiring/steps/radarr-sonarr-common';
import { startArrFake, type ArrApp, type ArrFake } from '../fakes/arr-fake';
import { applyAll, planAll } from '../fakes/run-wiring';

const KEY = 'k'.repeat(32);
const started: ArrFake[] = [];
afterEach(async () => {
  const violations = started.flatMap((f) => f.server.violations);
  await Promise.all(started.splice(0).map((f) => f.stop()));
  expect(violations).toEqual([]);
});

/** The environment compose gives the container, straight from the catalog fragment (compose/<app>.yml). */
async function fragmentEnv(app: ArrApp): Promise<Record<string, string>> {
  const env = { ...((await loadCatalog())[app].service.environment ?? {}) } as Record<string, string>;
  // `{{secret:<app>.api_key}}` becomes the vault's key at `up`; here it is the fake's key.
  env[`${app.toUpperCase()}__AUTH__APIKEY`] = KEY;
  return env;
}

async function stepFor(app: ArrApp, env: Record<string, string>) {
  const fake = await startArrFake(app, KEY, {}, { env });
  started.push(fake);
  const client = new ArrClient((app[0]!.toUpperCase() + app.slice(1)) as ArrServiceName, {
    url: fake.url,
    apiKey: KEY,
  });
  return {
    fake,
    step: formsAuthStep({ id: `${app}.auth`, client, username: 'ups-admin', password: 'generated-ui-password' }),
  };
}

describe('Arr login with the stack environment', () => {
  for (const app of ['radarr', 'sonarr', 'prowlarr'] as const) {
    it(`${app}: the compose fragment requires the login for every address`, async () => {
      const env = await fragmentEnv(app);
      const prefix = app.toUpperCase();
      expect(env[`${prefix}__AUTH__METHOD`]).toBe('Forms');
      expect(env[`${prefix}__AUTH__REQUIRED`]).toBe('Enabled');
    });

    it(`${app}: apply creates the user, then a second plan shows no change`, async () => {
      const { fake, step } = await stepFor(app, await fragmentEnv(app));
      const first = await planAll([step]);
      expect(first.map((c) => c.action)).toEqual(['update']);
      expect(first[0]!.reason).toContain('user differs');

      expect((await applyAll([step])).failed).toBeUndefined();
      const read = await (
        await fetch(`${fake.url}/api/${app === 'prowlarr' ? 'v1' : 'v3'}/config/host`, {
          headers: { 'X-Api-Key': KEY },
        })
      ).json();
      expect(read).toMatchObject({
        authenticationMethod: 'forms',
        authenticationRequired: 'enabled',
        username: 'ups-admin',
      });

      fake.server.calls.splice(0);
      expect((await planAll([step])).map((c) => c.action)).toEqual(['nothing']);
      const again = await applyAll([step]);
      expect(again.result.steps.map((s) => s.status)).toEqual(['unchanged']);
      expect(fake.server.writes()).toEqual([]);
    });
  }

  it('an environment that pins "DisabledForLocalAddresses" is one clear error naming the variable, after one save', async () => {
    const { fake, step } = await stepFor('radarr', {
      RADARR__AUTH__METHOD: 'Forms',
      RADARR__AUTH__REQUIRED: 'DisabledForLocalAddresses',
    });
    expect((await planAll([step]))[0]!.reason).toContain('required is disabledForLocalAddresses');
    const out = await applyAll([step]);
    expect(out.failed?.error.message).toContain('RADARR__AUTH__REQUIRED');
    expect(out.failed?.error.action).toMatchObject({ action: 'stack.up', input: { services: ['radarr'] } });
    expect(fake.server.writes().filter((w) => w.method === 'PUT')).toHaveLength(1);
  });
});
