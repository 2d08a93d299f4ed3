import { describe, expect, it } from 'vitest';
import { decodeWindowsOutput, wslErrorCodes } from './decode-output';
import { fixtureBytes, fixtureText, hostileInputs } from './fixtures.test-helper';
import { noDistributions, parseWslListVerbose } from './wsl-list';
import { parseWslStatus } from './wsl-status';
import { compareVersions, parseWslVersion } from './wsl-version';

describe('decoding wsl.exe output', () => {
  it('reads UTF-16LE without BOM, with BOM, and UTF-8 (WSL_UTF8=1) to the same text', () => {
    const text = fixtureText('wsl-list-verbose/en-docker-running.bin');
    expect(text).toContain('docker-desktop    Running         2');
    expect(fixtureBytes('wsl-list-verbose/en-docker-running.bin')[1]).toBe(0);
    const bom = Buffer.concat([Buffer.from([0xff, 0xfe]), fixtureBytes('wsl-list-verbose/en-docker-running.bin')]);
    expect(decodeWindowsOutput(bom)).toBe(text);
    expect(decodeWindowsOutput(Buffer.from(text, 'utf8'))).toBe(text);
    expect(decodeWindowsOutput(Buffer.from('Версия WSL: 2.4.11.0', 'utf16le'))).toBe('Версия WSL: 2.4.11.0');
  });
});

describe('wsl -l -v', () => {
  it('reads distros, states, versions and the default marker (English)', () => {
    const r = parseWslListVerbose(fixtureText('wsl-list-verbose/en-docker-running.bin'));
    if (!r.ok) throw new Error(r.detail);
    expect(r.value).toEqual([
      { name: 'Ubuntu', state: 'running', stateText: 'Running', version: 2, isDefault: true },
      { name: 'Legacy', state: 'stopped', stateText: 'Stopped', version: 1, isDefault: false },
      { name: 'Ubuntu-18.04', state: 'stopped', stateText: 'Stopped', version: 1, isDefault: false },
      { name: 'docker-desktop', state: 'running', stateText: 'Running', version: 2, isDefault: false },
    ]);
  });

  it('copes with no default marker (WSL 2.4.4) and a German-locale machine', () => {
    const a = parseWslListVerbose(fixtureText('wsl-list-verbose/en-no-default-marker.bin'));
    expect(a.ok && a.value.map((d) => [d.name, d.state, d.isDefault])).toEqual([
      ['MyPengwin', 'running', false],
      ['WLinux', 'running', false],
      ['docker-desktop', 'stopped', false],
      ['docker-desktop-data', 'stopped', false],
    ]);
    const de = parseWslListVerbose(fixtureText('wsl-list-verbose/de-locale-ubuntu-wsl1.bin'));
    expect(de.ok && de.value.find((d) => d.isDefault)).toMatchObject({ name: 'Ubuntu', version: 1 });
  });

  it('reports no distributions by its error code, and an old inbox wsl.exe (Chinese) as unsupported', () => {
    const none = parseWslListVerbose(fixtureText('wsl-list-verbose/en-error-no-distros.bin'));
    expect(none).toMatchObject({ ok: false, reason: 'error-code', codes: ['Wsl/WSL_E_DEFAULT_DISTRO_NOT_FOUND'] });
    expect(noDistributions(none)).toBe(true);
    expect(parseWslListVerbose(fixtureText('wsl-list-verbose/zh-error-old-inbox-wsl.bin'))).toMatchObject({
      ok: false,
      reason: 'unsupported',
    });
  });

  it('never throws on hostile input and never invents a distro', () => {
    for (const input of hostileInputs(fixtureText('wsl-list-verbose/en-docker-running.bin'))) {
      const r = parseWslListVerbose(input);
      if (r.ok)
        for (const d of r.value) expect(['Ubuntu', 'Legacy', 'Ubuntu-18.04', 'docker-desktop']).toContain(d.name);
    }
    expect(parseWslListVerbose('')).toMatchObject({ ok: false, reason: 'empty' });
    expect(parseWslListVerbose('<html><body>502 Bad Gateway</body></html>')).toMatchObject({
      ok: false,
      reason: 'unrecognised',
    });
  });
});

