// The stack's own settings after install (time zone, host ports, LAN access, NZBGet's news server):
// stack.settings.get/update, errors by field with the fix; a news server change is then written into NZBGet (wiring).
import { Button, Field, Input, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { StackSettings, UpsError, WiringApplyResult } from '../../core/contract';
import { ErrorBar } from '../components/ErrorBar';
import { LanAccessChoice } from '../components/LanAccessChoice';
import { useDialogStore } from '../stores/dialog-store';
import { useUps } from '../ups-context';
import { useConfirm } from '../components/ConfirmDialog';
import { settingsRestartText } from '../components/confirm-texts';
import { portName } from '../display-names';
import { isPlainText, withoutFieldPath } from '../internal-text';
import { blankUsenet, UsenetServerFields, useUsenetServer, type UsenetServerState } from '../wizard/UsenetServerFields';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(140px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  col: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  // Fluent's Input keeps a content min-width wider than a narrow grid cell: without this the boxes overlap their
  // neighbours and spill past the dialog at 150-200 % (caught by ui-layout-dashboard.test.ts).
  port: { minWidth: 0, width: '100%' },
});

type UsenetValue = StackSettings['usenet'];

/** The news server as typed (null: the server box is empty) vs as saved: undefined when unchanged, null removes it. */
function usenetChange(saved: UsenetValue, typed: UsenetValue | null): UsenetValue | null | undefined {
  if (!typed) return saved ? null : undefined;
  return JSON.stringify(typed) === JSON.stringify(saved) ? undefined : typed;
}

/** Only what the user changed is sent; an empty or non-numeric port is sent as typed so the core names the field. */
export function settingsChanges(
  saved: StackSettings,
  timeZone: string,
  ports: Record<string, string>,
  lanAccess: boolean = saved.lanAccess,
  usenet: UsenetValue | null = saved.usenet ?? null,
): { timeZone?: string; ports?: Record<string, unknown>; lanAccess?: boolean; usenet?: UsenetValue | null } {
  const news = usenetChange(saved.usenet, usenet);
  const changed: Record<string, unknown> = {};
  for (const [name, text] of Object.entries(ports)) {
    const n = /^\d+$/.test(text.trim()) ? Number(text.trim()) : text;
    if (n !== (saved.ports as Record<string, number>)[name]) changed[name] = n;
  }
  return {
    ...(timeZone !== saved.timeZone ? { timeZone } : {}),
    ...(Object.keys(changed).length ? { ports: changed } : {}),
    ...(lanAccess !== saved.lanAccess ? { lanAccess } : {}),
    ...(news !== undefined ? { usenet: news } : {}),
  };
}

/**
 * A refused value under its box: no field path in front, another port named as people know it ("already used by the
 * Sonarr port"); a message that is still not plain words gives way to a generic one (the error bar keeps the rest).
 */
function plainFieldMessage(error: UpsError): string {
  const message = withoutFieldPath(error.message, error.field).replace(
    /\bports\.(\w+)/g,
    (_, p: string) => `the ${portName(p)} port`,
  );
  const fix = error.fix && isPlainText(error.fix) ? ` ${error.fix}` : '';
  return `${isPlainText(message) ? message : 'This value cannot be used.'}${fix}`;
}

/** The wiring's answer about the news server in words: written into NZBGet, or the first step's cause in plain words. */
function wiringText(r: WiringApplyResult): string {
  if (r.ok) return 'NZBGet now uses the news server (check the whole chain to see it connect).';
  const failed = r.steps.find((st) => st.error)?.error;
  const why = failed && isPlainText(failed.message) ? ` ${failed.message}` : '';
  return `NZBGet could not be given the news server yet.${why} Repair the links from the dashboard.`;
}

/** The fields this form shows next to their input; an error on any other field goes in the error bar. */
const shownFields = (ports: Record<string, string>) =>
  new Set([
    'timeZone',
    ...Object.keys(ports).map((p) => `ports.${p}`),
    ...['host', 'port', 'tls', 'username', 'password', 'connections'].map((k) => `usenet.${k}`),
  ]);

/** The Usenet part, only when NZBGet is installed: the news server, and a password box that never shows the stored one. */
function UsenetSettings({
  state,
  error,
  focus,
}: {
  state: UsenetServerState;
  error: UpsError | undefined;
  /** Opened by the "Add your news server" fix: bring this part into view with its first box focused. */
  focus: boolean;
}) {
  const errors = error?.field?.startsWith('usenet.') ? { [error.field]: plainFieldMessage(error) } : {};
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!focus) return;
    // Focusing scrolls the box into view in the dialog's scrolling body.
    ref.current?.querySelector<HTMLInputElement>('input')?.focus();
  }, [focus]);
  return (
    <section ref={ref} aria-label="Usenet news server" data-testid="settings-usenet">
      <Text weight="semibold">Usenet news server (NZBGet)</Text>
      <UsenetServerFields
        state={state}
        errors={errors}
        intro="Where NZBGet downloads from. Empty the server box to remove it."
        passwordHint="Leave empty to keep the stored password; a new one replaces it in the credential store."
      />
    </section>
  );
}

