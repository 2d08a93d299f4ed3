// The install as one checklist of plain steps (✓ done, spinner now, ✗ stopped, ○ still to come) under one overall bar,
// which during downloads says how many GB are in and about how long is left.
import { Field, ProgressBar, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { ProgressEvent } from '../../core/contract';
import { buildChecklist, downloadText, type PhaseState } from './install-checklist';

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  item: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minHeight: '24px' },
  icon: { width: '20px', display: 'inline-flex', justifyContent: 'center', fontWeight: tokens.fontWeightSemibold },
  done: { color: tokens.colorPaletteGreenForeground1 },
  failed: { color: tokens.colorPaletteRedForeground1 },
  pending: { color: tokens.colorNeutralForeground3 },
  // Read by screen readers, not shown: the icon already says it on screen.
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)' },
});

const stateWords: Record<PhaseState, string> = {
  done: 'done',
  active: 'in progress',
  failed: 'stopped',
  pending: 'to do',
};

/** Download speed from the byte counts seen so far on this screen (bytes per second), for "about N min left". */
function useDownloadRate(download?: ProgressEvent): number | undefined {
  const done = download?.bytes?.done;
  const [seen, setSeen] = useState<{ first?: { at: number; done: number }; last?: number; rate?: number }>({});
  useEffect(() => {
    if (done === undefined) return;
    const now = Date.now();
    // A push arrived: measure against the first one seen (pushes come from outside React, one update per push).
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setSeen((s) =>
      s.last === done
        ? s
        : !s.first
          ? { first: { at: now, done }, last: done }
          : { ...s, last: done, rate: now > s.first.at ? ((done - s.first.done) * 1000) / (now - s.first.at) : s.rate },
    );
  }, [done]);
  return seen.rate;
}

export function InstallChecklist({
  steps,
  outcome,
}: {
  steps: ProgressEvent[];
  outcome: 'running' | 'failed' | 'done';
}) {
  const s = useStyles();
  const list = buildChecklist(steps, outcome);
  const rate = useDownloadRate(list.download);
  const note = list.download ? downloadText(list.download, rate) : undefined;
  return (
    <>
      <Field label="Overall progress" validationMessage={note} validationState="none" data-testid="install-overall">
        <ProgressBar
          value={list.overall}
          max={1}
          thickness="large"
          aria-label="Overall install progress"
          aria-valuetext={note}
        />
      </Field>
      <ol className={s.list} aria-label="Install steps" data-testid="install-checklist">
        {list.items.map((it) => (
          <li key={it.id} className={s.item} data-testid={`install-step-${it.id}`} data-state={it.state}>
            <span className={s.icon} aria-hidden="true">
              {it.state === 'active' ? (
                <Spinner size="extra-tiny" />
              ) : (
                <span className={it.state === 'done' ? s.done : it.state === 'failed' ? s.failed : s.pending}>
                  {it.state === 'done' ? '✓' : it.state === 'failed' ? '✗' : '○'}
                </span>
              )}
            </span>
            <Text weight={it.state === 'active' ? 'semibold' : 'regular'}>
              {it.label}
              <span className={s.hidden}>{`: ${stateWords[it.state]}`}</span>
            </Text>
          </li>
        ))}
      </ol>
    </>
  );
}
