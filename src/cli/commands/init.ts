// `ups init --config answers.yml [--secrets-from-env] [--up] [--json]`: validates the answers, asks for missing
// secrets on the terminal without echo (or reads UPS_… variables), writes stack.yml/compose.yaml/.env, and with
// --up prepares /data, seeds configs and starts the stack. Logic lives in core/stack; this is the door.
import { readFile } from 'node:fs/promises';
import { defaultAppDeps } from '../../core/app/default-deps';
import { profileFromEnv } from '../../core/app/default-deps';
import type { PlexClaimOutcome } from '../../core/contract';
import { claimPlexAfterInstall } from '../../core/plex/plex-install-claim';
import { bringUpStack } from '../../core/stack/bring-up';
import { loadCatalog } from '../../core/stack/catalog';
import { composeCommand } from '../../core/engine/compose/compose-target';
import { inheritedHostEnv } from '../../core/engine/compose/compose-runner';
import { initStack } from '../../core/stack/init-stack';
import type { StackVault } from '../../core/stack/stack-secrets';
import { createKeytarVault } from '../../core/vault/keytar-vault';
import { envVarFor, type SecretName } from '../../core/contract/secret-names';
import { validateStackConfigText } from '../../core/install/validate-config';
import type { CliContext, RegisterCommand } from '../cli-context';
import { EXIT_FAILED, EXIT_OK } from '../exit-codes';
import { printErrors } from './config';

/** The production pieces the stack commands need, from the same wiring as the App service. */
export function productionStackDeps(ctx: CliContext, env: NodeJS.ProcessEnv = process.env) {
  const d = defaultAppDeps({ version: ctx.deps.version, door: 'cli' });
  // A test seam like UPS_COMPOSE_PROJECT: parallel test files must not share vault entries.
  const vault: StackVault = env.UPS_VAULT_SERVICE ? createKeytarVault(env.UPS_VAULT_SERVICE) : d.vault;
  return { vault, docker: d.endpoint.docker, detectCompose: d.detectCompose, project: d.project };
}

/**
 * Reads a line from the terminal without echoing it (the secret never reaches the screen or a log). Raw mode is set
 * BEFORE the prompt is shown, so nothing typed after the prompt can be echoed by the terminal's line discipline.
 */
function askHidden(name: SecretName): Promise<string> {
  const stdin = process.stdin;
  stdin.setRawMode(true);
  stdin.resume();
  process.stderr.write(`Enter ${name} (input hidden): `);
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    const onData = (buf: Buffer) => {
      for (const ch of buf.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return (finish(), resolve(value));
        if (ch === '\u0003' || ch === '\u0004') return (finish(), reject(new Error('cancelled at the secret prompt')));
        value = ch === '\u007f' || ch === '\b' ? value.slice(0, -1) : value + ch;
      }
    };
    stdin.on('data', onData);
  });
}

interface InitOptions {
  config: string;
  secretsFromEnv?: boolean;
  up?: boolean;
  json?: boolean;
}

