// The dashboard: overall health, a card per service, VPN, links, updates and the diagnostics export. Live through pushes; no polling.
import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  Title1,
  Title3,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import type { OverallState } from '../../core/contract';
import { CallView } from '../components/CallView';
import { ErrorBar } from '../components/ErrorBar';
import { useStatusStore } from '../stores/status-store';
import { LoginsDialog } from '../logins/LoginsDialog';
import { useCall } from '../use-call';
import { CredentialsDialog } from './CredentialsDialog';
import { DiagnosticsExport } from './DiagnosticsExport';
import { IndexersDialog } from './IndexersDialog';
import { MigrateDialog } from './MigrateDialog';
import { ServiceCard } from './ServiceCard';
import { SettingsDialog } from './SettingsDialog';
import { UpdatesPanel } from './UpdatesPanel';
import { WiringPanel } from './WiringPanel';
import { ChainCheckPanel } from './ChainCheckPanel';

const useStyles = makeStyles({
  page: {
    maxWidth: '1100px',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXXL}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
  },
  titleBar: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  panels: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  wide: { gridColumn: '1 / -1', order: 1 },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

const overallText: Record<
  OverallState,
  { intent: 'success' | 'warning' | 'error' | 'info'; title: string; line: string }
> = {
  running: { intent: 'success', title: 'Everything is running', line: 'All services are up and healthy.' },
  degraded: {
    intent: 'warning',
    title: 'Some services need attention',
    line: 'A service is stopped, unhealthy or restarting: see its card below.',
  },
  stopped: { intent: 'error', title: 'The stack is stopped', line: 'No service is running.' },
  'not-installed': {
    intent: 'info',
    title: 'Nothing installed yet',
    line: 'Run the setup to install your media server.',
  },
};

export function DashboardScreen() {
  const s = useStyles();
  const state = useStatusStore((st) => st.state);
  const [vpn] = useCall('vpn.check');
  return (
    <main className={s.page} data-testid="dashboard">
      <div className={s.titleBar}>
        <Title1 as="h1">Dashboard</Title1>
        <div className={s.actions}>
          <MigrateDialog />
          <LoginsDialog />
          <CredentialsDialog />
          <IndexersDialog />
          <SettingsDialog />
        </div>
      </div>
      <section aria-labelledby="stack-heading" data-testid="stack-status" className={s.panel}>
        <Title3 as="h2" id="stack-heading">
          Your stack
        </Title3>
        {state.phase === 'loading' && <Spinner size="tiny" label="Reading the stack…" />}
        {state.phase === 'error' && <ErrorBar title="The stack's status cannot be read" error={state.error} />}
        {state.phase === 'ready' && (
          <>
            <MessageBar
              intent={overallText[state.status.overall].intent}
              data-testid="stack-overall"
              data-overall={state.status.overall}
            >
              <MessageBarBody>
                <MessageBarTitle>{overallText[state.status.overall].title}</MessageBarTitle>
                {overallText[state.status.overall].line}
              </MessageBarBody>
            </MessageBar>
            <div className={s.grid} role="list" aria-label="Services">
              {state.status.services.map((svc) => (
                <div role="listitem" key={svc.containerId}>
                  <ServiceCard svc={svc} />
                </div>
              ))}
            </div>
          </>
        )}
      </section>
      <div className={s.panels}>
        <section aria-labelledby="vpn-heading" className={s.panel} data-testid="vpn-panel">
          <Title3 as="h2" id="vpn-heading">
            VPN
          </Title3>
          {state.phase === 'ready' && state.status.vpn && (
            <Text data-testid="vpn-alert" data-verdict={state.status.vpn.verdict}>
              Last watch verdict ({new Date(state.status.vpn.at).toLocaleString()}): {state.status.vpn.verdict} —{' '}
              {state.status.vpn.reason}
              {state.status.vpn.stopped.length ? ` Stopped: ${state.status.vpn.stopped.join(', ')}.` : ''}
            </Text>
          )}
          <CallView view={vpn} what="VPN check">
            {(v) => (
              <Text>
                {v.verdict}: {v.reason}
                {v.vpnPublicIp ? ` (VPN address ${v.vpnPublicIp})` : ''}
              </Text>
            )}
          </CallView>
        </section>
        <section aria-labelledby="links-heading" className={mergeClasses(s.panel, s.wide)} data-testid="links-panel">
          <Title3 as="h2" id="links-heading">
            Links between apps
          </Title3>
          <WiringPanel />
          <ChainCheckPanel />
        </section>
        <section aria-labelledby="updates-heading" className={s.panel} data-testid="updates-panel">
          <Title3 as="h2" id="updates-heading">
            Updates
          </Title3>
          <UpdatesPanel />
        </section>
        <section aria-labelledby="support-heading" className={s.panel} data-testid="support-panel">
          <Title3 as="h2" id="support-heading">
            Support
          </Title3>
          <Text>
            One zip of logs, checks and settings to send with a problem report. Passwords and keys are left out.
          </Text>
          <DiagnosticsExport />
        </section>
      </div>
    </main>
  );
}
