// `ups plan [--json]`: what `ups apply` would change in each service, and why. Reads only.
import type { WiringPlan } from '../../core/contract/wiring';
import type { RegisterCommand } from '../cli-context';
import { EXIT_FAILED, EXIT_OK } from '../exit-codes';
import { fixLines } from '../fix-command';

const mark = { create: '+', update: '~', delete: '-', nothing: '=' } as const;

export function renderPlan(plan: WiringPlan): string {
  const out: string[] = [];
  for (const step of plan.steps) {
    out.push(`${step.id}`);
    if (step.error) out.push(`  ! cannot read: ${step.error.message}`, ...fixLines(step.error, '    '));
    for (const c of step.changes) out.push(`  ${mark[c.action]} ${c.resource}: ${c.reason}`);
  }
  out.push('', plan.pending === 0 ? 'Nothing to change.' : `${plan.pending} change(s) pending: run \`ups apply\`.`);
  if (plan.failed > 0) out.push(`${plan.failed} step(s) could not be read.`);
  return out.join('\n');
}

export const registerPlan: RegisterCommand = (program, ctx) => {
  program
    .command('plan')
    .description('Show what `ups apply` would change in each service (reads only).')
    .option('--json', 'print the wiring.plan answer as JSON')
    .action(async (o: { json?: boolean }) => {
      const env = await (await ctx.deps.app()).call('wiring.plan');
      const ok = ctx.print(env, !!o.json, renderPlan);
      ctx.setExitCode(ok && env.ok && env.value.failed === 0 ? EXIT_OK : EXIT_FAILED);
    });
};
