// The architecture rules are enforced by ESLint: electron only in main/preload, ipcMain/ipcRenderer only in the binders.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/cli';

const eslint = new ESLint({ cwd: repoRoot });

async function ruleIdsFor(code: string, filePath: string): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath });
  return (r?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('architecture lint rules', () => {
  it('forbids electron in core, cli, bridge and renderer', async () => {
    for (const file of ['src/core/app/x.ts', 'src/cli/x.ts', 'src/bridge/x.ts', 'src/renderer/x.ts']) {
      expect(await ruleIdsFor("import { app } from 'electron';\nexport const a = app;\n", file)).toContain('no-restricted-imports');
    }
  });

  it('allows electron in main and preload', async () => {
    expect(await ruleIdsFor("import { app } from 'electron';\nexport const a = app;\n", 'src/main/x.ts')).toEqual([]);
    expect(await ruleIdsFor("import { contextBridge } from 'electron';\nexport const c = contextBridge;\n", 'src/preload/x.ts')).toEqual([]);
  });

  it('allows ipcMain only in the main binder and ipcRenderer only in the preload binder', async () => {
    expect(await ruleIdsFor("import { ipcMain } from 'electron';\nexport const i = ipcMain;\n", 'src/main/other.ts')).toContain('no-restricted-imports');
    expect(await ruleIdsFor("import { ipcMain } from 'electron';\nexport const i = ipcMain;\n", 'src/main/ipc-binder.ts')).toEqual([]);
    expect(await ruleIdsFor("import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n", 'src/preload/other.ts')).toContain('no-restricted-imports');
    expect(await ruleIdsFor("import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n", 'src/preload/preload.ts')).toEqual([]);
  });
});
