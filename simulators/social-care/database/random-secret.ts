import { randomBytes } from 'node:crypto';

/** Lower-case hex: safe in role names and passwords without quoting. */
export function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}
