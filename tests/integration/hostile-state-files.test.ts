// Corrupt files for every reader of the app's own files: truncated, not JSON/YAML, the wrong shape, a folder in its
// place, empty. Each is answered with the file's path and a fix in plain words (no command names: the GUI shows them
// too), and nothing is replaced: the damaged file is still there, byte for byte, with nothing set aside
// (docs/decisions.md D30). Writers that run on their own (VPN watch, update history) refuse to overwrite one.
import Conf from 'conf';
import { appendFile, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  StackConfigSchema,
  UpsFailure,
  type FixAction,
  type UpdateRecord,
  type VpnCheck,
} from '../../src/core/contract';
import { createAppService } from '../../src/core/app/app-service';
import { writeInstallFiles } from '../../src/core/fs/install-writer';
import { serializeStackConfig } from '../../src/core/install/stack-file';
import { sampleConfigInput } from '../../src/core/stack/sample-config';
import { testAppDeps } from '../helpers/test-app';
import { appendHistory, historyFile, readHistory } from '../../src/core/engine/updates/update-history';
import { readVpnWatchRecord, recordVpnCheck, vpnWatchFile } from '../../src/core/engine/vpn-watch-record';
import { readInstalledStack, stackFilePath } from '../../src/core/install/read-installed-stack';
import { Journal } from '../../src/core/migrate/journal';
import { loadRecord, stateFiles } from '../../src/core/migrate/state-store';
import { PLEX_CLIENT_FILE, readPlexClientId } from '../../src/core/profile/plex-client-file';
import { engineChoiceFile, readEngineChoice } from '../../src/core/profile/engine-choice';
import { installPointerFile, readInstallRoot } from '../../src/core/profile/user-profile';
import { loadWizardProgress, saveWizardProgress, wizardFile } from '../../src/core/profile/wizard-progress';
import { openAppPrefs, prefsFile, PREFS_FILE_NAME } from '../../src/main/app-prefs';
import { requireBuiltCli, ups } from '../helpers/cli';
import { removeTempDirs, tempDir } from './stack-helpers';

type Kind = 'truncated' | 'not-json' | 'wrong-shape' | 'folder' | 'empty';
const jsonKinds: Record<Exclude<Kind, 'folder'>, string> = {
  truncated: '{"installRoot": "/srv/ups", "x": [1, 2',
  'not-json': 'this is not JSON at all\n',
  'wrong-shape': '[1, 2, 3]\n',
  empty: '',
};
const yamlKinds: Record<Exclude<Kind, 'folder'>, string> = {
  truncated: 'installRoot: /srv/ups\ndataRoot: [/srv/media\n',
  'not-json': '\t- : : not yaml\n  ]]]\n',
  'wrong-shape': '- just\n- a list\n',
  empty: '',
};
const kinds: Kind[] = ['truncated', 'not-json', 'wrong-shape', 'folder', 'empty'];

let base: string;
let n = 0;
beforeAll(async () => {
  base = await tempDir('hostile-state');
});
afterAll(removeTempDirs);

/** A fresh folder per case, so no case sees another's file. */
async function fresh(): Promise<string> {
  const dir = join(base, `case-${n++}`);
  await mkdir(dir, { recursive: true });
  return dir;
}

async function plant(file: string, kind: Kind, texts: Record<Exclude<Kind, 'folder'>, string>): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  if (kind === 'folder') await mkdir(join(file, 'inside'), { recursive: true });
  else await writeFile(file, texts[kind]);
}

/** The damaged file is exactly as planted and nothing was set aside or written beside it. */
async function expectUntouched(file: string, kind: Kind, texts: Record<Exclude<Kind, 'folder'>, string>) {
  if (kind === 'folder') expect((await stat(file)).isDirectory()).toBe(true);
  else expect(await readFile(file, 'utf8')).toBe(texts[kind]);
  const siblings = await readdir(dirname(file));
  expect(siblings.filter((s) => s.includes('.corrupt-') || s.includes('.tmp-'))).toEqual([]);
}

