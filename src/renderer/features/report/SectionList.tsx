import { useRef } from 'react';
import { REPORT_SECTIONS, type ReportSectionId } from '../../../shared/report/model';
import { useT } from '../../i18n/use-t';

/**
 * The report's sections: ticked ones in report order, then the others. A ticked section moves
 * with its arrow buttons, or Alt+↑ / Alt+↓ from its checkbox (focus follows it).
 */
export function SectionList({
  sections,
  empty,
  onChange,
}: {
  sections: readonly ReportSectionId[];
  /** Sections with nothing of this project to print yet (see emptySections). */
  empty: ReadonlySet<ReportSectionId>;
  onChange(sections: ReportSectionId[]): void;
}) {
  const t = useT();
  const list = useRef<HTMLOListElement>(null);
  const others = REPORT_SECTIONS.filter((id) => !sections.includes(id));
  const move = (id: ReportSectionId, by: -1 | 1) => {
    const from = sections.indexOf(id);
    const to = from + by;
    if (from < 0 || to < 0 || to >= sections.length) return;
    const next = [...sections];
    next.splice(from, 1);
    next.splice(to, 0, id);
    onChange(next);
    // Keep the keyboard on the section that moved.
    requestAnimationFrame(() =>
      list.current?.querySelector<HTMLInputElement>(`input[data-section="${id}"]`)?.focus(),
    );
  };
  const toggle = (id: ReportSectionId, on: boolean) =>
    onChange(
      on
        ? // A section put back goes where it customarily is among the ticked ones.
          REPORT_SECTIONS.filter((s) => s === id || sections.includes(s)).sort(
            (a, b) => order(a, sections) - order(b, sections),
          )
        : sections.filter((s) => s !== id),
    );
  const emptyTicked = sections.filter((id) => empty.has(id));
  return (
    <>
      {emptyTicked.length > 0 && (
        <p className="hint">
          {t('report.composer.emptyTicked', { n: emptyTicked.length })}{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => onChange(sections.filter((id) => !empty.has(id)))}
          >
            {t('report.composer.untickEmpty')}
          </button>
        </p>
      )}
      <ol className="section-list" ref={list} aria-label={t('report.composer.sections')}>
        {[...sections, ...others].map((id) => {
          const included = sections.includes(id);
          const index = sections.indexOf(id);
          const label = t(`report.sections.${id}`);
          return (
            <li key={id} className={included ? 'included' : 'excluded'}>
              <label>
                <input
                  type="checkbox"
                  data-section={id}
                  // Named by the section alone; «(ancora nessun dato)» is said as its description.
                  aria-label={label}
                  aria-describedby={empty.has(id) ? `section-empty-${id}` : undefined}
                  checked={included}
                  onChange={(event) => toggle(id, event.target.checked)}
                  onKeyDown={(event) => {
                    if (!event.altKey || !included) return;
                    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
                      event.preventDefault();
                      move(id, event.key === 'ArrowUp' ? -1 : 1);
                    }
                  }}
                />
                {included && (
                  <span className="section-number" aria-hidden="true">
                    {index + 1}.
                  </span>
                )}
                <span className="section-text">
                  <span className="section-label">{label}</span>
                  {empty.has(id) && (
                    <span className="section-empty" id={`section-empty-${id}`}>
                      {/* Transcripts alone do not fill it: it lists the interview records. */}
                      {t(
                        id === 'fieldwork'
                          ? 'report.composer.emptyFieldwork'
                          : 'report.composer.emptySection',
                      )}
                    </span>
                  )}
                </span>
              </label>
              {included && (
                <span className="section-moves">
                  <button
                    type="button"
                    className="icon"
                    disabled={index === 0}
                    aria-label={t('report.composer.moveUp', { section: label })}
                    onClick={() => move(id, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="icon"
                    disabled={index === sections.length - 1}
                    aria-label={t('report.composer.moveDown', { section: label })}
                    onClick={() => move(id, 1)}
                  >
                    ↓
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}

/**
 * Where a section sorts when put back: after the ticked section that customarily precedes it,
 * so a custom order of the others is kept.
 */
function order(id: ReportSectionId, current: readonly ReportSectionId[]): number {
  const position = current.indexOf(id);
  if (position >= 0) return position;
  const before = REPORT_SECTIONS.slice(0, REPORT_SECTIONS.indexOf(id))
    .reverse()
    .find((s) => current.includes(s));
  return before === undefined ? -0.5 : current.indexOf(before) + 0.5;
}
