// The setup wizard: a step list (where you are, where you have been) beside the current step; resumes from wizard.load.
import { Button, Spinner, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, type ComponentType } from 'react';
import { wizardSteps, type WizardStep } from '../../core/contract';
import { ErrorBar } from '../components/ErrorBar';
import { useWizardStore, wizardTransitions } from '../stores/wizard-store';
import { useUps } from '../ups-context';
import { ChecksStep } from './ChecksStep';
import { DoneStep } from './DoneStep';
import { InstallStep } from './InstallStep';
import { LocationStep } from './LocationStep';
import { PlexStep } from './PlexStep';
import { ReviewStep } from './ReviewStep';
import { ServicesStep } from './ServicesStep';
import { VpnStep } from './VpnStep';
import { WelcomeStep } from './WelcomeStep';

const useStyles = makeStyles({
  layout: {
    display: 'grid',
    gridTemplateColumns: '200px minmax(0, 1fr)',
    gap: tokens.spacingHorizontalXXL,
    maxWidth: '1100px',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXXL}`,
    // Small windows and high zoom (800×600 at 200 % is 400×300 CSS pixels): one column, the step list shrinks to
    // "Step 3 of 9: Location" so the step itself keeps the room.
    '@media (max-width: 720px)': {
      gridTemplateColumns: 'minmax(0, 1fr)',
      gap: tokens.spacingVerticalS,
      padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    },
  },
  fullList: { '@media (max-width: 720px)': { display: 'none' } },
  compact: { display: 'none', '@media (max-width: 720px)': { display: 'block' } },
  steps: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  step: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground3,
  },
  done: { color: tokens.colorNeutralForeground1 },
  current: {
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
  },
  stepButton: { padding: 0, minWidth: 0, fontWeight: tokens.fontWeightRegular, justifyContent: 'flex-start' },
  main: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
});

export const stepTitles: Record<WizardStep, string> = {
  welcome: 'Welcome',
  checks: 'Checks',
  location: 'Location',
  services: 'Apps',
  vpn: 'VPN',
  plex: 'Plex',
  review: 'Review',
  install: 'Install',
  done: 'Done',
};

const screens: Record<WizardStep, ComponentType> = {
  welcome: WelcomeStep,
  checks: ChecksStep,
  location: LocationStep,
  services: ServicesStep,
  vpn: VpnStep,
  plex: PlexStep,
  review: ReviewStep,
  install: InstallStep,
  done: DoneStep,
};

export function WizardScreen() {
  const s = useStyles();
  const api = useUps();
  const { state, loaded, loadError, saveError, load, apply } = useWizardStore();
  const goTo = (step: WizardStep) => apply(api, (st) => wizardTransitions.goTo(st, step));
  useEffect(() => {
    if (!loaded) void load(api);
  }, [api, load, loaded]);
  if (!loaded) return <Spinner label="Picking up where you left off…" />;
  const Step = screens[state.step];
  return (
    <div className={s.layout} data-testid="wizard" data-step={state.step}>
      <nav aria-label="Setup steps">
        <Text className={s.compact} data-testid="wizard-step-compact">
          Step {wizardSteps.indexOf(state.step) + 1} of {wizardSteps.length}: {stepTitles[state.step]}
        </Text>
        <ol className={mergeClasses(s.steps, s.fullList)}>
          {wizardSteps.map((step, i) => {
            const label = `${i + 1}. ${stepTitles[step]}${state.completed.includes(step) && step !== state.step ? ' ✓' : ''}`;
            // Steps already passed are links back (keyboard reachable); install and done cannot be left that way.
            const canGo =
              step !== state.step &&
              state.completed.includes(step) &&
              state.step !== 'install' &&
              state.step !== 'done';
            return (
              <li
                key={step}
                className={mergeClasses(
                  s.step,
                  state.completed.includes(step) && s.done,
                  step === state.step && s.current,
                )}
                aria-current={step === state.step ? 'step' : undefined}
              >
                {canGo ? (
                  <Button
                    appearance="transparent"
                    size="small"
                    className={s.stepButton}
                    onClick={() => void goTo(step)}
                    data-testid={`goto-${step}`}
                  >
                    {label}
                  </Button>
                ) : (
                  <Text>{label}</Text>
                )}
              </li>
            );
          })}
        </ol>
      </nav>
      <main className={s.main}>
        {loadError && <ErrorBar title="Your saved setup progress could not be read; starting over" error={loadError} />}
        {saveError && (
          <ErrorBar title="Setup progress could not be saved" error={saveError} testId="wizard-save-error" />
        )}
        <Step key={state.step} />
      </main>
    </div>
  );
}
