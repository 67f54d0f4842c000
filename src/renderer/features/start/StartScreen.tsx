import { readFileForUpload } from '../../api/files';
import { FilePickButton } from '../../components/FilePickButton';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../stores/app-store';
import { useProjectStore } from '../../stores/project-store';
import { useQdpxImportStore } from '../../stores/qdpx-import-store';
import { NewProjectForm } from './NewProjectForm';
import { chooseAndOpenProject } from './open-actions';
import { RecentList } from './RecentList';
import { StartTeamCard } from '../team/StartTeamCard';

/** The first screen: new project, open, recent projects, the demo. */
export function StartScreen() {
  const t = useT();
  const openDemo = useProjectStore((state) => state.openDemo);
  const busy = useProjectStore((state) => state.busy);
  const openDialog = useAppStore((state) => state.openDialog);
  const review = useQdpxImportStore((state) => state.review);
  const reading = useQdpxImportStore((state) => state.reading);
  const stopReading = useQdpxImportStore((state) => state.stopReading);
  const importFile = async (file: File) => {
    try {
      await review(await readFileForUpload(file));
    } catch (error) {
      useAppStore.getState().notifyError(error);
    }
  };
  return (
    <main className="start">
      <header className="start-header">
        <div>
          <h1 className="brand">
            <span className="brand-mark" aria-hidden="true">
              ◆
            </span>{' '}
            {t('app.name')}
          </h1>
          <p className="tagline">{t('app.tagline')}</p>
        </div>
        <button type="button" onClick={() => openDialog({ kind: 'settings' })}>
          {t('nav.settings')}
        </button>
      </header>
      <div className="start-grid">
        <section className="card">
          <h2>{t('start.newProject')}</h2>
          <NewProjectForm />
        </section>
        <section className="card">
          <div className="start-actions">
            <button type="button" className="primary" onClick={() => void chooseAndOpenProject()}>
              {t('start.openProject')}
            </button>
            <button type="button" disabled={busy} onClick={() => void openDemo()}>
              {t('start.openDemo')}
            </button>
            <p className="hint">{t('start.demoHint')}</p>
            <FilePickButton
              label={t('exchange.importQdpx')}
              accept=".qdpx"
              disabled={busy || reading}
              onFile={(file) => void importFile(file)}
            />
            {reading && (
              <div className="import-reading">
                <p className="muted" role="status">
                  {t('exchange.reading')}
                </p>
                <progress aria-label={t('exchange.reading')} />
                <button type="button" onClick={stopReading}>
                  {t('exchange.stopReading')}
                </button>
              </div>
            )}
            <p className="hint">{t('exchange.importHint')}</p>
          </div>
          <h2>{t('start.recent')}</h2>
          <RecentList />
        </section>
        <StartTeamCard />
      </div>
    </main>
  );
}
