// app.startAtLogin.*: the "Start with Windows" setting (an OS login item), which only the desktop app can change.
import { z } from 'zod';

export const StartAtLoginSchema = z.object({ enabled: z.boolean() }).strict();
export type StartAtLogin = z.infer<typeof StartAtLoginSchema>;
