// wizard.load / wizard.save: where the setup wizard stands, persisted WITHOUT secrets so it resumes after a restart.
import * as z from 'zod';
import { QualityPresetNameSchema } from './arr-config';
import { VpnProviderSchema } from './stack-config';

export const wizardSteps = [
  'welcome',
  'checks',
  'location',
  'services',
  'vpn',
  'plex',
  'review',
  'install',
  'done',
] as const;
export const WizardStepSchema = z.enum(wizardSteps);
export type WizardStep = z.infer<typeof WizardStepSchema>;

/**
 * The non-secret answers so far: a loose, partial StackConfig input (the strict StackConfig check runs per step and at
 * review). Every object is strict, so no extra key — a password above all — can ride along into the file.
 */
export const WizardDraftSchema = z
  .object({
    installRoot: z.string().max(400).optional(),
    dataRoot: z.string().max(400).optional(),
    timeZone: z.string().max(100).optional(),
    services: z
      .object({
        qbittorrent: z.boolean(),
        nzbget: z.boolean(),
        tdarr: z.boolean(),
        flaresolverr: z.boolean().optional(),
        proxy: z
          .object({
            enabled: z.boolean(),
            domain: z.string().max(253).optional(),
            acmeEmail: z.string().max(254).optional(),
          })
          .strict(),
      })
      .strict()
      .optional(),
    /** StackConfig.usenet: NZBGet's news server, without the password (that goes straight to the vault). */
    usenet: z
      .object({
        host: z.string().max(253),
        port: z.number().int(),
        tls: z.boolean(),
        username: z.string().max(200),
        connections: z.number().int(),
      })
      .strict()
      .optional(),
    /** arr.yml's quality preset for Radarr and Sonarr (Seerr requests with it); sent with stack.install. */
    qualityPreset: QualityPresetNameSchema.optional(),
    /** StackConfig.lanAccess: web UIs reachable from other devices on the network (docs/decisions.md D17). */
    lanAccess: z.boolean().optional(),
    vpn: z
      .object({
        provider: VpnProviderSchema,
        type: z.enum(['openvpn', 'wireguard']),
        serverCountries: z.array(z.string().max(60)).max(20),
        /** WIREGUARD_ADDRESSES where the provider needs it (vpnTable): an address, not a secret. */
        wireguardAddresses: z.array(z.string().max(50)).max(4).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type WizardDraft = z.infer<typeof WizardDraftSchema>;

export const WizardProgressSchema = z
  .object({
    version: z.literal(1),
    step: WizardStepSchema,
    completed: z.array(WizardStepSchema).max(wizardSteps.length),
    draft: WizardDraftSchema,
    /** The last checks verdict only (not the details: they are re-run on resume). */
    checks: z
      .object({ overall: z.enum(['ok', 'warn', 'fail']), checkedAt: z.string().max(40) })
      .strict()
      .optional(),
    savedAt: z.string().max(40).optional(),
  })
  .strict();
export type WizardProgress = z.infer<typeof WizardProgressSchema>;
/** wizard.load's answer: null before the first save. */
export const WizardLoadSchema = WizardProgressSchema.nullable();

export const WizardSaveResultSchema = z.object({ savedAt: z.string() });
