// The qBittorrent seed on the real thing: Debian's qbittorrent-nox reads our qBittorrent.conf and accepts exactly the
// generated password (PBKDF2 hash); seedVolume puts files into a named volume through the engine with the right owner
// and never overwrites an existing file.
import type Docker from 'dockerode';
import { execa, type ResultPromise } from 'execa';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  qbittorrentCategories,
  qbittorrentConf,
  qbittorrentPasswordHash,
  verifyQbittorrentHash,
} from '../../src/core/stack/qbittorrent-conf';
import { composeVolumeName, seedVolume } from '../../src/core/stack/seed-volumes';
import { requireDocker, uniqueProject } from '../helpers/require-env';
import { freePort, removeTempDirs, tempDir } from './stack-helpers';

const password = 'Gen3rated-pw_x9';
let qbt: ResultPromise | undefined;
let base = '';

async function login(pw: string): Promise<{ text: string; cookie: string }> {
  const r = await fetch(`${base}/api/v2/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', Referer: base },
    body: new URLSearchParams({ username: 'admin', password: pw }),
  });
  return { text: await r.text(), cookie: r.headers.get('set-cookie')?.split(';')[0] ?? '' };
}

beforeAll(async () => {
  const which = await execa('sh', ['-c', 'command -v qbittorrent-nox'], { reject: false });
  if (which.exitCode !== 0)
    throw new Error('qbittorrent-nox is not installed: apt-get install qbittorrent-nox, as .ci/run does.');
  const profile = await tempDir('qbt');
  await mkdir(join(profile, 'qBittorrent', 'config'), { recursive: true });
  await writeFile(
    join(profile, 'qBittorrent', 'config', 'qBittorrent.conf'),
    qbittorrentConf(qbittorrentPasswordHash(password)),
  );
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  qbt = execa('qbittorrent-nox', [`--profile=${profile}`, `--webui-port=${port}`], {
    reject: false,
    stdin: 'ignore',
    env: { HOME: profile },
  });
  for (let i = 0; i < 100; i++) {
    const up = await fetch(`${base}/`).then(
      () => true,
      () => false,
    );
    if (up) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('qbittorrent-nox did not open its WebUI within 20 s');
}, 60_000);

afterAll(async () => {
  qbt?.kill('SIGTERM');
  await qbt;
  await removeTempDirs();
});

describe('qBittorrent.conf seed', () => {
  it('the hash verifies only the right password', () => {
    const h = qbittorrentPasswordHash(password);
    expect(h).toMatch(/^@ByteArray\([A-Za-z0-9+/=]{24}:[A-Za-z0-9+/=]{88}\)$/);
    expect(verifyQbittorrentHash(password, h)).toBe(true);
    expect(verifyQbittorrentHash(`${password}x`, h)).toBe(false);
  });

  it('real qbittorrent-nox accepts the generated password and rejects another', async () => {
    expect((await login('adminadmin')).text).toBe('Fails.');
    const ok = await login(password);
    expect(ok.text).toBe('Ok.');
    const prefs = (await (
      await fetch(`${base}/api/v2/app/preferences`, { headers: { cookie: ok.cookie } })
    ).json()) as Record<string, unknown>;
    expect(prefs.web_ui_username).toBe('admin');
    expect(String(prefs.save_path)).toMatch(/^\/data\/torrents\/?$/);
  });
});

describe('seedVolume', () => {
  let docker: Docker;
  const project = uniqueProject('seed');
  beforeAll(async () => {
    docker = await requireDocker();
  });
  afterAll(async () => {
    await docker
      ?.getVolume(composeVolumeName(project, 'qbittorrent-config'))
      .remove()
      .catch(() => undefined);
  });

  it('writes into the named volume with the owner, labels it like compose, and keeps existing files', async () => {
    const files = [
      { path: 'qBittorrent/qBittorrent.conf', content: 'first\n', uid: 1234, gid: 2345, mode: 0o600 },
      { path: 'qBittorrent/categories.json', content: qbittorrentCategories(), uid: 1234, gid: 2345 },
    ];
    const req = { project, volume: 'qbittorrent-config', image: 'ups-standin/service:latest', files };
    expect((await seedVolume(docker, req)).written).toEqual([
      'qBittorrent/qBittorrent.conf',
      'qBittorrent/categories.json',
    ]);
    const second = await seedVolume(docker, { ...req, files: [{ ...files[0]!, content: 'second\n' }] });
    expect(second).toEqual({ written: [], kept: ['qBittorrent/qBittorrent.conf'] });

    const vol = await docker.getVolume(composeVolumeName(project, 'qbittorrent-config')).inspect();
    expect(vol.Labels).toMatchObject({
      'com.docker.compose.project': project,
      'com.docker.compose.volume': 'qbittorrent-config',
    });
    const c = await docker.createContainer({
      Image: 'ups-standin/service:latest',
      Entrypoint: [
        '/bin/sh',
        '-c',
        'stat -c "%u:%g %a" /c/qBittorrent/qBittorrent.conf; cat /c/qBittorrent/qBittorrent.conf',
      ],
      Cmd: [],
      HostConfig: { NetworkMode: 'none', Mounts: [{ Type: 'volume', Source: vol.Name, Target: '/c' }] },
    });
    try {
      await c.start();
      await c.wait();
      const out = (await c.logs({ stdout: true, stderr: true })).toString('utf8');
      expect(out).toContain('1234:2345 600');
      expect(out).toContain('first');
      expect(out).not.toContain('second');
    } finally {
      await c.remove({ force: true });
    }
  });
});
