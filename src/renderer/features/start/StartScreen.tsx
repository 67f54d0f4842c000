import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { readFileForUpload } from '../../api/files';
import { FilePickButton } from '../../components/FilePickButton';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../stores/app-store';
import { useProjectStore } from '../../stores/project-store';
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
  const importQdpx = useProjectStore((state) => state.importQdpx);
  const [importing, setImporting] = useState<number | null>(null);
  useEffect(
    () =>
      api().on('exportProgress', ({ kind, fraction }) => {
        if (kind === 'qdpx-import') setImporting(fraction);
      }),
    [],
  );
  const importFile = async (file: File) => {
    setImporting(0);
    try {
      await importQdpx(await readFileForUpload(file));
    } catch (error) {
      useAppStore.getState().notifyError(error);
    } finally {
      setImporting(null);
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
              disabled={busy}
              onFile={(file) => void importFile(file)}
            />
            {importing !== null && (
              <div className="export-progress" role="status">
                <progress
                  max={100}
                  value={Math.round(importing * 100)}
                  aria-label={t('exchange.importing')}
                />
                <span>{t('exchange.importing')}</span>
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
