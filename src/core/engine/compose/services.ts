// The services the compose file declares (`config --services`): used to reject unknown names before anything runs.
import { UpsFailure } from '../../contract';
import { runCompose, type ComposeTarget } from './compose-runner';

export async function listServices(target: ComposeTarget): Promise<string[]> {
  const r = await runCompose(target, 'config', ['--services'], { timeoutMs: 30_000 });
  return r.stdout.split('\n').map((s) => s.trim()).filter(Boolean).sort();
}

/** Throws a NOT_FOUND failure naming the unknown services and the valid ones; nothing has run at this point. */
export async function assertServices(target: ComposeTarget, services: readonly string[]): Promise<string[]> {
  if (services.length === 0) return listServices(target);
  const known = await listServices(target);
  const unknown = services.filter((s) => !known.includes(s));
  if (unknown.length > 0) {
    throw new UpsFailure({
      code: 'NOT_FOUND',
      message: `No such service in the stack: ${unknown.join(', ')}.`,
      field: 'services',
      fix: `Use one of: ${known.join(', ')}.`,
    });
  }
  return known;
}
