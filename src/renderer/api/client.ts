import type { CampoApi, HandlerName, PreloadApi } from '../../shared/ipc/contract';
import { CampoError } from '../../shared/ipc/errors';
import { noteCoreAnswer, noteCoreFailure } from './failures';
import { httpTransport, ipcTransport, type Transport } from './transport';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    campo?: PreloadApi;
  }
}

/** The typed api over a transport: resolves with results, throws CampoError. */
export function createApi(transport: Transport): CampoApi {
  return new Proxy({} as CampoApi, {
    get(_target, property) {
      if (property === 'on') return transport.on.bind(transport);
      // Not a thenable: `await api` must not call a handler named "then".
      if (typeof property !== 'string' || property === 'then') return undefined;
      return async (args?: unknown) => {
        const envelope = await transport
          .call(property as HandlerName, args ?? {})
          .catch((error: unknown) => {
            noteCoreFailure(null);
            throw error;
          });
        if (envelope.ok) {
          noteCoreAnswer();
          return envelope.value;
        }
        noteCoreFailure(envelope.error.code);
        throw CampoError.fromWire(envelope.error);
      };
    },
  });
}

const TOKEN_KEY = 'campo-token';

/**
 * Browser mode's token: taken from the address (#token=…) once, kept for the tab's lifetime,
 * and removed from the address bar so it is not bookmarked or shared by accident.
 */
export function takeToken(): string | null {
  const match = /token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

let current: CampoApi | null = null;

/** Picks Electron IPC when the preload is there, HTTP otherwise. Null without a token. */
export function initApi(): CampoApi | null {
  if (window.campo) current = createApi(ipcTransport(window.campo));
  else {
    const token = takeToken();
    current = token ? createApi(httpTransport(token)) : null;
    // Campo's new address (after a restart) pasted into this tab changes only the hash, which
    // loads nothing: start again with its token (what the tab remembers stays).
    window.addEventListener('hashchange', () => {
      if (/token=/.test(window.location.hash)) window.location.reload();
    });
  }
  return current;
}

/** The api for stores (after initApi). */
export function api(): CampoApi {
  if (!current) throw new Error('api not initialised');
  return current;
}
