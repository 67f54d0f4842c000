import type { NgtSession } from '../../../shared/model/ngt';
import { TextField } from '../../components/fields';
import { useT } from '../../i18n/use-t';
import { useNgtStore } from '../../stores/ngt-store';
import { liveIdeas } from './use-ngt';

/** Clarification: reword ideas, note what was clarified, merge duplicates (the merge is kept). */
export function NgtClarification({ ngt }: { ngt: NgtSession }) {
  const t = useT();
  const { updateIdea, merge } = useNgtStore();
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
              </span>
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
              <select
                aria-label={t('ngt.mergeInto', { code: idea.code })}
                value=""
                onChange={(event) => {
                  if (event.target.value) void merge(ngt.id, idea.id, event.target.value);
                }}
              >
                <option value="">{t('ngt.mergeInto', { code: idea.code })}</option>
                {live
                  .filter((other) => other.id !== idea.id)
                  .map((other) => (
                    <option key={other.id} value={other.id}>
                      {other.code} – {other.text.slice(0, 60)}
                    </option>
                  ))}
              </select>
            </li>
          ),
        )}
      </ol>
    </section>
  );
}
