/**
 * The small XML and identifier toolkit of the REFI-QDA writer: escaping, an indenting element
 * writer, GUIDs for Campo ids and xsd-safe number and date formats.
 */

/**
 * Characters XML 1.0 does not allow at all (C0 controls but tab, CR, LF; lone surrogates; U+FFFE,
 * U+FFFF). Escaping cannot save them, so they are dropped.
 */
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** `value` with the characters XML 1.0 forbids removed. */
export function xmlSafe(value: string): string {
  return value.replace(FORBIDDEN, '');
}

/**
 * Text content, escaped. A CR is written as a reference because parsers turn a literal CRLF into
 * LF, and memos keep their line ends.
 */
export function escapeText(value: string): string {
  return xmlSafe(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;');
}

/** An attribute value, escaped; tab and line ends as references so normalisation keeps them. */
export function escapeAttribute(value: string): string {
  return escapeText(value).replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

/** Attributes in writing order; undefined values are left out. */
export type Attributes = ReadonlyArray<readonly [string, string | undefined]>;

/** Writes indented XML line by line; text elements keep their content on one line, unindented. */
export class XmlWriter {
  private readonly lines: string[] = ['<?xml version="1.0" encoding="utf-8"?>'];
  private depth = 0;

  private tag(name: string, attributes: Attributes): string {
    const rendered = attributes
      .filter((entry): entry is readonly [string, string] => entry[1] !== undefined)
      .map(([key, value]) => ` ${key}="${escapeAttribute(value)}"`)
      .join('');
    return `${name}${rendered}`;
  }

  private push(line: string): void {
    this.lines.push(`${'  '.repeat(this.depth)}${line}`);
  }

  /** `<name …>`; close it with {@link close}. */
  open(name: string, attributes: Attributes = []): void {
    this.push(`<${this.tag(name, attributes)}>`);
    this.depth += 1;
  }

  close(name: string): void {
    this.depth -= 1;
    this.push(`</${name}>`);
  }

  /** `<name …/>` */
  empty(name: string, attributes: Attributes = []): void {
    this.push(`<${this.tag(name, attributes)}/>`);
  }

  /** `<name …>text</name>` */
  text(name: string, content: string, attributes: Attributes = []): void {
    this.push(`<${this.tag(name, attributes)}>${escapeText(content)}</${name}>`);
  }

  /** The document, ending with a newline. */
  toString(): string {
    return `${this.lines.join('\n')}\n`;
  }

  /**
   * What was written since the last `drain` (each line ending with a newline), forgotten here:
   * a large document is handed on in pieces instead of held whole.
   */
  drain(): string {
    if (this.lines.length === 0) return '';
    const text = `${this.lines.join('\n')}\n`;
    this.lines.length = 0;
    return text;
  }
}

const GUID =
  /^(?:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})|\{([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\})$/i;

/** Namespace of Campo's name-based (version 5) UUIDs: a fixed random UUID. */
const CAMPO_NAMESPACE = '6b1d2f8e-3c47-4a95-b0e2-9d4f71c3a862';

function rotl(value: number, bits: number): number {
  return (value << bits) | (value >>> (32 - bits));
}

/** SHA-1 of `bytes` (FIPS 180-4); only for name-based UUIDs, never for security. */
function sha1(bytes: Uint8Array): Uint8Array {
  const bitLength = bytes.length * 8;
  const padded = new Uint8Array((((bytes.length + 8) >> 6) + 1) * 64);
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bitLength / 2 ** 32));
  view.setUint32(padded.length - 4, bitLength >>> 0);
  const h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
  const w = new Array<number>(80);
  for (let block = 0; block < padded.length; block += 64) {
    for (let i = 0; i < 16; i += 1) w[i] = view.getUint32(block + i * 4);
    for (let i = 16; i < 80; i += 1)
      w[i] = rotl(w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!, 1);
    let [a, b, c, d, e] = h as [number, number, number, number, number];
    for (let i = 0; i < 80; i += 1) {
      const [f, k] =
        i < 20
          ? [(b & c) | (~b & d), 0x5a827999]
          : i < 40
            ? [b ^ c ^ d, 0x6ed9eba1]
            : i < 60
              ? [(b & c) | (b & d) | (c & d), 0x8f1bbcdc]
              : [b ^ c ^ d, 0xca62c1d6];
      const next = (rotl(a, 5) + f + e + k + w[i]!) >>> 0;
      e = d;
      d = c;
      c = rotl(b, 30) >>> 0;
      b = a;
      a = next;
    }
    h[0] = (h[0]! + a) >>> 0;
    h[1] = (h[1]! + b) >>> 0;
    h[2] = (h[2]! + c) >>> 0;
    h[3] = (h[3]! + d) >>> 0;
    h[4] = (h[4]! + e) >>> 0;
  }
  const out = new Uint8Array(20);
  const outView = new DataView(out.buffer);
  h.forEach((word, i) => outView.setUint32(i * 4, word));
  return out;
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * A GUID for any Campo id: the id itself when it is already a GUID (lower-cased, braces dropped),
 * else a stable UUID-shaped hash of it (same id → same GUID): an RFC 4122 version 5 UUID in a
 * namespace of Campo's own.
 */
export function guidOf(id: string): string {
  const match = GUID.exec(id);
  if (match) return (match[1] ?? match[2]!).toLowerCase();
  const namespace = Uint8Array.from(CAMPO_NAMESPACE.replace(/-/g, '').match(/../g)!, (pair) =>
    parseInt(pair, 16),
  );
  const name = new TextEncoder().encode(id);
  const input = new Uint8Array(namespace.length + name.length);
  input.set(namespace);
  input.set(name, namespace.length);
  const bytes = sha1(input).slice(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const digits = hex(bytes);
  return [
    digits.slice(0, 8),
    digits.slice(8, 12),
    digits.slice(12, 16),
    digits.slice(16, 20),
    digits.slice(20),
  ].join('-');
}

/**
 * `value` as an xsd:decimal (no exponent: 1e21 → "1000000000000000000000"), or null when it is
 * not a finite number.
 */
export function decimalString(value: number): string | null {
  if (!Number.isFinite(value)) return null;
  const plain = String(value);
  const exponent = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(plain);
  if (!exponent) return plain;
  const [, sign, whole, fraction = '', power] = exponent;
  const digits = `${whole}${fraction}`;
  const point = whole!.length + Number(power);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

const XSD_DATE_TIME = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?$/;

/** `value` when it is an xsd:dateTime, else `fallback` (data migrated from older files). */
export function dateTimeOr(value: string | null | undefined, fallback: string): string {
  return value && XSD_DATE_TIME.test(value) ? value : fallback;
}
