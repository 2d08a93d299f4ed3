// End to end on a real SMB share: Debian's samba (smbd, private config, loopback only) serves a share that a FUSE SMB
// client (smbnetfs) mounts (tests/helpers/smb-share.ts); the migration plans (hardlinks reported unsupported there),
// copies and verifies onto it, and the files the SMB server stores are identical by hash to the source.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMigrateService } from '../../src/core/migrate/migrate-service';
import { contentView, fingerprint, generateLibrary } from '../helpers/library-generator';
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
