// folders.pick in the desktop app: Electron's folder dialog (faked at the edge) answers the chosen folder or null.
import { describe, expect, it, vi } from 'vitest';
import { createFolderPicker, type OpenDialogLike } from './folder-picker';

describe('createFolderPicker', () => {
  it('opens a folder dialog where the typed path is, and answers the chosen folder', async () => {
    const showOpenDialog = vi.fn<OpenDialogLike['showOpenDialog']>(async () => ({
      canceled: false,
      filePaths: ['D:\\Media'],
    }));
    const pick = createFolderPicker({ showOpenDialog });
    expect(await pick({ title: 'Choose the media folder', defaultPath: 'D:\\' })).toBe('D:\\Media');
    expect(showOpenDialog).toHaveBeenCalledWith(
      expect.objectContaining({
        title: 'Choose the media folder',
        defaultPath: 'D:\\',
        properties: expect.arrayContaining(['openDirectory', 'createDirectory']) as unknown,
      }),
    );
  });

  it('answers null when the user cancels', async () => {
    const pick = createFolderPicker({ showOpenDialog: async () => ({ canceled: true, filePaths: [] }) });
    expect(await pick({})).toBeNull();
  });
});
