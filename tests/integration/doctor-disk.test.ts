// `ups doctor` checks the drive the user chose: once a stack is installed (install pointer → stack.yml), the disk check
// measures stack.yml's dataRoot — here on a real tmpfs, so the filesystem it reports proves which drive was measured.
import { mkdirSync, mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnvCheckSchema, envelopeSchema, StackConfigSchema, type EnvCheck } from '../../src/core/contract';
import { sampleConfigInput } from '../../src/core/stack/sample-config';
import { serializeStackConfig } from '../../src/core/install/stack-file';
import { requireBuiltCli, ups } from '../helpers/cli';

const TMPFS_MAGIC = 0x01021994;
const dataRoot = join('/dev/shm', `ups-t-doctor-disk-${process.pid}`);

beforeAll(() => {
  requireBuiltCli();
  let type = 0;
  try {
    type = statfsSync('/dev/shm').type;
  } catch {
    /* reported below */
  }
  if (type !== TMPFS_MAGIC)
    throw new Error(
      '/dev/shm is not a tmpfs here: this test needs it as a second, recognisable filesystem for the data root.',
    );
  mkdirSync(dataRoot, { recursive: true });
});
afterAll(() => rmSync(dataRoot, { recursive: true, force: true }));

async function diskCheck(env: Record<string, string>): Promise<EnvCheck['checks'][number]> {
  const r = await ups(['doctor', '--json'], env);
  const parsed = envelopeSchema(EnvCheckSchema).parse(JSON.parse(r.stdout));
  if (!parsed.ok) throw new Error(`doctor itself should answer: ${parsed.error.message}`);
  const disk = parsed.value.checks.find((c) => c.id === 'host.disk');
  if (!disk) throw new Error('doctor reported no host.disk check');
  return disk;
}

describe('ups doctor disk check', () => {
  it("measures the installed stack's data root (tmpfs), not UPS_DATA_PATH or home", async () => {
    const configDir = mkdtempSync(join(tmpdir(), 'ups-t-doctor-disk-cfg-'));
    const installRoot = mkdtempSync(join(tmpdir(), 'ups-t-doctor-disk-install-'));
    writeFileSync(
      join(installRoot, 'stack.yml'),
      serializeStackConfig(StackConfigSchema.parse(sampleConfigInput({ installRoot, dataRoot }))),
    );
    writeFileSync(join(configDir, 'install.json'), JSON.stringify({ installRoot }));
    const disk = await diskCheck({ UPS_CONFIG_DIR: configDir, UPS_DATA_PATH: tmpdir() });
    expect(disk.detail).toContain(`free at ${dataRoot} (the data root in stack.yml), TMPFS;`);
  });

  it('uses UPS_DATA_PATH while nothing is installed', async () => {
    const configDir = mkdtempSync(join(tmpdir(), 'ups-t-doctor-disk-empty-'));
    const disk = await diskCheck({ UPS_CONFIG_DIR: configDir, UPS_DATA_PATH: dataRoot });
    expect(disk.detail).toContain(`free at ${dataRoot} (UPS_DATA_PATH), TMPFS;`);
  });
});
