// Nginx Proxy Manager wiring against its recorded-response fake: proxy hosts for Plex and Seerr, certificates when a
// domain and ACME e-mail are set, no writes on a second apply, drift repaired, and a certificate failure stops apply.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NpmClient } from '../../src/core/wiring/clients/npm';
import { npmWiring } from '../../src/core/wiring/steps/npm-steps';
import { startNpmFake, type NpmFake } from '../fakes/npm-fake';
import { applyAll, planAll } from '../fakes/run-wiring';

let fake: NpmFake;
const hosts = [
  { name: 'plex', domain: 'plex.example.com', forwardHost: 'plex', forwardPort: 32400 },
  { name: 'seerr', domain: 'requests.example.com', forwardHost: 'seerr', forwardPort: 5055 },
];

beforeEach(async () => {
  fake = await startNpmFake('admin@example.com', 'generated-npm-pw');
});

afterEach(async () => {
  const violations = fake.server.violations;
  await fake.server.stop();
  expect(violations).toEqual([]);
});

const client = (secret = 'generated-npm-pw') =>
  new NpmClient({ url: fake.server.url, identity: 'admin@example.com', secret: async () => secret });

describe('Nginx Proxy Manager wiring', () => {
  it('creates certificates and HTTPS proxy hosts, then writes nothing, then repairs a changed host', async () => {
    fake.reachableDomains.add('plex.example.com').add('requests.example.com');
    const { steps, links } = npmWiring({ npm: client(), hosts, acmeEmail: 'me@example.com' });
    expect((await planAll(steps)).map((c) => `${c.resource}:${c.action}`)).toEqual([
      'certificate plex.example.com:create',
      'proxy host plex.example.com:create',
      'certificate requests.example.com:create',
      'proxy host requests.example.com:create',
    ]);
    expect((await applyAll(steps)).failed).toBeUndefined();
    const plex = fake.hosts.find((h) => (h.domain_names as string[])[0] === 'plex.example.com')!;
    expect([
      plex.forward_host,
      plex.forward_port,
      plex.ssl_forced,
      plex.certificate_id === fake.certificates[0]!.id,
    ]).toEqual(['plex', 32400, true, true]);
    expect((await Promise.all(links.map((l) => l.run()))).every((r) => r.ok)).toBe(true);

    // The client keeps its token, so a second apply sends nothing but reads.
    fake.server.calls.splice(0);
    await applyAll(steps);
    expect(fake.server.writes()).toEqual([]);

    plex.forward_port = 32401;
    expect((await planAll(steps)).filter((c) => c.action !== 'nothing').map((c) => c.reason)).toEqual([
      'Differs in: forward_port.',
    ]);
    await applyAll(steps);
    expect(fake.hosts.find((h) => h.id === plex.id)!.forward_port).toBe(32400);
  });

  it('stops before the proxy host when the certificate cannot be issued, leaving no half-configured host', async () => {
    const { steps } = npmWiring({ npm: client(), hosts: hosts.slice(0, 1), acmeEmail: 'me@example.com' });
    const outcome = await applyAll(steps);
    expect(outcome.failed?.id).toBe('proxy.certificate.plex');
    expect(String(outcome.failed?.error)).toMatch(/HTTP 400.*Domains are invalid/);
    expect(fake.hosts).toEqual([]);
  });

  it('plain HTTP hosts without a certificate; a wrong password is reported with its fix', async () => {
    const { steps } = npmWiring({ npm: client(), hosts });
    await applyAll(steps);
    expect(fake.hosts.map((h) => [h.ssl_forced, h.certificate_id])).toEqual([
      [false, 0],
      [false, 0],
    ]);
    const r = await npmWiring({ npm: client('wrong'), hosts }).links[0]!.run();
    expect([r.ok, r.detail]).toEqual([false, expect.stringMatching(/rejected the credentials/)]);
    expect(r.fix).toMatch(/proxy\.admin_password/);
  });
});

describe("the NPM fake validates bodies with NPM's own schemas", () => {
  it("refuses the pre-2.13 certificate body (letsencrypt_email/letsencrypt_agree in meta) with NPM's 400", async () => {
    const login = await fetch(`${fake.server.url}/api/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identity: 'admin@example.com', secret: 'generated-npm-pw' }),
    });
    const { token } = (await login.json()) as { token: string };
    fake.reachableDomains.add('plex.example.com');
    const old = {
      provider: 'letsencrypt',
      domain_names: ['plex.example.com'],
      meta: { letsencrypt_email: 'me@example.com', letsencrypt_agree: true, dns_challenge: false },
    };
    const res = await fetch(`${fake.server.url}/api/nginx/certificates`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(old),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: {
        code: 400,
        message: 'data/meta must NOT have additional properties, data/meta must NOT have additional properties',
      },
    });
    expect(fake.certificates).toEqual([]);
    // Recorded as a violation too (so a client sending it fails its test); expected here.
    expect(fake.server.violations.splice(0)).toHaveLength(1);
  });
});
