import type { ProjectFile } from '../../../shared/model/project';
import { useT } from '../../i18n/use-t';
import { useNavigationStore } from '../../stores/navigation-store';
import { useSessionsStore } from '../../stores/sessions-store';

/**
 * What to do next in a project that is still empty: the evaluation questions, the
 * participants, an interview, a transcript — each a link to where it is done, ticked once done.
 * It goes away once the project has all four.
 */
export function FirstSteps({ project }: { project: ProjectFile }) {
  const t = useT();
  const go = useNavigationStore((state) => state.go);
  const { add, open, requestImport } = useSessionsStore();
  const steps = [
    {
      key: 'questions',
      done: project.questions.length > 0,
      label: t('firstSteps.questions'),
      hint: t('firstSteps.questionsHint'),
      run: () => go('questions'),
    },
    {
      key: 'participants',
      done: project.participants.length > 0,
      label: t('firstSteps.participants'),
      hint: t('firstSteps.participantsHint'),
      run: () => go('participants'),
    },
    {
      key: 'interview',
      done: project.sessions.length > 0,
      label: t('firstSteps.interview'),
      hint: t('firstSteps.interviewHint'),
      run: () =>
        void add('interview').then((session) => {
          if (!session) return;
          open('interview', session.id);
          go('interviews');
        }),
    },
    {
      key: 'transcript',
      done: project.sources.length > 0,
      label: t('firstSteps.transcript'),
      hint: t('firstSteps.transcriptHint'),
      run: () => {
        requestImport(true);
        open('interview', null);
        go('interviews');
      },
    },
  ];
  if (steps.every((step) => step.done)) return null;
  return (
    <section className="card first-steps" aria-labelledby="first-steps-title">
      <h2 id="first-steps-title">{t('firstSteps.title')}</h2>
      <p className="intro">{t('firstSteps.intro')}</p>
      <ol>
        {steps.map((step) => (
          <li key={step.key} className={step.done ? 'done' : undefined}>
            <span className="step-mark" aria-hidden="true">
              {step.done ? '✓' : ''}
            </span>
            <div>
              <button type="button" className="link-button" onClick={step.run}>
                {step.label}
              </button>
              {step.done && <span className="visually-hidden"> ({t('firstSteps.done')})</span>}
              <p className="hint">{step.hint}</p>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
