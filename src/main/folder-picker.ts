// The desktop door of folders.pick: Electron's folder dialog, passed in so tests fake it at the edge.
import type { FolderPickerPort } from '../core/app/handlers/app-settings';

export interface OpenDialogLike {
  showOpenDialog(opts: {
    title?: string;
    defaultPath?: string;
    buttonLabel: string;
    properties: ('openDirectory' | 'createDirectory' | 'promptToCreate')[];
  }): Promise<{ canceled: boolean; filePaths: string[] }>;
}

export function createFolderPicker(dialog: OpenDialogLike): FolderPickerPort {
  return async ({ title, defaultPath }) => {
    const choice = await dialog.showOpenDialog({
      ...(title ? { title } : {}),
      ...(defaultPath ? { defaultPath } : {}),
      buttonLabel: 'Choose folder',
      // A new folder can be made from the dialog itself: the media folder often does not exist yet.
      properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
    });
    return choice.canceled ? null : (choice.filePaths[0] ?? null);
  };
}
