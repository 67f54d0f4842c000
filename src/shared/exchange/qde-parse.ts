import {
  attr,
  child,
  childText,
  children,
  damagedBecause,
  normalGuid,
  parseXml,
  targets,
  type XmlNode,
} from './qde-parse-xml';

/**
 * REFI-QDA project.qde and codebook .qdc files read into a small intermediate model, before
 * anything is mapped to Campo (see src/main/core/exchange/qdpx-import.ts). Pure: no file access;
 * the archive is opened by qdpx-read.ts. GUIDs are lower-cased and stripped of braces so
 * references match whatever case each tool writes. Namespaces are ignored (prefixes removed), so
 * the project namespace urn:QDA-XML:project:1.0 and the codebook namespaces
 * urn:QDA-XML:codebook:1.0 and the older urn:QDA-XML:codebook:0:4 all read the same.
 */

/** A code of the codebook with its sub-codes. */
export interface RefiCode {
  guid: string;
  name: string;
  /** As written (`#rgb` or `#rrggbb`), or null. */
  color: string | null;
  description: string;
  children: RefiCode[];
}

/** One Coding element: a code applied to a selection. */
export interface RefiCoding {
  guid: string;
  codeGuid: string;
  userGuid: string | null;
  createdAt: string | null;
}

/**
 * A PlainTextSelection. `start`/`end` are as written, in whatever unit the tool counted (NaN
 * when unreadable); `name` is often, but not reliably, the selected text.
 */
export interface RefiSelection {
  guid: string;
  name: string;
  start: number;
  end: number;
  description: string;
  codings: RefiCoding[];
  userGuid: string | null;
  createdAt: string | null;
  /** Notes attached to the selection (NoteRef). */
  noteGuids: string[];
}

/** A TextSource: where its text is, and its selections. */
export interface RefiTextSource {
  guid: string;
  name: string;
  plainTextPath: string | null;
  richTextPath: string | null;
  /** The text itself when the tool embedded it instead of a file (PlainTextContent). */
  plainTextContent: string | null;
  selections: RefiSelection[];
  noteGuids: string[];
  description: string;
}

/** A case (a participant, an organisation…) with its variable values and sources. */
export interface RefiCase {
  guid: string;
  name: string;
  description: string;
  values: Array<{ variableGuid: string; value: string | number | boolean | null }>;
  sourceGuids: string[];
  /** Selections the case is linked to (SelectionRef). */
  selectionGuids: string[];
}

/** A note (memo): its text inline, or in a file of the archive. */
export interface RefiNote {
  guid: string;
  name: string;
  text: string;
  plainTextPath: string | null;
}

/** A Set: a group of codes (ATLAS.ti code groups) and/or of sources (document groups). */
export interface RefiSet {
  name: string;
  description: string;
  codeGuids: string[];
  sourceGuids: string[];
}

/** A whole project.qde. */
export interface RefiProject {
  name: string;
  /** The program that wrote the file, as it says ("NVivo for Windows 12.6", "ATLAS.ti Win 23.4.0"). */
  origin: string | null;
  description: string;
  /** User GUID → display name (the name, else the short id, else the GUID). */
  users: Map<string, string>;
  codes: RefiCode[];
  sources: RefiTextSource[];
  /** PDF, picture, audio and video sources (Campo keeps text only). */
  otherSources: number;
  otherSourceNames: string[];
  variables: Array<{ guid: string; name: string; type: string }>;
  cases: RefiCase[];
  notes: RefiNote[];
  /** Notes attached to the project itself (NoteRef under Project). */
  projectNoteGuids: string[];
  /** Links between any two objects (a note and a selection, typically). */
  links: Array<{ originGuid: string | null; targetGuid: string | null; noteGuids: string[] }>;
  sets: RefiSet[];
}

const OTHER_SOURCES = ['PictureSource', 'PDFSource', 'AudioSource', 'VideoSource'] as const;

/** An integer attribute as written; NaN when missing or not an integer. */
function position(value: string | null): number {
  return value !== null && /^\s*[+-]?\d+\s*$/.test(value) ? Number(value) : Number.NaN;
}