async function expectNamed(read: () => Promise<unknown>, file: string): Promise<UpsFailure> {
  const err = await read().then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, `${file} was read as if it were fine`).toBeInstanceOf(UpsFailure);
  const e = (err as UpsFailure).error;
  expect(e.message).toContain(file);
  expect(e.field).toBe(file);
  expect(e.fix ?? '').not.toBe('');
  // Plain words: no command names or flags in a fix the desktop app shows as well.
  expect(e.fix).not.toMatch(/`ups |\bups [a-z]+ |--[a-z]/);
  return err as UpsFailure;
}

interface Reader {
  name: string;
  /** The fix action the failure carries: what the app's button (or the CLI's printed command) does. */
  action?: FixAction;
  texts: Record<Exclude<Kind, 'folder'>, string>;
  /** Where the file goes in `dir`, and how the app reads it. */
  file(dir: string): string;
  read(dir: string): Promise<unknown>;
}

const readers: Reader[] = [
  {
    name: 'install pointer',
    action: { action: 'setup.start' } as FixAction,
    texts: jsonKinds,
    file: installPointerFile,
    read: readInstallRoot,
  },
  {
    name: 'stack.yml',
    action: { action: 'install.restorePrevious' } as FixAction,
    texts: yamlKinds,
    file: stackFilePath,
    read: readInstalledStack,
  },
  {
    name: 'wizard progress',
    action: { action: 'setup.start' } as FixAction,
    texts: jsonKinds,
    file: wizardFile,
    read: loadWizardProgress,
  },
  {
    name: 'plex client id',
    action: { action: 'file.setAside', input: { file: 'plexClientId' } } as FixAction,
    texts: jsonKinds,
    file: (d) => join(d, PLEX_CLIENT_FILE),
    read: readPlexClientId,
  },
  {
    name: 'engine choice',
    action: { action: 'file.setAside', input: { file: 'engineChoice' } } as FixAction,
    texts: jsonKinds,
    file: engineChoiceFile,
    // Read synchronously by the composition, so it answers the failure instead of throwing it (app/chosen-endpoint.ts).
    read: async (d) => {
      const r = readEngineChoice(d);
      if (!r.ok) throw r.error;
      return r.choice;
    },
  },
  {
    name: 'migration record',
    action: { action: 'migrate.plan' } as FixAction,
    texts: jsonKinds,
    file: (d) => stateFiles(d).record,
    read: loadRecord,
  },
  {
    name: 'update history',
    action: { action: 'file.setAside', input: { file: 'updateHistory' } } as FixAction,
    texts: jsonKinds,
    file: historyFile,
    read: readHistory,
  },
  {
    name: 'VPN watch record',
    action: { action: 'file.setAside', input: { file: 'vpnWatch' } } as FixAction,
    texts: jsonKinds,
    file: vpnWatchFile,
    read: readVpnWatchRecord,
  },
  {
    name: 'preferences',
    texts: jsonKinds,
    file: (d) => prefsFile(d),
    // The desktop app's start-up path: it must not throw, and it reports the problem instead.
    read: async (d) => {
      const opened = openAppPrefs(prefsFile(d), () => new Conf({ cwd: d, configName: PREFS_FILE_NAME }));
      expect(opened.prefs.read()).toBe('stable');
      const p = opened.problem();
      if (p) throw new UpsFailure(p);
    },
  },
];

describe.each(readers)('$name', (r) => {
  it.each(kinds)('%s: named with its path and a fix, nothing replaced', async (kind) => {
    const dir = await fresh();
    const file = r.file(dir);
    await plant(file, kind, r.texts);
    const err = await expectNamed(() => r.read(dir), file);
    if (r.action) expect(err.error.action).toMatchObject(r.action);
    await expectUntouched(file, kind, r.texts);
  });
});

describe('the migration copy journal', () => {
  const begin = '{"k":"begin","plan":"p1"}\n';
  it.each([
    ['a line that is not JSON', `${begin}garbage\n`],
    ['a line of the wrong shape', `${begin}{"k":"file","p":"x"}\n`],
  ])('%s: named with the path and line, nothing cut away', async (_what, text) => {
    const file = stateFiles(await fresh()).journal;
    await writeFile(file, text);
    expect(() => Journal.open(file, 'p1')).toThrow(/journal\.jsonl\) is damaged: line 2 is not a journal record/);
    expect(await readFile(file, 'utf8')).toBe(text);
  });

  it('a folder in its place is named', async () => {
    const file = stateFiles(await fresh()).journal;
    await mkdir(file);
    expect(() => Journal.open(file, 'p1')).toThrow(UpsFailure);
    expect(() => Journal.open(file, 'p1')).toThrow(file);
  });

  it('a torn last line (an append a crash cut short) is the one thing cut, by design', async () => {
    const file = stateFiles(await fresh()).journal;
    await writeFile(file, begin);
    await appendFile(file, '{"k":"file","p":"half');
    Journal.open(file, 'p1').close();
    expect(await readFile(file, 'utf8')).toBe(begin);
  });
});

describe('writers never overwrite a damaged file on their own', () => {
  const check: VpnCheck = {
    verdict: 'leak',
    reason: 'leak',
    stopped: ['qbittorrent'],
    checkedAt: '2026-01-01T00:00:00Z',
  };
  const record = { id: 'u1', kind: 'apply', outcome: 'applied' } as unknown as UpdateRecord;

  it('the VPN watch keeps a damaged record (it may hold the last alert)', async () => {
    const root = await fresh();
    await plant(vpnWatchFile(root), 'truncated', jsonKinds);
    await expectNamed(() => recordVpnCheck(root, check), vpnWatchFile(root));
    await expectUntouched(vpnWatchFile(root), 'truncated', jsonKinds);
  });

  it('appending to a damaged update history is refused', async () => {
    const root = await fresh();
    await plant(historyFile(root), 'wrong-shape', jsonKinds);
    await expectNamed(() => appendHistory(root, record), historyFile(root));
    await expectUntouched(historyFile(root), 'wrong-shape', jsonKinds);
  });

  it('saving the wizard after a damage report (starting setup again) keeps the damaged file aside', async () => {
    const dir = await fresh();
    await plant(wizardFile(dir), 'not-json', jsonKinds);
    await saveWizardProgress(dir, { version: 1, step: 'welcome', completed: [], draft: {} } as never);
    const aside = (await readdir(dir)).filter((f) => f.startsWith('wizard.json.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(await readFile(join(dir, aside[0]!), 'utf8')).toBe(jsonKinds['not-json']);
    expect(await loadWizardProgress(dir)).toMatchObject({ step: 'welcome' });
  });

  it('resetting the preferences (the fix, on the user choice) keeps the damaged file aside and opens afresh', async () => {
    const dir = await fresh();
    await plant(prefsFile(dir), 'truncated', jsonKinds);
    const opened = openAppPrefs(prefsFile(dir), () => new Conf({ cwd: dir, configName: PREFS_FILE_NAME }));
    expect(() => opened.prefs.write('beta')).toThrow(prefsFile(dir));
    const moved = opened.reset();
    expect(moved).toMatch(/preferences\.json\.corrupt-/);
    expect(await readFile(moved!, 'utf8')).toBe(jsonKinds.truncated);
    expect(opened.problem()).toBeNull();
    expect(opened.prefs.write('beta')).toBe('beta');
  });
});

describe('through the CLI door', () => {
  beforeAll(requireBuiltCli);

  it('a damaged install pointer is named by `ups config show` (exit 1), not a bare JSON error', async () => {
    const cfg = await fresh();
    await plant(installPointerFile(cfg), 'truncated', jsonKinds);
    const r = await ups(['config', 'show'], { UPS_CONFIG_DIR: cfg, DOCKER_HOST: `unix://${join(cfg, 'none.sock')}` });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(installPointerFile(cfg));
    expect(r.stderr).toContain('fix: Start setup again');
    await expectUntouched(installPointerFile(cfg), 'truncated', jsonKinds);
  });

  it('a damaged engine choice is named by `ups status` (exit 1) with the set-aside command, not DOCKER_HOST', async () => {
    const cfg = await fresh();
    await plant(engineChoiceFile(cfg), 'not-json', jsonKinds);
    const env = { UPS_CONFIG_DIR: cfg, DOCKER_HOST: `unix://${join(cfg, 'none.sock')}` };
    const r = await ups(['status'], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`(${engineChoiceFile(cfg)}) is damaged`);
    expect(r.stderr).toContain('run: ups repair set-aside engine-choice');
    expect(r.stderr).not.toContain('none.sock');
    await expectUntouched(engineChoiceFile(cfg), 'not-json', jsonKinds);
  });

  it('a folder in the place of stack.yml is named by `ups config show`', async () => {
    const cfg = await fresh();
    const root = join(cfg, 'stack');
    await mkdir(join(root, 'stack.yml'), { recursive: true });
    await writeFile(installPointerFile(cfg), JSON.stringify({ installRoot: root }));
    const r = await ups(['config', 'show'], { UPS_CONFIG_DIR: cfg, DOCKER_HOST: `unix://${join(cfg, 'none.sock')}` });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(join(root, 'stack.yml'));
    expect(r.stderr).toContain('a folder is in its place');
  });
});

