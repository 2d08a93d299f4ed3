// `%UserProfile%\.wslconfig`: an INI file; we read `[wsl2] memory=` (e.g. 8GB, 4096MB). Without it WSL 2 gets
// half the host's RAM (https://learn.microsoft.com/windows/wsl/wsl-config#main-wsl-settings). Pure.
export interface WslConfig {
  memoryBytes?: number;
  processors?: number;
  /** Lines we could not read, so the probe can say so instead of guessing. */
  problems: string[];
}

const units: Record<string, number> = {
  b: 1,
  kb: 1024,
  k: 1024,
  mb: 1024 ** 2,
  m: 1024 ** 2,
  gb: 1024 ** 3,
  g: 1024 ** 3,
  tb: 1024 ** 4,
  t: 1024 ** 4,
};

export function parseSize(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?b?)\s*$/i.exec(text);
  if (!m) return undefined;
  const unit = units[(m[2] || 'b').toLowerCase()];
  return unit ? Math.round(Number(m[1]) * unit) : undefined;
}

export function parseWslConfig(text: string): WslConfig {
  const out: WslConfig = { problems: [] };
  let section = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/[#;].*$/, '').trim();
    if (!line) continue;
    const s = /^\[([^\]]+)\]$/.exec(line);
    if (s) {
      section = (s[1] ?? '').trim().toLowerCase();
      continue;
    }
    const kv = /^([^=]+)=(.*)$/.exec(line);
    if (!kv) {
      out.problems.push(raw.trim());
      continue;
    }
    if (section !== 'wsl2') continue;
    const key = (kv[1] ?? '').trim().toLowerCase();
    const value = (kv[2] ?? '').trim();
    if (key === 'memory') {
      const bytes = parseSize(value);
      if (bytes === undefined) out.problems.push(`memory=${value}`);
      else out.memoryBytes = bytes;
    } else if (key === 'processors') {
      const n = Number(value);
      if (Number.isInteger(n) && n > 0) out.processors = n;
      else out.problems.push(`processors=${value}`);
    }
  }
  return out;
}

/** What WSL 2 will get: the configured limit, or half the host's memory by default. */
export function effectiveWslMemory(
  config: WslConfig | null,
  totalBytes: number,
): { bytes: number; source: 'wslconfig' | 'default' } {
  if (config?.memoryBytes) return { bytes: Math.min(config.memoryBytes, totalBytes), source: 'wslconfig' };
  return { bytes: Math.floor(totalBytes / 2), source: 'default' };
}
