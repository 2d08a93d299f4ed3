// NZBGet's seed config, its categories and the /data layout agree; the compose fragment never carries the password.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { categories } from '../wiring/steps/radarr-sonarr-input';
import { dataFolders, usenetCategories } from './data-layout';
import { nzbgetSeedConfig, setNzbgetOptions } from './nzbget-conf';

// The shape of the image's template (nzbget.conf at nzbgetcom/nzbget v26.0 after its Dockerfile's sed), abridged.
const template = [
  '# comment',
  'MainDir=/downloads',
  'DestDir=${MainDir}/completed',
  'InterDir=${MainDir}/intermediate',
  'ControlUsername=nzbget',
  'ControlPassword=tegbzn6789',
  'AuthorizedIP=127.0.0.1',
  'Category1.Name=Movies',
  'Category1.DestDir=',
  'Category2.Name=Series',
  'AppendCategoryDir=yes',
  '',
].join('\n');

const options = (text: string) =>
  Object.fromEntries(
    text
      .split('\n')
      .filter((l) => /^[A-Za-z0-9.]+=/.test(l))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );

describe('NZBGet seed config', () => {
  it('sets the login, paths and categories in the template and keeps everything else', () => {
    const o = options(nzbgetSeedConfig(template, { username: 'nzbget', password: 'Secret-1' }));
    expect(o).toMatchObject({
      MainDir: '/data/usenet',
      DestDir: '${MainDir}/complete',
      InterDir: '${MainDir}/incomplete',
      ControlUsername: 'nzbget',
      ControlPassword: 'Secret-1',
      AuthorizedIP: '127.0.0.1',
      'Category1.Name': 'movies',
      'Category2.Name': 'tv',
      'Category2.DestDir': '',
      AppendCategoryDir: 'yes',
    });
    expect(nzbgetSeedConfig(template, { username: 'u', password: 'p' })).toContain('# comment');
  });

  it('refuses a template that is not an nzbget.conf and a multi-line value', () => {
    expect(() => nzbgetSeedConfig('hello\n', { username: 'u', password: 'p' })).toThrow(
      /no usable nzbget.conf template/,
    );
    expect(() => setNzbgetOptions(template, { ControlPassword: 'a\nAuthorizedIP=*' })).toThrow(/single line/);
  });

  it('every NZBGet category completes into a folder the layout pre-creates (DestDir/<name>, case-sensitive)', () => {
    for (const c of usenetCategories) expect(dataFolders).toContain(`usenet/complete/${c.name}`);
    expect(categories.radarr.nzbget).toBe(usenetCategories.find((c) => c.arr === 'radarr')!.name);
    expect(categories.sonarr.nzbget).toBe(usenetCategories.find((c) => c.arr === 'sonarr')!.name);
  });

  it('compose/nzbget.yml passes no password and checks health with a tool the image has (busybox wget)', () => {
    const doc = parse(readFileSync('compose/nzbget.yml', 'utf8')) as {
      services: { nzbget: { environment: Record<string, string>; healthcheck: { test: string[] } } };
    };
    const svc = doc.services.nzbget;
    expect(Object.keys(svc.environment)).not.toContain('NZBGET_PASS');
    expect(JSON.stringify(svc)).not.toMatch(/nzbget\.password/);
    expect(svc.healthcheck.test[1]).toBe('wget');
  });
});
