// The CIFS named volumes the migration writes for a Windows UNC target: real `docker-compose config` (or
// `docker compose config`) accepts them with the vault's values in the environment, refuses without the password
// (naming the variable), and no NAS password appears in any written file.
import { execa } from 'execa';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { commandRunner, detectCompose } from '../../src/core/engine/compose-detect';
import { writeInstallFiles } from '../../src/core/fs/install-writer';
import { rewriteCompose } from '../../src/core/stack/compose-rewrite';
import { envVarFor } from '../../src/core/contract/secret-names';

let command: string[];
let dir: string;
beforeAll(async () => {
  const facts = await detectCompose(commandRunner(process.env));
  if (!facts.available || !facts.command)
    throw new Error('Docker Compose is missing: install docker-compose (v1) or the compose v2 plugin.');
  command = facts.command;
});
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const original = `services:
  radarr:
    image: ups-standin/service:latest
    volumes:
      - radarr-config:/config
      - D:\\UPS\\data:/data
  plex:
    image: ups-standin/service:latest
    volumes:
      - D:\\UPS\\data\\media:/data/media
volumes:
  radarr-config: {}
`;

async function config(file: string, env: NodeJS.ProcessEnv) {
  return execa(command[0]!, [...command.slice(1), '-p', 'ups-t-migcifs', '-f', file, 'config'], {
    reject: false,
    env,
    extendEnv: false,
    cwd: path.dirname(file),
  });
}

describe('CIFS volumes for a UNC target', () => {
  it('are accepted by compose config with the vault values in the environment only', async () => {
    dir = await mkdtemp(path.join(process.env.UPS_CI_TMP ?? os.tmpdir(), 'ups-t-migrate-cifs-'));
    const password = `pw-${Math.random().toString(36).slice(2)}-secret`;
    const user = 'mediauser';
    const r = rewriteCompose(original, {
      mode: 'everything',
      sourceRoot: 'D:\\UPS\\data',
      target: '\\\\nas.local\\media\\ups',
      smb: { version: '3.0', uid: 1000, gid: 1000 },
    });
    await writeFile(path.join(dir, 'compose.yaml'), original);
    await writeInstallFiles(dir, [{ name: 'compose.yaml', content: r.text }]);
    const base = {
      PATH: process.env.PATH ?? '',
      ...(process.env.DOCKER_HOST ? { DOCKER_HOST: process.env.DOCKER_HOST } : {}),
    };
    const ok = await config(path.join(dir, 'compose.yaml'), {
      ...base,
      [envVarFor('nas.user')]: user,
      [envVarFor('nas.password')]: password,
    });
    expect(ok.exitCode, ok.stderr).toBe(0);
    const resolved = parse(ok.stdout) as {
      volumes: Record<string, { driver: string; driver_opts: Record<string, string> }>;
      services: Record<string, { volumes: unknown[] }>;
    };
    const data = resolved.volumes.ups_nas_data!;
    expect(data.driver).toBe('local');
    expect(data.driver_opts.type).toBe('cifs');
    expect(data.driver_opts.device).toBe('//nas.local/media/ups');
    expect(data.driver_opts.o).toContain(`password=${password}`);
    expect(data.driver_opts.o).toContain(`username=${user}`);
    expect(resolved.volumes.ups_nas_media!.driver_opts.device).toBe('//nas.local/media/ups/media');
    // Without the password in the environment, compose refuses and names the variable.
    const missing = await config(path.join(dir, 'compose.yaml'), { ...base, [envVarFor('nas.user')]: user });
    expect(missing.exitCode).not.toBe(0);
    expect(missing.stderr).toContain(envVarFor('nas.password'));
    // No written file (compose.yaml, its backup) contains the password.
    const files = [
      path.join(dir, 'compose.yaml'),
      ...(await readdir(path.join(dir, '.backups'), { recursive: true })).map((f) => path.join(dir, '.backups', f)),
    ];
    for (const f of files) {
      const text = await readFile(f, 'utf8').catch(() => '');
      expect(text.includes(password), f).toBe(false);
    }
    expect(files.length).toBeGreaterThan(1);
  });
});
