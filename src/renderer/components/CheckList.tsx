// The checks as a guide: what needs doing first (failures, warnings, and checks waiting on them, in root-cause order),
// then everything that passed folded into one line, and the checks that do not apply to this PC folded into another.
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { CheckResult } from '../../core/contract';
import { CheckRow } from './CheckRow';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  fold: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
  },
  summary: { cursor: 'pointer', fontWeight: tokens.fontWeightSemibold },
  folded: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalS,
  },
});

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Native <details>: keyboard and screen readers know it, and the folded cards stay in the page for tests and search. */
function Fold({ checks, summary, testId }: { checks: CheckResult[]; summary: string; testId: string }) {
  const s = useStyles();
  if (checks.length === 0) return null;
  return (
    <details className={s.fold} data-testid={testId}>
      <summary className={s.summary}>
        <Text weight="semibold">{summary}</Text>
      </summary>
      <div className={s.folded}>
        {checks.map((c) => (
          <CheckRow key={c.id} check={c} />
        ))}
      </div>
    </details>
  );
}

export function CheckList({ checks }: { checks: CheckResult[] }) {
  const s = useStyles();
  const open = checks.filter((c) => c.state === 'fail' || c.state === 'warn' || c.state === 'waiting');
  const passed = checks.filter((c) => c.state === 'ok');
  const notNeeded = checks.filter((c) => c.state === 'not-applicable');
  return (
    <section className={s.list} aria-label="Environment checks" data-testid="checks">
      {open.map((c) => (
        <CheckRow key={c.id} check={c} />
      ))}
      <Fold
        checks={passed}
        summary={`✓ ${plural(passed.length, 'check passed', 'checks passed')}`}
        testId="checks-passed"
      />
      <Fold
        checks={notNeeded}
        summary={`${plural(notNeeded.length, 'check does', 'checks do')} not apply to this PC`}
        testId="checks-not-needed"
      />
    </section>
  );
}
