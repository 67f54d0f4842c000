import { useState } from 'react';
import type { SourceFile } from '../../../shared/model/source';
import { api } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../stores/app-store';
import { useCodingStore } from '../../stores/coding-store';
import { attempt } from '../../stores/core-calls';
import { useSourcesStore } from '../../stores/sources-store';
import { sourceRevOf } from '../../stores/base-revision';

/**
 * Corrects a source's text (a misheard word, a name to anonymise). Codings and turns after a
 * change move with it; a coding whose words changed is flagged for review.
 */
export function EditTextDialog({ source, onClose }: { source: SourceFile; onClose(): void }) {
  const t = useT();
  const [text, setText] = useState(source.text);
  const [saving, setSaving] = useState(false);
  const save = async () => {
    setSaving(true);
    const baseRev = sourceRevOf(source.id);
    const result = await attempt(() =>
      api().sourceTextUpdate({ sourceId: source.id, text, baseRev }),
    );
    setSaving(false);
    if (!result) return;
    await useSourcesStore.getState().load(source.id);
    await useCodingStore.getState().loadHistory();
    useAppStore.getState().notify(result.flagged ? 'info' : 'success', {
      key: 'coding.textSaved',
      params: { moved: result.moved, flagged: result.flagged },
    });
    onClose();
  };
  return (
    <Dialog title={t('coding.editTextTitle', { title: source.title })} onClose={onClose} wide>
      <p className="hint">{t('coding.editTextHint')}</p>
      <textarea
        className="edit-source-text"
        aria-label={t('coding.textField')}
        value={text}
        rows={20}
        onChange={(event) => setText(event.target.value)}
      />
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('app.cancel')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={saving || text === source.text || text.trim() === ''}
          onClick={() => void save()}
        >
          {t('app.save')}
        </button>
      </div>
    </Dialog>
  );
}
