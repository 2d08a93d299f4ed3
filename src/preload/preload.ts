// The one place that touches ipcRenderer: exposes exactly `window.ups`, typed by the contract, and nothing else.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_INVOKE, IPC_PUSH } from '../core/contract/channels';
import type { PushEvent, PushListener, UpsApi } from '../core/contract';

export function createPreloadApi(ipc: Pick<typeof ipcRenderer, 'invoke' | 'on' | 'removeListener'>): UpsApi {
  return {
    invoke: (channel, input) => ipc.invoke(IPC_INVOKE, channel, input),
    subscribe(listener: PushListener) {
      const relay = (_e: IpcRendererEvent, event: PushEvent) => listener(event);
      ipc.on(IPC_PUSH, relay);
      return () => void ipc.removeListener(IPC_PUSH, relay);
    },
  };
}

contextBridge.exposeInMainWorld('ups', createPreloadApi(ipcRenderer));
