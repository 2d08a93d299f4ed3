// Turns Compose v2's `--progress json` lines into progress events: services pulled or containers up, and for pulls the
// bytes downloaded summed over every layer of every image. Field names and values as docker/compose v2.40.3 writes
// them (pkg/progress/json.go jsonMessage; pkg/compose/pull.go toPullProgressEvent; pkg/progress/event.go).
import * as z from 'zod';
import type { ProgressEvent } from '../../contract';

// One line: the JSON of jsonMessage (`omitempty` on every field, so any may be absent). A line that is not this shape
// (a plain warning, the final {"error":true,"message":…}) is not progress and is skipped.
const JsonLineSchema = z.object({
  'dry-run': z.boolean().optional(),
  tail: z.boolean().optional(),
  id: z.string().optional(),
  parent_id: z.string().optional(),
  text: z.string().optional(),
  status: z.string().optional(),
  current: z.number().nonnegative().optional(),
  total: z.number().nonnegative().optional(),
  percent: z.number().optional(),
});
export type JsonProgressLine = z.infer<typeof JsonLineSchema>;

export function parseJsonProgressLine(raw: string): JsonProgressLine | null {
  const line = raw.trim();
  if (!line.startsWith('{')) return null;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  const parsed = JsonLineSchema.safeParse(value);
  return parsed.success && parsed.data.id && !parsed.data.tail ? parsed.data : null;
}

// A layer's pull phases (pull.go constants, sent by the engine as the layer's status and copied to `text`).
const DOWNLOADING = 'Downloading';
// These end a layer's download: its bytes are all there even when the last "Downloading" line was short of the total.
const DOWNLOADED = new Set(['Download complete', 'Pull complete']);

interface Layer {
  done: number;
  total: number;
}

/** Pull lines: a service line has no parent_id (`text` Pulling, Pulled, Error…); a layer line names its service. */
export function createJsonPullTracker(operationId: string, expected: number, emit: (e: ProgressEvent) => void) {
  const services = new Set<string>();
  const pulled = new Set<string>();
  const layers = new Map<string, Layer>();
  let last = '';
  return (raw: string): void => {
    const l = parseJsonProgressLine(raw);
    if (!l) return;
    let message: string;
    if (l.parent_id) {
      const key = `${l.parent_id}/${l.id}`;
      const layer = layers.get(key) ?? { done: 0, total: 0 };
      // Only download lines count: "Extracting" reports unpacking of bytes already pulled, from zero again.
      if (l.text === DOWNLOADING && l.total) {
        layer.total = Math.max(layer.total, l.total);
        layer.done = Math.max(layer.done, Math.min(l.current ?? 0, layer.total));
      } else if (DOWNLOADED.has(l.text ?? '')) layer.done = layer.total;
      layers.set(key, layer);
      services.add(l.parent_id);
      message = `${l.parent_id}: ${(l.text ?? 'working').toLowerCase()}`;
    } else {
      services.add(l.id!);
      if (l.text === 'Pulled') pulled.add(l.id!);
      const what = [l.text, l.status].filter(Boolean).join(' ');
      message = `${l.id}: ${(what || 'working').toLowerCase()}`;
    }
    let done = 0;
    let total = 0;
    for (const layer of layers.values()) {
      done += layer.done;
      total += layer.total;
    }
    const event: ProgressEvent = {
      operationId,
      step: 'pull',
      current: pulled.size,
      total: Math.max(expected, services.size),
      message,
      bytes: { done, total },
    };
    // Layers report many times a second: only a change in counts, bytes or a service's state is pushed.
    const key = JSON.stringify([event.current, event.total, done, total, l.parent_id ? '' : message]);
    if (key === last) return;
    last = key;
    emit(event);
  };
}

// Container lines during `up`: id "Container <name>", the state in `status` (event.go NewEvent sets StatusText).
// With `--wait` a container is done once compose saw it running or healthy ("Healthy", convergence.go
// waitDependencies) or a one-shot exited cleanly ("Exited"); without it, once started.
const UP_DONE_WAIT = new Set(['Healthy', 'Exited']);
const UP_DONE = new Set(['Started', 'Running', 'Healthy', 'Exited']);

export function createJsonUpTracker(
  operationId: string,
  expected: number,
  wait: boolean,
  emit: (e: ProgressEvent) => void,
) {
  const doneWhen = wait ? UP_DONE_WAIT : UP_DONE;
  const seen = new Set<string>();
  const finished = new Set<string>();
  return (raw: string): void => {
    const l = parseJsonProgressLine(raw);
    if (!l || l.parent_id || !l.id!.startsWith('Container ')) return;
    const name = l.id!.slice('Container '.length);
    const state = l.status ?? l.text ?? '';
    seen.add(name);
    if (doneWhen.has(state)) finished.add(name);
    emit({
      operationId,
      step: 'up',
      current: finished.size,
      total: Math.max(expected, seen.size),
      message: `${name}: ${state.toLowerCase()}${finished.has(name) ? ' done' : ''}`,
    });
  };
}

// compose.go (v2.40.3) prints the failure itself as {"error":true,"message":…} (makeJSONError) and, in JSON mode, its
// warnings through logrus' JSONFormatter ({"level":…,"msg":…}).
const JsonTextSchema = z.object({ message: z.string().optional(), msg: z.string().optional() });

/**
 * JSON-mode output back into plain lines for error messages: the failure's message, warnings' text, and events as
 * "<id> <text> <status>"; other lines are kept as they are.
 */
export function jsonOutputAsText(output: string): string {
  return output
    .split('\n')
    .map((raw) => {
      const event = parseJsonProgressLine(raw);
      if (event) return [event.id, event.text, event.status].filter(Boolean).join(' ');
      if (!raw.trim().startsWith('{')) return raw;
      try {
        const t = JsonTextSchema.safeParse(JSON.parse(raw));
        return (t.success && (t.data.message ?? t.data.msg)) || raw;
      } catch {
        return raw;
      }
    })
    .join('\n');
}
