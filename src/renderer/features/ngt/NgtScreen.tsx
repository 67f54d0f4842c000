import { useEffect, useState } from 'react';
import { formatUserDate } from '../../../shared/domain/dates';
import { useT } from '../../i18n/use-t';
import { useNgtStore } from '../../stores/ngt-store';
import { useProjectStore } from '../../stores/project-store';
import { recallFromTab } from '../../stores/tab-memory';
import { NgtSessionView } from './NgtSessionView';

/** Nominal Group Technique: the sessions of the project, and the one being run. */
export function NgtScreen() {
  const t = useT();
  const sessions = useProjectStore((state) => state.snapshot?.project.ngtSessions ?? []);
  const { selectedId, select, add } = useNgtStore();
  const [question, setQuestion] = useState('');
  // After a reload the session this window was running opens again.
  useEffect(() => {
    const remembered = recallFromTab('ngt');
    if (useNgtStore.getState().selectedId === null && sessions.some((s) => s.id === remembered)) {
      select(remembered);
    }
    // Once, when the screen opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const selected = sessions.find((s) => s.id === selectedId);
  if (selected) return <NgtSessionView ngt={selected} onBack={() => select(null)} />;
  return (
    <div className="screen">
      <div className="screen-header">
        <h1>{t('nav.ngt')}</h1>
      </div>
      <p className="hint">{t('ngt.intro')}</p>
      {sessions.length > 0 ? (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('ngt.code')}</th>
              <th scope="col">{t('ngt.question')}</th>
              <th scope="col">{t('ngt.date')}</th>
              <th scope="col">{t('ngt.ideas')}</th>
              <th scope="col">{t('ngt.step')}</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((ngt) => (
              <tr key={ngt.id}>
                <th scope="row">
                  <button
                    type="button"
                    className="link-button record-code"
                    onClick={() => select(ngt.id)}
                  >
                    {ngt.code}
                  </button>
                </th>
                <td>{ngt.question}</td>
                <td className="nowrap">{formatUserDate(ngt.date)}</td>
                <td>{ngt.ideas.filter((idea) => !idea.mergedInto).length}</td>
                <td>{t(`ngt.steps.${ngt.step}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="empty">{t('ngt.none')}</p>
      )}
      <form
        className="form"
        aria-label={t('ngt.new')}
        onSubmit={(event) => {
          event.preventDefault();
          if (question.trim()) void add(question.trim()).then((ngt) => ngt && setQuestion(''));
        }}
      >
        <div className="field">
          <label htmlFor="ngt-question">{t('ngt.nominalQuestion')}</label>
          <textarea
            id="ngt-question"
            rows={2}
            value={question}
            aria-describedby="ngt-question-hint"
            onChange={(event) => setQuestion(event.target.value)}
            onKeyDown={(event) => {
              // Enter creates the session, as in a one-line field; Shift+Enter starts a new line.
              if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
              event.preventDefault();
              event.currentTarget.form?.requestSubmit();
            }}
          />
          <p id="ngt-question-hint" className="hint">
            {t('ngt.questionKeys')}
          </p>
        </div>
        <button type="submit" className="primary" disabled={question.trim() === ''}>
          {t('ngt.new')}
        </button>
      </form>
    </div>
  );
}
