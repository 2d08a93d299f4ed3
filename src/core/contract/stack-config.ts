// StackConfig (docs/decisions.md D3): what the user wants, validated once here; stack.yml, compose.yaml and .env derive from it.
import * as z from 'zod';
import { UpsErrorSchema } from './envelope';
import { OperationIdSchema } from './operation';
import { NasConfigSchema } from './stack-config-nas';
import { PlexClaimOutcomeSchema } from './plex-signin';
import { StackWiringResultSchema } from './wiring';
import { UsenetServerSchema } from './usenet';
import { TdarrConfigSchema } from './tdarr';
import { QualityPresetNameSchema } from './arr-config';
import { isIanaTimeZone, normaliseHostPath, pathProblem } from './stack-config-paths';
import { newestImages } from './image-versions';
import type { portNameList } from './port-names';
import {
  legacyProviderNames,
  refusedReason,
  vpnFields,
  vpnProviders,
  vpnRule,
  vpnTable,
  type VpnFieldId,
} from './vpn-providers';

export * from './stack-config-nas';
export * from './image-versions';

export * from './vpn-providers';
export * from './usenet';
export * from './tdarr';

/** A provider name; the spelling we once wrote for VPNSecure ("vpn secure") is read as gluetun's "vpnsecure". */
export const VpnProviderSchema = z.preprocess(
  (v) => (typeof v === 'string' && Object.hasOwn(legacyProviderNames, v) ? legacyProviderNames[v] : v),
  z.enum(vpnProviders),
);

/** Every catalog service, in the fixed order the generator writes them (determinism). */
export const catalogServices = [
  'vpn',
  'proxy',
  'plex',
  'qbittorrent',
  'nzbget',
  'prowlarr',
  'radarr',
  'sonarr',
  'bazarr',
  'seerr',
  'tdarr',
  'flaresolverr',
] as const;
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
  // Tdarr's server port (serverPort): what nodes on other PCs connect to.
  tdarrServer: 8266,
  proxyHttp: 80,
  proxyHttps: 443,
  proxyAdmin: 81,
  // The same names as port-names.ts (kept apart there to break a load-time cycle): a name in one list only fails to
  // compile here instead of waiting for port-names.test.ts.
} as const satisfies Record<(typeof portNameList)[number], number>;
export type PortName = keyof typeof defaultPorts;

/**
 * Where each host port is published (docs/decisions.md D17): `app` on 127.0.0.1 always (the app's own control
 * channel, NPM's admin), `web` on 127.0.0.1 unless the user turns on `lanAccess`, `lan` on every interface (Plex must be reachable by
 * TVs on the LAN; the reverse proxy's 80/443 exist to be reached). The generator and the UI both read this table.
 */
export const portExposure: Record<PortName, 'app' | 'web' | 'lan'> = {
  vpnControl: 'app',
  plex: 'lan',
  qbittorrent: 'web',
  nzbget: 'web',
  prowlarr: 'web',
  radarr: 'web',
  sonarr: 'web',
  bazarr: 'web',
  seerr: 'web',
  tdarr: 'web',
  // Nodes on other PCs need it on the LAN: "Add a Tdarr node" asks for LAN access (docs/decisions.md D17).
  tdarrServer: 'web',
  proxyHttp: 'lan',
  proxyHttps: 'lan',
  // NPM's admin answers without a login until wiring creates the first user (setup mode): never on the LAN.
  proxyAdmin: 'app',
};

/** The host address a port is published on for this choice. */
export function publishAddress(port: PortName, lanAccess: boolean): '127.0.0.1' | '0.0.0.0' {
  const e = portExposure[port];
  return e === 'lan' || (e === 'web' && lanAccess) ? '0.0.0.0' : '127.0.0.1';
}

/**
 * Default images: every service pinned to the newest tag of the known-versions table (image-versions.ts), never
 * `latest`, so what runs is what the catalog's assumptions were checked against.
 */
export const defaultImages: Record<CatalogService, string> = newestImages();

