// `ups move check|run|resume|status|remove-old`: move the stack to another Docker engine (a NAS or a server). The
// command only translates flags into the stack.move.* calls and prints their answers; the use case lives in the core.
import type { Command } from 'commander';
import type { EngineTarget, StackMoveCheck, StackMoveStatus } from '../../core/contract';
import type { CliContext, RegisterCommand } from '../cli-context';
import { EXIT_FAILED, EXIT_OK } from '../exit-codes';
import { fixLines } from '../fix-command';

const mib = (n: number) => (n >= 1 << 30 ? `${(n / 2 ** 30).toFixed(1)} GiB` : `${(n / 2 ** 20).toFixed(1)} MiB`);

export function renderMoveCheck(c: StackMoveCheck): string {
  return [
    `Target ${c.engine.label}: ${c.ok ? 'ready' : 'not ready'}`,
    `  engine:  API ${c.engine.apiVersion || '?'}, ${c.engine.os || '?'}/${c.engine.arch || '?'}; services answer at ${c.engine.serviceHost}`,
    `  space:   ${c.freeBytes === null ? 'not measured' : `${mib(c.freeBytes)} free`}, ${mib(c.neededBytes)} of settings to copy`,
    ...c.volumes.map((v) => `  volume:  ${v.name} (${v.service}) ${mib(v.bytes)}`),
    ...c.images.map((i) => `  image:   ${i.service} ${i.image} ${i.ok ? 'ok' : 'NOT OK'}: ${i.detail}`),
    ...c.problems.flatMap((p) => [`  problem: ${p.message}`, `           fix: ${p.fix}`]),
  ].join('\n');
}

export function renderMoveStatus(s: StackMoveStatus): string {
  const lines = [`Stack move: ${s.phase}${s.interrupted ? ' (interrupted: `ups move resume` goes on)' : ''}`];
  if (s.target) lines.push(`  to: ${s.target}${s.dataRoot ? `, media folder ${s.dataRoot}` : ''}`);
  for (const v of s.volumes)
    lines.push(`  volume ${v.name}: ${v.copied ? `copied and verified (${v.files} files)` : 'not copied yet'}`);
  for (const l of s.links) lines.push(`  link ${l.name}: ${l.ok ? 'ok' : `FAILED (${l.detail})`}`);
  if (s.lastError) lines.push(`  problem: ${s.lastError.message}`, ...fixLines(s.lastError, '  '));
  if (s.phase === 'ready')
    lines.push(
      '  The old stack is stopped and kept. `ups move remove-old --confirm` deletes it (containers and settings).',
    );
  return lines.join('\n');
}

interface TargetFlags {
  host?: string;
  context?: string;
  tlsVerify?: boolean;
  certPath?: string;
  dataRoot?: string;
  json?: boolean;
}

const targetOf = (o: TargetFlags): EngineTarget => ({
  ...(o.host ? { host: o.host } : {}),
  ...(o.context ? { context: o.context } : {}),
  ...(o.tlsVerify ? { tlsVerify: true } : {}),
  ...(o.certPath ? { certPath: o.certPath } : {}),
});

function targetOptions(c: Command): Command {
  return c
    .option('--host <url>', 'the target engine: tcp://nas:2376 or ssh://user@nas')
    .option('--context <name>', 'the target engine as a Docker context (docker context ls)')
    .option('--tls-verify', 'for a tcp:// host: verify its certificate (ca.pem, cert.pem, key.pem in --cert-path)')
    .option('--cert-path <dir>', 'the folder of the TLS files for --tls-verify')
    .option('--data-root <path>', 'the media folder as the target sees it (default: unchanged)')
    .option('--json', 'print the answer as JSON');
}

/** A long call with its progress on stderr (one line at most every 250 ms). */
async function withProgress(ctx: CliContext, work: () => Promise<boolean>): Promise<void> {
  const app = await ctx.deps.app();
  let last = 0;
  const off = app.subscribe((e) => {
    if (e.type !== 'progress' || Date.now() - last < 250) return;
    last = Date.now();
    ctx.deps.io.err(`progress: ${e.progress.message}`);
  });
  try {
    ctx.setExitCode((await work()) ? EXIT_OK : EXIT_FAILED);
  } finally {
    off();
  }
}

export const registerMove: RegisterCommand = (program: Command, ctx) => {
  const m = program
    .command('move')
    .description('Move the stack to another Docker engine (a NAS or a server): check, move, then remove the old one.');
  targetOptions(
    m.command('check').description('Check the target: Docker version, images for its CPU, free space.'),
  ).action(async (o: TargetFlags) => {
    const input = { target: targetOf(o), ...(o.dataRoot ? { dataRoot: o.dataRoot } : {}) };
    const r = await (await ctx.deps.app()).call('stack.move.check', input);
    ctx.setExitCode(ctx.print(r, !!o.json, renderMoveCheck) && r.ok && r.value.ok ? EXIT_OK : EXIT_FAILED);
  });
  targetOptions(
    m.command('run').description('Move: stop here, copy the settings, start there, connect and test (journaled).'),
  ).action((o: TargetFlags) =>
    withProgress(ctx, async () => {
      const input = { target: targetOf(o), ...(o.dataRoot ? { dataRoot: o.dataRoot } : {}) };
      return ctx.print(await (await ctx.deps.app()).call('stack.move.run', input), !!o.json, renderMoveStatus);
    }),
  );
  m.command('resume')
    .description('Continue a move that was interrupted.')
    .option('--json')
    .action((o: { json?: boolean }) =>
      withProgress(ctx, async () =>
        ctx.print(await (await ctx.deps.app()).call('stack.move.resume', {}), !!o.json, renderMoveStatus),
      ),
    );
  m.command('status')
    .description('Where the move stands.')
    .option('--json')
    .action(async (o: { json?: boolean }) => {
      const r = await (await ctx.deps.app()).call('stack.move.status');
      ctx.setExitCode(ctx.print(r, !!o.json, renderMoveStatus) ? EXIT_OK : EXIT_FAILED);
    });
  m.command('remove-old')
    .description('After a finished move: delete the old stack here (its containers and its copied settings).')
    .option('--confirm', 'yes, delete the old stack')
    .option('--json')
    .action((o: { confirm?: boolean; json?: boolean }) =>
      withProgress(ctx, async () => {
        // No --confirm: the core refuses with the field and its fix (confirm: true), as for any other bad input.
        const r = await (await ctx.deps.app()).handle('stack.move.removeSource', o.confirm ? { confirm: true } : {});
        return ctx.print(r, !!o.json, (v) => renderMoveStatus(v as StackMoveStatus));
      }),
    );
};
