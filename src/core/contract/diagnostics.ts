// diagnostics.export: one zip of what support needs (logs, checks, compose config, versions, wiring plan), no secret.
import * as z from 'zod';

export const DiagnosticsExportInputSchema = z
  .object({
    /** Where to write the zip (absolute, ending .zip); without it, the profile's diagnostics folder. */
    path: z
      .string()
      .min(1)
      .max(4096)
      .refine((p) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(p), 'the path must be absolute (e.g. C:\\Users\\me\\ups.zip)')
      .refine((p) => /\.zip$/i.test(p), 'the file name must end with .zip')
      .optional(),
  })
  .strict();
export type DiagnosticsExportInput = z.infer<typeof DiagnosticsExportInputSchema>;

export const DiagnosticsEntrySchema = z.object({
  name: z.string(),
  /** False when the part could not be collected: the entry then holds the reason instead. */
  collected: z.boolean(),
});

export const DiagnosticsExportSchema = z.object({
  path: z.string(),
  bytes: z.number().int().nonnegative(),
  entries: z.array(DiagnosticsEntrySchema),
  /** True when this door can show the diagnostics folder (diagnostics.openFolder); browser mode and the CLI cannot. */
  canOpenFolder: z.boolean().optional(),
});
export type DiagnosticsExport = z.infer<typeof DiagnosticsExportSchema>;

/** diagnostics.openFolder: the folder the exports land in by default, opened in the desktop's file manager. */
export const DiagnosticsFolderSchema = z.object({ folder: z.string() });
export type DiagnosticsFolder = z.infer<typeof DiagnosticsFolderSchema>;

/** Published web ports of the installed stack's enabled services: the only http:// targets the desktop app opens. */
export const WebPortsSchema = z.object({
  ports: z.array(z.object({ name: z.string(), port: z.number().int().min(1).max(65535) })),
  /** Where these ports answer from this PC: 127.0.0.1 for an engine here, else the engine's host (D14). */
  host: z.string().optional(),
});
export type WebPorts = z.infer<typeof WebPortsSchema>;
