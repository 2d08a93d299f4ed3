// A probe is data (docs/decisions.md D11): what it checks, where it applies, and how; the runner does the rest.
import type { CheckResult, ComposeFacts, DockerFacts, Fix, VaultFacts } from '../contract';
import type { FixAction } from '../contract/fix-action';
import type { HostContext } from './host-context';
import { fixAction } from '../contract/fix-action';

export interface ProbeContext {
  platform: NodeJS.Platform;
  /** Facts are gathered once per run and shared by the probes that need them. */
  docker(): Promise<DockerFacts & { error?: string; fix?: string; action?: FixAction }>;
  compose(): Promise<ComposeFacts>;
  vault(): Promise<VaultFacts>;
  /** The machine itself (commands, files, disk, ports). */
  host: HostContext;
}

export function hostOf(ctx: ProbeContext): HostContext {
  if (!ctx.host) throw new Error('this check needs the host context, which was not provided');
  return ctx.host;
}

export interface ProbeOutcome {
  state: 'ok' | 'warn' | 'fail';
  detail: string;
  fixes: Fix[];
  /** A title naming what was checked (e.g. the engine in use), replacing the probe's fixed one. */
  title?: string;
}

export interface Probe {
  id: string;
  title: string;
  applies(platform: NodeJS.Platform): boolean;
  check(ctx: ProbeContext): Promise<ProbeOutcome>;
  /**
   * Ids of checks that must pass first: while one of them fails (or waits), this one shows as `waiting` instead of a
   * second failure with a fix that cannot work yet (e.g. "start Docker Desktop" before it is installed).
   */
  after?: string[];
}

export async function runProbe(probe: Probe, ctx: ProbeContext): Promise<CheckResult> {
  const base = { id: probe.id, title: probe.title };
  if (!probe.applies(ctx.platform))
    return { ...base, state: 'not-applicable', detail: 'Not applicable on this system.', fixes: [] };
  try {
    return { ...base, ...(await probe.check(ctx)) };
  } catch (err) {
    // A probe that cannot decide must say so: a crash is a failed check, never a pass.
    const message = err instanceof Error ? err.message : String(err);
    return {
      ...base,
      state: 'fail',
      detail: `The check itself failed: ${message}`,
      fixes: [
        {
          kind: 'action',
          text: 'Run the checks again; if it keeps failing, report it with the app log.',
          action: fixAction('checks.run', {}, 'Run the checks again'),
        },
      ],
    };
  }
}

export function memo<T>(f: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => (p ??= f());
}
