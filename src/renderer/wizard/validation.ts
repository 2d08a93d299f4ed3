// Form validation for the wizard, straight from the StackConfig schema: each message names its field (installRoot: …).
import {
  StackConfigSchema,
  type StackConfig,
  type StackConfigInput,
  type WizardDraft,
  type WizardStep,
} from '../../core/contract';

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

/** Every issue of the whole draft, keyed by dotted field path, message prefixed with that path. */
export function validateDraft(draft: WizardDraft): { config?: StackConfig; errors: FieldErrors } {
  const parsed = StackConfigSchema.safeParse(candidateConfig(draft));
  if (parsed.success) return { config: parsed.data, errors: {} };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path.map(String).join('.');
    errors[field] ??= `${field}: ${issue.message}`;
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
