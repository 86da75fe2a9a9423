import { randomBytes } from 'node:crypto';

/** The PostgreSQL the service-tier tests use (trust auth on loopback). */
export const testDatabaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Schema and role names are shared by everyone on the server: each test takes its own. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${randomBytes(4).toString('hex')}`;
}