async function init(ctx: CliContext, o: InitOptions): Promise<void> {
  const json = !!o.json;
  let answers: string;
  try {
    answers = await readFile(o.config, 'utf8');
  } catch (err) {
    return printErrors(ctx, [{ code: 'NOT_FOUND', field: '--config', message: `${o.config} cannot be read: ${(err as Error).message}`, fix: 'Give the path of your answers file.' }], json);
  }
  const deps = productionStackDeps(ctx);
  // NordVPN access token from the environment: exchanged for the key/credentials through the same call as the wizard
  // (vpn.nordvpn.derive), so initStack finds them in the vault; the token itself is not stored.
  const token = o.secretsFromEnv ? process.env[envVarFor('vpn.nordvpn.access_token')]?.trim() : undefined;
  const answered = validateStackConfigText(answers, o.config);
  if (token && answered.ok && answered.value.vpn.provider === 'nordvpn') {
    const derived = await ctx.deps.app().call('vpn.nordvpn.derive', { token, type: answered.value.vpn.type });
    if (!derived.ok) return printErrors(ctx, [derived.error], json);
  }
  const catalog = await loadCatalog();
  const r = await initStack(answers, o.config, {
    catalog,
    vault: deps.vault,
    configDir: profileFromEnv(process.env).configDir,
    secretsFromEnv: o.secretsFromEnv ? process.env : undefined,
    askSecret: !o.secretsFromEnv && process.stdin.isTTY ? askHidden : undefined,
  });
  if (!r.ok) return printErrors(ctx, r.errors, json);
  const w = r.value;
  const summary = {
    installRoot: w.config.installRoot,
    written: w.report.written,
    unchanged: w.report.unchanged,
    backup: w.report.backup ?? null,
    createdSecrets: w.createdSecrets,
    services: w.generated.compose.services,
    started: false,
    plexClaim: null as PlexClaimOutcome | null,
  };
  if (o.up) {
    try {
      const up = await bringUpStack(w.config, w.generated.compose, { docker: deps.docker, composeCommand: composeCommand(await deps.detectCompose()), hostEnv: inheritedHostEnv(process.env), project: deps.project, vault: deps.vault, onProgress: (p) => json || ctx.deps.io.err(`[${p.current}/${p.total}] ${p.message}`) });
      summary.started = up.health.every((s) => s.health === 'healthy' || s.health === 'none');
      // Signed in before install (`ups plex signin`): claim Plex for that account now that it runs, as the wizard does.
      summary.plexClaim = await claimPlexAfterInstall(w.config, { vault: deps.vault, configDir: profileFromEnv(process.env).configDir, endpoints: defaultAppDeps({ version: '', door: 'cli' }).plex, operationId: 'init', onProgress: (p) => json || ctx.deps.io.err(`[${p.current}/${p.total}] ${p.message}`) });
    } catch (err) {
      const hl = (err as { hardlink?: { explanation?: string; fix?: string } }).hardlink;
      return printErrors(ctx, [{ code: 'INTERNAL', message: `The files were written, but starting the stack failed: ${(err as Error).message}`, fix: hl?.fix ?? 'Fix the cause above, then run `ups init --config … --up` again (it is idempotent).' }], json);
    }
  }
  const text = () =>
    [
      `Stack written to ${summary.installRoot}: ${summary.written.length ? summary.written.join(', ') : 'no changes'}${summary.backup ? ` (previous versions in ${summary.backup})` : ''}.`,
      summary.createdSecrets.length ? `Generated and stored in the vault: ${summary.createdSecrets.join(', ')}.` : '',
      summary.started ? `Started and healthy: ${summary.services.join(', ')}.` : 'Start it with `ups init --config … --up` (or the app).',
      summary.plexClaim ? [summary.plexClaim.detail, summary.plexClaim.fix ? `fix: ${summary.plexClaim.fix}` : ''].filter(Boolean).join('\n') : '',
    ]
      .filter(Boolean)
      .join('\n');
  ctx.setExitCode(ctx.print({ ok: true, value: summary }, json, text) ? EXIT_OK : EXIT_FAILED);
}

export const registerInit: RegisterCommand = (program, ctx) => {
  program
    .command('init')
    .description('Create the stack from an answers file: validate, collect secrets, write stack.yml, compose.yaml and .env.')
    .requiredOption('--config <file>', 'answers file (YAML): installRoot, dataRoot, timeZone, services, vpn, …')
    .option('--secrets-from-env', 'take missing secrets from UPS_… environment variables instead of asking (NordVPN: UPS_VPN_NORDVPN_ACCESS_TOKEN is exchanged for the key)')
    .option('--up', 'also create the /data layout, run the hardlink test, seed configs and start the stack')
    .option('--json', 'print the result as JSON')
    .action((o: InitOptions) => init(ctx, o));
};
