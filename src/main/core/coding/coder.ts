import { userInfo } from 'node:os';

/** Who coded: the computer account's name, kept in the project only. */
export function coderName(): string {
  try {
    return userInfo().username;
  } catch {
    return '';
  }
}
