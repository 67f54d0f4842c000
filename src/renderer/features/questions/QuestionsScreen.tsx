import { useState } from 'react';
import type { MessageKey } from '../../../shared/i18n';
import { nextQuestionCode } from '../../../shared/domain/questions';
import type { EvaluationQuestion } from '../../../shared/model/project';
import { useT } from '../../i18n/use-t';
import { useProjectStore } from '../../stores/project-store';
import { useQuestionsStore } from '../../stores/questions-store';

const CRITERIA: MessageKey[] = [
  'criterion.context',
  'criterion.coherence',
  'criterion.effectiveness',
  'criterion.reprogramming',
  'criterion.horizontal',
  'criterion.growth',
  'criterion.instruments',
  'criterion.partnership',
];

function CriterionOptions() {
  const t = useT();
  return (
    <datalist id="criteria">
      {CRITERIA.map((key) => (
        <option key={key} value={t(key)} />
      ))}
    </datalist>
  );
}

function QuestionRow({ question }: { question: EvaluationQuestion }) {
  const t = useT();
  const { update, remove, pending } = useQuestionsStore();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [draft, setDraft] = useState(question);
  if (editing) {
    return (
      <tr className="editing">
        <td>
          <input
            aria-label={t('questions.code')}
            value={draft.code}
            size={6}
            onChange={(e) => setDraft({ ...draft, code: e.target.value })}
          />
        </td>
        <td>
          <textarea
            aria-label={t('questions.text')}
            value={draft.text}
            rows={3}
            onChange={(e) => setDraft({ ...draft, text: e.target.value })}
          />
        </td>
        <td>
          <input
            aria-label={t('questions.criterion')}
            list="criteria"
            value={draft.criterion}
            onChange={(e) => setDraft({ ...draft, criterion: e.target.value })}
          />
        </td>
        <td>{question.methods.join(', ')}</td>
        <td className="row-actions">
          <button
            type="button"
            className="primary"
            disabled={pending}
            onClick={() =>
              void update(question.id, {
                code: draft.code,
                text: draft.text,
                criterion: draft.criterion,
              }).then((ok) => ok && setEditing(false))
            }
          >
            {t('app.save')}
          </button>
          <button type="button" onClick={() => setEditing(false)}>
            {t('app.cancel')}
          </button>
        </td>
      </tr>
    );
  }
  return (
    <tr>
      <th scope="row">{question.code}</th>
      <td>{question.text}</td>
      <td>{question.criterion || t('app.none')}</td>
      <td>{question.methods.join(', ') || t('app.none')}</td>
      <td className="row-actions">
        {confirming ? (
          <span
            className="confirm"
            role="group"
            aria-label={t('questions.confirmDelete', { code: question.code })}
          >
            <span>{t('questions.confirmDelete', { code: question.code })}</span>
            <button type="button" className="danger" onClick={() => void remove(question)}>
              {t('app.delete')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('app.cancel')}
            </button>
          </span>
        ) : (
          <>
            <button type="button" onClick={() => (setDraft(question), setEditing(true))}>
              {t('app.edit')}
            </button>
            <button type="button" onClick={() => setConfirming(true)}>
              {t('app.delete')}
            </button>
          </>
        )}
      </td>
    </tr>
  );
}

function AddQuestionForm({ nextCode }: { nextCode: string }) {
  const t = useT();
  const { add, pending } = useQuestionsStore();
  const [code, setCode] = useState('');
  const [text, setText] = useState('');
  const [criterion, setCriterion] = useState('');
  return (
    <form
      className="form card"
      aria-label={t('questions.new')}
      onSubmit={(event) => {
        event.preventDefault();
        if (!text.trim()) return;
        void add({ text, criterion, ...(code.trim() ? { code: code.trim() } : {}) }).then(
          (added) => {
            if (!added) return;
            setCode('');
            setText('');
            setCriterion('');
          },
        );
      }}
    >
      <h2>{t('questions.new')}</h2>
      <div className="field-row">
        <label>
          {t('questions.code')}
          <input
            name="code"
            value={code}
            placeholder={nextCode}
            size={6}
            onChange={(e) => setCode(e.target.value)}
          />
        </label>
        <label className="grow">
          {t('questions.criterion')}
          <input
            name="criterion"
            list="criteria"
            value={criterion}
            onChange={(e) => setCriterion(e.target.value)}
          />
        </label>
      </div>
      <label>
        {t('questions.text')}
        <textarea
          name="text"
          rows={3}
          value={text}
          placeholder={t('questions.textPlaceholder')}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={pending || !text.trim()}>
          {t('app.add')}
        </button>
      </div>
    </form>
  );
}

/** The evaluation questions as a table, with editing and a form to add one. */
export function QuestionsScreen() {
  const t = useT();
  const questions = useProjectStore((state) => state.snapshot?.project.questions ?? []);
  return (
    <div className="screen">
      <h1>{t('questions.title')}</h1>
      <p className="intro">{t('questions.intro')}</p>
      <CriterionOptions />
      {questions.length === 0 ? (
        <p className="empty">{t('questions.empty')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('questions.code')}</th>
              <th scope="col">{t('questions.text')}</th>
              <th scope="col">{t('questions.criterion')}</th>
              <th scope="col">{t('questions.methods')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('app.edit')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {questions.map((question) => (
              <QuestionRow key={question.id} question={question} />
            ))}
          </tbody>
        </table>
      )}
      <AddQuestionForm nextCode={nextQuestionCode(questions)} />
    </div>
  );
}
