import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { hardenSession, hardenWebContents } from './harden';

type WindowOpenHandler = (details: { url: string }) => { action: string };

function fakeContents() {
  const contents = new EventEmitter() as EventEmitter & { setWindowOpenHandler: (h: WindowOpenHandler) => void; openHandler?: WindowOpenHandler };
  contents.setWindowOpenHandler = (handler) => {
    contents.openHandler = handler;
  };
  return contents;
}

function emitNavigation(contents: EventEmitter, event: string, url: string): boolean {
  let prevented = false;
  contents.emit(event, { url, preventDefault: () => (prevented = true) }, url);
  return prevented;
}

describe('hardenWebContents', () => {
  it('keeps navigation inside the app and sends followed web links to the browser', () => {
    const contents = fakeContents();
    const openExternal = vi.fn();
    hardenWebContents(contents as never, { openExternal });
    expect(emitNavigation(contents, 'will-navigate', 'lectern://app/index.html')).toBe(false);
    expect(emitNavigation(contents, 'will-navigate', 'https://example.org/')).toBe(true);
    expect(openExternal).toHaveBeenCalledWith('https://example.org/');
    expect(emitNavigation(contents, 'will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('refuses redirects away from the app without opening anything', () => {
    const contents = fakeContents();
    const openExternal = vi.fn();
    hardenWebContents(contents as never, { openExternal });
    expect(emitNavigation(contents, 'will-redirect', 'https://example.org/')).toBe(true);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('denies every new window and <webview>', () => {
    const contents = fakeContents();
    const openExternal = vi.fn();
    hardenWebContents(contents as never, { openExternal });
    for (const url of ['https://example.org/', 'lectern://app/index.html', 'javascript:alert(1)', 'about:blank']) {
      expect(contents.openHandler?.({ url })).toEqual({ action: 'deny' });
    }
    expect(openExternal).toHaveBeenCalledTimes(1);
    let prevented = false;
    contents.emit('will-attach-webview', { preventDefault: () => (prevented = true) }, {}, {});
    expect(prevented).toBe(true);
  });
});

describe('hardenSession', () => {
  it('refuses every permission request and check', () => {
    const handlers: Record<string, (...args: unknown[]) => unknown> = {};
    hardenSession({
      setPermissionRequestHandler: (h: never) => (handlers.request = h),
      setPermissionCheckHandler: (h: never) => (handlers.check = h),
      setDevicePermissionHandler: (h: never) => (handlers.device = h),
    });
    const callback = vi.fn();
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'midi']) handlers.request?.({}, permission, callback, {});
    expect(callback.mock.calls.every(([granted]) => granted === false)).toBe(true);
    expect(callback).toHaveBeenCalledTimes(5);
    expect(handlers.check?.({}, 'media', 'lectern://app', {})).toBe(false);
    expect(handlers.device?.({})).toBe(false);
  });
});
