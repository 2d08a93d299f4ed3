// A real `electron-builder --dir` package (Linux layout, stand-in Electron): what is inside app.asar and beside it.
import { getCurrentFuseWire } from '@electron/fuses';
import { extractAll, listPackage } from '@electron/asar';
import { execa } from 'execa';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuseConfig } from '../../scripts/packaging/fuses.mjs';
import { createPackageStage, type PackageStage } from '../../scripts/packaging/package-stage';
import { makeStandinElectronDist } from '../../scripts/packaging/standin-electron-dist';
import { trayIconFile, trayIconScales } from '../../src/core/tray/tray-icon-sizes';
import { trayIconKinds } from '../../src/core/tray/tray-state';
import { readUpdateFeed } from '../../src/main/update-feed';
import { runMainAsCli } from '../helpers/app-cli';

const repo = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
const FEED = 'https://updates.example.org/ultimate-plex-stack/';

let stage: PackageStage;
let appDir: string;
let entries: string[];

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );

beforeAll(async () => {
  stage = await createPackageStage(repo);
  const electronVersion = (require('electron/package.json') as { version: string }).version;
  const dist = makeStandinElectronDist(join(stage.dir, 'electron-dist'), electronVersion);
  const out = join(stage.dir, 'release');
  const res = await execa(
    join(repo, 'node_modules', '.bin', 'electron-builder'),
    ['--linux', 'dir', '--x64', '--publish', 'never', `-c.electronDist=${dist}`, `-c.directories.output=${out}`],
    {
      cwd: stage.dir,
      env: { UPS_UPDATE_FEED_URL: FEED, CSC_IDENTITY_AUTO_DISCOVERY: 'false' },
      reject: false,
      all: true,
    },
  );
  if (res.exitCode !== 0) throw new Error(`electron-builder --dir failed (${res.exitCode}):\n${res.all}`);
  appDir = join(out, 'linux-unpacked');
  entries = listPackage(join(appDir, 'resources', 'app.asar'), { isPack: false }).map((e) => e.replaceAll('\\', '/'));
}, 600_000);

const extractedDirs: string[] = [];
afterAll(() => {
  stage?.dispose();
  for (const d of extractedDirs) rmSync(d, { recursive: true, force: true });
});

