// The install's progress pushes folded into one plain checklist (✓ / spinner / ✗ per step) and one overall fraction;
// internal step ids (pull, seed, nzbget.config…) never reach the screen.
import type { ProgressEvent } from '../../core/contract';
import { installPhaseNames } from '../display-names';

export type PhaseId = keyof typeof installPhaseNames;
export type PhaseState = 'pending' | 'active' | 'done' | 'failed';

export const phases: { id: PhaseId; label: string }[] = (Object.keys(installPhaseNames) as PhaseId[]).map((id) => ({
  id,
  label: installPhaseNames[id],
}));

/** Which plain step an internal step belongs to; anything not named (Plex claim, every wiring step) is "connect". */
export function phaseOf(step: string): PhaseId {
  if (step === 'pull') return 'download';
  if (step === 'data') return 'folders';
  if (step === 'seed') return 'settings';
  if (step === 'up' || step === 'healthy') return 'start';
  return 'connect';
}

export interface Checklist {
  items: { id: PhaseId; label: string; state: PhaseState }[];
  /** 0..1 over the whole install. */
  overall: number;
  /** The latest download event, when the download is the step in progress. */
  download?: ProgressEvent;
}

/** `steps` in arrival order (latest per internal step); `outcome` is how the install call ended, if it has. */
export function buildChecklist(steps: ProgressEvent[], outcome: 'running' | 'failed' | 'done'): Checklist {
  const reached = steps.map((p) => phases.findIndex((ph) => ph.id === phaseOf(p.step)));
  // Steps can be skipped (no download when every image is here): the furthest step reached is the current one.
  const current = outcome === 'done' ? phases.length : Math.max(0, ...reached);
  const items = phases.map((ph, i) => ({
    ...ph,
    state: (i < current
      ? 'done'
      : i === current
        ? outcome === 'failed'
          ? 'failed'
          : 'active'
        : 'pending') as PhaseState,
  }));
  const pull = [...steps].reverse().find((p) => p.step === 'pull');
  const inDownload = outcome !== 'done' && current === 0;
  const within = inDownload && pull ? pullFraction(pull) : 0;
  return {
    items,
    overall: Math.min(1, (current + within) / phases.length),
    ...(inDownload && pull ? { download: pull } : {}),
  };
}

/** Bytes when the engine reported sizes, else the count of images done. */
export function pullFraction(p: ProgressEvent): number {
  if (p.bytes && p.bytes.total > 0) return Math.min(1, p.bytes.done / p.bytes.total);
  return p.total > 0 ? Math.min(1, p.current / p.total) : 0;
}

const GB = 1e9;
const gb = (n: number) => (n / GB).toFixed(1);

/**
 * The download line: "3.2 of 11.0 GB downloaded · about 4 min left", or "2 of 9 apps downloaded" without sizes.
 * `rate` is bytes per second measured by the screen (undefined until two samples exist).
 */
export function downloadText(p: ProgressEvent, rate?: number): string {
  if (p.bytes && p.bytes.total > 0) {
    const left = p.bytes.total - p.bytes.done;
    const eta = rate && rate > 0 && left > 0 ? ` · ${timeLeft(left / rate)}` : '';
    return `${gb(p.bytes.done)} of ${gb(p.bytes.total)} GB downloaded${eta}`;
  }
  return p.total > 0 ? `${p.current} of ${p.total} apps downloaded` : 'Downloading the apps…';
}

export function timeLeft(seconds: number): string {
  if (seconds < 60) return 'less than a minute left';
  const min = Math.round(seconds / 60);
  if (min < 60) return `about ${min} min left`;
  const h = Math.floor(min / 60);
  return `about ${h} h ${min % 60} min left`;
}
