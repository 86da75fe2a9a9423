import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../store/db.js';
import { startAccessGrant } from '../audit/access-grants.js';
import { migratedSchema, type TestSchema } from '../audit/testing/audit-test-db.js';
import type { Caller } from '../auth/policy.js';
import { shippedPolicy } from '../auth/testing.js';
import type { Role } from '../auth/vocabulary.js';
import { createAccessDecider, type PanelLists } from './child-access.js';

let store: TestSchema;
let db: Db;
const now = new Date('2026-12-01T10:00:00Z');

beforeEach(async () => {
  store = await migratedSchema();
  db = store.db;
  // c1: social care record allocated to sam, GP practice A81001, sealed for adoption. c2: school 100001 only.
  // c3: nobody's. c4: in the index, no relationships (only reachable by a grant or a panel).
  for (const id of ['c1', 'c2', 'c3', 'c4']) await db.query(`INSERT INTO children (id) VALUES ($1)`, [id]);
  const record = async (agency: string, localId: string, childId: string, sealed: string | null = null) =>
    db.query(
      `INSERT INTO agency_records (agency, local_id, child_id, given_name, family_name, date_of_birth, sex, sealed_reason)
       VALUES ($1, $2, $3, 'A', 'B', '2012-01-01', 'F', $4)`,
      [agency, localId, childId, sealed],
    );
  await record('social-care', 'P1', 'c1', 'ADOPTION');
  await record('gp', 'G1', 'c1');
  await record('education', 'E2', 'c2');
  await record('social-care', 'P3', 'c3');
  const relationship = async (
    agency: string,
    localId: string,
    kind: string,
    person: string | null,
    org: string | null,
  ) =>
    db.query(
      `INSERT INTO child_relationships (agency, local_id, kind, subject_person, subject_organisation)
       VALUES ($1, $2, $3, $4, $5)`,
      [agency, localId, kind, person, org],
    );
  await relationship('social-care', 'P1', 'ALLOCATED_SOCIAL_WORKER', 'Sam.Carter@council.example', null);
  await relationship('gp', 'G1', 'GP_PRACTICE', null, 'a81001');
  await relationship('education', 'E2', 'SCHOOL', null, '100001');
  await relationship('social-care', 'P3', 'ALLOCATED_SOCIAL_WORKER', 'someone.else@council.example', null);
});
afterEach(async () => {
  await store.drop();
});

const policy = shippedPolicy();
function caller(role: Role, email: string, organisation: string): Caller {
  const rolePolicy = policy.roles[role];
  return {
    userId: `${role.toLowerCase()}-1`,
    name: 'Test',
    email,
    organisation,
    role,
    position: undefined,
    activities: rolePolicy.activities,
    categories: rolePolicy.categories,
    relationshipKinds: rolePolicy.relationshipKinds,
    purpose: [...rolePolicy.purposes][0]!,
  };
}

const allowedOf = async (who: Caller, ids: string[], panels?: PanelLists) => {
  const decider = createAccessDecider({ db, now: () => now, ...(panels ? { panels } : {}) });
  const decisions = await decider.decide(who, ids);
  return Object.fromEntries(
    ids.map((id) => [id, decisions.get(id)?.allowed ? decisions.get(id)?.basis : 'NONE']),
  );
};

describe('who may see which child', () => {
  const ids = ['c1', 'c2', 'c3', 'c4', 'unknown'];

  it('allocated social worker by e-mail (any case), GP by practice code, school staff by URN', async () => {
    expect(await allowedOf(caller('SOCIAL_WORKER', 'sam.carter@council.example', '873'), ids)).toEqual({
      c1: 'RELATIONSHIP',
      c2: 'NONE',
      c3: 'NONE',
      c4: 'NONE',
      unknown: 'NONE',
    });
    expect(await allowedOf(caller('GP', 'dr@nhs.example', 'A81001'), ids)).toMatchObject({
      c1: 'RELATIONSHIP',
      c2: 'NONE',
    });
    expect(await allowedOf(caller('SENCO', 'senco@school.example', '100001'), ids)).toMatchObject({
      c1: 'NONE',
      c2: 'RELATIONSHIP',
    });
  });

  it('a relationship kind the role does not count gives nothing (a GP at a school URN, a SENCO named as worker)', async () => {
    expect(await allowedOf(caller('GP', 'x@nhs.example', '100001'), ids)).toMatchObject({ c2: 'NONE' });
    expect(await allowedOf(caller('SENCO', 'sam.carter@council.example', '999'), ids)).toMatchObject({
      c1: 'NONE',
    });
  });

  it('a live self-claim or break-glass grant opens the child; an ended or expired one does not', async () => {
    const worker = caller('SOCIAL_WORKER', 'new.worker@council.example', '873');
    const actor = { userId: worker.userId, role: worker.role, organisation: worker.organisation };
    const grant = (
      childId: string,
      kind: 'SELF_CLAIMED' | 'BREAK_GLASS',
      startMinutesAgo: number,
      minutes: number,
    ) =>
      startAccessGrant(db, {
        actor,
        childId,
        kind,
        reason: 'duty visit tonight',
        purpose: 'SAFEGUARDING',
        requestId: 'r1',
        durationMinutes: minutes,
        now: new Date(now.getTime() - startMinutesAgo * 60_000),
      });
    const claimed = await grant('c3', 'SELF_CLAIMED', 10, 60);
    await grant('c4', 'BREAK_GLASS', 120, 60);
    const decisions = await createAccessDecider({ db, now: () => now }).decide(worker, ids);
    expect(decisions.get('c3')).toMatchObject({ allowed: true, basis: 'SELF_CLAIMED', grantId: claimed.id });
    expect(decisions.get('c4')).toMatchObject({ allowed: false, basis: 'NONE' });
  });

  it('reads the seal with the decision, for allowed and denied children alike', async () => {
    const decisions = await createAccessDecider({ db, now: () => now }).decide(
      caller('GP', 'dr@nhs.example', 'A81001'),
      ['c1', 'c2'],
    );
    expect(decisions.get('c1')?.sealedReason).toBe('ADOPTION');
    expect(decisions.get('c2')?.sealedReason).toBeNull();
  });

  it('panel members see the children on their panels’ lists, and only they', async () => {
    const panels: PanelLists = {
      childrenOnPanels: async (email, childIds) =>
        new Set(email === 'chair@council.example' ? childIds.filter((id) => id === 'c4') : []),
      panelChildIds: async (email) => (email === 'chair@council.example' ? ['c4'] : []),
    };
    expect(
      await allowedOf(caller('PANEL_MEMBER', 'chair@council.example', '873'), ids, panels),
    ).toMatchObject({
      c4: 'RELATIONSHIP',
      c1: 'NONE',
    });
    expect(
      await allowedOf(caller('PANEL_MEMBER', 'other@council.example', '873'), ids, panels),
    ).toMatchObject({ c4: 'NONE' });
  });

  it('roles without child data see no child, whatever is recorded', async () => {
    const officer = caller('PRIVACY_OFFICER', 'sam.carter@council.example', 'A81001');
    expect(Object.values(await allowedOf(officer, ids)).every((basis) => basis === 'NONE')).toBe(true);
  });

  it('lists the children a caller can reach, for scoped listings', async () => {
    const decider = createAccessDecider({ db, now: () => now });
    expect(await decider.reachableChildIds(caller('GP', 'dr@nhs.example', 'A81001'), 100)).toEqual(['c1']);
    expect(
      await decider.reachableChildIds(caller('PRIVACY_OFFICER', 'p@council.example', '873'), 100),
    ).toEqual([]);
  });
});
