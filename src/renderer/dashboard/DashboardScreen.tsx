// The dashboard: one line that tells the truth (the worst of apps, VPN and connections, announced to screen readers)
// with at most one button, the VPN near the top, next steps after install, a card per app, links and updates. Live
// through pushes; no polling. Before an install succeeded it is a neutral page that leads to setup.
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  Title1,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useMemo } from 'react';
import type { FixAction, Login, StackStatus, UpsError, VpnCheck } from '../../core/contract';
import { ErrorBar } from '../components/ErrorBar';
import { FixActionButton } from '../components/FixActionButton';
import { byServiceOrder, serviceName } from '../display-names';
import { LoginsDialog } from '../logins/LoginsDialog';
import { useShellStore } from '../stores/shell-store';
import { useStatusStore } from '../stores/status-store';
import { useUps } from '../ups-context';
import { useCall, type CallView } from '../use-call';
import { linkHost } from '../use-service-host';
import { CredentialsDialog } from './CredentialsDialog';
import { DiagnosticsExport } from './DiagnosticsExport';
import { IndexersDialog } from './IndexersDialog';
import { dashboardHeadline, type Headline, type LinksState } from './dashboard-headline';
import { MigrateDialog } from './MigrateDialog';
import { MoveStackDialog } from './MoveStackDialog';
import { NextSteps } from './NextSteps';
import { ServiceCard, hostPorts } from './ServiceCard';
import { SettingsDialog } from './SettingsDialog';
import { UpdatesPanel } from './UpdatesPanel';
import { VpnCard, type VpnProblem, type VpnShown } from './VpnCard';
import { WiringPanel } from './WiringPanel';
import { ChainCheckPanel } from './ChainCheckPanel';
import { TdarrNodesPanel } from './TdarrNodesPanel';

const useStyles = makeStyles({
  page: {
    maxWidth: '1100px',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXXL}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    // ~400 × 300 px at 200 %: less frame, so the status line (or Start setup) is still in the first screen.
    '@media (max-width: 600px)': {
      padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
      gap: tokens.spacingVerticalM,
    },
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  // The page title shrinks with the window, so at 200 % the first line of the page is still in view.
  title: {
    '@media (max-width: 600px)': { fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600, margin: 0 },
  },
  emptyTitle: { '@media (max-width: 600px)': { margin: 0 } },
  top: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(300px, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'start',
  },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  empty: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, alignItems: 'flex-start' },
});

/** The newer of the watch's latest verdict (pushed with the status) and the last check; null while neither is known. */
export function latestVpn(
  pushed: StackStatus['vpn'],
  checked: VpnCheck | undefined,
  checkFailed: boolean,
): VpnShown | undefined {
  const fromCheck: VpnShown | undefined = checked && {
    verdict: checked.verdict,
    reason: checked.reason,
    stopped: checked.stopped,
    at: checked.checkedAt,
    ...(checked.vpnPublicIp ? { vpnPublicIp: checked.vpnPublicIp } : {}),
  };
  if (pushed && (!fromCheck || Date.parse(pushed.at) >= Date.parse(fromCheck.at))) return pushed;
  if (fromCheck) return fromCheck;
  // A check that could not run is "not checked", never "connected" (docs/decisions.md D19).
  return checkFailed
    ? { verdict: 'unknown', reason: 'The check could not run.', stopped: [], at: new Date().toISOString() }
    : undefined;
}

/** An error's own fix when it names one; the generic "run the checks" is no better than checking again. */
const specificFix = (error: UpsError | undefined): FixAction | undefined =>
  error?.action && error.action.action !== 'checks.run' ? error.action : undefined;

/**
 * What stopped the VPN check or its record, said on the VPN card with its fix: a check that could not run, else a
 * verdict the watch could not save (its record is damaged; the newest of the check's answer and the push).
 */
