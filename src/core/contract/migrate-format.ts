// How a migration's progress reads in one line (the CLI prints it; the progress pushes carry it as their message).
import type { MigrateProgress } from './migrate';

export function progressMessage(p: MigrateProgress): string {
  const mib = (n: number) => `${(n / 2 ** 20).toFixed(1)} MiB`;
  const eta =
    p.etaSeconds === null
      ? ''
      : ` · ETA ${Math.floor(p.etaSeconds / 60)}m${String(p.etaSeconds % 60).padStart(2, '0')}s`;
  return `${p.filesDone}/${p.filesTotal} files · ${mib(p.bytesDone)} of ${mib(p.bytesTotal)} · ${mib(p.rateBps)}/s${eta}`;
}
