// What a stack move is given (the engines, compose runs, stack files, wiring, the app's engine choice) and the three
// things every part of it does with that: record a step (then tell the kill -9 tests), report progress, and find the
// install folder.
import type { ProgressEvent } from '../contract';
import { UpsFailure } from '../contract/envelope';
import type { EngineTarget } from '../contract/stack-move';
import type { FileToWrite } from '../fs/install-writer';
import type { ComposeTarget } from '../engine/compose/compose-runner';
import type { DockerEndpoint } from '../engine/docker-endpoint';
import { writeMoveRecord, type MoveRecord } from './stack-move-record';

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

export interface MoveContext {
  deps: StackMoveDeps;
  /** Rewrites move.json; with a step, then calls onStep (so a kill there leaves exactly that step recorded). */
  save(rec: MoveRecord, step?: string): Promise<void>;
  progress(
    operationId: string,
    step: string,
    current: number,
    total: number,
    message: string,
    bytes?: { done: number; total: number },
  ): void;
  requireRoot(): Promise<string>;
}

export function moveContext(deps: StackMoveDeps): MoveContext {
  return {
    deps,
    save: async (rec, step) => {
      await writeMoveRecord(deps.stateDir, rec);
      if (step) await deps.onStep?.(step);
    },
    progress: (operationId, step, current, total, message, bytes) =>
      deps.onProgress({ operationId, step, current, total, message, ...(bytes ? { bytes } : {}) }),
    requireRoot: async () => {
      const root = await deps.installRoot();
      if (!root)
        throw new UpsFailure({
          code: 'NOT_FOUND',
          message: 'No stack is installed, so there is nothing to move.',
          fix: 'Install the stack first.',
        });
      return root;
    },
  };
}
