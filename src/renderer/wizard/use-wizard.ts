// The wizard store bound to the api: what every step component uses to read the draft and move on.
import type { UpsApi, WizardDraft, WizardStep } from '../../core/contract';
import { useWizardStore, wizardTransitions as t, type WizardState } from '../stores/wizard-store';

export interface WizardActions {
  state: WizardState;
  next(patch?: Partial<WizardDraft>): Promise<void>;
  back(): Promise<void>;
  goTo(step: WizardStep): Promise<void>;
  apply(change: (s: WizardState) => WizardState): Promise<void>;
}

export function useWizard(api: UpsApi): WizardActions {
  const state = useWizardStore((s) => s.state);
  const apply = useWizardStore((s) => s.apply);
  return {
    state,
    next: (patch) => apply(api, (s) => t.next(patch ? t.patchDraft(s, patch) : s)),
    back: () => apply(api, t.back),
    goTo: (step) => apply(api, (s) => t.goTo(s, step)),
    apply: (change) => apply(api, change),
  };
}
