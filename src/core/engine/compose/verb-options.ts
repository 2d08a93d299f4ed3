// What every lifecycle verb accepts: an operation id and a progress sink (docs/decisions.md D13).
import type { ProgressEvent } from '../../contract';

export interface VerbOptions {
  operationId?: string;
  onProgress?: (e: ProgressEvent) => void;
}

export function newOperationId(verb: string): string {
  return `${verb}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}
