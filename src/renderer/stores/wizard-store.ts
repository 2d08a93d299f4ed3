// Store for the setup wizard's state machine: pure transitions (tested) and a zustand shell that persists each step.
import { create } from 'zustand';
import {
  wizardSteps,
  type EnvCheck,
  type UpsApi,
  type UpsError,
  type WizardDraft,
  type WizardProgress,
  type WizardStep,
} from '../../core/contract';

export interface WizardState {
  step: WizardStep;
  completed: WizardStep[];
  draft: WizardDraft;
  checks?: { overall: EnvCheck['overall']; checkedAt: string };
}

export const initialWizard: WizardState = { step: 'welcome', completed: [], draft: {} };

const indexOf = (step: WizardStep) => wizardSteps.indexOf(step);
const sortSteps = (steps: WizardStep[]) => [...new Set(steps)].sort((a, b) => indexOf(a) - indexOf(b));

export const wizardTransitions = {
  /** Picks up where the user left off. An install cannot be resumed mid-way, so it reopens on review to start again. */
  resume(progress: WizardProgress | null): WizardState {
    if (!progress) return initialWizard;
    const step = progress.step === 'install' ? 'review' : progress.step;
    return {
      step,
      completed: sortSteps(progress.completed.filter((s) => indexOf(s) < indexOf(step))),
      draft: progress.draft,
      ...(progress.checks ? { checks: progress.checks } : {}),
    };
  },
  next(s: WizardState): WizardState {
    const i = indexOf(s.step);
    if (i >= wizardSteps.length - 1) return s;
    return { ...s, completed: sortSteps([...s.completed, s.step]), step: wizardSteps[i + 1]! };
  },
  back(s: WizardState): WizardState {
    const i = indexOf(s.step);
    // From "done" there is nothing to undo; from the first step there is nowhere to go.
    if (i === 0 || s.step === 'done') return s;
    return { ...s, step: wizardSteps[i - 1]! };
  },
  /** Jump to a step already reached (review's "change" links, the step list); later steps stay locked. */
  goTo(s: WizardState, step: WizardStep): WizardState {
    if (s.step === 'install' || s.step === 'done') return s;
    const reached = s.completed.includes(step) || indexOf(step) <= indexOf(s.step);
    return reached ? { ...s, step } : s;
  },
  patchDraft(s: WizardState, patch: Partial<WizardDraft>): WizardState {
    return { ...s, draft: { ...s.draft, ...patch } };
  },
  recordChecks(s: WizardState, result: Pick<EnvCheck, 'overall' | 'checkedAt'>): WizardState {
    return { ...s, checks: { overall: result.overall, checkedAt: result.checkedAt } };
  },
  toProgress(s: WizardState): WizardProgress {
    return {
      version: 1,
      step: s.step,
      completed: s.completed,
      draft: s.draft,
      ...(s.checks ? { checks: s.checks } : {}),
    };
  },
};

export interface WizardStore {
  state: WizardState;
  loaded: boolean;
  loadError?: UpsError;
  saveError?: UpsError;
  load(api: UpsApi): Promise<void>;
  /** Applies a transition and saves the result (no secrets: the draft schema is strict). */
  apply(api: UpsApi, change: (s: WizardState) => WizardState): Promise<void>;
}

export const useWizardStore = create<WizardStore>((set, get) => ({
  state: initialWizard,
  loaded: false,
  async load(api) {
    const res = await api.invoke('wizard.load', {});
    if (res.ok) set({ state: wizardTransitions.resume(res.value), loaded: true, loadError: undefined });
    else set({ state: initialWizard, loaded: true, loadError: res.error });
  },
  async apply(api, change) {
    const before = get().state;
    const after = change(before);
    if (after === before) return;
    set({ state: after });
    const res = await api.invoke('wizard.save', wizardTransitions.toProgress(after));
    set({ saveError: res.ok ? undefined : res.error });
  },
}));
