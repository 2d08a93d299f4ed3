// The Done screen's links: what the install connected, each link's state, and Retry (re-apply, then test again) in
// place when one failed. The install is never undone for a failed link.
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { linkRowOf, problemsOf, type FixAction, type LinkRow, type WiringProblem } from '../../core/contract';
import { CallView } from '../components/CallView';
import { ErrorBar, TechnicalDetails } from '../components/ErrorBar';
import { FixActionButton } from '../components/FixActionButton';
import { LinkTable } from '../components/LinkTable';
import { ProgressRows } from '../components/ProgressRows';
import { serviceName } from '../display-names';
import { isPlainText } from '../internal-text';
import { useInstallWiringStore } from '../stores/install-wiring-store';
import { useCall } from '../use-call';
import { useWiringRepair } from '../use-wiring-repair';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** "Radarr, Sonarr and Prowlarr": the apps a list of problems is about, by the names people know. */
function appList(problems: WiringProblem[]): string {
  const names = [...new Set(problems.map((p) => serviceName(p.service)))];
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '');
}

/**
 * What the install could not write, in one plain sentence (the table below says which link it breaks), the buttons of
 * fixes other than Retry once each, and every step's own answer under "Technical details".
 */
function WiringProblems({ problems }: { problems: WiringProblem[] }) {
  const only = problems.length === 1 ? problems[0]! : undefined;
  const sentence =
    only && isPlainText(only.why)
      ? only.why
      : `${problems.length === 1 ? 'One setting' : `${problems.length} settings`} could not be written yet in ${appList(problems)}.`;
  const actions = new Map<string, FixAction>();
  for (const p of problems)
    if (p.action && p.action.action !== 'wiring.apply') actions.set(JSON.stringify(p.action), p.action);
  return (
    <div data-testid="wiring-problems">
      <Text>{sentence}</Text>
      {[...actions.values()].map((a) => (
        <FixActionButton key={JSON.stringify(a)} action={a} />
      ))}
      <TechnicalDetails text={problems.map((p) => `${p.step}: ${p.why} ${p.fix}`).join('\n')} />
    </div>
  );
}

export function DoneLinks() {
  const s = useStyles();
  const stored = useInstallWiringStore((s) => s.wiring);
  // Opened without an install in this window (e.g. the app restarted on Done): test the links now.
  const [tested] = useCall('links.test', {}, { skip: Boolean(stored) });
  const repair = useWiringRepair();
  const problems: WiringProblem[] = repair.applied ? problemsOf(repair.applied) : (stored?.problems ?? []);
  const show = (rows: LinkRow[]) => {
    const failed = problems.length > 0 || rows.some((r) => r.state === 'failed');
    return (
      <>
        {failed && (
          <MessageBar intent="warning" layout="multiline" data-testid="links-failed">
            <MessageBarBody>
              <MessageBarTitle>Some links do not work yet</MessageBarTitle>
              {/* Its own block: the bar lays its body out as flex items, which would glue "yet" to "Your". */}
              <div>
                Your apps are installed and running. Retry connects them again; each failed link below says why.
              </div>
            </MessageBarBody>
            <MessageBarActions>
              <Button data-testid="links-retry" disabled={repair.busy} onClick={() => void repair.run()}>
                {repair.busy ? 'Retrying…' : 'Retry'}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {!failed && rows.length > 0 && (
          <Text data-testid="links-ok">Every app is connected: all {rows.length} links work.</Text>
        )}
        {repair.error && <ErrorBar title="Retry failed" error={repair.error} testId="links-retry-error" />}
        <ProgressRows steps={repair.operation.steps} />
        {problems.length > 0 && <WiringProblems problems={problems} />}
        <LinkTable rows={rows} label="Links between your apps" />
      </>
    );
  };
  return (
    <section aria-labelledby="done-links-heading" data-testid="done-links" className={s.section}>
      <Title3 as="h2" id="done-links-heading">
        Links between your apps
      </Title3>
      {repair.links ? (
        show(repair.links)
      ) : stored ? (
        show(stored.links)
      ) : (
        <CallView view={tested} what="Testing the links">
          {(t) => show(t.links.map(linkRowOf))}
        </CallView>
      )}
    </section>
  );
}
