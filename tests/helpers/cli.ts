// Runs the built `ups` CLI as a user would: a separate Node process on bin/ups.mjs.
import { execa, type Options } from 'execa';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const upsBin = fileURLToPath(new URL('../../bin/ups.mjs', import.meta.url));

export function requireBuiltCli(): void {
  if (!existsSync(fileURLToPath(new URL('../../dist/cli/ups.mjs', import.meta.url)))) {
    throw new Error('dist/cli/ups.mjs is missing: run `npm run build` first (npm test does).');
  }
}

export async function ups(args: string[], env: Record<string, string | undefined> = {}, opts: Options = {}) {
  const r = await execa(process.execPath, [upsBin, ...args], {
    reject: false,
    env: { ...process.env, ...env },
    cwd: repoRoot,
    stdin: 'ignore',
    ...opts,
  });
  return { code: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}
