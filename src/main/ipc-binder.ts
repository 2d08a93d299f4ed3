// The one place that touches ipcMain: binds the contract's channels to the App service, behind a sender check.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { AppService } from '../core/app/app-service';
import { IPC_INVOKE, IPC_PUSH, type Envelope } from '../core/contract';

export interface IpcBinding {
  dispose(): void;
}

/** The subscriber id of one window's page: follow-style calls bind to it. */
export const subscriberOf = (wc: Pick<WebContents, 'id'>): string => `webcontents-${wc.id}`;

type Sender = Pick<WebContents, 'id' | 'once' | 'off'>;

export function bindIpc(
  app: AppService,
  isTrusted: (frameUrl: string | undefined) => boolean,
  targets: () => WebContents[],
): IpcBinding {
  // Senders we watch: when a window's page goes (closed, crashed, reloaded), what it followed is stopped.
  const watched = new Map<number, () => void>();
  const watch = (sender: Sender) => {
    if (watched.has(sender.id)) return;
    const subscriber = subscriberOf(sender);
    const release = () => void app.releaseSubscriber(subscriber);
    const gone = () => {
      unwatch();
      release();
    };
    const unwatch = () => {
      watched.delete(sender.id);
      sender.off('destroyed', gone);
      sender.off('render-process-gone', gone);
      sender.off('did-navigate', gone);
    };
    sender.once('destroyed', gone);
    sender.once('render-process-gone', gone);
    // A reload is a new page: the old page's follows have nobody left to read them.
    sender.once('did-navigate', gone);
    watched.set(sender.id, () => (unwatch(), release()));
  };

  ipcMain.handle(
    IPC_INVOKE,
    async (event: IpcMainInvokeEvent, channel: unknown, input: unknown): Promise<Envelope<unknown>> => {
      if (!isTrusted(event.senderFrame?.url)) {
        return {
          ok: false,
          error: {
            code: 'FORBIDDEN',
            message: 'This window may not call Ultimate Plex Stack.',
            fix: 'Use the app window itself.',
          },
        };
      }
      const sender = event.sender as Sender | undefined;
      if (sender) watch(sender);
      // The App service parses channel and input with the contract's schemas; nothing unparsed gets past it.
      return app.handle(channel, input, { subscriber: sender ? subscriberOf(sender) : undefined });
    },
  );
  const unsubscribe = app.subscribe((event) => {
    for (const wc of targets()) if (!wc.isDestroyed()) wc.send(IPC_PUSH, event);
  });
  return {
    dispose() {
      ipcMain.removeHandler(IPC_INVOKE);
      unsubscribe();
      for (const stop of [...watched.values()]) stop();
    },
  };
}
