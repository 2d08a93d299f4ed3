import { describe, expect, it } from 'vitest';
import { runCli, type CliDeps } from './program';

function deps(): { deps: CliDeps; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    deps: {
      version: '1.2.3',
      app: () => {
        throw new Error('no call expected');
      },
      serve: () => Promise.reject(new Error('no serve expected')),
      io: { out: (s) => out.push(s), err: (s) => err.push(s) },
    },
  };
}

describe('ups --version', () => {
  it.each([['--version'], ['-v']])('%s prints the version alone, exit 0, without a call', async (flag) => {
    const d = deps();
    expect(await runCli([flag], d.deps)).toBe(0);
    expect(d.out).toEqual(['1.2.3']);
    expect(d.err).toEqual([]);
  });

  it('an unknown command still lists every command in its suggestion', async () => {
    const d = deps();
    expect(await runCli(['stauts'], d.deps)).toBe(2);
    expect(d.err.join('\n')).toMatch(/Did you mean status\?/);
  });
});
