// The chrome every dashboard dialog shares: the button that opens it, a title, the body, its own actions and Close.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
} from '@fluentui/react-components';
import { useEffect, useRef, type ReactElement, type ReactNode } from 'react';
import { useDialogStore, type DialogName } from '../stores/dialog-store';

export interface AppDialogProps {
  /** The button that opens the dialog (a Fluent Button); a dialog opened only by fix actions has none. */
  trigger?: ReactElement;
  /** Named dialogs keep their open state in the dialog store, so a fix action elsewhere can open them. */
  name?: DialogName;
  title: ReactNode;
  /** Called each time the dialog opens: dialogs read fresh state then, not at mount. */
  onOpen?(): void;
  children: ReactNode;
  /** The dialog's own buttons, shown before Close. */
  actions?: ReactNode;
  bodyClassName?: string;
}

export function AppDialog({ trigger, name, title, onOpen, children, actions, bodyClassName }: AppDialogProps) {
  const isOpen = useDialogStore((st) => (name ? st.open?.name === name : undefined));
  const show = useDialogStore((st) => st.show);
  const close = useDialogStore((st) => st.close);
  // A named dialog opens from its trigger or from a fix action elsewhere (the store): either way it reads fresh state.
  // From the trigger, onOpen runs before the dialog first renders (as for unnamed dialogs), so controls it disables
  // while reading are disabled before Fluent puts the focus in the dialog; from the store, once it is open.
  const onOpenRef = useRef(onOpen);
  const openedByTrigger = useRef(false);
  useEffect(() => {
    onOpenRef.current = onOpen;
  });
  useEffect(() => {
    if (isOpen && !openedByTrigger.current) onOpenRef.current?.();
    if (!isOpen) openedByTrigger.current = false;
  }, [isOpen]);
  // Unnamed dialogs stay uncontrolled (Fluent keeps their state); named ones follow the store.
  const controlled = name
    ? {
        open: Boolean(isOpen),
        onOpenChange: (_: unknown, d: { open: boolean }) => {
          if (d.open) {
            // Opened by its own trigger: a request with details (e.g. which secret) is kept when it is this dialog's.
            openedByTrigger.current = true;
            if (!isOpen) show({ name } as Parameters<typeof show>[0]);
            onOpen?.();
          } else close();
        },
      }
    : { onOpenChange: (_: unknown, d: { open: boolean }) => d.open && onOpen?.() };
  const surface = (
    <DialogSurface aria-describedby={undefined}>
      <DialogBody>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent className={bodyClassName}>{children}</DialogContent>
        <DialogActions>
          {actions}
          <DialogTrigger disableButtonEnhancement>
            <Button appearance={actions ? 'secondary' : 'primary'}>Close</Button>
          </DialogTrigger>
        </DialogActions>
      </DialogBody>
    </DialogSurface>
  );
  return trigger ? (
    <Dialog {...controlled}>
      <DialogTrigger disableButtonEnhancement>{trigger}</DialogTrigger>
      {surface}
    </Dialog>
  ) : (
    <Dialog {...controlled}>{surface}</Dialog>
  );
}
