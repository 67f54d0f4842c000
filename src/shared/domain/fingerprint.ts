/**
 * A short fingerprint of a coded passage (FNV-1a over its UTF-16 code units, 8 hex digits). A
 * layer keeps it instead of the passage while the source text is unchanged: reading the passage
 * back from the text, a different fingerprint shows the text moved under the coding.
 */
export function passageFingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
