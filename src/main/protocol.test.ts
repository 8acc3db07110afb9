import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_SCHEME_PRIVILEGES, createAssetHandler, mimeType, resolveAssetPath } from './protocol';
import { CONTENT_SECURITY_POLICY } from './security';

const root = resolve('/srv/lectern/out/renderer');

describe('resolveAssetPath', () => {
  it('maps app URLs to files inside the root', () => {
    expect(resolveAssetPath(root, 'lectern://app/index.html')).toBe(join(root, 'index.html'));
    expect(resolveAssetPath(root, 'lectern://app/assets/index-abc.js')).toBe(join(root, 'assets', 'index-abc.js'));
    expect(resolveAssetPath(root, 'lectern://app/assets/a%20b.woff2?v=1#x')).toBe(join(root, 'assets', 'a b.woff2'));
  });

  it('serves index.html for the root', () => {
    expect(resolveAssetPath(root, 'lectern://app/')).toBe(join(root, 'index.html'));
    expect(resolveAssetPath(root, 'lectern://app')).toBe(join(root, 'index.html'));
  });

  it.each([
    'lectern://app/../package.json',
    'lectern://app/assets/../../package.json',
    'lectern://app/%2e%2e/package.json',
    'lectern://app/%2E%2E/%2E%2E/etc/passwd',
    'lectern://app/..%2f..%2fpackage.json',
    'lectern://app/assets%2f..%2f..%2fpackage.json',
    'lectern://app/.%2e/package.json',
    'lectern://app/%252e%252e/package.json',
  ])('refuses the traversal %s', (url) => {
    const path = resolveAssetPath(root, url);
    // Either refused, or (double encoding) a literal file name that still lies inside the root.
    if (path !== null) expect(path.startsWith(root + '/') || path.startsWith(root + '\\')).toBe(true);
    expect(path === null || !path.includes('..') || path.includes('%2e%2e')).toBe(true);
  });

  it('refuses encoded parent segments outright', () => {
    expect(resolveAssetPath(root, 'lectern://app/%2e%2e/package.json')).toBeNull();
    expect(resolveAssetPath(root, 'lectern://app/..%2f..%2fpackage.json')).toBeNull();
    expect(resolveAssetPath(root, 'lectern://app/a/..%2F..%2F..%2Fetc%2Fpasswd')).toBeNull();
  });

  it.each([
    'lectern://app/%2fetc%2fpasswd',
    'lectern://app//etc/passwd',
    'lectern://app/%2f%2fserver%2fshare',
  ])('keeps the absolute path %s inside the root', (url) => {
    const path = resolveAssetPath(root, url);
    expect(path === null || path.startsWith(join(root, 'etc')) || path.startsWith(join(root, 'server'))).toBe(true);
  });

  it.each([
    'lectern://app/..%5c..%5cpackage.json',
    'lectern://app/assets\\..\\..\\package.json',
    'lectern://app/assets%5cindex.js',
    'lectern://app/C:%5cWindows%5cwin.ini',
    'lectern://app/C:/Windows/win.ini',
    'lectern://app/index.html%00.js',
    'lectern://app/%E0%A4%A',
  ])('refuses backslashes, drive letters, NUL and malformed escapes: %s', (url) => {
    expect(resolveAssetPath(root, url)).toBeNull();
  });

  it.each(['lectern://evil/index.html', 'lectern://user@app/index.html', 'file:///etc/passwd', 'https://app/index.html', 'not a url'])(
    'refuses another scheme or host: %s',
    (url) => expect(resolveAssetPath(root, url)).toBeNull(),
  );
});

describe('the scheme', () => {
  it('is registered as a standard, secure origin', () => {
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('lectern');
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({ standard: true, secure: true, supportFetchAPI: true });
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('bypassCSP');
  });

  it('knows the types of a Vite build', () => {
    expect(mimeType('a.js')).toMatch(/^text\/javascript/);
    expect(mimeType('a.CSS')).toMatch(/^text\/css/);
    expect(mimeType('a.woff2')).toBe('font/woff2');
    expect(mimeType('a.unknown')).toBe('application/octet-stream');
  });
});

describe('createAssetHandler', () => {
  let dir: string;
  let outside: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'lectern-protocol-'));
    mkdirSync(join(dir, 'renderer', 'assets'), { recursive: true });
    writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>Lectern</title>');
    writeFileSync(join(dir, 'renderer', 'assets', 'app.js'), 'console.log(1)');
    outside = join(dir, 'secret.txt');
    writeFileSync(outside, 'secret');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const handler = () => createAssetHandler(join(dir, 'renderer'));

  it('serves a file with its type and the CSP', async () => {
    const response = await handler()({ url: 'lectern://app/assets/app.js' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('answers a client-side route with index.html, a missing asset with 404', async () => {
    const route = await handler()({ url: 'lectern://app/review' });
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>Lectern</title>');
    expect((await handler()({ url: 'lectern://app/assets/missing.js' })).status).toBe(404);
  });

  it('never serves a file outside the root', async () => {
    for (const url of ['lectern://app/../secret.txt', 'lectern://app/%2e%2e/secret.txt', 'lectern://app/..%2fsecret.txt', 'lectern://app/..%5csecret.txt']) {
      const response = await handler()({ url });
      expect(response.status, url).toBe(404);
      expect(await response.text()).not.toContain('secret');
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await handler()({ url: 'lectern://app/index.html', method: 'POST' })).status).toBe(405);
    const head = await handler()({ url: 'lectern://app/index.html', method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
