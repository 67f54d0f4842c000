import { describe, expect, it, vi } from 'vitest';
import { HANDLER_NAMES } from '../../../src/shared/ipc/contract';
import { channelOf } from '../../../src/shared/ipc/channels';
import { secureWebPreferences } from '../../../src/main/security';
import { tempDir } from '../../helpers/temp-dir';

/**
 * src/main/index.ts run against a fake `electron` module: the binary cannot be downloaded on
 * this machine, but the choices the main process makes (window options, permissions, request
 * blocking, sender checks, menu) are plain calls that can be recorded and checked.
 */
const fake = vi.hoisted(() => {
  const recorded = {
    windows: [] as Array<{
      options: Record<string, unknown>;
      loaded: string[];
      sent: Array<[string, unknown]>;
      mainFrame: { url: string };
    }>,
    handlers: new Map<string, (event: unknown, args: unknown) => Promise<unknown>>(),
    appEvents: new Map<string, (...args: unknown[]) => void>(),
    permissionRequest: null as null | ((c: unknown, p: string, cb: (ok: boolean) => void) => void),
    permissionCheck: null as null | (() => boolean),
    beforeRequest: null as
      null | ((details: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
    menu: null as null | {
      template: Array<{ label: string; submenu: Array<{ label?: string; click?: () => void }> }>;
    },
    userData: '',
    privileged: [] as unknown[],
    protocols: new Map<string, (request: { url: string }) => Promise<Response>>(),
    forked: [] as Array<{ script: string; options: Record<string, unknown> }>,
  };
  return recorded;
});

vi.mock('electron', () => {
  class BrowserWindow {
    webContents: { send: (c: string, p: unknown) => void; mainFrame: { url: string } };
    constructor(options: Record<string, unknown>) {
      const record = {
        options,
        loaded: [] as string[],
        sent: [] as Array<[string, unknown]>,
        mainFrame: { url: '' },
      };
      fake.windows.push(record);
      this.webContents = {
        send: (channel, payload) => record.sent.push([channel, payload]),
        mainFrame: record.mainFrame,
      };
      this.loadURL = async (url: string) => {
        record.loaded.push(url);
        record.mainFrame.url = url;
      };
    }
    loadURL: (url: string) => Promise<void>;
    once() {}
    isDestroyed() {
      return false;
    }
    isMinimized() {
      return false;
    }
  }
  return {
    app: {
      isPackaged: false,
      requestSingleInstanceLock: () => true,
      enableSandbox: () => undefined,
      on: (event: string, listener: (...args: unknown[]) => void) =>
        fake.appEvents.set(event, listener),
      whenReady: () => Promise.resolve(),
      getPath: () => fake.userData,
      quit: () => undefined,
    },
    BrowserWindow,
    dialog: { showOpenDialog: async () => ({ canceled: true, filePaths: [] }) },
    Menu: {
      buildFromTemplate: (template: unknown) => ({ template }),
      setApplicationMenu: (menu: typeof fake.menu) => (fake.menu = menu),
    },
    powerMonitor: { on: () => undefined },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => fake.privileged.push(...schemes),
      handle: (scheme: string, handler: (request: { url: string }) => Promise<Response>) =>
        fake.protocols.set(scheme, handler),
    },
    utilityProcess: {
      fork: (script: string, _args: string[], options: Record<string, unknown>) => {
        fake.forked.push({ script, options });
        return {
          on: () => undefined,
          once: () => undefined,
          postMessage: () => undefined,
          kill: () => true,
          stderr: null,
        };
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: typeof fake.permissionRequest) =>
          (fake.permissionRequest = handler),
        setPermissionCheckHandler: (handler: typeof fake.permissionCheck) =>
          (fake.permissionCheck = handler),
        webRequest: {
          onBeforeRequest: (handler: typeof fake.beforeRequest) => (fake.beforeRequest = handler),
        },
      },
    },
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, args: unknown) => Promise<unknown>) =>
        fake.handlers.set(channel, handler),
    },
  };
});

async function startMain() {
  fake.userData = await tempDir();
  vi.stubEnv('CAMPO_PROJECTS_DIR', await tempDir());
  await import('../../../src/main/index');
  await vi.waitFor(() => expect(fake.windows[0]?.loaded.length).toBe(1));
  return fake.windows[0]!;
}

