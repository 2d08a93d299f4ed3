// One app on the dashboard: its picture, name and what it is for, whether it runs, how to open it and sign in, restart
// and logs. Container ids, image tags and the engine's status text stay under "Technical details".
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
import type { Login, ServiceStatus } from '../../core/contract';
import { useConfirm } from '../components/ConfirmDialog';
import { serviceRestartText } from '../components/confirm-texts';
import { ErrorBar, TechnicalDetails } from '../components/ErrorBar';
import { containerStateText, serviceName, serviceRole } from '../display-names';
import { useServiceActionsStore } from '../stores/service-actions-store';
import { useUps } from '../ups-context';
import { CopyPasswordButton } from './CopyPasswordButton';
import { LogsDialog } from './LogsDialog';
import { ServiceIcon } from './ServiceIcon';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  signIn: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  footer: { flexWrap: 'wrap' },
});

/** "127.0.0.1:8080->8080/tcp" → 8080: the host side of each published TCP port, once. */
export function hostPorts(ports: string[] | undefined): number[] {
  const found = (ports ?? []).map((p) => /:(\d+)->\d+\/tcp$/.exec(p)?.[1]).filter((x): x is string => Boolean(x));
  return [...new Set(found.map(Number))];
}

type Look = { color: 'success' | 'danger' | 'warning' | 'informative'; glyph: string; text: string };

/** The badge: colour, a glyph (forced-colours mode drops the colour) and the words. */
export function serviceLook(svc: ServiceStatus): Look {
  if (svc.state !== 'running')
    return svc.state === 'restarting'
      ? { color: 'warning', glyph: '…', text: 'Restarting' }
      : { color: 'danger', glyph: '✕', text: containerStateText[svc.state] };
  if (svc.health === 'unhealthy') return { color: 'danger', glyph: '!', text: 'Not responding' };
  if (svc.health === 'starting') return { color: 'warning', glyph: '…', text: 'Starting' };
  return { color: 'success', glyph: '✓', text: 'Running' };
}

/** Plex and Seerr sign in with the user's own Plex account; the others with a login this app made. */
const plexAccountApps = new Set(['plex', 'seerr']);

export function ServiceCard({
  svc,
  login,
  openUrl,
}: {
  svc: ServiceStatus;
  /** The generated login that opens this app, when it has one. */
  login?: Login;
  /** Where the app's page is on this PC, when it has one. */
  openUrl?: string;
}) {
  const s = useStyles();
  const api = useUps();
  const action = useServiceActionsStore((st) => st.state[svc.service]);
  const restart = useServiceActionsStore((st) => st.restart);
  const [confirm, confirmDialog] = useConfirm();
  const name = serviceName(svc.service);
  const askThenRestart = async () => {
    const body = serviceRestartText(svc.service);
    if (await confirm({ title: `Restart ${name}?`, body, confirmLabel: 'Restart' })) void restart(api, svc.service);
  };
  const look = serviceLook(svc);
  const running = svc.state === 'running';
  return (
    <Card
      data-testid={`service-${svc.service}`}
      data-state={svc.state}
      data-health={svc.health}
      aria-label={`${name}: ${look.text}`}
    >
      <CardHeader
        image={<ServiceIcon service={svc.service} label={name} />}
        header={
          <Body1 as="h3" style={{ margin: 0 }}>
            <b>{name}</b>
          </Body1>
        }
        description={<Caption1>{serviceRole(svc.service) ?? ''}</Caption1>}
        action={
          <Badge
            appearance="filled"
            color={look.color}
            icon={<span aria-hidden="true">{look.glyph}</span>}
            data-testid={`service-badge-${svc.service}`}
          >
            {look.text}
          </Badge>
        }
      />
      <div className={s.body}>
        {running && openUrl && (
          <Link href={openUrl} target="_blank" rel="noreferrer" data-testid={`open-${svc.service}`}>
            Open {name}
          </Link>
        )}
        {plexAccountApps.has(svc.service) && <Text size={200}>Sign in with your Plex account.</Text>}
        {login && login.stored && (
          <div className={s.signIn} data-testid={`signin-${svc.service}`}>
            <Text size={200}>
              User name: <b>{login.username}</b>
            </Text>
            <CopyPasswordButton login={login} app={name} />
          </div>
        )}
        {login && !login.stored && (
          <Text size={200}>The password for this app is missing: run setup again to make a new one.</Text>
        )}
        <TechnicalDetails
          text={[
            `Service: ${svc.service}`,
            `Container: ${svc.containerName} (${svc.containerId.slice(0, 12)})`,
            `Image: ${svc.image}`,
            `Engine status: ${svc.statusText}`,
            svc.ports?.length ? `Ports: ${svc.ports.join(', ')}` : '',
          ]
            .filter(Boolean)
            .join('\n')}
        />
      </div>
      {action?.phase === 'failed' && <ErrorBar title={`${name} could not be restarted.`} error={action.error} />}
      <CardFooter className={s.footer}>
        {confirmDialog}
        <Button
          size="small"
          onClick={() => void askThenRestart()}
          disabled={action?.phase === 'busy'}
          aria-label={`Restart ${name}`}
        >
          Restart
        </Button>
        {action?.phase === 'busy' && <Spinner size="extra-tiny" label="Restarting…" />}
        <LogsDialog service={svc.service} />
      </CardFooter>
    </Card>
  );
}
