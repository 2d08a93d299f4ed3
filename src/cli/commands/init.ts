// `ups init --config answers.yml [--secrets-from-env] [--up] [--json]`: the door of stack.install. It reads and
// validates the answers (stack.config.validate), collects the VPN secrets the vault lacks (a prompt without echo, or
// UPS_… variables), stores them with secrets.set, then calls stack.install; with --up the install also starts the
// stack, waits until healthy and claims Plex when a sign-in is stored. Progress pushes are printed on stderr.
import type { AppService } from '../../core/app/app-service';
import { envVarFor } from '../../core/contract/secret-names';
import type { ConfigSecret, SecretName, StackInstallResult, UpsError } from '../../core/contract';
import type { CliContext, RegisterCommand } from '../cli-context';
import { EXIT_FAILED, EXIT_OK } from '../exit-codes';
import { printErrors, validateFile } from './config';
import { runWithProgress } from './engine-command';
import { fixLines } from '../fix-command';

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

/** Every missing user secret, from the environment (--secrets-from-env) or the terminal; errors name each one not given. */
async function collectSecrets(
  missing: ConfigSecret[],
  fromEnv: boolean,
): Promise<{ values: [SecretName, string][]; errors: UpsError[] }> {
  const ask = !fromEnv && process.stdin.isTTY ? askHidden : undefined;
  const values: [SecretName, string][] = [];
  const errors: UpsError[] = [];
  for (const s of missing) {
    const value = fromEnv ? process.env[s.envVar] : ask ? await ask(s.name) : undefined;
    if (value && value.trim() !== '') values.push([s.name, value]);
    else {
      errors.push({
        code: 'BAD_INPUT',
        field: `secrets.${s.name}`,
        message: `secrets.${s.name}: the ${s.name} secret is needed and was not given.`,
        fix: fromEnv
          ? `Set ${s.envVar} in the environment of \`ups init --secrets-from-env\`.`
          : `Run \`ups init\` in a terminal to be asked, or pass it as ${s.envVar} with --secrets-from-env.`,
      });
    }
  }
  return { values, errors };
}

/** Stores the collected secrets; a refused value is reported under the secret's own name. */
async function storeSecrets(app: AppService, values: [SecretName, string][]): Promise<UpsError | null> {
  for (const [name, value] of values) {
    const r = await app.call('secrets.set', { name, value });
    if (!r.ok)
      return r.error.code === 'BAD_INPUT'
        ? { ...r.error, field: `secrets.${name}`, message: `secrets.${name}: ${r.error.message}` }
        : r.error;
  }
  return null;
}

/** The connect run install went on with: one line per link (failed ones with why and fix), then what did not apply. */
export function renderWiring(w: NonNullable<StackInstallResult['wiring']>): string {
  const working = w.links.filter((l) => l.state === 'ok').length;
  return [
    `Connected the apps: ${w.applied} change(s) written, ${working} of ${w.links.length} links work.`,
    ...w.links.map((l) =>
      l.state === 'ok'
        ? `  ok      ${l.name}`
        : [`  FAILED  ${l.name}: ${l.why}`, ...fixLines(l, '          ')].join('\n'),
    ),
    ...w.problems.map((p) => [`${p.step}: ${p.why}`, ...fixLines(p, '  ')].join('\n')),
  ].join('\n');
}

function renderInstall(r: StackInstallResult): string {
  return [
    `Stack written to ${r.installRoot}: ${r.written.length ? r.written.join(', ') : 'no changes'}${r.backup ? ` (previous versions in ${r.backup})` : ''}.`,
    r.createdSecrets.length ? `Generated and stored in the vault: ${r.createdSecrets.join(', ')}.` : '',
    r.started
      ? `Started and healthy: ${r.services.join(', ')}.`
      : 'Start it with `ups init --config … --up` (or the app).',
    r.plexClaim ? [r.plexClaim.detail, ...fixLines(r.plexClaim, '')].join('\n') : '',
    r.wiring ? renderWiring(r.wiring) : '',
  ]
    .filter(Boolean)
    .join('\n');
}

async function init(ctx: CliContext, o: InitOptions): Promise<void> {
  const json = !!o.json;
  const config = await validateFile(ctx, o.config, '--config', json, 'Give the path of your answers file.');
  if (!config) return;
  const app = await ctx.deps.app();
  // A NordVPN access token in the environment is exchanged for what gluetun needs (the same call as the wizard), so
  // the key below is already in the vault; the token itself is never stored.
  const token = o.secretsFromEnv ? process.env[envVarFor('vpn.nordvpn.access_token')]?.trim() : undefined;
  if (token && config.vpn.provider === 'nordvpn') {
    const derived = await app.call('vpn.nordvpn.derive', { token, type: config.vpn.type });
    if (!derived.ok) return printErrors(ctx, [derived.error], json);
  }
  const needs = await app.call('stack.config.secrets', { config });
  if (!needs.ok) return printErrors(ctx, [needs.error], json);
  const missing = needs.value.secrets.filter((s) => s.origin === 'user' && !s.set);
  // Every secret is collected before anything is stored or written: a missing one leaves the machine untouched.
  const collected = await collectSecrets(missing, !!o.secretsFromEnv);
  if (collected.errors.length) return printErrors(ctx, collected.errors, json);
  const refused = await storeSecrets(app, collected.values);
  if (refused) return printErrors(ctx, [refused], json);
  const env = await runWithProgress(ctx, 'stack.install', { config, start: !!o.up }, json);
  const shown = env.ok ? { ok: true as const, value: { ...env.value, plexClaim: env.value.plexClaim ?? null } } : env;
  ctx.setExitCode(ctx.print(shown, json, renderInstall) ? EXIT_OK : EXIT_FAILED);
}

export const registerInit: RegisterCommand = (program, ctx) => {
  program
    .command('init')
    .description(
      'Create the stack from an answers file: validate, collect secrets, write stack.yml, compose.yaml and .env.',
    )
    .requiredOption('--config <file>', 'answers file (YAML): installRoot, dataRoot, timeZone, services, vpn, …')
    .option(
      '--secrets-from-env',
      'take missing secrets from UPS_… environment variables instead of asking (NordVPN: UPS_VPN_NORDVPN_ACCESS_TOKEN is exchanged for the key)',
    )
    .option('--up', 'also create the /data layout, run the hardlink test, seed configs and start the stack')
    .option('--json', 'print the result as JSON')
    .action((o: InitOptions) => init(ctx, o));
};
