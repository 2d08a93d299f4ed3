// StackConfig (DESIGN D3): what the user wants, validated once here; stack.yml, compose.yaml and .env derive from it.
import { z } from 'zod';
import { UpsErrorSchema } from './envelope';
import { OperationIdSchema } from './operation';
import { NasConfigSchema } from './stack-config-nas';
import { PlexClaimOutcomeSchema } from './plex-signin';
import { isIanaTimeZone, normaliseHostPath, pathProblem } from './stack-config-paths';

export * from './stack-config-nas';

/** gluetun's provider names, as its VPN_SERVICE_PROVIDER accepts them (gluetun wiki, "setup/providers"). */
export const vpnProviders = [
  'nordvpn',
  'airvpn',
  'cyberghost',
  'expressvpn',
  'fastestvpn',
  'giganews',
  'hidemyass',
  'ipvanish',
  'ivpn',
  'mullvad',
  'perfect privacy',
  'privado',
  'private internet access',
  'privatevpn',
  'protonvpn',
  'purevpn',
  'slickvpn',
  'surfshark',
  'torguard',
  'vpn secure',
  'vpn unlimited',
  'vyprvpn',
  'windscribe',
] as const;
export type VpnProvider = (typeof vpnProviders)[number];

/** Every catalog service, in the fixed order the generator writes them (determinism). */
export const catalogServices = ['vpn', 'proxy', 'plex', 'qbittorrent', 'nzbget', 'prowlarr', 'radarr', 'sonarr', 'bazarr', 'seerr', 'tdarr'] as const;
export type CatalogService = (typeof catalogServices)[number];

/** Host ports the user can move; keys are what errors name (`ports.radarr`). */
export const defaultPorts = {
  vpnControl: 8000,
  plex: 32400,
  qbittorrent: 8080,
  nzbget: 6789,
  prowlarr: 9696,
  radarr: 7878,
  sonarr: 8989,
  bazarr: 6767,
  seerr: 5055,
  tdarr: 8265,
  proxyHttp: 80,
  proxyHttps: 443,
  proxyAdmin: 81,
} as const;
export type PortName = keyof typeof defaultPorts;

/**
 * Default images. linuxserver and seerr/tdarr publish no stable major tags, so `latest` is the reference here and
 * the engine records the resolved digest at install/update (DESIGN D10); gluetun is pinned because its control
 * server auth changed in v3.39.1 and we depend on that format.
 */
export const defaultImages: Record<CatalogService, string> = {
  vpn: 'qmcgaw/gluetun:v3.41.1',
  proxy: 'jc21/nginx-proxy-manager:latest',
  plex: 'lscr.io/linuxserver/plex:latest',
  qbittorrent: 'lscr.io/linuxserver/qbittorrent:latest',
  nzbget: 'nzbgetcom/nzbget:latest',
  prowlarr: 'lscr.io/linuxserver/prowlarr:latest',
  radarr: 'lscr.io/linuxserver/radarr:latest',
  sonarr: 'lscr.io/linuxserver/sonarr:latest',
  bazarr: 'lscr.io/linuxserver/bazarr:latest',
  seerr: 'ghcr.io/seerr-team/seerr:latest',
  tdarr: 'ghcr.io/haveagitgat/tdarr:latest',
};

// registry[:port]/path/name:tag or @sha256:digest; lower-case path components as the distribution spec requires.
// Like docker, a first component is a registry only if it has a dot or a port, or is localhost.
const IMAGE_REF = /^(?:(?:[a-zA-Z0-9-]+(?:\.[a-zA-Z0-9-]+)+(?::\d+)?|[a-zA-Z0-9-]+:\d+|localhost)\/)?[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*(?::[\w][\w.-]{0,127}|@sha256:[a-f0-9]{64})$/;
export const ImageRefSchema = z.string().regex(IMAGE_REF, { message: 'must be an image reference like registry/name:tag (tag or @sha256 digest required)' });

const HostPath = (what: string) =>
  z.string().transform((raw, ctx) => {
    const problem = pathProblem(raw);
    if (problem) {
      ctx.addIssue({ code: 'custom', message: `${what} ${problem}` });
      return z.NEVER;
    }
    return normaliseHostPath(raw);
  });

const PortSchema = z.number().int().min(1).max(65535);
const CIDR = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}\/(3[0-2]|[12]?\d)$/;
const SERVER_NAME = /^[\p{L}\p{N} .'-]+$/u;

const ServicesSchema = z
  .object({
    qbittorrent: z.boolean(),
    nzbget: z.boolean(),
    tdarr: z.boolean().default(false),
    proxy: z
      .object({
        enabled: z.boolean(),
        domain: z.string().regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i, { message: 'must be a domain name like media.example.com' }).optional(),
        acmeEmail: z.email({ message: 'must be an e-mail address' }).optional(),
      })
      .strict()
      .default({ enabled: false }),
  })
  .strict();

const VpnSchema = z
  .object({
    provider: z.enum(vpnProviders),
    type: z.enum(['openvpn', 'wireguard']),
    serverCountries: z.array(z.string().regex(SERVER_NAME, { message: 'must be a country name as gluetun lists it' })).default([]),
    serverCities: z.array(z.string().regex(SERVER_NAME, { message: 'must be a city name as gluetun lists it' })).default([]),
    /** Subnets gluetun's firewall lets reach the published web ports (FIREWALL_OUTBOUND_SUBNETS). */
    lanSubnets: z.array(z.string().regex(CIDR, { message: 'must be an IPv4 CIDR like 192.168.1.0/24' })).default(['192.168.0.0/16']),
  })
  .strict();

