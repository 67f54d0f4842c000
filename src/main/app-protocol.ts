import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { contentSecurityPolicy } from '../shared/security/csp';

/**
 * The renderer is served from `campo://app/`, a privileged scheme of Campo's own, instead of
 * `file://` (Electron's security checklist: a page on file:// may read any file the user can,
 * and every file: URL would have to be allowed). Pure: index.ts registers it, tests call it.
 */

export const APP_SCHEME = 'campo';
export const APP_HOST = 'app';
/** The page every Campo window loads. */
export const APP_ENTRY = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * How the scheme is registered before the app is ready: standard (relative URLs and an origin),
 * secure (a secure context, like https), fetch allowed (the page loads its own modules).
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
} as const;

/** Content types of the files the renderer build holds (also used by browser mode). */
export const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** True for a URL of the app's own page or files (`campo://app/…`). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * The file of `rendererDir` a `campo://app/…` URL names, or null for any other URL, a
 * malformed one, or one that would leave the folder (`..`, encoded separators).
 */
export function appFilePath(url: string, rendererDir: string): string | null {
  if (!isAppUrl(url)) return null;
  let path: string;
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  const root = resolve(rendererDir);
  const file = normalize(join(root, path === '/' ? 'index.html' : path));
  return file.startsWith(root + sep) ? file : null;
}

/** Answers one request for `campo://app/…`: the file with its type, or 404. */
export async function serveAppRequest(url: string, rendererDir: string): Promise<Response> {
  const file = appFilePath(url, rendererDir);
  const content = file ? await readFile(file).catch(() => null) : null;
  if (!file || !content) return new Response('Not found', { status: 404 });
  return new Response(new Uint8Array(content), {
    status: 200,
    headers: {
      'Content-Type': MIME_TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': contentSecurityPolicy('production'),
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
