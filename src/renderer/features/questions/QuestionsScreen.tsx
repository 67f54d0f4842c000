import { useState } from 'react';
import { nextQuestionCode } from '../../../shared/domain/questions';
import type { QuestionLinks } from '../../../shared/ipc/types';
import type { EvaluationQuestion } from '../../../shared/model/project';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useT } from '../../i18n/use-t';
import { useProjectStore } from '../../stores/project-store';
import { useQuestionsStore } from '../../stores/questions-store';
import { QuestionEditor } from './QuestionEditor';
import { CRITERIA } from './vocabulary';

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

/** Confirmation before deleting a question, listing what points at it. */
function DeleteQuestion({
  question,
  links,
  onDone,
}: {
  question: EvaluationQuestion;
  links: QuestionLinks;
  onDone(): void;
}) {
  const t = useT();
  const remove = useQuestionsStore((state) => state.remove);
  const [codings, setCodings] = useState<'keep' | 'delete'>('keep');
  const nothing = links.codings === 0 && links.guideQuestions.length === 0 && links.noteMarks === 0;
  return (
    <ConfirmDialog
      title={t('questions.deleteTitle', { code: question.code })}
      confirmLabel={t('app.delete')}
      danger
      onCancel={onDone}
      onConfirm={() => void remove(question, codings).then(onDone)}
    >
      {nothing ? (
        <p>{t('questions.deleteNoLinks')}</p>
      ) : (
        <>
          <p>{t('questions.deleteLinks')}</p>
          <ul>
            {links.guideQuestions.map((g, i) => (
              <li key={i}>{t('questions.linkGuide', { code: g.sessionCode, text: g.text })}</li>
            ))}
            {links.noteMarks > 0 && <li>{t('questions.linkNotes', { n: links.noteMarks })}</li>}
          </ul>
          {links.codings > 0 && (
            <fieldset className="choice">
              <legend>{t('questions.linkCodings', { n: links.codings })}</legend>
              <label>
                <input
                  type="radio"
                  name="codings"
                  checked={codings === 'keep'}
                  onChange={() => setCodings('keep')}
                />
                {t('questions.codingsKeep')}
              </label>
              <label>
                <input
                  type="radio"
                  name="codings"
                  checked={codings === 'delete'}
                  onChange={() => setCodings('delete')}
                />
                {t('questions.codingsDelete')}
              </label>
            </fieldset>
          )}
        </>
      )}
      <p className="hint">{t('questions.deleteUndo')}</p>
    </ConfirmDialog>
  );
}

function AddQuestionForm({
  nextCode,
  onAdded,
}: {
  nextCode: string;
  onAdded(question: EvaluationQuestion): void;
}) {
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
        // Cleared at once, so the next question can be typed while this one saves;
        // put back if it is refused (e.g. a code already in use).
        setCode('');
        setText('');
        setCriterion('');
        void add({ text, criterion, ...(code.trim() ? { code: code.trim() } : {}) }).then(
          (added) => {
            if (added) onAdded(added);
            else {
              // Only into fields the user has not started filling again.
              setCode((now) => now || code);
              setText((now) => now || text);
              setCriterion((now) => now || criterion);
            }
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
          aria-label={t('questions.text')}
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

/** The evaluation matrix: questions in order, reorder and duplicate, and the selected one in full. */
export function QuestionsScreen() {
  const t = useT();
  const questions = useProjectStore((state) => state.snapshot?.project.questions ?? []);
  const { move, duplicate, renumber, links, pending } = useQuestionsStore();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  // Opened by "Modifica" or "Duplica": shown and focused. Opened after adding: the add form
  // keeps the focus, so the next question can be typed at once.
  const [revealSelected, setRevealSelected] = useState(false);
  const open = (id: string | null, reveal: boolean) => {
    setSelectedId(id);
    setRevealSelected(reveal);
  };
  const [deleting, setDeleting] = useState<{
    question: EvaluationQuestion;
    links: QuestionLinks;
  } | null>(null);
  const [confirmRenumber, setConfirmRenumber] = useState(false);
  const selected = questions.find((q) => q.id === selectedId) ?? null;

  return (
    <div className="screen">
      <div className="screen-header">
        <h1>{t('questions.title')}</h1>
        <button
          type="button"
          disabled={questions.length === 0 || pending}
          onClick={() => setConfirmRenumber(true)}
        >
          {t('questions.renumber')}
        </button>
      </div>
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
                <span className="visually-hidden">{t('app.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {questions.map((question, index) => (
              <tr key={question.id} className={question.id === selectedId ? 'selected' : undefined}>
                <th scope="row">{question.code}</th>
                <td>{question.text}</td>
                <td>{question.criterion || t('app.none')}</td>
                <td>{question.methods.join(', ') || t('app.none')}</td>
                <td className="row-actions">
                  <button
                    type="button"
                    aria-expanded={question.id === selectedId}
                    onClick={() => open(question.id === selectedId ? null : question.id, true)}
                  >
                    {t('app.edit')}
                  </button>
                  <button
                    type="button"
                    aria-label={t('app.moveUp', { item: question.code })}
                    disabled={index === 0 || pending}
                    onClick={() => void move(question.id, index - 1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    aria-label={t('app.moveDown', { item: question.code })}
                    disabled={index === questions.length - 1 || pending}
                    onClick={() => void move(question.id, index + 1)}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    onClick={() =>
                      void duplicate(question.id).then((copy) => copy && open(copy.id, true))
                    }
                  >
                    {t('app.duplicate')}
                  </button>
                  <button
                    type="button"
                    onClick={() =>
                      void links(question.id).then(
                        (found) => found && setDeleting({ question, links: found }),
                      )
                    }
                  >
                    {t('app.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {selected && <QuestionEditor key={selected.id} question={selected} reveal={revealSelected} />}
      <AddQuestionForm nextCode={nextQuestionCode(questions)} onAdded={(q) => open(q.id, false)} />
      {deleting && (
        <DeleteQuestion
          question={deleting.question}
          links={deleting.links}
          onDone={() => setDeleting(null)}
        />
      )}
      {confirmRenumber && (
        <ConfirmDialog
          title={t('questions.renumber')}
          confirmLabel={t('questions.renumber')}
          onCancel={() => setConfirmRenumber(false)}
          onConfirm={() => void renumber().then(() => setConfirmRenumber(false))}
        >
          <p>{t('questions.renumberExplain', { last: `DV${questions.length}` })}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
