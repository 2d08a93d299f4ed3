// `ups config usenet`: the CLI door of the dashboard's "Usenet news server" settings. The same three calls the
// settings form makes, in the same order: the server into stack.yml (stack.settings.update, which validates it with
// the stack's rules), then its password into the vault only (secrets.set), then the wiring, which gives NZBGet both.
import type { Command } from 'commander';
import * as z from 'zod';
import {
  USENET_PASSWORD_SECRET,
  UsenetServerSchema,
  type UpsError,
  type UsenetServer,
  type WiringApplyResult,
} from '../../core/contract';
import type { CliContext } from '../cli-context';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from '../exit-codes';
import { parseWith, whole } from '../flags';
import { renderError } from '../render';
import { renderApply } from './apply';
import { readSecretFromStdin } from './secrets';

const shape = UsenetServerSchema.shape;

const parseHost = parseWith('--host', shape.host, 'Give the server name your provider lists, e.g. news.example.com.');
const parseNewsPort = parseWith('--port', whole(shape.port.unwrap()), 'Give 563 (TLS) or 119 (without TLS).');
const parseUser = parseWith('--user', shape.username.unwrap(), 'Give the user name from your provider.');
const parseConnections = parseWith(
  '--connections',
  whole(shape.connections.unwrap()),
  'Give how many connections your plan allows, e.g. --connections 8.',
);

interface UsenetFlags {
  host?: string;
  port?: number;
  tls?: boolean;
  user?: string;
  connections?: number;
  passwordFromEnv?: string;
  remove?: boolean;
  json?: boolean;
}

/** The server to save: what is stored now, with the flags given on top (so one flag changes one setting). */
export function mergeServer(current: UsenetServer | undefined, o: UsenetFlags): UsenetServer | undefined {
  const host = o.host ?? current?.host;
  if (!host) return undefined;
  return UsenetServerSchema.parse({
    ...(current ?? {}),
    host,
    ...(o.port !== undefined ? { port: o.port } : {}),
    ...(o.tls !== undefined ? { tls: o.tls } : {}),
    ...(o.user !== undefined ? { username: o.user } : {}),
    ...(o.connections !== undefined ? { connections: o.connections } : {}),
  });
}

export function renderSaved(server: UsenetServer | null, password: 'stored' | 'kept', wiring?: WiringApplyResult) {
  const head = server
    ? `NZBGet's news server is ${server.host}:${server.port} (${server.tls ? 'TLS' : 'no TLS'}, ${server.connections} connections${server.username ? `, user ${server.username}` : ''}); password ${password === 'stored' ? 'stored in the vault' : 'unchanged'}.`
    : 'The news server is removed from the stack settings.';
  return wiring ? [head, renderApply(wiring)].join('\n') : head;
}

async function saveUsenet(ctx: CliContext, o: UsenetFlags): Promise<void> {
  const json = !!o.json;
  const usage = (message: string, fix: string) => {
    ctx.deps.io.err(renderError({ code: 'BAD_INPUT', message, fix }));
    ctx.setExitCode(EXIT_USAGE);
  };
  if (o.remove && (o.host || o.user !== undefined || o.passwordFromEnv))
    return usage('--remove takes no other setting.', 'Give --remove alone, or leave it out to change the server.');
  // A refused call prints its error with its fix; a refused value (BAD_INPUT, by field) is a usage error.
  const failed = (env: { ok: false; error: UpsError }) => {
    ctx.print(env, json, () => '');
    ctx.setExitCode(env.error.code === 'BAD_INPUT' ? EXIT_USAGE : EXIT_FAILED);
  };
  const app = await ctx.deps.app();
  const now = await app.call('stack.settings.get', {});
  if (!now.ok) return failed(now);
  let server: UsenetServer | undefined;
  try {
    server = o.remove ? undefined : mergeServer(now.value.usenet, o);
  } catch (e) {
    const issue = e instanceof z.ZodError ? e.issues[0] : undefined;
    const key = String(issue?.path[0] ?? 'host');
    return usage(
      `--${key === 'username' ? 'user' : key} ${issue?.message ?? 'is not accepted'}.`,
      'Correct that flag.',
    );
  }
  if (!o.remove && !server)
    return usage(
      'No news server is set yet: --host is needed.',
      "Give your provider's server name, e.g. ups config usenet --host news.example.com --user NAME.",
    );
  // A new login (or an explicit source) asks for its password; otherwise the stored one is kept.
  let password: string | undefined;
  if (server && (o.user || o.passwordFromEnv)) {
    if (o.passwordFromEnv) {
      password = process.env[o.passwordFromEnv];
      if (!password)
        return usage(
          `The environment variable ${o.passwordFromEnv} is not set or is empty.`,
          `Set ${o.passwordFromEnv} first, or leave out --password-from-env to be asked.`,
        );
    } else {
      const typed = await readSecretFromStdin(`Password for ${server.username} at ${server.host} (not shown): `, (t) =>
        ctx.deps.io.err(t),
      );
      password = typed === '' ? undefined : typed;
    }
  }
  const saved = await app.call('stack.settings.update', { usenet: server ?? null, apply: true });
  if (!saved.ok) return failed(saved);
  // The password goes to the vault only once the server it belongs to is saved, as the settings form does.
  if (password !== undefined) {
    const stored = await app.call('secrets.set', { name: USENET_PASSWORD_SECRET, value: password });
    if (!stored.ok) return failed(stored);
  }
  const wiring = server ? await app.call('wiring.apply', {}) : undefined;
  if (wiring && !wiring.ok) return failed(wiring);
  const value = {
    usenet: saved.value.settings.usenet ?? null,
    password: password !== undefined ? ('stored' as const) : ('kept' as const),
    ...(wiring?.ok ? { wiring: wiring.value } : {}),
  };
  const printed = ctx.print({ ok: true, value }, json, (v) => renderSaved(v.usenet, v.password, v.wiring));
  ctx.setExitCode(printed && (!wiring?.ok || wiring.value.ok) ? EXIT_OK : EXIT_FAILED);
}

export function registerConfigUsenet(config: Command, ctx: CliContext): void {
  config
    .command('usenet')
    .description(
      "Set NZBGet's Usenet news server (the password is asked without echo and kept in the vault), then wire NZBGet.",
    )
    .option('--host <name>', "your provider's news server, e.g. news.example.com", parseHost)
    .option('--port <n>', 'its port: 563 with TLS (default), 119 without', parseNewsPort)
    .option('--no-tls', 'connect without TLS (only if your provider offers no TLS port)')
    .option('--user <name>', 'your user name at the provider (you are then asked for its password)', parseUser)
    .option('--connections <n>', 'how many connections your plan allows (default 8)', parseConnections)
    .option('--password-from-env <var>', 'take the password from this environment variable instead of asking')
    .option('--remove', 'remove the news server from the stack settings')
    .option('--json', 'print the answer as JSON')
    .action((o: UsenetFlags & { tls: boolean }, cmd: Command) =>
      // Commander sets tls=true by default with --no-tls; only a given --no-tls changes the stored value.
      saveUsenet(ctx, { ...o, tls: cmd.getOptionValueSource('tls') === 'cli' ? o.tls : undefined }),
    );
}
