import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { Notifications } from '../components/Notifications';
import { chooseAndOpenProject, importQdpxFromDialog } from '../features/start/open-actions';
import { StartScreen } from '../features/start/StartScreen';
import { useT } from '../i18n/use-t';
import { useAppStore } from '../stores/app-store';
import { useNavigationStore } from '../stores/navigation-store';
import { askBeforeLeavingWithHeldDrafts } from '../stores/held-drafts';
import { flushWhenHidden } from '../stores/pending-edits';
import { connectProjectEvents, useProjectStore } from '../stores/project-store';
import { connectRemoteChanges } from '../stores/remote-changes';
import { subscribeReportProgress, useReportStore } from '../stores/report-store';
import { DialogHost } from './DialogHost';
import { ProjectShell } from './ProjectShell';

/** Carries out the native menu's commands (Electron); the same actions have buttons too. */
function connectMenuCommands(): () => void {
  return api().on('menuCommand', ({ command, path }) => {
    const app = useAppStore.getState();
    const project = useProjectStore.getState();
    if (command === 'new-project') app.openDialog({ kind: 'new-project' });
    else if (command === 'open-project') void (path ? project.open(path) : chooseAndOpenProject());
    else if (command === 'open-demo') void project.openDemo();
    else if (command === 'close-project') void project.close();
    else if (command === 'report') {
      if (project.snapshot) useNavigationStore.getState().go('report');
    } else if (command === 'export-qdpx' || command === 'export-qdc') {
      if (project.snapshot) void useReportStore.getState().exportFile(command.slice(7) as 'qdpx');
    } else if (command === 'import-qdpx') void importQdpxFromDialog();
    else app.openDialog({ kind: 'settings' });
  });
}

/** The application: the start screen or the open project, with dialogs and notifications. */
export function App() {
  const t = useT();
  const language = useAppStore((state) => state.language);
  // Keyed by the project folder: nothing a screen holds survives into another project.
  const projectPath = useProjectStore((state) => state.snapshot?.path ?? null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    const offProject = connectProjectEvents();
    const offMenu = connectMenuCommands();
    const offReport = subscribeReportProgress();
    const offHidden = flushWhenHidden();
    const offHeld = askBeforeLeavingWithHeldDrafts();
    const offRemote = connectRemoteChanges();
    const app = useAppStore.getState();
    const project = useProjectStore.getState();
    Promise.all([app.loadInfo(), project.loadCurrent(), project.loadRecent()])
      .catch((error: unknown) => app.notifyError(error))
      .finally(() => setReady(true));
    return () => {
      offProject();
      offMenu();
      offReport();
      offHidden();
      offHeld();
      offRemote();
    };
  }, []);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  return (
    <>
      {!ready ? (
        <p className="loading">{t('app.loading')}</p>
      ) : projectPath !== null ? (
        <ProjectShell key={projectPath} />
      ) : (
        <StartScreen />
      )}
      <DialogHost />
      <Notifications />
    </>
  );
}
