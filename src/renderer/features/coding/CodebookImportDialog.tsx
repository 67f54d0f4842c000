import type { CodebookImportPreview } from '../../../shared/ipc/contract-exchange';
import type { FileUpload } from '../../api/files';
import { Dialog } from '../../components/Dialog';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../stores/app-store';
import { codebookActions } from '../../stores/codebook-actions';

interface CodebookImportDialogProps {
  upload: FileUpload;
  preview: CodebookImportPreview;
  onClose(): void;
}

/**
 * What a REFI-QDA codebook would bring, before it is merged: how many codes are new and where
 * they go (by branch), how many are there already, the code groups noted. Importing is one
 * step of the undo history.
 */
export function CodebookImportDialog({ upload, preview, onClose }: CodebookImportDialogProps) {
  const t = useT();
  const { added, existing, branches, branchCount, groups } = preview;
  const confirm = async () => {
    const result = await codebookActions.importQdc(upload);
    if (!result) return;
    onClose();
    const notify = useAppStore.getState().notify;
    notify('success', {
      key: 'exchange.codebookImported',
      params: { added: result.added, existing: result.existing },
    });
    if (result.groups.length > 0) {
      notify('info', {
        key: 'exchange.codebookGroups',
        params: { n: result.groups.length, names: result.groups.map((g) => g.name).join(', ') },
      });
    }
  };
  return (
    <Dialog title={t('exchange.codebookPreviewTitle', { file: upload.fileName })} onClose={onClose}>
      {added === 0 ? (
        <p>{t('exchange.codebookPreviewNothing', { existing })}</p>
      ) : (
        <>
          <p>{t('exchange.codebookPreview', { added, existing })}</p>
          <p>{t('exchange.codebookBranches')}</p>
          <ul className="codebook-branches">
            {branches.map((branch, i) => (
              <li key={`${i}:${branch.name}`}>{t('exchange.codebookBranch', branch)}</li>
            ))}
            {branchCount > branches.length && (
              <li className="muted">
                {t('exchange.codebookMoreBranches', { n: branchCount - branches.length })}
              </li>
            )}
          </ul>
          {groups.length > 0 && (
            <p className="hint">{t('exchange.codebookPreviewGroups', { n: groups.length })}</p>
          )}
          <p className="hint">{t('exchange.codebookPreviewUndo')}</p>
        </>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose} autoFocus>
          {added === 0 ? t('app.close') : t('app.cancel')}
        </button>
        {added > 0 && (
          <button type="button" className="primary" onClick={() => void confirm()}>
            {t('exchange.codebookImport', { added })}
          </button>
        )}
      </div>
    </Dialog>
  );
}
