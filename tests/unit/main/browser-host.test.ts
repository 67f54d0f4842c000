import { request } from 'node:http';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  startBrowserHost,
  startOnLastPort,
  type BrowserHost,
} from '../../../src/main/browser-host';
import { tempDir } from '../../helpers/temp-dir';

let host: BrowserHost | null = null;
afterEach(async () => {
  await host?.close();
  host = null;
});

async function start() {
  const root = await tempDir();
  const rendererDir = join(root, 'renderer');
  await mkdir(rendererDir, { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Campo</title>');
  await writeFile(join(root, 'secret.txt'), 'not for the browser');
  host = await startBrowserHost({
    rendererDir,
    configDir: join(root, 'config'),
    projectsDir: join(root, 'projects'),
  });
  return { host, root };
}

/** A raw HTTP request, so the test can send any Host header or path. */
function raw(
  port: number,
  options: { path: string; method?: string; headers?: Record<string, string>; body?: string },
) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method: options.method ?? 'GET',
          path: options.path,
          headers: options.headers,
        },
        (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      );
      req.on('error', reject);
      req.end(options.body);
    },
  );
}

describe('browser host', () => {
  it('listens on 127.0.0.1 only and puts the token in the fragment, not the path', async () => {
    const { host } = await start();
    const url = new URL(host.url);
    expect(url.hostname).toBe('127.0.0.1');
    expect(url.hash).toBe(`#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('serves the renderer with a CSP that allows no network source', async () => {
    const { host } = await start();
    const page = await raw(host.port, { path: '/', headers: { Host: `127.0.0.1:${host.port}` } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Campo</title>');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/https?:|\*/);
  });

  it('refuses calls without the token, and answers with it', async () => {
    const { host } = await start();
    const headers = { Host: `127.0.0.1:${host.port}`, 'Content-Type': 'application/json' };
    const none = await raw(host.port, {
      path: '/rpc/appInfo',
      method: 'POST',
      headers,
      body: '{}',
    });
    expect(none.status).toBe(401);
    const wrong = await raw(host.port, {
      path: '/rpc/appInfo',
      method: 'POST',
      headers: { ...headers, 'X-Campo-Token': 'x'.repeat(32) },
      body: '{}',
    });
    expect(wrong.status).toBe(401);
    const right = await raw(host.port, {
      path: '/rpc/appInfo',
      method: 'POST',
      headers: { ...headers, 'X-Campo-Token': host.token },
      body: '{}',
    });
    expect(JSON.parse(right.body)).toMatchObject({
      ok: true,
      value: { host: 'browser', nativeDialogs: false },
    });
  });

  it('refuses another Host (DNS rebinding) and a foreign Origin', async () => {
    const { host } = await start();
    const rebinding = await raw(host.port, {
      path: '/',
      headers: { Host: `evil.example:${host.port}` },
    });
    expect(rebinding.status).toBe(421);
    const foreign = await raw(host.port, {
      path: '/rpc/appInfo',
      method: 'POST',
      headers: {
        Host: `127.0.0.1:${host.port}`,
        Origin: 'https://evil.example',
        'X-Campo-Token': host.token,
      },
      body: '{}',
    });
    expect(foreign.status).toBe(403);
  });

  it('never serves a file outside the renderer folder', async () => {
    const { host } = await start();
    for (const path of ['/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt']) {
      const response = await raw(host.port, { path, headers: { Host: `127.0.0.1:${host.port}` } });
      expect(response.status, path).toBe(404);
      expect(response.body).not.toContain('not for the browser');
    }
    // A malformed escape is refused, and the host keeps answering.
    const headers = { Host: `127.0.0.1:${host.port}`, 'X-Campo-Token': host.token };
    expect((await raw(host.port, { path: '/%E0%A4%A', headers })).status).toBe(400);
    const rpc = await raw(host.port, {
      path: '/rpc/%E0%A4%A',
      method: 'POST',
      headers,
      body: '{}',
    });
    expect(JSON.parse(rpc.body)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await raw(host.port, { path: '/', headers })).status).toBe(200);
  });

  it('pushes save events to the page', async () => {
    const { host, root } = await start();
    const base = `http://127.0.0.1:${host.port}`;
    const headers = { 'Content-Type': 'application/json', 'X-Campo-Token': host.token };
    const controller = new AbortController();
    const events = await fetch(`${base}/events`, { headers, signal: controller.signal });
    const reader = events.body!.pipeThrough(new TextDecoderStream()).getReader();
    await fetch(`${base}/rpc/projectCreate`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'Eventi', parentDir: join(root, 'projects') }),
    });
    await fetch(`${base}/rpc/questionAdd`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ text: 'Domanda?' }),
    });
    let received = '';
    while (!received.includes('"state":"saved"')) received += (await reader.read()).value ?? '';
    expect(received).toContain('event: saveState');
    controller.abort();
  });
});

describe('starting again', () => {
  it('listens on the port of the last start, so an open tab keeps its origin and what it remembers', async () => {
    const root = await tempDir();
    const rendererDir = join(root, 'renderer');
    await mkdir(rendererDir, { recursive: true });
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Campo</title>');
    const options = { rendererDir, configDir: join(root, 'config'), projectsDir: join(root, 'p') };
    const first = await startOnLastPort(options);
    const port = new URL(first.url).port;
    await first.close();
    host = await startOnLastPort(options);
    expect(new URL(host.url).port).toBe(port);
    // A new token all the same: the old address no longer opens Campo.
    expect(host.url).not.toBe(first.url);
    // Taken by another program meanwhile: any free port.
    const other = await startOnLastPort(options).catch((error: unknown) => error);
    expect(new URL((other as BrowserHost).url).port).not.toBe(port);
    await (other as BrowserHost).close();
  });
});
