// ui.nextSteps.*: which of the dashboard's after-install steps the user has ticked off (kept until all are done).
import * as z from 'zod';

/** Add an indexer in Prowlarr, request a film in Seerr, open Plex: what makes a fresh stack download and play. */
export const nextStepIds = ['indexer', 'request', 'plex'] as const;
export const NextStepIdSchema = z.enum(nextStepIds);
export type NextStepId = z.infer<typeof NextStepIdSchema>;

export const NextStepsSchema = z.object({ done: z.array(NextStepIdSchema).max(nextStepIds.length) }).strict();
export type NextSteps = z.infer<typeof NextStepsSchema>;
