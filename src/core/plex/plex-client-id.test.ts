// The plex.tv client identifier: made once before install and kept, the same after install; stacks from before the
// file keep their install-derived one (nothing written); a damaged file is reported, not silently replaced.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StackConfigSchema } from '../contract';
import { sampleConfigInput } from '../stack/sample-config';
import { UpsFailure } from '../contract';
import { PLEX_CLIENT_FILE, readPlexClientId } from '../profile/plex-client-file';
import {
  ensurePlexClientId,
  installDerivedPlexClientId as legacyClientId,
  installedPlexClientId,
  plexClientIdFor,
} from './plex-client-id';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ups-t-plex-client-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const cfg = StackConfigSchema.parse(sampleConfigInput());

describe('plex client identifier', () => {
  it('before install: made once, kept in the config dir, and the same one after install', async () => {
    expect(await readPlexClientId(dir)).toBeNull();
    expect(await plexClientIdFor(dir, null)).toBeNull();
    const id = await ensurePlexClientId(dir, null);
    expect(id).toMatch(/^ups-[0-9a-f]{20}$/);
    expect(JSON.parse(await readFile(join(dir, PLEX_CLIENT_FILE), 'utf8'))).toEqual({ clientId: id });
    expect(await ensurePlexClientId(dir, null)).toBe(id);
    // Installed afterwards: the wiring and the install's claim use the sign-in's identifier, not the folder-derived one.
    expect(await installedPlexClientId(dir, cfg)).toBe(id);
    expect(id).not.toBe(legacyClientId(cfg));
    // No temp file is left behind by the atomic write.
    expect(await readdir(dir)).toEqual([PLEX_CLIENT_FILE]);
  });

  it('two profiles get two identifiers', async () => {
    const other = await mkdtemp(join(tmpdir(), 'ups-t-plex-client-'));
    try {
      expect(await ensurePlexClientId(other, null)).not.toBe(await ensurePlexClientId(dir, null));
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it('a stack installed before the file existed keeps its install-derived identifier, and nothing is written', async () => {
    expect(await ensurePlexClientId(dir, cfg)).toBe(legacyClientId(cfg));
    expect(await installedPlexClientId(dir, cfg)).toBe(legacyClientId(cfg));
    expect(await readdir(dir)).toEqual([]);
  });

  it('a damaged file is reported with the fix instead of silently becoming a new device', async () => {
    await writeFile(join(dir, PLEX_CLIENT_FILE), '{"clientId":"not-ours"}');
    const damaged = (await ensurePlexClientId(dir, null).catch((e: unknown) => e)) as UpsFailure;
    expect(damaged).toBeInstanceOf(UpsFailure);
    expect(damaged.error.message).toMatch(/plex-client\.json\) is damaged at "clientId"/);
    expect(damaged.error.fix).toMatch(/Set that file aside/);
    expect(damaged.error.action).toMatchObject({ action: 'file.setAside', input: { file: 'plexClientId' } });
    await writeFile(join(dir, PLEX_CLIENT_FILE), '{oops');
    await expect(readPlexClientId(dir)).rejects.toThrow(/plex-client\.json\) is damaged/);
  });
});
