// Nginx Proxy Manager's desired state (only when the proxy is on): its first admin (created here, through setup mode),
// a proxy host per exposed service (Plex, Seerr) and, when a domain is set, a Let's Encrypt certificate for it with
// HTTPS forced; link tests read NPM's own nginx status.
import type { LinkTest, PlannedChange, WiringStep } from '../wiring-types';
import type { NpmClient, ProxyHost, ProxyHostBody } from '../clients/npm';
import { failureResult } from './radarr-sonarr-common';
import { fixAction } from '../../contract/fix-action';

export interface NpmHost {
  /** Service name, e.g. `plex`, `seerr`; also the step id suffix. */
  name: string;
  domain: string;
  forwardHost: string;
  forwardPort: number;
}

export interface NpmWiringInput {
  npm: NpmClient;
  /** The admin's e-mail (npmAdminEmail of the ACME e-mail), shown in the plan. */
  adminEmail: string;
  hosts: NpmHost[];
  /** Let's Encrypt account e-mail; without it no certificate is requested and hosts stay plain HTTP. */
  acmeEmail?: string;
}

const svc = 'proxy';
/** Every other proxy step needs the admin's token, so it depends on this one. */
export const NPM_ADMIN_STEP = 'proxy.admin';
const truthy = (v: unknown) => v === true || v === 1;

function drift(h: ProxyHost, want: ProxyHostBody): string[] {
  const out: string[] = [];
  if (h.forward_scheme !== want.forward_scheme) out.push('forward_scheme');
  if (h.forward_host !== want.forward_host) out.push('forward_host');
  if (h.forward_port !== want.forward_port) out.push('forward_port');
  if (Number(h.certificate_id ?? 0) !== want.certificate_id) out.push('certificate');
  if (truthy(h.ssl_forced) !== want.ssl_forced) out.push('ssl_forced');
  if (truthy(h.allow_websocket_upgrade) !== want.allow_websocket_upgrade) out.push('websockets');
  if (truthy(h.block_exploits) !== want.block_exploits) out.push('block_exploits');
  return out;
}

/**
 * The first admin. compose/proxy.yml no longer sets INITIAL_ADMIN_EMAIL/INITIAL_ADMIN_PASSWORD, because NPM 2.15.1
 * prints that password to its log (backend/setup.js `setupDefaultUser`); NPM then starts with no user, in setup mode,
 * and this step creates the admin through the API (NpmClient.createFirstAdmin). Port 81 is published on 127.0.0.1
 * always (portExposure.proxyAdmin = 'app'), so setup mode is never reachable from the LAN; docs/decisions.md D17.
 * Once an admin exists the plan checks that the stored login works, so a foreign admin is reported with its fix
 * instead of failing every later step with "credentials refused".
 */
function adminStep(npm: NpmClient, email: string): WiringStep {
  const resource = `admin ${email}`;
  return {
    id: NPM_ADMIN_STEP,
    service: svc,
    dependsOn: [],
    async plan(): Promise<PlannedChange[]> {
      if (!(await npm.hasAdmin()))
        return [
          {
            service: svc,
            resource,
            action: 'create',
            reason: 'Nginx Proxy Manager has no admin yet (setup mode): create it with the generated password.',
          },
        ];
      await npm.ensureToken();
      return [{ service: svc, resource, action: 'nothing', reason: 'The admin signs in with the stored password.' }];
    },
    async apply(changes, progress) {
      if (!changes.some((c) => c.action !== 'nothing')) return;
      // Asked again: someone may have used setup mode since the plan; then the login below reports it.
      if (!(await npm.hasAdmin())) {
        progress({
          operationId: 'wiring',
          step: NPM_ADMIN_STEP,
          current: 0,
          total: 1,
          message: `Creating ${resource}`,
        });
        await npm.createFirstAdmin();
      }
      await npm.ensureToken();
    },
  };
}

