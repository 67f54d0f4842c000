import { useState } from 'react';
import { hasVotes } from '../../../shared/domain/ngt';
import type { NgtRuleRecord, NgtSession } from '../../../shared/model/ngt';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DateField } from '../../components/DateField';
import { Chip, SelectField, TextField } from '../../components/fields';
import { useT } from '../../i18n/use-t';
import { useNgtStore } from '../../stores/ngt-store';
import { useProjectStore } from '../../stores/project-store';
import { ParticipantsPicker } from '../sessions/ParticipantsPicker';

type Kind = NgtRuleRecord['kind'];
const KINDS: Kind[] = ['rank-top-k', 'rank-all', 'half-plus-one', 'points-pool', 'multivote'];
const TIE_BREAKS = {
  'votes,top-votes': ['votes', 'top-votes'],
  'top-votes,votes': ['top-votes', 'votes'],
  none: [],
} as const;

/** A rule of `kind` keeping what fits of the current one (its tie-break order). */
function ruleOf(kind: Kind, current: NgtRuleRecord): NgtRuleRecord {
  const tieBreak = current.tieBreak;
  switch (kind) {
    case 'rank-top-k':
      return { kind, k: 'k' in current ? current.k : 5, tieBreak };
    case 'points-pool':
      return { kind, pool: 'pool' in current ? current.pool : 10, tieBreak };
    case 'multivote':
      return {
        kind,
        votesPerPerson: 'votesPerPerson' in current ? current.votesPerPerson : 3,
        tieBreak,
      };
    default:
      return { kind, tieBreak };
  }
}

/** A whole number from a field, or null when it is not one in [min, max]. */
function whole(text: string, min: number, max: number): number | null {
  const value = Number(text);
  return Number.isInteger(value) && value >= min && value <= max ? value : null;
}

