// Nginx Proxy Manager wiring against its recorded-response fake: the first admin created through setup mode (no
// password in NPM's log), proxy hosts for Plex and Seerr, certificates when a domain and ACME e-mail are set, no writes
// on a second apply, drift repaired, and a certificate failure stops apply.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NPM_FOREIGN_ADMIN_FIX, npmAdminEmail, NpmClient } from '../../src/core/wiring/clients/npm';
import { npmWiring } from '../../src/core/wiring/steps/npm-steps';
import { startNpmFake, type NpmFake } from '../fakes/npm-fake';
import { applyAll, planAll } from '../fakes/run-wiring';

let fake: NpmFake;
const hosts = [
  { name: 'plex', domain: 'plex.example.com', forwardHost: 'plex', forwardPort: 32400 },
  { name: 'seerr', domain: 'requests.example.com', forwardHost: 'seerr', forwardPort: 5055 },
];
const ADMIN = 'me@mail.example.org';
const PASSWORD = 'generated-npm-pw';

beforeEach(async () => {
  // As compose/proxy.yml starts it: no INITIAL_ADMIN_*, so no user (setup mode).
  fake = await startNpmFake();
});

afterEach(async () => {
  const violations = fake.server.violations;
  await fake.server.stop();
  expect(violations).toEqual([]);
});

const client = (secret = PASSWORD, identity = ADMIN) =>
  new NpmClient({ url: fake.server.url, identity, secret: async () => secret });
const wiring = (o: { npm?: NpmClient; hosts?: typeof hosts; acme?: boolean } = {}) =>
  npmWiring({
    npm: o.npm ?? client(),
    adminEmail: ADMIN,
    hosts: o.hosts ?? hosts,
    acmeEmail: o.acme === false ? undefined : ADMIN,
  });

describe('Nginx Proxy Manager first admin (setup mode, no INITIAL_ADMIN_*)', () => {
  it('creates the admin with the ACME e-mail and the generated password; NPM logs no password', async () => {
    const { steps } = wiring({ hosts: [] });
    expect(await planAll(steps)).toEqual([
      {
        service: 'proxy',
        resource: `admin ${ADMIN}`,
        action: 'create',
        reason: 'Nginx Proxy Manager has no admin yet (setup mode): create it with the generated password.',
      },
    ]);
    expect((await applyAll(steps)).failed).toBeUndefined();
    expect(fake.users.map((u) => [u.email, u.roles, u.password])).toEqual([[ADMIN, ['admin'], PASSWORD]]);
    expect(fake.log).toEqual(['Creating a new user in setup mode']);
    expect(fake.log.join('\n')).not.toContain(PASSWORD);
    // Setup mode is over: an anonymous create is refused now, and the next plan only signs in.
    const again = await fetch(`${fake.server.url}/api/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'X',
        nickname: 'X',
        email: 'x@example.org',
        auth: { type: 'password', secret: 'x' },
      }),
    });
    expect(again.status).toBe(403);
    expect((await planAll(wiring({ hosts: [] }).steps)).map((c) => c.action)).toEqual(['nothing']);
  });

  it('lower-cases the ACME e-mail: NPM stores it as sent but looks logins up lower-cased', async () => {
    expect(npmAdminEmail('  Me@Mail.Example.ORG ')).toBe(ADMIN);
    // What an un-normalised e-mail would do: created fine, then no login ever works.
    const mixed = client(PASSWORD, 'Me@Mail.Example.org');
    await mixed.createFirstAdmin();
    await expect(mixed.ensureToken()).rejects.toThrow(/rejected the credentials for Me@Mail\.Example\.org/);
  });

  it('reports an admin someone else created (setup mode used first) with the fix, and blocks the proxy steps', async () => {
    await fake.server.stop();
    fake = await startNpmFake({ admin: { email: 'intruder@example.net', secret: 'theirs' } });
    fake.reachableDomains.add('plex.example.com');
    const outcome = await applyAll(wiring({ hosts: hosts.slice(0, 1) }).steps);
    expect(outcome.failed?.id).toBe('proxy.admin');
    expect(outcome.failed?.error.message).toMatch(/rejected the credentials for me@mail\.example\.org/);
    expect(outcome.failed?.error.fix).toContain(NPM_FOREIGN_ADMIN_FIX);
    expect(outcome.blocked).toEqual(['proxy.certificate.plex', 'proxy.host.plex']);
    expect([fake.hosts, fake.certificates]).toEqual([[], []]);
  });

  it('says so when setup mode is taken between plan and apply', async () => {
    const npm = client();
    const [admin] = wiring({ npm, hosts: [] }).steps;
    const changes = await admin!.plan();
    expect(changes[0]!.action).toBe('create');
    // Someone on the network completes NPM's setup page first.
    await client('theirs', 'intruder@example.net').createFirstAdmin();
    await expect(admin!.apply(changes, () => undefined)).rejects.toThrow(/rejected the credentials/);
    const late = client();
    await expect(late.createFirstAdmin()).rejects.toThrow(/already has an admin that this app did not create/);
  });
});

describe('Nginx Proxy Manager wiring', () => {
  it('creates certificates and HTTPS proxy hosts, then writes nothing, then repairs a changed host', async () => {
    fake.reachableDomains.add('plex.example.com').add('requests.example.com');
    const { steps, links } = wiring();
    expect((await planAll(steps)).map((c) => `${c.resource}:${c.action}`)).toEqual([
      `admin ${ADMIN}:create`,
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
    const { steps } = wiring({ hosts: hosts.slice(0, 1) });
    const outcome = await applyAll(steps);
    expect(outcome.failed?.id).toBe('proxy.certificate.plex');
    expect(String(outcome.failed?.error)).toMatch(/HTTP 400.*Domains are invalid/);
    expect(fake.hosts).toEqual([]);
  });

  it('plain HTTP hosts without a certificate; a wrong password is reported with its fix', async () => {
    const { steps } = wiring({ acme: false });
    await applyAll(steps);
    expect(fake.hosts.map((h) => [h.ssl_forced, h.certificate_id])).toEqual([
      [false, 0],
      [false, 0],
    ]);
    const res = await wiring({ npm: client('wrong') }).links[0]!.run();
    expect([res.ok, res.detail]).toEqual([false, expect.stringMatching(/rejected the credentials/)]);
    expect(res.fix).toMatch(/proxy\.admin_password/);
  });
});

describe("the NPM fake validates bodies with NPM's own schemas", () => {
  it("refuses the pre-2.13 certificate body (letsencrypt_email/letsencrypt_agree in meta) with NPM's 400", async () => {
    await client().createFirstAdmin();
    const login = await fetch(`${fake.server.url}/api/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identity: ADMIN, secret: PASSWORD }),
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
