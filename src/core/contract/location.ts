// The wizard's location check: free space vs the estimate, the filesystem, and a host hardlink test.
import * as z from 'zod';
import { FixActionSchema } from './fix-action';
import { catalogServices } from './stack-config';
import { normaliseHostPath, pathProblem } from './stack-config-paths';

/** Same rules as StackConfig's installRoot/dataRoot (Windows drive and Linux paths, normalised); errors name the field. */
const LocationPath = (what: string) =>
  z
    .string()
    .max(400)
    .transform((raw, ctx) => {
      const problem = pathProblem(raw);
      if (problem) {
        ctx.addIssue({ code: 'custom', message: `${what} ${problem}` });
        return z.NEVER;
      }
      return normaliseHostPath(raw);
    });

export const LocationCheckInputSchema = z
  .object({
    installRoot: LocationPath('install root').optional(),
    dataRoot: LocationPath('data root'),
    /** The services the estimate counts; the wizard's default selection when absent. */
    services: z.array(z.enum(catalogServices)).max(catalogServices.length).optional(),
  })
  .strict();
export type LocationCheckInput = z.input<typeof LocationCheckInputSchema>;

export const LocationCheckSchema = z.object({
  /** The data root as checked (normalised). */
  path: z.string(),
  exists: z.boolean(),
  /** The folder actually measured and tested: the data root, or its nearest existing parent (nothing is created). */
  checkedFolder: z.string(),
  freeBytes: z.number().nonnegative(),
  /** Images and app data for the selected services; media not counted. */
  neededBytes: z.number().nonnegative(),
  fits: z.boolean(),
  /** The filesystem's type name (ext4, tmpfs, NTFS, exFAT …) or "unknown". */
  filesystem: z.string(),
  hardlinks: z.object({
    ok: z.boolean(),
    detail: z.string(),
    fix: z.string().optional(),
    action: FixActionSchema.optional(),
  }),
  warnings: z.array(z.string()),
  /** The Docker engine whose host was checked, in plain words ("Docker on this PC", "Docker on nas (TLS)"). */
  engine: z.string().optional(),
});
export type LocationCheck = z.infer<typeof LocationCheckSchema>;
