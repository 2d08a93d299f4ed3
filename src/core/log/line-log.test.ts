import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileLogger } from './file-logger';
import { createLineLog } from './line-log';
import { logFilePath } from './log-file';
import { createRedactor } from './redactor';

const tmp = () => mkdtempSync(join(tmpdir(), 'ups-t-linelog-'));
const read = (path: string) =>
  readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
/** What differs between two writers by nature: the moment of the line. */
const timeless = ({ time, ...rest }: Record<string, unknown>) => (expect(typeof time).toBe('number'), rest);

describe('line log (the doors log file without pino)', () => {
  it('writes the record pino writes, key for key, censored by key and redacted by value the same way', () => {
    const redactor = createRedactor();
    redactor.add('nord-token-abc123');
    const lines: [string, Record<string, unknown>, string][] = [
      ['info', { command: 'status' }, 'command started'],
      ['info', { command: 'status', exitCode: 0 }, 'command finished'],
      ['warn', { code: 'BAD_INPUT', field: 'input.name' }, 'value nord-token-abc123 refused "quoted"\n'],
      ['warn', { password: 'p', nested: { token: 't', keep: 1 }, deep: { a: { secret: 's' } } }, 'censored'],
      ['error', { err: Object.assign(new Error('boom nord-token-abc123'), { code: 'E1' }) }, 'failed'],
      ['info', {}, 'no fields'],
    ];
    const viaPino = tmp();
    const pinoLog = createFileLogger({ configDir: viaPino, door: 'cli', redactor }).log;
    const viaLines = tmp();
    const lineLog = createLineLog({ path: logFilePath(viaLines, 'cli'), name: 'ups-cli', redactor });
    for (const [level, fields, msg] of lines) {
      pinoLog[level as 'info'](fields, msg);
      lineLog[level as 'info'](fields, msg);
    }
    const fromPino = read(logFilePath(viaPino, 'cli'));
    const fromLines = read(logFilePath(viaLines, 'cli'));
    expect(fromLines.map(timeless)).toEqual(fromPino.map(timeless));
    // Key order too: readers (and people) see one format whichever writer wrote the line.
    expect(fromLines.map((l) => Object.keys(l))).toEqual(fromPino.map((l) => Object.keys(l)));
    expect(readFileSync(logFilePath(viaLines, 'cli'), 'utf8')).not.toContain('nord-token-abc123');
    expect(fromLines[3]).toMatchObject({ password: '[REDACTED]', nested: { token: '[REDACTED]', keep: 1 } });
  });

  it('opens the file on the first line only, 0600, below the level nothing is written', () => {
    const dir = tmp();
    const path = logFilePath(dir, 'cli');
    const log = createLineLog({ path, name: 'ups-cli', level: 'warn' });
    log.info({ command: 'status' }, 'command started');
    expect(() => statSync(path)).toThrow(/ENOENT/);
    log.warn({ code: 'X' }, 'kept');
    expect(read(path)).toMatchObject([{ level: 40, code: 'X', msg: 'kept', name: 'ups-cli' }]);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('keeps one previous file past the limit, and drops lines when the folder cannot be written', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'logs'));
    writeFileSync(logFilePath(dir, 'cli'), 'x'.repeat(100));
    createLineLog({ path: logFilePath(dir, 'cli'), name: 'ups-cli', maxBytes: 50 }).info({}, 'fresh');
    expect(readFileSync(`${logFilePath(dir, 'cli')}.1`, 'utf8')).toBe('x'.repeat(100));
    expect(read(logFilePath(dir, 'cli'))).toMatchObject([{ msg: 'fresh' }]);

    const blocked = tmp();
    writeFileSync(join(blocked, 'logs'), 'not a folder');
    const log = createLineLog({ path: logFilePath(blocked, 'cli'), name: 'ups-cli' });
    expect(() => log.info({}, 'dropped')).not.toThrow();
    expect(readFileSync(join(blocked, 'logs'), 'utf8')).toBe('not a folder');
  });
});
