// Windows version, build and edition from what Node already knows (os.release() "10.0.22631", os.version()
// "Windows 10 Pro" — Windows 11 still says "Windows 10" there, so the build decides). No process spawned. Pure.
import { notParsed, parsed, type Parsed } from './parse-result';

export interface WindowsRelease {
  build: number;
  name: 'Windows 10' | 'Windows 11';
  edition: 'home' | 'pro' | 'enterprise' | 'education' | 'server' | 'other';
  editionText: string;
}

/** WSL 2 needs build 19041 (Windows 10 2004); Docker Desktop supports Windows 10 22H2 (19045) and later. */
export const MIN_WSL2_BUILD = 19041;
export const MIN_DOCKER_DESKTOP_BUILD = 19045;

export function parseWindowsRelease(release: string, version: string): Parsed<WindowsRelease> {
  const m = /^10\.0\.(\d{5})\b/.exec(release.trim());
  if (!m)
    return notParsed('unrecognised', `Not a Windows 10/11 release string: ${JSON.stringify(release.slice(0, 40))}.`);
  const build = Number(m[1]);
  const editionText = version.replace(/^Windows\s+(?:Server\s+)?\d+\s*/i, '').trim() || version.trim();
  const e = version.toLowerCase();
  const edition: WindowsRelease['edition'] = /server/.test(e)
    ? 'server'
    : /home|core/.test(e)
      ? 'home'
      : /enterprise/.test(e)
        ? 'enterprise'
        : /education/.test(e)
          ? 'education'
          : /\bpro\b|professional/.test(e)
            ? 'pro'
            : 'other';
  return parsed({ build, name: build >= 22000 ? 'Windows 11' : 'Windows 10', edition, editionText });
}
