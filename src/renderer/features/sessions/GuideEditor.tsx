import { useState } from 'react';
import { moveItem } from '../../../shared/domain/questions';
import type { GuideQuestion } from '../../../shared/model/project';
import { Chip } from '../../components/fields';
import { useDraft } from '../../components/use-draft';
import { useT } from '../../i18n/use-t';
import { useProjectStore } from '../../stores/project-store';

/** One guide question: its wording (saved on blur) and the evaluation questions it serves. */
function GuideItem(props: {
  item: GuideQuestion;
  index: number;
  count: number;
  onChange(item: GuideQuestion): void;
  onMove(to: number): void;
  onDelete(): void;
}) {
  const t = useT();
  const questions = useProjectStore((state) => state.snapshot?.project.questions ?? []);
  const { item, index } = props;
  const { draft, change, commit } = useDraft({
    value: item.text,
    onCommit: (text: string) => props.onChange({ ...item, text: text.trim() }),
    accept: (text) => text.trim() !== '',
  });
  const toggle = (id: string) =>
    props.onChange({
      ...item,
      questionIds: item.questionIds.includes(id)
        ? item.questionIds.filter((q) => q !== id)
        : [...item.questionIds, id],
    });
  return (
    <li className="guide-item">
      <div className="guide-row">
        <span className="guide-number">{index + 1}.</span>
        <textarea
          aria-label={t('guide.questionLabel', { n: index + 1 })}
          rows={2}
          value={draft}
          onChange={(e) => change(e.target.value)}
          onBlur={commit}
        />
        <div className="row-actions">
          <button
            type="button"
            aria-label={t('app.moveUp', { item: index + 1 })}
            disabled={index === 0}
            onClick={() => props.onMove(index - 1)}
          >
            ↑
          </button>
          <button
            type="button"
            aria-label={t('app.moveDown', { item: index + 1 })}
            disabled={index === props.count - 1}
            onClick={() => props.onMove(index + 1)}
          >
            ↓
          </button>
          <button
            type="button"
            aria-label={t('guide.remove', { n: index + 1 })}
            onClick={props.onDelete}
          >
            ×
          </button>
        </div>
      </div>
      <div className="chips" role="group" aria-label={t('guide.linkedQuestions', { n: index + 1 })}>
        {questions.map((question) => (
          <Chip
            key={question.id}
            pressed={item.questionIds.includes(question.id)}
            title={question.text}
            onToggle={() => toggle(question.id)}
          >
            {question.code}
          </Chip>
        ))}
      </div>
    </li>
  );
}

/** The guide ("traccia"): questions in order, each linked to one or more DVs. */
export function GuideEditor({
  guide,
  onCommit,
}: {
  guide: GuideQuestion[];
  onCommit(guide: GuideQuestion[]): void;
}) {
  const t = useT();
  const [draft, setDraft] = useState('');
  const add = () => {
    if (!draft.trim()) return;
    onCommit([...guide, { id: crypto.randomUUID(), text: draft.trim(), questionIds: [] }]);
    setDraft('');
  };
  return (
    <section className="card" aria-label={t('guide.title')}>
      <h2>{t('guide.title')}</h2>
      {guide.length === 0 && <p className="muted">{t('guide.empty')}</p>}
      <ol className="guide-list">
        {guide.map((item, index) => (
          <GuideItem
            key={item.id}
            item={item}
            index={index}
            count={guide.length}
            onChange={(changed) => onCommit(guide.map((g) => (g.id === changed.id ? changed : g)))}
            onMove={(to) => onCommit(moveItem(guide, item.id, to))}
            onDelete={() => onCommit(guide.filter((g) => g.id !== item.id))}
          />
        ))}
      </ol>
      <div className="field-row">
        <label className="grow">
          {t('guide.new')}
          <textarea
            rows={2}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault();
                add();
              }
            }}
          />
        </label>
        <button type="button" onClick={add} disabled={!draft.trim()}>
          {t('app.add')}
        </button>
      </div>
    </section>
  );
}
