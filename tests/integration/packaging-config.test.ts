// electron-builder.yml checked against electron-builder's own JSON schema, plus the installer decisions (docs/decisions.md D24).
import Ajv from 'ajv';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const repo = join(import.meta.dirname, '..', '..');
const schemaPath = join(repo, 'node_modules', 'app-builder-lib', 'scheme.json');
const config = parse(readFileSync(join(repo, 'electron-builder.yml'), 'utf8'));

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
      createDesktopShortcut: 'always',
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
});
