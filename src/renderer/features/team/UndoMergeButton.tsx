import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useT } from '../../i18n/use-t';
import { useTeamStore } from '../../stores/team-store';

/**
 * «Annulla l’unione», asked first: the colleague's work leaves the project, and merging it again
 * needs their package file. `onUndone` runs once the merge is undone.
 */
export function UndoMergeButton({ mergeId, onUndone }: { mergeId: string; onUndone?(): void }) {
  const t = useT();
  const undoMerge = useTeamStore((state) => state.undoMerge);
  const [asking, setAsking] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setAsking(true)}>
        {t('team.merge.undo')}
      </button>
      {asking && (
        <ConfirmDialog
          title={t('team.merge.undoTitle')}
          confirmLabel={t('team.merge.undo')}
          danger
          onCancel={() => setAsking(false)}
          onConfirm={() =>
            void undoMerge(mergeId).then((ok) => {
              setAsking(false);
              if (ok) onUndone?.();
            })
          }
        >
          <p>{t('team.merge.undoExplain')}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
