// app.startAtLogin.* and app.updateChannel.*: desktop-app settings ("Start with Windows", which update feed channel to
// follow), which only the desktop app can change.
import * as z from 'zod';

export const StartAtLoginSchema = z.object({ enabled: z.boolean() }).strict();
export type StartAtLogin = z.infer<typeof StartAtLoginSchema>;

/** stable = electron-builder's default channel file (latest.yml); beta = beta.yml, which also lists newer stable releases. */
export const UpdateChannelNameSchema = z.enum(['stable', 'beta']);
export type UpdateChannelName = z.infer<typeof UpdateChannelNameSchema>;

export const UpdateChannelSchema = z.object({ channel: UpdateChannelNameSchema }).strict();
export type UpdateChannel = z.infer<typeof UpdateChannelSchema>;
