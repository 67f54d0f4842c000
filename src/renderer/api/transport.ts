import type { HandlerName, PreloadApi } from '../../shared/ipc/contract';
import type { Envelope } from '../../shared/ipc/errors';
import type { CampoEventName, CampoEvents } from '../../shared/ipc/types';

/** How calls and events travel: Electron IPC or HTTP. Screens never see which. */
export interface Transport {
  call(name: HandlerName, args: unknown): Promise<Envelope<unknown>>;
  on<E extends CampoEventName>(event: E, listener: (payload: CampoEvents[E]) => void): () => void;
}

/** Electron: the preload's `window.campo`. */
export function ipcTransport(preload: PreloadApi): Transport {
  return {
    call: (name, args) => (preload[name] as (a: unknown) => Promise<Envelope<unknown>>)(args),
    on: (event, listener) => preload.on(event, listener),
  };
}

let leaving = false;

/**
 * Marks the page as being unloaded (pagehide, beforeunload) or shown again. While it is, browser
 * mode sends calls with `keepalive`, so the last saves reach the host after the page is gone.
 */
export function leavingPage(on: boolean): void {
  leaving = on;
}

/** Chromium refuses keepalive requests beyond 64 kB in flight. */
const KEEPALIVE_MAX_BODY = 60_000;

const unreachable: Envelope<unknown> = {
  ok: false,
  error: { code: 'HOST_UNREACHABLE', message: 'The Campo host does not answer' },
};

/** An id for this page: each tab is a window of its own (its undo history, others' changes). */
function newTabId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Browser mode: POST /rpc/<name> and a server-sent event stream, both with the run's token, and
 * the tab's own id (`X-Campo-Client`).
 */
export function httpTransport(
  token: string,
  fetchImpl: typeof fetch = fetch.bind(globalThis),
  tabId: string = newTabId(),
): Transport {
  const headers = {
    'Content-Type': 'application/json',
    'X-Campo-Token': token,
    'X-Campo-Client': tabId,
  };
  const listeners = new Map<string, Set<(payload: never) => void>>();
  let connected = false;

  const dispatchFrame = (frame: string) => {
    const event = /^event: (.+)$/m.exec(frame)?.[1];
    const data = /^data: (.+)$/m.exec(frame)?.[1];
    if (!event || data === undefined) return;
    for (const listener of listeners.get(event) ?? []) listener(JSON.parse(data) as never);
  };

  // EventSource cannot send headers; a streamed fetch keeps the token out of the URL.
  const connect = async (): Promise<void> => {
    connected = true;
    try {
      const response = await fetchImpl('/events', { headers });
      if (!response.ok || !response.body) throw new Error(`events: ${response.status}`);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        const frames = buffer.split('\n\n');
        buffer = frames.pop() ?? '';
        frames.forEach(dispatchFrame);
      }
    } catch {
      // The host went away or restarted: try again shortly.
    }
    setTimeout(() => void connect(), 1000);
  };

  return {
    async call(name, args) {
      const body = JSON.stringify(args);
      try {
        const response = await fetchImpl(`/rpc/${name}`, {
          method: 'POST',
          headers,
          body,
          keepalive: leaving && body.length < KEEPALIVE_MAX_BODY,
        });
        return (await response.json()) as Envelope<unknown>;
      } catch {
        return unreachable;
      }
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: never) => void);
      listeners.set(event, set);
      if (!connected) void connect();
      return () => set.delete(listener as (payload: never) => void);
    },
  };
}
