import type { LabelSummary } from '../../../shared/domain/transcript-draft';
import type { Participant } from '../../../shared/model/project';
import { useT } from '../../i18n/use-t';
import type { SpeakerChoice } from './transcript-plan';

const NOT_SPEAKER = '__not-speaker';
const UNASSIGNED = '__unassigned';
const EVALUATOR = '';
const NEW = '__new';

function selectValue(choice: SpeakerChoice | undefined): string {
  if (!choice || choice.kind === 'unassigned') return UNASSIGNED;
  if (choice.kind === 'evaluator') return EVALUATOR;
  if (choice.kind === 'not-speaker') return NOT_SPEAKER;
  if (choice.kind === 'new') return NEW;
  return choice.participantId;
}

/**
 * The speaker labels of a file and what each one is: not a voice (its lines stay text), the
 * evaluator, a participant of the project, or a new participant with its own pseudonym and role.
 * A doubtful label (a header, an upper-case label) starts as "not a voice" and says why.
 */
export function SpeakerChoices({
  labels,
  choices,
  participants,
  onChange,
  newCode,
}: {
  labels: LabelSummary[];
  choices: Record<string, SpeakerChoice>;
  participants: readonly Participant[];
  onChange(label: string, choice: SpeakerChoice): void;
  /** The pseudonym a label gets when it becomes a new participant now. */
  newCode(): string;
}) {
  const t = useT();
  const anyNew = Object.values(choices).some((choice) => choice.kind === 'new');
  const choose = (label: string, value: string) => {
    if (value === UNASSIGNED) onChange(label, { kind: 'unassigned' });
    else if (value === NOT_SPEAKER) onChange(label, { kind: 'not-speaker' });
    else if (value === EVALUATOR) onChange(label, { kind: 'evaluator' });
    else if (value === NEW) onChange(label, { kind: 'new', code: newCode(), role: '' });
    else onChange(label, { kind: 'participant', participantId: value });
  };
  return (
    <>
      <table className="table compact speaker-choices">
        <caption>{t('import.speakersCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('import.speaker')}</th>
            <th scope="col">{t('import.lineCount')}</th>
            <th scope="col">{t('import.isParticipant')}</th>
          </tr>
        </thead>
        <tbody>
          {labels.map((label) => {
            const choice = choices[label.label];
            return (
              <tr
                key={label.label}
                className={
                  choice?.kind === 'unassigned'
                    ? 'unassigned'
                    : label.doubt
                      ? 'doubtful'
                      : undefined
                }
              >
                <th scope="row">
                  {label.label}
                  {label.doubt && <span className="hint">{t(`import.doubt.${label.doubt}`)}</span>}
                </th>
                <td>{label.lines}</td>
                <td>
                  <select
                    aria-label={t('import.speakerIs', { speaker: label.label })}
                    value={selectValue(choice)}
                    onChange={(e) => choose(label.label, e.target.value)}
                  >
                    {choice?.kind === 'unassigned' && (
                      <option value={UNASSIGNED}>{t('import.unassigned')}</option>
                    )}
                    <option value={NOT_SPEAKER}>{t('import.notSpeaker')}</option>
                    <option value={EVALUATOR}>{t('import.notParticipant')}</option>
                    {participants.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.code}
                        {p.role ? ` – ${p.role}` : ''}
                      </option>
                    ))}
                    <option value={NEW}>{t('import.newParticipantOption')}</option>
                  </select>
                  {choice?.kind === 'new' && (
                    <span className="new-participant-fields">
                      <input
                        aria-label={t('import.newCode', { speaker: label.label })}
                        value={choice.code}
                        maxLength={40}
                        onChange={(e) => onChange(label.label, { ...choice, code: e.target.value })}
                      />
                      <input
                        aria-label={t('import.newRole', { speaker: label.label })}
                        placeholder={t('import.newRolePlaceholder')}
                        value={choice.role}
                        maxLength={300}
                        onChange={(e) => onChange(label.label, { ...choice, role: e.target.value })}
                      />
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {anyNew && <p className="hint">{t('import.nameKept')}</p>}
    </>
  );
}
