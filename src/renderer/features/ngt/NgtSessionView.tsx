import { useEffect, useRef } from 'react';
import { NGT_STEPS, type NgtSession } from '../../../shared/model/ngt';
import { isTypingTarget } from '../../components/keyboard';
import { useT } from '../../i18n/use-t';
import { useNgtStore } from '../../stores/ngt-store';
import { NgtClarification } from './NgtClarification';
import { NgtPresentation } from './NgtPresentation';
import { NgtRecording } from './NgtRecording';
import { NgtResults } from './NgtResults';
import { NgtSetup } from './NgtSetup';
import { NgtVoting } from './NgtVoting';

/**
 * One NGT session as steps the facilitator moves through, back and forth; each step is saved.
 * P switches the projector view on and off (Esc leaves it).
 */
export function NgtSessionView({ ngt, onBack }: { ngt: NgtSession; onBack(): void }) {
  const t = useT();
  const { update, presenting, setPresenting } = useNgtStore();
  const stepRef = useRef<HTMLDivElement>(null);

  // The control a keyboard user just used can go with what it did (the session created, the
  // last ballot saved, «Vai ai risultati»): focus then lands in the step shown, not on the page.
  useEffect(() => {
    const active = document.activeElement;
    if (!active || active === document.body) stepRef.current?.focus();
  });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTypingTarget(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === 'p' || event.key === 'P') setPresenting(!useNgtStore.getState().presenting);
      else if (event.key === 'Escape') setPresenting(false);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [setPresenting]);

  if (presenting) return <NgtPresentation ngt={ngt} onClose={() => setPresenting(false)} />;
  const step = ngt.step;
  return (
    <div className="screen ngt-screen">
      <button type="button" className="link-button" onClick={onBack}>
        ← {t('ngt.back')}
      </button>
      <div className="screen-header">
        <h1>
          {ngt.code} <span className="muted">{ngt.question}</span>
        </h1>
        <button
          type="button"
          aria-keyshortcuts="P"
          title={t('ngt.presentHint')}
          onClick={() => setPresenting(true)}
        >
          {t('ngt.present')}
        </button>
      </div>
      <nav className="ngt-steps" aria-label={t('ngt.stepsLabel')}>
        <ol>
          {NGT_STEPS.filter((s) => s !== 'second-round' || ngt.rounds === 2).map((name, index) => (
            <li key={name}>
              <button
                type="button"
                aria-current={step === name ? 'step' : undefined}
                onClick={() => void update(ngt.id, { step: name })}
              >
                {index + 1}. {t(`ngt.steps.${name}`)}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      {/* Not a landmark of its own: each step names its region already. */}
      <div ref={stepRef} tabIndex={-1} className="ngt-step">
        {step === 'setup' && <NgtSetup ngt={ngt} />}
        {(step === 'generation' || step === 'round-robin') && <NgtRecording ngt={ngt} />}
        {step === 'clarification' && <NgtClarification ngt={ngt} />}
        {step === 'voting' && <NgtVoting ngt={ngt} round={ngt.votes[0]} />}
        {(step === 'results' || step === 'closed') && <NgtResults ngt={ngt} />}
        {step === 'second-round' && <NgtVoting ngt={ngt} round={ngt.votes[1]} second />}
      </div>
    </div>
  );
}
