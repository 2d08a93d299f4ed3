// Docker Desktop's settings file: `%APPDATA%\Docker\settings-store.json` (4.35+, PascalCase keys: the Go field names,
// e.g. `WslEngineEnabled`, `AutoStart` as Docker Desktop's backend logs them, docker/for-win#11705, #13040) or the
// older `settings.json` (camelCase: `"autoStart": false` in the file pasted in docker/for-win#12820, 4.9.0). The file
// was renamed in 4.35 (docker/docs#21003, commit 64a3458). We read whether the WSL 2 engine is on and whether
// "Start Docker Desktop when you sign in" (AutoStart, default false: docker/docs settings-reference.md) is on. Pure.
export interface DockerDesktopSettings {
  wslEngineEnabled?: boolean;
  autoStart?: boolean;
}

export const SETTINGS_STORE_FILE = 'settings-store.json';
export const LEGACY_SETTINGS_FILE = 'settings.json';

function parseObject(text: string): { ok: true; obj: Record<string, unknown> } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: `not JSON (${err instanceof Error ? err.message : String(err)})` };
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) return { ok: false, error: 'not a JSON object' };
  return { ok: true, obj: json as Record<string, unknown> };
}

const keyOf = (obj: Record<string, unknown>, name: string) => Object.keys(obj).find((k) => k.toLowerCase() === name);

export function parseDockerDesktopSettings(text: string): DockerDesktopSettings | { error: string } {
  const r = parseObject(text);
  if (!r.ok) return { error: r.error };
  const out: DockerDesktopSettings = {};
  const wsl = keyOf(r.obj, 'wslengineenabled');
  if (wsl && typeof r.obj[wsl] === 'boolean') out.wslEngineEnabled = r.obj[wsl];
  const auto = keyOf(r.obj, 'autostart');
  if (auto && typeof r.obj[auto] === 'boolean') out.autoStart = r.obj[auto];
  return out;
}

/**
 * The settings text with "start when you sign in" on: the existing key keeps its spelling; a missing key is added in
 * the file's convention (PascalCase in settings-store.json, camelCase in settings.json). Every other key stays.
 */
export function withAutoStart(text: string, fileName: string): { text: string; key: string } | { error: string } {
  const r = parseObject(text);
  if (!r.ok) return { error: r.error };
  const key =
    keyOf(r.obj, 'autostart') ?? (fileName.toLowerCase() === LEGACY_SETTINGS_FILE ? 'autoStart' : 'AutoStart');
  r.obj[key] = true;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { text: JSON.stringify(r.obj, null, 2).replace(/\n/g, eol) + (/\r?\n$/.test(text) ? eol : ''), key };
}