describe('Electron main process (with a fake electron module)', () => {
  it('opens one secure window, denies permissions, blocks the network and registers every handler', async () => {
    const window = await startMain();
    expect(window.options.webPreferences as Record<string, unknown>).toEqual(
      secureWebPreferences((window.options.webPreferences as { preload: string }).preload),
    );
    expect(window.loaded[0]).toBe('campo://app/index.html');
    expect(fake.privileged).toEqual([
      expect.objectContaining({
        scheme: 'campo',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ]);
    // The page and its files come from campo://app/, and nothing outside the renderer folder.
    const serve = fake.protocols.get('campo')!;
    const page = await serve({ url: 'campo://app/index.html' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('<div id="root">');
    for (const url of [
      'campo://app/%2e%2e/%2e%2e/package.json',
      'campo://app/..%2f..%2fpackage.json',
      'campo://other/index.html',
      'campo://app/missing.js',
    ]) {
      expect((await serve({ url })).status, url).toBe(404);
    }

    let granted: boolean | null = null;
    fake.permissionRequest!({}, 'media', (ok) => (granted = ok));
    expect(granted).toBe(false);
    expect(fake.permissionCheck!()).toBe(false);
    const verdict = (url: string) => {
      let cancel = false;
      fake.beforeRequest!({ url }, (result) => (cancel = result.cancel));
      return cancel;
    };
    expect(verdict('https://example.com/')).toBe(true);
    expect(verdict(window.loaded[0]!)).toBe(false);
    expect(verdict('file:///etc/passwd')).toBe(true);

    for (const name of HANDLER_NAMES) expect(fake.handlers.has(channelOf(name)), name).toBe(true);
  });

  it('answers IPC only from the app page and blocks navigation and new windows', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const window = await startMain();
    const appInfo = fake.handlers.get(channelOf('appInfo'))!;
    // The sender must be the window's main frame showing the app page.
    expect(await appInfo({ senderFrame: window.mainFrame }, {})).toMatchObject({
      ok: true,
      value: { host: 'electron' },
    });
    const iframe = { url: window.mainFrame.url };
    expect(await appInfo({ senderFrame: iframe }, {})).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHORIZED' },
    });
    const stranger = await appInfo({ senderFrame: { url: 'https://evil.example/' } }, {});
    expect(stranger).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    const badArgs = await fake.handlers.get(channelOf('projectOpen'))!(
      { senderFrame: window.mainFrame },
      { path: 7 },
    );
    expect(badArgs).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

    const created = fake.appEvents.get('web-contents-created')!;
    const contentsEvents = new Map<string, (event: { preventDefault(): void }) => void>();
    let openHandler: (() => { action: string }) | null = null;
    created(
      {},
      {
        on: (event: string, listener: (event: { preventDefault(): void }) => void) =>
          contentsEvents.set(event, listener),
        setWindowOpenHandler: (handler: () => { action: string }) => (openHandler = handler),
      },
    );
    let prevented = false;
    contentsEvents.get('will-navigate')!({ preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    expect(openHandler!()).toEqual({ action: 'deny' });
  });

  it('reads picked files in Electron utility processes with a heap limit (RunAsNode is off)', async () => {
    await startMain();
    const { utilityProcessLauncher } = await import('../../../src/main/parser-launcher');
    const parser = utilityProcessLauncher('/app/out/main/parser-child.js')({ memoryMb: 512 });
    expect(fake.forked.at(-1)).toEqual({
      script: '/app/out/main/parser-child.js',
      options: expect.objectContaining({ execArgv: ['--max-old-space-size=512'] }),
    });
    expect(typeof parser.send).toBe('function');
  });

  it('builds the menu in the user’s language; its items send commands to the page', async () => {
    const window = await startMain();
    const file = fake.menu!.template[0]!;
    expect(file.label).toBe('File');
    const demo = file.submenu.find((item) => item.label === 'Apri il progetto dimostrativo');
    demo!.click!();
    expect(window.sent).toContainEqual([
      'campo-event:menuCommand',
      { command: 'open-demo', path: undefined },
    ]);
    file.submenu.find((item) => item.label === 'Esporta rapporto e dati…')!.click!();
    expect(window.sent).toContainEqual([
      'campo-event:menuCommand',
      { command: 'report', path: undefined },
    ]);
  });
});
