// diagnostics.export: the support bundle. Gathers what `ups doctor --json`, `compose config`, the wiring plan, the
// versions and the log files say, and hands it to the diagnostics module, which scrubs every secret and writes the zip.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UpsFailure, type DiagnosticsExport, type DiagnosticsFolder } from '../../contract';
import { composeConfigText } from '../../diagnostics/compose-config';
import { exportDiagnostics, type DiagnosticsSource } from '../../diagnostics/export-diagnostics';
import { vaultRedactor } from '../../diagnostics/secret-scrub';
import { readDockerFacts } from '../../engine/docker-facts';
import { readHistory } from '../../engine/updates/update-history';
import { readInstalledStack } from '../../install/read-installed-stack';
import type { AppContext, HandlerGroup } from '../app-context';
import { readStatus } from './status';
import { basicHandlers } from './basics';
import { wiringUseCases } from './wiring';

const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
/** 2026-12-07T10-31-13Z: sortable and valid in a Windows file name. */
const stamp = (d: Date) =>
  d
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-');
const LOG_FILE = /\.log(\.\d+)?$/;

export function diagnosticsHandlers(ctx: AppContext): HandlerGroup {
  const { deps } = ctx;
  // The same use cases the doors call, so the bundle shows exactly what `ups doctor --json` and the plan show.
  const basics = basicHandlers(ctx);
  const stackStatus = () => readStatus(deps, ctx.mirror);
  const wiring = wiringUseCases(deps.wiring, () => undefined);
  const needRoot = async () => {
    const root = await deps.installRoot();
    if (!root) throw new Error('no stack is installed yet');
    return root;
  };

  const sources = (): DiagnosticsSource[] => [
    {
      name: 'versions.json',
      collect: async () =>
        json({
          app: deps.version,
          door: deps.door,
          platform: deps.platform,
          arch: deps.arch,
          node: process.versions.node,
          electron: process.versions.electron ?? null,
          docker: await readDockerFacts(deps.endpoint),
          compose: await deps.detectCompose(),
          images: await stackStatus().then(
            (s) => s.services.map((x) => ({ service: x.service, image: x.image, state: x.state, health: x.health })),
            (err: unknown) => `not readable: ${err instanceof Error ? err.message : String(err)}`,
          ),
        }),
    },
    { name: 'doctor.json', collect: async () => json(await basics['env.check']!({ stack: true }, {})) },
    {
      name: 'compose-config.yaml',
      foreign: true,
      collect: async () => {
        const env: Record<string, string> = { ...deps.engine.composeEnv, ...deps.endpoint.composeEnv };
        return composeConfigText({
          installRoot: await needRoot(),
          project: deps.project,
          detectCompose: deps.detectCompose,
          vault: deps.vault,
          hostEnv: deps.engine.hostEnv,
          env,
        });
      },
    },
    { name: 'wiring-plan.json', collect: async () => json(await wiring['wiring.plan']()) },
    { name: 'stack.json', foreign: true, collect: async () => json(await readInstalledStack(await needRoot())) },
    { name: 'update-history.json', collect: async () => json(await readHistory(await needRoot())) },
    {
      name: 'logs/',
      collect: async () => {
        const files = (await readdir(deps.profile.logsDir)).filter((f) => LOG_FILE.test(f)).sort();
        return Promise.all(
          files.map(async (f) => ({ name: `logs/${f}`, text: await readFile(join(deps.profile.logsDir, f), 'utf8') })),
        );
      },
    },
  ];

  const folder = join(deps.profile.configDir, 'diagnostics');
  const openFolder = deps.desktop.openFolder;
  return {
    'diagnostics.export': async ({ path }: { path?: string }): Promise<DiagnosticsExport> => {
      const now = new Date();
      const written = await exportDiagnostics({
        path: path ?? join(folder, `ups-diagnostics-${stamp(now)}.zip`),
        sources: sources(),
        redactor: await vaultRedactor(deps.vault),
        now,
        header: { app: deps.version, door: deps.door },
      });
      return { ...written, canOpenFolder: Boolean(openFolder) };
    },
    // No path from the caller: a screen can only ever open the one folder the exports land in.
    'diagnostics.openFolder': async (): Promise<DiagnosticsFolder> => {
      if (!openFolder)
        throw new UpsFailure({
          code: 'NOT_FOUND',
          message: 'Only the desktop app can open a folder on this computer.',
          fix: `Open ${folder} in your file manager, or copy the file's path shown above.`,
        });
      const problem = await openFolder(folder);
      if (problem)
        throw new UpsFailure({
          code: 'NOT_FOUND',
          message: `The diagnostics folder could not be opened: ${problem}`,
          fix: `Open ${folder} in your file manager.`,
        });
      return { folder };
    },
  };
}
