// The shape every wiring step and link test follows (docs/decisions.md D3, one level up): plan → diff → apply, then test.
import type { FixAction, ProgressEvent } from '../contract';

export type ChangeAction = 'create' | 'update' | 'delete' | 'nothing';

/** One resource in one service, as the plan sees it. `reason` is shown to the user as-is. */
export interface PlannedChange {
  service: string;
  resource: string;
  action: ChangeAction;
  reason: string;
  /** Hand drift the user may keep instead: the arr.yml path and the service's current value (arrConfig.adopt). */
  keep?: { path: string[]; value: string | number | boolean | string[] }[];
}

export interface WiringStep {
  /** Unique, e.g. `radarr.download-client.qbittorrent`. */
  id: string;
  service: string;
  /** Step ids that must be applied first (e.g. Prowlarr apps need Radarr's API reachable). */
  dependsOn: string[];
  /** Reads the service's current state (GET only) and returns what apply would change. */
  plan(): Promise<PlannedChange[]>;
  /** Performs exactly the non-`nothing` changes of a fresh plan. */
  apply(changes: PlannedChange[], progress: (p: ProgressEvent) => void): Promise<void>;
}

export interface LinkTestResult {
  id: string;
  from: string;
  to: string;
  ok: boolean;
  detail: string;
  fix?: string;
  action?: FixAction;
}

export interface LinkTest {
  id: string;
  from: string;
  to: string;
  /** Calls the service's own test endpoint or an equivalent round trip. Never throws: failures are results. */
  run(): Promise<LinkTestResult>;
}
