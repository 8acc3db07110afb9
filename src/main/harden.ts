import type { Session, WebContents } from 'electron';
import { navigationDecision, permissionDecision, windowOpenDecision } from './security';

export interface HardenDeps {
  /** Hands a web link to the system browser (shell.openExternal). */
  openExternal(url: string): void;
  /** Extra trusted origins (only electron-vite's dev server, when unpackaged). */
  trustedOrigins?: readonly string[];
}

type NavigationEvent = { url?: string; preventDefault(): void };

/**
 * Applies the navigation rules to one web contents (app.on('web-contents-created') calls it for every one):
 * no new windows, no navigation away from the app's pages, no <webview>.
 */
export function hardenWebContents(contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>, deps: HardenDeps): void {
  const trusted = deps.trustedOrigins ?? [];
  const guard = (openLinks: boolean) => (event: NavigationEvent, legacyUrl?: string) => {
    const url = event.url ?? legacyUrl ?? '';
    const decision = navigationDecision(url, trusted);
    if (decision === 'allow') return;
    event.preventDefault();
    if (openLinks && decision === 'open-externally') deps.openExternal(url);
  };
  // A followed web link opens in the system browser; a redirect is only refused.
  contents.on('will-navigate', guard(true) as never);
  contents.on('will-redirect', guard(false) as never);
  contents.on('will-attach-webview', ((event: NavigationEvent) => event.preventDefault()) as never);
  contents.setWindowOpenHandler(({ url }) => {
    if (windowOpenDecision(url) === 'open-externally') deps.openExternal(url);
    return { action: 'deny' };
  });
}

/** Refuses every permission request and check of the session (camera, microphone, notifications, HID, …). */
export function hardenSession(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>,
): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(permissionDecision(permission)));
  session.setPermissionCheckHandler((_contents, permission) => permissionDecision(permission));
  session.setDevicePermissionHandler(() => false);
}
