import { CampoError } from '../../../shared/ipc/errors';

/** Node's system error: an Error with an errno code such as 'ENOSPC'. */
export function errnoOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : undefined;
}

/**
 * Turns a file-system failure into an error the user can act on. Unknown failures are rethrown
 * as they are: they are bugs, or conditions we have not met yet, and deserve their stack.
 */
export function toUserFsError(error: unknown, path: string): unknown {
  if (error instanceof CampoError) return error;
  const code = errnoOf(error);
  const cause = { cause: error };
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new CampoError('DISK_FULL', `No space left to write ${path}`, { path }, cause);
    case 'EACCES':
    case 'EPERM':
      return new CampoError('PERMISSION_DENIED', `Permission denied: ${path}`, { path }, cause);
    case 'EROFS':
      return new CampoError('READ_ONLY', `Read-only file system: ${path}`, { path }, cause);
    case 'EBUSY':
    case 'ETXTBSY':
      return new CampoError(
        'FILE_BUSY',
        `File in use by another program: ${path}`,
        { path },
        cause,
      );
    case 'ENOENT':
    case 'ENOTDIR':
      return new CampoError('PATH_NOT_FOUND', `Not found: ${path}`, { path }, cause);
    default:
      return error;
  }
}
