// Which folder the disk check looks at: the installed stack's data root, else UPS_DATA_PATH, else home.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { readInstallRoot } from '../profile/user-profile';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StackConfigSchema } from '../contract';
import { sampleConfigInput } from '../stack/sample-config';
import { serializeStackConfig } from '../install/stack-file';
import { createHostContext, resolveDataLocation } from './host-context';

function install(dataRoot: string, text?: string): string {
  const root = mkdtempSync(join(tmpdir(), 'ups-t-dataloc-'));
  writeFileSync(
    join(root, 'stack.yml'),
    text ?? serializeStackConfig(StackConfigSchema.parse(sampleConfigInput({ installRoot: root, dataRoot }))),
  );
  return root;
}

describe('data location', () => {
  it("is the installed stack.yml's dataRoot, even when UPS_DATA_PATH is set", async () => {
    const root = install('/srv/media-drive');
    expect(await resolveDataLocation({ UPS_DATA_PATH: '/elsewhere' }, async () => root)).toEqual({
      path: '/srv/media-drive',
      source: 'stack',
    });
  });

  it('falls back to UPS_DATA_PATH, then home, when nothing is installed', async () => {
    expect(await resolveDataLocation({ UPS_DATA_PATH: '/elsewhere' }, async () => null)).toEqual({
      path: '/elsewhere',
      source: 'env',
    });
    expect(await resolveDataLocation({}, async () => null)).toEqual({ path: homedir(), source: 'home' });
  });

  it('falls back, and says why, when the install has no readable stack.yml', async () => {
    const broken = install('/x', 'dataRoot: [\n');
    const a = await resolveDataLocation({ UPS_DATA_PATH: '/elsewhere' }, async () => broken);
    expect(a).toMatchObject({ path: '/elsewhere', source: 'env' });
    expect(a.problem).toMatch(/stack\.yml\) is damaged: stack\.yml line 2 is not valid YAML/);
    const missing = await resolveDataLocation({}, async () => join(tmpdir(), 'ups-t-no-such-install'));
    expect(missing).toMatchObject({ source: 'home' });
    expect(missing.problem).toMatch(/ups-t-no-such-install\/stack\.yml does not exist/);
    const pointer = await resolveDataLocation({}, async () =>
      Promise.reject(new Error('install.json is not valid: bad shape')),
    );
    expect(pointer.problem).toBe('install.json is not valid: bad shape');
  });

  it('reads the data root of the stack the install pointer names, as production AppDeps.installRoot does', async () => {
    const root = install('/mnt/big-disk/media');
    const configDir = mkdtempSync(join(tmpdir(), 'ups-t-dataloc-cfg-'));
    writeFileSync(join(configDir, 'install.json'), JSON.stringify({ installRoot: root }));
    expect(await createHostContext({}, { installRoot: () => readInstallRoot(configDir) }).dataPath()).toEqual({
      path: '/mnt/big-disk/media',
      source: 'stack',
    });
    expect(await createHostContext({}, { installRoot: async () => null }).dataPath()).toMatchObject({ source: 'home' });
  });
});
