import { describe, expect, it } from 'vitest';
import { checkContentType, checkHost, checkOrigin, checkToken, isValidToken } from './guards';

describe('web host guards', () => {
  it('accepts only 127.0.0.1:PORT and localhost:PORT as Host', () => {
    expect(checkHost('127.0.0.1:4317', 4317)).toBeNull();
    expect(checkHost('localhost:4317', 4317)).toBeNull();
    expect(checkHost('evil.example:4317', 4317)).toBe(403);
    expect(checkHost('127.0.0.1:9999', 4317)).toBe(403);
    expect(checkHost(undefined, 4317)).toBe(403);
  });

  it('accepts a missing Origin or the host’s own, nothing else', () => {
    expect(checkOrigin(undefined, 80)).toBeNull();
    expect(checkOrigin('http://127.0.0.1:80', 80)).toBeNull();
    expect(checkOrigin('http://localhost:80', 80)).toBeNull();
    expect(checkOrigin('https://evil.example', 80)).toBe(403);
    expect(checkOrigin('null', 80)).toBe(403);
  });

  it('requires the exact bearer token', () => {
    const token = 'a'.repeat(43);
    expect(checkToken(`Bearer ${token}`, token)).toBeNull();
    expect(checkToken(`Bearer ${'b'.repeat(43)}`, token)).toBe(401);
    expect(checkToken(`Bearer ${token}x`, token)).toBe(401);
    expect(checkToken(token, token)).toBe(401);
    expect(checkToken(undefined, token)).toBe(401);
  });

  it('takes only application/json bodies', () => {
    expect(checkContentType('application/json')).toBeNull();
    expect(checkContentType('application/json; charset=utf-8')).toBeNull();
    expect(checkContentType('text/plain')).toBe(415);
    expect(checkContentType('application/x-www-form-urlencoded')).toBe(415);
    expect(checkContentType(undefined)).toBe(415);
  });

  it('knows a valid token', () => {
    expect(isValidToken('A'.repeat(32))).toBe(true);
    expect(isValidToken('short')).toBe(false);
    expect(isValidToken(`${'a'.repeat(32)}!`)).toBe(false);
  });
});
