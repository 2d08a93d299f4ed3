// Host paths and time zones in StackConfig: Windows drive paths and Linux paths accepted and normalised, the rest named.

/**
 * Why a path is unusable as an install or data root, or undefined when it is fine. Characters are limited to what
 * survives compose interpolation and .env parsing in both Compose v1 and v2 without quoting.
 */
export function pathProblem(raw: string): string | undefined {
  const p = raw.trim();
  if (p.length === 0) return 'is empty: give an absolute folder such as D:\\UltimatePlexStack or /srv/ups';
  if (/^(\\\\|\/\/)/.test(p)) {
    return 'is a network (UNC) path: app /config data must stay on a local drive (SQLite corrupts over network shares); pick a local folder, and move media to a NAS later with "Migrate to NAS"';
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(p)) return 'contains a control character (tab or newline): remove it';
  const bad = /[$"'`#;<>|?*]/.exec(p);
  if (bad)
    return `contains "${bad[0]}", which Compose would misread: choose a folder name without $ " ' \` # ; < > | ? *`;
  const drive = /^[A-Za-z]:/.test(p);
  if (drive && !/^[A-Za-z]:([\\/]|$)/.test(p))
    return 'is relative to the current folder of its drive: write it as D:\\folder';
  if (!drive && !p.startsWith('/'))
    return 'is not absolute: give a full path such as D:\\UltimatePlexStack or /srv/ups';
  if ((drive ? p.slice(2) : p).includes(':'))
    return 'contains ":" after the drive letter, which Compose reads as a mount separator: rename the folder';
  if (p.split(/[\\/]/).some((seg) => seg === '..' || seg === '.'))
    return 'contains "." or ".." segments: give the folder\'s full path';
  if (!drive && normaliseHostPath(p) === '/') return 'is the file-system root: give a folder such as /srv/ups';
  return undefined;
}

/** `d:\Media\` → `D:/Media`, `d:` → `D:/`, `/srv//ups/` → `/srv/ups`: one spelling, so compose and diffs are stable. */
export function normaliseHostPath(raw: string): string {
  let p = raw
    .trim()
    .replace(/\\/g, '/')
    .replace(/\/{2,}/g, '/');
  if (/^[a-z]:/.test(p)) p = p[0]!.toUpperCase() + p.slice(1);
  if (/^[A-Z]:$/.test(p)) return `${p}/`;
  if (/^[A-Z]:\/$/.test(p) || p === '/') return p;
  return p.replace(/\/+$/, '');
}

export function isWindowsDrivePath(p: string): boolean {
  return /^[A-Z]:\//.test(p);
}

/** IANA names as the runtime's ICU knows them (`UTC` included); Intl throws RangeError on anything else. */
export function isIanaTimeZone(tz: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(tz)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