describe('packaged app (--dir)', () => {
  it('app.asar holds main, preload, renderer and package.json pointing at main', () => {
    for (const f of ['/package.json', '/dist/main/main.mjs', '/dist/preload/preload.cjs', '/dist/renderer/index.html'])
      expect(entries).toContain(f);
    expect(entries.some((e) => /^\/dist\/renderer\/assets\/.+\.js$/.test(e))).toBe(true);
    const pkg = JSON.parse(readFileSync(join(stage.dir, 'package.json'), 'utf8')) as { main: string };
    expect(entries).toContain(`/${pkg.main}`);
  });

  it('every package main imports at run time is packaged (in the asar or unpacked beside it)', () => {
    const main = readFileSync(join(stage.dir, 'dist', 'main', 'main.mjs'), 'utf8');
    const bare = new Set(
      [...main.matchAll(/\bfrom\s+["']([^"'./][^"']*)["']/g)]
        .map((m) => m[1]!)
        .filter((s) => !s.startsWith('node:') && s !== 'electron'),
    );
    expect(bare.size).toBeGreaterThan(0);
    for (const spec of bare) {
      const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
      const packaged =
        entries.includes(`/node_modules/${name}/package.json`) ||
        existsSync(join(appDir, 'resources', 'app.asar.unpacked', 'node_modules', name, 'package.json'));
      expect(packaged, `${name} (imported by main) is missing from the package`).toBe(true);
    }
    // Transitive dependencies too: dockerode talks to the engine through docker-modem.
    expect(entries).toContain('/node_modules/docker-modem/package.json');
  });

  it('no sources, tests, source maps, env files or renderer-only packages are inside', () => {
    expect(
      entries.filter((e) => e.startsWith('/src/') || e.startsWith('/tests/') || e.startsWith('/scripts/')),
    ).toEqual([]);
    expect(entries.filter((e) => /(^|\/)\.env/.test(e))).toEqual([]);
    expect(entries.filter((e) => e.endsWith('.map') && e.startsWith('/dist/'))).toEqual([]);
    expect(
      entries.filter((e) => e.startsWith('/node_modules/@fluentui/') || e.startsWith('/node_modules/react-dom/')),
    ).toEqual([]);
    // The decoys were really there to be picked up.
    for (const d of stage.decoys) expect(existsSync(d)).toBe(true);
  });

  it('the vault binding ships its prebuilt N-API modules unpacked, for this platform and the Windows target', () => {
    const pkgDir = join(appDir, 'resources', 'app.asar.unpacked', 'node_modules', '@github', 'keytar');
    for (const platform of ['linux-x64', 'win32-x64'])
      expect(existsSync(join(pkgDir, 'prebuilds', platform, 'keytar.node')), platform).toBe(true);
    expect(entries).toContain('/node_modules/@github/keytar/package.json');
    expect(entries.filter((e) => e.startsWith('/node_modules/keytar/'))).toEqual([]);
  });

  it('the compose catalog ships beside the asar, whole and without env files', () => {
    const catalog = walk(join(repo, 'compose'))
      .map((f) => relative(join(repo, 'compose'), f))
      .filter((f) => !f.split('/').pop()!.startsWith('.env'));
    expect(catalog.length).toBeGreaterThan(0);
    const shipped = walk(join(appDir, 'resources', 'compose')).map((f) =>
      relative(join(appDir, 'resources', 'compose'), f),
    );
    expect(shipped.sort()).toEqual(catalog.sort());
  });

  it('the packaged tray folder holds four sizes (16/20/24/32 px) per state, and the app icon ships', () => {
    const tray = join(appDir, 'resources', 'tray');
    for (const kind of trayIconKinds)
      for (const scale of trayIconScales) {
        const png = readFileSync(join(tray, trayIconFile(kind, scale)));
        expect([png.readUInt32BE(16), png.readUInt32BE(20)], `${kind} ${scale.size}`).toEqual([scale.size, scale.size]);
      }
    expect(readdirSync(tray)).toHaveLength(trayIconKinds.length * 4);
    expect(existsSync(join(appDir, 'resources', 'icon.png'))).toBe(true);
  });

  it('the update feed written for electron-updater is the configured one, and main reads it', () => {
    const yml = readFileSync(join(appDir, 'resources', 'app-update.yml'), 'utf8');
    expect(readUpdateFeed({ env: {}, appUpdateYml: yml })).toMatchObject({
      ok: true,
      feed: { provider: 'generic', url: FEED },
    });
  });

  it('afterPack burned the fuses: no RunAsNode, no NODE_OPTIONS, no --inspect, app only from asar', async () => {
    const wire = await getCurrentFuseWire(join(appDir, 'ultimate-plex-stack'));
    for (const [index, wanted] of Object.entries(fuseConfig as Record<string, unknown>)) {
      if (index === 'version') continue;
      expect(wire[index as unknown as 0], `fuse ${index}`).toBe((wanted ? '1' : '0').charCodeAt(0));
    }
  });

  it('app.asar holds the ups CLI: its entry and every chunk it imports on demand', () => {
    expect(entries).toContain('/dist/cli/ups.mjs');
    const chunks = readdirSync(join(stage.dir, 'dist', 'cli', 'chunks')).filter((f) => f.endsWith('.mjs'));
    expect(chunks.length).toBeGreaterThan(0);
    for (const c of chunks) expect(entries, c).toContain(`/dist/cli/chunks/${c}`);
  });

  it('the packaged main entry launched as ups.cmd does (--ups-cli) answers ups --version and ups doctor --json', async () => {
    // The package's own files (asar + unpacked natives) run under Node with a stand-in electron: the real binary and
    // ups.cmd itself run only on Windows (.github/workflows/windows-release.yml).
    // Extracted outside the stage (whose node_modules would otherwise answer for a package missing from the asar), in
    // the packaged layout: <resources>/app.asar's files with the compose catalog beside them, as core looks it up.
    const root = mkdtempSync(join(tmpdir(), 'ups-app-extracted-'));
    extractedDirs.push(root);
    const resources = join(root, 'resources');
    const extracted = join(resources, 'app');
    extractAll(join(appDir, 'resources', 'app.asar'), extracted);
    // Native files (keytar) live in app.asar.unpacked, where Electron's asar layer finds them; lay them over the copy.
    const unpacked = join(appDir, 'resources', 'app.asar.unpacked');
    if (existsSync(unpacked)) cpSync(unpacked, extracted, { recursive: true });
    cpSync(join(appDir, 'resources', 'compose'), join(resources, 'compose'), { recursive: true });
    const main = join(extracted, 'dist', 'main', 'main.mjs');
    const env = { UPS_CONFIG_DIR: join(root, 'config'), UPS_STUB_RESOURCES_PATH: resources };
    const version = await runMainAsCli(main, ['--version'], env);
    expect(version.stderr).toBe('');
    expect(version.stdout.trim()).toBe(
      (JSON.parse(readFileSync(join(stage.dir, 'package.json'), 'utf8')) as { version: string }).version,
    );
    expect(version.code).toBe(0);
    const doctor = await runMainAsCli(main, ['doctor', '--json'], env);
    expect(doctor.stdout, doctor.stderr).toMatch(/^\{/);
    const parsed = JSON.parse(doctor.stdout) as { ok: boolean; value: { checks: { id: string }[] } };
    expect(parsed.ok).toBe(true);
    expect(parsed.value.checks.map((c) => c.id)).toContain('docker.engine');
    // A package missing at run time shows up as a check that could not load its module.
    expect(doctor.stdout).not.toMatch(/Cannot find (module|package)/);
    expect([0, 1]).toContain(doctor.code);
  });
});
