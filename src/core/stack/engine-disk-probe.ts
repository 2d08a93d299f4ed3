// `ups doctor`'s disk check when Docker runs elsewhere (tcp:// or ssh://): the data root in stack.yml is a path on
// the engine's host, so its free space, filesystem and hardlinks are checked there (engine-location-check), and the
// row names the engine. Replaces the local host.disk probe for such engines; same id, so prerequisites still match.
import type Docker from 'dockerode';
import { UpsFailure } from '../contract/envelope';
import { hostOf, type Probe } from '../probes/probe';
import { formatBytes } from '../probes/stack-needs';
import { checkLocationOnEngine } from './engine-location-check';

export function engineDiskProbe(docker: Docker, engineName: string, image?: string): Probe {
  return {
    id: 'host.disk',
    title: 'Disk space and filesystem',
    applies: () => true,
    // Nothing can be measured on the engine's host while the engine does not answer.
    after: ['docker.engine'],
    async check(ctx) {
      const { path, source } = await hostOf(ctx).dataPath();
      const title = `Disk space and filesystem on ${engineName}`;
      if (source !== 'stack')
        return {
          title,
          state: 'ok',
          detail: `No stack is installed yet: the wizard's location step checks the media folder on ${engineName}.`,
          fixes: [],
        };
      let v;
      try {
        v = await checkLocationOnEngine(docker, { dataRoot: path }, engineName, image);
      } catch (err) {
        const why = err instanceof UpsFailure ? err.error.message : err instanceof Error ? err.message : String(err);
        return {
          title,
          state: 'fail',
          detail: `Could not check ${path} on ${engineName}: ${why}`,
          fixes: [
            { kind: 'steps', text: 'Fix dataRoot in stack.yml to a folder on the Docker machine, then check again.' },
          ],
        };
      }
      const detail = `${formatBytes(v.freeBytes)} free at ${path} (the data root in stack.yml) on ${engineName}, ${v.filesystem}; images and app data need about ${formatBytes(v.neededBytes)} (media not counted). ${v.hardlinks.detail}`;
      if (!v.hardlinks.ok)
        return {
          title,
          state: 'fail',
          detail,
          fixes: v.hardlinks.fix ? [{ kind: 'steps', text: v.hardlinks.fix }] : [],
        };
      if (!v.fits)
        return {
          title,
          state: 'fail',
          detail,
          fixes: [
            {
              kind: 'steps',
              text: `Free at least ${formatBytes(v.neededBytes - v.freeBytes)} on that disk of the Docker machine.`,
            },
          ],
        };
      return { title, state: v.warnings.length ? 'warn' : 'ok', detail: [detail, ...v.warnings].join(' '), fixes: [] };
    },
  };
}
