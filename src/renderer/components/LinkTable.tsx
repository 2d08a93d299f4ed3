// The link table every screen shows (install result, Done, dashboard): each link between two apps, whether it works,
// why not in plain words with a button that repairs it, and the app's own answer under "Technical details".
import { Badge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { fixAction, type LinkRow } from '../../core/contract';
import { isPlainText } from '../internal-text';
import { TechnicalDetails } from './ErrorBar';
import { FixActionButton } from './FixActionButton';

/** A failed link's main text: the core's reason when it is a plain sentence, else a plain one (the raw goes below). */
function failedText(l: LinkRow): string {
  const why = isPlainText(l.why) ? l.why : 'This connection does not work.';
  return l.fix && isPlainText(l.fix) ? `${why} How to fix: ${l.fix}` : why;
}

export function LinkTable({ rows, label = 'Links' }: { rows: LinkRow[]; label?: string }) {
  return (
    <Table aria-label={label} size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Connection</TableHeaderCell>
          <TableHeaderCell>Works?</TableHeaderCell>
          <TableHeaderCell>Details</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((l) => (
          <TableRow key={l.id} data-testid={`link-${l.id}`} data-state={l.state}>
            <TableCell>{l.name}</TableCell>
            <TableCell>
              {/* An icon beside the colour: forced-colours mode drops the badge colour. */}
              <Badge
                appearance="tint"
                color={l.state === 'ok' ? 'success' : 'danger'}
                icon={<span aria-hidden="true">{l.state === 'ok' ? '✓' : '✕'}</span>}
              >
                {l.state === 'ok' ? 'Works' : 'Broken'}
              </Badge>
            </TableCell>
            <TableCell style={{ overflowWrap: 'anywhere' }}>
              {l.state === 'ok' ? (isPlainText(l.why) ? l.why : 'Connected.') : failedText(l)}
              {l.state !== 'ok' ? (
                <>
                  {' '}
                  <FixActionButton action={l.action ?? fixAction('wiring.apply', {}, 'Repair')} />
                  <TechnicalDetails text={[l.why, l.fix].filter(Boolean).join('\n')} />
                </>
              ) : null}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
