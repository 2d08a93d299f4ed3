// The production composition with a damaged engine.json in the profile: the App still starts, the calls that need the
// engine answer with the damaged-file error and its set-aside fix (never DOCKER_HOST's engine, which could show a stack
// that is not the user's), the others work, and setting the file aside lets the same App resolve the engine.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppService, type AppService } from './app-service';
import { defaultAppDeps } from './default-deps';
import { setAsideDamaged } from '../fs/read-state-file';
import { engineChoiceFile, writeEngineChoice } from '../profile/engine-choice';

const DAMAGED = '{"host": "unix:///somewhere/docker.sock",\n';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ups-chosen-endpoint-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** DOCKER_HOST names a socket of this test (nothing listens there), so an engine call says which engine it asked. */
const dockerHost = () => `unix://${join(dir, 'docker-host.sock')}`;

function app(extra: NodeJS.ProcessEnv = {}): AppService {
  const env: NodeJS.ProcessEnv = { ...process.env, UPS_CONFIG_DIR: dir, DOCKER_HOST: dockerHost(), ...extra };
  for (const k of ['UPS_DOCKER_CONTEXT', 'UPS_DOCKER_HOST'] as const) if (!(k in extra)) delete env[k];
  return createAppService(defaultAppDeps({ version: 'test', door: 'cli', env }));
}

const damagedError = () => ({
  code: 'BAD_INPUT',
  field: engineChoiceFile(dir),
  message: expect.stringContaining(`(${engineChoiceFile(dir)}) is damaged`) as unknown,
  action: { action: 'file.setAside', input: { file: 'engineChoice' } },
});

describe('a damaged engine.json', () => {
  it('fails the calls that need the engine with the set-aside fix, and the others work', async () => {
    await writeFile(engineChoiceFile(dir), DAMAGED);
    const a = app();
    // A door that listens starts the status mirror at once: that must not throw either.
    const unsubscribe = a.subscribe(() => undefined);
    unsubscribe();

    const status = await a.call('stack.status');
    expect(status).toMatchObject({ ok: false, error: damagedError() });
    expect(JSON.stringify(status)).not.toContain('docker-host.sock');
    expect(await a.call('stack.location.check', { dataRoot: join(dir, 'media') })).toMatchObject({
      ok: false,
      error: damagedError(),
    });

    expect(await a.call('app.info')).toMatchObject({ ok: true, value: { version: 'test', installRoot: null } });
    expect(await a.call('wizard.load')).toEqual({ ok: true, value: null });
    expect(await a.call('ui.nextSteps.get')).toEqual({ ok: true, value: { done: [] } });
    expect(await readFile(engineChoiceFile(dir), 'utf8')).toBe(DAMAGED);
  });

  it('fails the engine check of env.check with the set-aside button, and the disk check waits for it', async () => {
    await writeFile(engineChoiceFile(dir), DAMAGED);
    const r = await app().call('env.check');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const engine = r.value.checks.find((c) => c.id === 'docker.engine');
    expect(engine).toMatchObject({
      state: 'fail',
      detail: expect.stringContaining(engineChoiceFile(dir)) as unknown,
      fixes: [{ kind: 'action', action: { action: 'file.setAside', input: { file: 'engineChoice' } } }],
    });
    expect(r.value.checks.find((c) => c.id === 'host.disk')).toMatchObject({
      state: 'waiting',
      waitingOn: 'docker.engine',
    });
    expect(r.value.docker).toMatchObject({ reachable: false });
    expect(JSON.stringify(r.value)).not.toContain('docker-host.sock');
  });

  it('set aside through the App, is kept renamed, and the same App then asks DOCKER_HOST', async () => {
    await writeFile(engineChoiceFile(dir), DAMAGED);
    const a = app();
    expect(await a.call('stack.status')).toMatchObject({ ok: false, error: damagedError() });

    const res = await a.call('state.setAside', { file: 'engineChoice' });
    expect(res).toMatchObject({ ok: true, value: { file: 'engineChoice' } });
    const movedTo = res.ok ? res.value.movedTo : null;
    expect(movedTo).toMatch(/[/\\]engine\.json\.corrupt-\d{4}-\d\d-\d\dT[\d-]+Z$/);
    expect(await readFile(movedTo!, 'utf8')).toBe(DAMAGED);
    expect(await readdir(dir)).not.toContain('engine.json');

    const after = await a.call('stack.status');
    expect(after).toMatchObject({ ok: false, error: { code: 'ENGINE_UNREACHABLE' } });
    expect(!after.ok && after.error.message).toContain(dockerHost());
    // Nothing left to set aside: the answer says so, and nothing else moves.
    expect(await a.call('state.setAside', { file: 'engineChoice' })).toEqual({
      ok: true,
      value: { file: 'engineChoice', movedTo: null },
    });
  });

  it('set aside by another process (the CLI beside the app) or fixed by hand is followed from the next call', async () => {
    await writeFile(engineChoiceFile(dir), DAMAGED);
    const a = app();
    expect(await a.call('stack.status')).toMatchObject({ ok: false, error: damagedError() });
    await writeEngineChoice(dir, { host: `unix://${join(dir, 'chosen.sock')}` });
    const fixed = await a.call('stack.status');
    expect(!fixed.ok && fixed.error).toMatchObject({ code: 'ENGINE_UNREACHABLE' });
    expect(!fixed.ok && fixed.error.message).toContain('chosen.sock');

    await writeFile(engineChoiceFile(dir), DAMAGED);
    const b = app();
    expect(await b.call('stack.status')).toMatchObject({ ok: false, error: damagedError() });
    expect(await setAsideDamaged(engineChoiceFile(dir))).toMatch(/engine\.json\.corrupt-/);
    const after = await b.call('stack.status');
    expect(!after.ok && after.error.message).toContain(dockerHost());
  });
});

describe('the engine choice, when readable', () => {
  it('wins over DOCKER_HOST', async () => {
    await writeEngineChoice(dir, { host: `unix://${join(dir, 'chosen.sock')}` });
    const r = await app().call('stack.status');
    expect(r).toMatchObject({ ok: false, error: { code: 'ENGINE_UNREACHABLE' } });
    expect(!r.ok && r.error.message).toContain(join(dir, 'chosen.sock'));
  });

  it('loses to the UPS_DOCKER_HOST switch, which does not read it (a damaged one included)', async () => {
    await writeFile(engineChoiceFile(dir), DAMAGED);
    const r = await app({ UPS_DOCKER_HOST: `unix://${join(dir, 'switch.sock')}` }).call('stack.status');
    expect(r).toMatchObject({ ok: false, error: { code: 'ENGINE_UNREACHABLE' } });
    expect(!r.ok && r.error.message).toContain(join(dir, 'switch.sock'));
  });
});
