// Every fix action the core can produce prints as one exact command line, and that line is one the `ups` command tree
// accepts (command path, flags and argument count checked against the real commander definitions).
import type { Command } from 'commander';
import { beforeAll, describe, expect, it } from 'vitest';
import { FixActionSchema, fixActionIds, fixActionRegistry, type FixActionId } from '../core/contract';
import { fixCommand } from './fix-command';
import { commandTree } from './program';
import { renderEnvCheck, renderError } from './render';

/** The exact line per action for its registry example; keyed by id, so a new action fails to compile until listed. */
const expected: Record<FixActionId, string> = {
  'wiring.apply': 'ups apply',
  'plex.signin': 'ups plex signin',
  'secrets.set': 'ups secrets set qbittorrent.password',
  'stack.up': 'ups up plex',
  'stack.restart': 'ups restart radarr sonarr',
  'setup.start': 'ups init --config answers.yml',
  'checks.run': 'ups doctor',
  'migrate.plan': 'ups migrate plan --to <target folder>',
  'migrate.start': 'ups migrate start',
  'migrate.resume': 'ups migrate resume',
  'migrate.finish': 'ups migrate finish',
  'file.setAside': 'ups repair set-aside vpn-watch',
  'install.restorePrevious': 'ups repair restore-previous',
  'settings.usenet': 'ups config usenet --host <news server> --user <user name>',
  'docker.desktop.start': 'ups host start-docker',
  'docker.desktop.autostart': 'ups host docker-autostart',
  'wsl.memory.set': 'ups host wsl-memory 8',
  'wsl.shutdown': 'ups host wsl-shutdown',
  'stack.port.move': 'ups host move-port radarr 7879',
};

const exampleOf = (id: FixActionId) =>
  FixActionSchema.parse({ action: id, input: fixActionRegistry[id].example, label: fixActionRegistry[id].label });

let tree: Command;
beforeAll(async () => {
  tree = await commandTree({
    version: 'test',
    app: () => Promise.reject(new Error('no App service in this test')),
    serve: async () => 0,
    io: { out: () => undefined, err: () => undefined },
  });
});

/** Walks `ups a b --flag value x y` down the tree: every word a subcommand until a leaf, then flags and arguments. */
function accepted(line: string): { ok: true } | { ok: false; why: string } {
  const [head, ...words] = line.replace(/<[^>]+>/g, 'PLACEHOLDER').split(' ');
  if (head !== 'ups') return { ok: false, why: 'does not start with ups' };
  let cmd = tree;
  while (words.length && cmd.commands.some((c) => c.name() === words[0])) {
    const name = words.shift();
    cmd = cmd.commands.find((c) => c.name() === name)!;
  }
  if (cmd === tree) return { ok: false, why: `no command ${words[0]}` };
  if (cmd.commands.length) return { ok: false, why: `${cmd.name()} needs a subcommand` };
  const args: string[] = [];
  while (words.length) {
    const w = words.shift()!;
    if (!w.startsWith('-')) {
      args.push(w);
      continue;
    }
    const opt = cmd.options.find((o) => o.long === w);
    if (!opt) return { ok: false, why: `${cmd.name()} has no flag ${w}` };
    if (opt.required || opt.optional) words.shift();
  }
  const declared = cmd.registeredArguments;
  const variadic = declared.some((a) => a.variadic);
  const needed = declared.filter((a) => a.required).length;
  if (args.length < needed) return { ok: false, why: `${cmd.name()} needs ${needed} argument(s)` };
  if (!variadic && args.length > declared.length) return { ok: false, why: `${cmd.name()} takes ${declared.length}` };
  const missing = cmd.options.filter((o) => o.mandatory && !line.includes(o.long ?? '')).map((o) => o.long);
  if (missing.length) return { ok: false, why: `${cmd.name()} requires ${missing.join(', ')}` };
  return { ok: true };
}

describe('fix actions in the CLI', () => {
  it.each(fixActionIds)('%s prints its exact command, which the command tree accepts', (id) => {
    const line = fixCommand(exampleOf(id));
    expect(line).toBe(expected[id]);
    expect(accepted(line)).toEqual({ ok: true });
  });

  it('the walker refuses what ups would refuse (so the check above can fail)', () => {
    expect(accepted('ups applyy')).toMatchObject({ ok: false });
    expect(accepted('ups migrate plan')).toMatchObject({ ok: false, why: 'plan requires --to' });
    expect(accepted('ups secrets set')).toMatchObject({ ok: false });
    expect(accepted('ups doctor --fix')).toMatchObject({ ok: false });
    expect(accepted('ups plex')).toMatchObject({ ok: false });
  });

  it('an error prints its plain-language fix and then the command to run', () => {
    const text = renderError({
      code: 'UNAUTHORIZED',
      message: 'Plex refused the stored sign-in.',
      fix: 'Sign in to Plex again.',
      action: exampleOf('plex.signin'),
    });
    expect(text).toBe('error: Plex refused the stored sign-in.\n  fix: Sign in to Plex again.\n  run: ups plex signin');
  });

  it('a check result with an action prints the command under its fix', () => {
    const text = renderEnvCheck({
      checkedAt: '',
      overall: 'warn',
      checks: [
        {
          id: 'stack',
          title: 'Stack',
          state: 'warn',
          detail: 'The stack is stopped.',
          fixes: [{ kind: 'action', text: 'Start the stack.', action: exampleOf('stack.up') }],
        },
      ],
      docker: { reachable: true, endpoint: 'x' },
      compose: { available: true },
      vault: { usable: true, backend: 'x' },
    });
    expect(text).toContain('fix: Start the stack.\n             $ ups up plex');
  });
});