function codesOf(parent: XmlNode | undefined): RefiCode[] {
  return children(parent, 'Code').flatMap((node): RefiCode[] => {
    const guid = normalGuid(attr(node, 'guid'));
    if (guid === null) return [];
    return [
      {
        guid,
        name: (attr(node, 'name') ?? '').trim(),
        color: attr(node, 'color')?.trim() || null,
        description: childText(node, 'Description').trim(),
        children: codesOf(node),
      },
    ];
  });
}

function codingsOf(node: XmlNode): RefiCoding[] {
  return children(node, 'Coding').flatMap((coding): RefiCoding[] => {
    const codeGuid = targets(coding, 'CodeRef')[0];
    if (codeGuid === undefined) return [];
    return [
      {
        guid: normalGuid(attr(coding, 'guid')) ?? '',
        codeGuid,
        userGuid: normalGuid(attr(coding, 'creatingUser')),
        createdAt: attr(coding, 'creationDateTime'),
      },
    ];
  });
}

function selectionsOf(source: XmlNode): RefiSelection[] {
  return children(source, 'PlainTextSelection').map((node) => ({
    guid: normalGuid(attr(node, 'guid')) ?? '',
    name: attr(node, 'name') ?? '',
    start: position(attr(node, 'startPosition')),
    end: position(attr(node, 'endPosition')),
    description: childText(node, 'Description').trim(),
    codings: codingsOf(node),
    userGuid: normalGuid(attr(node, 'creatingUser')),
    createdAt: attr(node, 'creationDateTime'),
    noteGuids: targets(node, 'NoteRef'),
  }));
}

function textSourcesOf(sources: XmlNode | undefined): RefiTextSource[] {
  return children(sources, 'TextSource').flatMap((node): RefiTextSource[] => {
    const guid = normalGuid(attr(node, 'guid'));
    if (guid === null) return [];
    const inline = child(node, 'PlainTextContent');
    return [
      {
        guid,
        name: (attr(node, 'name') ?? '').trim(),
        plainTextPath: attr(node, 'plainTextPath')?.trim() || null,
        richTextPath: attr(node, 'richTextPath')?.trim() || null,
        plainTextContent: inline ? childText(node, 'PlainTextContent') : null,
        selections: selectionsOf(node),
        noteGuids: targets(node, 'NoteRef'),
        description: childText(node, 'Description').trim(),
      },
    ];
  });
}

/** The value of a VariableValue, typed by the element that holds it. */
function variableValue(node: XmlNode): string | number | boolean | null {
  for (const name of ['IntegerValue', 'FloatValue']) {
    if (child(node, name)) {
      const text = childText(node, name).trim();
      const number = text === '' ? Number.NaN : Number(text);
      return Number.isFinite(number) ? number : null;
    }
  }
  if (child(node, 'BooleanValue')) {
    const text = childText(node, 'BooleanValue').trim().toLowerCase();
    return text === 'true' || text === '1' ? true : text === 'false' || text === '0' ? false : null;
  }
  for (const name of ['DateValue', 'DateTimeValue', 'TextValue']) {
    if (child(node, name)) return childText(node, name).trim();
  }
  return null;
}

function casesOf(cases: XmlNode | undefined): RefiCase[] {
  return children(cases, 'Case').flatMap((node): RefiCase[] => {
    const guid = normalGuid(attr(node, 'guid'));
    if (guid === null) return [];
    return [
      {
        guid,
        name: (attr(node, 'name') ?? '').trim(),
        description: childText(node, 'Description').trim(),
        values: children(node, 'VariableValue').flatMap((value) => {
          const variableGuid = normalGuid(attr(child(value, 'VariableRef'), 'targetGUID'));
          return variableGuid === null ? [] : [{ variableGuid, value: variableValue(value) }];
        }),
        sourceGuids: targets(node, 'SourceRef'),
        selectionGuids: targets(node, 'SelectionRef'),
      },
    ];
  });
}

