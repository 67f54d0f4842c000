import { useEffect, useState } from 'react';
import { formatDateTime, type MessageKey } from '../../../shared/i18n';
import type { BackupInfo } from '../../../shared/ipc/types';
import { api } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { useLanguage, useT } from '../../i18n/use-t';
import { useAppStore } from '../../stores/app-store';
import { attempt } from '../../stores/core-calls';
import { useProjectStore } from '../../stores/project-store';

/**
 * The open project's backups (daily, before a merge, a format update or a restore), newest
 * first; one is restored after a confirmation that says what happens to the work done since.
 */
export function BackupsDialog() {
  const t = useT();
  const language = useLanguage();
  const closeDialog = useAppStore((state) => state.closeDialog);
  const path = useProjectStore((state) => state.snapshot?.path ?? null);
  const restore = useProjectStore((state) => state.restoreBackup);
  const busy = useProjectStore((state) => state.busy);
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [chosen, setChosen] = useState<BackupInfo | null>(null);
  useEffect(() => {
    if (!path) return;
    let live = true;
    void attempt(() => api().backupList({ path })).then((list) => {
      if (live) setBackups(list ?? []);
    });
    return () => {
      live = false;
    };
  }, [path]);
  const kind = (backup: BackupInfo) => t(`backups.kind.${backup.kind}` as MessageKey);
  const when = (backup: BackupInfo) => formatDateTime(backup.createdAt, language);
  const confirm = async (backup: BackupInfo) => {
    if (path && (await restore(path, backup.id))) closeDialog();
  };
  return (
    <Dialog title={t('backups.title')} onClose={closeDialog} wide>
      <p className="hint">{t('backups.explain')}</p>
      {backups === null && <p className="muted">{t('app.loading')}</p>}
      {backups?.length === 0 && <p>{t('backups.none')}</p>}
      {chosen ? (
        <div className="backup-confirm" role="group" aria-label={t('backups.confirmButton')}>
          <p>{t('backups.confirm', { date: when(chosen), kind: kind(chosen) })}</p>
          <div className="dialog-actions">
            <button type="button" onClick={() => setChosen(null)} autoFocus>
              {t('app.cancel')}
            </button>
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => void confirm(chosen)}
            >
              {t('backups.confirmButton')}
            </button>
          </div>
        </div>
      ) : (
        backups &&
        backups.length > 0 && (
          <table className="backup-table">
            <thead>
              <tr>
                <th scope="col">{t('backups.when')}</th>
                <th scope="col">{t('backups.kindColumn')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('backups.restore')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {backups.map((backup) => (
                <tr key={backup.id}>
                  <td>{when(backup)}</td>
                  <td>{kind(backup)}</td>
                  <td>
                    <button
                      type="button"
                      aria-label={t('backups.restoreOf', { date: when(backup) })}
                      onClick={() => setChosen(backup)}
                    >
                      {t('backups.restore')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      )}
      {!chosen && (
        <div className="dialog-actions">
          <button type="button" onClick={closeDialog}>
            {t('app.close')}
          </button>
        </div>
      )}
    </Dialog>
  );
}