const portsShape = Object.fromEntries(Object.entries(defaultPorts).map(([k, v]) => [k, PortSchema.default(v)])) as {
  [K in PortName]: z.ZodDefault<typeof PortSchema>;
};
const imagesShape = Object.fromEntries(Object.entries(defaultImages).map(([k, v]) => [k, ImageRefSchema.default(v)])) as {
  [K in CatalogService]: z.ZodDefault<typeof ImageRefSchema>;
};

export const StackConfigSchema = z
  .object({
    version: z.literal(1).default(1),
    installRoot: HostPath('install root'),
    dataRoot: HostPath('data root'),
    timeZone: z.string().refine(isIanaTimeZone, { message: 'must be an IANA time zone such as Europe/Berlin or America/New_York' }),
    puid: z.number().int().min(0).max(2147483647).default(1000),
    pgid: z.number().int().min(0).max(2147483647).default(1000),
    services: ServicesSchema,
    vpn: VpnSchema,
    ports: z.object(portsShape).strict().default(defaultPorts),
    images: z.object(imagesShape).strict().default(defaultImages),
    /** Set by "Migrate to NAS" once the library lives on the target; absent for a local-only install. */
    nas: NasConfigSchema.optional(),
  })
  .strict()
  .superRefine((cfg, ctx) => {
    if (!cfg.services.qbittorrent && !cfg.services.nzbget) {
      ctx.addIssue({ code: 'custom', path: ['services', 'qbittorrent'], message: 'at least one download client is needed: enable qbittorrent or nzbget' });
    }
    const proxy = cfg.services.proxy;
    if (proxy.enabled && !proxy.domain) ctx.addIssue({ code: 'custom', path: ['services', 'proxy', 'domain'], message: 'the reverse proxy needs a domain' });
    if (proxy.enabled && !proxy.acmeEmail) ctx.addIssue({ code: 'custom', path: ['services', 'proxy', 'acmeEmail'], message: "the reverse proxy needs an e-mail for Let's Encrypt" });
    const seen = new Map<number, PortName>();
    for (const name of enabledPorts(cfg)) {
      const port = cfg.ports[name];
      const other = seen.get(port);
      if (other) ctx.addIssue({ code: 'custom', path: ['ports', name], message: `port ${port} is already used by ports.${other}; pick a different host port` });
      else seen.set(port, name);
    }
    if (samePath(cfg.installRoot, cfg.dataRoot)) ctx.addIssue({ code: 'custom', path: ['dataRoot'], message: 'must differ from installRoot (the stack files and the media tree are kept apart)' });
    if (cfg.nas && (samePath(cfg.nas.target, cfg.dataRoot) || samePath(cfg.nas.target, cfg.installRoot))) {
      ctx.addIssue({ code: 'custom', path: ['nas', 'target'], message: 'must differ from dataRoot and installRoot (it is where the library moves to)' });
    }
  });

export type StackConfigInput = z.input<typeof StackConfigSchema>;
export type StackConfig = z.infer<typeof StackConfigSchema>;

type PortCheckInput = { services: { nzbget: boolean; qbittorrent: boolean; tdarr: boolean; proxy: { enabled: boolean } } };

/** Host ports that will actually be published for this selection, in a fixed order. */
export function enabledPorts(cfg: PortCheckInput): PortName[] {
  const s = cfg.services;
  const names: PortName[] = ['vpnControl', 'plex', 'prowlarr', 'radarr', 'sonarr', 'bazarr', 'seerr'];
  if (s.qbittorrent) names.push('qbittorrent');
  if (s.nzbget) names.push('nzbget');
  if (s.tdarr) names.push('tdarr');
  if (s.proxy.enabled) names.push('proxyHttp', 'proxyHttps', 'proxyAdmin');
  return names;
}

/** The services a config selects, in catalog order. */
export function selectedServices(cfg: StackConfig): CatalogService[] {
  const s = cfg.services;
  const on: Record<CatalogService, boolean> = {
    vpn: true,
    proxy: s.proxy.enabled,
    plex: true,
    qbittorrent: s.qbittorrent,
    nzbget: s.nzbget,
    prowlarr: true,
    radarr: true,
    sonarr: true,
    bazarr: true,
    seerr: true,
    tdarr: s.tdarr,
  };
  return catalogServices.filter((n) => on[n]);
}

function samePath(a: string, b: string): boolean {
  return a.replace(/\/+$/, '').toLowerCase() === b.replace(/\/+$/, '').toLowerCase();
}

// ---- Calls over StackConfig (doors: wizard, CLI, bridge) ----

export const StackConfigValidateInputSchema = z.object({ config: z.unknown() }).strict();
export const StackConfigValidationSchema = z.object({ valid: z.boolean(), errors: z.array(UpsErrorSchema) });
export type StackConfigValidation = z.infer<typeof StackConfigValidationSchema>;

/** Install = write stack.yml/compose.yaml/.env (+ generated secrets); with `start`, also /data, seeds, up, healthy. */
export const StackInstallInputSchema = z.object({ config: z.unknown(), start: z.boolean().default(true), operationId: OperationIdSchema.optional() }).strict();
export const StackInstallResultSchema = z.object({
  installRoot: z.string(),
  written: z.array(z.string()),
  unchanged: z.array(z.string()),
  backup: z.string().nullable(),
  /** Names only, never values. */
  createdSecrets: z.array(z.string()),
  services: z.array(z.string()),
  started: z.boolean(),
  hardlink: z.object({ ok: z.boolean(), detail: z.string() }).nullable(),
  /** The Plex claim after start when a plex.tv sign-in is stored (the wizard signs in before install); absent otherwise. */
  plexClaim: PlexClaimOutcomeSchema.nullable().optional(),
});
export type StackInstallResult = z.infer<typeof StackInstallResultSchema>;