describe('wsl --status', () => {
  it('reads the default version and distro from structure, whatever the labels say', () => {
    expect(parseWslStatus(fixtureText('wsl-status/en-debian-v2.bin'))).toEqual({
      ok: true,
      value: { defaultVersion: 2, defaultDistro: 'Debian' },
    });
    expect(parseWslStatus(fixtureText('wsl-status/en-kernel-lines.bin'))).toEqual({
      ok: true,
      value: { defaultVersion: 2, defaultDistro: 'Ubuntu-22.04' },
    });
    expect(parseWslStatus(fixtureText('wsl-status/en-default-v1-no-distro.bin'))).toEqual({
      ok: true,
      value: { defaultVersion: 1 },
    });
    // Chinese (zh-CN) with full-width colons and the older Store WSL's update/kernel lines, as a user recorded it.
    expect(parseWslStatus(fixtureText('wsl-status/zh-kali-v2-kernel-lines.bin'))).toEqual({
      ok: true,
      value: { defaultVersion: 2, defaultDistro: 'kali-linux' },
    });
    // The same structure with localised labels (German wording as WSL ships it) parses the same way.
    expect(parseWslStatus('Standarddistribution: Ubuntu\r\nStandardversion: 2\r\n')).toEqual({
      ok: true,
      value: { defaultVersion: 2, defaultDistro: 'Ubuntu' },
    });
  });

  it('reports the old inbox wsl.exe (German) as unsupported, and start-up failures by their code', () => {
    expect(parseWslStatus(fixtureText('wsl-status/de-error-invalid-option.bin'))).toMatchObject({
      ok: false,
      reason: 'unsupported',
    });
    const hcs = parseWslStatus(fixtureText('wsl-errors/en-hcs-not-installed.bin'));
    expect(hcs).toMatchObject({ ok: false, reason: 'error-code' });
    expect(wslErrorCodes(fixtureText('wsl-errors/en-hcs-not-installed.bin'))).toEqual([
      'Wsl/Service/CreateInstance/CreateVm/HCS/HCS_E_HYPERV_NOT_INSTALLED',
    ]);
  });

  it('never throws on hostile input', () => {
    for (const input of hostileInputs(fixtureText('wsl-status/en-kernel-lines.bin')))
      expect(() => parseWslStatus(input)).not.toThrow();
    for (const input of hostileInputs(fixtureText('wsl-status/zh-kali-v2-kernel-lines.bin')))
      expect(() => parseWslStatus(input)).not.toThrow();
    // Cut before the version line, the Chinese recording must not yield a version.
    const zh = fixtureText('wsl-status/zh-kali-v2-kernel-lines.bin');
    expect(parseWslStatus(zh.slice(0, zh.indexOf('默认版本')))).toMatchObject({ ok: false, reason: 'unrecognised' });
    expect(parseWslStatus(fixtureText('wsl-status/en-kernel-lines.bin').slice(0, 20))).toMatchObject({ ok: false });
  });
});

describe('wsl --version', () => {
  it('reads the WSL, kernel and Windows versions by position in English, German and Russian', () => {
    expect(parseWslVersion(fixtureText('wsl-version/en-1.1.2.bin'))).toEqual({
      ok: true,
      value: { wsl: '1.1.2.0', kernel: '5.15.83.1', windows: '10.0.19045.2546' },
    });
    expect(parseWslVersion(fixtureText('wsl-version/de-1.0.3.bin'))).toEqual({
      ok: true,
      value: { wsl: '1.0.3.0', kernel: '5.15.79.1', windows: '10.0.22621.819' },
    });
    expect(parseWslVersion(fixtureText('wsl-version/ru-2.4.11.bin'))).toEqual({
      ok: true,
      value: { wsl: '2.4.11.0', kernel: '5.15.167.4-1', windows: '10.0.26100.3194' },
    });
  });

  it('reports the inbox wsl.exe as unsupported and survives hostile input', () => {
    expect(parseWslVersion(fixtureText('wsl-version/en-error-invalid-option.bin'))).toMatchObject({
      ok: false,
      reason: 'unsupported',
    });
    for (const input of hostileInputs(fixtureText('wsl-version/de-1.0.3.bin')))
      expect(() => parseWslVersion(input)).not.toThrow();
    expect(parseWslVersion('WSL-Version: 1.0.3.0')).toMatchObject({ ok: false, reason: 'unrecognised' });
  });

  it('compares versions numerically', () => {
    expect(compareVersions('2.4.11.0', '2.4.4.0')).toBe(1);
    expect(compareVersions('1.0.3.0', '2.0.0')).toBe(-1);
    expect(compareVersions('2.0', '2.0.0.0')).toBe(0);
  });
});
