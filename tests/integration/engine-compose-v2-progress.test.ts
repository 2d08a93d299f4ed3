// The Compose v2 path of the runner: version detection picks `--progress json` and `up --wait`, and recorded v2 JSON
// progress (tests/fixtures/compose-v2, see its SOURCE.md) becomes progress events with byte counts. Compose v2 cannot
// be installed here, so a fake `docker` on PATH answers `compose version --short` and prints the fixture on stderr
// as compose does; it refuses the flags the version it claims does not have, as real Compose would.
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProgressEventSchema, type ProgressEvent } from '../../src/core/contract';
import { ComposeError } from '../../src/core/engine/compose/compose-error';
import type { ComposeTarget } from '../../src/core/engine/compose/compose-runner';
import { composePull } from '../../src/core/engine/compose/pull';
import { composeUp } from '../../src/core/engine/compose/up';
import { commandRunner, detectCompose } from '../../src/core/engine/compose-detect';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'compose-v2');
const pullFixture = join(fixtures, 'pull-vpn-radarr.jsonl');
const upFixture = join(fixtures, 'up-wait-vpn-radarr.jsonl');
const project = 'ups-t-json';
const secret = 'k-secret-never-on-argv';

// CommonJS (the temp folder has no package.json): logs its argv beside itself, then acts as the claimed version.
const fakeDocker = `#!/usr/bin/env node
const fs = require('node:fs');
const path = require('node:path');
const argv = process.argv.slice(2);
fs.appendFileSync(path.join(__dirname, 'argv.log'), JSON.stringify(argv) + '\\n');
const version = fs.readFileSync(path.join(__dirname, 'version'), 'utf8').trim();
const [maj, min, pat] = version.split('.').map(Number);
const atLeast = (a, b, c) => maj !== a ? maj > a : min !== b ? min > b : pat >= c;
if (argv[0] !== 'compose') { process.stderr.write('fake docker: only compose\\n'); process.exit(1); }
if (argv[1] === 'version' && argv[2] === '--short') { process.stdout.write(version + '\\n'); process.exit(0); }
const progress = argv.indexOf('--progress');
// cmd/compose/compose.go: ModeJSON exists from v2.29.0; before, "unsupported --progress value".
if (progress >= 0 && argv[progress + 1] === 'json' && !atLeast(2, 29, 0)) {
  process.stderr.write('unsupported --progress value "json"\\n'); process.exit(1);
}
const verb = argv[argv.indexOf('-f') + 2];
// cmd/compose/up.go: --wait exists from v2.1.1.
if (verb === 'up' && argv.includes('--wait') && !atLeast(2, 1, 1)) { process.stderr.write('unknown flag: --wait\\n'); process.exit(1); }
// pkg/compose/pull.go pullServiceImage error event, then cmd/compose/compose.go makeJSONError on stderr, exit 1.
if (verb === 'pull' && argv.includes('missing')) {
  process.stderr.write('{"id":"missing","text":"Error","status":"pull access denied for ups-t/missing"}\\n');
  process.stderr.write('{"error":true,"message":"pull access denied for ups-t/missing, repository does not exist"}\\n');
  process.exit(1);
}
const fixture = { pull: ${JSON.stringify(pullFixture)}, up: ${JSON.stringify(upFixture)} }[verb];
if (fixture && progress >= 0) process.stderr.write(fs.readFileSync(fixture, 'utf8'));
process.exit(0);
`;

let dir: string;
let hostEnv: Record<string, string>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ups-fake-compose-v2-'));
  writeFileSync(join(dir, 'docker'), fakeDocker);
  chmodSync(join(dir, 'docker'), 0o755);
  writeFileSync(join(dir, 'compose.yaml'), 'services: {}\n');
  hostEnv = { PATH: `${dir}:${process.env.PATH}`, HOME: dir };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Detects compose through the fake claiming `version`, as the app does, and returns the target and an argv reader. */
