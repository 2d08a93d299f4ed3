// `ups config show [--json]` and `ups config validate FILE [--json]`: the effective stack config (secrets as
// set/unset only) and a check of an answers/stack file that lists every problem with its field and fix.
import type { StackConfigReport, UpsError } from '../../core/contract';
import type { CliContext, RegisterCommand } from '../cli-context';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from '../exit-codes';
import { readFileArg } from '../file-arg';
import { renderError } from '../render';
import { registerConfigUsenet } from './config-usenet';

/** Prints a list of problems: JSON keeps the envelope shape (first error) plus the full list. */
export function printErrors(ctx: CliContext, errors: UpsError[], json: boolean, exitCode: number = EXIT_FAILED): void {
  const first = errors[0] ?? { code: 'INTERNAL' as const, message: 'unknown failure' };
  if (json) ctx.deps.io.out(JSON.stringify({ ok: false, error: first, errors }, null, 2));
  else for (const e of errors) ctx.deps.io.err(renderError(e));
  ctx.setExitCode(exitCode);
}

function renderReport(r: StackConfigReport): string {
  const c = r.config;
  const on = (b: boolean) => (b ? 'on' : 'off');
  const lines = [
    `Install root: ${r.installRoot}`,
    `Data root:    ${c.dataRoot}`,
    `Time zone:    ${c.timeZone}   PUID/PGID: ${c.puid}/${c.pgid}`,
    `Services:     qBittorrent ${on(c.services.qbittorrent)}, NZBGet ${on(c.services.nzbget)}, Tdarr ${on(c.services.tdarr)}, FlareSolverr ${on(c.services.flaresolverr)}, proxy ${on(c.services.proxy.enabled)}${c.services.proxy.domain ? ` (${c.services.proxy.domain})` : ''}`,
    `VPN:          ${c.vpn.provider} over ${c.vpn.type}${c.vpn.serverCountries.length ? `, ${c.vpn.serverCountries.join(', ')}` : ''}`,
    `Ports:        ${Object.entries(c.ports)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    'Secrets (values are never shown):',
    ...r.secrets.map((s) => `  ${s.set ? 'set  ' : 'UNSET'} ${s.name} (${s.origin}, ${s.envVar})`),
  ];
  return lines.join('\n');
}

async function show(ctx: CliContext, json: boolean): Promise<void> {
  const env = await (await ctx.deps.app()).call('stack.config.show');
  ctx.setExitCode(ctx.print(env, json, renderReport) ? EXIT_OK : EXIT_FAILED);
}

/** Reads a YAML file named on the command line and validates it through stack.config.validate. */
export async function validateFile(ctx: CliContext, file: string, flag: string, json: boolean, fix: string) {
  const read = await readFileArg(file, flag, fix);
  if (!read.ok) return printErrors(ctx, [read.error], json, read.usage ? EXIT_USAGE : EXIT_FAILED);
  const env = await (await ctx.deps.app()).call('stack.config.validate', { yaml: read.text, source: file });
  if (!env.ok) return printErrors(ctx, [env.error], json);
  if (!env.value.valid || !env.value.config) return printErrors(ctx, env.value.errors, json);
  return env.value.config;
}

async function validate(ctx: CliContext, file: string, json: boolean): Promise<void> {
  const config = await validateFile(ctx, file, 'FILE', json, 'Give the path of an answers file or stack.yml.');
  if (config)
    ctx.setExitCode(ctx.print({ ok: true, value: config }, json, () => `${file} is valid.`) ? EXIT_OK : EXIT_FAILED);
}

export const registerConfig: RegisterCommand = (program, ctx) => {
  const config = program.command('config').description('Show or check the stack configuration (stack.yml).');
  config
    .command('show')
    .description('Show the effective configuration; secrets appear only as set/unset.')
    .option('--json', 'print the result as JSON')
    .action((o: { json?: boolean }) => show(ctx, !!o.json));
  config
    .command('validate')
    .description('Check an answers file or stack.yml and list every problem with its field and fix.')
    .argument('<file>', 'the YAML file to check')
    .option('--json', 'print the result as JSON')
    .action((file: string, o: { json?: boolean }) => validate(ctx, file, !!o.json));
  registerConfigUsenet(config, ctx);
};
