import { useState } from 'react';
import type { EvaluationQuestion } from '../../../shared/model/project';
import { Chip, TextField } from '../../components/fields';
import { useDraft } from '../../components/use-draft';
import { useRevealOnOpen } from '../../components/use-reveal';
import { useT } from '../../i18n/use-t';
import { useQuestionsStore } from '../../stores/questions-store';
import { METHODS } from './vocabulary';

/** Methods and tools: the usual ones as toggles, plus the user's own. */
function MethodsField({
  methods,
  onCommit,
}: {
  methods: string[];
  onCommit(methods: string[]): void;
}) {
  const t = useT();
  const [custom, setCustom] = useState('');
  const presets = METHODS.map((key) => t(key));
  const toggle = (method: string) =>
    onCommit(methods.includes(method) ? methods.filter((m) => m !== method) : [...methods, method]);
  const addCustom = () => {
    const method = custom.trim();
    if (method && !methods.includes(method)) onCommit([...methods, method]);
    setCustom('');
  };
  return (
    <fieldset className="field">
      <legend>{t('questions.methods')}</legend>
      <div className="chips">
        {[...presets, ...methods.filter((m) => !presets.includes(m))].map((method) => (
          <Chip key={method} pressed={methods.includes(method)} onToggle={() => toggle(method)}>
            {method}
          </Chip>
        ))}
      </div>
      <div className="field-row">
        <input
          aria-label={t('questions.otherMethod')}
          placeholder={t('questions.otherMethod')}
          value={custom}
          onChange={(e) => setCustom(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              addCustom();
            }
          }}
        />
        <button type="button" onClick={addCustom} disabled={!custom.trim()}>
          {t('app.add')}
        </button>
      </div>
    </fieldset>
  );
}

const cleanList = (items: readonly string[]) => items.map((item) => item.trim()).filter(Boolean);
const sameList = (a: readonly string[], b: readonly string[]) =>
  JSON.stringify(cleanList(a)) === JSON.stringify(cleanList(b));

/** Sub-questions as an editable list, saved as they are typed (blank lines are left out). */
function SubQuestionsField({
  items,
  onCommit,
}: {
  items: string[];
  onCommit(items: string[]): unknown;
}) {
  const t = useT();
  const { draft, change, commit } = useDraft({
    value: items,
    onCommit: (next: string[]) => onCommit(cleanList(next)),
    equals: sameList,
  });
  return (
    <fieldset className="field">
      <legend>{t('questions.subQuestions')}</legend>
      <ol className="list-editor">
        {draft.map((item, index) => (
          <li key={index}>
            <textarea
              aria-label={`${t('questions.subQuestions')} ${index + 1}`}
              rows={2}
              value={item}
              onChange={(e) => change(draft.map((d, i) => (i === index ? e.target.value : d)))}
              onBlur={commit}
            />
            <button
              type="button"
              aria-label={t('app.delete')}
              onClick={() => {
                change(draft.filter((_, i) => i !== index));
                commit();
              }}
            >
              ×
            </button>
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => change([...draft, ''])}>
        {t('questions.addSubQuestion')}
      </button>
    </fieldset>
  );
}

/** Every field of one row of the evaluation matrix; each saves on its own. */
export function QuestionEditor({
  question,
  reveal = false,
}: {
  question: EvaluationQuestion;
  /** Scroll to it and focus its first field when it opens ("Modifica"). */
  reveal?: boolean;
}) {
  const ref = useRevealOnOpen<HTMLElement>(reveal);
  const t = useT();
  const update = useQuestionsStore((state) => state.update);
  const save = (patch: Partial<EvaluationQuestion>) => update(question.id, patch);
  return (
    <section
      ref={ref}
      className="card editor"
      aria-label={t('questions.editorTitle', { code: question.code })}
    >
      <h2>{t('questions.editorTitle', { code: question.code })}</h2>
      <div className="editor-grid">
        <TextField
          label={t('questions.code')}
          value={question.code}
          required
          onCommit={(code) => save({ code })}
        />
        <TextField
          label={t('questions.criterion')}
          value={question.criterion}
          list="criteria"
          onCommit={(criterion) => save({ criterion })}
        />
      </div>
      <TextField
        label={t('questions.text')}
        value={question.text}
        multiline
        required
        onCommit={(text) => save({ text })}
      />
      <TextField
        label={t('questions.judgementCriteria')}
        value={question.judgementCriteria}
        multiline
        onCommit={(judgementCriteria) => save({ judgementCriteria })}
      />
      <div className="editor-grid">
        <TextField
          label={t('questions.indicators')}
          value={question.indicators}
          multiline
          onCommit={(indicators) => save({ indicators })}
        />
        <TextField
          label={t('questions.sources')}
          value={question.sources}
          multiline
          onCommit={(sources) => save({ sources })}
        />
      </div>
      <MethodsField methods={question.methods} onCommit={(methods) => save({ methods })} />
      <SubQuestionsField
        items={question.subQuestions}
        onCommit={(subQuestions) => save({ subQuestions })}
      />
      <TextField
        label={t('questions.answer')}
        hint={t('questions.answerHint')}
        value={question.answer}
        multiline
        rows={8}
        onCommit={(answer) => save({ answer })}
      />
    </section>
  );
}
