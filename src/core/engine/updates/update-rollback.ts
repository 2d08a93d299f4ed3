// `rollback`: back to the image set recorded before the last applied update, on demand.
import type { UpdateRecord } from '../../contract';
import { UpsFailure } from '../../contract';
import { appendHistory, readHistory } from './update-history';
import { currentImages } from './service-images';
import { restoreImages, type UpdateDeps } from './update-apply';

export async function rollbackLast(deps: UpdateDeps): Promise<UpdateRecord> {
  const history = await readHistory(deps.root);
  const last = [...history].reverse().find((r) => r.kind === 'apply' && r.outcome === 'applied');
  if (!last)
    throw new UpsFailure({
      code: 'NOT_FOUND',
      message: 'There is no applied update to roll back.',
      fix: 'There is nothing to undo: roll back is possible only after an update has been applied.',
    });
  const startedAt = new Date().toISOString();
  const before = await currentImages(deps.docker, deps.project);
  const services = Object.keys(last.before)
    .filter((s) => before[s] && before[s].imageId !== last.before[s]?.imageId)
    .sort();
  const failed = services.length ? await restoreImages(deps, last.before, services) : [];
  const record: UpdateRecord = {
    id: `rb-${Date.now().toString(36)}`,
    kind: 'rollback',
    startedAt,
    finishedAt: new Date().toISOString(),
    outcome: services.length === 0 ? 'nothing-to-do' : failed.length ? 'failed' : 'rolled-back',
    before,
    after: await currentImages(deps.docker, deps.project),
    failed,
    message:
      services.length === 0
        ? `already on the images recorded before update ${last.id}`
        : `restored ${services.join(', ')} to the images recorded before update ${last.id}`,
  };
  await appendHistory(deps.root, record);
  return record;
}
