// The desktop door of a fix action: what pressing its button does — a call on the right channel, or the dialog or
// view where the user finishes it (docs/decisions.md D15). The CLI's table is src/cli/fix-command.ts.
import type { FixAction, FixActionId, FixActionInput, UpsApi, UpsError } from '../core/contract';
import type { DialogRequest } from './stores/dialog-store';
import type { View } from './stores/shell-store';
import { newOperationId } from './use-operation';

export interface FixContext {
  api: UpsApi;
  showDialog(request: DialogRequest): void;
  navigate(view: View): void;
}

/** `done`: the call succeeded; `opened`: a dialog or view took over; `failed`: the call answered with an error. */
export type FixOutcome = { kind: 'done' } | { kind: 'opened' } | { kind: 'failed'; error: UpsError };

const settle = (res: { ok: true } | { ok: false; error: UpsError }): FixOutcome =>
  res.ok ? { kind: 'done' } : { kind: 'failed', error: res.error };

const opened = (ctx: FixContext, request: DialogRequest, view?: View): FixOutcome => {
  // Credentials and Migrate live on the dashboard: go there first so the dialog opens over its own screen.
  if (view) ctx.navigate(view);
  ctx.showDialog(request);
  return { kind: 'opened' };
};

/** One entry per action id: a new action does not compile until the app can perform it. */
export const fixPerformers: {
  [A in FixActionId]: (input: FixActionInput<A>, ctx: FixContext) => FixOutcome | Promise<FixOutcome>;
} = {
  'wiring.apply': async (_i, { api }) => {
    const res = await api.invoke('wiring.apply', { operationId: newOperationId('fix-wiring') });
    if (!res.ok) return settle(res);
    const failed = res.value.steps.find((s) => s.status === 'failed');
    return failed?.error
      ? { kind: 'failed', error: { code: 'INTERNAL', message: failed.error.message, fix: failed.error.fix } }
      : { kind: 'done' };
  },
  'plex.signin': (_i, ctx) => opened(ctx, { name: 'plex-signin' }),
  'secrets.set': (i, ctx) => opened(ctx, { name: 'credentials', secret: i.name }, 'dashboard'),
  'stack.up': async (i, { api }) =>
    settle(await api.invoke('stack.up', { services: i.services ?? [], operationId: newOperationId('fix-up') })),
  'stack.restart': async (i, { api }) =>
    settle(
      await api.invoke('stack.restart', { services: i.services ?? [], operationId: newOperationId('fix-restart') }),
    ),
  'setup.start': (_i, ctx) => {
    ctx.navigate('wizard');
    return { kind: 'opened' };
  },
  'checks.run': (_i, ctx) => opened(ctx, { name: 'checks' }),
  'migrate.plan': (_i, ctx) => opened(ctx, { name: 'migrate' }, 'dashboard'),
  'migrate.start': async (_i, { api }) =>
    settle(await api.invoke('migrate.start', { operationId: newOperationId('fix-migrate') })),
  'migrate.resume': async (_i, { api }) =>
    settle(await api.invoke('migrate.resume', { operationId: newOperationId('fix-migrate') })),
  'migrate.finish': async (_i, { api }) => settle(await api.invoke('migrate.finish', {})),
  'file.setAside': async (i, { api }) => settle(await api.invoke('state.setAside', { file: i.file })),
  // Overwrites the current stack files (they become a backup themselves), so the user confirms first.
  'install.restorePrevious': (_i, ctx) => opened(ctx, { name: 'restore-previous' }),
  // The news server is part of the stack settings (which also store its password and give it to NZBGet).
  'settings.usenet': (_i, ctx) => opened(ctx, { name: 'settings', section: 'usenet' }, 'dashboard'),
  // --- Windows host fixes ---
  'docker.desktop.start': async (_i, { api }) => {
    const res = await api.invoke('host.dockerDesktop.start', { operationId: newOperationId('fix-docker') });
    if (!res.ok) return settle(res);
    return res.value.engine === 'running'
      ? { kind: 'done' }
      : {
          kind: 'failed',
          error: {
            code: 'ENGINE_UNREACHABLE',
            message: `Docker Desktop was started but its engine did not answer within ${Math.round(res.value.waitedMs / 1000)} s.`,
            fix: 'Watch Docker Desktop’s window until it says the engine is running, then run the checks again.',
          },
        };
  },
  'docker.desktop.autostart': async (_i, { api }) => settle(await api.invoke('host.dockerDesktop.autoStart', {})),
  'wsl.memory.set': async (i, { api }) => settle(await api.invoke('host.wsl.memory', { memoryGb: i.memoryGb })),
  'wsl.shutdown': async (_i, { api }) => settle(await api.invoke('host.wsl.shutdown', {})),
  'stack.port.move': async (i, { api }) =>
    settle(await api.invoke('stack.settings.update', { ports: { [i.port]: i.to } })),
  // --- end of Windows host fixes ---
};

export function performFix(action: FixAction, ctx: FixContext): Promise<FixOutcome> {
  const perform = fixPerformers[action.action] as (input: FixAction['input'], c: FixContext) => FixOutcome;
  return Promise.resolve(perform(action.input, ctx));
}
