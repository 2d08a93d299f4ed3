// `ups links [--json]`: tests every link between the services and prints the table (a fix under each failed row).
import type { LinksTable } from '../../core/contract';
import { fixLines } from '../fix-command';
import type { RegisterCommand } from '../cli-context';
import { EXIT_FAILED, EXIT_OK } from '../exit-codes';

/** Plain-text table for the CLI: one row per link, then the fix under each failed row. */
export function renderLinksTable(table: LinksTable): string {
  if (table.links.length === 0) return 'No links to test.';
  const rows = table.links.map((l) => [l.ok ? 'ok' : 'FAIL', `${l.from} → ${l.to}`, l.detail]);
  const width = (col: number) => Math.max(...rows.map((r) => r[col]!.length), col === 0 ? 6 : 4);
  const line = (cells: string[]) => `${cells[0]!.padEnd(width(0))}  ${cells[1]!.padEnd(width(1))}  ${cells[2]}`;
  const out = [line(['STATUS', 'LINK', 'DETAIL'])];
  table.links.forEach((l, i) => {
    out.push(line(rows[i]!));
    if (!l.ok) out.push(...fixLines(l, ' '.repeat(width(0) + 2)));
  });
  const failed = table.links.filter((l) => !l.ok).length;
  out.push(
    '',
    failed === 0 ? `All ${table.links.length} links work.` : `${failed} of ${table.links.length} links failed.`,
  );
  return out.join('\n');
}

export const registerLinks: RegisterCommand = (program, ctx) => {
  program
    .command('links')
    .description('Test every link between the services (their own test endpoints) and print the result table.')
    .option('--json', 'print the links.test answer as JSON')
    .action(async (o: { json?: boolean }) => {
      const env = await (await ctx.deps.app()).call('links.test');
      const ok = ctx.print(env, !!o.json, renderLinksTable);
      ctx.setExitCode(ok && env.ok && env.value.ok ? EXIT_OK : EXIT_FAILED);
    });
};
