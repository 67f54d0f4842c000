import { useState } from 'react';
import { formatDateTime } from '../../../shared/i18n';
import type { SourceFile } from '../../../shared/model/source';
import { TextField } from '../../components/fields';
import { useLanguage, useT } from '../../i18n/use-t';
import { useSourcesStore } from '../../stores/sources-store';

/**
 * Memos on a source: the evaluator's notes on the interview as a whole. A new memo gets its id
 * here, so it is saved as it is typed and stays the same field once saved.
 */
export function SourceMemos({ source }: { source: SourceFile }) {
  const t = useT();
  const language = useLanguage();
  const saveMemo = useSourcesStore((state) => state.saveMemo);
  const [newId, setNewId] = useState<string | null>(null);
  const fresh = newId !== null && !source.memos.some((memo) => memo.id === newId);
  const memos = [
    ...source.memos.map((memo) => ({ id: memo.id, text: memo.text, at: memo.updatedAt })),
    ...(fresh ? [{ id: newId, text: '', at: null }] : []),
  ];
  return (
    <section className="source-memos" aria-label={t('coding.sourceMemos')}>
      <h3>{t('coding.sourceMemos')}</h3>
      {memos.map((memo) => (
        <TextField
          key={memo.id}
          label={memo.at ? formatDateTime(memo.at, language) : t('coding.newMemo')}
          value={memo.text}
          multiline
          autoFocus={memo.id === newId}
          onCommit={(text) => saveMemo(source.id, memo.id, text)}
        />
      ))}
      {!fresh && (
        <button type="button" onClick={() => setNewId(crypto.randomUUID())}>
          {t('coding.addMemo')}
        </button>
      )}
    </section>
  );
}
