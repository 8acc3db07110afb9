import type { LecternBridge } from '../shared/contract/bridge';

declare global {
  interface Window {
    /** Present only in the Electron host (see src/preload/index.ts). */
    lectern?: LecternBridge;
  }
}

export {};
