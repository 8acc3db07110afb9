import type { Result } from './wire';

/** The one IPC channel between the preload and the Electron main process. */
export const IPC_CHANNEL = 'lectern:dispatch';

/**
 * The narrow object the preload exposes as `window.lectern`: one call into dispatch and nothing else.
 * The web host offers the same call over HTTP, so the renderer cannot tell the two apart.
 */
export interface LecternBridge {
  invoke(name: string, input: unknown): Promise<Result<unknown>>;
}