/** The root element `name`, or FILE_DAMAGED when the XML is something else. */
function root(
  xml: string,
  file: string,
  names: string[],
  expected: 'project' | 'codebook',
): XmlNode {
  const document = parseXml(xml, file);
  for (const name of names) {
    const node = child(document, name);
    if (node) return node;
  }
  throw damagedBecause(file, 'notRefi', { kind: expected, element: names[0]! });
}

/**
 * Reads a project.qde. Refuses (FILE_DAMAGED) XML with a DOCTYPE or ENTITY declaration,
 * malformed XML, or a root other than Project. Every element type of the standard is accepted;
 * what Campo cannot use (graphs, picture/PDF/audio/video selections) is only counted.
 */
export function parseProjectQde(xml: string, file = 'project.qde'): RefiProject {
  const project = root(xml, file, ['Project'], 'project');
  const users = new Map<string, string>();
  for (const user of children(child(project, 'Users'), 'User')) {
    const guid = normalGuid(attr(user, 'guid'));
    if (guid === null) continue;
    users.set(guid, attr(user, 'name')?.trim() || attr(user, 'id')?.trim() || guid);
  }
  const sources = child(project, 'Sources');
  const others = OTHER_SOURCES.flatMap((name) => children(sources, name));
  return {
    name: (attr(project, 'name') ?? '').trim(),
    origin: attr(project, 'origin')?.trim() || null,
    description: childText(project, 'Description').trim(),
    users,
    codes: codesOf(child(child(project, 'CodeBook'), 'Codes')),
    sources: textSourcesOf(sources),
    otherSources: others.length,
    otherSourceNames: others.map((node) => attr(node, 'name')?.trim() || attr(node, 'path') || ''),
    variables: children(child(project, 'Variables'), 'Variable').flatMap((node) => {
      const guid = normalGuid(attr(node, 'guid'));
      return guid === null
        ? []
        : [
            {
              guid,
              name: (attr(node, 'name') ?? '').trim(),
              type: (attr(node, 'typeOfVariable') ?? 'Text').trim(),
            },
          ];
    }),
    cases: casesOf(child(project, 'Cases')),
    notes: children(child(project, 'Notes'), 'Note').flatMap((node) => {
      const guid = normalGuid(attr(node, 'guid'));
      return guid === null
        ? []
        : [
            {
              guid,
              name: (attr(node, 'name') ?? '').trim(),
              text: childText(node, 'PlainTextContent'),
              plainTextPath: attr(node, 'plainTextPath')?.trim() || null,
            },
          ];
    }),
    projectNoteGuids: targets(project, 'NoteRef'),
    links: children(child(project, 'Links'), 'Link').map((node) => ({
      originGuid: normalGuid(attr(node, 'originGUID')),
      targetGuid: normalGuid(attr(node, 'targetGUID')),
      noteGuids: targets(node, 'NoteRef'),
    })),
    sets: setsOf(project),
  };
}

/** The Sets of a project or codebook. */
function setsOf(parent: XmlNode): RefiSet[] {
  return children(child(parent, 'Sets'), 'Set').map((node) => ({
    name: (attr(node, 'name') ?? '').trim(),
    description: childText(node, 'Description').trim(),
    codeGuids: targets(node, 'MemberCode'),
    sourceGuids: targets(node, 'MemberSource'),
  }));
}

/** A codebook as read from a .qdc (or a project's CodeBook). */
export interface RefiCodebook {
  codes: RefiCode[];
  /** Code groups (ATLAS.ti writes them as Sets of MemberCode). */
  sets: RefiSet[];
  origin: string | null;
}

/**
 * Reads a codebook (.qdc): root CodeBook in the 1.0 or the older 0.4 namespace, with its Sets.
 * A project.qde is accepted too (its codebook and its sets are returned), so "import codebook"
 * works on either file.
 */
export function parseCodebookQdc(xml: string, file = 'codebook.qdc'): RefiCodebook {
  const node = root(xml, file, ['CodeBook', 'Project'], 'codebook');
  // In a project the codebook is one level down; its Sets are the project's.
  const codebook = child(node, 'Codes') ? node : child(node, 'CodeBook');
  return {
    codes: codesOf(child(codebook, 'Codes')),
    sets: setsOf(node),
    origin: attr(node, 'origin')?.trim() || null,
  };
}
