// Which optional Compose flags the installed version has, decided by its version: machine-readable progress
// (`--progress json`) and `up --wait`. Compose v1 (docker-compose 1.x) has neither and keeps the text path.
import type { ComposeFacts } from '../../contract';

export interface ComposeFeatures {
  /** `--progress json` with the v2 line format the JSON tracker reads (json-progress.ts). */
  jsonProgress: boolean;
  /** `up --wait`: compose itself waits for the services to be running or healthy. */
  wait: boolean;
}

type Version = [number, number, number];

/** "2.40.3", "v2.29.1", "2.40.3-desktop.1" → [2, 40, 3]; anything else → null (no optional feature is assumed). */
export function parseVersion(version: string | undefined): Version | null {
  const m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version?.trim() ?? '');
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

function atLeast(v: Version, min: Version): boolean {
  for (let i = 0; i < 3; i++) if (v[i] !== min[i]) return v[i]! > min[i]!;
  return true;
}

// docker/compose v2.1.1 cmd/compose/up.go adds the `--wait` flag ("introduce up --wait condition"); v2.1.0 lacks it.
const WAIT_SINCE: Version = [2, 1, 1];
// docker/compose v2.29.0 pkg/progress/writer.go adds ModeJSON (`--progress json`, cmd/compose/compose.go), but its
// jsonMessage has only id/text/status; v2.29.1 pkg/progress/json.go adds parent_id, current, total and percent, which
// the byte counts need. The format read here is v2's as of v2.40.3 (the last v2). Compose v5 moved the writer to
// cmd/display/json.go (v5.0.0) and changed the meaning of the fields (`status` is Working/Done/Error, the pull's
// service events are named "Image <ref>"), so v3+ keeps the text path until that format is read too.
const JSON_PROGRESS_SINCE: Version = [2, 29, 1];

export function composeFeatures(facts: Pick<ComposeFacts, 'variant' | 'version'>): ComposeFeatures {
  const v = parseVersion(facts.version);
  if (facts.variant !== 'v2' || !v) return { jsonProgress: false, wait: false };
  return { jsonProgress: v[0] === 2 && atLeast(v, JSON_PROGRESS_SINCE), wait: atLeast(v, WAIT_SINCE) };
}
