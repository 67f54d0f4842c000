import { useState } from 'react';
import type { SourceFile } from '../../../shared/model/source';
import { Dialog } from '../../components/Dialog';
import { useT } from '../../i18n/use-t';
import { codebookActions } from '../../stores/codebook-actions';

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
    const result = await codebookActions.correctText(source.id, text);
    setSaving(false);
    if (result) onClose();
  };
  return (
    <Dialog
      title={t('coding.editTextTitle', { title: source.title })}
      onClose={onClose}
      wide
      dirty={text !== source.text && !saving}
    >
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
