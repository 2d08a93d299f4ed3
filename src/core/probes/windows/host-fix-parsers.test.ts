// The pure halves of the Windows host fixes on recorded outputs and real files: `reg query` values, the .wslconfig
// edit that keeps everything else, the free-port pick around excluded ranges, and Docker Desktop's start-at-sign-in.
import { describe, expect, it } from 'vitest';
import { parseDockerDesktopSettings, withAutoStart } from './docker-desktop-settings';
import { parseExcludedPortRanges } from './excluded-ports';
import { fixtureText, hostileInputs } from './fixtures.test-helper';
import { nearestFreePort } from './free-port';
import { parseRegQuery, regValue } from './reg-query';
import { parseWslConfig } from './wslconfig';
import { withWslMemory } from './wslconfig-edit';

describe('reg query', () => {
  it('reads every value of a recorded key, data with spaces and quotes intact', () => {
    const r = parseRegQuery(fixtureText('reg-query/en-run-key.txt'));
    expect(r.ok && r.value).toEqual([
      {
        name: 'OneDrive',
        type: 'REG_SZ',
        data: '"C:\\Users\\bob\\AppData\\Local\\Microsoft\\OneDrive\\OneDrive.exe" /background',
      },
      { name: 'OPENVPN-GUI', type: 'REG_SZ', data: 'C:\\Program Files\\OpenVPN\\bin\\openvpn-gui.exe' },
      { name: 'Docker Desktop', type: 'REG_SZ', data: 'C:\\Program Files\\Docker\\Docker\\Docker Desktop.exe' },
    ]);
    expect(r.ok && regValue(r.value, 'docker desktop')).toBe('C:\\Program Files\\Docker\\Docker\\Docker Desktop.exe');
  });

  it('a missing key is a reason, never a value; hostile input never throws', () => {
    const r = parseRegQuery(fixtureText('reg-query/en-error-not-found.txt'));
    expect(r).toMatchObject({ ok: false, reason: 'unrecognised', detail: expect.stringContaining('unable to find') });
    for (const input of hostileInputs(fixtureText('reg-query/en-run-key.txt')))
      expect(() => parseRegQuery(input)).not.toThrow();
  });
});

describe('.wslconfig memory edit', () => {
  const userFile = [
    '# my WSL settings',
    '[wsl2]',
    'processors=4 ; half the cores',
    'swap=0',
    '',
    '[experimental]',
    'autoMemoryReclaim=gradual',
    '',
  ].join('\r\n');

  it('adds memory= at the end of [wsl2], keeping comments, other keys, other sections and CRLF', () => {
    const e = withWslMemory(userFile, '8GB');
    expect(e.previous).toBeNull();
    expect(e.text).toBe(
      [
        '# my WSL settings',
        '[wsl2]',
        'processors=4 ; half the cores',
        'swap=0',
        'memory=8GB',
        '',
        '[experimental]',
        'autoMemoryReclaim=gradual',
        '',
      ].join('\r\n'),
    );
    expect(parseWslConfig(e.text)).toMatchObject({ memoryBytes: 8 * 1024 ** 3, processors: 4, problems: [] });
  });

  it('replaces an existing value in place, keeping its indentation and comment', () => {
    const e = withWslMemory('[WSL2]\n  Memory = 2GB  # too small\nswap=0\n', '6GB');
    expect(e).toEqual({ text: '[WSL2]\n  Memory = 6GB  # too small\nswap=0\n', previous: 'Memory = 2GB  # too small' });
  });

  it('a memory= in another section is not WSL 2’s: a [wsl2] section is added', () => {
    const e = withWslMemory('[boot]\nmemory=1GB', '8GB');
    expect(e.text).toBe('[boot]\nmemory=1GB\n\n[wsl2]\nmemory=8GB\n');
  });

  it('a missing or empty file becomes a [wsl2] section', () => {
    expect(withWslMemory('', '4GB').text).toBe('[wsl2]\nmemory=4GB\n');
  });
});

describe('nearest free port', () => {
  const ranges = parseExcludedPortRanges(fixtureText('netsh-excludedportrange/en-administered.txt'));

  it('steps out of a recorded excluded range to the closest port no service uses', () => {
    if (!ranges.ok) throw new Error(ranges.detail);
    for (const r of ranges.value) {
      const inside = r.start;
      const to = nearestFreePort({ port: inside, excluded: ranges.value, taken: new Set() });
      expect(to).not.toBeNull();
      expect(ranges.value.some((x) => to! >= x.start && to! <= x.end)).toBe(false);
    }
  });

  it('skips taken ports and prefers the port above on a tie', () => {
    const excluded = [{ start: 7870, end: 7880, administered: false }];
    expect(nearestFreePort({ port: 7878, excluded, taken: new Set() })).toBe(7881);
    expect(nearestFreePort({ port: 7878, excluded, taken: new Set([7881]) })).toBe(7882);
    expect(nearestFreePort({ port: 7875, excluded, taken: new Set([7881, 7882, 7883]) })).toBe(7869);
    expect(nearestFreePort({ port: 9696, excluded: [], taken: new Set([9697]) })).toBe(9695);
    expect(
      nearestFreePort({
        port: 65535,
        excluded: [{ start: 65000, end: 65535, administered: false }],
        taken: new Set(),
        span: 10,
      }),
    ).toBeNull();
  });
});

describe('Docker Desktop start at sign-in', () => {
  it('the recorded 4.9.0 settings.json: turns autoStart on and keeps every other key and its order', () => {
    const before = fixtureText('docker-settings/settings-4.9.0.json');
    expect(parseDockerDesktopSettings(before)).toMatchObject({ autoStart: false });
    const edit = withAutoStart(before, 'settings.json');
    if ('error' in edit) throw new Error(edit.error);
    expect(edit.key).toBe('autoStart');
    expect(parseDockerDesktopSettings(edit.text)).toMatchObject({ autoStart: true });
    const was = JSON.parse(before) as Record<string, unknown>;
    const now = JSON.parse(edit.text) as Record<string, unknown>;
    expect(Object.keys(now)).toEqual(Object.keys(was));
    expect({ ...now, autoStart: false }).toEqual(was);
  });

  it('settings-store.json gets the PascalCase key when it has none; broken JSON is refused', () => {
    const edit = withAutoStart('{"WslEngineEnabled": true}\n', 'settings-store.json');
    expect(edit).toEqual({ text: '{\n  "WslEngineEnabled": true,\n  "AutoStart": true\n}\n', key: 'AutoStart' });
    expect(withAutoStart('{"AutoStart": fal', 'settings-store.json')).toHaveProperty('error');
  });
});
