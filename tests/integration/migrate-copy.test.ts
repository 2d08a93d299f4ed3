// Journaled copy + verify on real files: identical trees by hash, hardlink pair kept as one inode, times preserved,
// a source file changed mid-copy re-copied, pause leaves no partial file and resumes.
import { mkdir, mkdtemp, open, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { closeSync, openSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCopy } from '../../src/core/migrate/copier';
import { scanTree } from '../../src/core/migrate/scan';
import { findPartials } from '../../src/core/migrate/partials';
import { MARKER } from '../../src/core/migrate/target-check';
import { Journal, readJournal } from '../../src/core/migrate/journal';
import { contentView, fingerprint, generateLibrary, mtimeDiffs, sha256File } from '../helpers/library-generator';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(process.env.UPS_CI_TMP ?? os.tmpdir(), 'ups-t-migrate-copy-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function setup() {
  const src = path.join(dir, 'data');
  const dst = path.join(dir, 'nas');
  const lib = await generateLibrary(src);
  await mkdir(dst);
  await writeFile(path.join(dst, MARKER), 'plan\n'); // written by the plan step in real use
  const dev = (await stat(dst)).dev;
  return { src, dst, lib, dev, journalFile: path.join(dir, 'journal.jsonl') };
}

describe('migrate copy + verify', () => {
  it('copies everything: identical by hash, hardlink pair one inode, times kept, journal consistent', async () => {
    const { src, dst, lib, dev, journalFile } = await setup();
    const journal = Journal.open(journalFile, 'plan-1');
    const events: number[] = [];
    const out = await runCopy(
      { source: src, target: dst, sub: '', hardlinks: true, targetDev: dev, journal },
      { onProgress: (p) => events.push(p.bytesDone) },
    );
    journal.close();
    expect(out.status).toBe('done');
    const [a, b] = [await fingerprint(src), await fingerprint(dst)];
    expect(contentView(b)).toEqual(contentView(a));
    expect(mtimeDiffs(a, b)).toEqual([]);
    const [t, m] = lib.linkedPair.map((r) => b.get(r)!);
    expect(t!.ino).toBe(m!.ino);
    expect(t!.nlink).toBe(2);
    expect(events.at(-1)).toBe(lib.bytes); // the linked twin counts once: it is linked, not copied twice
    const { state } = readJournal(journalFile);
    expect(state.verified).toBe(true);
    for (const [rel, rec] of state.files) expect(await sha256File(path.join(dst, rel))).toBe(rec.h);
    expect([...state.links].map(([a, b]) => [a, b].sort())).toEqual([[...lib.linkedPair].sort()]);
    expect(await findPartials(dst)).toEqual([]);
  });

  it('media only copies /data/media and nothing else', async () => {
    const { src, dst, dev, journalFile } = await setup();
    const journal = Journal.open(journalFile, 'plan-m');
    const out = await runCopy({ source: src, target: dst, sub: 'media', hardlinks: false, targetDev: dev, journal });
    journal.close();
    expect(out.status).toBe('done');
    expect((await readdir(dst)).sort()).toEqual([MARKER, 'media']);
    expect(contentView(await fingerprint(dst, 'media'))).toEqual(contentView(await fingerprint(src, 'media')));
  });

  for (const sub of ['', 'media'])
    it(`${sub ? 'media only' : 'everything'}: Tdarr's transcode cache becomes an empty folder on the target, never copied`, async () => {
      const { src, dst, dev, journalFile } = await setup();
      const before = await scanTree(src, sub);
      await mkdir(path.join(src, 'tdarr-cache', 'job-1'), { recursive: true });
      await writeFile(path.join(src, 'tdarr-cache', 'job-1', 'Big-TdarrCacheFile-x.mkv'), Buffer.alloc(1 << 20, 7));
      // The plan's scan does not count it (same files, same bytes) and the copy neither copies nor journals it.
      const scan = await scanTree(src, sub);
      expect({ files: scan.files, bytes: scan.bytes }).toEqual({ files: before.files, bytes: before.bytes });
      expect(scan.entries.filter((e) => e.rel.startsWith('tdarr-cache'))).toEqual([]);
      const journal = Journal.open(journalFile, `plan-cache-${sub}`);
      const out = await runCopy({
        source: src,
        target: dst,
        sub,
        hardlinks: true,
        emptyFolders: ['tdarr-cache'],
        targetDev: dev,
        journal,
      });
      journal.close();
      expect(out.status).toBe('done');
      // The folder is there for Tdarr's /temp mount (compose-rewrite moves it with media), and it is empty.
      expect(await readdir(path.join(dst, 'tdarr-cache'))).toEqual([]);
      expect([...readJournal(journalFile).state.files.keys()].filter((r) => r.startsWith('tdarr-cache'))).toEqual([]);
    });

  it('re-copies and verifies a source file modified mid-copy', async () => {
    const { src, dst, dev, journalFile } = await setup();
    const big = 'media/movies/Big (2024)/Big.mkv';
    await mkdir(path.join(src, 'media/movies/Big (2024)'));
    const fh0 = await open(path.join(src, big), 'w');
    await fh0.write(Buffer.alloc(40 << 20, 1));
    await fh0.close();
    let touched = false;
    const journal = Journal.open(journalFile, 'plan-2');
    const out = await runCopy(
      { source: src, target: dst, sub: '', hardlinks: true, targetDev: dev, journal },
      {
        onProgress: (p) => {
          if (touched || p.currentFile !== big) return;
          touched = true;
          // Synchronous write: the source changes while its copy is in flight.
          const fd = openSync(path.join(src, big), 'r+');
          writeSync(fd, Buffer.alloc(1024, 7), 0, 1024, 30 << 20);
          closeSync(fd);
        },
      },
    );
    journal.close();
    expect(touched).toBe(true);
    expect(out.status).toBe('done');
    expect(out.recopied).toContain(big);
    expect(await sha256File(path.join(dst, big))).toBe(await sha256File(path.join(src, big)));
    expect(contentView(await fingerprint(dst))).toEqual(contentView(await fingerprint(src)));
  });

  it('pauses on request without leaving a partial file, then resumes to an identical tree', async () => {
    const { src, dst, dev, journalFile } = await setup();
    const j1 = Journal.open(journalFile, 'plan-3');
    // Pause once a few files are journaled, while others are still in flight (several files are copied at once).
    const first = await runCopy(
      { source: src, target: dst, sub: '', hardlinks: true, targetDev: dev, journal: j1 },
      { stopRequested: () => j1.state.files.size >= 3 },
    );
    j1.close();
    expect(first.status).toBe('stopped');
    expect(await findPartials(dst)).toEqual([]);
    const j2 = Journal.open(journalFile, 'plan-3');
    const done = j2.state.files.size;
    expect(done).toBeGreaterThan(0);
    const second = await runCopy({ source: src, target: dst, sub: '', hardlinks: true, targetDev: dev, journal: j2 });
    j2.close();
    expect(second.status).toBe('done');
    expect(contentView(await fingerprint(dst))).toEqual(contentView(await fingerprint(src)));
  });
});
