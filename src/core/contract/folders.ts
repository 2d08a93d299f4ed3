// folders.pick: the desktop app's "Browse" for a folder (the OS dialog); elsewhere the user types the path.
import * as z from 'zod';

export const FolderPickInputSchema = z
  .object({
    /** The dialog's title, e.g. "Choose the media folder". */
    title: z.string().max(120).optional(),
    /** Where the dialog opens (the path typed so far, when there is one). */
    defaultPath: z.string().max(1024).optional(),
  })
  .strict();
export type FolderPickInput = z.infer<typeof FolderPickInputSchema>;

/** `path: null` when the user cancelled. */
export const FolderPickSchema = z.object({ path: z.string().nullable() }).strict();
export type FolderPick = z.infer<typeof FolderPickSchema>;
