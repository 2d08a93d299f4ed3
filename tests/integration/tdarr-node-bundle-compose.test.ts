// The Tdarr node bundle as the other PC's Docker Compose reads it: the real `docker-compose config` (or `docker compose
// config`) accepts each GPU variant and resolves the server address, node name and GPU request unchanged.
import { execa } from 'execa';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { commandRunner, detectCompose } from '../../src/core/engine/compose-detect';
import { writeInstallFiles } from '../../src/core/fs/install-writer';
import { nodeBundleFiles, serverShareFolders } from '../../src/core/stack/tdarr-node-bundle';

let command: string[];
let dir = '';
beforeAll(async () => {
  const facts = await detectCompose(commandRunner(process.env));
  if (!facts.available || !facts.command)
    throw new Error('Docker Compose is missing: install docker-compose (v1) or the compose v2 plugin.');
  command = facts.command;
});
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

type Resolved = {
  services: Record<
    string,
    {
      image: string;
      environment: Record<string, string>;
      volumes: { type: string; source: string; target: string }[];
      devices?: unknown[];
      deploy?: { resources: unknown };
    }
  >;
};

describe('Tdarr node bundle under Docker Compose', () => {
  for (const gpu of ['none', 'nvidia', 'intel-amd'] as const) {
    it(`compose config accepts the ${gpu} variant and keeps the server address`, async () => {
      dir = await mkdtemp(path.join(process.env.UPS_CI_TMP ?? os.tmpdir(), 'ups-t-tdarr-node-'));
      await writeInstallFiles(
        dir,
        nodeBundleFiles({
          nodeName: 'gaming-pc',
          serverIP: '192.168.1.20',
          serverPort: 8266,
          serverImage: 'ghcr.io/haveagitgat/tdarr:2.28.01',
          mediaPath: '/mnt/media',
          cachePath: '/mnt/cache',
          server: serverShareFolders('/srv/data'),
          gpu,
          timeZone: 'Europe/Berlin',
          puid: 1000,
          pgid: 1000,
        }),
      );
      const r = await execa(command[0]!, [...command.slice(1), '-p', 'ups-t-tdarrnode', 'config'], {
        reject: false,
        cwd: dir,
        env: { PATH: process.env.PATH ?? '' },
        extendEnv: false,
      });
      expect(r.exitCode, r.stderr).toBe(0);
      const node = (parse(r.stdout) as Resolved).services['tdarr-node']!;
      expect(node.image).toBe('ghcr.io/haveagitgat/tdarr_node:2.28.01');
      expect(node.environment).toMatchObject({ serverIP: '192.168.1.20', serverPort: '8266', nodeName: 'gaming-pc' });
      // The shared transcode cache and the library are mounted where the path translators expect them.
      expect(node.volumes).toContainEqual(expect.objectContaining({ source: '/mnt/cache', target: '/temp' }));
      expect(node.volumes).toContainEqual(expect.objectContaining({ source: '/mnt/media', target: '/media' }));
      if (gpu === 'nvidia') expect(JSON.stringify(node.deploy)).toContain('"driver":"nvidia"');
      if (gpu === 'intel-amd') expect(JSON.stringify(node.devices)).toContain('/dev/dri');
    });
  }
});
