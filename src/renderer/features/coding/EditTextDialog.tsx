import { useEffect, useRef, useState } from 'react';
import { passageFingerprint } from '../../../shared/domain/fingerprint';
import type { SourceFile } from '../../../shared/model/source';
import { Dialog } from '../../components/Dialog';
import { useT } from '../../i18n/use-t';
import { codebookActions } from '../../stores/codebook-actions';
import { holdDraft } from '../../stores/held-drafts';
import { recallJsonFromTab, rememberInTab } from '../../stores/tab-memory';

/** Where this window keeps a correction being written, by source (see tab-memory.ts). */
export const correctionDraftKey = (sourceId: string) => `correction.${sourceId}`;

/** A correction being written, and the text it started from (its length and fingerprint). */
interface CorrectionDraft {
  base: string;
  text: string;
}

const baseOf = (text: string) => `${text.length}:${passageFingerprint(text)}`;

const isCorrectionDraft = (value: unknown): value is CorrectionDraft =>
  typeof (value as CorrectionDraft).base === 'string' &&
  typeof (value as CorrectionDraft).text === 'string';

const recalled = (sourceId: string) =>
  recallJsonFromTab(correctionDraftKey(sourceId), isCorrectionDraft);

/** True when this window holds a correction of the source not yet saved (see EditTextDialog). */
export const hasCorrectionDraft = (sourceId: string): boolean => recalled(sourceId) !== null;

/**
 * Corrects a source's text (a misheard word, a name to anonymise). Codings and turns after a
 * change move with it; a coding whose words changed is flagged for review. What is typed is
 * saved only by «Salva» (a correction moves codings), but the window keeps it across a reload:
 * the dialog then opens again with it, and says whether the text changed meanwhile.
 */
export function EditTextDialog({ source, onClose }: { source: SourceFile; onClose(): void }) {
  const t = useT();
  const [restored] = useState(() => recalled(source.id));
  const [startedFrom] = useState(() => baseOf(source.text));
  const base = useRef(restored?.base ?? startedFrom);
  const [text, setText] = useState(restored?.text ?? source.text);
  const [saving, setSaving] = useState(false);
  const owner = useRef({});
  const dirty = text !== source.text;

  useEffect(() => {
    const key = correctionDraftKey(source.id);
    rememberInTab(key, dirty ? JSON.stringify({ base: base.current, text }) : null);
    holdDraft(owner.current, dirty);
  }, [dirty, text, source.id]);
  useEffect(() => {
    const held = owner.current;
    return () => holdDraft(held, false);
  }, []);

  /** The dialog goes, and what was typed with it (saved, or thrown away on purpose). */
  const close = () => {
    rememberInTab(correctionDraftKey(source.id), null);
    holdDraft(owner.current, false);
    onClose();
  };
  const save = async () => {
    setSaving(true);
    const result = await codebookActions.correctText(source.id, text);
    setSaving(false);
    if (result) close();
  };
  return (
    <Dialog
      title={t('coding.editTextTitle', { title: source.title })}
      onClose={close}
      wide
      dirty={dirty && !saving}
    >
      {restored && (
        <p className="notice-warning" role="status">
          {t(
            restored.base === startedFrom
              ? 'coding.editTextRestored'
              : 'coding.editTextRestoredStale',
          )}
        </p>
      )}
      <p className="hint">{t('coding.editTextHint')}</p>
      <textarea
        className="edit-source-text"
        aria-label={t('coding.textField')}
        value={text}
        rows={20}
        onChange={(event) => setText(event.target.value)}
      />
      <div className="dialog-actions">
        <button type="button" onClick={close}>
          {t('app.cancel')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={saving || !dirty || text.trim() === ''}
          onClick={() => void save()}
        >
          {t('app.save')}
        </button>
      </div>
    </Dialog>
  );
}
