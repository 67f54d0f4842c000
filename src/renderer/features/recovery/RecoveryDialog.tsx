import { formatDateTime } from '../../../shared/i18n';
import type { WireError } from '../../../shared/ipc/errors';
import { LAST_SAVED_BACKUP_ID } from '../../../shared/ipc/types';
import { Dialog } from '../../components/Dialog';
import { useLanguage, useT } from '../../i18n/use-t';
import { useAppStore } from '../../stores/app-store';
import { useProjectStore } from '../../stores/project-store';

interface OfferedBackup {
  id: string;
  createdAt: string;
}

/**
 * Shown when project.json cannot be read: says what is wrong, that the damaged file is kept,
 * and offers the newest usable backups.
 */
export function RecoveryDialog({ path, error }: { path: string; error: WireError }) {
  const t = useT();
  const language = useLanguage();
  const closeDialog = useAppStore((state) => state.closeDialog);
  const restore = useProjectStore((state) => state.restoreBackup);
  const busy = useProjectStore((state) => state.busy);
  const backups = (error.details?.backups as OfferedBackup[] | undefined) ?? [];
  const lastSaved = error.details?.lastSaved as { savedAt: string } | null | undefined;
  return (
    <Dialog title={t('recovery.title')} onClose={closeDialog}>
      <p>{t('recovery.explain', { file: String(error.details?.file ?? '') })}</p>
      {/* The parser's words (English, with a position) help whoever examines the file. */}
      <details className="hint">
        <summary>{t('recovery.details')}</summary>
        <code>{String(error.details?.reason ?? '')}</code>
      </details>
      {lastSaved && (
        <>
          <p>{t('recovery.lastSaved', { date: formatDateTime(lastSaved.savedAt, language) })}</p>
          <p>
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => void restore(path, LAST_SAVED_BACKUP_ID)}
            >
              {t('recovery.restoreLastSaved')}
            </button>
          </p>
        </>
      )}
      {backups.length > 0 ? (
        <>
          <p>{t(lastSaved ? 'recovery.offerOlder' : 'recovery.offer')}</p>
          <ul className="backup-list">
            {backups.map((backup, index) => (
              <li key={backup.id}>
                <button
                  type="button"
                  className={index === 0 && !lastSaved ? 'primary' : undefined}
                  disabled={busy}
                  onClick={() => void restore(path, backup.id)}
                >
                  {t('recovery.restore', { date: formatDateTime(backup.createdAt, language) })}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : (
        !lastSaved && <p>{t('recovery.noBackups')}</p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={closeDialog}>
          {t('app.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
