// One environment check: its state (with an icon), what we found, and how to fix it: a button, a command to copy, a
// page to download from.
import { Body1, Caption1, Card, CardHeader, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { CheckResult, Fix } from '../../core/contract';
import { CopyButton } from './CopyButton';
import { FixActionButton } from './FixActionButton';
import { StateBadge, type BadgeTone } from './StateBadge';

const useStyles = makeStyles({
  fix: {
    marginTop: tokens.spacingVerticalXS,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    minWidth: 0,
  },
  commandRow: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  command: {
    fontFamily: tokens.fontFamilyMonospace,
    backgroundColor: tokens.colorNeutralBackground3,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    userSelect: 'all',
    overflowWrap: 'anywhere',
    minWidth: 0,
  },
});

export const checkBadge: Record<CheckResult['state'], { tone: BadgeTone; label: string }> = {
  ok: { tone: 'success', label: 'Passed' },
  warn: { tone: 'warning', label: 'Warning' },
  fail: { tone: 'danger', label: 'Failed' },
  waiting: { tone: 'subtle', label: 'Waiting' },
  'not-applicable': { tone: 'informative', label: 'Not needed' },
};

function StepsFix({ fix }: { fix: Extract<Fix, { kind: 'steps' }> }) {
  const s = useStyles();
  return (
    <>
      <Caption1>How to fix: {fix.text}</Caption1>
      {fix.command ? (
        <div className={s.commandRow}>
          <code className={s.command} aria-label="command to copy">
            {fix.command}
          </code>
          <CopyButton text={fix.command} label="Copy command" />
        </div>
      ) : null}
      {fix.link ? (
        <div>
          <Link href={fix.link.url} target="_blank" rel="noreferrer">
            {fix.link.label}
          </Link>
        </div>
      ) : null}
    </>
  );
}

export function CheckRow({ check }: { check: CheckResult }) {
  const s = useStyles();
  const b = checkBadge[check.state];
  return (
    <Card data-testid={`check-${check.id}`} data-state={check.state} aria-label={`${check.title}: ${b.label}`}>
      <CardHeader
        header={
          <Body1>
            <b>{check.title}</b>
          </Body1>
        }
        action={<StateBadge tone={b.tone} label={b.label} />}
      />
      <Text>{check.detail}</Text>
      {check.fixes.map((f, i) => (
        <div className={s.fix} key={i}>
          {f.kind === 'steps' ? (
            <StepsFix fix={f} />
          ) : (
            <>
              <Caption1>How to fix: {f.text}</Caption1>
              <div>
                <FixActionButton action={f.action} />
              </div>
            </>
          )}
        </div>
      ))}
    </Card>
  );
}
