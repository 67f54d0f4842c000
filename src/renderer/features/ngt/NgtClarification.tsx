import { hasVotes } from '../../../shared/domain/ngt';
import type { NgtSession } from '../../../shared/model/ngt';
import { TextField } from '../../components/fields';
import { useT } from '../../i18n/use-t';
import { useKeyboardSafeSelect } from '../../components/use-keyboard-safe-select';
import { useAppStore } from '../../stores/app-store';
import { useNgtStore } from '../../stores/ngt-store';
import { liveIdeas } from './use-ngt';

/** Clarification: reword ideas, note what was clarified, merge duplicates (the merge is kept). */
export function NgtClarification({ ngt }: { ngt: NgtSession }) {
  const t = useT();
  const { updateIdea, merge, unmerge } = useNgtStore();
  const notify = useAppStore((state) => state.notify);
  const voted = hasVotes(ngt);
  const live = liveIdeas(ngt);
  const codeOf = new Map(ngt.ideas.map((idea) => [idea.id, idea.code]));
  return (
    <section className="panel" aria-label={t('ngt.steps.clarification')}>
      <p className="hint">{t('ngt.clarifyHint')}</p>
      <ol className="ngt-clarify">
        {ngt.ideas.map((idea) =>
          idea.mergedInto ? (
            <li key={idea.id} className="merged">
              <strong>{idea.code}</strong> {idea.text}{' '}
              <span className="badge">
                {t('ngt.mergedInto', { code: codeOf.get(idea.mergedInto) ?? '' })}
              </span>{' '}
              {/* A wrong pick in front of the group is put right here (walk-through 10). */}
              {!voted && (
                <button
                  type="button"
                  onClick={() =>
                    void unmerge(ngt.id, idea.id).then((done) => {
                      if (done)
                        notify('info', { key: 'ngt.unmerged', params: { code: idea.code } });
                    })
                  }
                >
                  {t('ngt.unmerge', { code: idea.code })}
                </button>
              )}
            </li>
          ) : (
            <li key={idea.id} aria-label={idea.code}>
              <strong>{idea.code}</strong>
              <TextField
                label={t('ngt.ideaText', { code: idea.code })}
                value={idea.text}
                required
                onCommit={(text) => updateIdea(ngt.id, idea.id, { text })}
              />
              <TextField
                label={t('ngt.clarification')}
                value={idea.clarification}
                onCommit={(clarification) => updateIdea(ngt.id, idea.id, { clarification })}
              />
              <MergeSelect
                label={t('ngt.mergeInto', { code: idea.code })}
                others={live.filter((other) => other.id !== idea.id)}
                onMerge={(intoId) =>
                  void merge(ngt.id, idea.id, intoId).then((done) => {
                    if (done)
                      notify('info', {
                        key: 'ngt.mergedNotice',
                        params: { from: idea.code, into: codeOf.get(intoId) ?? '' },
                      });
                  })
                }
              />
            </li>
          ),
        )}
      </ol>
    </section>
  );
}

/**
 * «Unisci Ix a…»: a mouse choice merges at once; from the keyboard the arrows only pick, and
 * Enter or the button merges (one arrow key merged two ideas before).
 */
function MergeSelect({
  label,
  others,
  onMerge,
}: {
  label: string;
  others: ReadonlyArray<{ id: string; code: string; text: string }>;
  onMerge(intoId: string): void;
}) {
  const t = useT();
  const { props, picked, choose } = useKeyboardSafeSelect(onMerge);
  const target = others.find((other) => other.id === picked);
  return (
    <div className="field-row">
      <select aria-label={label} {...props}>
        <option value="">{label}</option>
        {others.map((other) => (
          <option key={other.id} value={other.id}>
            {other.code} – {other.text.slice(0, 60)}
          </option>
        ))}
      </select>
      {target && (
        <button type="button" onClick={() => choose(picked)}>
          {t('ngt.mergeNow', { code: target.code })}
        </button>
      )}
    </div>
  );
}