/** Setup: the nominal question, who, when, the DVs it informs, and the scoring rule. */
export function NgtSetup({ ngt }: { ngt: NgtSession }) {
  const t = useT();
  const questions = useProjectStore((state) => state.snapshot?.project.questions ?? []);
  const { update, addParticipant } = useNgtStore();
  const save = (patch: Parameters<typeof update>[1]) => update(ngt.id, patch);
  const rule = ngt.rule;
  // Who would leave with a card in a round: asked first (walk-through 10: «6 schede di 5»).
  const [leaving, setLeaving] = useState<{ ids: string[]; codes: string[] } | null>(null);
  const pseudonyms = new Map(
    useProjectStore((state) => state.snapshot?.project.participants ?? []).map((p) => [
      p.id,
      p.code,
    ]),
  );
  const withCard = new Set(
    ngt.votes.flatMap((round) => [...round.ballots, ...round.ratings].map((c) => c.participantId)),
  );
  const seat = (participantIds: string[]) => {
    const gone = ngt.participantIds.filter(
      (id) => !participantIds.includes(id) && withCard.has(id),
    );
    if (gone.length === 0) void save({ participantIds });
    else setLeaving({ ids: participantIds, codes: gone.map((id) => pseudonyms.get(id) ?? id) });
  };
  // Ballots were cast under this rule: the core refuses a change, and the fields say so.
  const voted = hasVotes(ngt);
  const number = (
    label: string,
    value: number,
    min: number,
    max: number,
    commit: (n: number) => void,
  ) => (
    <TextField
      label={label}
      value={String(value)}
      onCommit={(text) => {
        const n = whole(text, min, max);
        if (n !== null) commit(n);
      }}
    />
  );
  return (
    <section className="panel form" aria-label={t('ngt.steps.setup')}>
      <TextField
        label={t('ngt.nominalQuestion')}
        value={ngt.question}
        required
        multiline
        onCommit={(question) => save({ question })}
      />
      <div className="field-row">
        <DateField label={t('ngt.date')} value={ngt.date} onCommit={(date) => save({ date })} />
        <TextField label={t('ngt.place')} value={ngt.place} onCommit={(place) => save({ place })} />
        <TextField
          label={t('ngt.facilitator')}
          value={ngt.facilitator}
          onCommit={(facilitator) => save({ facilitator })}
        />
      </div>
      <ParticipantsPicker
        participantIds={ngt.participantIds}
        groupCode={ngt.code}
        onCommit={seat}
        onAddNew={() => void addParticipant(ngt.id)}
      />
      <fieldset className="field">
        <legend>{t('ngt.linkedQuestions')}</legend>
        <div className="chips">
          {questions.map((q) => (
            <Chip
              key={q.id}
              title={q.text}
              pressed={ngt.questionIds.includes(q.id)}
              onToggle={() =>
                save({
                  questionIds: ngt.questionIds.includes(q.id)
                    ? ngt.questionIds.filter((id) => id !== q.id)
                    : [...ngt.questionIds, q.id],
                })
              }
            >
              {q.code}
            </Chip>
          ))}
        </div>
      </fieldset>
      {voted && <p className="hint">{t('ngt.ruleLocked')}</p>}
      <fieldset disabled={voted} aria-label={t('ngt.rule')}>
        <div className="field-row">
          <SelectField
            label={t('ngt.rule')}
            value={rule.kind}
            options={KINDS.map((kind) => ({ value: kind, label: t(`ngt.rules.${kind}`) }))}
            onCommit={(kind) => save({ rule: ruleOf(kind, rule) })}
          />
          {rule.kind === 'rank-top-k' &&
            number(t('ngt.k'), rule.k, 1, 50, (k) => save({ rule: { ...rule, k } }))}
          {rule.kind === 'points-pool' &&
            number(t('ngt.pool'), rule.pool, 1, 1000, (pool) => save({ rule: { ...rule, pool } }))}
          {rule.kind === 'points-pool' &&
            number(t('ngt.maxPerIdea'), rule.maxPerIdea ?? rule.pool, 1, 1000, (maxPerIdea) =>
              save({ rule: { ...rule, maxPerIdea } }),
            )}
          {rule.kind === 'multivote' &&
            number(t('ngt.votesPerPerson'), rule.votesPerPerson, 1, 50, (votesPerPerson) =>
              save({ rule: { ...rule, votesPerPerson } }),
            )}
          <SelectField
            label={t('ngt.tieBreak')}
            value={
              rule.tieBreak.length ? (rule.tieBreak.join(',') as keyof typeof TIE_BREAKS) : 'none'
            }
            options={(Object.keys(TIE_BREAKS) as Array<keyof typeof TIE_BREAKS>).map((key) => ({
              value: key,
              label: t(`ngt.tieBreaks.${key}`),
            }))}
            onCommit={(key) => save({ rule: { ...rule, tieBreak: [...TIE_BREAKS[key]] } })}
          />
        </div>
        <div className="field-row">
          <SelectField
            label={t('ngt.rounds')}
            value={String(ngt.rounds) as '1' | '2'}
            options={[
              { value: '1', label: t('ngt.oneRound') },
              { value: '2', label: t('ngt.twoRounds') },
            ]}
            onCommit={(rounds) => save({ rounds: Number(rounds) })}
          />
          {number(t('ngt.generationMinutes'), ngt.generationMinutes, 1, 120, (generationMinutes) =>
            save({ generationMinutes }),
          )}
          {number(t('ngt.ratingThreshold'), ngt.ratingThreshold, 1, 10, (ratingThreshold) =>
            save({ ratingThreshold }),
          )}
          {number(t('ngt.consensusShare'), ngt.consensusShare, 1, 100, (consensusShare) =>
            save({ consensusShare }),
          )}
        </div>
      </fieldset>
      <TextField
        label={t('ngt.notes')}
        value={ngt.notes}
        multiline
        onCommit={(notes) => save({ notes })}
      />
      {leaving && (
        <ConfirmDialog
          title={t('ngt.removeWithCardTitle', { codes: leaving.codes.join(', ') })}
          confirmLabel={t('ngt.removeWithCard')}
          danger
          onCancel={() => setLeaving(null)}
          onConfirm={() => {
            const { ids } = leaving;
            setLeaving(null);
            void update(ngt.id, { participantIds: ids }, { dropCards: true });
          }}
        >
          <p>{t('ngt.removeWithCardBody', { codes: leaving.codes.join(', ') })}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
