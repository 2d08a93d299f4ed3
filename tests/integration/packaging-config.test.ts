// electron-builder.yml checked against electron-builder's own JSON schema, plus the installer decisions (docs/decisions.md D24).
import Ajv from 'ajv';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { trayIconFile, trayIconScales } from '../../src/core/tray/tray-icon-sizes';
import { trayIconKinds } from '../../src/core/tray/tray-state';
import { CLI_FLAG } from '../../src/main/launch-mode';

const repo = join(import.meta.dirname, '..', '..');
const schemaPath = join(repo, 'node_modules', 'app-builder-lib', 'scheme.json');
const config = parse(readFileSync(join(repo, 'electron-builder.yml'), 'utf8'));
const templatesDir = join(repo, 'node_modules', 'app-builder-lib', 'templates', 'nsis');
const nsisTemplates = [
  ...readdirSync(templatesDir),
  ...readdirSync(join(templatesDir, 'include')).map((f) => `include/${f}`),
]
  .filter((f) => /\.ns[hi]$/.test(f))
  .map((f) => readFileSync(join(templatesDir, f), 'utf8'))
  .join('\n');

/** The text of one `!macro NAME … !macroend` block of an NSIS script. */
function body(nsh: string, macro: string): string {
  const m = new RegExp(`!macro ${macro}\\b([\\s\\S]*?)\\n\\s*!macroend`).exec(nsh);
  if (!m) throw new Error(`macro ${macro} not found`);
  return m[1]!;
}

let compiled: ReturnType<Ajv['compile']> | undefined;
function validator() {
  if (compiled) return compiled;
  if (!existsSync(schemaPath))
    throw new Error(`${schemaPath} is missing: run \`npm ci\` (electron-builder is a devDependency).`);
  // strict off: the schema is draft-07 with electron-builder's own annotations, which Ajv's strict mode rejects.
  const ajv = new Ajv({ allErrors: true, strict: false });
  compiled = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
  return compiled;
}

