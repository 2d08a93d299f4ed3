// Tdarr at scale: the server's internal node, a node bundle for another PC, the nodes the server reports.
// Upstream facts (Tdarr's server is closed source; what is public is cited where it is used):
// - internalNode, nodeName, serverIP, serverPort, pathTranslators: github.com/HaveAGitGat/tdarr_docs_public @ b071ba0
//   docs/2-installation/4-docker/1-run-compose.md and 3-windows-linux-macos.md; the image's s6 service
//   docker/root/etc/services.d/tdarr_node/run in github.com/HaveAGitGat/Tdarr @ c9715e1 starts the bundled node only when
//   internalNode=true.
// - Worker counts (transcodecpuWorkers, transcodegpuWorkers, healthcheckcpuWorkers, healthcheckgpuWorkers): Tdarr
//   node config keys as docs.tdarr.io "Configuration Variables" lists them and nixpkgs' services/misc/tdarr.nix writes
//   them; not shown in the public docs repo at b071ba0, so not verified for 2.28.01 (see compose/README.md).
import * as z from 'zod';

const Workers = z.number().int().min(0).max(32);

/** How many jobs of each kind a node runs at once (Tdarr's four worker types, README of Tdarr @ c9715e1). */
export const TdarrWorkersSchema = z
  .object({
    transcodeCpu: Workers.default(1),
    transcodeGpu: Workers.default(0),
    healthcheckCpu: Workers.default(1),
    healthcheckGpu: Workers.default(0),
  })
  .strict();
export type TdarrWorkers = z.infer<typeof TdarrWorkersSchema>;

export const defaultTdarrWorkers: TdarrWorkers = {
  transcodeCpu: 1,
  transcodeGpu: 0,
  healthcheckCpu: 1,
  healthcheckGpu: 0,
};

/** stack.yml `tdarr:`; absent = the internal node on with Tdarr's own worker defaults (what the catalog always did). */
export const TdarrConfigSchema = z
  .object({
    /** Run a node inside the server container (Tdarr's internalNode); off when other PCs do all the work. */
    internalNode: z.boolean().default(true),
    /** Worker counts of the internal node; absent = Tdarr's defaults (the user sets them in Tdarr's UI). */
    workers: TdarrWorkersSchema.optional(),
  })
  .strict();
export type TdarrConfig = z.infer<typeof TdarrConfigSchema>;

// Names Tdarr shows; kept to what survives a compose value, a JSON file and a file name.
const NODE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/;
const HOST =
  /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/** A path on the other PC as its Docker sees it: absolute, one line, no compose interpolation. */
const NodePath = (what: string) =>
  z
    .string()
    .trim()
    .min(1, { message: `${what} is needed` })
    .max(1024)
    .refine((p) => /^(?:\/|[A-Za-z]:[\\/])/.test(p), {
      message: `${what} must be an absolute path on that PC, like /mnt/media or D:\\Media (mount a NAS share first, e.g. as a drive letter)`,
    })
    .refine((p) => !/[\r\n$]/.test(p), { message: `${what} must be one line without "$"` });

export const TdarrGpuSchema = z.enum(['none', 'nvidia', 'intel-amd']);
export type TdarrGpu = z.infer<typeof TdarrGpuSchema>;

export const TdarrNodeBundleInputSchema = z
  .object({
    /** How the node appears in Tdarr (nodeName). */
    nodeName: z.string().trim().regex(NODE_NAME, {
      message: 'must be 1-63 letters, digits, "-", "_" or "." (like gaming-pc), starting with a letter or digit',
    }),
    /** The address the other PC reaches the stack's engine at; absent = the engine's host, or this PC's LAN address. */
    serverHost: z
      .string()
      .trim()
      .refine((v) => HOST.test(v), { message: 'must be a host name or IPv4 address, like 192.168.1.20 (no http://)' })
      .optional(),
    /** Where that PC sees the library the server has at /data/media (the NAS share or this PC's shared media folder). */
    mediaPath: NodePath('the media folder'),
    /** Where that PC sees the server's transcode cache, the tdarr-cache folder beside media (Tdarr needs it shared too). */
    cachePath: NodePath('the transcode cache folder'),
    gpu: TdarrGpuSchema.default('none'),
    workers: TdarrWorkersSchema.optional(),
    /** A folder to write the bundle to (atomically); absent = returned only, for the UI to save. */
    saveTo: z.string().trim().min(1).max(4096).optional(),
  })
  .strict();
export type TdarrNodeBundleInput = z.input<typeof TdarrNodeBundleInputSchema>;

export const TdarrBundleFileSchema = z.object({ name: z.string(), content: z.string() });
export const TdarrNodeBundleSchema = z.object({
  /** compose.yaml, configs/Tdarr_Node_Config.json (the path translators), README.txt. */
  files: z.array(TdarrBundleFileSchema),
  serverIP: z.string(),
  serverPort: z.number().int(),
  nodeName: z.string(),
  /**
   * The stack-side folders the other PC must reach (as the engine's host spells them): the media folder and Tdarr's
   * transcode cache beside it, both in `root` (the data root, or the NAS target after "Migrate to NAS").
   */
  shareFolders: z.object({ root: z.string(), media: z.string(), cache: z.string() }),
  /** The folder written to, when saveTo was given. */
  savedTo: z.string().nullable(),
});
export type TdarrNodeBundle = z.infer<typeof TdarrNodeBundleSchema>;

/** One node as the server reports it (GET /api/v2/get-nodes), reduced to what the dashboard shows. */
export const TdarrNodeSchema = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  paused: z.boolean(),
  workerLimits: z
    .object({
      transcodeCpu: z.number(),
      transcodeGpu: z.number(),
      healthcheckCpu: z.number(),
      healthcheckGpu: z.number(),
    })
    .nullable(),
  /** Workers running right now. */
  activeWorkers: z.number().int(),
});
export type TdarrNode = z.infer<typeof TdarrNodeSchema>;

export const TdarrNodesSchema = z.object({ nodes: z.array(TdarrNodeSchema) });
export type TdarrNodes = z.infer<typeof TdarrNodesSchema>;
