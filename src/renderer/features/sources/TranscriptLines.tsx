import { useState } from 'react';
import type { TranscriptLine } from '../../../shared/domain/transcript-draft';
import { useT } from '../../i18n/use-t';

/** Lines shown before "show all": enough for the header block and the first turns. */
const FIRST_LINES = 150;

/**
 * The lines of a transcript file, each with a box to leave it out of the import (the header of
 * a Word file, the transcriber's notes). Long files show their first lines until asked.
 */
export function TranscriptLines({
  lines,
  ignored,
  onToggle,
}: {
  lines: readonly TranscriptLine[];
  ignored: ReadonlySet<number>;
  onToggle(index: number): void;
}) {
  const t = useT();
  const [all, setAll] = useState(lines.length <= FIRST_LINES);
  const [open, setOpen] = useState(true);
  const shown = all ? lines : lines.slice(0, FIRST_LINES);
  return (
    <details
      className="transcript-lines"
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>
        {t('import.linesCaption')} ({lines.length})
        {ignored.size > 0 && ` · ${t('import.ignoredCount', { n: ignored.size })}`}
      </summary>
      <p className="hint">{t('import.linesHint')}</p>
      <ol aria-label={t('import.linesCaption')}>
        {shown.map((line, index) => (
          <li key={index} className={ignored.has(index) ? 'ignored' : undefined}>
            <label>
              <input
                type="checkbox"
                checked={ignored.has(index)}
                aria-label={t('import.ignoreLine', { n: line.number })}
                onChange={() => onToggle(index)}
              />
              <span className="line-number">{line.number}</span>
              <span className="line-text">
                {line.label !== '' && <strong>{line.prefix.trim() || line.label} </strong>}
                {line.text}
              </span>
            </label>
          </li>
        ))}
      </ol>
      {!all && (
        <button type="button" className="link-button" onClick={() => setAll(true)}>
          {t('import.showAllLines', { n: lines.length })}
        </button>
      )}
    </details>
  );
}
