import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../store/db.js';
import { migrate } from '../../store/migrate.js';
import { openPgliteDb } from '../../store/pglite-db.js';
import { createAccessAdminSchema } from './access-admin-schema.js';
import { addChildToPanel, addPanelMember, createPanel, panelChildIdsForMember } from './panel-lists.js';
import { addChildren, dataOf, errorCode, run, testCaller } from './testing/access-admin-test-kit.js';

// The embedded engine `npm start` uses with no DATABASE_URL: the same migration and queries must work there.
describe('access admin on PGlite', () => {
  let dataDir: string;
  let db: Db;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'cvh-access-admin-pglite-'));
    db = await openPgliteDb({ dataDir, schema: 'hub' });
    await migrate(db);
    await addChildren(db, 'ch_a', 'ch_b');
  });

  afterAll(async () => {
    await db?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps panel lists, starts a break-glass grant and closes its alert with a note', async () => {
    await createPanel(db, { code: 'MACE', name: 'MACE', by: 'tm-1' });
    expect(await addPanelMember(db, { panelCode: 'MACE', email: 'jo@police.example', by: 'tm-1' })).toBe(
      true,
    );
    expect(await addPanelMember(db, { panelCode: 'MACE', email: 'jo@police.example', by: 'tm-1' })).toBe(
      false,
    );
    await addChildToPanel(db, { panelCode: 'MACE', childId: 'ch_b', by: 'tm-1' });
    expect(await panelChildIdsForMember(db, 'jo@police.example', ['ch_a', 'ch_b'])).toEqual(
      new Set(['ch_b']),
    );

    const schema = createAccessAdminSchema({ db });
    const grant = dataOf<{ breakGlass: { id: string } }>(
      await run(
        schema,
        testCaller('GP'),
        'mutation { breakGlass(childId: "ch_a", reason: "Unconscious at surgery, not our patient") { id } }',
      ),
    ).breakGlass;
    const officer = testCaller('PRIVACY_OFFICER');
    const [alert] = dataOf<{ privacyAlerts: { nodes: Array<{ id: string; grant: { id: string } }> } }>(
      await run(schema, officer, '{ privacyAlerts { nodes { id grant { id } } } }'),
    ).privacyAlerts.nodes;
    expect(alert?.grant.id).toBe(grant.id);
    const closed = await run(
      schema,
      officer,
      'mutation ($id: ID!) { closePrivacyAlert(id: $id, note: "Confirmed with the practice.") { status notes { note } } }',
      { id: alert?.id },
    );
    expect(dataOf(closed)).toEqual({
      closePrivacyAlert: { status: 'CLOSED', notes: [{ note: 'Confirmed with the practice.' }] },
    });
    await expect(db.query('UPDATE privacy_alert_notes SET note = $1', ['rewritten'])).rejects.toThrow(
      /append-only/,
    );
    expect(
      errorCode(await run(schema, officer, 'mutation { breakGlass(childId: "ch_a", reason: "x") { id } }')),
    ).toBe('FORBIDDEN');
  });
});
