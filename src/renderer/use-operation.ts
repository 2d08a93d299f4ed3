// A screen's own long operation: it makes the operationId it sends, and shows the progress pushes carrying that id
// (never another window's or the tray's operation).
import { useCallback, useState } from 'react';
import type { ProgressEvent } from '../core/contract';
import { useProgressStore } from './stores/progress-store';

/** `<prefix>-<16 hex>`: unique enough per user, and plain enough for OperationIdSchema. getRandomValues works off https too. */
export function newOperationId(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return `${prefix}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export interface Operation {
  /** A fresh id for the next call; from now on `steps` are that call's. */
  next(): string;
  id?: string;
  steps: ProgressEvent[];
}

export function useOperation(prefix: string): Operation {
  const [id, setId] = useState<string>();
  const byStep = useProgressStore((s) => (id ? s.state.operations[id] : undefined));
  const next = useCallback(() => {
    const fresh = newOperationId(prefix);
    setId(fresh);
    return fresh;
  }, [prefix]);
  return { next, id, steps: byStep ? Object.values(byStep) : [] };
}
