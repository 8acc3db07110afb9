import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  BODY_LIMIT_BYTES,
  commands,
  fail,
  FILE_BODY_LIMIT_BYTES,
  isCommandName,
  type ErrorCode,
} from '../shared/contract';
import type { Dispatch } from '../core/rpc/dispatch';
import { checkContentType, checkHost, checkOrigin, checkToken } from './guards';
import { CONTENT_SECURITY_POLICY, readStaticFile } from './static';

export interface WebHostOptions {
  port: number;
  dispatch: Dispatch;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  token?: string;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  server: Server;
  close(): Promise<void>;
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The web host: the same renderer and the same dispatch as the desktop app, over loopback HTTP.
 * Listens on 127.0.0.1 only; every command is a POST to /api/<name> behind the guards.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? newToken();
  let port = options.port;
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendError(res, 500, 'internal', `The web host failed: ${(error as Error).message}`);
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const hostStatus = checkHost(req.headers.host, port);
    if (hostStatus) return sendError(res, hostStatus, 'bad_input', 'This host name is not allowed.');

    if (url.pathname === '/readyz') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      res.end('ready\n');
      return;
    }
    if (url.pathname.startsWith('/api/')) return handleCommand(req, res, url.pathname.slice('/api/'.length));
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'bad_input', 'Only GET is allowed here.');
    const file = await readStaticFile(options.rendererDir, url.pathname);
    if (!file) return sendError(res, 404, 'not_found', 'No such file.');
    res.writeHead(200, {
      'content-type': file.contentType,
      'content-length': file.body.length,
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  async function handleCommand(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    if (req.method !== 'POST') return sendError(res, 405, 'bad_input', 'Commands are POST requests.');
    const originStatus = checkOrigin(req.headers.origin, port);
    if (originStatus) return sendError(res, originStatus, 'bad_input', 'Requests from other origins are refused.');
    const tokenStatus = checkToken(req.headers.authorization, token);
    if (tokenStatus) return sendError(res, tokenStatus, 'bad_input', 'A valid bearer token is required.');
    const typeStatus = checkContentType(req.headers['content-type']);
    if (typeStatus) return sendError(res, typeStatus, 'bad_input', 'Commands take Content-Type: application/json.');
    if (!isCommandName(name)) return sendError(res, 404, 'unknown_command', `There is no command named "${name}".`);

    const spec = commands[name] as { carriesFile?: boolean };
    const limit = spec.carriesFile ? FILE_BODY_LIMIT_BYTES : BODY_LIMIT_BYTES;
    const body = await readBody(req, limit);
    if (body === 'too_large') {
      return sendError(res, 413, 'too_large', `The request body is over the limit of ${limit / (1024 * 1024)} MB.`);
    }
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      return sendError(res, 400, 'bad_input', 'The request body is not valid JSON.');
    }
    sendJson(res, 200, await options.dispatch(name, input));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Reads the body, refusing (without buffering the rest) as soon as it passes the limit. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too_large'> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.resolve('too_large');
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > limit) {
        refused = true;
        resolve('too_large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!refused) resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
}

function sendError(res: ServerResponse, status: number, code: ErrorCode, message: string): void {
  sendJson(res, status, fail(code, message));
}
