// The news server NZBGet downloads from (shown under the NZBGet switch): host, port, TLS, login, connections. The password
// goes straight to the vault (secrets.set nzbget.server.password); the rest rides in the draft as StackConfig.usenet.
import { Caption1, Field, Input, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { UpsError, WizardDraft } from '../../core/contract';
import { useUps } from '../ups-context';
import type { FieldErrors } from './validation';

type UsenetDraft = NonNullable<WizardDraft['usenet']>;

const useStyles = makeStyles({
  nested: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalXXL,
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalM },
});

export const blankUsenet: UsenetDraft = { host: '', port: 563, tls: true, username: '', connections: 8 };

export interface UsenetServerState {
  value: UsenetDraft;
  set(next: UsenetDraft): void;
  password: string;
  setPassword(p: string): void;
  /** The draft's `usenet`: undefined while no host is typed (the server can be added later in the settings). */
  draft(): UsenetDraft | undefined;
  /** Stores a typed password in the vault (nothing typed: the stored one stays); the error, if the vault refused. */
  storePassword(): Promise<UpsError | undefined>;
}

export function useUsenetServer(initial: UsenetDraft | undefined): UsenetServerState {
  const api = useUps();
  const [value, set] = useState<UsenetDraft>(initial ?? blankUsenet);
  const [password, setPassword] = useState('');
  return {
    value,
    set,
    password,
    setPassword,
    draft: () => (value.host.trim() ? { ...value, host: value.host.trim() } : undefined),
    async storePassword() {
      if (!value.host.trim() || password === '') return undefined;
      const res = await api.invoke('secrets.set', { name: 'nzbget.server.password', value: password });
      if (!res.ok) return res.error;
      setPassword('');
      return undefined;
    },
  };
}

/**
 * A field's message in plain words: the schema's messages start with their field path (`usenet.host: must be…`), which
 * the field's own label already says better, so the path goes and the sentence starts with a capital.
 */
export function plainFieldMessage(message: string | undefined, field: string): string | undefined {
  if (!message) return undefined;
  const rest = message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

const int = (raw: string, fallback: number) => (/^\d{1,5}$/.test(raw) ? Number(raw) : fallback);

export interface UsenetServerFieldsProps {
  state: UsenetServerState;
  errors: FieldErrors;
  /** Under the password: the wizard's default says where it goes; the settings say an empty box keeps the stored one. */
  passwordHint?: string;
  /** The first line: the settings form has its own heading. */
  intro?: string;
}

export function UsenetServerFields({ state, errors, passwordHint, intro }: UsenetServerFieldsProps) {
  const s = useStyles();
  const v = state.value;
  const err = (k: string) => ({
    validationMessage: plainFieldMessage(errors[`usenet.${k}`], `usenet.${k}`),
    validationState: errors[`usenet.${k}`] ? ('error' as const) : ('none' as const),
  });
  return (
    <div className={s.nested} data-testid="usenet-server">
      <Caption1>
        {intro ?? "Your Usenet provider's news server (leave the server empty to add it later in the settings)."}
      </Caption1>
      <Field label="News server" {...err('host')}>
        <Input
          value={v.host}
          placeholder="news.example.com"
          onChange={(_, d) => state.set({ ...v, host: d.value })}
          data-testid="usenet-host"
        />
      </Field>
      <div className={s.row}>
        <Field label="Port" {...err('port')}>
          <Input
            type="number"
            value={String(v.port)}
            onChange={(_, d) => state.set({ ...v, port: int(d.value, v.port) })}
            data-testid="usenet-port"
          />
        </Field>
        <Field label="Connections" {...err('connections')}>
          <Input
            type="number"
            value={String(v.connections)}
            onChange={(_, d) => state.set({ ...v, connections: int(d.value, v.connections) })}
            data-testid="usenet-connections"
          />
        </Field>
      </div>
      <Switch
        label="Encrypted (TLS)"
        checked={v.tls}
        // The usual ports follow the switch while the user has not picked another one.
        onChange={(_, d) =>
          state.set({ ...v, tls: d.checked, port: v.port === 563 || v.port === 119 ? (d.checked ? 563 : 119) : v.port })
        }
        data-testid="usenet-tls"
      />
      <div className={s.row}>
        <Field label="User name" {...err('username')}>
          <Input
            value={v.username}
            onChange={(_, d) => state.set({ ...v, username: d.value })}
            data-testid="usenet-username"
          />
        </Field>
        <Field
          label="Password"
          hint={passwordHint ?? 'Stored in the credential store, never in a file.'}
          {...err('password')}
        >
          <Input
            type="password"
            value={state.password}
            onChange={(_, d) => state.setPassword(d.value)}
            data-testid="usenet-password"
          />
        </Field>
      </div>
    </div>
  );
}
