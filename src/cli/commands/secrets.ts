// `ups secrets set|status|delete`: manage the vault entries by name; no command ever prints a stored value.
import { InvalidArgumentError } from 'commander';
import {
  secretNames,
  SecretNameSchema,
  type SecretName,
  type SecretSetResult,
  type SecretsStatus,
} from '../../core/contract';
import { renderApply } from './apply';
import type { RegisterCommand } from '../cli-context';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from '../exit-codes';

export function parseSecretName(value: string): SecretName {
  const parsed = SecretNameSchema.safeParse(value);
  if (!parsed.success)
    throw new InvalidArgumentError(`not a secret this app stores. Use one of: ${secretNames.join(', ')}.`);
  return parsed.data;
}

export function renderSecretsStatus(s: SecretsStatus): string {
  const width = Math.max(...s.entries.map((e) => e.name.length));
  const rows = s.entries.map((e) => `  ${e.set ? 'set    ' : 'not set'}  ${e.name.padEnd(width)}  ${e.label}`);
  return [`Secrets in ${s.backend} (values are never shown):`, ...rows].join('\n');
}

/** `Stored …`, and for a replaced download-client password what reached the client and the apps. */
export function renderSecretSet(r: SecretSetResult): string {
  if (!r.propagated) return `Stored ${r.name}.`;
  const { client, apps } = r.propagated;
  return [
    `Stored ${r.name}; the download client ${client === 'changed' ? 'now uses it' : 'already used it'}.`,
    renderApply(apps),
  ].join('\n');
}

/** Reads one line without echo on a terminal; from a pipe it reads the first line (scripts, tests). */
export async function readSecretFromStdin(
  prompt: string,
  err: (s: string) => void,
  stdin: NodeJS.ReadStream = process.stdin,
): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    let buf = '';
    const raw = !!stdin.isTTY;
    // Echo goes off before the prompt shows, so nothing typed after it can appear on screen.
    if (raw) {
      stdin.setRawMode(true);
      err(prompt);
    }
    stdin.setEncoding('utf8');
    const done = (fn: () => void) => {
      stdin.off('data', onData);
      stdin.off('end', onEnd);
      if (raw) stdin.setRawMode(false);
      stdin.pause();
      fn();
    };
    const onEnd = () => done(() => resolve(buf));
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\u0003') return done(() => reject(new Error('cancelled')));
        if (ch === '\r' || ch === '\n') return done(() => resolve(buf));
        if (raw && (ch === '\u007f' || ch === '\b')) buf = buf.slice(0, -1);
        else buf += ch;
      }
    };
    stdin.on('data', onData);
    stdin.on('end', onEnd);
    stdin.resume();
  });
}

export const registerSecrets: RegisterCommand = (program, ctx) => {
  const secrets = program
    .command('secrets')
    .description('Store, list and delete the secrets kept in the OS credential vault.');

  secrets
    .command('set')
    .description('Store a secret (prompted without echo, read from a pipe, or taken from an environment variable).')
    .argument('<name>', `one of: ${secretNames.join(', ')}`, parseSecretName)
    .option('--from-env <var>', 'take the value from this environment variable instead of prompting')
    .option('--json', 'print the answer as JSON')
    .action(async (name: SecretName, o: { fromEnv?: string; json?: boolean }) => {
      let value: string;
      if (o.fromEnv) {
        const v = process.env[o.fromEnv];
        if (!v) {
          ctx.deps.io.err(
            `error: environment variable ${o.fromEnv} is not set or empty.\n  fix: export ${o.fromEnv}=… first, or leave out --from-env to be prompted.`,
          );
          return ctx.setExitCode(EXIT_USAGE);
        }
        value = v;
      } else {
        value = await readSecretFromStdin(`Value for ${name} (not shown): `, ctx.deps.io.err);
      }
      const app = await ctx.deps.app();
      // A replaced download-client password is applied to the client and the apps: one line per step, as `ups apply`.
      const off = app.subscribe((e) => {
        if (e.type === 'progress' && !o.json)
          ctx.deps.io.err(`[${e.progress.current}/${e.progress.total}] ${e.progress.message}`);
      });
      try {
        const r = await app.call('secrets.set', { name, value });
        const fine = ctx.print(r, !!o.json, renderSecretSet) && (!r.ok || r.value.propagated?.apps.ok !== false);
        ctx.setExitCode(fine ? EXIT_OK : r.ok || r.error.code !== 'BAD_INPUT' ? EXIT_FAILED : EXIT_USAGE);
      } finally {
        off();
      }
    });

  secrets
    .command('status')
    .description('List which secrets are set (never their values).')
    .option('--json', 'print the secrets.status answer as JSON')
    .action(async (o: { json?: boolean }) => {
      ctx.setExitCode(
        ctx.print(await (await ctx.deps.app()).call('secrets.status'), !!o.json, renderSecretsStatus)
          ? EXIT_OK
          : EXIT_FAILED,
      );
    });

  secrets
    .command('delete')
    .description('Delete a stored secret.')
    .argument('<name>', 'the secret to delete', parseSecretName)
    .option('--json', 'print the answer as JSON')
    .action(async (name: SecretName, o: { json?: boolean }) => {
      const r = await (await ctx.deps.app()).call('secrets.delete', { name });
      ctx.setExitCode(
        ctx.print(r, !!o.json, (v) => (v.deleted ? `Deleted ${v.name}.` : `${v.name} was not set; nothing deleted.`))
          ? EXIT_OK
          : EXIT_FAILED,
      );
    });
};
