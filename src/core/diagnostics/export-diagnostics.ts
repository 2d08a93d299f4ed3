// Builds the diagnostics bundle: runs each source with a time limit, scrubs every entry, zips, writes atomically.
// A source that fails becomes an entry saying why, so one broken part never costs the rest of the bundle.
import type { DiagnosticsExport } from '../contract';
import { writeFileAtomic } from '../fs/atomic-write';
import type { Redactor } from '../log/redactor';
import { censorSecretKeys } from './secret-scrub';
import { zipEntries, type BundleEntry } from './diagnostics-zip';

export interface DiagnosticsSource {
  /** Entry name(s) in the zip. A source may answer several entries (the log folder). */
  name: string;
  collect(): Promise<string | BundleEntry[]>;
  /** Text from outside the app's logger (compose output, files): censor credential-named keys as well. */
  foreign?: boolean;
}

export interface ExportOptions {
  path: string;
  sources: DiagnosticsSource[];
  /** Knows every stored secret value (vaultRedactor). */
  redactor: Redactor;
  now: Date;
  /** Per source; a hung engine or service must not hang the export. */
  timeoutMs?: number;
  header: Record<string, string>;
}

function timeLimit<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no answer within ${Math.round(ms / 1000)} s`)), ms);
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e: unknown) => (clearTimeout(t), reject(e instanceof Error ? e : new Error(String(e)))),
    );
  });
}

export async function exportDiagnostics(opts: ExportOptions): Promise<DiagnosticsExport> {
  const collected: (BundleEntry & { collected: boolean; foreign: boolean })[] = [];
  for (const source of opts.sources) {
    const foreign = source.foreign ?? false;
    try {
      const got = await timeLimit(source.collect(), opts.timeoutMs ?? 30_000);
      const parts = typeof got === 'string' ? [{ name: source.name, text: got }] : got;
      for (const p of parts) collected.push({ ...p, collected: true, foreign });
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      collected.push({ name: source.name, text: `Could not be collected: ${why}\n`, collected: false, foreign });
    }
  }
  // Every entry passes the value redactor (and the key censor for foreign text): the manifest included.
  const scrub = (e: { text: string; foreign: boolean }) =>
    opts.redactor.redact(e.foreign ? censorSecretKeys(e.text) : e.text);
  const manifest = [
    'Ultimate Plex Stack diagnostics',
    ...Object.entries({ ...opts.header, created: opts.now.toISOString() }).map(([k, v]) => `${k}: ${v}`),
    '',
    'Every stored secret and every credential-named setting is replaced by [REDACTED].',
    '',
    ...collected.map((e) => `${e.collected ? 'ok     ' : 'FAILED '} ${e.name}`),
    '',
  ].join('\n');
  const entries: BundleEntry[] = [
    { name: 'README.txt', text: scrub({ text: manifest, foreign: false }) },
    ...collected.map((e) => ({ name: e.name, text: scrub(e) })),
  ];
  const zip = zipEntries(entries, opts.now);
  // The bundle is the user's to share; 0o600 until they choose to.
  await writeFileAtomic(opts.path, zip, { mode: 0o600 });
  return {
    path: opts.path,
    bytes: zip.byteLength,
    entries: collected.map((e) => ({ name: e.name, collected: e.collected })),
  };
}
