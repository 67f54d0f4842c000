import { useEffect, useMemo } from 'react';
import { emptySections } from '../../../shared/report/empty-sections';
import type { ReportSectionId } from '../../../shared/report/model';
import { useLanguage, useT } from '../../i18n/use-t';
import { useProjectStore } from '../../stores/project-store';
import { useReportStore } from '../../stores/report-store';
import { ReportDetails } from './ReportDetails';
import { SectionList } from './SectionList';

/**
 * The report composer: which sections, in which order, the cover's details; the index it will
 * have; then the Word draft and the Excel data, with progress while they are written.
 */
export function ReportScreen() {
  const t = useT();
  const uiLanguage = useLanguage();
  const project = useProjectStore((state) => state.snapshot?.project);
  const projectId = project?.id;
  const empty = useMemo(
    () => (project ? emptySections(project) : new Set<ReportSectionId>()),
    [project],
  );
  const { settings, outline, exporting, load, change, flush, exportFile } = useReportStore();
  useEffect(() => load(), [load, projectId]);
  const percent = exporting ? Math.round(exporting.fraction * 100) : 0;
  return (
    <div className="screen report-screen">
      <h1>{t('nav.report')}</h1>
      <p className="intro">{t('report.composer.intro')}</p>
      <div className="report-composer">
        <section className="panel" aria-labelledby="report-sections-title">
          <h2 id="report-sections-title">{t('report.composer.sections')}</h2>
          <p className="hint">{t('report.composer.sectionsHint')}</p>
          <SectionList
            sections={settings.sections}
            empty={empty}
            onChange={(sections) => change({ sections })}
          />
        </section>
        <div className="report-side">
          <ReportDetails settings={settings} onChange={change} onFlush={() => void flush()} />
          <section className="panel" aria-labelledby="report-export-title">
            <h2 id="report-export-title">{t('report.composer.export')}</h2>
            <div className="toolbar">
              <button
                type="button"
                className="primary"
                disabled={exporting !== null || settings.sections.length === 0}
                onClick={() => void exportFile('docx')}
              >
                {t('report.composer.exportDocx')}
              </button>
              <button
                type="button"
                disabled={exporting !== null}
                onClick={() => void exportFile('xlsx')}
              >
                {t('report.composer.exportXlsx')}
              </button>
            </div>
            {exporting && (
              <div className="export-progress" role="status">
                <progress max={100} value={percent} aria-label={t('report.composer.progress')} />
                <span>{t('report.composer.progressText', { percent })}</span>
              </div>
            )}
            <p className="hint">{t('report.composer.exportHint')}</p>
            {settings.sections.includes('index') && (
              <p className="hint" data-testid="index-hint">
                {t('report.composer.indexHint')}
              </p>
            )}
            <div className="toolbar">
              <button
                type="button"
                disabled={exporting !== null}
                onClick={() => void exportFile('qdpx')}
              >
                {t('exchange.exportQdpx')}
              </button>
              <button
                type="button"
                disabled={exporting !== null}
                onClick={() => void exportFile('qdc')}
              >
                {t('exchange.exportQdc')}
              </button>
            </div>
            <p className="hint">{t('exchange.exportHint')}</p>
          </section>
          <section className="panel" aria-labelledby="report-outline-title">
            <h2 id="report-outline-title">{t('report.composer.outline')}</h2>
            {/* An Italian outline under an English interface is the report's language, not a
                missing translation (walk-through 10). */}
            {settings && settings.language !== uiLanguage && (
              <p className="hint">
                {t('report.composer.outlineLanguage', {
                  language: settings.language === 'it' ? 'Italiano' : 'English',
                  field: t('report.composer.language'),
                })}
              </p>
            )}
            {outline && (
              <>
                {outline.unreadable.length > 0 && (
                  <p className="warning" role="alert">
                    {t('report.composer.unreadable', {
                      count: outline.unreadable.length,
                      titles: outline.unreadable.slice(0, 5).join(', '),
                    })}
                  </p>
                )}
                <p className="hint">
                  {t('report.composer.counts', {
                    tables: outline.tables,
                    figures: outline.figures,
                    quotations: outline.quotations,
                  })}
                </p>
                {/* Focusable: it scrolls, and a keyboard must be able to scroll it. */}
                <ul
                  className="report-outline"
                  aria-label={t('report.composer.outline')}
                  tabIndex={0}
                >
                  {outline.headings
                    .filter((heading) => heading.level < 3)
                    .map((heading, index) => (
                      <li key={index} className={`outline-h${heading.level}`}>
                        {heading.text}
                      </li>
                    ))}
                </ul>
              </>
            )}
          </section>
        </div>
      </div>
    </div>
  );
}
