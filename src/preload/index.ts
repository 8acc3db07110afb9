import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNEL, type LecternBridge } from '../shared/contract/bridge';

/**
 * The whole bridge: one call into the core's dispatch. No ipcRenderer, no Node, no other channel reaches
 * the page. Built to one CommonJS file that requires only `electron` (a sandboxed preload cannot do more).
 */
const bridge: LecternBridge = {
  invoke: (name, input) => ipcRenderer.invoke(IPC_CHANNEL, name, input),
};

contextBridge.exposeInMainWorld('lectern', Object.freeze(bridge));
