// engine.json read back: the choice, no choice, or the damaged-file error every other app file answers with
// (docs/decisions.md D30), carrying the set-aside fix. Reading never throws: the composition must not fail on it.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UpsFailure } from '../contract';
import { engineChoiceFile, readEngineChoice, writeEngineChoice } from './engine-choice';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ups-engine-choice-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const setAside = { action: 'file.setAside', input: { file: 'engineChoice' }, label: 'Set the damaged file aside' };

/** The error of a damaged read, checked for the shape every damaged app file has. */
function damage(): UpsFailure {
  const r = readEngineChoice(dir);
  expect(r.ok).toBe(false);
  if (r.ok) throw new Error('read as if it were fine');
  expect(r.error).toBeInstanceOf(UpsFailure);
  expect(r.error.error.field).toBe(engineChoiceFile(dir));
  expect(r.error.error.message).toContain(engineChoiceFile(dir));
  expect(r.error.error.fix).toMatch(/^Set the damaged file aside .*DOCKER_HOST/);
  expect(r.error.error.action).toEqual(setAside);
  return r.error;
}

describe('readEngineChoice', () => {
  it('answers the choice that was written', async () => {
    await writeEngineChoice(dir, { host: 'tcp://nas.lan:2376', tlsVerify: true, certPath: '/certs' });
    expect(readEngineChoice(dir)).toEqual({
      ok: true,
      choice: { host: 'tcp://nas.lan:2376', tlsVerify: true, certPath: '/certs' },
    });
  });

  it('answers no choice when the file is missing', () => {
    expect(readEngineChoice(dir)).toEqual({ ok: true, choice: undefined });
  });

  it('names a file that is not JSON, with where it stops being JSON', async () => {
    await writeFile(engineChoiceFile(dir), '{"host": "tcp://nas.lan:2376",\n  oops}\n');
    const e = damage();
    expect(e.error.code).toBe('BAD_INPUT');
    expect(e.error.message).toMatch(/is damaged: it is not valid JSON at line 2, column \d+\.$/);
  });

  it('names a file cut short', async () => {
    await writeFile(engineChoiceFile(dir), '{"host": "tcp://nas');
    expect(damage().error.message).toMatch(/is damaged: it is not valid JSON/);
  });

  it('names an empty file', async () => {
    await writeFile(engineChoiceFile(dir), '');
    expect(damage().error.message).toMatch(/is damaged: it is empty\.$/);
  });

  it('names JSON of the wrong shape, with the field', async () => {
    await writeFile(engineChoiceFile(dir), JSON.stringify({ host: 'tcp://nas.lan:2376', tlsVerify: 'yes' }));
    const e = damage();
    expect(e.error.code).toBe('BAD_INPUT');
    expect(e.error.message).toMatch(/is damaged at "tlsVerify": /);
  });

  it('names a key it does not know (a choice it cannot follow exactly)', async () => {
    await writeFile(engineChoiceFile(dir), JSON.stringify({ hots: 'tcp://nas.lan:2376' }));
    expect(damage().error.message).toMatch(/is damaged: .*hots/);
  });

  it('names a folder in its place', async () => {
    await mkdir(join(engineChoiceFile(dir), 'inside'), { recursive: true });
    expect(damage().error.message).toMatch(/^Cannot read .*: a folder is in its place\.$/);
  });
});
