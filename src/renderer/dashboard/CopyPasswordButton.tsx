// "Copy password" for one generated login: asks the vault (logins.reveal) on each press and puts it on the clipboard;
// the password is never shown or kept here.
import { Button, Caption1 } from '@fluentui/react-components';
import { useState } from 'react';
import type { Login } from '../../core/contract';
import { ErrorBar } from '../components/ErrorBar';
import { useAction } from '../use-action';

export function CopyPasswordButton({ login, app }: { login: Login; app: string }) {
  const reveal = useAction('logins.reveal');
  const [copied, setCopied] = useState<'yes' | 'refused'>();
  const copy = async () => {
    setCopied(undefined);
    const res = await reveal.run({ name: login.secret });
    if (!res.ok) return;
    try {
      await navigator.clipboard.writeText(res.value.password);
      setCopied('yes');
    } catch {
      setCopied('refused');
    }
  };
  const label = copied === 'yes' ? 'Password copied' : 'Copy password';
  return (
    <>
      {/* The accessible name starts with the visible words (axe label-content-name-mismatch) and names the app. */}
      <Button size="small" onClick={() => void copy()} disabled={reveal.busy} aria-label={`${label} (${app})`}>
        {label}
      </Button>
      {copied === 'refused' && <Caption1> The clipboard refused: open Logins above and use Show.</Caption1>}
      {reveal.error && <ErrorBar title={`The ${app} password cannot be copied.`} error={reveal.error} />}
    </>
  );
}
