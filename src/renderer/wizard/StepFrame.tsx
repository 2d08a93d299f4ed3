// The frame of every wizard step: heading, explanation, content, and the Back / Next bar with its busy state.
import { Body1, Button, Spinner, Title2, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  frame: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  footer: {
    display: 'flex',
    gap: tokens.spacingHorizontalM,
    alignItems: 'center',
    justifyContent: 'flex-end',
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalM,
  },
});

export interface StepFrameProps {
  title: string;
  intro: ReactNode;
  children?: ReactNode;
  onBack?: () => void;
  onNext?: () => void;
  nextLabel?: string;
  nextDisabled?: boolean;
  busy?: string;
  extraActions?: ReactNode;
}

export function StepFrame(p: StepFrameProps) {
  const s = useStyles();
  return (
    <section className={s.frame} aria-labelledby="step-heading">
      <Title2 as="h1" id="step-heading">
        {p.title}
      </Title2>
      <Body1>{p.intro}</Body1>
      {p.children}
      <div className={s.footer}>
        {p.busy ? <Spinner size="tiny" label={p.busy} /> : null}
        {p.extraActions}
        {p.onBack ? (
          <Button onClick={p.onBack} disabled={Boolean(p.busy)}>
            Back
          </Button>
        ) : null}
        {p.onNext ? (
          <Button
            appearance="primary"
            onClick={p.onNext}
            disabled={Boolean(p.busy) || p.nextDisabled}
            data-testid="wizard-next"
          >
            {p.nextLabel ?? 'Next'}
          </Button>
        ) : null}
      </div>
    </section>
  );
}
