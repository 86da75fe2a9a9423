import type { GraphQLSchema } from 'graphql';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../store/db.js';
import { migratedSchema, type TestSchema } from '../audit/testing/audit-test-db.js';
import { createAccessAdminSchema } from './access-admin-schema.js';
import {
  addChildToPanel,
  addPanelMember,
  createPanel,
  panelChildIdsForMember,
  removeChildFromPanel,
  removePanelMember,
} from './panel-lists.js';
import {
  addChildren,
  countRows,
  dataOf,
  errorCode,
  run,
  testCaller,
} from './testing/access-admin-test-kit.js';

let store: TestSchema;
let db: Db;
let schema: GraphQLSchema;
const clock = new Date('2026-03-02T09:00:00.000Z');

beforeEach(async () => {
  store = await migratedSchema();
  db = store.db;
  schema = createAccessAdminSchema({ db, now: () => clock });
  await addChildren(db, 'ch_a', 'ch_b', 'ch_c');
});
afterEach(async () => {
  await store.drop();
});

const manager = testCaller('TEAM_MANAGER', { userId: 'tm-1', email: 'priya.manager@council.example' });

const panelFields =
  'code name createdBy createdAt members { email addedBy addedAt } children { childId addedBy }';
const create = `mutation ($code: ID!, $name: String!) { createPanel(code: $code, name: $name) { ${panelFields} } }`;
const addMember = `mutation ($panelCode: ID!, $email: String!) {
  addPanelMember(panelCode: $panelCode, email: $email) { ${panelFields} } }`;
const removeMember = `mutation ($panelCode: ID!, $email: String!) {
  removePanelMember(panelCode: $panelCode, email: $email) { ${panelFields} } }`;
const addChild = `mutation ($panelCode: ID!, $childId: ID!) {
  addChildToPanel(panelCode: $panelCode, childId: $childId) { ${panelFields} } }`;
const removeChild = `mutation ($panelCode: ID!, $childId: ID!) {
  removeChildFromPanel(panelCode: $panelCode, childId: $childId) { ${panelFields} } }`;
const panels = `{ panels { code name members { email } children { childId } } }`;
const panel = `query ($code: ID!) { panel(code: $code) { code members { email } children { childId addedBy } } }`;

interface PanelData {
  code: string;
  name: string;
  members: Array<{ email: string; addedBy?: string }>;
  children: Array<{ childId: string; addedBy?: string }>;
}

