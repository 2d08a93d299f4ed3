// Runs every probe against facts gathered once, and folds the results into the env.check answer.
// Order matters for the reader: engine and Compose first, then the vault, the host, then the Windows specifics.
import type { CheckResult, EnvCheck } from '../contract';
import { composeProbe } from './compose-probe';
import { diskProbe } from './disk-probe';
import { dockerEngineProbe } from './docker-engine-probe';
import { portsProbe } from './ports-probe';
import { runProbe, type Probe, type ProbeContext } from './probe';
import { vaultProbe } from './vault-check-probe';
import { windowsProbes } from './windows/windows-probes';

export const defaultProbes: Probe[] = [
  dockerEngineProbe,
  composeProbe,
  vaultProbe,
  diskProbe,
  portsProbe,
  ...windowsProbes,
];

export async function runEnvCheck(
  ctx: ProbeContext,
  probes: Probe[] = defaultProbes,
  now: () => Date = () => new Date(),
): Promise<EnvCheck> {
  const checks = await Promise.all(probes.map((p) => runProbe(p, ctx)));
  const [docker, compose, vault] = await Promise.all([ctx.docker(), ctx.compose(), ctx.vault()]);
  const { error: _ignored, ...dockerFacts } = docker;
  return { checkedAt: now().toISOString(), overall: overallOf(checks), checks, docker: dockerFacts, compose, vault };
}

export function overallOf(checks: CheckResult[]): EnvCheck['overall'] {
  if (checks.some((c) => c.state === 'fail')) return 'fail';
  if (checks.some((c) => c.state === 'warn')) return 'warn';
  return 'ok';
}
