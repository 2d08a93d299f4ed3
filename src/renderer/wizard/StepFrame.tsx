// The frame of every wizard step: heading, explanation, content, and the Back / Next bar with its busy state.
// The bar sticks to the bottom of the window so the main action is always in view; on each new step the heading takes
// the focus (keyboard and screen-reader users start at the top of the new step) and the window title names the step.
import { Body1, Button, Spinner, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { useEffect, useRef, type ReactNode } from 'react';

const useStyles = makeStyles({
  frame: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  // A plain h1 (Title2 does not forward a ref) with Title2's type ramp; focus is shown by the page, not an outline.
  heading: { ...typographyStyles.title2, margin: 0, outline: 'none' },
  footer: {
    position: 'sticky',
    bottom: 0,
    zIndex: 1,
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    alignItems: 'center',
    justifyContent: 'flex-end',
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalM} 0`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

export const APP_NAME = 'Ultimate Plex Stack';

export interface StepFrameProps {
  title: string;
  intro: ReactNode;
  /** Extra class for the intro (a step whose content says the same can drop it on a short window). */
  introClassName?: string;
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
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${p.title} – Setup – ${APP_NAME}`;
  }, [p.title]);
  // Once per step (the wizard remounts a step when it changes), not on every re-render of the same step.
  useEffect(() => {
    heading.current?.focus({ preventScroll: false });
  }, []);
  return (
    <section className={s.frame} aria-labelledby="step-heading">
      <h1 id="step-heading" tabIndex={-1} ref={heading} className={s.heading}>
        {p.title}
      </h1>
      <Body1 className={p.introClassName}>{p.intro}</Body1>
      {p.children}
      <div className={s.footer} data-testid="wizard-footer">
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
