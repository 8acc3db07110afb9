import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  devServerOrigin,
  isSafeExternalUrl,
  isTrustedSender,
  isTrustedUrl,
  navigationDecision,
  permissionDecision,
  windowOpenDecision,
} from './security';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name ?? '', values];
    }),
  );
}

describe('the Content-Security-Policy', () => {
  const csp = directives(CONTENT_SECURITY_POLICY);

  it('denies by default and allows scripts only from the app itself', () => {
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
  });

  it('has no unsafe-inline, unsafe-eval, wildcard or remote source anywhere', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|\*|https?:|wasm-unsafe/);
  });

  it('forbids plugins, frames, base-uri changes and form posts', () => {
    for (const name of ['object-src', 'frame-src', 'frame-ancestors', 'base-uri', 'form-action']) {
      expect(csp.get(name), name).toEqual(["'none'"]);
    }
  });

  it('keeps data: only for images and fonts (Vite inlines small assets)', () => {
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(csp.get('font-src')).toEqual(["'self'", 'data:']);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
  });
});

describe('isTrustedUrl', () => {
  it.each([APP_ENTRY_URL, `${APP_ORIGIN}/`, `${APP_ORIGIN}/assets/index-abc.js`, 'LECTERN://APP/index.html', `${APP_ORIGIN}/review?x=1#top`])(
    'trusts the app page %s',
    (url) => expect(isTrustedUrl(url)).toBe(true),
  );

  it.each([
    'lectern://evil/index.html',
    'lectern://app.evil/index.html',
    'lectern://user:pw@app/index.html',
    'lectern://app:8080/index.html',
    'file:///work/main/out/renderer/index.html',
    'https://app/index.html',
    'http://localhost:5173/',
    'about:blank',
    'data:text/html,<script>1</script>',
    'javascript:alert(1)',
    'devtools://devtools/bundled/inspector.html',
    'chrome://settings',
    '',
    'not a url',
    null,
    undefined,
  ])('does not trust %s', (url) => expect(isTrustedUrl(url)).toBe(false));

  it('trusts an extra origin only when it is given', () => {
    expect(isTrustedUrl('http://localhost:5173/src/main.tsx')).toBe(false);
    expect(isTrustedUrl('http://localhost:5173/src/main.tsx', ['http://localhost:5173'])).toBe(true);
    expect(isTrustedUrl('http://localhost:5174/', ['http://localhost:5173'])).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('accepts a frame showing the app and refuses everything else, including no frame', () => {
    expect(isTrustedSender(APP_ENTRY_URL)).toBe(true);
    expect(isTrustedSender('https://evil.example/')).toBe(false);
    expect(isTrustedSender('file:///etc/passwd')).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
    expect(isTrustedSender('')).toBe(false);
  });
});

describe('devServerOrigin', () => {
  it('is the loopback dev server origin in an unpackaged app', () => {
    expect(devServerOrigin('http://localhost:5173', false)).toBe('http://localhost:5173');
    expect(devServerOrigin('http://127.0.0.1:5173/index.html', false)).toBe('http://127.0.0.1:5173');
  });

  it('is null when packaged, missing, remote or not http', () => {
    expect(devServerOrigin('http://localhost:5173', true)).toBeNull();
    expect(devServerOrigin(undefined, false)).toBeNull();
    expect(devServerOrigin('http://192.168.1.2:5173', false)).toBeNull();
    expect(devServerOrigin('http://localhost.evil.example:5173', false)).toBeNull();
    expect(devServerOrigin('file:///tmp/index.html', false)).toBeNull();
    expect(devServerOrigin('http://u:p@localhost:5173', false)).toBeNull();
  });
});

describe('navigation and new windows', () => {
  it('lets the app navigate within itself', () => {
    expect(navigationDecision(`${APP_ORIGIN}/index.html`)).toBe('allow');
  });

  it('sends web links to the system browser, never into the window', () => {
    expect(navigationDecision('https://example.org/article')).toBe('open-externally');
    expect(windowOpenDecision('https://example.org/article')).toBe('open-externally');
  });

  it('refuses every other scheme', () => {
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,x', 'smb://host/share', 'lectern://evil/', 'about:blank']) {
      expect(navigationDecision(url), url).toBe('deny');
      expect(windowOpenDecision(url), url).toBe('deny');
    }
  });

  it('never opens even the app itself in a new window', () => {
    expect(windowOpenDecision(APP_ENTRY_URL)).toBe('deny');
  });

  it('does not hand links with credentials to the browser', () => {
    expect(isSafeExternalUrl('https://user:pw@example.org/')).toBe(false);
    expect(isSafeExternalUrl('https://example.org/')).toBe(true);
  });
});

describe('permissions', () => {
  it.each(['media', 'notifications', 'geolocation', 'clipboard-read', 'clipboard-sanitized-write', 'fullscreen', 'openExternal', 'unknown'])(
    'refuses %s',
    (permission) => expect(permissionDecision(permission)).toBe(false),
  );
});
