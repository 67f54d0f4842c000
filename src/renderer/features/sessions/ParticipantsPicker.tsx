import { nextParticipantCode } from '../../../shared/domain/pseudonyms';
import type { FieldSession } from '../../../shared/model/project';
import { useT } from '../../i18n/use-t';
import { useParticipantsStore } from '../../stores/participants-store';
import { useProjectStore } from '../../stores/project-store';

/** Who took part: existing participants by pseudonym, or a new one with the next code. */
export function ParticipantsPicker({
  session,
  onCommit,
}: {
  session: FieldSession;
  onCommit(ids: string[]): void;
}) {
  const t = useT();
  const participants = useProjectStore((state) => state.snapshot?.project.participants ?? []);
  const add = useParticipantsStore((state) => state.add);
  const byId = new Map(participants.map((p) => [p.id, p]));
  const others = participants.filter((p) => !session.participantIds.includes(p.id));
  const nextCode = nextParticipantCode(
    participants,
    session.kind === 'focusGroup' ? session.code : undefined,
  );
  return (
    <fieldset className="field">
      <legend>{t('sessions.participants')}</legend>
      <ul className="chips" aria-label={t('sessions.participants')}>
        {session.participantIds.map((id) => (
          <li key={id} className="chip chip-static">
            {byId.get(id)?.code ?? id}
            {byId.get(id)?.role && <span className="muted"> – {byId.get(id)?.role}</span>}
            <button
              type="button"
              className="icon-button"
              aria-label={t('sessions.removeParticipant', { code: byId.get(id)?.code ?? id })}
              onClick={() => onCommit(session.participantIds.filter((p) => p !== id))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      {session.kind === 'focusGroup' && session.participantIds.length < 2 && (
        <p className="hint">{t('sessions.focusGroupMinimum')}</p>
      )}
      <div className="field-row">
        <select
          aria-label={t('sessions.addParticipant')}
          value=""
          onChange={(e) => e.target.value && onCommit([...session.participantIds, e.target.value])}
        >
          <option value="">{t('sessions.addParticipant')}</option>
          {others.map((p) => (
            <option key={p.id} value={p.id}>
              {p.code}
              {p.role ? ` – ${p.role}` : ''}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => void add({ sessionId: session.id })}>
          {t('sessions.newParticipant', { code: nextCode })}
        </button>
      </div>
    </fieldset>
  );
}
