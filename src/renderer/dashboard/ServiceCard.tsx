// One service on the dashboard: state, health, image, uptime; restart and logs. Live through stack.status pushes.
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Card,
  CardFooter,
  CardHeader,
  Link,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ServiceStatus } from '../../core/contract';
import { ErrorBar } from '../components/ErrorBar';
import { useServiceActionsStore } from '../stores/service-actions-store';
import { useUps } from '../ups-context';
import { LogsDialog } from './LogsDialog';
import { useServiceHost } from '../use-service-host';

const useStyles = makeStyles({
  mono: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

const healthColor: Record<ServiceStatus['health'], 'success' | 'danger' | 'warning' | 'informative'> = {
  healthy: 'success',
  unhealthy: 'danger',
  starting: 'warning',
  none: 'informative',
};
const healthText: Record<ServiceStatus['health'], string> = {
  healthy: 'Healthy',
  unhealthy: 'Unhealthy',
  starting: 'Starting',
  none: 'No health check',
};

/** "127.0.0.1:8080->8080/tcp" → 8080: the host side of each published TCP port, once. */
export function hostPorts(ports: string[] | undefined): number[] {
  const found = (ports ?? []).map((p) => /:(\d+)->\d+\/tcp$/.exec(p)?.[1]).filter((x): x is string => Boolean(x));
  return [...new Set(found.map(Number))];
}

export function ServiceCard({ svc }: { svc: ServiceStatus }) {
  const s = useStyles();
  const api = useUps();
  const action = useServiceActionsStore((st) => st.state[svc.service]);
  const restart = useServiceActionsStore((st) => st.restart);
  const running = svc.state === 'running';
  const host = useServiceHost();
  return (
    <Card
      data-testid={`service-${svc.service}`}
      data-state={svc.state}
      data-health={svc.health}
      aria-label={`${svc.service}: ${svc.state}, ${healthText[svc.health]}`}
    >
      <CardHeader
        header={
          <Body1>
            <b>{svc.service}</b>
          </Body1>
        }
        action={
          <Badge appearance="filled" color={running ? healthColor[svc.health] : 'danger'}>
            {running ? healthText[svc.health] : svc.state}
          </Badge>
        }
      />
      <div className={s.body}>
        <Text>State: {svc.state}</Text>
        <Caption1>{svc.statusText}</Caption1>
        <Caption1 className={s.mono}>{svc.image}</Caption1>
        {running &&
          hostPorts(svc.ports).map((p) => (
            <Link key={p} href={`http://${host}:${p}`} target="_blank" rel="noreferrer">
              Open {svc.service} (port {p})
            </Link>
          ))}
      </div>
      {action?.phase === 'failed' && <ErrorBar title={`Restart of ${svc.service} failed`} error={action.error} />}
      <CardFooter>
        <Button
          size="small"
          onClick={() => void restart(api, svc.service)}
          disabled={action?.phase === 'busy'}
          aria-label={`Restart ${svc.service}`}
        >
          Restart
        </Button>
        {action?.phase === 'busy' && <Spinner size="extra-tiny" label="Restarting…" />}
        <LogsDialog service={svc.service} />
      </CardFooter>
    </Card>
  );
}
