// Step 3: where the stack files and the media live, and the time zone; checked against StackConfig's own rules.
// Folders can be typed or, in the desktop app, picked with Browse; the time zone is a searchable list.
import { Button, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { WizardDraft } from '../../core/contract';
import { useAction } from '../use-action';
import { LocationCheckPanel } from './LocationCheckPanel';
import { StepFrame } from './StepFrame';
import { systemTimeZone, TimeZonePicker } from './TimeZonePicker';
import { useWizard } from './use-wizard';
import { validateStep, type FieldErrors } from './validation';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '560px', minWidth: 0 },
  pathRow: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', minWidth: 0 },
  pathInput: { flexGrow: 1, minWidth: 0 },
});

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
  const pick = useAction('folders.pick');
  // Browser mode has no folder dialog: after the first refusal the Browse buttons go and the fields stay typed paths.
  const [noBrowse, setNoBrowse] = useState(false);
  const patch: Partial<WizardDraft> = {
    installRoot: form.installRoot.trim(),
    dataRoot: form.dataRoot.trim(),
    timeZone: form.timeZone.trim(),
  };
  const setValue = (k: keyof typeof form, value: string) => {
    const next = { ...form, [k]: value };
    setForm(next);
    // After a first attempt, messages follow the typing so the user sees a fix land.
    if (tried) setErrors(validateStep('location', { ...w.state.draft, ...next }));
  };
  const set = (k: keyof typeof form) => (_: unknown, d: { value: string }) => setValue(k, d.value);
  const browse = async (k: 'installRoot' | 'dataRoot', title: string) => {
    const res = await pick.run({ title, ...(form[k].trim() ? { defaultPath: form[k].trim() } : {}) });
    if (res.ok && res.value.path) setValue(k, res.value.path);
    if (!res.ok && res.error.code === 'NOT_FOUND') setNoBrowse(true);
  };
  const pathField = (k: 'installRoot' | 'dataRoot', title: string) => (
    <div className={s.pathRow}>
      <Input className={s.pathInput} value={form[k]} onChange={set(k)} data-testid={`field-${k}`} />
      {noBrowse ? null : (
        <Button onClick={() => void browse(k, title)} disabled={pick.busy} data-testid={`browse-${k}`}>
          Browse…
        </Button>
      )}
    </div>
  );
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
          {pathField('installRoot', 'Choose the stack folder')}
        </Field>
        <Field
          label="Media folder (films, series, downloads)"
          required
          hint="For example D:\Media — downloads and the library share one drive so files move instantly"
          {...field('dataRoot')}
        >
          {pathField('dataRoot', 'Choose the media folder')}
        </Field>
        <Field
          label="Time zone"
          required
          hint="Starts on this PC's time zone; type a city to search"
          {...field('timeZone')}
        >
          <TimeZonePicker value={form.timeZone} onChange={(z) => setValue('timeZone', z)} testId="field-timeZone" />
        </Field>
        {noBrowse ? (
          <Text data-testid="browse-unavailable">
            Type the full folder paths: browsing for folders works in the desktop app.
          </Text>
        ) : null}
      </div>
      <LocationCheckPanel dataRoot={form.dataRoot} installRoot={form.installRoot} draft={w.state.draft} />
    </StepFrame>
  );
}
