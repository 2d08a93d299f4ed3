// `ups migrate plan|start|status|resume|finish`: move the library to a NAS, verified and resumable.
import type { Command } from 'commander';
import type { MigratePlan, MigrateStatus } from '../../core/contract';
import { progressMessage } from '../../core/contract/migrate-format';
import type { CliContext, RegisterCommand } from '../cli-context';
import { EXIT_FAILED, EXIT_OK } from '../exit-codes';
import { parseId, parseMigrateFrom, parseMigrateTo, parseSmbVersion } from '../flags';
import { fixLines } from '../fix-command';

const gib = (n: number) => (n >= 1 << 30 ? `${(n / 2 ** 30).toFixed(1)} GiB` : `${(n / 2 ** 20).toFixed(1)} MiB`);

export function renderPlan(p: MigratePlan): string {
  const secs = p.estimatedSeconds;
  return [
    `Migration plan (${p.mode === 'everything' ? 'move everything under /data' : 'move media only'})`,
    `  from:      ${p.source}`,
    `  to:        ${p.target}${p.targetKind === 'unc' ? ' (network share)' : ''}`,
    `  library:   ${p.files} files, ${gib(p.bytes)} (${gib(p.bytesToCopy)} still to copy)`,
    `  space:     ${gib(p.freeBytes)} free on the target, ${gib(p.marginBytes)} kept as margin`,
    `  estimate:  ${Math.floor(secs / 3600)}h ${Math.floor((secs % 3600) / 60)}m at ${gib(p.sampleRateBps)}/s (measured copy + verify sample)`,
    `  hardlinks: ${p.hardlinks.detail}${p.hardlinkGroups ? ` (${p.hardlinkGroups} hardlinked file(s) in the library)` : ''}`,
    `  compose:   ${p.composeSummary}`,
    ...p.composeChanges.map((c) => `             ${c.service}: ${c.containerPath}  ${c.from} → ${c.to}`),
    ...p.warnings.map((w) => `  note:      ${w}`),
    '',
    'Next: `ups migrate start` (Ctrl+C pauses; `ups migrate resume` continues).',
  ].join('\n');
}

export function renderMigrateStatus(s: MigrateStatus): string {
  const lines = [`Migration: ${s.phase}`];
  if (s.plan) lines.push(`  ${s.plan.source} → ${s.plan.target} (${s.plan.mode})`);
  if (s.progress) lines.push(`  ${progressMessage(s.progress)}`);
  if (s.recopied.length) lines.push(`  re-copied after a change at the source: ${s.recopied.join(', ')}`);
  if (s.switchChecks && Object.keys(s.switchChecks.counts).length)
    lines.push(
      `  checked after the switch: ${Object.entries(s.switchChecks.counts)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ')}`,
    );
  for (const [k, why] of Object.entries(s.switchChecks?.skipped ?? {})) lines.push(`  not checked (${k}): ${why}`);
  if (s.lastError) lines.push(`  problem: ${s.lastError.message}`, ...fixLines(s.lastError, '  '));
  if (s.phase === 'verified') lines.push('  Next: `ups migrate finish` switches the stack to the new location.');
  if (s.canDeleteSource) lines.push('  The local copy is untouched. `ups migrate finish --delete-source` deletes it.');
  return lines.join('\n');
}

/** Runs a copying call with progress on stderr (one line at most every 250 ms) and Ctrl+C as pause. */
async function copying(ctx: CliContext, channel: 'migrate.start' | 'migrate.resume', json: boolean): Promise<void> {
  const app = await ctx.deps.app();
  let last = 0;
  const off = app.subscribe((e) => {
    if (e.type !== 'progress' || e.progress.operationId !== 'migrate' || Date.now() - last < 250) return;
    last = Date.now();
    ctx.deps.io.err(`progress: ${e.progress.message}`);
  });
  const pause = () => {
    ctx.deps.io.err('Pausing after the current chunk…');
    // The copy runs in this process; migrate.pause asks it to stop after the chunk in flight.
    void app.call('migrate.pause');
  };
  process.on('SIGINT', pause);
  try {
    ctx.setExitCode(ctx.print(await app.call(channel), json, renderMigrateStatus) ? EXIT_OK : EXIT_FAILED);
  } finally {
    process.off('SIGINT', pause);
    off();
  }
}

export const registerMigrate: RegisterCommand = (program: Command, ctx) => {
  const m = program
    .command('migrate')
    .description(
      'Move the library to a NAS: plan, copy + verify, switch the stack, then delete the local copy on request.',
    );
  m.command('plan')
    .description('Check space, speed and hardlinks on the target and show what would change.')
    .requiredOption('--to <path>', 'target folder (mounted share) or \\\\host\\share\\path on Windows', parseMigrateTo)
    .option('--from <path>', 'data root to move (default: the installed stack’s data root)', parseMigrateFrom)
    .option('--media-only', 'move only /data/media; downloads stay local (imports become copies)')
    .option(
      '--smb-version <v>',
      'SMB protocol version for a network share (1.0, 2.0, 2.1, 3.0, 3.1.1)',
      parseSmbVersion,
    )
    .option('--uid <n>', 'owner uid of files on the share', parseId)
    .option('--gid <n>', 'owner gid of files on the share', parseId)
    .option('--json', 'print the answer as JSON')
    .action(
      async (o: {
        to: string;
        from?: string;
        mediaOnly?: boolean;
        smbVersion?: string;
        uid?: number;
        gid?: number;
        json?: boolean;
      }) => {
        const smb =
          o.smbVersion || o.uid !== undefined || o.gid !== undefined
            ? {
                ...(o.smbVersion ? { version: o.smbVersion } : {}),
                ...(o.uid !== undefined ? { uid: o.uid } : {}),
                ...(o.gid !== undefined ? { gid: o.gid } : {}),
              }
            : undefined;
        const input = {
          to: o.to,
          ...(o.from ? { from: o.from } : {}),
          ...(o.mediaOnly ? { mediaOnly: true } : {}),
          ...(smb ? { smb } : {}),
        };
        ctx.setExitCode(
          ctx.print(await (await ctx.deps.app()).handle('migrate.plan', input), !!o.json, (v) =>
            renderPlan(v as MigratePlan),
          )
            ? EXIT_OK
            : EXIT_FAILED,
        );
      },
    );
  m.command('start')
    .description('Copy and verify (journaled: safe to interrupt).')
    .option('--json')
    .action((o: { json?: boolean }) => copying(ctx, 'migrate.start', !!o.json));
  m.command('resume')
    .description('Continue an interrupted or paused copy.')
    .option('--json')
    .action((o: { json?: boolean }) => copying(ctx, 'migrate.resume', !!o.json));
  m.command('status')
    .description('Where the migration stands.')
    .option('--json')
    .action(async (o: { json?: boolean }) => {
      ctx.setExitCode(
        ctx.print(await (await ctx.deps.app()).call('migrate.status'), !!o.json, renderMigrateStatus)
          ? EXIT_OK
          : EXIT_FAILED,
      );
    });
  m.command('finish')
    .description('Switch the stack to the new location (automatic switch back on failure).')
    .option('--delete-source', 'after a verified switch, delete the local copy (never done otherwise)')
    .option('--json')
    .action(async (o: { deleteSource?: boolean; json?: boolean }) => {
      const r = await (await ctx.deps.app()).call('migrate.finish', o.deleteSource ? { deleteSource: true } : {});
      ctx.setExitCode(ctx.print(r, !!o.json, renderMigrateStatus) ? EXIT_OK : EXIT_FAILED);
    });
};
