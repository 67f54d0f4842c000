import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { Translate } from '../shared/i18n';
import type { MenuCommand, RecentProject } from '../shared/ipc/types';

/**
 * The application menu. Commands are carried out by the renderer (it owns the forms and
 * dialogs), so each item only sends a `menuCommand` event.
 */
export function buildMenu(
  t: Translate,
  recent: RecentProject[],
  send: (command: MenuCommand, path?: string) => void,
  isDev: boolean,
): Menu {
  const recentItems: MenuItemConstructorOptions[] = recent.length
    ? recent.map((project) => ({
        label: project.title,
        sublabel: project.path,
        enabled: project.exists,
        click: () => send('open-project', project.path),
      }))
    : [{ label: t('menu.openRecentEmpty'), enabled: false }];
  const template: MenuItemConstructorOptions[] = [
    {
      label: t('menu.file'),
      submenu: [
        { label: t('menu.new'), accelerator: 'CmdOrCtrl+N', click: () => send('new-project') },
        { label: t('menu.open'), accelerator: 'CmdOrCtrl+O', click: () => send('open-project') },
        { label: t('menu.openRecent'), submenu: recentItems },
        { label: t('menu.openDemo'), click: () => send('open-demo') },
        { type: 'separator' },
        { label: t('menu.report'), accelerator: 'CmdOrCtrl+E', click: () => send('report') },
        { label: t('menu.importQdpx'), click: () => send('import-qdpx') },
        { label: t('menu.exportQdpx'), click: () => send('export-qdpx') },
        { label: t('menu.exportQdc'), click: () => send('export-qdc') },
        { type: 'separator' },
        { label: t('menu.close'), accelerator: 'CmdOrCtrl+W', click: () => send('close-project') },
        { label: t('menu.settings'), accelerator: 'CmdOrCtrl+,', click: () => send('settings') },
        { type: 'separator' },
        { label: t('menu.quit'), role: 'quit' },
      ],
    },
    {
      label: t('menu.edit'),
      submenu: [
        { label: t('menu.undo'), role: 'undo' },
        { label: t('menu.redo'), role: 'redo' },
        { type: 'separator' },
        { label: t('menu.cut'), role: 'cut' },
        { label: t('menu.copy'), role: 'copy' },
        { label: t('menu.paste'), role: 'paste' },
        { label: t('menu.selectAll'), role: 'selectAll' },
      ],
    },
    {
      label: t('menu.view'),
      submenu: [
        { label: t('menu.zoomIn'), role: 'zoomIn' },
        { label: t('menu.zoomOut'), role: 'zoomOut' },
        { label: t('menu.resetZoom'), role: 'resetZoom' },
        { label: t('menu.fullscreen'), role: 'togglefullscreen' },
        ...(isDev ? [{ label: t('menu.devtools'), role: 'toggleDevTools' } as const] : []),
      ],
    },
    { label: t('menu.help'), submenu: [{ label: t('menu.about'), role: 'about' }] },
  ];
  return Menu.buildFromTemplate(template);
}