describe('panel lists through GraphQL (MANAGE_PANEL_LISTS)', () => {
  it('creates a panel, adds members and children, lists them, and takes them off again', async () => {
    const created = dataOf<{ createPanel: PanelData }>(
      await run(schema, manager, create, { code: ' mace-north ', name: 'MACE panel (north)' }),
    ).createPanel;
    expect(created).toEqual({
      code: 'MACE-NORTH',
      name: 'MACE panel (north)',
      createdBy: 'tm-1',
      createdAt: '2026-03-02T09:00:00.000Z',
      members: [],
      children: [],
    });

    await run(schema, manager, addMember, { panelCode: 'MACE-NORTH', email: ' Jo.Panel@Police.Example ' });
    await run(schema, manager, addMember, { panelCode: 'mace-north', email: 'jo.panel@police.example' });
    await run(schema, manager, addMember, { panelCode: 'MACE-NORTH', email: 'ali.nurse@nhs.example' });
    await run(schema, manager, addChild, { panelCode: 'MACE-NORTH', childId: 'ch_b' });
    const afterAdds = dataOf<{ addChildToPanel: PanelData }>(
      await run(schema, manager, addChild, { panelCode: 'MACE-NORTH', childId: 'ch_a' }),
    ).addChildToPanel;
    expect(afterAdds.members).toEqual([
      { email: 'ali.nurse@nhs.example', addedBy: 'tm-1', addedAt: '2026-03-02T09:00:00.000Z' },
      { email: 'jo.panel@police.example', addedBy: 'tm-1', addedAt: '2026-03-02T09:00:00.000Z' },
    ]);
    expect(afterAdds.children).toEqual([
      { childId: 'ch_b', addedBy: 'tm-1' },
      { childId: 'ch_a', addedBy: 'tm-1' },
    ]);

    await run(schema, manager, create, { code: 'CME', name: 'Children missing education' });
    expect(dataOf<{ panels: PanelData[] }>(await run(schema, manager, panels)).panels).toEqual([
      { code: 'CME', name: 'Children missing education', members: [], children: [] },
      {
        code: 'MACE-NORTH',
        name: 'MACE panel (north)',
        members: [{ email: 'ali.nurse@nhs.example' }, { email: 'jo.panel@police.example' }],
        children: [{ childId: 'ch_b' }, { childId: 'ch_a' }],
      },
    ]);

    await run(schema, manager, removeMember, { panelCode: 'MACE-NORTH', email: 'JO.PANEL@police.example' });
    const afterRemoves = dataOf<{ removeChildFromPanel: PanelData }>(
      await run(schema, manager, removeChild, { panelCode: 'MACE-NORTH', childId: 'ch_b' }),
    ).removeChildFromPanel;
    expect(afterRemoves.members.map((member) => member.email)).toEqual(['ali.nurse@nhs.example']);
    expect(afterRemoves.children.map((child) => child.childId)).toEqual(['ch_a']);
    expect(
      dataOf<{ panel: PanelData }>(await run(schema, manager, panel, { code: 'mace-north' })).panel,
    ).toEqual({
      code: 'MACE-NORTH',
      members: [{ email: 'ali.nurse@nhs.example' }],
      children: [{ childId: 'ch_a', addedBy: 'tm-1' }],
    });
    expect(dataOf<{ panel: null }>(await run(schema, manager, panel, { code: 'NOPE' })).panel).toBeNull();

    // removals are recorded, not deleted
    const { rows } = await db.query<{ email: string; removed_by: string | null }>(
      'SELECT email, removed_by FROM panel_members ORDER BY id',
    );
    expect(rows).toEqual([
      { email: 'jo.panel@police.example', removed_by: 'tm-1' },
      { email: 'ali.nurse@nhs.example', removed_by: null },
    ]);
  });

  it('refuses callers without MANAGE_PANEL_LISTS (FORBIDDEN) and writes nothing', async () => {
    await createPanel(db, { code: 'MACE', name: 'MACE', by: 'tm-0' });
    const rowsBefore = await countRows(db, 'panels');
    const outsiders = [
      testCaller('SOCIAL_WORKER'),
      testCaller('PANEL_MEMBER'),
      testCaller('PRIVACY_OFFICER'),
      testCaller('ADMIN'),
      testCaller('TEAM_MANAGER', { activities: ['VIEW_CHILD_RECORD'] }),
    ];
    for (const caller of outsiders) {
      const results = [
        await run(schema, caller, create, { code: 'OTHER', name: 'Other' }),
        await run(schema, caller, addMember, { panelCode: 'MACE', email: 'x@council.example' }),
        await run(schema, caller, addMember, { panelCode: 'NO-SUCH-PANEL', email: 'x@council.example' }),
        await run(schema, caller, addChild, { panelCode: 'MACE', childId: 'ch_a' }),
        await run(schema, caller, removeChild, { panelCode: 'MACE', childId: 'ch_a' }),
        await run(schema, caller, removeMember, { panelCode: 'MACE', email: 'x@council.example' }),
        await run(schema, caller, panels),
        await run(schema, caller, panel, { code: 'MACE' }),
      ];
      for (const result of results)
        expect({ role: caller.role, code: errorCode(result) }).toEqual({
          role: caller.role,
          code: 'FORBIDDEN',
        });
    }
    expect(await countRows(db, 'panels')).toBe(rowsBefore);
    expect(await countRows(db, 'panel_members')).toBe(0);
    expect(await countRows(db, 'panel_children')).toBe(0);
  });

  it('does not let a manager add themselves; refuses unknown panels and children and bad input', async () => {
    await createPanel(db, { code: 'MACE', name: 'MACE', by: 'tm-0' });
    expect(
      errorCode(
        await run(schema, manager, addMember, { panelCode: 'MACE', email: 'Priya.Manager@council.example' }),
      ),
    ).toBe('FORBIDDEN');
    expect(errorCode(await run(schema, manager, addChild, { panelCode: 'MACE', childId: 'ch_nobody' }))).toBe(
      'NOT_FOUND',
    );
    expect(errorCode(await run(schema, manager, addChild, { panelCode: 'NOPE', childId: 'ch_a' }))).toBe(
      'NOT_FOUND',
    );
    expect(
      errorCode(await run(schema, manager, addMember, { panelCode: 'MACE', email: 'not-an-email' })),
    ).toBe('VALIDATION_FAILED');
    expect(errorCode(await run(schema, manager, create, { code: 'has space', name: 'x' }))).toBe(
      'VALIDATION_FAILED',
    );
    expect(errorCode(await run(schema, manager, create, { code: 'OK', name: '   ' }))).toBe(
      'VALIDATION_FAILED',
    );
    expect(errorCode(await run(schema, manager, create, { code: 'mace', name: 'Again' }))).toBe('CONFLICT');
    expect(await countRows(db, 'panel_members')).toBe(0);
    expect(await countRows(db, 'panel_children')).toBe(0);
  });
});

