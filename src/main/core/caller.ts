/**
 * Who is calling the core: the window (Electron webContents) or browser tab a contract call came
 * from. Set by the hosts around each call and read where it matters (the undo history of that
 * window, the `projectChanged` event other windows must act on) without threading it through
 * every handler (STORE-V2 §3).
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface Caller {
  /** Stable for a window's lifetime: `w<webContentsId>` or the tab's own id. */
  clientId: string;
}

const storage = new AsyncLocalStorage<Caller>();

/** The id used for calls that come from no window (the command line, tests, the bench). */
export const LOCAL_CLIENT = 'local';

/** Client ids the hosts accept from a window: short, no separators. */
export function isClientId(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(value);
}

/** Runs `work` (and everything it awaits) as `caller`. */
export function runAsCaller<R>(caller: Caller, work: () => R): R {
  return storage.run(caller, work);
}

/** The client of the call being served. */
export function currentClient(): string {
  return storage.getStore()?.clientId ?? LOCAL_CLIENT;
}
