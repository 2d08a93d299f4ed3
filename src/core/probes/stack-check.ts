// Folds the stack's live status into the checks `ups doctor` prints, as one more check with its fix.
import { ServiceNameSchema, type CheckResult, type EnvCheck, type Envelope, type StackStatus } from '../contract';
import { overallOf } from './env-check';
import { fixAction } from '../contract/fix-action';

const base = { id: 'stack.health', title: 'Media stack containers' };

export function stackCheckFrom(status: Envelope<StackStatus>): CheckResult {
  if (!status.ok) {
    if (status.error.code === 'ENGINE_UNREACHABLE')
      return {
        ...base,
        state: 'not-applicable',
        detail: 'Cannot be read while the Docker engine is unreachable (see above).',
        fixes: [],
      };
    return {
      ...base,
      state: 'fail',
      detail: status.error.message,
      fixes: status.error.action
        ? [{ kind: 'action', text: status.error.fix ?? status.error.action.label, action: status.error.action }]
        : status.error.fix
          ? [{ kind: 'steps', text: status.error.fix }]
          : [],
    };
  }
  const s = status.value;
  const n = s.services.length;
  switch (s.overall) {
    case 'not-installed':
      return {
        ...base,
        state: 'not-applicable',
        detail: `No stack installed yet (no containers of project "${s.project}").`,
        fixes: [],
      };
    case 'running':
      return {
        ...base,
        state: 'ok',
        detail: `All ${n} containers of "${s.project}" are running${s.services.some((c) => c.health === 'healthy') ? ' and healthy' : ''}.`,
        fixes: [],
      };
    case 'stopped':
      return {
        ...base,
        state: 'warn',
        detail: `The stack "${s.project}" is stopped (${n} containers).`,
        fixes: [{ kind: 'action', text: 'Start the stack.', action: fixAction('stack.up') }],
      };
    default: {
      const notUp = s.services.filter(
        (c) => c.state !== 'running' || c.health === 'unhealthy' || c.health === 'starting',
      );
      // Only names the restart call accepts (a hand-written compose file may use others): none means the whole stack.
      const failing = [...new Set(notUp.map((c) => c.service))].filter((n) => ServiceNameSchema.safeParse(n).success);
      const bad = notUp.map((c) => `${c.service} (${c.state}${c.health !== 'none' ? `, ${c.health}` : ''})`);
      return {
        ...base,
        state: 'fail',
        detail: `Not every service is up: ${bad.join(', ')}.`,
        fixes: [
          {
            kind: 'action',
            text: 'Look at the failing service’s log, then restart it.',
            action: failing.length
              ? fixAction('stack.restart', { services: failing }, `Restart ${failing.join(', ')}`)
              : fixAction('stack.restart', {}, 'Restart the stack'),
          },
        ],
      };
    }
  }
}

export function withStackCheck(env: EnvCheck, status: Envelope<StackStatus>): EnvCheck {
  const checks = [...env.checks, stackCheckFrom(status)];
  return { ...env, checks, overall: overallOf(checks) };
}
