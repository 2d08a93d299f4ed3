// Runs a built main entry (dist/main/main.mjs, or one extracted from a package) as ups.cmd does, `--ups-cli -- <args>`,
// under Node with a stand-in electron module: the same JavaScript path the installed app takes, minus the binary.
import { execa } from 'execa';
import { fileURLToPath } from 'node:url';

const register = fileURLToPath(new URL('./electron-stub/register.mjs', import.meta.url));

export async function runMainAsCli(mainEntry: string, args: string[], env: Record<string, string | undefined> = {}) {
  const r = await execa(process.execPath, ['--import', register, mainEntry, '--ups-cli', '--', ...args], {
    reject: false,
    env: { ...process.env, ...env },
    stdin: 'ignore',
  });
  return { code: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}
