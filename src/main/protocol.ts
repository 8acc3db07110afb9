import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './security';

/**
 * The privileges of the app's scheme, registered before `ready`: a standard, secure origin
 * (so `'self'` in the CSP, module scripts and fetch work), with V8's code cache.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
} as const;

/**
 * Maps `lectern://app/<path>` to a file inside `root` (out/renderer), or null when the URL must not be
 * served: another scheme or host, a malformed escape, a NUL byte, a backslash, a `..` segment (raw or
 * percent-encoded), a drive letter, or anything that would land outside `root`. `/` is `index.html`.
 */
export function resolveAssetPath(root: string, url: string): string | null {
  // The URL parser folds `..` and `%2e%2e` away before we see them; refuse them in the raw text first.
  if (hasDotSegment(url)) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host.toLowerCase() !== APP_HOST) return null;
  if (parsed.username !== '' || parsed.password !== '') return null;

  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  const segments = path.split('/').filter((segment) => segment !== '');
  // `:` would let a segment name a drive on Windows (`C:`); no asset of the build has one.
  if (segments.some((segment) => segment === '..' || segment === '.' || segment.includes(':'))) return null;
  if (segments.length === 0) segments.push('index.html');

  const base = resolve(root);
  const candidate = resolve(base, ...segments);
  const rel = relative(base, candidate);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) return null;
  return candidate;
}

/** True when the raw URL's path has a `.` or `..` segment, written plainly or percent-encoded. */
function hasDotSegment(url: string): boolean {
  const path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '').replace(/[?#].*$/s, '');
  return path
    .split(/\/|\\|%2f|%5c/i)
    .some((segment) => /^(?:\.|%2e){1,2}$/i.test(segment));
}

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function mimeType(path: string): string {
  return MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers on every response of the app's scheme. */
export function responseHeaders(path: string): Record<string, string> {
  return {
    'content-type': mimeType(path),
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
  };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * The handler given to `protocol.handle`: serves files of `root`, falls back to index.html for an
 * extension-less path (a client-side route after a reload), and answers 404 for everything refused.
 */
export function createAssetHandler(root: string): (request: { url: string; method?: string }) => Promise<Response> {
  return async (request) => {
    const method = request.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405, headers: responseHeaders('x.txt') });
    }
    let path = resolveAssetPath(root, request.url);
    if (path !== null && !(await isFile(path)) && extname(path) === '') path = join(resolve(root), 'index.html');
    if (path === null || !(await isFile(path))) {
      return new Response('Not found', { status: 404, headers: responseHeaders('x.txt') });
    }
    const body = method === 'HEAD' ? null : new Uint8Array(await readFile(path));
    return new Response(body, { status: 200, headers: responseHeaders(path) });
  };
}
