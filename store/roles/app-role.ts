/**
 * Applies store/roles/app-role.sql from code: run as the schema's owner (after the migrations) to give the role the
 * hub runs as ordinary rights on its tables and append-only rights on the access audit. PostgreSQL only.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db.js';

const scriptPath = fileURLToPath(new URL('./app-role.sql', import.meta.url));

export async function applyAppRole(db: Db, appRole: string): Promise<void> {
  if (db.engine !== 'postgres') throw new Error('database roles need a real PostgreSQL server');
  const script = await readFile(scriptPath, 'utf8');
  await db.transaction(async (tx) => {
    await tx.query(`SELECT set_config('hub.app_role', $1, true), set_config('hub.schema', $2, true)`, [
      appRole,
      db.schema,
    ]);
    await tx.exec(script);
  });
}
