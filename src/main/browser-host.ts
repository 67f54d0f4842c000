/**
 * Browser mode: serves the built renderer and the contract on 127.0.0.1, for machines where the
 * Electron binary is missing and for the end-to-end tests. Every call needs the per-run token;
 * requests naming another Host (DNS rebinding) or Origin are refused.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CampoEventName, CampoEvents } from '../shared/ipc/types';
import { requestBodyLimit, uploadCap } from '../shared/ipc/upload-limits';
import { contentSecurityPolicy } from '../shared/security/csp';
import { MIME_TYPES } from './app-protocol';
import { isClientId } from './core/caller';
import { dispatch } from './core/dispatch';
import { createCore } from './core/handlers';
import { describeSize } from './core/import/limits';
import { createLogger } from './core/logger';
import { defaultConfigDir, defaultProjectsDir, findResourcesDir } from './core/paths';
import { SettingsStore } from './core/settings';

/**
 * How much of a too-large body is read and thrown away so that the browser gets the 413 answer
 * (a browser still sending cannot read an answer on a connection closed under it); past this
 * the connection is cut.
 */
const DRAIN_LIMIT = 1024 * 1024 * 1024;

export interface BrowserHostOptions {
  port?: number;
  rendererDir?: string;
  configDir?: string;
  projectsDir?: string;
  token?: string;
}

export interface BrowserHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function securityHeaders(response: ServerResponse): void {
  response.setHeader(
    'Content-Security-Policy',
    `${contentSecurityPolicy('production')}; frame-ancestors 'none'`,
  );
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  response.setHeader('Cache-Control', 'no-store');
}

/** A percent-decoded path, or null for a malformed one (which must not crash the host). */
function safeDecode(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

function send(
  response: ServerResponse,
  status: number,
  body: string,
  type = 'text/plain; charset=utf-8',
): void {
  response.writeHead(status, { 'Content-Type': type });
  response.end(body);
}

/**
 * The body, or its size when it passes `limit`: then it is read to its end and dropped, so the
 * connection is left clean for the 413 answer (which also closes it).
 */
async function readBody(
  request: IncomingMessage,
  limit: number,
): Promise<{ text: string } | { tooLarge: number }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > DRAIN_LIMIT) {
      request.socket.destroy();
      return { tooLarge: size };
    }
    if (size <= limit) chunks.push(chunk);
    else chunks.length = 0;
  }
  return size > limit ? { tooLarge: size } : { text: Buffer.concat(chunks).toString('utf8') };
}

/**
 * 413 as an envelope the renderer shows in the user's language, with the file size and the cap
 * in file terms (an upload travels as base64, a third larger). The connection is closed.
 */
function sendTooLarge(response: ServerResponse, handler: string, size: number, limit: number) {
  const cap = uploadCap(handler);
  const envelope = {
    ok: false,
    error: {
      code: 'REQUEST_TOO_LARGE',
      message: 'Request too large',
      details: {
        size: describeSize(cap === null ? size : Math.round((size * 3) / 4)),
        max: describeSize(cap ?? limit),
      },
    },
  };
  const body = JSON.stringify(envelope);
  response.writeHead(413, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
    Connection: 'close',
  });
  response.end(body);
}

