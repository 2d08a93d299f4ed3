// Form validation for the wizard, straight from the StackConfig schema: errors keyed by field path, each message a
// sentence without that path (the box it sits under names the field already).
import {
  StackConfigSchema,
  type StackConfig,
  type StackConfigInput,
  type WizardDraft,
  type WizardStep,
} from '../../core/contract';
import { vpnProviderName } from '../display-names';

export type FieldErrors = Record<string, string>;

export const defaultServices: NonNullable<WizardDraft['services']> = {
  qbittorrent: true,
  nzbget: false,
  tdarr: false,
  proxy: { enabled: false },
};
export const defaultVpn: NonNullable<WizardDraft['vpn']> = {
  provider: 'nordvpn',
  type: 'openvpn',
  serverCountries: [],
};

/** Which top-level StackConfig fields each step owns: an issue is shown on the step that can fix it. */
const owned: Partial<Record<WizardStep, string[]>> = {
  location: ['installRoot', 'dataRoot', 'timeZone'],
  services: ['services', 'lanAccess', 'usenet'],
  vpn: ['vpn'],
};

export function stepOf(field: string): WizardStep | undefined {
  const root = field.split('.')[0] ?? '';
  return (Object.keys(owned) as WizardStep[]).find((step) => owned[step]?.includes(root));
}

/** The draft as a StackConfig input; unanswered sections take the defaults so a step is judged on its own fields. */
export function candidateConfig(draft: WizardDraft): StackConfigInput {
  return {
    installRoot: draft.installRoot ?? '',
    dataRoot: draft.dataRoot ?? '',
    timeZone: draft.timeZone ?? '',
    services: draft.services ?? defaultServices,
    lanAccess: draft.lanAccess ?? false,
    ...(draft.usenet && draft.services?.nzbget ? { usenet: draft.usenet } : {}),
    vpn: draft.vpn ?? defaultVpn,
  };
}

/** "must be on one line" → "Must be on one line". */
export const sentence = (message: string) => message.charAt(0).toUpperCase() + message.slice(1);

/** Every issue of the whole draft, keyed by dotted field path; the message never repeats the path. */
export function validateDraft(draft: WizardDraft): { config?: StackConfig; errors: FieldErrors } {
  const parsed = StackConfigSchema.safeParse(candidateConfig(draft));
  if (parsed.success) return { config: parsed.data, errors: {} };
  const errors: FieldErrors = {};
  // The core's messages name the provider by its id ("mullvad WireGuard needs…"): the user reads its own name.
  const provider = draft.vpn?.provider;
  const named = (m: string) => (provider ? m.replaceAll(provider, vpnProviderName(provider)) : m);
  for (const issue of parsed.error.issues) {
    const field = issue.path.map(String).join('.');
    errors[field] ??= sentence(named(issue.message));
  }
  return { errors };
}

/** The issues a step can fix; an empty object means the step may be left. */
export function validateStep(step: WizardStep, draft: WizardDraft): FieldErrors {
  const fields = owned[step];
  if (!fields) return {};
  const { errors } = validateDraft(draft);
  return Object.fromEntries(Object.entries(errors).filter(([field]) => fields.includes(field.split('.')[0] ?? '')));
}
