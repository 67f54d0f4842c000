/**
 * The Electron security settings, as plain data and pure checks so they are unit-tested in Node
 * (the Electron binary is not available everywhere). index.ts only applies them.
 */
import { isAppUrl } from './app-protocol';

/** webPreferences of every Campo window: isolated, sandboxed, no Node in the page. */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: true,
  } as const;
}

/**
 * Which requests the app's session lets through: the app's own files (`campo://app/`, never
 * `file:`), inline data, and — in development only — the local Vite server. Everything else (any
 * network address, any file on disk) is cancelled.
 */
export function isAllowedRequest(url: string, devServerUrl?: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (isAppUrl(url)) return true;
  if (['data:', 'blob:', 'devtools:'].includes(parsed.protocol)) return true;
  if (devServerUrl) {
    const dev = new URL(devServerUrl);
    const sameHost = parsed.hostname === dev.hostname && parsed.port === dev.port;
    if (sameHost && ['http:', 'ws:'].includes(parsed.protocol)) return true;
  }
  return false;
}

/**
 * True when an IPC message comes from the app's own page in its main frame: not from an iframe,
 * not from a page the window was somehow navigated to.
 */
export function isTrustedSenderUrl(
  frameUrl: string,
  isMainFrame: boolean,
  rendererEntry: string,
  devServerUrl?: string,
): boolean {
  if (!isMainFrame) return false;
  let url: URL;
  try {
    url = new URL(frameUrl);
  } catch {
    return false;
  }
  if (devServerUrl) return url.origin === new URL(devServerUrl).origin;
  const entry = new URL(rendererEntry);
  return (
    isAppUrl(frameUrl) &&
    entry.protocol === url.protocol &&
    entry.host === url.host &&
    url.pathname === entry.pathname
  );
}
