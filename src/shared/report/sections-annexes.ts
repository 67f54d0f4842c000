import { headerRow, type Chapter, type ReportContext } from './report-context';
import { heldSessions } from './empty-sections';

/**
 * Participants by pseudonym, role, organisation, partnership type and territory. Real names only
 * when the user asked for them (`includeNames`), with a warning printed above the table.
 */
export function participantsAnnex(context: ReportContext, chapter: Chapter): void {
  const { t, project, settings } = context;
  if (project.participants.length === 0) {
    chapter.paragraph(t('report.participants.none'));
    return;
  }
  const names = settings.includeNames;
  chapter.paragraph(t('report.participants.intro'));
  if (names) chapter.paragraph(t('report.participants.namesWarning'), { italic: true });
  chapter.table({
    title: t('report.participants.tableTitle'),
    source: { what: t('report.sourceWhat.registry') },
    // The last column fits «Partnership type» word by word (it broke inside the word).
    widths: names ? [12, 15, 21, 23, 13, 16] : [14, 27, 29, 14, 16],
    header: [
      headerRow([
        t('participantField.code'),
        ...(names ? [t('report.participants.colName')] : []),
        t('participantField.role'),
        t('participantField.organisation'),
        t('participantField.partnershipType'),
        t('participantField.territory'),
      ]),
    ],
    rows: project.participants.map((participant) => [
      { text: participant.code, bold: true },
      ...(names ? [{ text: participant.name }] : []),
      { text: participant.role },
      { text: participant.organisation },
      {
        text: participant.partnershipType ? t(`partnership.${participant.partnershipType}`) : '',
      },
      { text: participant.territory },
    ]),
  });
}

/** Interviews and focus groups held: code, type, date, mode, participants by pseudonym. */
export function fieldworkAnnex(context: ReportContext, chapter: Chapter): void {
  const { t, project } = context;
  const held = heldSessions(project).sort((a, b) =>
    (a.date ?? '9999').localeCompare(b.date ?? '9999'),
  );
  if (held.length === 0) {
    chapter.paragraph(t('report.fieldwork.none'));
    return;
  }
  chapter.paragraph(t('report.fieldwork.intro'));
  chapter.table({
    title: t('report.fieldwork.tableTitle'),
    source: { what: t('report.sourceWhat.registry') },
    widths: [12, 14, 14, 22, 38],
    header: [
      headerRow([
        t('report.fieldwork.colCode'),
        t('report.fieldwork.colKind'),
        t('report.fieldwork.colDate'),
        t('report.fieldwork.colMode'),
        t('report.fieldwork.colParticipants'),
      ]),
    ],
    rows: held.map((session) => [
      { text: session.code, bold: true },
      {
        text: t(
          session.kind === 'interview'
            ? 'report.fieldwork.interview'
            : 'report.fieldwork.focusGroup',
        ),
      },
      { text: session.date ? context.date(session.date) : '–' },
      { text: t(`mode.${session.mode}`) },
      {
        text: session.participantIds
          .map((id) => context.participants.get(id)?.code)
          .filter(Boolean)
          .join(', '),
      },
    ]),
  });
}