// registry[:port]/path/name:tag or @sha256:digest; lower-case path components as the distribution spec requires.
// Like docker, a first component is a registry only if it has a dot or a port, or is localhost.
const IMAGE_REF =
  /^(?:(?:[a-zA-Z0-9-]+(?:\.[a-zA-Z0-9-]+)+(?::\d+)?|[a-zA-Z0-9-]+:\d+|localhost)\/)?[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*(?::[\w][\w.-]{0,127}|@sha256:[a-f0-9]{64})$/;
export const ImageRefSchema = z
  .string()
  .regex(IMAGE_REF, { message: 'must be an image reference like registry/name:tag (tag or @sha256 digest required)' });

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
/** gluetun appends /32 to an address without a prefix (settings/wireguard.go l.253-256 at v3.41.1); we store it whole. */
const WgAddressSchema = z
  .string()
  .transform((v) => (v.includes('/') ? v.trim() : `${v.trim()}/32`))
  .pipe(
    z.string().regex(CIDR, {
      message: 'must be the IPv4 Address of your WireGuard config, like 10.64.222.21/32 (gluetun needs the IPv4 one)',
    }),
  );
const SERVER_NAME = /^[\p{L}\p{N} .'-]+$/u;

const ServicesSchema = z
  .object({
    qbittorrent: z.boolean(),
    nzbget: z.boolean(),
    tdarr: z.boolean().default(false),
    /**
     * FlareSolverr, the challenge solver Prowlarr uses as an indexer proxy for sites behind a browser check. Off by
     * default (it runs a headless Chromium); when on, wiring adds it to Prowlarr under the `flaresolverr` tag.
     */
    flaresolverr: z.boolean().default(false),
    proxy: z
      .object({
        enabled: z.boolean(),
        domain: z
          .string()
          .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i, {
            message: 'must be a domain name like media.example.com',
          })
          .optional(),
        acmeEmail: z.email({ message: 'must be an e-mail address' }).optional(),
      })
      .strict()
      .default({ enabled: false }),
  })
  .strict();

const VpnSchema = z
  .object({
    provider: VpnProviderSchema,
    type: z.enum(['openvpn', 'wireguard']),
    /** WIREGUARD_ADDRESSES: the interface address from the provider's WireGuard config (not a secret); see vpnTable. */
    wireguardAddresses: z.array(WgAddressSchema).default([]),
    serverCountries: z
      .array(z.string().regex(SERVER_NAME, { message: 'must be a country name as gluetun lists it' }))
      .default([]),
    serverCities: z
      .array(z.string().regex(SERVER_NAME, { message: 'must be a city name as gluetun lists it' }))
      .default([]),
    /** Subnets gluetun's firewall lets reach the published web ports (FIREWALL_OUTBOUND_SUBNETS). */
    lanSubnets: z
      .array(z.string().regex(CIDR, { message: 'must be an IPv4 CIDR like 192.168.1.0/24' }))
      .default(['192.168.0.0/16']),
  })
  .strict();

const portsShape = Object.fromEntries(Object.entries(defaultPorts).map(([k, v]) => [k, PortSchema.default(v)])) as {
  [K in PortName]: z.ZodDefault<typeof PortSchema>;
};
const imagesShape = Object.fromEntries(
  Object.entries(defaultImages).map(([k, v]) => [k, ImageRefSchema.default(v)]),
) as {
  [K in CatalogService]: z.ZodDefault<typeof ImageRefSchema>;
};

export const StackConfigSchema = z
  .object({
    version: z.literal(1).default(1),
    installRoot: HostPath('install root'),
    dataRoot: HostPath('data root'),
    timeZone: z
      .string()
      .refine(isIanaTimeZone, { message: 'must be an IANA time zone such as Europe/Berlin or America/New_York' }),
    puid: z.number().int().min(0).max(2147483647).default(1000),
    pgid: z.number().int().min(0).max(2147483647).default(1000),
    services: ServicesSchema,
    vpn: VpnSchema,
    /**
     * "Reach my apps from other devices on my network": web UIs published on every interface instead of 127.0.0.1.
     * Off by default (docs/decisions.md D17); every service still asks for its login either way.
     */
    lanAccess: z.boolean().default(false),
    ports: z.object(portsShape).strict().default(defaultPorts),
    images: z.object(imagesShape).strict().default(defaultImages),
    /** Set by "Migrate to NAS" once the library lives on the target; absent for a local-only install. */
    nas: NasConfigSchema.optional(),
    /** How many earlier versions of the stack files `.backups` keeps (docs/decisions.md D30); absent: 10. */
    keepBackups: z.number().int().min(1).max(1000).optional(),
    /** NZBGet's news server (no password: the vault's nzbget.server.password); only used when NZBGet is on. */
    usenet: UsenetServerSchema.optional(),
    /** Tdarr's internal node and its workers (contract/tdarr.ts); absent = internal node on, Tdarr's worker defaults. */
    tdarr: TdarrConfigSchema.optional(),
  })
  .strict()
  .superRefine((cfg, ctx) => {
    if (!cfg.services.qbittorrent && !cfg.services.nzbget) {
      ctx.addIssue({
        code: 'custom',
        path: ['services', 'qbittorrent'],
        message: 'at least one download client is needed: turn on qBittorrent or NZBGet',
      });
    }
    const proxy = cfg.services.proxy;
    if (proxy.enabled && !proxy.domain)
      ctx.addIssue({
        code: 'custom',
        path: ['services', 'proxy', 'domain'],
        message: 'the reverse proxy needs a domain',
      });
    if (proxy.enabled && !proxy.acmeEmail)
      ctx.addIssue({
        code: 'custom',
        path: ['services', 'proxy', 'acmeEmail'],
        message: "the reverse proxy needs an e-mail for Let's Encrypt",
      });
    const seen = new Map<number, PortName>();
    for (const name of enabledPorts(cfg)) {
      const port = cfg.ports[name];
      const other = seen.get(port);
      if (other)
        ctx.addIssue({
          code: 'custom',
          path: ['ports', name],
          message: `port ${port} is already used by ports.${other}; pick a different host port`,
        });
      else seen.set(port, name);
    }
    vpnIssues(cfg.vpn, ctx);
    if (samePath(cfg.installRoot, cfg.dataRoot))
      ctx.addIssue({
        code: 'custom',
        path: ['dataRoot'],
        message: 'must differ from installRoot (the stack files and the media tree are kept apart)',
      });
    if (cfg.nas && (samePath(cfg.nas.target, cfg.dataRoot) || samePath(cfg.nas.target, cfg.installRoot))) {
      ctx.addIssue({
        code: 'custom',
        path: ['nas', 'target'],
        message: 'must differ from dataRoot and installRoot (it is where the library moves to)',
      });
    }
  });

export type StackConfigInput = z.input<typeof StackConfigSchema>;
export type StackConfig = z.infer<typeof StackConfigSchema>;

type PortCheckInput = {
  services: { nzbget: boolean; qbittorrent: boolean; tdarr: boolean; proxy: { enabled: boolean } };
};

/** Host ports that will actually be published for this selection, in a fixed order. */
export function enabledPorts(cfg: PortCheckInput): PortName[] {
  const s = cfg.services;
  const names: PortName[] = ['vpnControl', 'plex', 'prowlarr', 'radarr', 'sonarr', 'bazarr', 'seerr'];
  if (s.qbittorrent) names.push('qbittorrent');
  if (s.nzbget) names.push('nzbget');
  if (s.tdarr) names.push('tdarr', 'tdarrServer');
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
    flaresolverr: s.flaresolverr,
  };
  return catalogServices.filter((n) => on[n]);
}

