// Tdarr's internal node in compose: internalNode and the worker counts from stack.yml `tdarr:`.
// internalNode: the image's docker/root/etc/services.d/tdarr_node/run (github.com/HaveAGitGat/Tdarr @ c9715e1) starts
// the bundled node only when it is "true". Worker variables: see contract/tdarr.ts (env vars override Tdarr's JSON
// configs: docs/2-installation/4-docker/1-run-compose.md in github.com/HaveAGitGat/tdarr_docs_public @ b071ba0).
import type { StackConfig, TdarrWorkers } from '../contract';

/** Tdarr's variable names for the four worker types (Tdarr spells them in lower case). */
export function workerEnv(w: TdarrWorkers): Record<string, string> {
  return {
    transcodecpuWorkers: String(w.transcodeCpu),
    transcodegpuWorkers: String(w.transcodeGpu),
    healthcheckcpuWorkers: String(w.healthcheckCpu),
    healthcheckgpuWorkers: String(w.healthcheckGpu),
  };
}

/** What the generator sets on the tdarr service's environment (over the fragment's defaults). */
export function tdarrServerEnv(cfg: StackConfig): Record<string, string> {
  const t = cfg.tdarr;
  if (!t) return {};
  return {
    internalNode: t.internalNode ? 'true' : 'false',
    ...(t.internalNode && t.workers ? workerEnv(t.workers) : {}),
  };
}
