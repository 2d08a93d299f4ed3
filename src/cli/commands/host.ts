// `ups host …`: the Windows host fixes `ups doctor` offers (docs/decisions.md D15), each the same call the app's
// button makes: start Docker Desktop and wait, its start at sign-in, the WSL memory limit, stopping WSL, and moving a
// service to a free port.
import { InvalidArgumentError } from 'commander';
import { defaultPorts, type PortName } from '../../core/contract';
import type { RegisterCommand } from '../cli-context';
import { finish, runWithProgress } from './engine-command';

const portNames = Object.keys(defaultPorts) as PortName[];

const parsePortName = (v: string): PortName => {
  if ((portNames as string[]).includes(v)) return v as PortName;
  throw new InvalidArgumentError(`not a port name; one of: ${portNames.join(', ')}`);
};
const parseWhole = (min: number, max: number) => (v: string) => {
  const n = Number(v.replace(/gb$/i, ''));
  if (!Number.isInteger(n) || n < min || n > max)
    throw new InvalidArgumentError(`a whole number from ${min} to ${max}`);
  return n;
};

export const registerHost: RegisterCommand = (program, ctx) => {
  const host = program.command('host').description('Fix this Windows PC for the stack (what `ups doctor` offers).');
  host
    .command('start-docker')
    .description('Start Docker Desktop and wait (up to 3 minutes) for its engine.')
    .option('--json', 'print the answer as JSON')
    .action(async (o: { json?: boolean }) => {
      const env = await runWithProgress(ctx, 'host.dockerDesktop.start', {}, !!o.json);
      finish(
        ctx,
        env,
        !!o.json,
        (v) =>
          v.engine === 'running'
            ? `Docker Desktop is running (${v.exe}).`
            : `Docker Desktop was started (${v.exe}) but its engine did not answer within ${Math.round(v.waitedMs / 1000)} s; watch its window, then run \`ups doctor\`.`,
        (v) => v.engine === 'running',
      );
    });
  host
    .command('docker-autostart')
    .description(
      'Turn on Docker Desktop\'s "Start Docker Desktop when you sign in", so the stack comes back after a restart once you sign in.',
    )
    .option('--json', 'print the answer as JSON')
    .action(async (o: { json?: boolean }) => {
      const env = await (await ctx.deps.app()).call('host.dockerDesktop.autoStart', {});
      finish(
        ctx,
        env,
        !!o.json,
        (v) =>
          `Set ${v.key}=true in ${v.file}${v.backup ? ` (previous copy: ${v.backup})` : ''}. Docker Desktop now starts when you sign in to Windows; it applies from its next start.`,
      );
    });
  host
    .command('wsl-memory')
    .description(
      "Set the memory limit of WSL 2 (Docker Desktop's VM) in %UserProfile%\\.wslconfig, keeping its other settings.",
    )
    .argument('<gb>', 'the limit in GB (2–1024)', parseWhole(2, 1024))
    .option('--json', 'print the answer as JSON')
    .action(async (memoryGb: number, o: { json?: boolean }) => {
      const env = await (await ctx.deps.app()).call('host.wsl.memory', { memoryGb });
      finish(
        ctx,
        env,
        !!o.json,
        (v) =>
          `Wrote ${v.line} under [wsl2] in ${v.file}${v.previous ? ` (was ${v.previous})` : ''}${v.backup ? `; previous copy: ${v.backup}` : ''}.\nIt applies after \`ups host wsl-shutdown\` (stops every running WSL distribution) and a restart of Docker Desktop.`,
      );
    });
  host
    .command('wsl-shutdown')
    .description(
      "Run `wsl --shutdown`: stops every running WSL distribution and Docker Desktop's engine, so .wslconfig applies.",
    )
    .option('--json', 'print the answer as JSON')
    .action(async (o: { json?: boolean }) => {
      const env = await (await ctx.deps.app()).call('host.wsl.shutdown', {});
      finish(ctx, env, !!o.json, () => 'WSL stopped. Start Docker Desktop again: `ups host start-docker`.');
    });
  host
    .command('move-port')
    .description('Publish a service on another host port (stack settings), e.g. one outside a Windows excluded range.')
    .argument('<name>', `the port's name: ${portNames.join(', ')}`, parsePortName)
    .argument('<port>', 'the new host port', parseWhole(1, 65535))
    .option('--json', 'print the answer as JSON')
    .action(async (name: PortName, port: number, o: { json?: boolean }) => {
      const env = await runWithProgress(ctx, 'stack.settings.update', { ports: { [name]: port } }, !!o.json);
      finish(ctx, env, !!o.json, (v) => `${name} now uses port ${v.settings.ports[name]}.`);
    });
};
