/**
 * Errors that cross the contract. A `CampoError` is a *user* error: something the user can act on
 * (a locked project, a full disk, a bad value), shown in their language from the catalogue key
 * `errors.<code>` with `details` as parameters. Anything else thrown by a handler is a bug: it is
 * logged with its stack in the host and crosses as `INTERNAL`.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'NO_PROJECT_OPEN',
  'NOT_A_PROJECT',
  'PROJECT_EXISTS',
  'PROJECT_LOCKED',
  'LOCK_LOST',
  'PROJECT_CORRUPT',
  'PROJECT_TOO_NEW',
  'NOT_FOUND',
  'DUPLICATE',
  'SOURCE_CORRUPT',
  'BACKUP_NOT_FOUND',
  'PROJECT_IS_BACKUP',
  'DISK_FULL',
  'PERMISSION_DENIED',
  'READ_ONLY',
  'FILE_BUSY',
  'PATH_NOT_FOUND',
  'UNSUPPORTED',
  'NOT_RECEIVED',
  'FILE_EMPTY',
  'FILE_TOO_LARGE',
  'FILE_DAMAGED',
  'FILE_TYPE_MISMATCH',
  'FILE_TYPE_UNSUPPORTED',
  'IMPORT_TIMEOUT',
  'UNAUTHORIZED',
  'HOST_UNREACHABLE',
  'UNDO_CONFLICT',
  'STALE_CHANGE',
  'CODEBOOK_RULE',
  'EMPTY_PASSAGE',
  'NGT_RULE',
  'BALLOT_INVALID',
  'TARGET_OPEN',
  'TARGET_READ_ONLY',
  'PATH_NOT_GRANTED',
  'REQUEST_TOO_LARGE',
  'MERGE_UNDECIDED',
  'MERGE_UNDO_REFUSED',
  'IMPORT_UNDO_REFUSED',
  'IMPORT_UNDO_GONE',
  'OUT_OF_MEMORY',
  'SOURCES_UNREADABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Values an error may carry for its message; plain data so it survives structured clone and JSON. */
export type ErrorDetails = Record<string, string | number | boolean | null | string[] | object>;

/** The shape of an error on the wire (IPC and HTTP alike). */
export interface WireError {
  code: ErrorCode;
  message: string;
  details?: ErrorDetails;
}

/** An error the user can understand and act on. */
export class CampoError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails | undefined;

  constructor(code: ErrorCode, message: string, details?: ErrorDetails, options?: ErrorOptions) {
    super(message, options);
    this.name = 'CampoError';
    this.code = code;
    this.details = details;
  }

  toWire(): WireError {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }

  static fromWire(wire: WireError): CampoError {
    return new CampoError(wire.code, wire.message, wire.details);
  }
}

/** The envelope every handler answers with, so errors keep their code across Electron IPC. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: WireError };
