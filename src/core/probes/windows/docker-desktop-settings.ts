// Docker Desktop's settings file: `%APPDATA%\Docker\settings-store.json` (4.35+, PascalCase keys) or the older
// `settings.json` (camelCase). We only need to know whether the WSL 2 engine is on. Pure.
export interface DockerDesktopSettings {
  wslEngineEnabled?: boolean;
}

export function parseDockerDesktopSettings(text: string): DockerDesktopSettings | { error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { error: `not JSON (${err instanceof Error ? err.message : String(err)})` };
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) return { error: 'not a JSON object' };
  const entry = Object.entries(json).find(([k]) => k.toLowerCase() === 'wslengineenabled');
  return entry && typeof entry[1] === 'boolean' ? { wslEngineEnabled: entry[1] } : {};
}
