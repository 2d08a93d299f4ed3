// app.info: who we are and where the stack lives.
import * as z from 'zod';

export const AppInfoSchema = z.object({
  version: z.string(),
  platform: z.enum(['win32', 'linux', 'darwin', 'other']),
  arch: z.string(),
  door: z.enum(['electron', 'cli', 'browser']),
  installRoot: z.string().nullable(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;
