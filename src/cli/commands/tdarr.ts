// `ups tdarr add-node` (the files another PC needs to run a Tdarr node) and `ups tdarr nodes` (what the server reports).
// Translation only: the flags become a tdarr.nodeBundle / tdarr.nodes call; the core checks and writes.
import type { CallInput, TdarrNodeBundle, TdarrNodes } from '../../core/contract';
import type { RegisterCommand } from '../cli-context';
import { finish } from './engine-command';

export function renderNodeBundle(b: TdarrNodeBundle): string {
  return [
    `Tdarr node "${b.nodeName}" → server ${b.serverIP}:${b.serverPort}`,
    ...(b.savedTo ? [`Written to ${b.savedTo}: ${b.files.map((f) => f.name).join(', ')}`] : []),
    `The other PC must reach the media (${b.shareFolders.media}) and the transcode cache (${b.shareFolders.cache}): share ${b.shareFolders.root} with it.`,
    'Copy that folder to the other PC and run `docker compose up -d` there (see its README.txt).',
  ].join('\n');
}

export function renderNodes(n: TdarrNodes): string {
  if (n.nodes.length === 0) return 'No Tdarr node is connected to the server.';
  return n.nodes
    .map((x) => {
      const w = x.workerLimits;
      const limits = w
        ? `transcode ${w.transcodeCpu} CPU/${w.transcodeGpu} GPU, health check ${w.healthcheckCpu} CPU/${w.healthcheckGpu} GPU`
        : 'no worker limits reported';
      return `${x.name}${x.address ? ` (${x.address})` : ''}${x.paused ? ' [paused]' : ''}: ${x.activeWorkers} working; ${limits}`;
    })
    .join('\n');
}

const count = (v: string): number => Number(v);

interface AddNodeOptions {
  name: string;
  media: string;
  cache: string;
  server?: string;
  gpu: string;
  out?: string;
  transcodeCpu?: number;
  transcodeGpu?: number;
  healthcheckCpu?: number;
  healthcheckGpu?: number;
  json?: boolean;
}

export const registerTdarr: RegisterCommand = (program, ctx) => {
  const tdarr = program.command('tdarr').description('Tdarr nodes on other PCs.');
  tdarr
    .command('add-node')
    .description(
      'Write the files another PC needs to run a Tdarr node for this stack (compose file, node config, README).',
    )
    .requiredOption('--name <node name>', 'how the node appears in Tdarr, like gaming-pc')
    .requiredOption(
      '--media <path>',
      "where that PC sees the stack's media library (a mounted NAS share or shared folder)",
    )
    .requiredOption(
      '--cache <path>',
      "where that PC sees the Tdarr server's transcode cache (the tdarr-cache folder next to the media folder)",
    )
    .option(
      '--server <host>',
      "the stack's address as that PC reaches it (default: the engine host or this PC's LAN address)",
    )
    .option('--gpu <kind>', 'none, nvidia or intel-amd', 'none')
    .option('--out <folder>', 'where to write the files (default: ./tdarr-node-<name>)')
    .option('--transcode-cpu <n>', 'CPU transcode workers', count)
    .option('--transcode-gpu <n>', 'GPU transcode workers', count)
    .option('--healthcheck-cpu <n>', 'CPU health-check workers', count)
    .option('--healthcheck-gpu <n>', 'GPU health-check workers', count)
    .option('--json', 'print the answer as JSON')
    .action(async (o: AddNodeOptions) => {
      const workers =
        (o.transcodeCpu ?? o.transcodeGpu ?? o.healthcheckCpu ?? o.healthcheckGpu)
          ? {
              ...(o.transcodeCpu !== undefined ? { transcodeCpu: o.transcodeCpu } : {}),
              ...(o.transcodeGpu !== undefined ? { transcodeGpu: o.transcodeGpu } : {}),
              ...(o.healthcheckCpu !== undefined ? { healthcheckCpu: o.healthcheckCpu } : {}),
              ...(o.healthcheckGpu !== undefined ? { healthcheckGpu: o.healthcheckGpu } : {}),
            }
          : undefined;
      const input = {
        nodeName: o.name,
        mediaPath: o.media,
        cachePath: o.cache,
        gpu: o.gpu,
        saveTo: o.out ?? `tdarr-node-${o.name}`,
        ...(o.server ? { serverHost: o.server } : {}),
        ...(workers ? { workers } : {}),
      };
      finish(
        ctx,
        await (await ctx.deps.app()).call('tdarr.nodeBundle', input as CallInput<'tdarr.nodeBundle'>),
        !!o.json,
        renderNodeBundle,
      );
    });
  tdarr
    .command('nodes')
    .description('List the nodes connected to the Tdarr server.')
    .option('--json', 'print the answer as JSON')
    .action(async (o: { json?: boolean }) => {
      finish(ctx, await (await ctx.deps.app()).call('tdarr.nodes'), !!o.json, renderNodes);
    });
};
