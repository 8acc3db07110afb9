import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../core/clock';
import { openHostCollection, type HostCollection } from '../core/rpc/host';
import { startWebHost, type WebHost } from './http-host';

let dataDir: string;
let host: HostCollection;
let web: WebHost;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'lectern-web-'));
  host = openHostCollection({ dataDir, clock: systemClock, resourcesDir: resolve(__dirname, '../../resources') });
  const rendererDir = mkdtempSync(join(tmpdir(), 'lectern-renderer-'));
  web = await startWebHost({ port: 0, dispatch: host.dispatch, rendererDir });
});
afterAll(async () => {
  await web.close();
  host.collection.close();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Sent {
  status: number;
  body: string;
}

function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Sent> {
  return new Promise((resolvePromise, reject) => {
    const req = request(
      { host: '127.0.0.1', port: web.port, path, method: options.method ?? 'POST', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolvePromise({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const good = () => ({ authorization: `Bearer ${web.token}`, 'content-type': 'application/json' });
const dbState = () =>
  JSON.stringify(['articles', 'presets', 'collection_settings'].map((t) => host.collection.db.prepare(`SELECT * FROM ${t}`).all()));

describe('the web host', () => {
  it('prints an address with a token of at least 32 URL-safe characters on 127.0.0.1', () => {
    expect(web.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{32,}$/);
    expect(web.server.address()).toMatchObject({ address: '127.0.0.1' });
  });

  it('answers /readyz without a token', async () => {
    expect((await send('/readyz', { method: 'GET' })).status).toBe(200);
  });

  it('runs a command posted with the token and answers the envelope', async () => {
    const res = await send('/api/library.list', { headers: good(), body: '{}' });
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body) as { ok: boolean; data: { articles: unknown[] } };
    expect(body.ok).toBe(true);
    expect(body.data.articles).toHaveLength(1);
  });

  it('answers a domain refusal as 200 with ok:false', async () => {
    const res = await send('/api/library.list', { headers: good(), body: '{"unexpected":1}' });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'bad_input' } });
  });

  const refusals: [string, string, { headers: () => Record<string, string>; body?: string | Buffer }, number][] = [
    ['a missing token', '/api/collection.info', { headers: () => ({ 'content-type': 'application/json' }), body: '{}' }, 401],
    ['a wrong token', '/api/collection.info', { headers: () => ({ ...good(), authorization: `Bearer ${'x'.repeat(43)}` }), body: '{}' }, 401],
    ['a foreign Host', '/api/collection.info', { headers: () => ({ ...good(), host: 'evil.example' }), body: '{}' }, 403],
    ['a foreign Origin', '/api/collection.info', { headers: () => ({ ...good(), origin: 'https://evil.example' }), body: '{}' }, 403],
    ['a plain-text content type', '/api/collection.info', { headers: () => ({ ...good(), 'content-type': 'text/plain' }), body: '{}' }, 415],
    ['an unknown command', '/api/collection.drop', { headers: good, body: '{}' }, 404],
    ['an oversize body', '/api/library.list', { headers: good, body: Buffer.alloc(1024 * 1024 + 10, 32) }, 413],
    ['malformed JSON', '/api/library.list', { headers: good, body: '{"a":' }, 400],
  ];

  it.each(refusals)('refuses %s before dispatch and changes nothing', async (_what, path, options, status) => {
    // Headers are built when the case runs, once the host (and its token) exists.
    const before = dbState();
    const res = await send(path, { headers: options.headers(), body: options.body });
    expect(res.status).toBe(status);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false });
    expect(dbState()).toBe(before);
  });

  it('serves no file outside the renderer folder', async () => {
    expect((await send('/%2e%2e/%2e%2e/etc/passwd', { method: 'GET' })).status).toBe(404);
  });
});
