import { describe, expect, it } from 'vitest';
import { parseDockerDesktopSettings } from './docker-desktop-settings';
import { excludedPortsAmong, parseExcludedPortRanges } from './excluded-ports';
import { fixtureText, hostileInputs } from './fixtures.test-helper';
import { fsTypeFromMagic, fsTypeFromText, noHardlinks } from './fs-type';
import { MIN_WSL2_BUILD, parseWindowsRelease } from './windows-release';
import { effectiveWslMemory, parseSize, parseWslConfig } from './wslconfig';

describe('netsh excludedportrange', () => {
  it('reads ranges and administered marks in English, Spanish and Chinese', () => {
    const en = parseExcludedPortRanges(fixtureText('netsh-excludedportrange/en-administered.txt'));
    if (!en.ok) throw new Error(en.detail);
    expect(en.value).toHaveLength(11);
    expect(en.value.filter((r) => r.administered)).toEqual([{ start: 50000, end: 50059, administered: true }]);
    const es = parseExcludedPortRanges(fixtureText('netsh-excludedportrange/es-hyperv-ranges.txt'));
    expect(es.ok && es.value.length).toBe(24);
    const zh = parseExcludedPortRanges(fixtureText('netsh-excludedportrange/zh-administered.txt'));
    expect(zh.ok && zh.value[0]).toEqual({ start: 1607, end: 1706, administered: false });
    const ci = parseExcludedPortRanges(fixtureText('netsh-excludedportrange/en-ci-runner.txt'));
    expect(ci.ok && ci.value.map((r) => r.start)).toEqual([80, 5986, 47001, 51417, 51517]);
  });

  it('finds which needed ports fall inside an excluded range', () => {
    const zh = parseExcludedPortRanges(fixtureText('netsh-excludedportrange/zh-administered.txt'));
    if (!zh.ok) throw new Error(zh.detail);
    expect(excludedPortsAmong([32400, 8080, 5357, 1700], zh.value).map((h) => h.port)).toEqual([5357, 1700]);
    const ci = parseExcludedPortRanges(fixtureText('netsh-excludedportrange/en-ci-runner.txt'));
    expect(ci.ok && excludedPortsAmong([80, 443, 81], ci.value).map((h) => h.port)).toEqual([80]);
  });

  it("reports netsh's own failure answer (recorded) as unrecognised, quoting it, with no ranges invented", () => {
    const r = parseExcludedPortRanges(fixtureText('netsh-excludedportrange/en-error-command-not-found.txt'));
    expect(r).toMatchObject({ ok: false, reason: 'unrecognised' });
    expect(!r.ok && r.detail).toContain('The following command was not found: int ipv4 get dynamicport tcp.');
  });

  it('rejects garbage, truncation without the rule, and impossible numbers without throwing', () => {
    for (const input of hostileInputs(fixtureText('netsh-excludedportrange/en-administered.txt')))
      expect(() => parseExcludedPortRanges(input)).not.toThrow();
    expect(
      parseExcludedPortRanges('The following command was not found: int ipv4 show excludedportrange.'),
    ).toMatchObject({ ok: false, reason: 'unrecognised' });
    expect(
      parseExcludedPortRanges('Start Port    End Port\r\n----------    --------\r\n  70000  70001\r\n'),
    ).toMatchObject({ ok: false });
    expect(parseExcludedPortRanges('')).toMatchObject({ ok: false, reason: 'empty' });
  });
});

describe('.wslconfig', () => {
  it('reads memory and processors from [wsl2] (docker/for-win#12681 example) and ignores other sections', () => {
    const text =
      '# Settings apply across all Linux distros running on WSL 2\r\n[wsl2]\r\n\r\n# Limits VM memory\r\nmemory=8GB\r\nprocessors=2\r\nkernelCommandLine = vsyscall=emulate\r\nswap=8GB\r\n[experimental]\r\nmemory=1GB\r\n';
    expect(parseWslConfig(text)).toEqual({ memoryBytes: 8 * 1024 ** 3, processors: 2, problems: [] });
    expect(parseSize('4096MB')).toBe(4 * 1024 ** 3);
    expect(parseSize('lots')).toBeUndefined();
  });

  it('reports unreadable lines, and the default is half the host memory', () => {
    expect(parseWslConfig('[wsl2]\nmemory=plenty\ngarbage line\n').problems).toEqual(['memory=plenty', 'garbage line']);
    expect(effectiveWslMemory(null, 16 * 1024 ** 3)).toEqual({ bytes: 8 * 1024 ** 3, source: 'default' });
    expect(effectiveWslMemory(parseWslConfig('[wsl2]\nmemory=64GB'), 16 * 1024 ** 3)).toEqual({
      bytes: 16 * 1024 ** 3,
      source: 'wslconfig',
    });
    expect(() => parseWslConfig('\u0000\u0001[[[=')).not.toThrow();
  });
});

describe('Windows release, Docker Desktop settings, filesystem type', () => {
  it('reads build and edition; Windows 11 is told apart by its build', () => {
    expect(parseWindowsRelease('10.0.22631', 'Windows 10 Pro')).toEqual({
      ok: true,
      value: { build: 22631, name: 'Windows 11', edition: 'pro', editionText: 'Pro' },
    });
    expect(parseWindowsRelease('10.0.19045', 'Windows 10 Home Single Language')).toMatchObject({
      ok: true,
      value: { build: 19045, name: 'Windows 10', edition: 'home' },
    });
    expect(parseWindowsRelease('6.1.7601', 'Windows 7')).toMatchObject({ ok: false });
    expect(MIN_WSL2_BUILD).toBe(19041);
  });

  it('finds the WSL 2 engine and start-at-sign-in flags in either settings file generation, and rejects non-JSON', () => {
    expect(parseDockerDesktopSettings('{"wslEngineEnabled": true, "memoryMiB": 2048}')).toEqual({
      wslEngineEnabled: true,
    });
    expect(parseDockerDesktopSettings('{"WslEngineEnabled": false, "AutoStart": true}')).toEqual({
      wslEngineEnabled: false,
      autoStart: true,
    });
    expect(parseDockerDesktopSettings('{"AutoStart": "yes"}')).toEqual({});
    expect(parseDockerDesktopSettings('{"wslEngine')).toHaveProperty('error');
    expect(parseDockerDesktopSettings('[1,2]')).toHaveProperty('error');
  });

  it('maps filesystem names and statfs magic numbers; FAT and exFAT cannot hardlink', () => {
    expect(fsTypeFromText('NTFS')).toBe('ntfs');
    expect(fsTypeFromText('exFAT')).toBe('exfat');
    expect(fsTypeFromText('FAT32')).toBe('fat');
    expect(fsTypeFromText('nothing here')).toBeUndefined();
    expect(fsTypeFromMagic(0xef53)).toBe('ext');
    expect(fsTypeFromMagic(0x2011bab0)).toBe('exfat');
    expect(noHardlinks('exfat') && noHardlinks('fat') && !noHardlinks('ntfs')).toBe(true);
  });
});
