/**
 * The Electron host's security rules as pure predicates, so each one is unit-tested without Electron.
 * The wiring that applies them lives in harden.ts, ipc.ts and protocol.ts.
 */

/** The renderer is served from `lectern://app/…` (protocol.ts), never from file://. */
export const APP_SCHEME = 'lectern';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The Content-Security-Policy of every page the app serves: only the app's own files, no inline script,
 * no eval, no remote content, no plugins, no frames, no form posts.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "media-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

function parse(url: string | null | undefined): URL | null {
  if (typeof url !== 'string' || url === '') return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * The origin of electron-vite's dev server, trusted only in an unpackaged app and only on loopback
 * (`electron-vite dev` sets ELECTRON_RENDERER_URL). Anything else gives null.
 */
export function devServerOrigin(raw: string | undefined, isPackaged: boolean): string | null {
  if (isPackaged) return null;
  const url = parse(raw);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return null;
  if (url.username !== '' || url.password !== '') return null;
  const loopback = ['localhost', '127.0.0.1', '[::1]'];
  return loopback.includes(url.hostname) ? url.origin : null;
}

/** True for the app's own pages: `lectern://app/…` (and the dev server's origin when given). */
export function isTrustedUrl(url: string | null | undefined, extraOrigins: readonly string[] = []): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (parsed.username !== '' || parsed.password !== '') return false;
  // Chromium lowercases the host of a standard scheme; Node's URL keeps a non-special host as written.
  if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host.toLowerCase() === APP_HOST;
  return extraOrigins.includes(parsed.origin);
}

/**
 * The IPC sender check: the frame that sent the message must be showing one of the app's own pages.
 * A missing frame (navigated away or destroyed) is not trusted.
 */
export function isTrustedSender(frameUrl: string | null | undefined, extraOrigins: readonly string[] = []): boolean {
  return isTrustedUrl(frameUrl, extraOrigins);
}

/** Links the user may open in the system browser (never inside the app): plain web pages only. */
export function isSafeExternalUrl(url: string | null | undefined): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  return parsed.username === '' && parsed.password === '' && parsed.hostname !== '';
}

export type NavigationDecision = 'allow' | 'open-externally' | 'deny';

/**
 * What to do when a page tries to navigate (will-navigate, will-redirect): the app's own pages may
 * load in the window; a web link is handed to the system browser; everything else is refused.
 */
export function navigationDecision(url: string, extraOrigins: readonly string[] = []): NavigationDecision {
  if (isTrustedUrl(url, extraOrigins)) return 'allow';
  if (isSafeExternalUrl(url)) return 'open-externally';
  return 'deny';
}

/** window.open and target=_blank never open a window; a web link goes to the system browser. */
export function windowOpenDecision(url: string): 'open-externally' | 'deny' {
  return isSafeExternalUrl(url) ? 'open-externally' : 'deny';
}

/** Every permission (camera, microphone, notifications, geolocation, clipboard-read, …) is refused. */
export function permissionDecision(_permission: string): false {
  return false;
}
