import type { LecternBridge, Result } from '../../../shared/contract';

const TOKEN_KEY = 'lectern.token';

/**
 * Picks how the renderer reaches the core: the preload's bridge inside Electron, or the web host's
 * HTTP API in a browser. Nothing else in the renderer knows which host it runs in.
 */
export function createBridge(): LecternBridge {
  if (window.lectern) return window.lectern;
  return httpBridge(takeToken());
}

/** The web host hands the page its token in the URL fragment; keep it for reloads, then hide it. */
function takeToken(): string | null {
  const match = /(?:^|[#&])token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, match[1]!);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return match[1]!;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

function httpBridge(token: string | null): LecternBridge {
  return {
    async invoke(name, input) {
      if (!token) {
        return {
          ok: false,
          error: { code: 'bad_input', message: 'Open Lectern from the address the web host printed (it carries the access token).' },
        };
      }
      let response: Response;
      try {
        response = await fetch(`/api/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return { ok: false, error: { code: 'internal', message: 'Lectern’s web host is not answering. Is it still running?' } };
      }
      try {
        return (await response.json()) as Result<unknown>;
      } catch {
        return { ok: false, error: { code: 'internal', message: `The web host answered ${response.status} without a result.` } };
      }
    },
  };
}
