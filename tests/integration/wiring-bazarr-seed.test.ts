// Bazarr's API key on the real engine: install seeds the generated bazarr.api_key as auth.apikey into Bazarr's
// config/config.yaml inside its named volume (through the engine, never the host disk), owner PUID:PGID, mode 600,
// and a second install keeps the file, so the key Bazarr has and the vault's stay the same.
import type Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { StackConfigSchema } from '../../src/core/contract';
import { sampleConfigInput } from '../../src/core/stack/sample-config';
import { BAZARR_CONFIG_PATH, seedStackVolumes } from '../../src/core/stack/seed-stack';
import { generateSecretValue } from '../../src/core/stack/stack-secrets';
import { composeVolumeName } from '../../src/core/stack/seed-volumes';
import type { SecretName } from '../../src/core/contract/secret-names';
import { requireDocker, uniqueProject } from '../helpers/require-env';

const project = uniqueProject('bazarr-seed');
let docker: Docker;
const secrets = new Map<SecretName, string>();
const vault = {
  get: async (n: SecretName) => secrets.get(n) ?? null,
  set: async (n: SecretName, v: string) => void secrets.set(n, v),
};
// The stand-in plays Bazarr's image: seeding only creates (never starts) a container of it. The download client's
// seed needs its generated password, set in beforeAll: this test is about Bazarr's key only.
const cfg = StackConfigSchema.parse(
  sampleConfigInput({
    services: { qbittorrent: true, nzbget: false },
    puid: 1234,
    pgid: 2345,
    images: { bazarr: 'ups-standin/service:latest' },
  } as never),
);

beforeAll(async () => {
  docker = await requireDocker();
  secrets.set('qbittorrent.password', generateSecretValue('qbittorrent.password'));
});
afterAll(async () => {
  await docker
    ?.getVolume(composeVolumeName(project, 'bazarr-config'))
    .remove()
    .catch(() => undefined);
});

async function readSeed(): Promise<string> {
  const c = await docker.createContainer({
    Image: 'ups-standin/service:latest',
    Entrypoint: ['/bin/sh', '-c', `stat -c "%u:%g %a" /c/${BAZARR_CONFIG_PATH}; cat /c/${BAZARR_CONFIG_PATH}`],
    Cmd: [],
    // A TTY gives the logs as plain text (no multiplexing frame headers).
    Tty: true,
    HostConfig: {
      NetworkMode: 'none',
      Mounts: [{ Type: 'volume', Source: composeVolumeName(project, 'bazarr-config'), Target: '/c' }],
    },
  });
  try {
    await c.start();
    await c.wait();
    return (await c.logs({ stdout: true, stderr: true })).toString('utf8').replace(/\r/g, '');
  } finally {
    await c.remove({ force: true });
  }
}

describe("Bazarr's seeded API key", () => {
  it('refuses to seed without the key in the vault, writing nothing', async () => {
    await expect(seedStackVolumes(docker, cfg, project, vault)).rejects.toThrow(/bazarr\.api_key is not in the vault/);
  });

  it('writes config.yaml with the vault key, owned by PUID:PGID with mode 600, and keeps it on a re-run', async () => {
    const key = generateSecretValue('bazarr.api_key');
    secrets.set('bazarr.api_key', key);
    expect(await seedStackVolumes(docker, cfg, project, vault)).toEqual([`bazarr-config/${BAZARR_CONFIG_PATH}`]);
    const out = await readSeed();
    const [mode, ...yaml] = out.split('\n');
    expect(mode).toMatch(/1234:2345 600/);
    expect(parse(yaml.join('\n'))).toEqual({ auth: { apikey: key } });

    secrets.set('bazarr.api_key', generateSecretValue('bazarr.api_key'));
    expect(await seedStackVolumes(docker, cfg, project, vault)).toEqual([]);
    expect(parse((await readSeed()).split('\n').slice(1).join('\n'))).toEqual({ auth: { apikey: key } });
  });
});
