/**
 * Rebuilds the identity index from what the agencies hold now: pages through every agency connector's person
 * index, links the records (deterministic, then scored, with people's decisions applied), writes the index with
 * stable child ids, and refreshes the relationships access control checks callers against.
 */
import type { AgencyPersonRecord, Connector, Relationship } from '../../connectors/connector.js';
import { writeIdentityIndex, type IndexWriteReport } from '../../connectors/identity/index-writer.js';
import { loadDecisions } from '../../connectors/identity/link-decisions.js';
import { linkRecords } from '../../connectors/identity/matching/index.js';
import type { Logger } from '../../platform/logger.js';
import type { Db } from '../../store/db.js';

export interface IdentitySyncReport extends IndexWriteReport {
  recordsByAgency: Record<string, number>;
  relationships: number;
  /** Agencies whose person index could not be read; their records keep their previous links. */
  unavailable: string[];
}

const pageSize = 1000;

export async function syncIdentityIndex(deps: {
  db: Db;
  logger: Logger;
  connectors: readonly Connector[];
}): Promise<IdentitySyncReport> {
  const recordsByAgency: Record<string, number> = {};
  const unavailable: string[] = [];
  const records: AgencyPersonRecord[] = [];
  const indexed = deps.connectors.filter((connector) => connector.personIndex);
  for (const connector of indexed) {
    try {
      const agencyRecords = await readAll(connector);
      records.push(...agencyRecords);
      recordsByAgency[connector.name] = agencyRecords.length;
    } catch (error) {
      // Linking without an agency would unlink its records; keep what the index has for it instead.
      unavailable.push(connector.name);
      deps.logger.warn(
        { connector: connector.name, err: error },
        'person index unavailable; its links are kept',
      );
    }
  }
  if (unavailable.length > 0) records.push(...(await previousRecords(deps.db, indexed, unavailable)));
  const decisions = await loadDecisions(deps.db);
  const result = linkRecords(dedupe(records), { decisions });
  const report = await writeIdentityIndex(deps.db, dedupe(records), result);
  const relationships = await refreshRelationships(
    deps,
    indexed.filter((c) => !unavailable.includes(c.name)),
    records,
  );
  return { ...report, recordsByAgency, relationships, unavailable };
}

async function readAll(connector: Connector): Promise<AgencyPersonRecord[]> {
  const out: AgencyPersonRecord[] = [];
  let cursor: string | null = null;
  do {
    const page = await connector.personIndex!(cursor, pageSize);
    out.push(...page.records);
    cursor = page.next;
  } while (cursor !== null);
  return out;
}

/** A duplicated (agency, local id) — an agency listing a record twice across pages — is kept once. */
function dedupe(records: readonly AgencyPersonRecord[]): AgencyPersonRecord[] {
  const seen = new Map<string, AgencyPersonRecord>();
  for (const record of records) seen.set(`${record.agency}\u0000${record.localId}`, record);
  return [...seen.values()];
}

async function previousRecords(
  db: Db,
  connectors: readonly Connector[],
  unavailable: string[],
): Promise<AgencyPersonRecord[]> {
  const agencies = connectors.filter((c) => unavailable.includes(c.name)).map((c) => agencyOf(c));
  const { rows } = await db.query<{
    agency: AgencyPersonRecord['agency'];
    local_id: string;
    nhs_number: string | null;
    upn: string | null;
    given_name: string;
    family_name: string;
    date_of_birth: string;
    sex: AgencyPersonRecord['sex'];
    postcode: string | null;
    sealed_reason: string | null;
  }>(
    `SELECT agency, local_id, nhs_number, upn, given_name, family_name, to_char(date_of_birth, 'YYYY-MM-DD') AS date_of_birth, sex, postcode,
       sealed_reason
       FROM agency_records WHERE agency = ANY($1::text[])`,
    [agencies],
  );
  return rows.map((row) => ({
    agency: row.agency,
    localId: row.local_id,
    nhsNumber: row.nhs_number,
    upn: row.upn,
    givenName: row.given_name,
    familyName: row.family_name,
    dateOfBirth: row.date_of_birth,
    sex: row.sex,
    postcode: row.postcode,
    // Kept as it was: an agency that could not be read must not unseal its records.
    sealedReason: row.sealed_reason,
  }));
}

const identityAgencyOf: Record<string, AgencyPersonRecord['agency']> = {
  SOCIAL_CARE: 'social-care',
  HEALTH: 'gp',
  EDUCATION: 'education',
  ADULT_SERVICES: 'adult',
};

function agencyOf(connector: Connector): AgencyPersonRecord['agency'] {
  const agency = connector.agency ? identityAgencyOf[connector.agency.agency] : undefined;
  if (!agency) throw new Error(`connector ${connector.name} has a person index but no agency`);
  return agency;
}

async function refreshRelationships(
  deps: { db: Db },
  connectors: readonly Connector[],
  records: readonly AgencyPersonRecord[],
): Promise<number> {
  let total = 0;
  for (const connector of connectors) {
    if (!connector.relationships) continue;
    const agency = agencyOf(connector);
    const localIds = records.filter((record) => record.agency === agency).map((record) => record.localId);
    const found: Relationship[] = [];
    for (let start = 0; start < localIds.length; start += 500) {
      found.push(...(await connector.relationships(localIds.slice(start, start + 500))));
    }
    await deps.db.transaction(async (tx) => {
      await tx.query('DELETE FROM child_relationships WHERE agency = $1', [agency]);
      if (found.length === 0) return;
      await tx.query(
        `INSERT INTO child_relationships (agency, local_id, kind, subject_person, subject_organisation, since)
         SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::date[])`,
        [
          agency,
          found.map((r) => r.localId),
          found.map((r) => r.kind),
          found.map((r) => ('person' in r.subject ? r.subject.person.toLowerCase() : null)),
          found.map((r) => ('organisation' in r.subject ? r.subject.organisation : null)),
          found.map((r) => (r.since ? r.since.slice(0, 10) : null)),
        ],
      );
    });
    total += found.length;
  }
  return total;
}