export function npmWiring(input: NpmWiringInput): { steps: WiringStep[]; links: LinkTest[] } {
  const { npm } = input;
  const steps: WiringStep[] = [adminStep(npm, input.adminEmail)];
  const links: LinkTest[] = [];
  // In setup mode NPM has no user, hence no certificate or host either: plan says "create" without logging in.
  const certFor = async (domain: string) =>
    (await npm.hasAdmin())
      ? (await npm.certificates()).find((c) => c.provider === 'letsencrypt' && c.domain_names.includes(domain))
      : undefined;
  const hostFor = async (domain: string) =>
    (await npm.hasAdmin()) ? (await npm.proxyHosts()).find((p) => p.domain_names.includes(domain)) : undefined;

  for (const host of input.hosts) {
    const certStepId = `proxy.certificate.${host.name}`;
    if (input.acmeEmail) {
      steps.push({
        id: certStepId,
        service: svc,
        dependsOn: [NPM_ADMIN_STEP],
        async plan(): Promise<PlannedChange[]> {
          return (await certFor(host.domain))
            ? [
                {
                  service: svc,
                  resource: `certificate ${host.domain}`,
                  action: 'nothing',
                  reason: "A Let's Encrypt certificate exists.",
                },
              ]
            : [
                {
                  service: svc,
                  resource: `certificate ${host.domain}`,
                  action: 'create',
                  reason: `No certificate for ${host.domain}.`,
                },
              ];
        },
        async apply(changes, progress) {
          if (!changes.some((c) => c.action !== 'nothing') || (await certFor(host.domain))) return;
          progress({
            operationId: 'wiring',
            step: certStepId,
            current: 0,
            total: 1,
            message: `Requesting a certificate for ${host.domain}`,
          });
          await npm.createCertificate(host.domain);
        },
      });
    }
    const wanted = async (): Promise<ProxyHostBody> => {
      const cert = input.acmeEmail ? await certFor(host.domain) : undefined;
      return {
        domain_names: [host.domain],
        forward_scheme: 'http',
        forward_host: host.forwardHost,
        forward_port: host.forwardPort,
        certificate_id: cert?.id ?? 0,
        ssl_forced: Boolean(cert),
        block_exploits: true,
        // Plex and Seerr both use websockets (Plex Web's live updates, Seerr's status pushes).
        allow_websocket_upgrade: true,
      };
    };
    const id = `proxy.host.${host.name}`;
    steps.push({
      id,
      service: svc,
      dependsOn: input.acmeEmail ? [certStepId] : [NPM_ADMIN_STEP],
      async plan() {
        const resource = `proxy host ${host.domain}`;
        const existing = await hostFor(host.domain);
        if (!existing)
          return [{ service: svc, resource, action: 'create', reason: `No proxy host for ${host.domain}.` }];
        const d = drift(existing, await wanted());
        return d.length === 0
          ? [
              {
                service: svc,
                resource,
                action: 'nothing',
                reason: `Forwards to ${host.forwardHost}:${host.forwardPort}.`,
              },
            ]
          : [{ service: svc, resource, action: 'update', reason: `Differs in: ${d.join(', ')}.` }];
      },
      async apply(changes, progress) {
        if (!changes.some((c) => c.action !== 'nothing')) return;
        const [existing, body] = [await hostFor(host.domain), await wanted()];
        if (existing && drift(existing, body).length === 0) return;
        progress({
          operationId: 'wiring',
          step: id,
          current: 0,
          total: 1,
          message: `${existing ? 'Updating' : 'Adding'} the proxy host ${host.domain}`,
        });
        if (existing) await npm.updateProxyHost(existing.id, body);
        else await npm.createProxyHost(body);
      },
    });
    links.push({
      id: `proxy->${host.name}`,
      from: 'proxy',
      to: host.name,
      async run() {
        const base = { id: `proxy->${host.name}`, from: 'proxy', to: host.name };
        try {
          const h = await hostFor(host.domain);
          if (!h)
            return {
              ...base,
              ok: false,
              detail: `No proxy host for ${host.domain}.`,
              fix: 'Repair the links to create it.',
              action: fixAction('wiring.apply'),
            };
          if (h.meta?.nginx_online === false)
            return {
              ...base,
              ok: false,
              detail: `Nginx rejected the ${host.domain} configuration: ${h.meta.nginx_err ?? 'no detail'}`,
              fix: 'Open Nginx Proxy Manager, fix or delete that host, then repair the links.',
              action: fixAction('wiring.apply'),
            };
          return {
            ...base,
            ok: true,
            detail: `${host.domain} → ${h.forward_host}:${h.forward_port}${truthy(h.ssl_forced) ? ' (HTTPS)' : ''}.`,
          };
        } catch (err) {
          return { ...base, ...failureResult(err) };
        }
      },
    });
  }
  return { steps, links };
}
