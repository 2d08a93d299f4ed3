// The one place that touches ipcMain: binds the contract's channels to the App service, behind a sender check.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { AppService } from '../core/app/app-service';
import { IPC_INVOKE, IPC_PUSH, type Envelope } from '../core/contract';

export interface IpcBinding {
  dispose(): void;
}

export function bindIpc(app: AppService, isTrusted: (frameUrl: string | undefined) => boolean, targets: () => WebContents[]): IpcBinding {
  ipcMain.handle(IPC_INVOKE, async (event: IpcMainInvokeEvent, channel: unknown, input: unknown): Promise<Envelope<unknown>> => {
    if (!isTrusted(event.senderFrame?.url)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'This window may not call Ultimate Plex Stack.', fix: 'Use the app window itself.' } };
    }
    // The App service parses channel and input with the contract's schemas; nothing unparsed gets past it.
    return app.handle(channel, input);
  });
  const unsubscribe = app.subscribe((event) => {
    for (const wc of targets()) if (!wc.isDestroyed()) wc.send(IPC_PUSH, event);
  });
  return {
    dispose() {
      ipcMain.removeHandler(IPC_INVOKE);
      unsubscribe();
    },
  };
}
