import { mkdtempSync, readFileSync, statSync, writeFileSync, mkdirSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileLogger, logFilePath } from './file-logger';
import { createRedactor } from './redactor';

const tmp = () => mkdtempSync(join(tmpdir(), 'ups-t-filelog-'));

describe('file logger', () => {
  it('appends redacted JSON lines to <config>/logs/<door>.log, readable by the owner only', () => {
    const configDir = tmp();
    const redactor = createRedactor();
    redactor.add('nord-token-abc123');
    const { log, path } = createFileLogger({ configDir, door: 'cli', redactor });
    expect(path).toBe(logFilePath(configDir, 'cli'));
    log.info({ command: 'up' }, 'with nord-token-abc123 inside');
    createFileLogger({ configDir, door: 'cli', redactor }).log.warn('second run');
    const lines = readFileSync(join(configDir, 'logs', 'cli.log'), 'utf8')
      .trim()
      .split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
      name: 'ups-cli',
      command: 'up',
      msg: 'with [REDACTED] inside',
    });
    expect(lines.join('\n')).not.toContain('nord-token-abc123');
    expect(statSync(path ?? '').mode & 0o777).toBe(0o600);
  });

  it('keeps one previous file when the log grew past its limit', () => {
    const configDir = tmp();
    mkdirSync(join(configDir, 'logs'));
    writeFileSync(logFilePath(configDir, 'electron'), 'x'.repeat(100));
    createFileLogger({ configDir, door: 'electron', maxBytes: 50 }).log.info('fresh');
    expect(readFileSync(`${logFilePath(configDir, 'electron')}.1`, 'utf8')).toBe('x'.repeat(100));
    expect(readFileSync(logFilePath(configDir, 'electron'), 'utf8')).toContain('"msg":"fresh"');
  });

  it('degrades to no log, with the reason, when the folder cannot be written', () => {
    const configDir = tmp();
    // A file where the logs folder should be: mkdir fails whoever runs the test (root included).
    writeFileSync(join(configDir, 'logs'), 'not a folder');
    chmodSync(join(configDir, 'logs'), 0o400);
    const r = createFileLogger({ configDir, door: 'cli' });
    expect(r.path).toBeNull();
    expect(r.error).toMatch(/ENOTDIR|EEXIST/);
    expect(() => r.log.info('dropped')).not.toThrow();
  });
});
