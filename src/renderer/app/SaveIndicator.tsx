import { errorMessage, formatTime } from '../../shared/i18n';
import { useLanguage, useT } from '../i18n/use-t';
import { useHostReachable } from '../api/failures';
import { useHeldDrafts } from '../stores/held-drafts';
import { usePendingEdits } from '../stores/pending-edits';
import { useProjectStore } from '../stores/project-store';

/**
 * "Salvato alle 10:42": shown only once the core confirms the change is on disk. While typing
 * waits to be saved it says "Modifiche non salvate", and "Salvataggio…" while a save is on its way;
 * while a text correction is open with changes, that it is not saved yet.
 */
export function SaveIndicator() {
  const t = useT();
  const language = useLanguage();
  const saveState = useProjectStore((state) => state.saveState);
  const { unsaved, inFlight } = usePendingEdits();
  const reachable = useHostReachable((state) => state.reachable);
  const restarted = useHostReachable((state) => state.restarted);
  const held = useHeldDrafts((state) => state.held);
  let text = t('save.idle');
  let tone = 'ok';
  if (!reachable) {
    // Until a call gets through again: nothing typed meanwhile can be on disk.
    text = t(restarted ? 'save.restarted' : 'save.unreachable');
    tone = 'error';
  } else if (saveState?.state === 'failed') {
    text = t('save.failed', { reason: errorMessage(saveState, language) });
    tone = 'error';
  } else if (unsaved > 0) {
    text = t('save.unsaved');
    tone = 'busy';
  } else if (inFlight > 0 || saveState?.state === 'saving') {
    text = t('save.saving');
    tone = 'busy';
  } else if (held > 0) {
    // A text correction waits for its «Salva»: nothing else is pending, but not all is saved.
    text = t('save.held');
    tone = 'busy';
  } else if (saveState?.state === 'saved') {
    text = t('save.saved', { time: formatTime(saveState.at, language) });
  }
  return (
    <p className={`save-indicator save-${tone}`} role="status" data-testid="save-indicator">
      {text}
    </p>
  );
}
