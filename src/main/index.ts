/**
 * Electron main process: app lifecycle, the one window, its security settings and the menu.
 * Everything that touches project files lives in ./core and runs the same in browser mode.
 */
import { app, BrowserWindow, dialog, Menu, powerMonitor, protocol, session } from 'electron';
import { fileURLToPath } from 'node:url';
import { eventChannelOf } from '../shared/ipc/channels';
import type { HandlerName } from '../shared/ipc/contract';
import { translator } from '../shared/i18n';
import type { CampoEventName, CampoEvents, MenuCommand } from '../shared/ipc/types';
import { APP_ENTRY, APP_SCHEME, APP_SCHEME_PRIVILEGES, serveAppRequest } from './app-protocol';
import { createCore } from './core/handlers';
import { setParserLauncher, stopParsers } from './core/isolation/parser-pool';
import { createLogger } from './core/logger';
import { writeFileDurable } from './core/store/durable-file';
import { defaultProjectsDir, findResourcesDir } from './core/paths';
import { SettingsStore } from './core/settings';
import { registerHandlers } from './ipc';
import { buildMenu } from './menu';
import { utilityProcessLauncher } from './parser-launcher';
import type { ExportExtension } from '../shared/ipc/contract-export';
import { isAllowedRequest, isTrustedSenderUrl, secureWebPreferences } from './security';

/** Calls that change the language or the recent projects, which the menu shows. */
const MENU_CHANGING_CALLS = new Set<HandlerName>([
  'settingsUpdate',
  'recentForget',
  'projectCreate',
  'projectOpen',
  'projectOpenDemo',
  'projectClose',
  'projectUpdateMeta',
  'backupRestore',
]);

/** Save-dialog filter names of the files Campo exports. */
const FILTER_NAMES: Record<ExportExtension, string> = {
  docx: 'Word',
  xlsx: 'Excel',
  qdpx: 'REFI-QDA',
  qdc: 'REFI-QDA Codebook',
  campopkg: 'Campo',
};

const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const rendererDir = fileURLToPath(new URL('../renderer/', import.meta.url));
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
const parserScript = fileURLToPath(new URL('./parser-child.js', import.meta.url));

// The page is served from campo://app/ (see app-protocol.ts); the scheme must be known early.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
setParserLauncher(utilityProcessLauncher(parserScript));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (navigation) => navigation.preventDefault());
    contents.on('will-redirect', (navigation) => navigation.preventDefault());
    contents.on('will-attach-webview', (attach) => attach.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  const configDir = app.getPath('userData');
  const logger = createLogger(configDir);
  const settings = await SettingsStore.load(configDir);
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request.url, rendererDir));

  // Offline by construction: no permission is ever granted and no request leaves the machine.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, devServerUrl) });
  });

  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Campo',
    webPreferences: secureWebPreferences(preloadPath),
  });
  window.once('ready-to-show', () => window.show());

  const core = createCore({
    host: 'electron',
    settings,
    defaultProjectsDir: defaultProjectsDir(app.getPath('documents')),
    resourcesDir: app.isPackaged ? process.resourcesPath : findResourcesDir(),
    logger,
    emit<E extends CampoEventName>(event: E, payload: CampoEvents[E]) {
      if (!window.isDestroyed()) window.webContents.send(eventChannelOf(event), payload);
    },
    async pickFolder(title) {
      const result = await dialog.showOpenDialog(window, {
        title,
        properties: ['openDirectory', 'createDirectory'],
      });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async pickOpenFile(extensions) {
      const result = await dialog.showOpenDialog(window, {
        properties: ['openFile'],
        filters: [{ name: extensions.join(', '), extensions }],
      });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async pickSavePath(suggestedName, extension) {
      const result = await dialog.showSaveDialog(window, {
        defaultPath: suggestedName,
        filters: [{ name: FILTER_NAMES[extension], extensions: [extension] }],
      });
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async saveFile(suggestedName, bytes) {
      const result = await dialog.showSaveDialog(window, { defaultPath: suggestedName });
      if (result.canceled || !result.filePath) return null;
      await writeFileDurable(result.filePath, bytes);
      return result.filePath;
    },
  });

  const send = (command: MenuCommand, path?: string) =>
    window.webContents.send(eventChannelOf('menuCommand'), { command, path });
  const refreshMenu = async () => {
    const t = translator(settings.settings.language);
    Menu.setApplicationMenu(buildMenu(t, await settings.recent(), send, !app.isPackaged));
  };
  await refreshMenu();

  registerHandlers(
    core.handlers,
    logger,
    (event) =>
      event.senderFrame !== null &&
      isTrustedSenderUrl(
        event.senderFrame.url,
        event.senderFrame === window.webContents.mainFrame,
        APP_ENTRY,
        devServerUrl,
      ),
    (name) => {
      if (MENU_CHANGING_CALLS.has(name)) void refreshMenu();
    },
  );

  // After sleep, find out at once whether another computer took the project over.
  powerMonitor.on('resume', () => void core.checkLock());

  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting) return;
    event.preventDefault();
    quitting = true;
    void core.shutdown().finally(() => {
      stopParsers();
      app.quit();
    });
  });
  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());

  if (devServerUrl) await window.loadURL(devServerUrl);
  else await window.loadURL(APP_ENTRY);
}
