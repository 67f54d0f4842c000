import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { translator, type MessageKey } from '../i18n';
import { CampoError } from '../ipc/errors';

/**
 * Safe XML reading for REFI-QDA files (project.qde, .qdc). These files come from other people's
 * machines: a DOCTYPE can declare entities that expand to gigabytes ("billion laughs") or point
 * at local files, so any DOCTYPE or ENTITY declaration is refused before the parser sees the
 * text, and the parser itself never expands entities: the five predefined ones and character
 * references are decoded here, by a single regular expression, on the values that are read.
 */

/** A parsed element: attributes as `@_name`, text as `#text`, children by tag name. */
export type XmlNode = Record<string, unknown>;

/** Elements that may repeat anywhere in a project or codebook: always parsed as arrays. */
const REPEATED = new Set([
  'User',
  'Code',
  'Variable',
  'Case',
  'VariableValue',
  'CodeRef',
  'SourceRef',
  'SelectionRef',
  'TextSource',
  'PictureSource',
  'PDFSource',
  'AudioSource',
  'VideoSource',
  'PlainTextSelection',
  'PictureSelection',
  'PDFSelection',
  'AudioSelection',
  'VideoSelection',
  'Transcript',
  'TranscriptSelection',
  'SyncPoint',
  'Coding',
  'NoteRef',
  'Note',
  'Link',
  'Set',
  'MemberCode',
  'MemberSource',
  'MemberNote',
  'Graph',
  'Vertex',
  'Edge',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  // Never expand anything: DOCTYPE entities included. Predefined entities are decoded below.
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  // Inline source texts (PlainTextContent) must keep their spaces: positions count them.
  trimValues: false,
  isArray: (name, _path, _leaf, isAttribute) => !isAttribute && REPEATED.has(name),
});

/** Refused before parsing: DOCTYPE or ENTITY declarations, whatever their case. */
const DECLARATION = /<!\s*(doctype|entity)/i;

/** A FILE_DAMAGED error naming the file, with a reason in Italian. */
export function damaged(file: string, reason: string): CampoError {
  return new CampoError('FILE_DAMAGED', `${file}: ${reason}`, { file, reason });
}

/**
 * A FILE_DAMAGED error whose reason is a catalogue message (`damage.<reasonKey>`), so the user
 * reads it in their language; `reason` keeps the Italian text for logs and older readers.
 */
export function damagedBecause(
  file: string,
  reasonKey: string,
  params: Record<string, string | number> = {},
): CampoError {
  const reason = translator('it')(`damage.${reasonKey}` as MessageKey, params);
  return new CampoError('FILE_DAMAGED', `${file}: ${reason}`, {
    file,
    reason,
    reasonKey,
    ...params,
  });
}

/** The first element of an XML text (its root), for messages. */
const ROOT_NAME = /<([A-Za-z_][\w.:-]{0,100})/;

/**
 * Why XML text is not well formed, with the line a user can look at. fast-xml-parser reports
 * a file that stops early (a truncated download, a full disk) at line 1 or at the last tag it
 * saw: such a file is said to stop at its last line, before closing its root element.
 */
function invalidXml(
  file: string,
  text: string,
  error: { msg: string; line: number; col: number },
): CampoError {
  const lines = text.split('\n').length;
  const unclosed =
    /^Invalid '\[/.test(error.msg) ||
    /^Unclosed tag/.test(error.msg) ||
    !text.trimEnd().endsWith('>');
  if (unclosed) {
    const element = ROOT_NAME.exec(text)?.[1]?.replace(/^[\w.-]{1,50}:/, '') ?? '?';
    return damagedBecause(file, 'xmlTruncated', { line: lines, element });
  }
  return damagedBecause(file, 'xmlInvalid', { line: error.line, column: error.col });
}

/**
 * Parses XML text after refusing DOCTYPE/ENTITY declarations and checking it is well formed.
 * A UTF-8 BOM (or its decoded U+FEFF) is dropped; CRLF is fine.
 */
export function parseXml(xml: string, file: string): XmlNode {
  const text = xml.replace(/^\uFEFF/, '');
  if (DECLARATION.test(text)) throw damagedBecause(file, 'doctype');
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw invalidXml(file, text, valid.err);
  return parser.parse(text) as XmlNode;
}

const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes predefined entities and character references in one pass (no double decoding). */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, decimal?: string, hex?: string, name?: string) => {
    if (name) return NAMED[name] ?? whole;
    const point = decimal !== undefined ? Number(decimal) : Number.parseInt(hex ?? '', 16);
    return point <= 0x10ffff && !(point >= 0xd800 && point <= 0xdfff)
      ? String.fromCodePoint(point)
      : '\uFFFD';
  });
}

/** Child elements named `name` (always an array; empty when absent). */
export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  const value = node?.[name];
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  // An empty element parses as '' : keep it as an element without attributes.
  return list.map((item) => (typeof item === 'object' && item !== null ? (item as XmlNode) : {}));
}

/** The first child element named `name`, if any. */
export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  const value = node?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  if (first === undefined || first === null) return undefined;
  return typeof first === 'object' ? (first as XmlNode) : { '#text': String(first) };
}

/** An attribute's decoded value, or null when absent. */
export function attr(node: XmlNode | undefined, name: string): string | null {
  const value = node?.[`@_${name}`];
  return value === undefined || value === null ? null : decodeEntities(String(value));
}

/** The decoded text of the child element `name` ('' when absent), not trimmed. */
export function childText(node: XmlNode | undefined, name: string): string {
  const value = node?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  if (first === undefined || first === null) return '';
  if (typeof first !== 'object') return decodeEntities(String(first));
  const text = (first as XmlNode)['#text'];
  return text === undefined || text === null ? '' : decodeEntities(String(text));
}

/** A GUID as Campo keeps it: lower case, without the braces some tools write. */
export function normalGuid(value: string | null): string | null {
  if (value === null) return null;
  const guid = value
    .trim()
    .replace(/^\{(.*)\}$/, '$1')
    .toLowerCase();
  return guid === '' ? null : guid;
}

/** The normalised GUID in the `targetGUID` attribute of each child `name`. */
export function targets(node: XmlNode | undefined, name: string): string[] {
  return children(node, name).flatMap((ref) => normalGuid(attr(ref, 'targetGUID')) ?? []);
}