describe('electron-builder.yml', () => {
  it('is valid against app-builder-lib/scheme.json', () => {
    const validate = validator();
    const ok = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema check can fail: a misspelt option is reported', () => {
    const validate = validator();
    expect(validate({ ...config, nsis: { ...config.nsis, oneclick: false } })).toBe(false);
    expect(validate.errors?.some((e) => e.instancePath === '/nsis')).toBe(true);
  });

  it('NSIS: assisted, per-user, directory choice, shortcuts; artifact named with version and arch', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowToChangeInstallationDirectory: true,
      // true (not 'always'): an update keeps the user's choice to delete the shortcut.
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
    });
    expect(config.nsis.artifactName).toContain('${version}');
    expect(config.nsis.artifactName).toContain('${arch}');
  });

  it('the appId is the AppUserModelID main sets, or Windows drops our notifications', () => {
    expect(readFileSync(join(repo, 'src', 'main', 'main.ts'), 'utf8')).toContain(
      `setAppUserModelId('${config.appId}')`,
    );
  });

  it('ships the compose catalog and tray icons as extra resources, and main looks for them there', () => {
    const extra = config.extraResources as { from: string; to: string }[];
    expect(extra).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ from: 'compose', to: 'compose' }),
        expect.objectContaining({ from: 'resources/tray', to: 'tray' }),
      ]),
    );
    for (const { from } of extra) expect(existsSync(join(repo, from)), from).toBe(true);
  });

  it('the tray folder it ships holds a 16, 20, 24 and 32 px PNG for every tray state, and nothing else', () => {
    const tray = join(repo, 'resources', 'tray');
    const expected = trayIconKinds.flatMap((kind) => trayIconScales.map((scale) => ({ kind, scale })));
    for (const { kind, scale } of expected) {
      const png = readFileSync(join(tray, trayIconFile(kind, scale)));
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], `${kind} ${scale.size}`).toEqual([scale.size, scale.size]);
    }
    expect(trayIconScales.map((s) => s.size)).toEqual([16, 20, 24, 32]);
    expect(readdirSync(tray).sort()).toEqual(expected.map((e) => trayIconFile(e.kind, e.scale)).sort());
  });

  it('publishes a generic feed for electron-updater, its URL from configuration', () => {
    expect(config.publish).toEqual({ provider: 'generic', url: '${env.UPS_UPDATE_FEED_URL}' });
  });

  it('hooks exist and export functions as electron-builder imports them: afterPack burns fuses, Windows signing skips without a certificate', async () => {
    for (const hook of [config.afterPack, config.win.signtoolOptions.sign]) {
      const mod = (await import(pathToFileURL(join(repo, hook)).href)) as { default?: unknown };
      expect(typeof mod.default, hook).toBe('function');
    }
  });

  it('icons: the Windows icon holds a 256 px image, as the NSIS and exe resources need', () => {
    const ico = readFileSync(join(repo, config.win.icon));
    expect(ico.readUInt16LE(2)).toBe(1); // type: icon
    const count = ico.readUInt16LE(4);
    const widths = Array.from({ length: count }, (_, i) => ico[6 + i * 16] || 256);
    expect(widths).toContain(256);
    expect(widths).toContain(16);
  });

  it('names a publisher: the author becomes the uninstall entry’s Publisher and the exe’s CompanyName', () => {
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { author?: { name?: string } };
    expect(pkg.author?.name).toMatch(/\S/);
  });

  it('packages the CLI, and ships ups.cmd alone in bin\\ on Windows', () => {
    expect(config.files).toContain('dist/cli/**');
    expect(config.win.extraFiles).toEqual([{ from: 'build/bin', to: 'bin', filter: ['ups.cmd'] }]);
    expect(readdirSync(join(repo, 'build', 'bin'))).toEqual(['ups.cmd']);
  });

  it('ups.cmd starts the installed exe one folder up with --ups-cli --, passes every argument and the exit code', () => {
    const shim = readFileSync(join(repo, 'build', 'bin', 'ups.cmd'), 'latin1');
    // cmd.exe reads batch files line by line; LF-only files misparse labels and long lines.
    expect(
      shim
        .split('\n')
        .slice(0, -1)
        .every((l) => l.endsWith('\r')),
    ).toBe(true);
    const run = shim.split('\r\n').find((l) => l.includes('.exe'));
    // electron-builder names the Windows executable after productName.
    expect(run).toBe(`"%~dp0..\\${config.productName}.exe" ${CLI_FLAG} -- %*`);
    expect(shim).toContain('exit /b %ERRORLEVEL%');
  });

  it('the NSIS include exists, hooks electron-builder’s macros, and skips everything during an update', () => {
    const nsh = readFileSync(join(repo, config.nsis.include), 'utf8');
    for (const hook of [
      'customInit',
      'customPageAfterChangeDir',
      'customInstall',
      'customUnInit',
      'customUnWelcomePage',
      'customUnInstall',
    ]) {
      expect(nsh, hook).toMatch(new RegExp(`^\\s*!macro ${hook}\\b`, 'm'));
      // Each hook name is one the shipped templates insert.
      expect(nsisTemplates, hook).toContain(`!insertmacro ${hook}`);
    }
    // Install and uninstall work is under ${ifNot} ${isUpdated}; the pages abort when updating.
    expect(body(nsh, 'customInstall')).toMatch(/^\s*\$\{ifNot\} \$\{isUpdated\}/);
    expect(body(nsh, 'customUnInstall')).toMatch(/^\s*\$\{ifNot\} \$\{isUpdated\}/);
    expect(body(nsh, 'customPageAfterChangeDir')).toMatch(/\$\{if\} \$\{isUpdated\}\s+Abort/);
    expect(body(nsh, 'customUnWelcomePage')).toMatch(/\$\{if\} \$\{isUpdated\}\s+Abort/);
    // The PATH script it embeds exists; the folder on PATH is bin\, where only ups.cmd lives.
    expect(nsh).toContain('"${PROJECT_DIR}\\build\\ups-path.ps1"');
    expect(existsSync(join(repo, 'build', 'ups-path.ps1'))).toBe(true);
    expect(nsh).toContain('-Dir "$INSTDIR\\bin"');
  });

  it('uninstall removes the login item Electron wrote, under the appId main sets as AppUserModelID', () => {
    const un = body(readFileSync(join(repo, config.nsis.include), 'utf8'), 'customUnInstall');
    expect(un).toContain('DeleteRegValue HKCU "${UPS_RUN_KEY}" "${APP_ID}"');
    expect(un).toContain('DeleteRegValue HKCU "${UPS_STARTUP_APPROVED_KEY}" "${APP_ID}"');
    expect(readFileSync(join(repo, config.nsis.include), 'utf8')).toContain(
      '!define UPS_RUN_KEY "Software\\Microsoft\\Windows\\CurrentVersion\\Run"',
    );
    // Stopping the stack is offered (ticked, or --stop-stack when silent), through the app's own CLI.
    expect(un).toMatch(/\$\{if\} \$upsStopStack == "1"[\s\S]*--ups-cli -- stop/);
  });

  it('a clean uninstall keeps app data unless ticked, and never names the media or install folder', () => {
    expect(config.nsis.deleteAppDataOnUninstall).toBe(false);
    const nsh = readFileSync(join(repo, config.nsis.include), 'utf8');
    const un = body(nsh, 'customUnInstall');
    const deletes = [...un.matchAll(/RMDir \/r "([^"]+)"/g)].map((m) => m[1]);
    expect(deletes).toEqual([
      '$APPDATA\\${PRODUCT_FILENAME}',
      '$APPDATA\\${APP_PACKAGE_NAME}',
      '$LOCALAPPDATA\\${APP_PACKAGE_NAME}-updater',
    ]);
    expect(un).toMatch(/\$\{if\} \$upsDeleteAppData == "1"\s+(;[^\n]*\n\s*)*SetShellVarContext current\s+RMDir/);
    // Both choices start unticked.
    expect(body(nsh, 'customUnInit')).toMatch(/StrCpy \$upsStopStack "0"\s+StrCpy \$upsDeleteAppData "0"/);
  });

  it('rebuilds nothing and runs no install script: the vault binding is @github/keytar, never the archived keytar', () => {
    expect(config.npmRebuild).toBe(false);
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
      allowScripts: Record<string, boolean>;
    };
    expect(pkg.dependencies).toHaveProperty('@github/keytar');
    expect({ ...pkg.dependencies, ...pkg.devDependencies }).not.toHaveProperty('keytar');
    // Every entry denies: its N-API prebuilts load from the package without its install script.
    expect(Object.entries(pkg.allowScripts).filter(([, allowed]) => allowed)).toEqual([]);
    expect(pkg.allowScripts['@github/keytar']).toBe(false);
  });
});
