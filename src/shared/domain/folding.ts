/** Lower case without accents ("Città" → "citta"), for matching what users type or files say. */
export function foldAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
