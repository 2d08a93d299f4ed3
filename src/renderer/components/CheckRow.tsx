// One environment check: its state, what we found, and how to fix it.
import { Badge, Body1, Caption1, Card, CardHeader, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { CheckResult } from '../../core/contract';
import { FixActionButton } from './FixActionButton';

const useStyles = makeStyles({
  fix: {
    marginTop: tokens.spacingVerticalXS,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  command: {
    fontFamily: tokens.fontFamilyMonospace,
    backgroundColor: tokens.colorNeutralBackground3,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    userSelect: 'all',
  },
});

const badge: Record<CheckResult['state'], { color: 'success' | 'warning' | 'danger' | 'informative'; label: string }> =
  {
    ok: { color: 'success', label: 'Passed' },
    warn: { color: 'warning', label: 'Warning' },
    fail: { color: 'danger', label: 'Failed' },
    'not-applicable': { color: 'informative', label: 'Not needed' },
  };

export function CheckRow({ check }: { check: CheckResult }) {
  const s = useStyles();
  const b = badge[check.state];
  return (
    <Card data-testid={`check-${check.id}`} data-state={check.state} aria-label={`${check.title}: ${b.label}`}>
      <CardHeader
        header={
          <Body1>
            <b>{check.title}</b>
          </Body1>
        }
        action={
          <Badge appearance="filled" color={b.color}>
            {b.label}
          </Badge>
        }
      />
      <Text>{check.detail}</Text>
      {check.fixes.map((f, i) => (
        <div className={s.fix} key={i}>
          {f.kind === 'steps' ? (
            <>
              <Caption1>How to fix: {f.text}</Caption1>
              {f.command ? (
                <code className={s.command} aria-label="command to copy">
                  {f.command}
                </code>
              ) : null}
            </>
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
