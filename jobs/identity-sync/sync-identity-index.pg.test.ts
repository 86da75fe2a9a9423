/**
 * Sealed records through identity-sync on PostgreSQL: the seal an agency reports in its person index reaches the
 * identity index, where the gateway reads it per child (sealedReasonsByChild) without asking the agency.
 */
import { randomUUID } from 'node:crypto';
import { GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AgencyPersonRecord, Connector } from '../../connectors/connector.js';
import { childIdsByRecords, sealedReasonsByChild } from '../../connectors/identity/identity-reads.js';
import { createLogger } from '../../platform/logger.js';
import type { Db } from '../../store/db.js';
import { migrate } from '../../store/migrate.js';
import { openPostgresDb } from '../../store/postgres-db.js';
import { syncIdentityIndex } from './sync-identity-index.js';

const databaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const logger = createLogger({ service: 'identity-sync-pg-test', level: 'silent' });

const person = (
  over: Partial<AgencyPersonRecord> & Pick<AgencyPersonRecord, 'agency' | 'localId'>,
): AgencyPersonRecord => ({
  nhsNumber: null,
  upn: null,
  givenName: 'Jordan',
  familyName: 'Ellis',
  dateOfBirth: '2010-03-14',
  sex: 'M',
  postcode: 'LS6 2AB',
  ...over,
});

/** An agency connector whose person index serves `people()` (or fails when `down()`), with no relationships. */
function agency(
  name: string,
  code: 'SOCIAL_CARE' | 'HEALTH',
  people: () => AgencyPersonRecord[],
  down: () => boolean = () => false,
): Connector {
  return {
    name,
    schema: new GraphQLSchema({}),
    merge: {},
    agency: {
      agency: code,
      keyField: 'ids',
      sourceField: 'source',
      chronologyField: 'chronology',
      teamField: 'team',
    },
    async personIndex() {
      if (down()) throw new Error('agency down');
      return { records: people(), next: null };
    },
    relationships: async () => [],
    ping: async () => undefined,
    close: async () => undefined,
  };
}

describe('sealed records in the identity index', () => {
  const schemaName = `t_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  let db: Db;
  // NHS number 9434765919 is valid, so the two records of Jordan link into one child.
  let socialCare: AgencyPersonRecord[];
  let gp: AgencyPersonRecord[];
  let socialCareDown: boolean;
  const connectors = [
    agency(
      'social-care',
      'SOCIAL_CARE',
      () => socialCare,
      () => socialCareDown,
    ),
    agency('health', 'HEALTH', () => gp),
  ];
  const sync = () => syncIdentityIndex({ db, logger, connectors });

  async function childOf(localId: string): Promise<string> {
    const [childId] = await childIdsByRecords(db, 'social-care', [localId]);
    if (!childId) throw new Error(`${localId} is not in the index`);
    return childId;
  }

  beforeAll(async () => {
    db = await openPostgresDb({
      url: databaseUrl,
      schema: schemaName,
      poolMax: 4,
      statementTimeoutMs: 10_000,
    });
    await migrate(db);
  });
  afterAll(async () => {
    await db.exec(`DROP SCHEMA ${schemaName} CASCADE`);
    await db.close();
  });
  beforeEach(() => {
    socialCare = [
      person({ agency: 'social-care', localId: 'SC1', nhsNumber: '9434765919', sealedReason: 'ADOPTION' }),
      person({
        agency: 'social-care',
        localId: 'SC2',
        givenName: 'Kim',
        familyName: 'Osei',
        dateOfBirth: '2008-01-02',
        sex: 'F',
        postcode: 'BD1 1AA',
        sealedReason: null,
      }),
    ];
    gp = [person({ agency: 'gp', localId: 'P1', nhsNumber: '9434765919' })];
    socialCareDown = false;
  });

  it("reports a sealed person's child with the reason after a sync, and no one else", async () => {
    await sync();
    const sealed = await childOf('SC1');
    const open = await childOf('SC2');
    expect(sealed).not.toBe(open);
    const [gpChild] = await childIdsByRecords(db, 'gp', ['P1']);
    expect(gpChild).toBe(sealed);
    expect(await sealedReasonsByChild(db, [sealed, open, 'ch_unknown'])).toEqual(
      new Map([[sealed, 'ADOPTION']]),
    );
    expect(await sealedReasonsByChild(db, [])).toEqual(new Map());
  });

  it('follows a changed reason, and clears the seal when the agency unseals the record', async () => {
    await sync();
    const child = await childOf('SC1');
    socialCare[0] = { ...socialCare[0]!, sealedReason: 'RESTRICTED_ADDRESS' };
    await sync();
    expect(await sealedReasonsByChild(db, [child])).toEqual(new Map([[child, 'RESTRICTED_ADDRESS']]));
    socialCare[0] = { ...socialCare[0]!, sealedReason: null };
    await sync();
    expect(await childOf('SC1')).toBe(child);
    expect(await sealedReasonsByChild(db, [child])).toEqual(new Map());
  });

  it('treats an agency that reports no seal at all as unsealing', async () => {
    await sync();
    const child = await childOf('SC1');
    const withoutSeal = { ...socialCare[0]! };
    delete withoutSeal.sealedReason;
    socialCare[0] = withoutSeal;
    await sync();
    expect(await sealedReasonsByChild(db, [child])).toEqual(new Map());
  });

  it('keeps the seal while the sealing agency cannot be read', async () => {
    await sync();
    const child = await childOf('SC1');
    socialCareDown = true;
    const report = await sync();
    expect(report.unavailable).toEqual(['social-care']);
    expect(await sealedReasonsByChild(db, [child])).toEqual(new Map([[child, 'ADOPTION']]));
  });

  it('takes the reason of the highest-precedence agency when more than one record of a child is sealed', async () => {
    gp = [person({ agency: 'gp', localId: 'P1', nhsNumber: '9434765919', sealedReason: 'GP_RESTRICTED' })];
    await sync();
    const child = await childOf('SC1');
    expect(await sealedReasonsByChild(db, [child])).toEqual(new Map([[child, 'ADOPTION']]));
    socialCare[0] = { ...socialCare[0]!, sealedReason: null };
    await sync();
    expect(await sealedReasonsByChild(db, [child])).toEqual(new Map([[child, 'GP_RESTRICTED']]));
  });
});
