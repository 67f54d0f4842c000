import type { itSafety } from './it-safety';

/** English messages of hostile-input refusals and path grants, spread into en.ts. */
export const enSafety: Record<keyof typeof itSafety, string> = {
  'refusal.zipTruncated': 'the zip archive is truncated',
  'refusal.zipIndexMisplaced': 'the zip index is out of place',
  'refusal.zipIndexDamaged': 'the zip index is damaged',
  'refusal.zipUnsafePath': 'path not allowed in the archive: {entry}',
  'refusal.unzippedTooLarge': 'the uncompressed content is too large',
  'refusal.entryEncrypted': '{entry} is encrypted',
  'refusal.entryHeaderDamaged': '{entry}: damaged zip header',
  'refusal.entryTruncated': '{entry}: truncated data',
  'refusal.entryLiesAboutSize': '{entry} is larger than it declares (zip bomb)',
  'refusal.entryCorrupt': '{entry}: damaged compressed data',
  'refusal.entryMethod': '{entry}: unsupported compression method',
  'refusal.entrySizeMismatch': '{entry}: size differs from the declared one',
  'refusal.xmlDoctype': 'the XML file holds a DOCTYPE or ENTITY declaration: it is not opened',
  'refusal.xmlInvalid': 'invalid XML at line {line}, column {column}',
  'refusal.xmlTruncated':
    'the file stops at line {line} before closing the element “{element}”: it is probably truncated',
  'refusal.xmlTooDeep': 'XML elements nested deeper than {max} levels',
  'refusal.notRefi':
    'not {expected, select, project {a REFI-QDA project} other {a REFI-QDA codebook}} (the element {element} is missing)',
  'refusal.severalQde': 'the archive holds several .qde files: which one to open is unclear',
  'refusal.parserMemory': 'reading it would need more than {mb} MB of memory',
  'refusal.parserStopped': 'reading stopped ({detail})',
  'refusal.notSpreadsheet': 'not a spreadsheet Campo can read (XLSX, XLS, ODS or CSV)',
  'refusal.parserError': 'read error: {detail}',
  'refusal.textRunTooLong': 'it holds an unbroken text of {size}; the limit is {max}',
  'refusal.tooManyTurns': 'it holds more than {max} speaker turns',
  'refusal.tooManyCodes': 'it holds more than {max} codes',
  'refusal.codesTooDeep': 'it nests codes deeper than {max} levels',
  'refusal.unexpectedContent': 'unexpected content',
  'cli.problem.restorePending':
    'restoring backup {backupId} was interrupted: it will be completed at the next open',
  'errors.PATH_NOT_GRANTED':
    'Campo cannot use {path}: choose it in the system’s Open or Save dialog.',
  'errors.REQUEST_TOO_LARGE':
    'The file is too large to upload ({size}); the limit is {max}. Nothing was changed.',
};
