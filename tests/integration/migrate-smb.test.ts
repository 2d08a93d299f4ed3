// End to end on a real SMB share: Debian's samba (smbd, private config, loopback only) serves a share that a FUSE SMB
// client (smbnetfs) mounts (tests/helpers/smb-share.ts); the migration plans (hardlinks reported unsupported there),
// copies and verifies onto it, and the files the SMB server stores are identical by hash to the source. On this FUSE
// mount each file is written and read back with direct I/O (src/core/migrate/target-io.ts, docs/decisions.md D35),
// and `ups migrate` survives kill -9 onto it (the trials of migrate-kill9.test.ts, with fewer kills; here because
// this file owns the share: smbd listens on 127.0.0.1:445, one at a time).
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import { mkdir, readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyVerified, tempNameFor, VerifyMismatchError } from '../../src/core/migrate/copy-file';
import { createMigrateService } from '../../src/core/migrate/migrate-service';
import { writeModeFor } from '../../src/core/migrate/target-io';
import { contentView, fingerprint, generateLibrary } from '../helpers/library-generator';
import { killTrials, requireBuiltCli, trialIn } from '../helpers/migrate-kill-trials';
import { startSmbShare, type SmbShare } from '../helpers/smb-share';

let smb: SmbShare;
let dir: string;
const share = () => smb.share;

beforeAll(async () => {
  smb = await startSmbShare('ups-t-migrate-smb-');
  dir = smb.dir;
});

afterAll(async () => {
  await smb?.stop();
});

describe('migrate onto a real SMB share', () => {
  it('copies and verifies onto the share; the server stores identical files; hardlinks are reported unsupported', async () => {
    const src = path.join(dir, 'data');
    const lib = await generateLibrary(src, { largeBytes: 2 << 20, largeCount: 2, smallCount: 6 });
    const target = path.join(smb.mounted, 'ups');
    await mkdir(target);
    const svc = createMigrateService({
      stateDir: path.join(dir, 'state-m'),
      platform: process.platform,
      dataRoot: async () => src,
      composeFile: async () => null,
      stack: async () => null,
      hooks: async () => [],
    });
    const plan = await svc.plan({ to: target });
    expect(plan.hardlinks.supported).toBe(false);
    expect(plan.hardlinks.detail).toMatch(/refused a hardlink/);
    expect(plan.warnings.join(' ')).toMatch(/hardlinked file\(s\) will become separate copies/);
    expect((await svc.start()).phase).toBe('verified');
    // Read what the SMB server itself wrote, not only what the client shows.
    const onServer = await fingerprint(path.join(share(), 'ups'));
    expect(contentView(onServer)).toEqual(contentView(await fingerprint(src)));
    const [a, b] = lib.linkedPair.map((r) => onServer.get(r)!);
    expect(a!.sha256).toBe(b!.sha256);
    expect(a!.ino).not.toBe(b!.ino);
    const source = await fingerprint(src);
    for (const [rel, e] of onServer)
      if (e.kind === 'file' && source.has(rel))
        expect(Math.abs(e.mtimeMs! - source.get(rel)!.mtimeMs!), `${rel} mtime (SMB keeps seconds)`).toBeLessThan(1000);
  });
});

describe('one file onto the FUSE share, with direct I/O', () => {
  it('is written and read back directly; the server holds the same bytes and the source time', async () => {
    const folder = path.join(smb.mounted, 'direct');
    await mkdir(folder);
    expect(await writeModeFor(folder)).toBe('direct');
    const src = path.join(dir, 'direct-src.mkv');
    const body = randomBytes(3 * (1 << 20) + 5);
    await writeFile(src, body);
    await utimes(src, 1_600_000_000, 1_600_000_000);
    const r = await copyVerified(src, path.join(folder, 'film.mkv'), { stopRequested: () => false });
    expect(r.via).toBe('direct');
    expect(r.size).toBe(body.length);
    const stored = path.join(share(), 'direct', 'film.mkv');
    expect((await readFile(stored)).equals(body)).toBe(true);
    expect(Math.abs((await stat(stored)).mtimeMs - 1_600_000_000_000)).toBeLessThan(1000);
  });

  it('refuses a copy the server stored differently, and leaves no temp on the share', async () => {
    const folder = path.join(smb.mounted, 'damaged');
    await mkdir(folder);
    const src = path.join(dir, 'damaged-src.mkv');
    const len = 3 * (1 << 20);
    await writeFile(src, randomBytes(len));
    const dst = path.join(folder, 'film.mkv');
    // The server's own file under the temp name: changed behind the client once the last chunk is written, as a
    // failing NAS disk would. Only a read-back that reaches the server sees it.
    const onServer = path.join(share(), 'damaged', path.basename(tempNameFor(dst)));
    let written = 0;
    const damage = (n: number) => {
      written += n;
      if (written < len) return;
      const fd = openSync(onServer, 'r+');
      writeSync(fd, Buffer.from([0x00, 0x01, 0x02]), 0, 3, 0);
      closeSync(fd);
    };
    await expect(copyVerified(src, dst, { stopRequested: () => false, onBytes: damage })).rejects.toBeInstanceOf(
      VerifyMismatchError,
    );
    expect(await readdir(path.join(share(), 'damaged'))).toEqual([]);
  });
});

describe('kill -9 onto the share', () => {
  it('resumes after 8+ random kills to a share identical to the source, as the server stores it', async () => {
    requireBuiltCli();
    const t = await trialIn(path.join(dir, 'kill9'), path.join(smb.mounted, 'kill9'), {
      largeBytes: 4 << 20,
      largeCount: 24,
      smallCount: 40,
    });
    await killTrials(t, 8);
    expect(contentView(await fingerprint(path.join(share(), 'kill9')))).toEqual(contentView(await fingerprint(t.src)));
  }, 300_000);
});
