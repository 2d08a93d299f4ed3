// Which app dialog is open, so a fix button anywhere can open the dialog that performs it (e.g. Credentials on a name).
import { create } from 'zustand';
import type { SecretName } from '../../core/contract';

export type DialogRequest =
  | { name: 'credentials'; secret?: SecretName }
  | { name: 'migrate' }
  | { name: 'plex-signin' }
  | { name: 'checks' }
  | { name: 'restore-previous' }
  /** Settings, scrolled to one part and its first box focused (a fix that is finished there). */
  | { name: 'settings'; section?: 'usenet' };
export type DialogName = DialogRequest['name'];

export interface DialogStore {
  open: DialogRequest | null;
  show(request: DialogRequest): void;
  close(): void;
}

export const useDialogStore = create<DialogStore>((set) => ({
  open: null,
  show: (request) => set({ open: request }),
  close: () => set({ open: null }),
}));
