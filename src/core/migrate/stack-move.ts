// Moves the installed stack to another Docker engine (issue "Move the stack to another engine"): check the target,
// stop the stack on the source (its apps' databases must not change while their volumes are read), copy every config
// volume through the two engines (verified byte for byte), write the stack files for the target (atomically, the
// previous ones kept in the move's state), start on the target, wait healthy, wire with the target's host and test
// the links. Only then is the stack "ready" there; removing the old stack is a separate, confirmed call.
//
// Journaled like the NAS copy (migrate/journal.ts, state-store.ts): the record is rewritten atomically after every
// step and every verified volume, under a pid lock, so after a kill -9 `resume` goes on from the last recorded step (a
// volume caught mid-copy is copied again into a fresh volume). Any failure before `ready` rolls back: the target's
// containers go, the previous stack files come back, and the source stack is started again as it was.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod';
import type { ProgressEvent } from '../contract';
import { UpsFailure } from '../contract/envelope';
import {
  EngineTargetSchema,
  StackMovePhaseSchema,
  type EngineTarget,
  type StackMoveCheck,
  type StackMoveRunInput,
  type StackMoveStatus,
} from '../contract/stack-move';
import { writeFileAtomic } from '../fs/atomic-write';
import { writeInstallFiles, type FileToWrite } from '../fs/install-writer';
import { readStateFile, type StateFileSpec } from '../fs/read-state-file';
import { COMPOSE_FILE, ENV_FILE, STACK_FILE, ARR_CONFIG_FILE } from '../install/install-layout';
import type { ComposeTarget } from '../engine/compose/compose-runner';
import { composeDown } from '../engine/compose/down';
import { composeStart } from '../engine/compose/start';
import { composeStop } from '../engine/compose/stop';
import { composeUp } from '../engine/compose/up';
import type { DockerEndpoint } from '../engine/docker-endpoint';
import { copyVolume } from '../engine/volume-archive';
import { waitUntilHealthy } from '../stack/wait-healthy';
import { acquireLock, lockHolder } from './state-store';
import { checkTarget, readSourceStack } from './stack-move-check';

const VolumeRecordSchema = z.object({
  key: z.string(),
  name: z.string(),
  service: z.string(),
  image: z.string(),
  bytes: z.number(),
  copied: z.boolean(),
  files: z.number().int(),
  digest: z.string().optional(),
});

export const MoveRecordSchema = z.object({
  id: z.string(),
  target: EngineTargetSchema,
  targetLabel: z.string(),
  dataRoot: z.string().nullable(),
  phase: StackMovePhaseSchema,
  /** The source's services, and which of them ran, when the move began: a rollback restores exactly that. */
  services: z.array(z.string()),
  running: z.array(z.string()),
  volumes: z.array(VolumeRecordSchema),
  /** The stack files as they were before the move (kept for the rollback), once saved. */
  previousSaved: z.boolean(),
  lastError: z.object({ message: z.string(), fix: z.string() }).nullable(),
  links: z.array(z.object({ name: z.string(), ok: z.boolean(), detail: z.string() })),
});
export type MoveRecord = z.infer<typeof MoveRecordSchema>;

const ACTIVE = new Set(['stopping-source', 'copying', 'writing-compose', 'starting-target', 'wiring']);
const STACK_FILES = [STACK_FILE, COMPOSE_FILE, ENV_FILE, ARR_CONFIG_FILE];

export const moveFiles = (dir: string) => ({
  record: path.join(dir, 'move.json'),
  previous: path.join(dir, 'previous-files.json'),
});

const recordSpec: StateFileSpec<MoveRecord> = {
  what: 'The stack move record',
  schema: MoveRecordSchema,
  fix: 'Check where the stack runs now on the dashboard, then start the move again: the damaged record is kept beside it as move.json.corrupt-<time>.',
};
const previousSpec: StateFileSpec<FileToWrite[]> = {
  what: 'The stack files kept for a move rollback',
  schema: z.array(z.object({ name: z.string(), content: z.string() })),
  fix: 'Restore the previous stack files from the install folder’s .backups, then start the move again.',
};

export interface LinkReport {
  ok: boolean;
  links: { name: string; ok: boolean; detail: string }[];
  problems: { message: string; fix: string }[];
}

