// The architecture rules are enforced by ESLint: electron only in main/preload, ipcMain/ipcRenderer only in the binders,
// the CLI reaches the core only through the contract, the log and the App service, and React's rules of hooks in the
// renderer.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/cli';

const eslint = new ESLint({ cwd: repoRoot });

/**
 * src/core is linted with type information, and typescript-eslint's project service knows only files that exist: a
 * planted `src/core/<folder>/x.ts` is linted as the text of a real file of that folder instead (the layer rule looks
 * at the folder only, so the verdict is the same).
 */
function lintablePath(filePath: string): string {
  if (!filePath.startsWith('src/core/') || existsSync(join(repoRoot, filePath))) return filePath;
  const dir = dirname(filePath);
  const real = readdirSync(join(repoRoot, dir))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort()[0];
  if (!real) throw new Error(`No .ts file in ${dir} to plant the text into.`);
  return join(dir, real);
}

async function ruleIdsFor(code: string, filePath: string): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath: lintablePath(filePath) });
  return (r?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('architecture lint rules', () => {
  it('forbids electron in core, cli, bridge and renderer', async () => {
    for (const file of ['src/core/app/x.ts', 'src/cli/x.ts', 'src/bridge/x.ts', 'src/renderer/x.ts']) {
      expect(
        (await ruleIdsFor("import { app } from 'electron';\nexport const a = app;\n", file)).some((id) =>
          /(^|\/)no-restricted-imports$/.test(id),
        ),
      ).toBe(true);
    }
  });

  it('lets the CLI import from core only the contract, the log and the AppService type', async () => {
    const cliRule = '@typescript-eslint/no-restricted-imports';
    // A use case or capability imported straight into a command is refused.
    expect(
      await ruleIdsFor(
        "import { initStack } from '../../core/stack/init-stack';\nexport const a = initStack;\n",
        'src/cli/commands/init.ts',
      ),
    ).toContain(cliRule);
    expect(
      await ruleIdsFor(
        "import { readInstallRoot } from '../../core/app/install-pointer';\nexport const a = readInstallRoot;\n",
        'src/cli/commands/config.ts',
      ),
    ).toContain(cliRule);
    // The App service as a value, and the production composition, only in src/cli/service.ts.
    expect(
      await ruleIdsFor(
        "import { createAppService } from '../core/app/app-service';\nexport const a = createAppService;\n",
        'src/cli/ups.ts',
      ),
    ).toContain(cliRule);
    expect(
      await ruleIdsFor(
        "import { defaultAppDeps } from '../core/app/default-deps';\nexport const a = defaultAppDeps;\n",
        'src/cli/ups.ts',
      ),
    ).toContain(cliRule);
    expect(
      await ruleIdsFor(
        "import { defaultAppDeps } from '../core/app/default-deps';\nexport const a = defaultAppDeps;\n",
        'src/cli/service.ts',
      ),
    ).toEqual([]);
    // What a door may use.
    expect(
      await ruleIdsFor(
        "import type { AppService } from '../core/app/app-service';\nexport type A = AppService;\n",
        'src/cli/x.ts',
      ),
    ).toEqual([]);
    expect(
      await ruleIdsFor("import { calls } from '../core/contract';\nexport const a = calls;\n", 'src/cli/x.ts'),
    ).toEqual([]);
    expect(
      await ruleIdsFor(
        "import { openDoorLog } from '../core/log/file-logger';\nexport const a = openDoorLog;\n",
        'src/cli/x.ts',
      ),
    ).toEqual([]);
  });

  it('allows electron in main and preload', async () => {
    expect(await ruleIdsFor("import { app } from 'electron';\nexport const a = app;\n", 'src/main/x.ts')).toEqual([]);
    expect(
      await ruleIdsFor(
        "import { contextBridge } from 'electron';\nexport const c = contextBridge;\n",
        'src/preload/x.ts',
      ),
    ).toEqual([]);
  });

  it('allows ipcMain only in the main binder and ipcRenderer only in the preload binder', async () => {
    expect(
      await ruleIdsFor("import { ipcMain } from 'electron';\nexport const i = ipcMain;\n", 'src/main/other.ts'),
    ).toContain('no-restricted-imports');
    expect(
      await ruleIdsFor("import { ipcMain } from 'electron';\nexport const i = ipcMain;\n", 'src/main/ipc-binder.ts'),
    ).toEqual([]);
    expect(
      await ruleIdsFor(
        "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n",
        'src/preload/other.ts',
      ),
    ).toContain('no-restricted-imports');
    expect(
      await ruleIdsFor(
        "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n",
        'src/preload/preload.ts',
      ),
    ).toEqual([]);
  });

  it('refuses imports that run back up the layers, and allows the ones going down', async () => {
    const up = [
      ["import { x } from '../app/app-service';", 'src/core/stack/x.ts'],
      ["import { x } from '../wiring/wiring-source';", 'src/core/plex/x.ts'],
      ["import { x } from '../stack/catalog';", 'src/core/probes/x.ts'],
      ["import { x } from '../engine/docker-endpoint';", 'src/core/probes/x.ts'],
      ["import { x } from '../vault/secret-vault';", 'src/core/contract/x.ts'],
      ["import { x } from '../../cli/ups';", 'src/core/app/x.ts'],
      ["import { x } from '../core/app/app-service';", 'src/renderer/x.ts'],
      ["export { x } from '../migrate/plan';", 'src/core/wiring/x.ts'],
      ["import { x } from '../diagnostics/export-diagnostics';", 'src/core/wiring/x.ts'],
      ["import { x } from '../migrate/plan';", 'src/core/diagnostics/x.ts'],
      ["import { x } from '../app/app-context';", 'src/core/diagnostics/x.ts'],
    ];
    for (const [code, file] of up)
      expect(await ruleIdsFor(`${code}\nexport const y = x;\n`, file!), file).toContain('ups/layers');
    const down = [
      ["import { x } from '../contract';", 'src/core/install/x.ts'],
      ["import { x } from '../fs/atomic-write';", 'src/core/profile/x.ts'],
      ["import { x } from '../stack/catalog';", 'src/core/wiring/x.ts'],
      ["import { x } from '../../core/contract';", 'src/renderer/x.ts'],
      ["import { x } from '../core/app/app-service';", 'src/cli/x.ts'],
      ["import { x } from '../wiring/wiring-source';", 'src/core/diagnostics/x.ts'],
      ["import { x } from '../../diagnostics/export-diagnostics';", 'src/core/app/handlers/x.ts'],
    ];
    for (const [code, file] of down)
      expect(await ruleIdsFor(`${code}\nexport const y = x;\n`, file!), file).not.toContain('ups/layers');
  });

  it('enforces the rules of hooks and the effect rules in the renderer', async () => {
    const conditional =
      "import { useState } from 'react';\nexport function C({ on }: { on: boolean }) {\n  if (on) return null;\n  const [x] = useState(0);\n  return x;\n}\n";
    expect(await ruleIdsFor(conditional, 'src/renderer/x.tsx')).toContain('react-hooks/rules-of-hooks');
    const setInEffect =
      "import { useEffect, useState } from 'react';\nexport function C() {\n  const [x, setX] = useState(0);\n  useEffect(() => {\n    setX(1);\n  }, []);\n  return x;\n}\n";
    expect(await ruleIdsFor(setInEffect, 'src/renderer/x.tsx')).toContain('react-hooks/set-state-in-effect');
    const missingDep =
      "import { useEffect } from 'react';\nexport function C({ n }: { n: number }) {\n  useEffect(() => {\n    console.log(n);\n  }, []);\n  return null;\n}\n";
    expect(await ruleIdsFor(missingDep, 'src/renderer/x.tsx')).toContain('react-hooks/exhaustive-deps');
  });
});
