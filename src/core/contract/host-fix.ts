// host.*: the Windows host fixes the checks offer (Docker Desktop start and sign-in start, the WSL memory limit,
// stopping WSL so it applies). Each answers what it changed and where, so every door can say it plainly.
import * as z from 'zod';
import { OperationInputSchema } from './operation';

export const DockerDesktopStartInputSchema = OperationInputSchema;
export const DockerDesktopStartResultSchema = z.object({
  exe: z.string(),
  /** timeout: Docker Desktop was started but its engine did not answer in time (it may still be starting). */
  engine: z.enum(['running', 'timeout']),
  waitedMs: z.number().int().nonnegative(),
});

export const WslMemoryInputSchema = z
  .object({
    /** The limit in GB; WSL 2 needs a few GB to boot at all, and no PC here has more than 1 TB. */
    memoryGb: z.number().int().min(2).max(1024),
  })
  .strict();
export const WslMemoryResultSchema = z.object({
  file: z.string(),
  line: z.string(),
  previous: z.string().nullable(),
  backup: z.string().nullable(),
  /** The limit applies only after `wsl --shutdown` (host.wsl.shutdown) and a restart of Docker Desktop. */
  shutdownNeeded: z.literal(true),
});

export const WslShutdownResultSchema = z.object({ stopped: z.literal(true) });

export const DockerAutoStartResultSchema = z.object({
  file: z.string(),
  key: z.string(),
  backup: z.string().nullable(),
});
