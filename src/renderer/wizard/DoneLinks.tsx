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
import { linkRowOf, problemsOf, type LinkRow, type WiringProblem } from '../../core/contract';
import { CallView } from '../components/CallView';
import { ErrorBar } from '../components/ErrorBar';
import { FixActionButton } from '../components/FixActionButton';
import { LinkTable } from '../components/LinkTable';
import { ProgressRows } from '../components/ProgressRows';
import { useInstallWiringStore } from '../stores/install-wiring-store';
import { useCall } from '../use-call';
import { useWiringRepair } from '../use-wiring-repair';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

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
              Your apps are installed and running. Retry connects them again; each failed link below says why.
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
        {problems.map((p) => (
          <Text key={p.step} data-testid={`wiring-problem-${p.step}`}>
            {p.step}: {p.why} How to fix: {p.fix}
            {p.action && p.action.action !== 'wiring.apply' ? (
              <>
                {' '}
                <FixActionButton action={p.action} />
              </>
            ) : null}
          </Text>
        ))}
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
