import type { EducationRecord, EhcTimeline, Population } from '../population/model.js';
import { normaliseUpn } from './upn.js';

type Exclusion = EducationRecord['exclusions'][number];

/**
 * The education system's records, indexed for batch lookup. Records are copied on first write (not up front:
 * cloning 100,000 records costs seconds), so writes through the API never change the shared population other
 * simulators in the same process serve from.
 */
export class EducationStore {
  private readonly byPupilId = new Map<string, EducationRecord>();
  private readonly pupilIdsByUpn = new Map<string, string[]>();
  private readonly owned = new Set<string>();

  constructor(records: Population['education']) {
    for (const record of records) {
      this.byPupilId.set(record.pupilId, record);
      if (record.identity.upn) {
        const key = normaliseUpn(record.identity.upn);
        const ids = this.pupilIdsByUpn.get(key);
        if (ids) ids.push(record.pupilId);
        else this.pupilIdsByUpn.set(key, [record.pupilId]);
      }
    }
  }

  get size(): number {
    return this.byPupilId.size;
  }

  get(pupilId: string): EducationRecord | null {
    return this.byPupilId.get(pupilId) ?? null;
  }

  /** Records for the ids in the order asked; unknown ids are left out. */
  findByPupilIds(pupilIds: readonly string[]): EducationRecord[] {
    const found: EducationRecord[] = [];
    for (const id of pupilIds) {
      const record = this.byPupilId.get(id);
      if (record) found.push(record);
    }
    return found;
  }

  /** Every record holding each UPN (duplicates included), in the order asked, then in store order. */
  findByUpns(upns: readonly string[]): EducationRecord[] {
    const found: EducationRecord[] = [];
    const seen = new Set<string>();
    for (const upn of upns) {
      for (const id of this.pupilIdsByUpn.get(normaliseUpn(upn)) ?? []) {
        const record = this.byPupilId.get(id);
        if (record && !seen.has(id)) {
          seen.add(id);
          found.push(record);
        }
      }
    }
    return found;
  }

  /**
   * One page of records in store order (the order the population lists them; writes keep a record's place), for
   * the identity index listing. Past the end gives an empty page.
   */
  listPage(offset: number, limit: number): EducationRecord[] {
    const page: EducationRecord[] = [];
    let index = 0;
    for (const record of this.byPupilId.values()) {
      if (index >= offset + limit) break;
      if (index >= offset) page.push(record);
      index += 1;
    }
    return page;
  }

  hasUpn(upn: string): boolean {
    return this.pupilIdsByUpn.has(normaliseUpn(upn));
  }

  addExclusion(pupilId: string, exclusion: Exclusion): void {
    this.require(pupilId).exclusions.push(exclusion);
  }

  /** Replaces the EHC timeline; an issued plan also moves the census SEN provision to E. */
  setEhcTimeline(pupilId: string, timeline: EhcTimeline): void {
    const record = this.require(pupilId);
    record.ehc = timeline;
    if (timeline.status === 'ISSUED') record.senProvision = 'E';
  }

  /** The record to write to: this store's own copy, made on first write. */
  private require(pupilId: string): EducationRecord {
    const record = this.byPupilId.get(pupilId);
    if (!record) throw new Error(`Unknown pupil ${pupilId}`);
    if (this.owned.has(pupilId)) return record;
    const copy = structuredClone(record);
    this.byPupilId.set(pupilId, copy);
    this.owned.add(pupilId);
    return copy;
  }
}
