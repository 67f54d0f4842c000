/**
 * Italian messages of the usability fixes (issue 14): save-as-you-type, dates, keyboard coding,
 * live-note DV marks, privacy of speaker labels, first steps. Spread into it.ts.
 */
export const itUsability = {
  'save.unsaved': 'Modifiche non salvate',
} as const;
