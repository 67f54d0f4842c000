import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  isAllowedRequest,
  isTrustedSenderUrl,
  secureWebPreferences,
} from '../../../src/main/security';
import { contentSecurityPolicy } from '../../../src/shared/security/csp';

const root = join(import.meta.dirname, '..', '..', '..');

describe('Electron security settings', () => {
  it('isolate and sandbox the page, with no Node integration anywhere', () => {
    const prefs = secureWebPreferences('/app/out/preload/index.cjs');
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(prefs.preload.endsWith('.cjs')).toBe(true);
  });

  it('let no request reach the network', () => {
    expect(isAllowedRequest('campo://app/assets/index.js')).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AAAA')).toBe(true);
    for (const url of [
      'file:///app/out/renderer/assets/index.js',
      'file:///etc/passwd',
      'campo://elsewhere/x.js',
      'chrome-extension://abc/x.js',
      'https://example.com/x.js',
      'http://127.0.0.1:5173/',
      'ws://localhost:5173',
      'ftp://x',
      'not a url',
    ]) {
      expect(isAllowedRequest(url), url).toBe(false);
    }
    // Development only: the local Vite server, nothing else.
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', 'http://localhost:5173')).toBe(
      true,
    );
    expect(isAllowedRequest('https://cdn.example/x.js', 'http://localhost:5173')).toBe(false);
  });

  it('accept IPC only from the app page in its main frame', () => {
    const entry = 'campo://app/index.html';
    expect(isTrustedSenderUrl(entry, true, entry)).toBe(true);
    expect(isTrustedSenderUrl(entry, false, entry)).toBe(false);
    expect(isTrustedSenderUrl('campo://app/other.html', true, entry)).toBe(false);
    expect(isTrustedSenderUrl('file:///app/out/renderer/index.html', true, entry)).toBe(false);
    expect(isTrustedSenderUrl('file:///tmp/evil.html', true, entry)).toBe(false);
    expect(isTrustedSenderUrl('https://example.com/', true, entry)).toBe(false);
    expect(isTrustedSenderUrl('http://localhost:5173/', true, entry, 'http://localhost:5173')).toBe(
      true,
    );
  });

  it('give the renderer a CSP with no network source, in the page itself', () => {
    const csp = contentSecurityPolicy('production');
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/https?:|wss?:|\*|unsafe-eval|unsafe-inline/);
    const html = readFileSync(join(root, 'src', 'renderer', 'index.html'), 'utf8');
    expect(html).toContain('<!--CSP-->');
    const config = readFileSync(join(root, 'electron.vite.config.ts'), 'utf8');
    expect(config).toContain('contentSecurityPolicy(');
  });

  it('expose one function per contract entry in the preload, never ipcRenderer', () => {
    const preload = readFileSync(join(root, 'src', 'preload', 'index.ts'), 'utf8');
    expect(preload).toContain("contextBridge.exposeInMainWorld('campo', api)");
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
    expect(preload).toContain('satisfies PreloadApi');
  });
});
