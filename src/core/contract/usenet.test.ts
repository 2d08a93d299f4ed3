// StackConfig.usenet: defaults (TLS on 563, 8 connections), errors naming the field, no password field at all, and the
// settings merge keeping/removing the section.
import { describe, expect, it } from 'vitest';
import { settingsOf, withSettings } from '../stack/stack-settings';
import { StackConfigSchema, type StackConfigInput } from './stack-config';

const base: StackConfigInput = {
  installRoot: '/srv/ups',
  dataRoot: '/srv/data',
  timeZone: 'Europe/Berlin',
  services: { qbittorrent: false, nzbget: true },
  vpn: { provider: 'nordvpn', type: 'openvpn' },
};

describe('StackConfig.usenet', () => {
  it('fills the defaults and keeps only non-secret fields', () => {
    const cfg = StackConfigSchema.parse({ ...base, usenet: { host: 'news.example.com', username: 'me' } });
    expect(cfg.usenet).toEqual({ host: 'news.example.com', port: 563, tls: true, username: 'me', connections: 8 });
  });

  it('names the field of each mistake, and refuses a password', () => {
    const bad = StackConfigSchema.safeParse({
      ...base,
      usenet: { host: 'http://news.example.com', port: 70000, connections: 0, password: 'x' },
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['usenet.host', 'usenet.port', 'usenet.connections', 'usenet']));
    expect(bad.error!.issues.find((i) => i.path.join('.') === 'usenet')?.message).toMatch(/password/);
  });

  it('stack settings show it and merge a change; null removes it', () => {
    const cfg = StackConfigSchema.parse({ ...base, usenet: { host: 'news.example.com' } });
    expect(settingsOf(cfg).usenet?.host).toBe('news.example.com');
    const moved = StackConfigSchema.parse(
      withSettings(cfg, { usenet: { host: 'eu.example.com', tls: false, port: 119 } }),
    );
    expect(moved.usenet).toMatchObject({ host: 'eu.example.com', port: 119, tls: false });
    expect(StackConfigSchema.parse(withSettings(cfg, { timeZone: 'UTC' })).usenet?.host).toBe('news.example.com');
    expect(StackConfigSchema.parse(withSettings(cfg, { usenet: null })).usenet).toBeUndefined();
  });
});
