// Step 3: where the stack files and the media live, and the time zone; checked against StackConfig's own rules.
import { Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { WizardDraft } from '../../core/contract';
import { LocationCheckPanel } from './LocationCheckPanel';
import { StepFrame } from './StepFrame';
import { useWizard } from './use-wizard';
import { validateStep, type FieldErrors } from './validation';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '560px' },
});

const systemTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function LocationStep() {
  const s = useStyles();
  const w = useWizard();
  const [form, setForm] = useState({
    installRoot: w.state.draft.installRoot ?? '',
    dataRoot: w.state.draft.dataRoot ?? '',
    timeZone: w.state.draft.timeZone ?? systemTimeZone(),
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [tried, setTried] = useState(false);
  const patch: Partial<WizardDraft> = {
    installRoot: form.installRoot.trim(),
    dataRoot: form.dataRoot.trim(),
    timeZone: form.timeZone.trim(),
  };
  const set = (k: keyof typeof form) => (_: unknown, d: { value: string }) => {
    const next = { ...form, [k]: d.value };
    setForm(next);
    // After a first attempt, messages follow the typing so the user sees a fix land.
    if (tried) setErrors(validateStep('location', { ...w.state.draft, ...next }));
  };
  const onNext = () => {
    setTried(true);
    const found = validateStep('location', { ...w.state.draft, ...patch });
    setErrors(found);
    if (Object.keys(found).length === 0) void w.next(patch);
  };
  const field = (name: keyof typeof form) => ({
    validationMessage: errors[name],
    validationState: errors[name] ? ('error' as const) : ('none' as const),
  });
  return (
    <StepFrame
      title="Where should everything live?"
      intro="Pick a folder for the stack's own files and a folder on a roomy drive for films, series and downloads."
      onBack={() => void w.back()}
      onNext={onNext}
    >
      <div className={s.form}>
        <Field
          label="Stack folder (settings and compose files)"
          required
          hint="For example D:\UltimatePlexStack"
          {...field('installRoot')}
        >
          <Input value={form.installRoot} onChange={set('installRoot')} data-testid="field-installRoot" />
        </Field>
        <Field
          label="Media folder (films, series, downloads)"
          required
          hint="For example D:\Media — downloads and the library share one drive so files move instantly"
          {...field('dataRoot')}
        >
          <Input value={form.dataRoot} onChange={set('dataRoot')} data-testid="field-dataRoot" />
        </Field>
        <Field
          label="Time zone"
          required
          hint="An IANA name such as Europe/Berlin; taken from this PC"
          {...field('timeZone')}
        >
          <Input value={form.timeZone} onChange={set('timeZone')} data-testid="field-timeZone" />
        </Field>
      </div>
      <LocationCheckPanel dataRoot={form.dataRoot} installRoot={form.installRoot} draft={w.state.draft} />
    </StepFrame>
  );
}
