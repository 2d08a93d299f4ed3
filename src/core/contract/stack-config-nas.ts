// StackConfig's optional storage target: where /data (or only /data/media) comes from after "Migrate to NAS".
// The one place a network (UNC) path is accepted: containers reach it as a CIFS named volume, the app copies through it.
import * as z from 'zod';
import { normaliseHostPath, pathProblem } from './stack-config-paths';

const UNC = /^(?:\\\\|\/\/)([^\\/\s]+)[\\/]+([^\\/]+)((?:[\\/]+[^\\/]+)*)[\\/]*$/;

/** `//nas/media/ups/` → `\\nas\media\ups`; null when not a UNC path. */
export function normaliseUnc(raw: string): string | null {
  const m = UNC.exec(raw.trim());
  if (!m) return null;
  const rest = (m[3] ?? '').split(/[\\/]+/).filter(Boolean);
  return `\\\\${[m[1], m[2], ...rest].join('\\')}`;
}

const NasTargetPath = z.string().transform((raw, ctx) => {
  const p = raw.trim();
  if (/^(\\\\|\/\/)/.test(p)) {
    const unc = normaliseUnc(p);
    const bad = /[$"'`#;<>|?*:]/.exec(p.slice(2));
    if (!unc || bad) {
      ctx.addIssue({
        code: 'custom',
        message: `NAS target must be a share path like \\\\nas\\media\\ups${bad ? ` (without "${bad[0]}")` : ''}`,
      });
      return z.NEVER;
    }
    return unc;
  }
  const problem = pathProblem(p);
  if (problem) {
    ctx.addIssue({ code: 'custom', message: `NAS target ${problem}` });
    return z.NEVER;
  }
  return normaliseHostPath(p);
});

/** CIFS mount options shared by the migration plan and StackConfig's `nas` block. */
export const SmbOptionsSchema = z
  .object({
    version: z.enum(['1.0', '2.0', '2.1', '3.0', '3.1.1']).default('3.0'),
    uid: z.number().int().nonnegative().default(1000),
    gid: z.number().int().nonnegative().default(1000),
  })
  .strict();

export const NasConfigSchema = z
  .object({
    /** `everything`: all of /data comes from the target; `media-only`: only /data/media, downloads stay on dataRoot. */
    mode: z.enum(['everything', 'media-only']),
    /** A mounted folder (Linux, or a Windows drive path) or a Windows share `\\host\share\path`. */
    target: NasTargetPath,
    /** CIFS mount options for a share target (user and password come from the vault: nas.user, nas.password). */
    smb: SmbOptionsSchema.optional(),
  })
  .strict();
export type NasConfig = z.infer<typeof NasConfigSchema>;

export const isUncTarget = (target: string): boolean => /^(\\\\|\/\/)/.test(target);
