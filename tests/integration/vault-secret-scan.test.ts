// No secret value anywhere we write (docs/decisions.md D4, rule 4): after a full `ups init --secrets-from-env --up` through
// the built CLI on the real engine (stand-ins under the catalog's image names) with the real keyring, every value the
// vault holds — the user's VPN credentials and every generated key/password — is absent from every file under the
// install root, the data root and the config dir (install pointer, wizard progress, any store), and from all CLI output.
import type Docker from 'dockerode';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultImages, defaultPorts } from '../../src/core/contract';
import { createKeytarVault } from '../../src/core/vault/keytar-vault';
import { secretNames } from '../../src/core/contract/secret-names';
import { requireBuiltCli, ups } from '../helpers/cli';
import { requireDocker, requireSecretService, uniqueProject, tagStandInAs } from '../helpers/require-env';

const project = uniqueProject('secretscan');
const service = `UPS secret scan test ${randomBytes(4).toString('hex')}`;
const vpnUser = `scan-user-${randomBytes(5).toString('hex')}`;
const vpnPass = `scan-pass-${randomBytes(8).toString('hex')}`;
let docker: Docker;
let root: string;
let env: Record<string, string>;
const outputs: string[] = [];

async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(p)));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

beforeAll(async () => {
  requireBuiltCli();
  requireSecretService();
  docker = await requireDocker();
  await tagStandInAs(docker, Object.values(defaultImages));
  root = await mkdtemp(join(process.env.UPS_CI_TMP ?? tmpdir(), 'ups-t-secretscan-'));
  const ports = await Promise.all(Object.keys(defaultPorts).map(async (k) => `  ${k}: ${await freePort()}`));
  const answers = [
    `installRoot: ${join(root, 'install')}`,
    `dataRoot: ${join(root, 'data')}`,
    'timeZone: Europe/Berlin',
    'services:',
    '  qbittorrent: true',
    '  nzbget: true',
    'vpn:',
    '  provider: nordvpn',
    '  type: openvpn',
    'ports:',
    ...ports,
    '',
  ];
  await writeFile(join(root, 'answers.yml'), answers.join('\n'));
  // The data folder is the drive folder the user picked; it exists before init (ups init --up does not create it).
  await mkdir(join(root, 'data'));
  env = { UPS_COMPOSE_PROJECT: project, UPS_VAULT_SERVICE: service, UPS_CONFIG_DIR: join(root, 'config') };
  const init = await ups(['init', '--config', join(root, 'answers.yml'), '--secrets-from-env', '--up', '--json'], {
    ...env,
    UPS_VPN_OPENVPN_USER: vpnUser,
    UPS_VPN_OPENVPN_PASSWORD: vpnPass,
  });
  outputs.push(init.stdout, init.stderr);
  if (init.code !== 0) throw new Error(`ups init --up failed (${init.code}): ${init.stdout}${init.stderr}`);
  for (const args of [
    ['status', '--json'],
    ['doctor', '--json'],
    ['doctor'],
    ['secrets', 'status'],
    ['config', 'show', '--json'],
  ]) {
    const r = await ups(args, env);
    outputs.push(r.stdout, r.stderr);
  }
}, 300_000);

afterAll(async () => {
  const ids = (
    await execa('docker', ['ps', '-aq', '--filter', `label=com.docker.compose.project=${project}`], { reject: false })
  ).stdout
    .split('\n')
    .filter(Boolean);
  if (ids.length) await execa('docker', ['rm', '-f', '-v', ...ids], { reject: false });
  const vols = (
    await execa('docker', ['volume', 'ls', '-q', '--filter', `label=com.docker.compose.project=${project}`], {
      reject: false,
    })
  ).stdout
    .split('\n')
    .filter(Boolean);
  if (vols.length) await execa('docker', ['volume', 'rm', '-f', ...vols], { reject: false });
  await execa('docker', ['network', 'rm', `${project}_default`], { reject: false });
  const vault = createKeytarVault(service);
  for (const n of secretNames) await vault.delete(n).catch(() => false);
  // Data written by root-run containers may need the engine to remove; a leftover temp dir is harmless.
  if (root) await rm(root, { recursive: true, force: true }).catch(() => undefined);
}, 120_000);

describe('secret scan after ups init --up', () => {
  it('the stack came up and the vault holds the user secrets plus generated ones', async () => {
    const status = JSON.parse(outputs[2] ?? '{}') as { ok: boolean; value: { services: unknown[] } };
    expect(status.ok).toBe(true);
    expect(status.value.services.length).toBeGreaterThan(3);
    const vault = createKeytarVault(service);
    expect(await vault.get('vpn.openvpn.password')).toBe(vpnPass);
    expect(await vault.get('radarr.api_key')).toMatch(/\S{16,}/);
  });

  it('no stored value appears in any file under install root, data root or config dir, nor in any CLI output', async () => {
    const vault = createKeytarVault(service);
    const values: string[] = [];
    for (const n of secretNames) {
      const v = await vault.get(n);
      if (v) values.push(v);
    }
    expect(values.length).toBeGreaterThanOrEqual(5);
    const files = [
      ...(await filesUnder(join(root, 'install'))),
      ...(await filesUnder(join(root, 'data'))),
      ...(await filesUnder(join(root, 'config'))),
    ];
    expect(files.some((f) => f.endsWith('compose.yaml'))).toBe(true);
    expect(files.some((f) => f.endsWith('install.json'))).toBe(true);
    const leaks: string[] = [];
    for (const f of files) {
      const text = (await readFile(f)).toString('latin1');
      for (const v of values)
        if (text.includes(v) || text.includes(Buffer.from(v).toString('base64')))
          leaks.push(`${f} contains a vault value`);
    }
    outputs.forEach((o, i) => {
      for (const v of values) if (o.includes(v)) leaks.push(`CLI output #${i} contains a vault value`);
    });
    expect(leaks).toEqual([]);
  });
});
