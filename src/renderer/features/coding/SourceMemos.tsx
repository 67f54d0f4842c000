import { useState } from 'react';
import { formatDateTime } from '../../../shared/i18n';
import type { Memo, SourceFile } from '../../../shared/model/source';
import { api } from '../../api/client';
import { TextField } from '../../components/fields';
import { useLanguage, useT } from '../../i18n/use-t';
import { attempt } from '../../stores/core-calls';
import { useSourcesStore } from '../../stores/sources-store';
import { memoRevOf } from '../../stores/base-revision';

/** Memos on a source: the evaluator's notes on the interview as a whole. */
export function SourceMemos({ source }: { source: SourceFile }) {
  const t = useT();
  const language = useLanguage();
  const [adding, setAdding] = useState(false);
  const save = async (memoId: string | null, text: string) => {
    const baseRev = memoId ? memoRevOf(source.id, memoId) : undefined;
    const memos = await attempt(() =>
      api().sourceMemoSave({ sourceId: source.id, memoId, text, baseRev }),
    );
    if (memos) {
      const loaded = useSourcesStore.getState().loaded;
      const current = loaded[source.id] ?? source;
      useSourcesStore.setState({ loaded: { ...loaded, [source.id]: { ...current, memos } } });
      setAdding(false);
    }
  };
  return (
    <section className="source-memos" aria-label={t('coding.sourceMemos')}>
      <h3>{t('coding.sourceMemos')}</h3>
      {source.memos.map((memo: Memo) => (
        <TextField
          key={memo.id}
          label={formatDateTime(memo.updatedAt, language)}
          value={memo.text}
          multiline
          onCommit={(text) => void save(memo.id, text)}
        />
      ))}
      {adding ? (
        <TextField
          label={t('coding.newMemo')}
          value=""
          multiline
          onCommit={(text) => void save(null, text)}
        />
      ) : (
        <button type="button" onClick={() => setAdding(true)}>
          {t('coding.addMemo')}
        </button>
      )}
    </section>
  );
}
