// The app's own files that a user may set aside when they are damaged (docs/decisions.md D30): the fix renames the
// file (never deletes it) and the app starts a new one. Files whose fix is another use case (setup, a migration plan)
// are not listed: their fix action is that use case.
import * as z from 'zod';

export const SetAsideFileSchema = z.enum(['vpnWatch', 'updateHistory', 'plexClientId', 'engineChoice']);
export type SetAsideFile = z.infer<typeof SetAsideFileSchema>;

export const SetAsideInputSchema = z.object({ file: SetAsideFileSchema }).strict();
export const SetAsideResultSchema = z.object({
  file: SetAsideFileSchema,
  /** Where the damaged file went, or null when there was nothing there (already set aside or never written). */
  movedTo: z.string().nullable(),
});
export type SetAsideResult = z.infer<typeof SetAsideResultSchema>;

export const RestorePreviousResultSchema = z.object({
  /** The backup (a folder name under .backups) whose files were put back, as one generation. */
  restored: z.string(),
  /** The backup of the files it replaced, so the restore itself can be undone. */
  keptAs: z.string().nullable(),
});
export type RestorePreviousResult = z.infer<typeof RestorePreviousResultSchema>;
