/** Lower case without accents ("Città" → "citta"), for matching what users type or files say. */
export function foldAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * A person's name as a list being imported is compared with the project's: spaces and case
 * aside ("Anna  ROSSI" is "anna rossi"), accents kept (speaker labels are matched with accents
 * folded too: see speaker-mapping.ts).
 */
export function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
}