export interface StackMoveDeps {
  /** Where the move keeps move.json and the previous stack files. */
  stateDir: string;
  project: string;
  source: DockerEndpoint;
  endpointFor(target: EngineTarget): DockerEndpoint;
  /** The compose run (file, secrets, compose command) against one engine. */
  composeTargetFor(endpoint: DockerEndpoint): Promise<ComposeTarget>;
  installRoot(): Promise<string | null>;
  /** The stack files for the target: stack.yml with its media folder, compose.yaml publishing on its host. */
  filesFor(dataRoot: string | null, publishHost: string): Promise<FileToWrite[]>;
  /** Creates the /data layout in the target's media folder and tests hardlinks there (after the files are written). */
  prepareData(endpoint: DockerEndpoint): Promise<{ ok: boolean; detail: string; fix?: string }>;
  /** Wires the stack where its ports answer on `serviceHost` and tests every link. */
  wire(serviceHost: string, operationId: string): Promise<LinkReport>;
  /** Makes the app follow the target engine from now on (its saved engine choice). */
  useEngine(target: EngineTarget): Promise<void>;
  healthTimeoutMs: number;
  onProgress(p: ProgressEvent): void;
  /** Called at every recorded step (the kill -9 tests stop a child there). */
  onStep?(step: string): void | Promise<void>;
}

export interface StackMoveService {
  check(input: { target: EngineTarget; dataRoot?: string }): Promise<StackMoveCheck>;
  run(input: StackMoveRunInput): Promise<StackMoveStatus>;
  resume(input: { operationId?: string }): Promise<StackMoveStatus>;
  status(): Promise<StackMoveStatus>;
  removeSource(input: { operationId?: string }): Promise<StackMoveStatus>;
}

