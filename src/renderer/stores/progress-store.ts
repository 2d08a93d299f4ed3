// Store for progress pushes (docs/decisions.md D13): the latest event per operation and step, so every long action shows a bar.
import { create } from 'zustand';
import type { ProgressEvent, PushEvent } from '../../core/contract';

export interface ProgressState {
  /** operationId → step → latest event, in arrival order. */
  operations: Record<string, Record<string, ProgressEvent>>;
}

export function applyProgress(s: ProgressState, event: PushEvent): ProgressState {
  if (event.type !== 'progress') return s;
  const p = event.progress;
  return { operations: { ...s.operations, [p.operationId]: { ...s.operations[p.operationId], [p.step]: p } } };
}

/** 0..1 for a progress bar; an unknown total shows as indeterminate (undefined). */
export function fraction(p: ProgressEvent): number | undefined {
  return p.total > 0 ? Math.min(1, p.current / p.total) : undefined;
}

export interface ProgressStore {
  state: ProgressState;
  push(event: PushEvent): void;
}

export const useProgressStore = create<ProgressStore>((set, get) => ({
  state: { operations: {} },
  push(event) {
    const next = applyProgress(get().state, event);
    if (next !== get().state) set({ state: next });
  },
}));
