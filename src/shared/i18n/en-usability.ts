import type { itUsability } from './it-usability';

/** English messages of the usability fixes: the keys of it-usability.ts. */
export const enUsability: Record<keyof typeof itUsability, string> = {
  'save.unsaved': 'Unsaved changes',
  'notes.codedLabel': 'DVs from the notes ({n})',
  'notes.restoredUnsaved':
    'Changes to the notes that Campo had not saved yet came back from this window: Campo saves them as soon as it answers.',
  'notes.codeMarks': 'Code the marked notes with their DVs ({n})',
  'notes.codeMarksHint':
    'Each note marked with Alt+1…9 is coded with its DV’s code; Ctrl+Z undoes it.',
  'notes.codedDone':
    '{n, plural, =0 {No marked note left to code.} one {# coding added from the notes’ DVs.} other {# codings added from the notes’ DVs.}}',
  'retrieval.pendingMarks':
    '{n, plural, one {# DV mark of the live notes is not coded yet.} other {# DV marks of the live notes are not coded yet.}}',
  'notes.markedWith': 'Marked with this DV in the notes',
  'coding.keysHint':
    'Keyboard: ←/→ word, ↑/↓ sentence, Ctrl+↑/↓ turn, Home/End start and end of the turn; Shift selects. 1–9 codes, Enter picks a code by name, Esc clears the selection.',
  'coding.selectedAnnounce': 'Selected: {text}',
  'coding.skipToText': 'Skip to the text to code',
  'nav.skipToContent': 'Skip to content',
  'date.placeholder': 'dd/mm/yyyy',
  'date.invalid': '“{typed}” is not a date: write it as day/month/year, for example 15/06/2021.',
  'date.notInCalendar':
    '“{typed}” is not a day of the calendar: check the day and the month (months run from 1 to 12, and not all have 31 days).',
  'amount.invalid':
    '“{typed}” is not a number: write it as 1,234.5 (comma for thousands, point for decimals; at most 15 digits).',
  'amount.readAs':
    '“{typed}” was read as {value}. If you meant {other} (thousands written the Italian way), type {other}.',
  'indicators.dateInvalid':
    '“{typed}” is not a calendar date: write a real date (15/06/2021) or a period (Nov 2020).',
  'validation.issue': '{problem} ({field})',
  'validation.field.other': 'a field',
  'validation.field.date': 'date',
  'validation.field.time': 'time',
  'validation.field.code': 'code',
  'validation.field.name': 'name',
  'validation.field.title': 'title',
  'validation.field.text': 'text',
  'validation.field.question': 'question',
  'validation.field.place': 'place',
  'validation.field.memo': 'memo',
  'validation.field.description': 'description',
  'validation.field.unit': 'unit',
  'validation.field.referenceDate': 'reference date',
  'validation.field.value': 'value',
  'validation.field.start': 'start of the passage',
  'validation.field.end': 'end of the passage',
  'validation.problem.date': 'write a date as 15/06/2021',
  'validation.problem.datetime': 'not a valid date and time',
  'validation.problem.required': 'cannot be left empty',
  'validation.problem.tooShort': 'at least {limit} characters',
  'validation.problem.tooLong': 'at most {limit} characters',
  'validation.problem.tooSmall': 'the minimum is {limit}',
  'validation.problem.tooBig': 'the maximum is {limit}',
  'validation.problem.number': 'a number is needed',
  'validation.problem.integer': 'a whole number is needed',
  'validation.problem.format': 'the format is not valid',
  'validation.problem.choice': 'choose one of the values offered',
  'validation.problem.invalid': 'the value is not valid',
  'privacy.unmatchedSpeaker': 'Speaker {n}',
  'privacy.unmatchedHint':
    'Speaker not matched to a participant: the name in the file shows with “Show names”.',
  'privacy.hiddenName': 'Name hidden (personal data)',
  'privacy.showName': 'Show and edit the name',
  'sessions.codeClash':
    '{code} is also the pseudonym of a participant who is not in this session: quotations would mix them up. Add them, if it is them, or change the code.',
  'sessions.codeClashAdd': 'Add participant {code}',
  'matrix.evidenceWord': '{n, plural, one {piece of evidence} other {pieces of evidence}}',
  'report.composer.indexHint':
    'Index: Word fills in its page numbers when it opens the file. LibreOffice shows it without numbers until you update it: Tools ▸ Update ▸ Update All.',
  'firstSteps.title': 'First steps',
  'firstSteps.intro':
    'The project is ready. This is where one usually starts; the steps can be taken in any order.',
  'firstSteps.questions': 'Add the evaluation questions',
  'firstSteps.questionsHint': 'DV1, DV2…: each becomes a code with its quick key for coding.',
  'firstSteps.participants': 'Add the participants',
  'firstSteps.participantsHint':
    'By pseudonym (INT-01, FG-01-P3); the name stays hidden personal data. A CSV or XLSX list can be imported.',
  'firstSteps.interview': 'Plan an interview',
  'firstSteps.interviewHint':
    'Date, participants and a guide linked to the questions; during the interview, live notes.',
  'firstSteps.transcript': 'Import a transcript',
  'firstSteps.transcriptHint':
    'Word, Teams/Zoom (.vtt), .srt or text: speakers are matched to participants before anything is saved.',
  'firstSteps.done': 'done',
  'time.placeholder': 'hh:mm',
  'time.invalid': '“{typed}” is not a time: write it as hours:minutes, for example 9:30 or 14:00.',
  'sessions.noSourcesYet': 'No transcripts yet: import one here or from an interview’s page.',
};
