// `ups diagnostics` through the real commander tree: --out made absolute and checked at the door (exit 2 on a bad
// one, nothing called), the core's answer printed, a failure exits 1.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppService } from '../../core/app/app-service';
import type { Envelope } from '../../core/contract';
import { runCli } from '../program';

function cli(answer: Envelope<unknown>) {
  const calls: { channel: string; input: unknown }[] = [];
  const out: string[] = [];
  const err: string[] = [];
  const app = {
    call: async (channel: string, input: unknown) => (calls.push({ channel, input }), answer),
  } as unknown as AppService;
  const run = (argv: string[]) =>
    runCli(argv, {
      version: 'test',
      app: () => app,
      serve: async () => 0,
      io: { out: (t) => out.push(t), err: (t) => err.push(t) },
    });
  return { run, calls, out, err };
}

const written = {
  ok: true as const,
  value: {
    path: '/tmp/x/ups-diagnostics.zip',
    bytes: 1234,
    entries: [
      { name: 'doctor.json', collected: true },
      { name: 'compose-config.yaml', collected: false },
    ],
  },
};

describe('ups diagnostics', () => {
  it('without --out lets the core choose where, and prints the path', async () => {
    const c = cli(written);
    expect(await c.run(['diagnostics'])).toBe(0);
    expect(c.calls).toEqual([{ channel: 'diagnostics.export', input: {} }]);
    expect(c.out.join('\n')).toBe(
      'Wrote /tmp/x/ups-diagnostics.zip (1234 bytes; passwords and keys left out).\nNot collected (the zip says why): compose-config.yaml.',
    );
  });

  it('--out makes a relative path absolute before it reaches the core', async () => {
    const c = cli(written);
    expect(await c.run(['diagnostics', '--out', 'support/bundle.zip', '--json'])).toBe(0);
    expect(c.calls).toEqual([{ channel: 'diagnostics.export', input: { path: resolve('support/bundle.zip') } }]);
    expect(JSON.parse(c.out.join('\n'))).toEqual(written);
  });

  it('refuses an --out that is not a .zip with exit 2, naming the flag, and calls nothing', async () => {
    const c = cli(written);
    expect(await c.run(['diagnostics', '--out', 'notes.txt'])).toBe(2);
    expect(c.calls).toEqual([]);
    expect(c.err.join('\n')).toMatch(/--out the file name must end with \.zip\. Give a file name ending in \.zip/);
    expect(await c.run(['diagnostics', '--out', ''])).toBe(2);
    expect(await c.run(['diagnostics', '--nope'])).toBe(2);
    expect(c.calls).toEqual([]);
  });

  it('exits 1 with the error and its fix when the export fails', async () => {
    const c = cli({ ok: false, error: { code: 'INTERNAL', message: 'The disk is full.', fix: 'Free some space.' } });
    expect(await c.run(['diagnostics'])).toBe(1);
    expect(c.err.join('\n')).toMatch(/The disk is full\.[\s\S]*Free some space\./);
  });
});
