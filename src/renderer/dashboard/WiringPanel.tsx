// The dashboard's wiring panel: the plan (what would change in which app and why: drift made by hand shows here),
// Apply / Repair with its progress rows, and the link table. Apply re-plans each step before writing, so it repairs.
import {
  Button,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { useEffect } from 'react';
import { linkRowOf, type LinksTable, type WiringPlan } from '../../core/contract';
import { CallView } from '../components/CallView';
import { ErrorBar, TechnicalDetails } from '../components/ErrorBar';
import { LinkTable } from '../components/LinkTable';
import { ProgressRows } from '../components/ProgressRows';
import { useAction } from '../use-action';
import { serviceName } from '../display-names';
import { isPlainText } from '../internal-text';
import { useCall, type CallView as View } from '../use-call';
import { useWiringRepair } from '../use-wiring-repair';

const verb = { create: 'Add', update: 'Change', delete: 'Remove', nothing: 'Keep' } as const;

type Keep = NonNullable<WiringPlan['steps'][number]['changes'][number]['keep']>;

/** "Keep the app's value in arr.yml": writes each drifted value into the file (arrConfig.adopt), then re-plans. */
function KeepButton({ keep, onKept }: { keep: Keep; onKept(): void }) {
  const adopt = useAction('arrConfig.adopt');
  return (
    <>
      <Button
        size="small"
        disabled={adopt.busy}
        data-testid="wiring-keep"
        onClick={() =>
          void (async () => {
            for (const k of keep) if (!(await adopt.run({ path: k.path, value: k.value })).ok) return;
            onKept();
          })()
        }
      >
        Keep the app&apos;s value in arr.yml
      </Button>
      {adopt.error && <ErrorBar title="arr.yml could not be changed" error={adopt.error} />}
    </>
  );
}

function PlanView({ plan, onKept }: { plan: WiringPlan; onKept(): void }) {
  const pending = plan.steps.flatMap((s) =>
    s.changes.filter((c) => c.action !== 'nothing').map((c) => ({ ...c, key: `${s.id}:${c.resource}` })),
  );
  const unread = plan.steps.filter((s) => s.error);
  return (
    <>
      {pending.length === 0 && unread.length === 0 && (
        <Text data-testid="wiring-plan-empty">Every app is connected as it should be: nothing to change.</Text>
      )}
      {pending.length > 0 && (
        <Text weight="semibold">What Apply would change, and why (changes made by hand in an app show here too):</Text>
      )}
      {pending.length > 0 && (
        <Table aria-label="Planned changes" size="small" data-testid="wiring-plan">
          <TableBody>
            {pending.map((c) => (
              <TableRow key={c.key} data-testid={`wiring-change-${c.service}`}>
                <TableCell>{serviceName(c.service)}</TableCell>
                <TableCell>
                  {verb[c.action]} {c.resource}
                </TableCell>
                <TableCell style={{ overflowWrap: 'anywhere' }}>{c.reason}</TableCell>
                <TableCell>{c.keep && <KeepButton keep={c.keep} onKept={onKept} />}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {unread.map((s) => (
        <div key={s.id} data-testid={`wiring-unread-${s.id}`}>
          <Text>
            {serviceName(s.service)} could not be read.
            {isPlainText(s.error!.message) ? ` ${s.error!.message}` : ''}
            {s.error!.fix && isPlainText(s.error!.fix) ? ` How to fix: ${s.error!.fix}` : ''}
          </Text>
          <TechnicalDetails text={[s.error!.message, s.error!.fix].filter(Boolean).join('\n')} />
        </div>
      ))}
    </>
  );
}

/** The dashboard reads the link tests once for its headline and this panel; alone, the panel reads them itself. */
export function WiringPanel({ links }: { links?: [View<LinksTable>, () => Promise<void>] } = {}) {
  const [plan, reloadPlan] = useCall('wiring.plan');
  const [ownTested, ownReload] = useCall('links.test', undefined, { skip: Boolean(links) });
  const [tested, reloadLinks] = links ?? [ownTested, ownReload];
  const repair = useWiringRepair();
  const { applied } = repair;
  // After a repair, the plan is read again: it shows what is still different (normally nothing).
  useEffect(() => {
    if (!applied) return;
    void reloadPlan();
    void reloadLinks();
  }, [applied, reloadPlan, reloadLinks]);
  const pending = plan.phase === 'ready' ? plan.status.pending : 0;
  const deletions =
    plan.phase === 'ready'
      ? plan.status.steps.flatMap((st) => st.changes).filter((c) => c.action === 'delete').length
      : 0;
  return (
    <>
      <CallView
        view={plan}
        what="Reading what each app is connected to"
        failed="What each app is connected to could not be read."
        retry={() => void reloadPlan()}
      >
        {(p) => <PlanView plan={p} onKept={() => void reloadPlan()} />}
      </CallView>
      <div>
        <Button
          appearance={pending > 0 ? 'primary' : 'secondary'}
          data-testid="wiring-apply"
          disabled={repair.busy}
          onClick={() => void repair.run()}
        >
          {repair.busy ? 'Connecting…' : pending > 0 ? `Apply ${pending} change(s)` : 'Repair'}
        </Button>{' '}
        {deletions > 0 && (
          <>
            <Button
              data-testid="wiring-apply-deletes"
              disabled={repair.busy}
              onClick={() => void repair.run({ confirmDeletes: true })}
            >
              Apply and remove {deletions} item(s) arr.yml prunes
            </Button>{' '}
          </>
        )}
        <Button
          appearance="subtle"
          disabled={repair.busy}
          onClick={() => {
            void reloadPlan();
            void reloadLinks();
          }}
        >
          Check again
        </Button>
      </div>
      {repair.error && <ErrorBar title="Connecting the apps failed." error={repair.error} testId="wiring-error" />}
      {applied && !applied.ok && (
        <MessageBar intent="warning" data-testid="wiring-apply-failed" layout="multiline">
          <MessageBarBody>
            Some apps could not be connected:{' '}
            {[...new Set(applied.steps.filter((s) => s.error).map((s) => serviceName(s.service)))].join(', ')}.
            <TechnicalDetails
              text={applied.steps
                .filter((s) => s.error)
                .map((s) => `${s.id}: ${s.error!.message} How to fix: ${s.error!.fix}`)
                .join('\n')}
            />
          </MessageBarBody>
        </MessageBar>
      )}
      <ProgressRows steps={repair.operation.steps} />
      <Text weight="semibold">Links</Text>
      {repair.links ? (
        <LinkTable rows={repair.links} />
      ) : (
        <CallView
          view={tested}
          what="Testing the connections"
          failed="The connections could not be tested."
          retry={() => void reloadLinks()}
        >
          {(t) => <LinkTable rows={t.links.map(linkRowOf)} />}
        </CallView>
      )}
    </>
  );
}
