// Runs every probe against facts gathered once, and folds the results into the env.check answer.
// Order is by root cause (Windows → virtualization → WSL → Docker Desktop → engine → the rest), and a check whose
// prerequisite failed waits instead of failing too, so the first failure shown is the one to fix first.
import type { CheckResult, EnvCheck } from '../contract';
import { composeProbe } from './compose-probe';
import { diskProbe } from './disk-probe';
import { dockerEngineProbe } from './docker-engine-probe';
import { portsProbe } from './ports-probe';
import { runProbe, type Probe, type ProbeContext } from './probe';
import { vaultProbe } from './vault-check-probe';
import { windowsProbes } from './windows/windows-probes';

export const defaultProbes: Probe[] = [
  ...windowsProbes,
  dockerEngineProbe,
  composeProbe,
  vaultProbe,
  diskProbe,
  portsProbe,
];

export async function runEnvCheck(
  ctx: ProbeContext,
  probes: Probe[] = defaultProbes,
  now: () => Date = () => new Date(),
): Promise<EnvCheck> {
  const results = await Promise.all(probes.map((p) => runProbe(p, ctx)));
  const checks = withPrerequisites(results, probes);
  const [docker, compose, vault] = await Promise.all([ctx.docker(), ctx.compose(), ctx.vault()]);
  const { error: _ignored, action: _action, ...dockerFacts } = docker;
  return { checkedAt: now().toISOString(), overall: overallOf(checks), checks, docker: dockerFacts, compose, vault };
}

/**
 * Marks a check `waiting` while a check it comes `after` has failed or is waiting itself (in probe order, so chains
 * resolve in one pass). Its own outcome is dropped: its fix could not work until the earlier one is fixed.
 */
export function withPrerequisites(checks: CheckResult[], probes: Pick<Probe, 'id' | 'after'>[]): CheckResult[] {
  const byId = new Map<string, CheckResult>();
  return checks.map((c, i) => {
    const blocker = (probes[i]?.after ?? [])
      .map((id) => byId.get(id))
      .find((d) => d && (d.state === 'fail' || d.state === 'waiting'));
    const out: CheckResult =
      blocker && c.state !== 'not-applicable'
        ? {
            id: c.id,
            title: c.title,
            state: 'waiting',
            detail: `Checked once "${blocker.title}" passes.`,
            fixes: [],
            waitingOn: blocker.id,
          }
        : c;
    byId.set(c.id, out);
    return out;
  });
}

export function overallOf(checks: CheckResult[]): EnvCheck['overall'] {
  if (checks.some((c) => c.state === 'fail' || c.state === 'waiting')) return 'fail';
  if (checks.some((c) => c.state === 'warn')) return 'warn';
  return 'ok';
}
