// `ups diagnostics [--out PATH] [--json]`: writes the support zip (logs, checks, compose config, versions, wiring plan;
// never a secret) and prints where; without --out the core picks its diagnostics folder.
import { resolve } from 'node:path';
import * as z from 'zod';
import { DiagnosticsExportInputSchema, type DiagnosticsExport } from '../../core/contract';
import type { RegisterCommand } from '../cli-context';
import { EXIT_FAILED, EXIT_OK } from '../exit-codes';
import { parseWith } from '../flags';

/** A path as typed, made absolute against the working directory, then the contract's own rules (ends with .zip). */
export const parseOut = parseWith(
  '--out',
  z
    .string()
    .min(1, 'must not be empty')
    .transform((p) => resolve(p))
    .pipe(DiagnosticsExportInputSchema.shape.path.unwrap()),
  'Give a file name ending in .zip, e.g. --out ups-diagnostics.zip.',
);

export function renderDiagnostics(d: DiagnosticsExport): string {
  const missed = d.entries.filter((e) => !e.collected).map((e) => e.name);
  return [
    `Wrote ${d.path} (${d.bytes} bytes; passwords and keys left out).`,
    ...(missed.length ? [`Not collected (the zip says why): ${missed.join(', ')}.`] : []),
  ].join('\n');
}

export const registerDiagnostics: RegisterCommand = (program, ctx) => {
  program
    .command('diagnostics')
    .description('Export one zip for a problem report: logs, checks, compose config, versions and the wiring plan.')
    .option('--out <path>', 'where to write the zip (default: the diagnostics folder in your profile)', parseOut)
    .option('--json', 'print the diagnostics.export answer as JSON')
    .action(async (o: { out?: string; json?: boolean }) => {
      const r = await (await ctx.deps.app()).call('diagnostics.export', o.out ? { path: o.out } : {});
      ctx.setExitCode(ctx.print(r, !!o.json, renderDiagnostics) ? EXIT_OK : EXIT_FAILED);
    });
};