export function StackSettingsForm() {
  const s = useStyles();
  const api = useUps();
  const [saved, setSaved] = useState<StackSettings>();
  const [timeZone, setTimeZone] = useState('');
  const [ports, setPorts] = useState<Record<string, string>>({});
  const [lanAccess, setLanAccess] = useState(false);
  const [error, setError] = useState<UpsError>();
  const [busy, setBusy] = useState<string>();
  const [done, setDone] = useState<string>();
  const [confirm, confirmDialog] = useConfirm();
  const usenet = useUsenetServer(undefined);
  const { set: setUsenet } = usenet;
  const section = useDialogStore((st) => (st.open?.name === 'settings' ? st.open.section : undefined));
  const show = useCallback(
    (v: StackSettings) => {
      setSaved(v);
      setUsenet(v.usenet ?? blankUsenet);
      setTimeZone(v.timeZone);
      setLanAccess(v.lanAccess);
      setPorts(Object.fromEntries(v.enabledPorts.map((p) => [p, String((v.ports as Record<string, number>)[p])])));
    },
    [setUsenet],
  );
  useEffect(() => {
    void api.invoke('stack.settings.get', {}).then((r) => (r.ok ? show(r.value) : setError(r.error)));
  }, [api, show]);
  const hasNzbget = saved?.enabledPorts.includes('nzbget') ?? false;
  const save = async () => {
    if (!saved) return;
    const changes = settingsChanges(
      saved,
      timeZone,
      ports,
      lanAccess,
      hasNzbget ? (usenet.draft() ?? null) : (saved.usenet ?? null),
    );
    const newPassword = hasNzbget && usenet.password !== '' && Boolean(usenet.draft());
    const news = changes.usenet !== undefined || newPassword;
    // The core says which apps restart (and refuses a bad value by field) before anything is written.
    setBusy('Checking what the change restarts…');
    const plan = await api.invoke('stack.settings.plan', changes);
    setBusy(undefined);
    if (!plan.ok) return setError(plan.error);
    setError(undefined);
    const body = settingsRestartText(plan.value, { news });
    if (!(await confirm({ title: 'Save and restart?', body, confirmLabel: 'Save and restart' }))) return;
    setBusy('Saving and restarting the changed services…');
    setDone(undefined);
    const r = await api.invoke('stack.settings.update', { ...changes, apply: true });
    if (!r.ok) {
      setBusy(undefined);
      return setError(r.error);
    }
    setError(undefined);
    show(r.value.settings);
    const saidSaved = r.value.written.length
      ? 'Saved and applied. The previous settings are kept as a backup in the install folder.'
      : 'Nothing changed.';
    // The password goes to the vault only once the server it belongs to is saved; NZBGet takes both through the wiring.
    const refused = newPassword ? await usenet.storePassword() : undefined;
    if (refused) {
      setBusy(undefined);
      return setError({ ...refused, field: 'usenet.password' });
    }
    if (news) {
      setBusy('Giving NZBGet the news server…');
      const w = await api.invoke('wiring.apply', {});
      setBusy(undefined);
      return setDone(
        `${saidSaved} ${w.ok ? wiringText(w.value) : 'NZBGet could not be given the news server yet. Repair the links from the dashboard.'}`,
      );
    }
    setBusy(undefined);
    setDone(saidSaved);
  };
  const fieldError = (field: string) =>
    error?.field === field ? { validationState: 'error' as const, validationMessage: plainFieldMessage(error) } : {};
  return (
    <section className={s.col} aria-label="Stack settings" data-testid="stack-settings">
      {confirmDialog}
      <Text weight="semibold">Stack</Text>
      {!saved && !error && <Spinner size="tiny" label="Reading the stack settings…" />}
      {saved && (
        <>
          <Field label="Time zone (IANA, e.g. Europe/Berlin)" {...fieldError('timeZone')}>
            <Input value={timeZone} onChange={(_, d) => setTimeZone(d.value)} data-testid="setting-time-zone" />
          </Field>
          <div className={s.grid}>
            {Object.entries(ports).map(([name, value]) => (
              <Field key={name} label={`${portName(name)} port`} {...fieldError(`ports.${name}`)}>
                <Input
                  className={s.port}
                  inputMode="numeric"
                  value={value}
                  onChange={(_, d) => setPorts({ ...ports, [name]: d.value })}
                  data-testid={`setting-port-${name}`}
                />
              </Field>
            ))}
          </div>
          <LanAccessChoice checked={lanAccess} onChange={setLanAccess} disabled={Boolean(busy)} />
          {hasNzbget && <UsenetSettings state={usenet} error={error} focus={section === 'usenet'} />}
          {/* Focusable while busy: a disabled button drops the focus to the page body, so the confirm that follows
              would hand it back there and Escape could no longer close this dialog (caught by the layout e2e). */}
          <Button
            appearance="primary"
            onClick={() => void save()}
            disabledFocusable={Boolean(busy)}
            data-testid="save-stack-settings"
          >
            Save and apply
          </Button>
        </>
      )}
      {busy && <Spinner size="tiny" label={busy} />}
      {done && <Text data-testid="stack-settings-saved">{done}</Text>}
      {error && !(saved && shownFields(ports).has(error.field ?? '')) && (
        <ErrorBar title="The stack settings could not be changed" error={error} testId="stack-settings-error" />
      )}
    </section>
  );
}
