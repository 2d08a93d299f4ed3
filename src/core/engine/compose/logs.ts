// `compose logs`: the last N lines of one service, or a follow stream the caller stops.
import { runCompose, spawnCompose, type ComposeTarget } from './compose-runner';

export async function composeLogs(target: ComposeTarget, service: string, tailLines: number): Promise<string> {
  const r = await runCompose(target, 'logs', ['--no-color', '--tail', String(tailLines), service], { timeoutMs: 60_000 });
  return r.stdout;
}

/** Streams new lines (redacted) until `stop()`; resolves `done` when compose exits. */
export function followLogs(target: ComposeTarget, service: string, tailLines: number, onLine: (line: string) => void): { stop(): void; done: Promise<void> } {
  // Not buffered: a follow runs for hours and its lines already went to onLine.
  const child = spawnCompose(target, 'logs', ['--no-color', '--follow', '--tail', String(tailLines), service], { onLine, buffer: false });
  return {
    stop: () => child.kill('SIGTERM'),
    done: child.then(() => undefined),
  };
}