async function v2Target(version: string): Promise<{ target: ComposeTarget; calls: () => string[][] }> {
  writeFileSync(join(dir, 'version'), version);
  writeFileSync(join(dir, 'argv.log'), '');
  const facts = await detectCompose(commandRunner(hostEnv));
  expect(facts).toEqual({ available: true, variant: 'v2', version, command: ['docker', 'compose'] });
  const target: ComposeTarget = {
    compose: { ...facts, command: facts.command! },
    project,
    file: join(dir, 'compose.yaml'),
    secretEnv: { UPS_VPN_CONTROL_API_KEY: secret },
    hostEnv,
  };
  const calls = () =>
    readFileSync(join(dir, 'argv.log'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as string[])
      .filter((a) => a[1] !== 'version');
  return { target, calls };
}

const globalArgs = (json: boolean) => ['compose', '--ansi', 'never', ...(json ? ['--progress', 'json'] : [])];
const projectArgs = () => ['-p', project, '-f', join(dir, 'compose.yaml')];

/** Bytes to pull per the fixture itself: each layer's size, from its Downloading lines. */
function fixtureBytes(): number {
  const sizes = new Map<string, number>();
  for (const line of readFileSync(pullFixture, 'utf8').split('\n').filter(Boolean)) {
    const m = JSON.parse(line) as { id: string; parent_id?: string; text?: string; total?: number };
    if (m.parent_id && m.text === 'Downloading' && m.total) sizes.set(`${m.parent_id}/${m.id}`, m.total);
  }
  return [...sizes.values()].reduce((a, b) => a + b, 0);
}

describe('Compose v2.40.3: --progress json and up --wait', () => {
  it('pull reports bytes summed over every layer of every image, never going back, and each service pulled', async () => {
    const { target, calls } = await v2Target('2.40.3');
    const events: ProgressEvent[] = [];
    await composePull(target, ['vpn', 'radarr'], {
      operationId: 'pull-1',
      expected: 2,
      onProgress: (e) => events.push(e),
    });
    expect(calls()).toEqual([[...globalArgs(true), ...projectArgs(), 'pull', 'vpn', 'radarr']]);
    expect(JSON.stringify(calls())).not.toContain(secret);

    expect(events.length).toBeGreaterThan(10);
    for (const e of events) expect(ProgressEventSchema.parse(e)).toEqual(e);
    for (const [i, e] of events.entries()) {
      expect(e).toMatchObject({ operationId: 'pull-1', step: 'pull', total: 2 });
      expect(e.bytes!.done).toBeLessThanOrEqual(e.bytes!.total);
      if (i === 0) continue;
      const prev = events[i - 1]!;
      expect(e.bytes!.done, `event ${i} (${e.message})`).toBeGreaterThanOrEqual(prev.bytes!.done);
      expect(e.bytes!.total).toBeGreaterThanOrEqual(prev.bytes!.total);
      expect(e.current).toBeGreaterThanOrEqual(prev.current);
    }
    // Partway there at some point, and whole at the end: 48 712 575 bytes (SOURCE.md), the sum of the layer sizes.
    expect(events.some((e) => e.bytes!.done > 0 && e.bytes!.done < e.bytes!.total)).toBe(true);
    expect(fixtureBytes()).toBe(48_712_575);
    expect(events.at(-1)).toMatchObject({ current: 2, total: 2, bytes: { done: 48_712_575, total: 48_712_575 } });

    // Per-service steps: vpn is pulled first, then radarr; nothing counts before its "Pulled" line.
    const vpnPulled = events.findIndex((e) => e.message === 'vpn: pulled');
    const radarrPulled = events.findIndex((e) => e.message === 'radarr: pulled');
    expect(vpnPulled).toBeGreaterThan(0);
    expect(radarrPulled).toBeGreaterThan(vpnPulled);
    expect(events.slice(0, vpnPulled).every((e) => e.current === 0)).toBe(true);
    expect(events[vpnPulled]!.current).toBe(1);
    expect(events[radarrPulled]!.current).toBe(2);
    // vpn's bytes are all in by the time it is pulled: its three layers' sizes (the 32 B layer has none).
    const vpnBytes = 3_623_807 + 11_534_336;
    expect(events[vpnPulled]!.bytes!.done).toBeGreaterThanOrEqual(vpnBytes);
  });

  it('up passes --wait and counts a container only once compose saw it healthy', async () => {
    const { target, calls } = await v2Target('2.40.3');
    const events: ProgressEvent[] = [];
    await composeUp(target, [], { operationId: 'up-1', expected: 2, wait: true, onProgress: (e) => events.push(e) });
    expect(calls()).toEqual([[...globalArgs(true), ...projectArgs(), 'up', '-d', '--wait']]);
    expect(events.every((e) => e.step === 'up' && e.total === 2 && e.bytes === undefined)).toBe(true);
    const started = events.find((e) => e.message === `${project}-vpn-1: started`);
    expect(started?.current).toBe(0);
    expect(events.map((e) => e.current)).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2]);
    expect(events.at(-1)).toMatchObject({ current: 2, message: `${project}-radarr-1: healthy done` });
  });

  it('a failed JSON-mode pull is a plain, classified error, not JSON', async () => {
    const { target } = await v2Target('2.40.3');
    const events: ProgressEvent[] = [];
    const err = await composePull(target, ['missing'], { onProgress: (e) => events.push(e) }).then(
      () => null,
      (e: unknown) => e as ComposeError,
    );
    expect(err).toBeInstanceOf(ComposeError);
    expect(err!.upsError.code).toBe('NOT_FOUND');
    expect(err!.upsError.message).toContain('pull access denied for ups-t/missing, repository does not exist');
    expect(err!.upsError.message).not.toContain('{');
    expect(events.at(-1)?.message).toBe('missing: error pull access denied for ups-t/missing');
  });

  it('callers that wait for health themselves get no --wait; without a progress reader the output stays text', async () => {
    const { target, calls } = await v2Target('2.40.3');
    await composeUp(target, ['radarr'], { noDeps: true, onProgress: () => {} });
    await composeUp(target, ['radarr'], { wait: true });
    await composePull(target, ['radarr']);
    expect(calls()).toEqual([
      [...globalArgs(true), ...projectArgs(), 'up', '-d', '--no-deps', 'radarr'],
      [...globalArgs(false), ...projectArgs(), 'up', '-d', '--wait', 'radarr'],
      [...globalArgs(false), ...projectArgs(), 'pull', 'radarr'],
    ]);
  });
});

describe('older and newer Compose keep the text path', () => {
  it.each([
    ['2.29.0', true],
    ['2.20.0', true],
    ['2.1.0', false],
    ['5.0.0', true],
  ])('%s: no --progress json; --wait = %s', async (version, wait) => {
    const { target, calls } = await v2Target(version);
    const events: ProgressEvent[] = [];
    await composeUp(target, [], { wait: true, expected: 2, onProgress: (e) => events.push(e) });
    await composePull(target, ['vpn'], { onProgress: (e) => events.push(e) });
    expect(calls()).toEqual([
      [...globalArgs(false), ...projectArgs(), 'up', '-d', ...(wait ? ['--wait'] : [])],
      [...globalArgs(false), ...projectArgs(), 'pull', 'vpn'],
    ]);
    expect(events).toEqual([]);
  });
});
