/**
 * What building one scenario child's records needs: the clock, date resolution, the ids of things the file defines,
 * and a counter for the child's own record ids (`<scenario>-<child>-<kind><n>`, stable for a given file).
 */
import { dayFromEpochMs, epochMsFromIso, isoDate, isoDateTime, type DayNumber } from '../population/dates.js';
import type { Organisation, PersonTruth, Professional, ResidentialUnit } from '../population/model.js';
import type { WorkingDayCalendar } from '../population/working-days.js';
import { resolveInstant, type DateSpec, type ResolvedInstant } from './relative-date.js';
import type { ScenarioChild, ScenarioFile } from './schema.js';

export interface ScenarioDirectory {
  organisations: Map<string, Organisation>;
  professionals: Map<string, Professional>;
  units: Map<string, ResidentialUnit>;
  /** Social care person id of each child in the file (for notices about co-residents). */
  socialCarePersonIds: Map<string, string>;
}

export class ChildContext {
  readonly asOfDay: DayNumber;
  readonly asOfMinute: number;
  private readonly counters = new Map<string, number>();

  constructor(
    readonly file: ScenarioFile,
    readonly child: ScenarioChild,
    readonly truth: PersonTruth,
    readonly asOf: string,
    readonly calendar: WorkingDayCalendar,
    readonly directory: ScenarioDirectory,
  ) {
    const ms = epochMsFromIso(asOf);
    this.asOfDay = dayFromEpochMs(ms);
    this.asOfMinute = Math.floor((ms - this.asOfDay * 86_400_000) / 60_000);
  }

  get dob(): DayNumber {
    return dayFromEpochMs(epochMsFromIso(`${this.truth.dateOfBirth}T00:00:00Z`));
  }

  /** A new id for one of this child's records. */
  id(kind: string): string {
    const n = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, n);
    return `${this.file.name}-${this.child.key}-${kind}${n}`;
  }

  instant(spec: DateSpec): ResolvedInstant {
    return resolveInstant(spec, this.asOf);
  }

  dateTime(spec: DateSpec): string {
    const { day, minute } = this.instant(spec);
    return isoDateTime(day, minute);
  }

  date(spec: DateSpec): string {
    return isoDate(this.instant(spec).day);
  }

  day(spec: DateSpec): DayNumber {
    return this.instant(spec).day;
  }

  /** Whether a moment has happened by the as-of instant. */
  happened(day: DayNumber, minute: number): boolean {
    return day * 1440 + minute <= this.asOfDay * 1440 + this.asOfMinute;
  }

  organisation(key: string): Organisation {
    return required(this.directory.organisations.get(key), 'organisation', key);
  }

  professional(key: string): Professional {
    return required(this.directory.professionals.get(key), 'professional', key);
  }

  unit(key: string): ResidentialUnit {
    return required(this.directory.units.get(key), 'residential unit', key);
  }
}

function required<T>(value: T | undefined, what: string, key: string): T {
  if (value === undefined) throw new Error(`scenario refers to an unknown ${what} "${key}"`);
  return value;
}
