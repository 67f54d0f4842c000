import type { itUsability } from './it-usability';

/** English messages of the usability fixes: the keys of it-usability.ts. */
export const enUsability: Record<keyof typeof itUsability, string> = {
  'save.unsaved': 'Unsaved changes',
  'notes.codedLabel': 'DVs from the notes ({n})',
  'notes.codeMarks': 'Code the marked notes with their DVs ({n})',
  'notes.codeMarksHint':
    'Each note marked with Alt+1…9 is coded with its DV’s code; Ctrl+Z undoes it.',
  'notes.codedDone':
    '{n, plural, =0 {No marked note left to code.} one {# coding added from the notes’ DVs.} other {# codings added from the notes’ DVs.}}',
  'retrieval.pendingMarks':
    '{n, plural, one {# DV mark of the live notes is not coded yet.} other {# DV marks of the live notes are not coded yet.}}',
  'notes.markedWith': 'Marked with this DV in the notes',
  'coding.keysHint':
    'Keyboard: ←/→ word, ↑/↓ sentence, Ctrl+↑/↓ turn, Home/End start and end of the turn; Shift selects. 1–9 codes, Esc clears the selection.',
  'coding.selectedAnnounce': 'Selected: {text}',
  'coding.skipToText': 'Skip to the text to code',
  'nav.skipToContent': 'Skip to content',
};
