// `ups plex signin`: prints the plex.tv page to open, polls until the user approves (token straight into the vault),
// then reports whether the Plex server was claimed. Ctrl-C cancels; --timeout bounds the wait.
// `ups plex status`: who is signed in and whether the installed server is claimed (plex.account), never the token.
import type { Command } from 'commander';
import { fail, type PlexAccountStatus, type PlexSignInPoll } from '../../core/contract';
import type { CliContext, RegisterCommand } from '../cli-context';
import { EXIT_FAILED, EXIT_OK } from '../exit-codes';
import { parseMillis, parseSeconds } from '../flags';
import { fixLines } from '../fix-command';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function signin(ctx: CliContext, o: { json?: boolean; timeout: number; interval: number }): Promise<void> {
  const timeoutS = o.timeout;
  const intervalMs = o.interval;
  const app = await ctx.deps.app();
  const start = await app.call('plex.signin.start');
  if (!start.ok) return (ctx.print(start, !!o.json, () => ''), ctx.setExitCode(EXIT_FAILED));
  // The URL goes to stderr in --json mode so stdout stays one JSON document.
  const say = o.json ? ctx.deps.io.err : ctx.deps.io.out;
  say(
    `Open this page in your browser and sign in to Plex to approve this app:\n  ${start.value.authUrl}\nWaiting for approval (Ctrl-C cancels)…`,
  );
  const deadline = Date.now() + timeoutS * 1000;
  for (;;) {
    const env = await app.call('plex.signin.poll', { pinId: start.value.pinId });
    if (!env.ok || env.value.status === 'signed-in' || Date.now() >= deadline) {
      if (env.ok && env.value.status === 'waiting') {
        ctx.print(
          fail('UNAUTHORIZED', `Plex sign-in was not approved within ${timeoutS} s.`, {
            fix: 'Run `ups plex signin` again and approve it in the page it prints.',
          }),
          !!o.json,
          () => '',
        );
        return ctx.setExitCode(EXIT_FAILED);
      }
      const ok = ctx.print(env, !!o.json, render);
      return ctx.setExitCode(
        ok && env.ok && env.value.status === 'signed-in' && env.value.claim.ok ? EXIT_OK : EXIT_FAILED,
      );
    }
    await sleep(Math.min(intervalMs, Math.max(0, deadline - Date.now())));
  }
}

function render(v: PlexSignInPoll): string {
  if (v.status === 'waiting') return 'Still waiting for approval.';
  const lines = ['Signed in to Plex; the token is in the vault.', v.claim.detail];
  lines.push(...fixLines(v.claim, ''));
  if (v.account) lines.push(`Plex account: ${v.account.username}`);
  return lines.join('\n');
}

const serverText: Record<PlexAccountStatus['server'], string> = {
  claimed: 'claimed for your Plex account',
  unclaimed: 'not claimed yet (run `ups apply` to claim it)',
  'not-installed': 'not installed yet (the install claims it when a sign-in is stored)',
  unreachable: 'not answering (is the stack running? `ups status`)',
};

function renderStatus(v: PlexAccountStatus): string {
  return [
    v.account ? `Plex account: ${v.account.username}` : 'Plex account: not signed in (`ups plex signin`)',
    `Plex server: ${serverText[v.server]}`,
  ].join('\n');
}

export const registerPlex: RegisterCommand = (program: Command, ctx) => {
  const plex = program.command('plex').description('Plex account and server.');
  plex
    .command('signin')
    .description(
      'Sign in with your Plex account (PIN page in the browser), store the token in the vault and claim the server.',
    )
    .option('--json', 'print the final plex.signin.poll answer as JSON')
    .option('--timeout <seconds>', 'give up after this many seconds', parseSeconds, 300)
    .option('--interval <ms>', 'time between polls of plex.tv', parseMillis, 2000)
    .action((o: { json?: boolean; timeout: number; interval: number }) => signin(ctx, o));
  plex
    .command('status')
    .description('Who is signed in to Plex, and whether the installed Plex server is claimed.')
    .option('--json', 'print the plex.account answer as JSON')
    .action(async (o: { json?: boolean }) => {
      const env = await (await ctx.deps.app()).call('plex.account');
      ctx.setExitCode(ctx.print(env, !!o.json, renderStatus) ? EXIT_OK : EXIT_FAILED);
    });
};
