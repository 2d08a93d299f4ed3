// "Check the whole chain": follows a sample item request → indexer → download → import → library → stream (chain.check)
// and shows each hop; the first broken one shows its cause, the fix in words and a button that performs it.
import { Button, Caption1, Table, TableBody, TableCell, TableRow, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { chainHopLabels, type ChainCheckResult } from '../../core/contract';
import { ErrorBar } from '../components/ErrorBar';
import { FixActionButton } from '../components/FixActionButton';
import { useAction } from '../use-action';

function ChainView({ result }: { result: ChainCheckResult }) {
  return (
    <>
      <Text data-testid="chain-verdict" weight="semibold">
        {result.ok ? 'The whole chain works, from request to stream.' : 'The chain is broken at the marked step.'}
      </Text>
      <Table aria-label="Chain check" size="small" data-testid="chain-hops">
        <TableBody>
          {result.hops.map((h) => (
            <TableRow key={h.hop} data-testid={`chain-hop-${h.hop}`} data-ok={h.ok}>
              <TableCell>{h.ok ? 'OK' : 'Broken'}</TableCell>
              <TableCell>{chainHopLabels[h.hop]}</TableCell>
              <TableCell style={{ overflowWrap: 'anywhere' }}>
                {h.detail}
                {!h.ok && h.hint && <Caption1 block>How to fix: {h.hint}</Caption1>}
                {!h.ok && h.fix && <FixActionButton action={h.fix} />}
              </TableCell>
            </TableRow>
          ))}
          {result.notRun.map((hop) => (
            <TableRow key={hop} data-testid={`chain-hop-${hop}`} data-ok="skipped">
              <TableCell>Not checked</TableCell>
              <TableCell>{chainHopLabels[hop]}</TableCell>
              <TableCell />
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {!result.cleanedUp && <Text>The sample item could not be removed again; see the last step.</Text>}
    </>
  );
}

export function ChainCheckPanel() {
  const check = useAction('chain.check');
  const [last, setLast] = useState<ChainCheckResult>();
  return (
    <div data-testid="chain-panel">
      <Button
        data-testid="chain-check"
        disabled={check.busy}
        onClick={() =>
          void check.run({}).then((res) => {
            if (res.ok) setLast(res.value);
          })
        }
      >
        {check.busy ? 'Following a sample item through the chain…' : 'Check the whole chain'}
      </Button>
      {check.error && <ErrorBar title="The chain check could not run" error={check.error} testId="chain-error" />}
      {last && !check.busy && <ChainView result={last} />}
    </div>
  );
}