function vpnProblemOf(check: CallView<VpnCheck>, status: StackStatus): VpnProblem | undefined {
  if (check.phase === 'error') return { title: 'The VPN could not be checked.', error: check.error };
  const recordError = (check.phase === 'ready' ? check.status.recordError : undefined) ?? status.vpn?.recordError;
  return recordError ? { title: 'The VPN check could not be saved.', error: recordError } : undefined;
}

function HeadlineBar({
  headline,
  overall,
  onRecheck,
}: {
  headline: Headline;
  /** The containers' own verdict, kept as an attribute for tests that watch the stack alone. */
  overall: StackStatus['overall'];
  onRecheck(): void;
}) {
  const action = headline.action;
  return (
    // Announced when it changes: a screen-reader user hears "Downloads paused…" as soon as the VPN drops.
    <div role="status" aria-live="polite" aria-atomic="true">
      <MessageBar
        intent={headline.tone}
        layout="multiline"
        data-testid="stack-overall"
        data-headline={headline.id}
        data-overall={overall}
        data-tone={headline.tone}
      >
        <MessageBarBody>
          <MessageBarTitle>{headline.title}</MessageBarTitle> {headline.line}
        </MessageBarBody>
        {action && (
          <MessageBarActions>
            {action.kind === 'fix' ? (
              <FixActionButton action={action.action} onDone={onRecheck} />
            ) : (
              <Button size="small" appearance="primary" onClick={onRecheck} data-testid="headline-recheck">
                {action.label}
              </Button>
            )}
          </MessageBarActions>
        )}
      </MessageBar>
    </div>
  );
}

/** Before an install succeeded: no red, no checks that cannot pass yet, one way forward. */
function EmptyDashboard() {
  const s = useStyles();
  const navigate = useShellStore((st) => st.navigate);
  return (
    <main className={s.page} data-testid="dashboard" data-installed="false">
      <Title1 as="h1" className={s.title}>
        Dashboard
      </Title1>
      <section className={s.empty} data-testid="dashboard-empty" aria-labelledby="empty-heading">
        <Title3 as="h2" id="empty-heading" className={s.emptyTitle}>
          Your media server is not set up yet
        </Title3>
        {/* The way forward before the explanation: it stays in view on a small window or at 200 %. */}
        <Button appearance="primary" size="large" onClick={() => navigate('wizard')} data-testid="start-setup">
          Start setup
        </Button>
        <Text>
          Setup checks this PC, asks where to keep your films and shows, and installs the apps. Your apps show here once
          it has finished.
        </Text>
      </section>
    </main>
  );
}

