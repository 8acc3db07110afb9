import { timingSafeEqual } from 'node:crypto';

/**
 * The web host's checks, as pure predicates (INTERFACES.md, "The web host"). Each returns the HTTP
 * status to refuse with, or null to let the request through.
 */

/** Only 127.0.0.1:PORT or localhost:PORT: a rebinding attacker's DNS name is refused. */
export function checkHost(host: string | undefined, port: number): 403 | null {
  if (!host) return 403;
  const allowed = [`127.0.0.1:${port}`, `localhost:${port}`];
  return allowed.includes(host.toLowerCase()) ? null : 403;
}

/** An Origin, when present, must be the host's own (a request without one, like curl's, is fine). */
export function checkOrigin(origin: string | undefined, port: number): 403 | null {
  if (origin === undefined) return null;
  const allowed = [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
  return allowed.includes(origin.toLowerCase()) ? null : 403;
}

export function checkToken(authorization: string | undefined, token: string): 401 | null {
  if (!authorization) return 401;
  const match = /^Bearer ([A-Za-z0-9_-]+)$/.exec(authorization.trim());
  if (!match) return 401;
  const given = Buffer.from(match[1]!);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected) ? null : 401;
}

/** A non-simple content type, so a cross-site form can never post a command. */
export function checkContentType(contentType: string | undefined): 415 | null {
  if (!contentType) return 415;
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
  return mediaType === 'application/json' ? null : 415;
}

/** A token of at least 32 characters from [A-Za-z0-9_-]. */
export function isValidToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{32,}$/.test(token);
}
