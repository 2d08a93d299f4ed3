// Reads the engine's event stream (newline-delimited JSON) and reports its end as an error, so the mirror reconnects.
import type Docker from 'dockerode';
import { SERVICE_LABEL } from './stack-status';

export interface EngineEvent {
  /** start, die, stop, kill, restart, create, destroy, health_status: healthy, … */
  action: string;
  containerId: string;
  service: string | undefined;
  timeNano: number;
}

interface RawEvent {
  Type?: string;
  Action?: string;
  status?: string;
  id?: string;
  timeNano?: number;
  Actor?: { ID?: string; Attributes?: Record<string, string> };
}

export function toEngineEvent(raw: RawEvent): EngineEvent | null {
  const action = raw.Action ?? raw.status;
  const id = raw.Actor?.ID ?? raw.id;
  if (!action || !id) return null;
  return { action, containerId: id, service: raw.Actor?.Attributes?.[SERVICE_LABEL], timeNano: raw.timeNano ?? 0 };
}

/** Resolves once the stream is open; returns the function that closes it. `onEnd` fires once when it breaks. */
export async function readEventStream(
  docker: Docker,
  filters: Record<string, string[]>,
  onEvent: (e: EngineEvent) => void,
  onEnd: (reason: string) => void,
): Promise<() => void> {
  const stream = (await docker.getEvents({ filters })) as NodeJS.ReadableStream & { destroy?: () => void };
  let closed = false;
  let buf = '';
  const end = (reason: string) => {
    if (closed) return;
    closed = true;
    onEnd(reason);
  };
  stream.on('data', (chunk: Buffer) => {
    buf += chunk.toString('utf8');
    const lines = buf.split('\n');
    buf = lines.pop() ?? '';
    for (const l of lines) {
      if (!l.trim()) continue;
      try {
        const e = toEngineEvent(JSON.parse(l) as RawEvent);
        if (e) onEvent(e);
      } catch {
        // a torn line cannot happen with the split above; ignore anything that is not JSON
      }
    }
  });
  stream.on('end', () => end('event stream ended'));
  stream.on('close', () => end('event stream closed'));
  stream.on('error', (err: Error) => end(`event stream error: ${err.message}`));
  return () => {
    closed = true;
    stream.removeAllListeners();
    stream.on('error', () => undefined);
    stream.destroy?.();
  };
}
