// The link table every screen shows (install result, Done, dashboard): each link between two apps, whether it works,
// why not, and what to do.
import { Badge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import type { LinkRow } from '../../core/contract';
import { FixActionButton } from './FixActionButton';

export function LinkTable({ rows, label = 'Links' }: { rows: LinkRow[]; label?: string }) {
  return (
    <Table aria-label={label} size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Link</TableHeaderCell>
          <TableHeaderCell>State</TableHeaderCell>
          <TableHeaderCell>Details</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((l) => (
          <TableRow key={l.id} data-testid={`link-${l.id}`} data-state={l.state}>
            <TableCell>{l.name}</TableCell>
            <TableCell>
              <Badge appearance="tint" color={l.state === 'ok' ? 'success' : 'danger'}>
                {l.state === 'ok' ? 'Works' : 'Failed'}
              </Badge>
            </TableCell>
            <TableCell style={{ overflowWrap: 'anywhere' }}>
              {l.state === 'ok' ? l.why : `${l.why}${l.fix ? ` How to fix: ${l.fix}` : ''}`}
              {l.state !== 'ok' && l.action ? (
                <>
                  {' '}
                  <FixActionButton action={l.action} />
                </>
              ) : null}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
