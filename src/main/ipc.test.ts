import { describe, expect, it, vi } from 'vitest';
import type { Dispatch } from '../core/rpc/dispatch';
import { IPC_CHANNEL } from '../shared/contract/bridge';
import { createDispatchHandler, registerDispatchHandler, UNTRUSTED_SENDER_MESSAGE } from './ipc';

const envelope = { ok: true as const, data: { articles: [] } };
const frame = (url: string) => ({ senderFrame: { url } }) as never;

describe('the dispatch IPC handler', () => {
  it('routes a call from the app page to dispatch and returns its envelope', async () => {
    const dispatch = vi.fn<Dispatch>(async () => envelope);
    const handler = createDispatchHandler(dispatch);
    await expect(handler(frame('lectern://app/index.html'), 'library.list', {})).resolves.toEqual(envelope);
    expect(dispatch).toHaveBeenCalledWith('library.list', {});
  });

  it.each(['https://evil.example/', 'file:///tmp/index.html', 'lectern://evil/index.html', 'about:blank'])(
    'refuses a sender showing %s without reaching dispatch',
    async (url) => {
      const dispatch = vi.fn<Dispatch>(async () => envelope);
      await expect(createDispatchHandler(dispatch)(frame(url), 'library.list', {})).rejects.toThrow(UNTRUSTED_SENDER_MESSAGE);
      expect(dispatch).not.toHaveBeenCalled();
    },
  );

  it('refuses a sender whose frame is gone', async () => {
    const dispatch = vi.fn<Dispatch>(async () => envelope);
    await expect(createDispatchHandler(dispatch)({ senderFrame: null }, 'library.list', {})).rejects.toThrow(UNTRUSTED_SENDER_MESSAGE);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('trusts the dev server only when told to', async () => {
    const dispatch = vi.fn<Dispatch>(async () => envelope);
    await expect(createDispatchHandler(dispatch)(frame('http://localhost:5173/'), 'library.list', {})).rejects.toThrow();
    await expect(createDispatchHandler(dispatch, ['http://localhost:5173'])(frame('http://localhost:5173/'), 'library.list', {})).resolves.toEqual(envelope);
  });

  it('answers a non-string name and a throwing dispatch with envelopes', async () => {
    const handler = createDispatchHandler(async () => {
      throw new Error('boom');
    });
    await expect(handler(frame('lectern://app/'), { toString: () => 'x' }, {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown_command' } });
    await expect(handler(frame('lectern://app/'), 'library.list', {})).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('registers exactly one handler, on the bridge channel', () => {
    const ipcMain = { handle: vi.fn(), removeHandler: vi.fn() };
    const unregister = registerDispatchHandler(ipcMain, async () => envelope);
    expect(ipcMain.handle).toHaveBeenCalledTimes(1);
    expect(ipcMain.handle.mock.calls[0]?.[0]).toBe(IPC_CHANNEL);
    unregister();
    expect(ipcMain.removeHandler).toHaveBeenCalledWith(IPC_CHANNEL);
  });
});
