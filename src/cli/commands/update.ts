// `ups update [--check]`: list newer images, or apply them health-gated (rolled back automatically on failure).
import type { UpdateCheck, UpdateRecord } from '../../core/contract';
import type { RegisterCommand } from '../cli-context';
import { finish, runWithProgress } from './engine-command';
import { parseHealthTimeout } from '../flags';

export function renderUpdateCheck(c: UpdateCheck): string {
  const rows = c.services.map(
    (s) =>
      `  ${s.service.padEnd(14)} ${s.error ? `unknown (${s.error})` : s.updateAvailable ? 'UPDATE AVAILABLE' : 'up to date'}  ${s.image}`,
  );
  return [`Updates (checked ${c.checkedAt})`, ...rows].join('\n');
}

export function renderUpdateRecord(r: UpdateRecord): string {
  const failed = r.failed.map((f) => `  failed: ${f.service}: ${f.reason}`);
  return [`${r.kind} ${r.outcome}: ${r.message}`, ...failed].join('\n');
}

export const registerUpdate: RegisterCommand = (program, ctx) => {
  program
    .command('update')
    .description('Update the stack health-gated: pull newer images, recreate, wait for health, roll back on failure.')
    .option('--check', 'only list which services have a newer image for their tag')
    .option(
      '--timeout <seconds>',
      'how long each updated service may take to become healthy (5 to 3600)',
      parseHealthTimeout,
      180,
    )
    .option('--json', 'print the answer as JSON')
    .action(async (o: { check?: boolean; timeout: number; json?: boolean }) => {
      const json = !!o.json;
      if (o.check) return finish(ctx, await (await ctx.deps.app()).call('update.check'), json, renderUpdateCheck);
      const env = await runWithProgress(ctx, 'update.apply', { healthTimeoutSec: o.timeout }, json);
      finish(ctx, env, json, renderUpdateRecord, (r) => r.outcome === 'applied' || r.outcome === 'nothing-to-do');
    });
};
