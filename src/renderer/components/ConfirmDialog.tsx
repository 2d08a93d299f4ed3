// Asks before anything destructive or disruptive: says what will happen (which apps restart, how much is deleted)
// and waits for an explicit yes. `useConfirm` gives a call site `await confirm({...})` plus the dialog to render.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Text,
} from '@fluentui/react-components';
import { useCallback, useState, type ReactNode } from 'react';

export interface ConfirmRequest {
  /** A question naming the action: "Roll back the last update?" */
  title: string;
  /** What will happen, in plain words (which apps restart, how many GB are deleted, what cannot be undone). */
  body: ReactNode;
  /** The verb on the yes button: "Roll back", "Delete 120 GB". */
  confirmLabel: string;
  /** Destructive actions keep the safe choice as the default button. */
  destructive?: boolean;
}

export function ConfirmDialog({
  request,
  onAnswer,
}: {
  request: ConfirmRequest | undefined;
  onAnswer: (yes: boolean) => void;
}) {
  return (
    <Dialog
      open={Boolean(request)}
      modalType="alert"
      onOpenChange={(_, d) => {
        if (!d.open) onAnswer(false);
      }}
    >
      <DialogSurface aria-describedby="confirm-body" data-testid="confirm-dialog">
        {request ? (
          <DialogBody>
            <DialogTitle>{request.title}</DialogTitle>
            <DialogContent>
              <Text id="confirm-body" as="p" block>
                {request.body}
              </Text>
            </DialogContent>
            <DialogActions>
              <Button
                appearance={request.destructive ? 'secondary' : 'primary'}
                onClick={() => onAnswer(true)}
                data-testid="confirm-yes"
              >
                {request.confirmLabel}
              </Button>
              <Button
                appearance={request.destructive ? 'primary' : 'secondary'}
                onClick={() => onAnswer(false)}
                data-testid="confirm-no"
              >
                Cancel
              </Button>
            </DialogActions>
          </DialogBody>
        ) : null}
      </DialogSurface>
    </Dialog>
  );
}

/** `confirm(request)` resolves true on yes, false on Cancel / Escape; render `dialog` once in the component. */
export function useConfirm(): [(request: ConfirmRequest) => Promise<boolean>, ReactNode] {
  const [pending, setPending] = useState<{
    request: ConfirmRequest;
    resolve: (yes: boolean) => void;
    /** What had focus when the question was asked (e.g. Save in the settings dialog). */
    from: HTMLElement | null;
  }>();
  const confirm = useCallback(
    (request: ConfirmRequest) =>
      new Promise<boolean>((resolve) =>
        setPending({
          request,
          resolve,
          from: document.activeElement instanceof HTMLElement ? document.activeElement : null,
        }),
      ),
    [],
  );
  const dialog = (
    <ConfirmDialog
      request={pending?.request}
      onAnswer={(yes) => {
        pending?.resolve(yes);
        // Focus goes back where the question came from: left on the page body, a keyboard user inside another dialog
        // could no longer close it with Escape.
        const from = pending?.from;
        setPending(undefined);
        if (from?.isConnected) setTimeout(() => from.focus(), 0);
      }}
    />
  );
  return [confirm, dialog];
}
