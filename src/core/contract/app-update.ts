// app.update.*: the desktop app's own updates (electron-updater), offered to the user and installed only on request.
import * as z from 'zod';

export const AppUpdateStateSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('idle') }),
  z.object({ kind: z.literal('checking') }),
  z.object({ kind: z.literal('none'), checkedAt: z.string() }),
  z.object({ kind: z.literal('available'), version: z.string() }),
  z.object({ kind: z.literal('downloading'), version: z.string(), percent: z.number().min(0).max(100) }),
  z.object({ kind: z.literal('ready'), version: z.string() }),
  z.object({ kind: z.literal('error'), message: z.string() }),
]);
export type AppUpdateState = z.infer<typeof AppUpdateStateSchema>;

/** Each action is one user click: check, download the offered version, or restart into the downloaded one. */
export const AppUpdateRunInputSchema = z.object({ action: z.enum(['check', 'download', 'install']) }).strict();
export type AppUpdateRunInput = z.infer<typeof AppUpdateRunInputSchema>;
