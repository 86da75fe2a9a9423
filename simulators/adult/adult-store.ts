import type { AdultRecord, IsoDate, Population, RecordedIdentity } from '../population/model.js';
import { normaliseNhsNumber } from './nhs-number.js';

/** Who a transition handoff is about, as adult services will record them. */
export interface HandoffSubject {
  nhsNumber: string | null;
  adultPersonId: string | null;
  givenName: string;
  familyName: string;
  dateOfBirth: IsoDate;
  sex: RecordedIdentity['sex'];
}

/**
 * The adult social care system's records, indexed for batch lookup. Records are copied on first write (not up
 * front: cloning 100,000 records costs seconds), so intake through the API never changes the shared population
 * other simulators in the same process serve from.
 */
export class AdultStore {
  private readonly byPersonId = new Map<string, AdultRecord>();
  private readonly personIdsByNhsNumber = new Map<string, string[]>();
  private readonly owned = new Set<string>();
  private opened = 0;

  constructor(records: Population['adult']) {
    for (const record of records) this.add(record);
  }

  get(personId: string): AdultRecord | null {
    return this.byPersonId.get(personId) ?? null;
  }

  /** Records for the ids in the order asked; unknown ids are left out. */
  findByPersonIds(personIds: readonly string[]): AdultRecord[] {
    const found: AdultRecord[] = [];
    for (const id of personIds) {
      const record = this.byPersonId.get(id);
      if (record) found.push(record);
    }
    return found;
  }

  /** Every record holding each NHS number (duplicates included), in the order asked, then store order. */
  findByNhsNumbers(nhsNumbers: readonly string[]): AdultRecord[] {
    const found: AdultRecord[] = [];
    const seen = new Set<string>();
    for (const nhsNumber of nhsNumbers) {
      for (const id of this.personIdsByNhsNumber.get(normaliseNhsNumber(nhsNumber)) ?? []) {
        const record = this.byPersonId.get(id);
        if (record && !seen.has(id)) {
          seen.add(id);
          found.push(record);
        }
      }
    }
    return found;
  }

  /**
   * One page of records in store order (the population's order, then records opened by intake; writes keep a
   * record's place), for the identity index listing. Past the end gives an empty page.
   */
  listPage(offset: number, limit: number): AdultRecord[] {
    const page: AdultRecord[] = [];
    let index = 0;
    for (const record of this.byPersonId.values()) {
      if (index >= offset + limit) break;
      if (index >= offset) page.push(record);
      index += 1;
    }
    return page;
  }

  get size(): number {
    return this.byPersonId.size;
  }

  /**
   * Files a transition handoff: onto the person adult services already know (by their own id, then NHS number),
   * or a newly opened record. Adds the transition referral and the CLD request event; returns the person id.
   */
  receiveHandoff(subject: HandoffSubject, reference: string, receivedOn: IsoDate): string {
    const known =
      (subject.adultPersonId ? this.byPersonId.get(subject.adultPersonId) : undefined) ??
      (subject.nhsNumber ? this.findByNhsNumbers([subject.nhsNumber])[0] : undefined);
    const record = known ? this.writable(known) : this.open(subject);
    record.transitionReferrals.push({
      id: `TR-${reference}`,
      date: receivedOn,
      source: 'CHILDRENS_SERVICES',
      reason: `Transition handoff ${reference}`,
    });
    record.events.push({
      id: `EV-${reference}`,
      date: receivedOn,
      kind: 'REQUEST',
      detail: `Transition handoff ${reference}`,
    });
    return record.personId;
  }

  private open(subject: HandoffSubject): AdultRecord {
    this.opened += 1;
    let personId = `ASC-P-${String(this.opened).padStart(6, '0')}`;
    while (this.byPersonId.has(personId)) personId = `${personId}X`;
    const record: AdultRecord = {
      truthKey: '',
      personId,
      identity: {
        givenName: subject.givenName,
        familyName: subject.familyName,
        sex: subject.sex,
        dateOfBirth: subject.dateOfBirth,
        postcode: null,
        addressLine: null,
        nhsNumber: subject.nhsNumber,
        upn: null,
      },
      transitionReferrals: [],
      s58Assessments: [],
      pathwayPlans: [],
      transitionWorkerId: null,
      events: [],
    };
    this.add(record);
    this.owned.add(personId);
    return record;
  }

  /** This store's own copy of a record, made on first write. */
  private writable(record: AdultRecord): AdultRecord {
    if (this.owned.has(record.personId)) return record;
    const copy = structuredClone(record);
    this.byPersonId.set(copy.personId, copy);
    this.owned.add(copy.personId);
    return copy;
  }

  private add(record: AdultRecord): void {
    this.byPersonId.set(record.personId, record);
    if (record.identity.nhsNumber) {
      const key = normaliseNhsNumber(record.identity.nhsNumber);
      const ids = this.personIdsByNhsNumber.get(key);
      if (ids) ids.push(record.personId);
      else this.personIdsByNhsNumber.set(key, [record.personId]);
    }
  }
}
