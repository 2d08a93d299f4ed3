// The CLI door of a fix action: the exact command line that does what the app's button does (docs/decisions.md D15).
import type { FixAction, FixActionId, FixActionInput } from '../core/contract';
import { setAsideNames } from './commands/repair';

const services = (list: string[] | undefined) => (list?.length ? ` ${list.join(' ')}` : '');

/** One entry per action id: a new action does not compile until the CLI can print it. */
export const fixCommands: { [A in FixActionId]: (input: FixActionInput<A>) => string } = {
  'wiring.apply': () => 'ups apply',
  'plex.signin': () => 'ups plex signin',
  'secrets.set': (i) => `ups secrets set ${i.name}`,
  'stack.up': (i) => `ups up${services(i.services)}`,
  'stack.restart': (i) => `ups restart${services(i.services)}`,
  // The CLI's setup is an answers file (`ups config show --json` prints the current one's values).
  'setup.start': () => 'ups init --config answers.yml',
  'checks.run': () => 'ups doctor',
  'migrate.plan': () => 'ups migrate plan --to <target folder>',
  'migrate.start': () => 'ups migrate start',
  'migrate.resume': () => 'ups migrate resume',
  'migrate.finish': () => 'ups migrate finish',
  'file.setAside': (i) => `ups repair set-aside ${setAsideNames[i.file]}`,
  'install.restorePrevious': () => 'ups repair restore-previous',
  'settings.usenet': () => 'ups config usenet --host <news server> --user <user name>',
  // --- Windows host fixes ---
  'docker.desktop.start': () => 'ups host start-docker',
  'docker.desktop.autostart': () => 'ups host docker-autostart',
  'wsl.memory.set': (i) => `ups host wsl-memory ${i.memoryGb}`,
  'wsl.shutdown': () => 'ups host wsl-shutdown',
  'stack.port.move': (i) => `ups host move-port ${i.port} ${i.to}`,
  // --- end of Windows host fixes ---
};

export function fixCommand(action: FixAction): string {
  return (fixCommands[action.action] as (input: FixAction['input']) => string)(action.input);
}

/** The lines a fix prints under an error or a failed row: the plain-language fix, then `run: <command>`. */
export function fixLines(fix: { fix?: string | undefined; action?: FixAction | undefined }, indent: string): string[] {
  return [
    ...(fix.fix ? [`${indent}fix: ${fix.fix}`] : []),
    ...(fix.action ? [`${indent}run: ${fixCommand(fix.action)}`] : []),
  ];
}
