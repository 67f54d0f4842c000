import { connect } from 'node:net';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../../src/main/browser-host';
import { errorMessage } from '../../../src/shared/i18n';
import type { Envelope } from '../../../src/shared/ipc/errors';
import { DEFAULT_BODY_LIMIT } from '../../../src/shared/ipc/upload-limits';
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
  host = await startBrowserHost({
    rendererDir,
    configDir: join(root, 'config'),
    projectsDir: join(root, 'projects'),
  });
  return host;
}

/** Calls the host as the renderer does: fetch, keep-alive connections reused between calls. */
async function call(host: BrowserHost, name: string, body: string) {
  const response = await fetch(`http://127.0.0.1:${host.port}/rpc/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Campo-Token': host.token },
    body,
  });
  return { status: response.status, envelope: (await response.json()) as Envelope<unknown> };
}

/**
 * Two requests on one keep-alive socket, the first with a body far above the limit: returns the
 * raw answers (the second is empty when the host closed the connection after the first).
 */
function pipelined(host: BrowserHost, bodyBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(host.port, '127.0.0.1');
    const head = (length: number) =>
      `POST /rpc/appInfo HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n` +
      `X-Campo-Token: ${host.token}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${length}\r\nConnection: keep-alive\r\n\r\n`;
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
    socket.write(head(bodyBytes));
    const block = Buffer.alloc(1024 * 1024, 0x20);
    let sent = 0;
    const pump = () => {
      while (sent < bodyBytes) {
        const part = block.subarray(0, Math.min(block.length, bodyBytes - sent));
        sent += part.length;
        if (!socket.write(part)) return socket.once('drain', pump);
      }
      socket.write(`${head(2)}{}`);
      setTimeout(() => socket.end(), 500);
    };
    pump();
  });
}

describe('browser host: request size', () => {
  it('answers a too-large request with a clear 413 and closes that connection, so nothing after it breaks', async () => {
    const host = await start();
    const raw = await pipelined(host, DEFAULT_BODY_LIMIT + 5 * 1024 * 1024);
    expect(raw).toMatch(/^HTTP\/1\.1 413/);
    expect(raw).toMatch(/connection: close/i);
    // The bytes that followed the big body were never taken for a second request.
    expect(raw.match(/HTTP\/1\.1/g)).toHaveLength(1);
    const envelope = JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)) as Envelope<unknown>;
    expect(envelope).toMatchObject({ ok: false, error: { code: 'REQUEST_TOO_LARGE' } });

    // As the renderer sees it: the refusal in its language, then the next call just works.
    const big = await call(host, 'appInfo', `{"x":"${'a'.repeat(DEFAULT_BODY_LIMIT)}"}`);
    expect(big.status).toBe(413);
    expect(big.envelope.ok).toBe(false);
    if (!big.envelope.ok) {
      expect(errorMessage(big.envelope.error, 'en')).toMatch(
        /^The file is too large to upload \(25,0 MB\); the limit is 25,0 MB\./,
      );
      expect(errorMessage(big.envelope.error, 'it')).toMatch(/^Il file è troppo grande/);
    }
    const next = await call(host, 'appInfo', '{}');
    expect(next).toMatchObject({ status: 200, envelope: { ok: true } });
  });

  it('takes a file up to its cap, and names the cap for a larger one', async () => {
    const host = await start();
    const parentDir = await tempDir();
    const created = await call(
      host,
      'projectCreate',
      JSON.stringify({ name: 'Limiti', parentDir }),
    );
    expect(created.envelope.ok).toBe(true);
    // 19.5 MB of text: 26 MB as base64, above the old 25 MB body limit, within the 20 MB cap.
    const line = `INT-01: ${'Il bando è arrivato tardi, ma ha funzionato. '.repeat(6)}\n`;
    const text = line.repeat(Math.floor((19.5 * 1024 * 1024) / line.length));
    const data = Buffer.from(text).toString('base64');
    expect(data.length).toBeGreaterThan(DEFAULT_BODY_LIMIT);
    const read = await call(
      host,
      'transcriptRead',
      JSON.stringify({ fileName: 'lunga.txt', data }),
    );
    expect(read.envelope, JSON.stringify(read.envelope).slice(0, 300)).toMatchObject({
      ok: true,
      value: { format: 'txt' },
    });

    // A list just above its 10 MB cap passes the body limit and is refused by the importer…
    const list = (bytes: number) => Buffer.alloc(bytes, 0x61).toString('base64');
    const MB = 1024 * 1024;
    const over = await call(
      host,
      'participantsReadFile',
      JSON.stringify({ fileName: 'elenco.csv', data: list(10 * MB + 10_000) }),
    );
    expect(over.envelope).toMatchObject({
      ok: false,
      error: { code: 'FILE_TOO_LARGE', details: { file: 'elenco.csv', max: '10,0 MB' } },
    });
    // …and one far above it is refused before it is read, naming the same cap.
    const huge = await call(
      host,
      'participantsReadFile',
      JSON.stringify({ fileName: 'enorme.csv', data: list(11 * MB) }),
    );
    expect(huge).toMatchObject({
      status: 413,
      envelope: { ok: false, error: { code: 'REQUEST_TOO_LARGE', details: { max: '10,0 MB' } } },
    });
    expect((await call(host, 'appInfo', '{}')).envelope.ok).toBe(true);
  }, 60_000);
});