/** Starts browser mode; resolves once it listens. */
export async function startBrowserHost(options: BrowserHostOptions = {}): Promise<BrowserHost> {
  const rendererDir = resolve(
    options.rendererDir ?? join(findResourcesDir(), '..', 'out', 'renderer'),
  );
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`The renderer is not built (${rendererDir}). Run: npm run build`);
  }
  const configDir = options.configDir ?? defaultConfigDir();
  const token = options.token ?? randomBytes(24).toString('base64url');
  const tokenBytes = Buffer.from(token);
  const streams = new Set<ServerResponse>();
  const logger = createLogger(configDir);
  const core = createCore({
    host: 'browser',
    settings: await SettingsStore.load(configDir),
    defaultProjectsDir: options.projectsDir ?? defaultProjectsDir(),
    resourcesDir: findResourcesDir(),
    logger,
    emit<E extends CampoEventName>(event: E, payload: CampoEvents[E]) {
      const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const stream of streams) stream.write(frame);
    },
  });

  let origin = '';
  const authorised = (request: IncomingMessage): boolean => {
    const given = Buffer.from(String(request.headers['x-campo-token'] ?? ''));
    return given.length === tokenBytes.length && timingSafeEqual(given, tokenBytes);
  };

  const server = createServer((request, response) => {
    securityHeaders(response);
    const host = request.headers.host ?? '';
    if (host !== new URL(origin).host && host !== `localhost:${new URL(origin).port}`) {
      send(response, 421, 'Misdirected request');
      return;
    }
    if (
      request.headers.origin &&
      request.headers.origin !== origin &&
      request.headers.origin !== `http://${host}`
    ) {
      send(response, 403, 'Forbidden origin');
      return;
    }
    const url = new URL(request.url ?? '/', origin);
    if (url.pathname.startsWith('/rpc/') || url.pathname === '/events') {
      if (!authorised(request)) {
        send(
          response,
          401,
          JSON.stringify({
            ok: false,
            error: { code: 'UNAUTHORIZED', message: 'Missing or wrong token' },
          }),
          'application/json',
        );
        return;
      }
      if (url.pathname === '/events') {
        response.writeHead(200, { 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
        response.write(': connected\n\n');
        streams.add(response);
        const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), 25_000);
        request.on('close', () => {
          clearInterval(keepAlive);
          streams.delete(response);
        });
        return;
      }
      if (request.method !== 'POST') return send(response, 405, 'POST only');
      const handler = safeDecode(url.pathname.slice(5)) ?? '';
      const limit = requestBodyLimit(handler);
      void readBody(request, limit)
        .then(async (body) => {
          if ('tooLarge' in body) return sendTooLarge(response, handler, body.tooLarge, limit);
          let args: unknown;
          try {
            args = body.text === '' ? {} : (JSON.parse(body.text) as unknown);
          } catch {
            return send(
              response,
              400,
              JSON.stringify({
                ok: false,
                error: { code: 'VALIDATION', message: 'Body is not JSON' },
              }),
              'application/json',
            );
          }
          // Each tab sends its own id: its own undo history, and it is told of others' changes.
          const client = request.headers['x-campo-client'];
          const envelope = await dispatch(core.handlers, handler, args, logger, {
            clientId: isClientId(client) ? `t${client}` : 'tab',
          });
          send(response, 200, JSON.stringify(envelope), 'application/json');
        })
        .catch((error: unknown) => {
          void logger.error('browser host request failed', error);
          if (!response.headersSent) send(response, 500, 'Internal error');
        });
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return send(response, 405, 'Method not allowed');
    // Static renderer files; anything outside rendererDir is refused.
    const relative = url.pathname === '/' ? 'index.html' : safeDecode(url.pathname.slice(1));
    if (relative === null) return send(response, 400, 'Bad request');
    const file = normalize(join(rendererDir, relative));
    if (!file.startsWith(rendererDir + sep)) return send(response, 404, 'Not found');
    void readFile(file).then(
      (content) => {
        response.writeHead(200, {
          'Content-Type': MIME_TYPES[extname(file)] ?? 'application/octet-stream',
        });
        response.end(request.method === 'HEAD' ? undefined : content);
      },
      () => send(response, 404, 'Not found'),
    );
  });

  // Node closes an idle connection after 5 s; a browser reusing it at that moment gets an error
  // for a POST it will not retry ("the host does not answer"). Browsers keep them far longer.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => ready());
  }).catch(async (error: unknown) => {
    await core.shutdown();
    throw error;
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/#token=${token}`,
    port,
    token,
    async close() {
      for (const stream of streams) stream.end();
      await core.shutdown();
      const closed = new Promise<void>((done) => server.close(() => done()));
      // Idle keep-alive connections would otherwise hold the close for seconds.
      server.closeAllConnections();
      await closed;
    },
  };
}

/**
 * Starts browser mode on the port the last start used (noted in the config folder), else on any
 * free one. The same port is the same origin for the browser: a tab open on Campo keeps what it
 * remembers (text not yet saved) when Campo is started again and the new address is opened in
 * that tab. A port given in `options` is used as given.
 */
export async function startOnLastPort(options: BrowserHostOptions = {}): Promise<BrowserHost> {
  if (options.port) return startBrowserHost(options);
  const configDir = options.configDir ?? defaultConfigDir();
  const noted = join(configDir, 'browser-port');
  const last = Number((await readFile(noted, 'utf8').catch(() => '')).trim());
  const host = await (Number.isInteger(last) && last > 1024 && last < 65536
    ? startBrowserHost({ ...options, port: last }).catch(() =>
        startBrowserHost({ ...options, port: 0 }),
      )
    : startBrowserHost({ ...options, port: 0 }));
  await mkdir(configDir, { recursive: true })
    .then(() => writeFile(noted, new URL(host.url).port))
    .catch(() => undefined);
  return host;
}

/** `tsx src/main/browser-host.ts [--port N]`: start and print the address. */
async function main(): Promise<void> {
  const portFlag = process.argv.indexOf('--port');
  const port =
    portFlag > 0 ? Number(process.argv[portFlag + 1]) : Number(process.env.CAMPO_PORT ?? 0);
  // Port 0 (the default): the port of the last start, else any free one.
  const host = await startOnLastPort({ port });
  console.log(`Campo (modalità browser / browser mode): ${host.url}`);
  console.log(
    'Apri questo indirizzo nel browser. Ctrl+C per chiudere. / Open this address in your browser.',
  );
  const stop = () => void host.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(`Campo: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
