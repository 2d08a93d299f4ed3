// `ups config show [--json]` and `ups config validate FILE [--json]`: the effective stack config (secrets as
// set/unset only) and a check of an answers/stack file that lists every problem with its field and fix.
import { readFile } from 'node:fs/promises';
import { profileFromEnv } from '../../core/app/default-deps';
import type { UpsError } from '../../core/contract';
import { readConfigReport, type ConfigReport } from '../../core/stack/config-report';
import { validateStackConfigText } from '../../core/install/validate-config';
import type { CliContext, RegisterCommand } from '../cli-context';
import { EXIT_FAILED, EXIT_OK } from '../exit-codes';
import { productionStackDeps } from './init';
import { renderError } from '../render';

/** Prints a list of problems: JSON keeps the envelope shape (first error) plus the full list. */
export function printErrors(ctx: CliContext, errors: UpsError[], json: boolean): void {
  const first = errors[0] ?? { code: 'INTERNAL' as const, message: 'unknown failure' };
  if (json) ctx.deps.io.out(JSON.stringify({ ok: false, error: first, errors }, null, 2));
  else for (const e of errors) ctx.deps.io.err(renderError(e));
  ctx.setExitCode(EXIT_FAILED);
}

function renderReport(r: ConfigReport): string {
  const c = r.config;
  const on = (b: boolean) => (b ? 'on' : 'off');
  const lines = [
    `Install root: ${r.installRoot}`,
    `Data root:    ${c.dataRoot}`,
    `Time zone:    ${c.timeZone}   PUID/PGID: ${c.puid}/${c.pgid}`,
    `Services:     qBittorrent ${on(c.services.qbittorrent)}, NZBGet ${on(c.services.nzbget)}, Tdarr ${on(c.services.tdarr)}, proxy ${on(c.services.proxy.enabled)}${c.services.proxy.domain ? ` (${c.services.proxy.domain})` : ''}`,
    `VPN:          ${c.vpn.provider} over ${c.vpn.type}${c.vpn.serverCountries.length ? `, ${c.vpn.serverCountries.join(', ')}` : ''}`,
    `Ports:        ${Object.entries(c.ports).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    'Secrets (values are never shown):',
    ...r.secrets.map((s) => `  ${s.set ? 'set  ' : 'UNSET'} ${s.name} (${s.origin}, ${s.envVar})`),
  ];
  return lines.join('\n');
}

async function show(ctx: CliContext, json: boolean): Promise<void> {
  const root = await profileFromEnv(process.env).readInstallRoot();
  if (!root) return printErrors(ctx, [{ code: 'NOT_FOUND', message: 'No stack is installed yet (no install root is recorded).', fix: 'Run `ups init --config answers.yml` first.' }], json);
  const r = await readConfigReport(root, productionStackDeps(ctx).vault);
  if (!r.ok) return printErrors(ctx, r.errors, json);
  ctx.setExitCode(ctx.print({ ok: true, value: r.value }, json, renderReport) ? EXIT_OK : EXIT_FAILED);
}

async function validate(ctx: CliContext, file: string, json: boolean): Promise<void> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    return printErrors(ctx, [{ code: 'NOT_FOUND', field: 'FILE', message: `${file} cannot be read: ${(err as Error).message}`, fix: 'Give the path of an answers file or stack.yml.' }], json);
  }
  const r = validateStackConfigText(text, file);
  if (!r.ok) return printErrors(ctx, r.errors, json);
  ctx.setExitCode(ctx.print({ ok: true, value: r.value }, json, () => `${file} is valid.`) ? EXIT_OK : EXIT_FAILED);
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
};
