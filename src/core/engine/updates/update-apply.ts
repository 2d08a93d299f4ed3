// `update apply` (docs/decisions.md D10): record every service's image ID, pull what the registry has newer, recreate those
// services, wait for health; if any fails, point the tags back at the recorded IDs, recreate, and say so.
// A move to a newer known tag (known-versions.ts) rewrites the install's image references first (moveImages) and is
// undone the same way on failure or rollback.
// Every run lands in the history, including "nothing to do".
import type Docker from 'dockerode';
import type { PushEvent, UpdateRecord } from '../../contract';
import type { ComposeTarget } from '../compose/compose-runner';
import { composePull } from '../compose/pull';
import { composeUp } from '../compose/up';
import { checkUpdates } from './update-check';
import { appendHistory, readHistory } from './update-history';
import { currentImages, retag, type ImageSet } from './service-images';
import { waitHealthy } from './wait-healthy';

export interface UpdateDeps {
  docker: Docker;
  project: string;
  root: string;
  target: ComposeTarget;
  publish(e: PushEvent): void;
  healthTimeoutMs: number;
  /** The caller's id for this run's progress pushes; the history record keeps its own id. */
  operationId?: string;
  /** Called after services were recreated (VPN recovery re-attaches dependents of a new vpn). */
  afterRecreate?(services: string[]): Promise<void>;
  /** Points services at other image references in the install (stack.yml + .env); needed for tag moves. */
  moveImages?(images: Record<string, string>): Promise<void>;
}

const id = () => `upd-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

export async function restoreImages(
  deps: UpdateDeps,
  before: ImageSet,
  services: string[],
): Promise<{ service: string; reason: string }[]> {
  const now = await currentImages(deps.docker, deps.project);
  const moved = Object.fromEntries(
    services.filter((s) => before[s] && now[s] && now[s].image !== before[s].image).map((s) => [s, before[s]!.image]),
  );
  if (Object.keys(moved).length > 0) {
    if (!deps.moveImages)
      throw new Error(`cannot point ${Object.keys(moved).join(', ')} back at the recorded image references here`);
    await deps.moveImages(moved);
  }
  for (const s of services) {
    const rec = before[s];
    if (rec) await retag(deps.docker, rec.imageId, rec.image);
  }
  await composeUp(deps.target, services, { forceRecreate: true, noDeps: true });
  await deps.afterRecreate?.(services);
  return (await waitHealthy(deps.docker, deps.project, services, deps.healthTimeoutMs)).failed;
}

export async function applyUpdates(deps: UpdateDeps): Promise<UpdateRecord> {
  const opId = id();
  const startedAt = new Date().toISOString();
  // A damaged history is reported before anything changes: the record of this update could not be appended after it.
  await readHistory(deps.root);
  const step = (current: number, total: number, message: string) =>
    deps.publish({
      type: 'progress',
      progress: { operationId: deps.operationId ?? opId, step: 'update', current, total, message },
    });
  const before = await currentImages(deps.docker, deps.project);
  const check = await checkUpdates(deps.docker, deps.project);
  const candidates = check.services.filter((s) => s.updateAvailable).map((s) => s.service);
  const moves = Object.fromEntries(
    check.services.filter((s) => s.updateAvailable && s.targetImage).map((s) => [s.service, s.targetImage!]),
  );
  const finish = async (
    r: Omit<UpdateRecord, 'id' | 'kind' | 'startedAt' | 'finishedAt' | 'before'>,
  ): Promise<UpdateRecord> => {
    const record: UpdateRecord = {
      id: opId,
      kind: 'apply',
      startedAt,
      finishedAt: new Date().toISOString(),
      before,
      ...r,
    };
    await appendHistory(deps.root, record);
    return record;
  };
  if (candidates.length === 0)
    return finish({
      outcome: 'nothing-to-do',
      after: before,
      failed: [],
      message: 'every service already runs the newest image for its tag',
    });

  if (Object.keys(moves).length > 0) {
    if (!deps.moveImages)
      throw new Error('this door cannot change image tags; update from the app on the computer that holds the install');
    step(
      0,
      3,
      `moving ${Object.entries(moves)
        .map(([s, ref]) => `${s} to ${ref}`)
        .join(', ')}`,
    );
    await deps.moveImages(moves);
  }
  step(0, 3, `pulling ${candidates.join(', ')}`);
  await composePull(deps.target, candidates);
  step(1, 3, `recreating ${candidates.join(', ')}`);
  await composeUp(deps.target, candidates, { noDeps: true });
  await deps.afterRecreate?.(candidates);
  step(2, 3, 'waiting for health');
  const health = await waitHealthy(deps.docker, deps.project, candidates, deps.healthTimeoutMs);
  if (health.failed.length === 0) {
    step(3, 3, 'updated');
    return finish({
      outcome: 'applied',
      after: await currentImages(deps.docker, deps.project),
      failed: [],
      message: `updated ${candidates.join(', ')}`,
    });
  }
  step(2, 3, `rolling back ${candidates.join(', ')}`);
  const stillFailing = await restoreImages(deps, before, candidates);
  const after = await currentImages(deps.docker, deps.project);
  const what = health.failed.map((f) => `${f.service} (${f.reason})`).join(', ');
  step(3, 3, stillFailing.length ? 'rollback incomplete' : 'rolled back');
  return finish({
    outcome: stillFailing.length ? 'failed' : 'rolled-back',
    after,
    failed: health.failed,
    message: stillFailing.length
      ? `update failed for ${what}; the rollback did not bring back health for ${stillFailing.map((f) => f.service).join(', ')}`
      : `update failed for ${what}; rolled back ${candidates.join(', ')} to the recorded images`,
  });
}
