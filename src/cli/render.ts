// Plain-text rendering of contract values for the terminal; --json bypasses this entirely.
import type { CheckResult, EnvCheck, StackStatus, UpsError } from '../core/contract';
import { fixCommand, fixLines } from './fix-command';

const mark: Record<CheckResult['state'], string> = {
  ok: 'OK  ',
  warn: 'WARN',
  fail: 'FAIL',
  waiting: 'WAIT',
  'not-applicable': 'n/a ',
};

export function renderEnvCheck(e: EnvCheck): string {
  const lines = e.checks.map((c) => {
    const fixes = c.fixes.map((f) =>
      f.kind === 'steps'
        ? `        fix: ${f.text}${f.command ? `\n             $ ${f.command}` : ''}${f.link ? `\n             see ${f.link.url}` : ''}`
        : `        fix: ${f.text}\n             $ ${fixCommand(f.action)}`,
    );
    return [`  [${mark[c.state]}] ${c.title}: ${c.detail}`, ...fixes].join('\n');
  });
  return [`Environment checks (${e.overall.toUpperCase()})`, ...lines].join('\n');
}

export function renderStatus(s: StackStatus): string {
  if (s.services.length === 0) return `Stack "${s.project}": not installed (no containers carry its labels).`;
  const rows = s.services.map((c) => [c.service, c.state, c.health, c.statusText, c.image]);
  return [`Stack "${s.project}": ${s.overall}`, table(['SERVICE', 'STATE', 'HEALTH', 'STATUS', 'IMAGE'], rows)].join(
    '\n',
  );
}

export function renderError(e: UpsError): string {
  return [`error: ${e.message}`, e.field ? `  field: ${e.field}` : '', ...fixLines(e, '  ')].filter(Boolean).join('\n');
}

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const fmt = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [fmt(head), ...rows.map(fmt)].map((l) => `  ${l}`).join('\n');
}
