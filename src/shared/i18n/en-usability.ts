import type { itUsability } from './it-usability';

/** English messages of the usability fixes: the keys of it-usability.ts. */
export const enUsability: Record<keyof typeof itUsability, string> = {
  'save.unsaved': 'Unsaved changes',
};