describe('the fixes, on the user choice (through the App service)', () => {
  const appAt = (root: string | null, configDir: string) =>
    createAppService(testAppDeps({ installRoot: async () => root, configDir }));

  it.each([
    ['vpnWatch', vpnWatchFile],
    ['updateHistory', historyFile],
  ] as const)(
    'state.setAside %s keeps the damaged file, renamed, and the writer starts afresh',
    async (name, fileOf) => {
      const root = await fresh();
      await plant(fileOf(root), 'truncated', jsonKinds);
      const res = await appAt(root, await fresh()).call('state.setAside', { file: name });
      expect(res.ok).toBe(true);
      const movedTo = res.ok ? res.value.movedTo : null;
      expect(movedTo).toMatch(/\.corrupt-/);
      expect(await readFile(movedTo!, 'utf8')).toBe(jsonKinds.truncated);
      if (name === 'vpnWatch') {
        await recordVpnCheck(root, { verdict: 'safe', reason: 'fine', stopped: [], checkedAt: '2026-01-01T00:00:00Z' });
        expect((await readVpnWatchRecord(root)).last?.verdict).toBe('safe');
      } else expect(await readHistory(root)).toEqual([]);
    },
  );

  it('state.setAside plexClientId works in the profile folder, and answers null when nothing is there', async () => {
    const cfg = await fresh();
    const app = appAt(null, cfg);
    expect(await app.call('state.setAside', { file: 'plexClientId' })).toEqual({
      ok: true,
      value: { file: 'plexClientId', movedTo: null },
    });
    await plant(join(cfg, PLEX_CLIENT_FILE), 'wrong-shape', jsonKinds);
    const res = await app.call('state.setAside', { file: 'plexClientId' });
    expect(res.ok && res.value.movedTo).toMatch(/plex-client\.json\.corrupt-/);
    expect(await readPlexClientId(cfg)).toBeNull();
  });

  it('state.setAside engineChoice works in the profile folder, and the same App then follows DOCKER_HOST', async () => {
    const cfg = await fresh();
    await plant(engineChoiceFile(cfg), 'truncated', jsonKinds);
    const app = appAt(null, cfg);
    expect(await app.call('stack.status')).toMatchObject({
      ok: false,
      error: { field: engineChoiceFile(cfg), action: { action: 'file.setAside', input: { file: 'engineChoice' } } },
    });
    const res = await app.call('state.setAside', { file: 'engineChoice' });
    expect(res.ok && res.value.movedTo).toMatch(/engine\.json\.corrupt-/);
    expect(await readFile((res.ok && res.value.movedTo) || '', 'utf8')).toBe(jsonKinds.truncated);
    expect(readEngineChoice(cfg)).toEqual({ ok: true, choice: undefined });
    const after = await app.call('stack.status');
    expect(JSON.stringify(after)).not.toContain('engine.json');
  });

  it('install.restorePrevious puts back the last readable generation and keeps the damaged one as a backup', async () => {
    const root = await fresh();
    const first = StackConfigSchema.parse(sampleConfigInput({ installRoot: root, dataRoot: join(root, 'data') }));
    const second = { ...first, timeZone: first.timeZone === 'Europe/Paris' ? 'Europe/Rome' : 'Europe/Paris' };
    await writeInstallFiles(root, [{ name: 'stack.yml', content: serializeStackConfig(first) }]);
    await writeInstallFiles(root, [{ name: 'stack.yml', content: serializeStackConfig(second) }]);
    await writeFile(stackFilePath(root), yamlKinds.truncated); // a hand edit gone wrong
    await expect(readInstalledStack(root)).rejects.toThrow(/is damaged/);
    const res = await appAt(root, await fresh()).call('install.restorePrevious');
    expect(res).toMatchObject({ ok: true });
    expect((await readInstalledStack(root))?.timeZone).toBe(first.timeZone);
    const keptAs = res.ok ? res.value.keptAs : null;
    expect(keptAs).not.toBeNull();
    expect(await readFile(join(root, '.backups', keptAs!, 'stack.yml'), 'utf8')).toBe(yamlKinds.truncated);
  });

  it('install.restorePrevious with no readable backup says so and offers setup, writing nothing', async () => {
    const root = await fresh();
    await plant(stackFilePath(root), 'not-json', yamlKinds);
    const res = await appAt(root, await fresh()).call('install.restorePrevious');
    expect(res).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', action: { action: 'setup.start' } } });
    await expectUntouched(stackFilePath(root), 'not-json', yamlKinds);
  });
});

describe('the set-aside fix through the CLI door', () => {
  beforeAll(requireBuiltCli);

  it('`ups repair set-aside update-history` renames the damaged history and says where it went', async () => {
    const cfg = await fresh();
    const root = join(cfg, 'stack');
    await plant(historyFile(root), 'not-json', jsonKinds);
    await writeFile(installPointerFile(cfg), JSON.stringify({ installRoot: root }));
    const env = { UPS_CONFIG_DIR: cfg, DOCKER_HOST: `unix://${join(cfg, 'none.sock')}` };
    const r = await ups(['repair', 'set-aside', 'update-history'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/kept as .*update-history\.json\.corrupt-/);
    expect(await readHistory(root)).toEqual([]);
    await plant(engineChoiceFile(cfg), 'wrong-shape', jsonKinds);
    const engine = await ups(['repair', 'set-aside', 'engine-choice'], env);
    expect(engine.code).toBe(0);
    expect(engine.stdout).toMatch(/kept as .*engine\.json\.corrupt-/);
    expect(readEngineChoice(cfg)).toEqual({ ok: true, choice: undefined });
    const bad = await ups(['repair', 'set-aside', 'stack-yml'], env);
    expect(bad.code).toBe(2);
  });
});