function InstalledDashboard({ status }: { status: StackStatus }) {
  const s = useStyles();
  const [vpnCheck, reloadVpn] = useCall('vpn.check');
  const links = useCall('links.test');
  const [tested, reloadLinks] = links;
  const [logins] = useCall('logins.list');
  const [webPorts] = useCall('stack.webPorts');
  const vpn = latestVpn(
    status.vpn,
    vpnCheck.phase === 'ready' ? vpnCheck.status : undefined,
    vpnCheck.phase === 'error',
  );
  const linksState: LinksState | null =
    tested.phase === 'ready'
      ? { failed: tested.status.links.filter((l) => !l.ok).length, total: tested.status.links.length }
      : tested.phase === 'error'
        ? 'unknown'
        : null;
  const vpnProblem = vpnProblemOf(vpnCheck, status);
  const headline = dashboardHeadline(status, vpn ?? null, linksState, {
    vpn: specificFix(vpnCheck.phase === 'error' ? vpnCheck.error : undefined),
    links: specificFix(tested.phase === 'error' ? tested.error : undefined),
  });
  const recheck = useCallback(() => {
    void reloadVpn();
    void reloadLinks();
  }, [reloadVpn, reloadLinks]);
  /** Where each app opens: the installed config's web ports, else the ports the containers publish. */
  // The engine's host (localhost for an engine on this PC): where the published ports answer (decisions.md D14).
  const host = linkHost(webPorts.phase === 'ready' ? webPorts.status.host : undefined);
  const urls = useMemo(() => {
    const out: Record<string, string | undefined> = {};
    if (webPorts.phase === 'ready')
      for (const p of webPorts.status.ports) out[p.name] = `http://${host}:${p.port}${p.name === 'plex' ? '/web' : ''}`;
    else
      for (const svc of status.services)
        if (svc.service !== 'vpn') {
          const port = hostPorts(svc.ports)[0];
          if (port) out[svc.service] = `http://${host}:${port}${svc.service === 'plex' ? '/web' : ''}`;
        }
    return out;
  }, [webPorts, status.services, host]);
  const loginFor = (service: string): Login | undefined =>
    logins.phase === 'ready'
      ? logins.status.logins.find((l) => l.apps.split(', ').includes(serviceName(service)))
      : undefined;
  const services = [...status.services].sort((a, b) => byServiceOrder(a.service, b.service));
  return (
    <main className={s.page} data-testid="dashboard" data-installed="true">
      {/* The status line comes right under the title and before the tools, so it stays the first thing in view on a
          small window or at 200 % (the tools wrap onto several rows there). */}
      <Title1 as="h1" className={s.title}>
        Dashboard
      </Title1>
      <HeadlineBar headline={headline} overall={status.overall} onRecheck={recheck} />
      <div className={s.actions}>
        <LoginsDialog />
        <CredentialsDialog />
        <IndexersDialog />
        <MigrateDialog />
        <MoveStackDialog />
        <SettingsDialog />
      </div>
      <div className={s.top}>
        <VpnCard
          vpn={vpn}
          problem={vpnProblem}
          checking={vpnCheck.phase === 'loading'}
          onRecheck={() => void reloadVpn()}
        />
        <NextSteps urls={urls} />
      </div>
      <section aria-labelledby="stack-heading" data-testid="stack-status" className={s.panel}>
        <Title3 as="h2" id="stack-heading">
          Your apps
        </Title3>
        <div className={s.grid} role="list" aria-label="Apps">
          {services.map((svc) => (
            <div role="listitem" key={svc.containerId}>
              <ServiceCard svc={svc} login={loginFor(svc.service)} openUrl={urls[svc.service]} />
            </div>
          ))}
        </div>
      </section>
      <section aria-labelledby="links-heading" className={s.panel} data-testid="links-panel">
        <Title3 as="h2" id="links-heading">
          Connections between apps
        </Title3>
        <WiringPanel links={links} />
        <ChainCheckPanel />
      </section>
      {services.some((svc) => svc.service === 'tdarr') && (
        <section aria-labelledby="tdarr-heading" className={s.panel} data-testid="tdarr-panel">
          <Title3 as="h2" id="tdarr-heading">
            Tdarr nodes
          </Title3>
          <TdarrNodesPanel />
        </section>
      )}
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
    </main>
  );
}

export function DashboardScreen() {
  const s = useStyles();
  const api = useUps();
  const state = useStatusStore((st) => st.state);
  const loadStatus = useStatusStore((st) => st.load);
  // Before an install has succeeded, an engine that cannot be reached is not news: setup checks it first.
  const installed = useShellStore((st) => st.state.phase !== 'ready' || st.state.installed);
  if (!installed && state.phase !== 'ready') return <EmptyDashboard />;
  if (state.phase === 'loading')
    return (
      <main className={s.page} data-testid="dashboard">
        <Spinner label="Reading your media server…" />
      </main>
    );
  if (state.phase === 'error')
    return (
      <main className={s.page} data-testid="dashboard">
        <Title1 as="h1" className={s.title}>
          Dashboard
        </Title1>
        <ErrorBar
          title="The app cannot see your media server right now."
          error={state.error}
          onRetry={() => void loadStatus(api)}
          testId="stack-status-error"
        />
      </main>
    );
  if (state.status.overall === 'not-installed' || state.status.services.length === 0) return <EmptyDashboard />;
  return <InstalledDashboard status={state.status} />;
}
