// `ups apply [--json]`: wires every service to its desired state, in dependency order, with a progress line per step.
import type { WiringApplyResult } from '../../core/contract/wiring';
import { fixLines } from '../fix-command';
import type { RegisterCommand } from '../cli-context';
import { EXIT_FAILED, EXIT_OK } from '../exit-codes';

export function renderApply(result: WiringApplyResult): string {
  const out = result.steps.map((s) => {
    const done = s.changes.filter((c) => c.action !== 'nothing').map((c) => `${c.action} ${c.resource}`);
    const line = `${s.status.padEnd(9)} ${s.id}${s.status === 'applied' ? `: ${done.join(', ')}` : ''}`;
    return s.error ? [line, `          ${s.error.message}`, ...fixLines(s.error, '          ')].join('\n') : line;
  });
  const applied = result.steps.filter((s) => s.status === 'applied').length;
  out.push(
    '',
    result.ok
      ? applied === 0
        ? 'Everything was already wired; nothing written.'
        : `Applied ${applied} step(s).`
      : 'Apply stopped where a step failed; steps that depend on it were not attempted.',
  );
  return out.join('\n');
}

export const registerApply: RegisterCommand = (program, ctx) => {
  program
    .command('apply')
    .description(
      'Wire the services (download clients, Arr apps, …) to the desired state; a second run changes nothing.',
    )
    .option('--json', 'print the wiring.apply answer as JSON')
    .option('--confirm-deletes', 'also delete what arr.yml sections with prune: true list for deletion (see ups plan)')
    .action(async (o: { json?: boolean; confirmDeletes?: boolean }) => {
      const app = await ctx.deps.app();
      const off = app.subscribe((e) => {
        if (e.type === 'progress' && !o.json)
          ctx.deps.io.err(`[${e.progress.current}/${e.progress.total}] ${e.progress.message}`);
      });
      try {
        const env = await app.call('wiring.apply', o.confirmDeletes ? { confirmDeletes: true } : {});
        const ok = ctx.print(env, !!o.json, renderApply);
        ctx.setExitCode(ok && env.ok && env.value.ok ? EXIT_OK : EXIT_FAILED);
      } finally {
        off();
      }
    });
};
