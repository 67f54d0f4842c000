import { useId, useMemo, useState } from 'react';
import { formatDateTime } from '../../../shared/i18n';
import type { HandlerArgs } from '../../../shared/ipc/contract';
import type { TranscriptPreview } from '../../../shared/ipc/types';
import type { Participant } from '../../../shared/model/project';
import { useLanguage, useT } from '../../i18n/use-t';
import { formatClock } from './SourceView';
import { SpeakerChoices } from './SpeakerChoices';
import { TranscriptLines } from './TranscriptLines';
import {
  assembled,
  importInput,
  initialChoices,
  nextNewCode,
  unassignedVoices,
  type InterviewContext,
  type SpeakerChoice,
} from './transcript-plan';

/**
 * One transcript file before it is imported: its title, what the reader noticed (a file imported
 * before, cue times that are not times), what each speaker label is, the lines to leave out,
 * and the first turns as they will be saved. Nothing is written until "Importa".
 */
export function TranscriptPreviewForm({
  preview,
  participants,
  focusGroupCode,
  interview,
  evaluatorNames = [],
  evaluatorRole = '',
  sessionId,
  busy,
  onImport,
  onSkip,
}: {
  preview: TranscriptPreview;
  participants: readonly Participant[];
  focusGroupCode: string | undefined;
  /** The interview the file goes into (not for a focus group or a loose source). */
  interview?: InterviewContext | undefined;
  /** The names the evaluators go by (the team, the session's interviewer): their voice asks. */
  evaluatorNames?: readonly string[];
  /** The role word such a voice is labelled with once imported, in the project's language. */
  evaluatorRole?: string;
  sessionId: string | undefined;
  busy: boolean;
  onImport(input: HandlerArgs<'transcriptImport'>): void;
  /** `duplicateOf`: the title of the source this file repeats, when skipped as a duplicate. */
  onSkip(duplicateOf?: string): void;
}) {
  const t = useT();
  const language = useLanguage();
  const previewTitleId = useId();
  const [title, setTitle] = useState(preview.title);
  const [choices, setChoices] = useState(() => initialChoices(preview, interview, evaluatorNames));
  const [ignored, setIgnored] = useState<ReadonlySet<number>>(new Set());
  const result = useMemo(() => assembled(preview, choices, ignored), [preview, choices, ignored]);
  const unattributed = result.turns.filter((turn) => turn.speaker === '').length;
  const duplicate = preview.duplicates[0];
  const badTimes = preview.draft.warnings.filter((warning) => warning.kind === 'bad-time');
  const takenCode = Object.values(choices).find(
    (choice) =>
      choice.kind === 'new' &&
      participants.some((p) => p.code.trim().toUpperCase() === choice.code.trim().toUpperCase()),
  );

  const open = unassignedVoices(choices, result.turns);

  const change = (label: string, choice: SpeakerChoice) =>
    setChoices((current) => ({ ...current, [label]: choice }));
  // Every voice left to assign becomes a new participant, each with the next pseudonym.
  const allNew = () =>
    setChoices((current) => {
      const next = { ...current };
      for (const label of open) {
        next[label] = {
          kind: 'new',
          code: nextNewCode(participants, next, focusGroupCode),
          role: '',
        };
      }
      return next;
    });
  const toggle = (index: number) =>
    setIgnored((current) => {
      const next = new Set(current);
      if (!next.delete(index)) next.add(index);
      return next;
    });

  return (
    <>
      {duplicate && (
        <div className="notice-warning" role="alert">
          <p>
            {t('import.duplicate', {
              title: duplicate.title,
              date: formatDateTime(duplicate.createdAt, language),
              same: duplicate.sameText ? 'yes' : 'no',
            })}
          </p>
          <p className="hint">{t('import.duplicateHint')}</p>
          <button type="button" className="primary" onClick={() => onSkip(duplicate.title)}>
            {t('import.skipDuplicate')}
          </button>
        </div>
      )}
      <label>
        {t('sources.title')}
        <input value={title} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <p className="hint">
        {preview.format.toUpperCase()} · {t('interviews.turns', { n: result.turns.length })} ·{' '}
        {t('interviews.characters', { n: result.text.length })}
      </p>
      {badTimes.length > 0 && (
        <p className="notice-warning" role="status">
          {t('import.badTimes', {
            n: badTimes.length,
            line: badTimes[0]!.line,
            value: badTimes[0]!.value,
          })}
        </p>
      )}
      {preview.labels.length > 0 ? (
        <SpeakerChoices
          labels={preview.labels}
          choices={choices}
          participants={participants}
          onChange={change}
          newCode={() => nextNewCode(participants, choices, focusGroupCode)}
        />
      ) : (
        <p className="hint">{t('import.noVoices')}</p>
      )}
      {open.length > 0 && (
        <div className="notice-warning" role="status">
          <p>{t('import.unassignedHint', { n: open.length })}</p>
          <button type="button" onClick={allNew}>
            {t('import.allNew', { n: open.length })}
          </button>
        </div>
      )}
      {unattributed > 0 && preview.labels.length > 0 && (
        <p className="hint">{t('import.unattributed', { n: unattributed })}</p>
      )}
      <TranscriptLines lines={preview.draft.lines} ignored={ignored} onToggle={toggle} />
      <h3 className="turns-preview-title" id={previewTitleId}>
        {t('import.previewTurns')}
      </h3>
      <ol className="turns-preview" aria-labelledby={previewTitleId}>
        {result.turns.slice(0, 6).map((turn, i) => (
          <li key={i}>
            {turn.speaker && <strong>{turn.speaker}</strong>}
            {turn.time !== null && <time> {formatClock(turn.time)}</time>}
            {(turn.speaker || turn.time !== null) && ': '}
            {result.text.slice(turn.start, Math.min(turn.end, turn.start + 160))}
          </li>
        ))}
      </ol>
      {takenCode?.kind === 'new' && (
        <p className="field-error" role="alert">
          {t('import.codeTaken', { code: takenCode.code })}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" disabled={busy} onClick={() => onSkip()}>
          {t('import.skip')}
        </button>
        <button
          type="button"
          className={duplicate ? undefined : 'primary'}
          disabled={busy || result.text.trim() === '' || takenCode !== undefined || open.length > 0}
          onClick={() =>
            onImport(
              importInput(preview, choices, ignored, title, sessionId, {
                names: evaluatorNames,
                role: evaluatorRole,
              }),
            )
          }
        >
          {duplicate ? t('import.importAnyway') : t('import.confirmTranscript')}
        </button>
      </div>
    </>
  );
}
