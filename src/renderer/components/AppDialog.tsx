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
import type { ReactElement, ReactNode } from 'react';

export interface AppDialogProps {
  /** The button that opens the dialog (a Fluent Button). */
  trigger: ReactElement;
  title: ReactNode;
  /** Called each time the dialog opens: dialogs read fresh state then, not at mount. */
  onOpen?(): void;
  children: ReactNode;
  /** The dialog's own buttons, shown before Close. */
  actions?: ReactNode;
  bodyClassName?: string;
}

export function AppDialog({ trigger, title, onOpen, children, actions, bodyClassName }: AppDialogProps) {
  return (
    <Dialog onOpenChange={(_, d) => d.open && onOpen?.()}>
      <DialogTrigger disableButtonEnhancement>{trigger}</DialogTrigger>
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
    </Dialog>
  );
}
