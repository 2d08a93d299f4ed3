// Target and source path helpers: UNC detection, containment checks and safe relative paths, for both Windows and POSIX.
import path from 'node:path';

export interface UncParts {
  host: string;
  share: string;
  /** Sub-path inside the share, forward slashes, no leading slash ('' for the share root). */
  rest: string;
}

/** `\\nas\media\data` or `//nas/media/data` → parts; anything else → null. */
export function parseUnc(p: string): UncParts | null {
  const m = /^(?:\\\\|\/\/)([^\\/]+)[\\/]+([^\\/]+)(?:[\\/]+(.*))?$/.exec(p.trim());
  if (!m || !m[1] || !m[2]) return null;
  const rest = (m[3] ?? '')
    .split(/[\\/]+/)
    .filter(Boolean)
    .join('/');
  return { host: m[1], share: m[2], rest };
}

/** `//host/share/rest[/sub]`: the device string the CIFS mount helper expects. */
export function cifsDevice(unc: UncParts, sub = ''): string {
  return `//${[unc.host, unc.share, unc.rest, sub].filter(Boolean).join('/')}`;
}

/** Normalises a host path for comparison: forward slashes, no trailing slash, lower-case drive letter. */
export function normHostPath(p: string): string {
  let s = p.replace(/\\/g, '/');
  if (/^[A-Za-z]:/.test(s)) s = s[0]!.toLowerCase() + s.slice(1);
  if (s.length > 1) s = s.replace(/\/+$/, '');
  return s;
}

/** Relative path of `p` under `root` ('' when equal), or null when outside. Case-insensitive for drive paths (Windows). */
export function relUnder(p: string, root: string): string | null {
  const a = normHostPath(p);
  const b = normHostPath(root);
  const ci = /^[a-z]:/.test(b);
  const [x, y] = ci ? [a.toLowerCase(), b.toLowerCase()] : [a, b];
  if (x === y) return '';
  if (x.startsWith(`${y}/`)) return a.slice(b.length + 1);
  return null;
}

/** Joins a root with a journal-relative path (always '/'-separated) and refuses escapes. */
export function resolveRel(root: string, rel: string): string {
  const full = path.resolve(root, ...rel.split('/'));
  const r = path.relative(path.resolve(root), full);
  if (r.startsWith('..') || path.isAbsolute(r)) throw new Error(`Refusing path outside ${root}: ${rel}`);
  return full;
}
