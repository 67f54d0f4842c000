import { describe, expect, it } from 'vitest';
import { createApi } from '../../../src/renderer/api/client';
import { httpTransport, type Transport } from '../../../src/renderer/api/transport';
import { CampoError } from '../../../src/shared/ipc/errors';

const transport = (answer: unknown): Transport => ({
  call: async () => answer as never,
  on: () => () => undefined,
});

describe('api client', () => {
  it('resolves with the value and throws a CampoError with the code of the other side', async () => {
    expect(await createApi(transport({ ok: true, value: { version: '0.1.0' } })).appInfo()).toEqual(
      { version: '0.1.0' },
    );
    const error = await createApi(
      transport({
        ok: false,
        error: { code: 'PROJECT_LOCKED', message: 'x', details: { host: 'PC' } },
      }),
    )
      .projectOpen({ path: '/p' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CampoError);
    expect(error).toMatchObject({ code: 'PROJECT_LOCKED', details: { host: 'PC' } });
  });

  it('is not a thenable, so it can be returned from async code', async () => {
    const api = createApi(transport({ ok: true, value: null }));
    expect(await Promise.resolve(api)).toBe(api);
  });
});

describe('HTTP transport', () => {
  it('sends the token on every call and reports an unreachable host as such', async () => {
    const seen: Array<Record<string, string>> = [];
    const answering = httpTransport('tok', (async (_url: string, init: RequestInit) => {
      seen.push(init.headers as Record<string, string>);
      return new Response(JSON.stringify({ ok: true, value: 1 }));
    }) as typeof fetch);
    expect(await answering.call('appInfo', {})).toEqual({ ok: true, value: 1 });
    expect(seen[0]?.['X-Campo-Token']).toBe('tok');
    const gone = httpTransport('tok', (async () =>
      Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch);
    expect(await gone.call('appInfo', {})).toMatchObject({
      ok: false,
      error: { code: 'HOST_UNREACHABLE' },
    });
  });

  it('delivers server-sent events to their listeners, even when frames arrive split', async () => {
    const frames = [
      'event: saveState\ndata: {"state":"sav',
      'ed","at":"2026-11-24T10:42:00.000Z"}\n\nevent: projectClosed\ndata: {"reason":"closed"}\n\n',
    ];
    const fetchEvents = (async () =>
      new Response(
        new ReadableStream({
          start(controller) {
            for (const frame of frames) controller.enqueue(new TextEncoder().encode(frame));
          },
        }),
      )) as unknown as typeof fetch;
    const events = httpTransport('tok', fetchEvents);
    const received: unknown[] = [];
    events.on('saveState', (payload) => received.push(payload));
    events.on('projectClosed', (payload) => received.push(payload));
    await expect.poll(() => received.length).toBe(2);
    expect(received).toEqual([
      { state: 'saved', at: '2026-11-24T10:42:00.000Z' },
      { reason: 'closed' },
    ]);
  });
});
