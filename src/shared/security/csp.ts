/**
 * The renderer's Content-Security-Policy. Campo is offline by construction: no source outside the
 * app itself is allowed, so a stray `fetch('https://…')` or remote image fails in both hosts.
 * `connect-src 'self'` is what lets browser mode reach its own 127.0.0.1 host; in Electron the page
 * is served from campo://app/ (see src/main/app-protocol.ts) and 'self' reaches nothing else.
 */
export function contentSecurityPolicy(mode: 'production' | 'dev'): string {
  const directives: Record<string, string> = {
    'default-src': "'none'",
    'script-src': "'self'",
    'style-src': "'self'",
    'img-src': "'self' data: blob:",
    'font-src': "'self'",
    'media-src': "'self' blob:",
    'connect-src': "'self'",
    'worker-src': "'self' blob:",
    'base-uri': "'none'",
    'form-action': "'none'",
    'object-src': "'none'",
  };
  if (mode === 'dev') {
    // Vite's dev server injects inline styles and talks to its HMR websocket on localhost only.
    directives['style-src'] = "'self' 'unsafe-inline'";
    directives['connect-src'] = "'self' ws://localhost:* http://localhost:*";
  }
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}
