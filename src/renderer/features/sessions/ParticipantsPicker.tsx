import type { ReactNode } from 'react';
import { useKeyboardSafeSelect } from '../../components/use-keyboard-safe-select';
import { intervieweeCode, nextParticipantCode } from '../../../shared/domain/pseudonyms';
import { useT } from '../../i18n/use-t';
import { useProjectStore } from '../../stores/project-store';

/**
 * Who took part: existing participants by pseudonym, or a new one with the next code (numbered
 * within `groupCode` for a focus group or an NGT session: FG-01-P3, NGT-01-P2).
 */
export function ParticipantsPicker({
  participantIds,
  groupCode,
  interviewCode,
  hint,
  onCommit,
  onAddNew,
}: {
  participantIds: readonly string[];
  groupCode?: string;
  /** An interview: a new participant takes its code (INT-06), or INT-06-P2 when taken. */
  interviewCode?: string;
  hint?: ReactNode;
  onCommit(ids: string[]): void;
  onAddNew(): void;
}) {
  const t = useT();
  // From the keyboard a person is only picked (arrows, letters), and added with Enter or the
  // button; a mouse choice adds at once.
  const {
    props,
    picked,
    choose: add,
  } = useKeyboardSafeSelect((id) => onCommit([...participantIds, id]));
  const participants = useProjectStore((state) => state.snapshot?.project.participants ?? []);
  const byId = new Map(participants.map((p) => [p.id, p]));
  const others = participants.filter((p) => !participantIds.includes(p.id));
  // The same code the core will give (see participantAdd).
  const nextCode = interviewCode
    ? intervieweeCode(participants, interviewCode)
    : nextParticipantCode(participants, groupCode);
  return (
    <fieldset className="field">
      <legend>{t('sessions.participants')}</legend>
      <ul className="chips" aria-label={t('sessions.participants')}>
        {participantIds.map((id) => (
          <li key={id} className="chip chip-static">
            {byId.get(id)?.code ?? id}
            {byId.get(id)?.role && <span className="muted"> – {byId.get(id)?.role}</span>}
            <button
              type="button"
              className="icon-button"
              aria-label={t('sessions.removeParticipant', { code: byId.get(id)?.code ?? id })}
              onClick={() => onCommit(participantIds.filter((p) => p !== id))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      {hint}
      <div className="field-row">
        <select aria-label={t('sessions.addParticipant')} {...props}>
          <option value="">{t('sessions.addParticipant')}</option>
          {others.map((p) => (
            <option key={p.id} value={p.id}>
              {p.code}
              {p.role ? ` – ${p.role}` : ''}
            </option>
          ))}
        </select>
        {picked && byId.get(picked) && (
          <button type="button" onClick={() => add(picked)}>
            {t('sessions.addPicked', { code: byId.get(picked)!.code })}
          </button>
        )}
        <button type="button" onClick={onAddNew}>
          {t('sessions.newParticipant', { code: nextCode })}
        </button>
      </div>
    </fieldset>
  );
}
