/** English messages of the project store v2 (revisions, other windows, caches), spread into en.ts. */
export const enStore = {
  'errors.STALE_CHANGE':
    'Not saved: “{field}” was changed in another window while you were working here. This window now shows the saved version; make your change again if you still need it.',
  'store.indexing': 'Indexing the project… {percent}%',
  'cli.problem.drifted':
    '{file}: {count, plural, one {# coding no longer matches} other {# codings no longer match}} the text (changed outside Campo): flagged for review',
} as const;