const newId = () => `move-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

export function createStackMoveService(deps: StackMoveDeps): StackMoveService {
  const load = () => readStateFile(moveFiles(deps.stateDir).record, recordSpec);
  const save = async (rec: MoveRecord, step?: string) => {
    await writeFileAtomic(moveFiles(deps.stateDir).record, `${JSON.stringify(rec, null, 2)}\n`, { mode: 0o600 });
    if (step) await deps.onStep?.(step);
  };

  async function statusOf(rec: MoveRecord | null): Promise<StackMoveStatus> {
    if (!rec)
      return {
        phase: 'none',
        id: null,
        target: null,
        dataRoot: null,
        volumes: [],
        interrupted: false,
        lastError: null,
        links: [],
      };
    const holder = await lockHolder(deps.stateDir);
    return {
      phase: rec.phase,
      id: rec.id,
      target: rec.targetLabel,
      dataRoot: rec.dataRoot,
      volumes: rec.volumes.map((v) => ({ name: v.key, bytes: v.bytes, copied: v.copied, files: v.files })),
      interrupted: ACTIVE.has(rec.phase) && holder === null,
      lastError: rec.lastError,
      links: rec.links,
    };
  }

  async function check(input: { target: EngineTarget; dataRoot?: string }): Promise<StackMoveCheck> {
    const target = deps.endpointFor(input.target);
    const stack = await readSourceStack(deps.source.docker, deps.project);
    return checkTarget(
      { source: deps.source, target, project: deps.project, ...(input.dataRoot ? { dataRoot: input.dataRoot } : {}) },
      stack,
    );
  }

  const progress = (
    operationId: string,
    step: string,
    current: number,
    total: number,
    message: string,
    bytes?: { done: number; total: number },
  ) => deps.onProgress({ operationId, step, current, total, message, ...(bytes ? { bytes } : {}) });

  /** Carries a move on from its recorded phase to `ready`; rolls back and throws on any failure. */
  async function proceed(rec: MoveRecord, operationId: string): Promise<StackMoveStatus> {
    const target = deps.endpointFor(rec.target);
    try {
      const sourceCompose = await deps.composeTargetFor(deps.source);
      if (rec.phase === 'stopping-source') {
        progress(operationId, 'stop-source', 0, 1, 'Stopping the stack on this engine');
        if (rec.running.length) await composeStop(sourceCompose, []);
        rec.phase = 'copying';
        await save(rec, 'stopped-source');
      }
      if (rec.phase === 'copying') {
        const total = rec.volumes.reduce((n, v) => n + v.bytes, 0);
        let done = rec.volumes.filter((v) => v.copied).reduce((n, v) => n + v.bytes, 0);
        for (const [i, v] of rec.volumes.entries()) {
          if (v.copied) continue;
          progress(operationId, 'copy-volumes', i, rec.volumes.length, `Copying ${v.key}`, { done, total });
          const labels = { 'com.docker.compose.project': deps.project, 'com.docker.compose.volume': v.key };
          let sent = 0;
          const r = await copyVolume(
            { docker: deps.source.docker, volume: v.name, image: v.image },
            { docker: target.docker, volume: v.name, image: v.image },
            labels,
            (n) => (sent += n),
          );
          Object.assign(v, {
            copied: true,
            files: r.source.files,
            digest: r.source.digest,
            bytes: Math.max(v.bytes, r.source.bytes),
          });
          done += Math.max(v.bytes, sent);
          await save(rec, `copied:${v.key}`);
        }
        progress(
          operationId,
          'copy-volumes',
          rec.volumes.length,
          rec.volumes.length,
          'Every volume copied and verified',
          { done: total, total },
        );
        rec.phase = 'writing-compose';
        await save(rec, 'copied');
      }
      if (rec.phase === 'writing-compose') {
        const root = await requireRoot();
        if (!rec.previousSaved) {
          await savePrevious(root);
          rec.previousSaved = true;
          await save(rec, 'saved-previous');
        }
        await writeInstallFiles(root, await deps.filesFor(rec.dataRoot, target.serviceHost));
        rec.phase = 'starting-target';
        await save(rec, 'wrote-compose');
      }
      if (rec.phase === 'starting-target') {
        progress(operationId, 'start-target', 0, rec.services.length, `Starting the stack on ${rec.targetLabel}`);
        // As at install (docs/decisions.md D7): the folders exist and hardlink on the engine's own host.
        const data = await deps.prepareData(target);
        if (!data.ok)
          throw new UpsFailure({
            code: 'INTERNAL',
            message: `The media folder on the target is not usable: ${data.detail}`,
            fix: data.fix ?? 'Pick a media folder on the target where files can be written and hard-linked.',
          });
        const targetCompose = await deps.composeTargetFor(target);
        await composeUp(targetCompose, []);
        await waitUntilHealthy(
          target.docker,
          deps.project,
          rec.running.length ? rec.running : rec.services,
          deps.healthTimeoutMs,
        );
        progress(
          operationId,
          'start-target',
          rec.services.length,
          rec.services.length,
          'Every service is healthy on the target',
        );
        rec.phase = 'wiring';
        await save(rec, 'started-target');
      }
      if (rec.phase === 'wiring') {
        progress(operationId, 'wire', 0, 1, `Connecting the apps at ${target.serviceHost}`);
        const report = await deps.wire(target.serviceHost, operationId);
        rec.links = report.links;
        if (!report.ok) {
          const first = report.problems[0] ?? { message: 'a link test failed', fix: 'See the links.' };
          throw new UpsFailure({ code: 'INTERNAL', message: `On the target, ${first.message}`, fix: first.fix });
        }
        // From here the app talks to the target: the stack runs there, healthy and wired.
        await deps.useEngine(rec.target);
        rec.phase = 'ready';
        rec.lastError = null;
        await save(rec, 'ready');
        progress(
          operationId,
          'wire',
          1,
          1,
          'The stack runs on the target; the old stack is stopped and kept until you remove it',
        );
      }
      return statusOf(rec);
    } catch (err) {
      await rollBack(rec, target, operationId, err);
      throw moveFailure(err);
    }
  }

  async function requireRoot(): Promise<string> {
    const root = await deps.installRoot();
    if (!root)
      throw new UpsFailure({
        code: 'NOT_FOUND',
        message: 'No stack is installed, so there is nothing to move.',
        fix: 'Install the stack first.',
      });
    return root;
  }

  async function savePrevious(root: string): Promise<void> {
    const files: FileToWrite[] = [];
    for (const name of STACK_FILES) {
      const content = await readFile(path.join(root, name), 'utf8').catch(() => null);
      if (content !== null) files.push({ name, content });
    }
    await writeFileAtomic(moveFiles(deps.stateDir).previous, JSON.stringify(files), { mode: 0o600 });
  }

  /** Puts the source back as it was: target containers gone, previous stack files back, the source's services up. */
  async function rollBack(rec: MoveRecord, target: DockerEndpoint, operationId: string, cause: unknown): Promise<void> {
    progress(operationId, 'roll-back', 0, 1, 'The move failed: starting the stack again on this engine');
    const steps: string[] = [];
    if (rec.phase === 'starting-target' || rec.phase === 'wiring')
      await deps
        .composeTargetFor(target)
        .then((t) => composeDown(t))
        .catch((e: Error) => steps.push(`the target's containers could not be removed (${e.message})`));
    if (rec.previousSaved) {
      const previous = await readStateFile(moveFiles(deps.stateDir).previous, previousSpec).catch(() => null);
      if (previous)
        await writeInstallFiles(await requireRoot(), previous).catch((e: Error) =>
          steps.push(`the stack files could not be put back (${e.message})`),
        );
    }
    if (rec.running.length)
      await deps
        .composeTargetFor(deps.source)
        .then((t) => composeStart(t, rec.running))
        .catch((e: Error) => steps.push(`the stack could not be started again here (${e.message})`));
    const { message, fix = 'Fix the cause, then move again.' } = moveFailure(cause).error;
    rec.phase = 'rolled-back';
    rec.lastError = {
      message: steps.length ? `${message} Rolling back: ${steps.join('; ')}.` : message,
      fix: steps.length ? `${fix} Then start the stack here from the dashboard.` : fix,
    };
    await save(rec).catch(() => undefined);
    progress(operationId, 'roll-back', 1, 1, 'The stack runs on this engine as before');
  }

  async function begin<T>(work: () => Promise<T>): Promise<T> {
    const release = await acquireLock(deps.stateDir).catch((err: Error) => {
      throw new UpsFailure({
        code: 'BAD_INPUT',
        message: err.message.replace('migration copy', 'stack move'),
        fix: 'Wait for it to finish.',
      });
    });
    try {
      return await work();
    } finally {
      await release();
    }
  }

  return {
    check,
    status: async () => statusOf(await load()),
    run: (input) =>
      begin(async () => {
        const prev = await load();
        if (prev && (ACTIVE.has(prev.phase) || prev.phase === 'ready'))
          throw new UpsFailure({
            code: 'BAD_INPUT',
            message:
              prev.phase === 'ready'
                ? `The stack was already moved to ${prev.targetLabel}.`
                : `A move to ${prev.targetLabel} was interrupted.`,
            fix:
              prev.phase === 'ready' ? 'Remove the old stack, or keep it.' : 'Resume it: it goes on where it stopped.',
          });
        const result = await check(input);
        if (!result.ok) {
          const [first, ...rest] = result.problems;
          throw new UpsFailure({
            code: 'BAD_INPUT',
            field: 'target',
            message: `The target is not ready: ${first!.message}${rest.length ? ` (and ${rest.length} more)` : ''}`,
            fix: first!.fix,
          });
        }
        const stack = await readSourceStack(deps.source.docker, deps.project);
        const rec: MoveRecord = {
          id: newId(),
          target: input.target,
          targetLabel: result.engine.label,
          dataRoot: input.dataRoot ?? null,
          phase: 'stopping-source',
          services: stack.services.map((s) => s.service),
          running: stack.services.filter((s) => s.running).map((s) => s.service),
          volumes: stack.volumes.map((v) => ({ ...v, copied: false, files: 0 })),
          previousSaved: false,
          lastError: null,
          links: [],
        };
        await save(rec, 'planned');
        return proceed(rec, input.operationId ?? rec.id);
      }),
    resume: (input) =>
      begin(async () => {
        const rec = await load();
        if (!rec || !ACTIVE.has(rec.phase))
          throw new UpsFailure({
            code: 'NOT_FOUND',
            message: rec
              ? `There is no interrupted move to resume (the last one is ${rec.phase}).`
              : 'There is no move to resume.',
            fix: 'Start a move with a target engine.',
          });
        return proceed(rec, input.operationId ?? rec.id);
      }),
    removeSource: (input) =>
      begin(async () => {
        const rec = await load();
        if (!rec || rec.phase !== 'ready')
          throw new UpsFailure({
            code: 'BAD_INPUT',
            message: 'The old stack can be removed only after a move finished (phase ready).',
            fix: 'Move the stack first; the old one is kept until then.',
          });
        const operationId = input.operationId ?? `${rec.id}-remove`;
        progress(operationId, 'remove-source', 0, 1, 'Removing the old stack on this engine');
        await composeDown(await deps.composeTargetFor(deps.source));
        // Only volumes whose copy was verified on the target; anything else stays.
        for (const v of rec.volumes.filter((x) => x.copied))
          await deps.source.docker
            .getVolume(v.name)
            .remove()
            .catch(() => undefined);
        rec.phase = 'removed';
        await save(rec, 'removed');
        progress(operationId, 'remove-source', 1, 1, 'The old stack is removed');
        return statusOf(rec);
      }),
  };
}

function moveFailure(err: unknown): UpsFailure {
  if (err instanceof UpsFailure) return err;
  return new UpsFailure({
    code: 'INTERNAL',
    message: `The stack could not be moved: ${err instanceof Error ? err.message : String(err)}`,
    fix: 'The stack runs here as before. Fix the cause on the target, then check it and move again.',
  });
}
