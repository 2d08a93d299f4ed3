// Kill -9 trials: `ups migrate` runs as a separate process (the built CLI), is killed at random points at least
// 20 times and resumed; after every kill no wrong file sits at a final name, and in the end the target is identical
// to the source by hash, the journal is consistent and no partial file is left (tests/helpers/migrate-kill-trials.ts;
// the same trials onto a real SMB share are in migrate-smb.test.ts, which owns the share's smbd on port 445).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { killTrials, requireBuiltCli, trialIn } from '../helpers/migrate-kill-trials';

const KILLS = 20;

let dir: string;

beforeAll(async () => {
  requireBuiltCli();
  dir = await mkdtemp(path.join(process.env.UPS_CI_TMP ?? os.tmpdir(), 'ups-t-migrate-kill-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('migrate survives kill -9', () => {
  it(`resumes after ${KILLS}+ random kills to a target identical to the source`, async () => {
    // Large enough that 20 kills (each after at most ~one file + 20 ms of copying) cannot finish it early on fast disks.
    const t = await trialIn(path.join(dir, 'local'), path.join(dir, 'nas'), {
      largeBytes: 10 << 20,
      largeCount: 48,
      smallCount: 120,
    });
    await killTrials(t, KILLS);
  }, 300_000);
});
