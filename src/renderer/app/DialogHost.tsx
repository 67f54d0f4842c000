import { Dialog } from '../components/Dialog';
import { FolderBrowser } from '../components/FolderBrowser';
import { BackupsDialog } from '../features/backups/BackupsDialog';
import { RecoveryDialog } from '../features/recovery/RecoveryDialog';
import { SettingsDialog } from '../features/settings/SettingsDialog';
import { NewProjectForm } from '../features/start/NewProjectForm';
import { QdpxReviewDialog } from '../features/start/QdpxReviewDialog';
import { useT } from '../i18n/use-t';
import { useAppStore } from '../stores/app-store';
import { useProjectStore } from '../stores/project-store';

/** Renders the one open dialog, if any. */
export function DialogHost() {
  const t = useT();
  const dialog = useAppStore((state) => state.dialog);
  const closeDialog = useAppStore((state) => state.closeDialog);
  const open = useProjectStore((state) => state.open);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'settings':
      return <SettingsDialog />;
    case 'backups':
      return <BackupsDialog />;
    case 'recovery':
      return <RecoveryDialog path={dialog.path} error={dialog.error} />;
    case 'new-project':
      return (
        <Dialog title={t('start.newProject')} onClose={closeDialog}>
          <NewProjectForm />
        </Dialog>
      );
    case 'qdpx-review':
      return <QdpxReviewDialog />;
    case 'open-project':
      return (
        <Dialog title={t('folders.openTitle')} onClose={closeDialog} wide>
          <FolderBrowser mode="project" onPick={(path) => void open(path)} />
        </Dialog>
      );
  }
}
