// The whole bridge: invoke a contract channel, subscribe to events. ipcRenderer itself never leaks.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { Bridge } from '../../shared/ipc/contract';

const bridge = {
  invoke: (channel, input) => ipcRenderer.invoke('grounded:invoke', channel, input),
  on: (event, listener) => {
    const wrapped = (_e: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) (listener as (p: unknown) => void)(payload);
    };
    ipcRenderer.on('grounded:event', wrapped);
    return () => void ipcRenderer.off('grounded:event', wrapped);
  },
  pathForFile: (file) => webUtils.getPathForFile(file),
} satisfies Bridge;

contextBridge.exposeInMainWorld('grounded', bridge);