/** The provider table's rules (vpn-providers.ts): protocol offered, fields present, location filters known. */
function vpnIssues(vpn: z.infer<typeof VpnSchema>, ctx: z.RefinementCtx): void {
  const rule = vpnRule(vpn.provider, vpn.type);
  if (!rule)
    return void ctx.addIssue({ code: 'custom', path: ['vpn', 'type'], message: refusedReason(vpn.provider, vpn.type) });
  const allowed = new Set<VpnFieldId>([...rule.required, ...rule.optional]);
  if (rule.required.includes('wireguardAddresses') && vpn.wireguardAddresses.length === 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['vpn', 'wireguardAddresses'],
      message: `${vpn.provider} WireGuard needs your interface address. ${vpnFields.wireguardAddresses.hint}`,
    });
  }
  if (!allowed.has('wireguardAddresses') && vpn.wireguardAddresses.length > 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['vpn', 'wireguardAddresses'],
      message: `is only used with WireGuard for providers that need it; remove it for ${vpn.provider} ${vpn.type}`,
    });
  }
  const row = vpnTable[vpn.provider];
  if (!row.countries && vpn.serverCountries.length > 0)
    ctx.addIssue({
      code: 'custom',
      path: ['vpn', 'serverCountries'],
      message: `${vpn.provider} servers are not listed by country in gluetun; leave the countries empty`,
    });
  if (!row.cities && vpn.serverCities.length > 0)
    ctx.addIssue({
      code: 'custom',
      path: ['vpn', 'serverCities'],
      message: `${vpn.provider} servers are not listed by city in gluetun; leave the cities empty`,
    });
}

function samePath(a: string, b: string): boolean {
  return a.replace(/\/+$/, '').toLowerCase() === b.replace(/\/+$/, '').toLowerCase();
}

// ---- Calls over StackConfig (doors: wizard, CLI, bridge) ----

/** A config object (wizard, bridge), or YAML text (an answers file or stack.yml; `source` names the file in errors). */
export const StackConfigValidateInputSchema = z
  .object({
    config: z.unknown().optional(),
    yaml: z.string().max(1_048_576).optional(),
    source: z.string().min(1).max(4096).optional(),
  })
  .strict();
/** When valid, `config` is the effective config (defaults filled in), ready for stack.install. */
export const StackConfigValidationSchema = z.object({
  valid: z.boolean(),
  errors: z.array(UpsErrorSchema),
  config: StackConfigSchema.optional(),
});
export type StackConfigValidation = z.infer<typeof StackConfigValidationSchema>;

/** Install = write stack.yml/compose.yaml/.env (+ generated secrets); with `start`, also /data, seeds, up, healthy. */
export const StackInstallInputSchema = z
  .object({
    config: z.unknown(),
    start: z.boolean().default(true),
    operationId: OperationIdSchema.optional(),
    /** The wizard's quality choice, written into arr.yml (a new file's default; an existing file's preset lines). */
    qualityPreset: QualityPresetNameSchema.optional(),
  })
  .strict();
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
  /** After start: the services connected to each other (plan → apply → link tests), with every link's state. */
  wiring: StackWiringResultSchema.nullable().optional(),
});
export type StackInstallResult = z.infer<typeof StackInstallResultSchema>;
