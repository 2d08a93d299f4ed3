// The stack's containers and their health, live through pushes.
import { Badge, Body1, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Title3 } from '@fluentui/react-components';
import type { ServiceStatus } from '../../core/contract';
import { useStatusStore } from '../stores/status-store';

const healthColor: Record<ServiceStatus['health'], 'success' | 'danger' | 'warning' | 'informative'> = { healthy: 'success', unhealthy: 'danger', starting: 'warning', none: 'informative' };

export function StackStatusPanel() {
  const state = useStatusStore((s) => s.state);
  return (
    <section aria-labelledby="stack-heading" data-testid="stack-status" style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      <Title3 as="h2" id="stack-heading">Your stack</Title3>
      {state.phase === 'loading' && <Spinner size="tiny" label="Reading the stack…" />}
      {state.phase === 'error' && (
        <Body1 role="alert">
          {state.error.message} {state.error.fix}
        </Body1>
      )}
      {state.phase === 'ready' && state.status.services.length === 0 && <Text>Not installed yet: no containers of project “{state.status.project}”.</Text>}
      {state.phase === 'ready' && state.status.services.length > 0 && (
        <>
          <Text data-testid="stack-overall">Overall: {state.status.overall}</Text>
          <Table aria-label="Services" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Service</TableHeaderCell>
                <TableHeaderCell>State</TableHeaderCell>
                <TableHeaderCell>Health</TableHeaderCell>
                <TableHeaderCell>Image</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {state.status.services.map((svc) => (
                <TableRow key={svc.containerId} data-testid={`service-${svc.service}`} data-state={svc.state}>
                  <TableCell>{svc.service}</TableCell>
                  <TableCell>{svc.state}</TableCell>
                  <TableCell>
                    <Badge appearance="tint" color={healthColor[svc.health]}>{svc.health}</Badge>
                  </TableCell>
                  <TableCell>{svc.image}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </section>
  );
}
