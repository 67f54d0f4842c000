import { describe, expect, it } from 'vitest';
import { toUtf16, utf16ToCodePoint } from '../../../src/shared/exchange/positions';

describe('REFI-QDA positions', () => {
  const text = 'Città 😀 ok\r\nfine';
  // UTF-16: "Città " 0-6, 😀 6-8, " ok" 8-11, CR 11, LF 12, "fine" 13-17.
  it('converts UTF-16 offsets to code points and back', () => {
    expect(utf16ToCodePoint(text, 6)).toBe(6);
    expect(utf16ToCodePoint(text, 8)).toBe(7);
    expect(utf16ToCodePoint(text, text.length)).toBe(16);
    const fromPoints = toUtf16(text, 'codepoint');
    expect(fromPoints(7)).toBe(8);
    expect(fromPoints(16)).toBe(17);
    expect(fromPoints(17)).toBeNull();
  });

  it('reads UTF-16 units, refusing a position inside an emoji', () => {
    const read = toUtf16(text, 'utf16');
    expect(read(8)).toBe(8);
    expect(read(7)).toBeNull();
    expect(read(18)).toBeNull();
  });

  it('reads UTF-8 bytes, refusing a position inside a character', () => {
    const read = toUtf16(text, 'utf8');
    // "Citt" 4 bytes, "à" 2 bytes: "Città" ends at byte 6.
    expect(read(6)).toBe(5);
    expect(read(5)).toBeNull();
    // "Città " 7 bytes, 😀 4 bytes.
    expect(read(11)).toBe(8);
  });

  it('reads positions that count CRLF as one character', () => {
    const read = toUtf16(text, 'codepoint-crlf1');
    // "fine" starts after CRLF: code point 12 when CRLF counts 2, 11 when it counts 1.
    expect(text.slice(read(11)!, read(15)!)).toBe('fine');
    expect(read(16)).toBeNull();
    expect(text.slice(toUtf16(text, 'codepoint')(12)!)).toBe('fine');
  });
});