describe('panelChildIdsForMember', () => {
  it('says which of the children are on a panel the e-mail currently sits on, in one query', async () => {
    await createPanel(db, { code: 'MACE', name: 'MACE', by: 'tm-1' });
    await createPanel(db, { code: 'CME', name: 'CME', by: 'tm-1' });
    await addPanelMember(db, { panelCode: 'MACE', email: 'jo@police.example', by: 'tm-1' });
    await addPanelMember(db, { panelCode: 'CME', email: 'jo@police.example', by: 'tm-1' });
    await addPanelMember(db, { panelCode: 'CME', email: 'sam@school.example', by: 'tm-1' });
    await addChildToPanel(db, { panelCode: 'MACE', childId: 'ch_a', by: 'tm-1' });
    await addChildToPanel(db, { panelCode: 'CME', childId: 'ch_b', by: 'tm-1' });
    await addChildToPanel(db, { panelCode: 'CME', childId: 'ch_a', by: 'tm-1' });

    expect(await panelChildIdsForMember(db, 'Jo@Police.Example', ['ch_a', 'ch_b', 'ch_c', 'ch_a'])).toEqual(
      new Set(['ch_a', 'ch_b']),
    );
    expect(await panelChildIdsForMember(db, 'sam@school.example', ['ch_a', 'ch_b', 'ch_c'])).toEqual(
      new Set(['ch_a', 'ch_b']),
    );
    expect(await panelChildIdsForMember(db, 'nobody@council.example', ['ch_a'])).toEqual(new Set());
    expect(await panelChildIdsForMember(db, 'jo@police.example', [])).toEqual(new Set());

    // taken off the list, or off the panel: no longer theirs; put back: theirs again
    expect(await removeChildFromPanel(db, { panelCode: 'CME', childId: 'ch_b', by: 'tm-1' })).toBe(true);
    expect(await removeChildFromPanel(db, { panelCode: 'CME', childId: 'ch_b', by: 'tm-1' })).toBe(false);
    expect(await removePanelMember(db, { panelCode: 'MACE', email: 'jo@police.example', by: 'tm-1' })).toBe(
      true,
    );
    expect(await panelChildIdsForMember(db, 'jo@police.example', ['ch_a', 'ch_b'])).toEqual(
      new Set(['ch_a']),
    );
    expect(await removePanelMember(db, { panelCode: 'CME', email: 'jo@police.example', by: 'tm-1' })).toBe(
      true,
    );
    expect(await panelChildIdsForMember(db, 'jo@police.example', ['ch_a', 'ch_b'])).toEqual(new Set());
    expect(await addPanelMember(db, { panelCode: 'CME', email: 'jo@police.example', by: 'tm-2' })).toBe(true);
    expect(await addPanelMember(db, { panelCode: 'CME', email: 'jo@police.example', by: 'tm-2' })).toBe(
      false,
    );
    expect(await panelChildIdsForMember(db, 'jo@police.example', ['ch_a', 'ch_b'])).toEqual(
      new Set(['ch_a']),
    );
  });
});
