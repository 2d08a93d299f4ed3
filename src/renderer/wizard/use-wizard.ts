// The wizard store bound to the door's api: what every step component uses to read the draft and move on.
import { useMemo } from 'react';
import type { WizardDraft, WizardStep } from '../../core/contract';
import { useWizardStore, wizardTransitions as t, type WizardState } from '../stores/wizard-store';
import { useUps } from '../ups-context';

export interface WizardActions {
  state: WizardState;
  next(patch?: Partial<WizardDraft>): Promise<void>;
  back(): Promise<void>;
  goTo(step: WizardStep): Promise<void>;
  apply(change: (s: WizardState) => WizardState): Promise<void>;
}

export function useWizard(): WizardActions {
  const api = useUps();
  const state = useWizardStore((s) => s.state);
  const apply = useWizardStore((s) => s.apply);
  // Stable across renders, so a step may depend on them in an effect (the install step starts once).
  const actions = useMemo<Omit<WizardActions, 'state'>>(
    () => ({
      next: (patch) => apply(api, (s) => t.next(patch ? t.patchDraft(s, patch) : s)),
      back: () => apply(api, t.back),
      goTo: (step) => apply(api, (s) => t.goTo(s, step)),
      apply: (change) => apply(api, change),
    }),
    [api, apply],
  );
  return { state, ...actions };
}
