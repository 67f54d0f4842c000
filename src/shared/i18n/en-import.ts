import type { itImport } from './it-import';

/** English messages of transcript imports: the keys of it-import.ts. */
export const enImport: Record<keyof typeof itImport, string> = {
  'import.plainText': 'text',
  'import.notSpeaker': '— Not a voice: stays text —',
  'import.newParticipantOption': 'New participant…',
  'import.newCode': 'Pseudonym for {speaker}',
  'import.newRole': 'Role of {speaker}',
  'import.newRolePlaceholder': 'e.g. Job centre adviser',
  'import.nameKept':
    'The name written in the file is kept as the new participant’s personal data: screens and reports show the pseudonym.',
  'import.doubt.header':
    'Looks like a header or an annotation (date, place, note…), not a voice: it stays text for now.',
  'import.doubt.upper-case': 'Upper-case label: it stays text for now.',
  'import.doubt.once': 'Appears once and nobody else speaks twice: it stays text for now.',
  'import.lineCount': 'Lines',
  'import.unattributed':
    '{n, plural, one {# paragraph without a voice} other {# paragraphs without a voice}}: they stay text, with no participant.',
  'import.noVoices': 'No voices recognised: the text will be imported by paragraphs.',
  'import.linesCaption': 'Lines of the file',
  'import.linesHint': 'Tick the lines not to import (headers, the transcriber’s notes…).',
  'import.ignoreLine': 'Ignore line {n}',
  'import.ignoredCount': '{n, plural, one {# line ignored} other {# lines ignored}}',
  'import.showAllLines': 'Show all {n} lines',
  'import.duplicate':
    'This file seems imported already: “{title}”, of {date}{same, select, yes { (same text)} other {}}.',
  'import.duplicateHint':
    'Usually it is best skipped; import it only if it really is another transcript.',
  'import.importAnyway': 'Import anyway',
  'import.skipDuplicate': 'Skip: it is imported already',
  'import.skippedDuplicate': 'skipped: imported already as “{title}”',
  'import.badTimes':
    '{n, plural, one {# invalid time} other {# invalid times}} (line {line}: “{value}”): those turns have no time.',
  'import.previewTurns': 'Preview of the first turns',
  'import.codeTaken': 'The pseudonym {code} is already in use.',
  'cli.import.skipped':
    '{file}: imported already as “{existing}”: skipped (add --again to import it again)',
};
