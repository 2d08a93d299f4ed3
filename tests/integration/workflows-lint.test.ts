// Every GitHub Actions workflow passes action-validator (the workflow JSON schema plus its own checks), and the linter
// is shown to refuse a broken copy, so a green run means the files were really checked.
import { execa } from 'execa';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repo = join(import.meta.dirname, '..', '..');
const validator = join(repo, 'node_modules', '.bin', 'action-validator');
const workflowsDir = join(repo, '.github', 'workflows');
const workflows = readdirSync(workflowsDir).filter((f) => /\.ya?ml$/.test(f));
const scratch = mkdtempSync(join(tmpdir(), 'ups-workflows-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const validate = (file: string) => execa(validator, [file], { reject: false, all: true });

describe('GitHub workflows', () => {
  it('there is a Windows release workflow on windows-latest', () => {
    expect(workflows).toContain('windows-release.yml');
    expect(readFileSync(join(workflowsDir, 'windows-release.yml'), 'utf8')).toMatch(/runs-on: windows-latest/);
  });

  it.each(workflows)('%s passes action-validator', async (file) => {
    const r = await validate(join(workflowsDir, file));
    expect(r.all, r.all).toBe('');
    expect(r.exitCode).toBe(0);
  });

  it.each([
    ['a job without runs-on', (y: string) => y.replace(/^ {4}runs-on: windows-latest\n/m, '')],
    ['a misspelt step key', (y: string) => y.replace('- uses: actions/checkout@v4', '- usess: actions/checkout@v4')],
    ['an unknown trigger', (y: string) => y.replace('workflow_dispatch:', 'workflow_dispatched:')],
  ])('a broken copy fails: %s', async (_name, breakIt) => {
    const original = readFileSync(join(workflowsDir, 'windows-release.yml'), 'utf8');
    const broken = breakIt(original);
    expect(broken).not.toBe(original);
    const file = join(scratch, `broken-${Math.random().toString(36).slice(2)}.yml`);
    writeFileSync(file, broken);
    const r = await validate(file);
    expect(r.exitCode).not.toBe(0);
    expect(r.all).not.toBe('');
  });
});
