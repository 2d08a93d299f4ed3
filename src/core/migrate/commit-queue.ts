// Group commit for the copy journal: a file renamed into place waits here until its folder is fsynced (which makes the
// rename durable) and its journal line is appended and fsynced. Files that arrive while one batch is being committed
// form the next batch, so with several files in flight each folder is fsynced once per batch and the journal once per
// batch instead of once per file; on a share each fsync is a round trip, on a local disk a journal commit
// (docs/decisions.md D33). The rule stays: no journal line before its file is durable under its final name.
import path from 'node:path';
import { fsyncDir } from './copy-file';
import type { FileRecord, Journal } from './journal';

interface Waiting {
  dst: string;
  rec: FileRecord;
  done(): void;
  fail(err: unknown): void;
}

export class CommitQueue {
  private waiting: Waiting[] = [];
  private busy = false;

  constructor(private readonly journal: Journal) {}

  /** Resolves once `rec` is in the journal on disk, after `dst`'s folder was fsynced; rejects if either failed. */
  commit(dst: string, rec: FileRecord): Promise<void> {
    return new Promise((done, fail) => {
      this.waiting.push({ dst, rec, done, fail });
      void this.run();
    });
  }

  private async run(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0);
        try {
          await Promise.all([...new Set(batch.map((w) => path.dirname(w.dst)))].map((d) => fsyncDir(d)));
          this.journal.appendMany(batch.map((w) => w.rec));
        } catch (err) {
          for (const w of batch) w.fail(err);
          continue;
        }
        for (const w of batch) w.done();
      }
    } finally {
      this.busy = false;
    }
  }
}
