/**
 * A deliberately plain reading of each rule in docs/statutory-rules.md, joined on the ground truth rather
 * than on matching. It is not the hub's engine: it exists so tests can check that a scenario's expectedFindings are
 * what its data actually shows, and that the generated population contains each gap. The interpretations it uses
 * for the looser rules are the ones README.md in this folder documents.
 */
import { CONDITIONS } from '../population/clinical-codes.js';
import {
  addMonths,
  ageInYears,
  birthday,
  dayFromEpochMs,
  epochMsFromIso,
  schoolTermOf,
  year9Start,
  yearGroupOn,
  type DayNumber,
} from '../population/dates.js';
import { isValidNhsNumber, isValidUpn } from '../population/identifiers.js';
import type {
  AdultRecord,
  EducationRecord,
  GpRecord,
  Placement,
  Population,
  SocialCareRecord,
} from '../population/model.js';
import { RISK_LABELS } from '../population/social-care-codes.js';
import { WorkingDayCalendar } from '../population/working-days.js';
import type { RULE_IDS } from './schema.js';

export type RuleId = (typeof RULE_IDS)[number];

const HOUR = 3_600_000;
const DAY = 86_400_000;
const EXPLOITATION_FACTORS = new Set(['11A', '24A', '13A']);

const ms = (iso: string) => epochMsFromIso(iso);
const isLookedAfter = (sc: SocialCareRecord) => sc.claEpisodes.some((e) => e.ceasedDate === null);
const day = (iso: string) => dayFromEpochMs(ms(iso));

interface JoinedChild {
  dob: DayNumber;
  socialCare: SocialCareRecord | null;
  gp: GpRecord | null;
  education: EducationRecord | null;
  adult: AdultRecord | null;
}

export class RuleProbes {
  private readonly asOfMs: number;
  private readonly asOfDay: DayNumber;
  private readonly calendar = new WorkingDayCalendar();
  private readonly gpNhsNumbers: Set<string>;
  private readonly homeStays = new Map<string, Array<{ record: SocialCareRecord; placement: Placement }>>();
  private readonly byTruthKey = new Map<string, JoinedChild>();

  constructor(private readonly population: Population) {
    this.asOfMs = ms(population.asOf);
    this.asOfDay = dayFromEpochMs(this.asOfMs);
    this.gpNhsNumbers = new Set(
      population.gp.map((g) => g.identity.nhsNumber).filter((n): n is string => n !== null),
    );
    for (const person of population.people) {
      this.byTruthKey.set(person.truthKey, {
        dob: day(person.dateOfBirth),
        socialCare: null,
        gp: null,
        education: null,
        adult: null,
      });
    }
    // The first record per agency is the main one; duplicates come after all main records.
    for (const r of population.socialCare) {
      const joined = this.byTruthKey.get(r.truthKey);
      if (joined && !joined.socialCare) joined.socialCare = r;
      for (const placement of r.placements) {
        if (!placement.residentialUnitId) continue;
        const stays = this.homeStays.get(placement.residentialUnitId) ?? [];
        stays.push({ record: r, placement });
        this.homeStays.set(placement.residentialUnitId, stays);
      }
    }
    for (const r of population.gp) {
      const joined = this.byTruthKey.get(r.truthKey);
      if (joined && !joined.gp) joined.gp = r;
    }
    for (const r of population.education) {
      const joined = this.byTruthKey.get(r.truthKey);
      if (joined && !joined.education) joined.education = r;
    }
    for (const r of population.adult) {
      const joined = this.byTruthKey.get(r.truthKey);
      if (joined && !joined.adult) joined.adult = r;
    }
  }

  /** Every rule whose reading fires for the person. */
  findings(truthKey: string): RuleId[] {
    const child = this.byTruthKey.get(truthKey);
    if (!child) throw new Error(`unknown person ${truthKey}`);
    const fired: RuleId[] = [];
    for (const [rule, probe] of Object.entries(this.probes()) as Array<
      [RuleId, (c: JoinedChild) => boolean]
    >) {
      if (probe(child)) fired.push(rule);
    }
    return fired;
  }

  private workingDaysAfter(fromIso: string, count: number): number {
    return this.calendar.addWorkingDays(day(fromIso), count) * DAY + DAY - 1;
  }

  private lookedAfter(sc: SocialCareRecord | null): sc is SocialCareRecord {
    return sc !== null && isLookedAfter(sc);
  }

  private currentPeriod(sc: SocialCareRecord) {
    const current = sc.claEpisodes.find((e) => e.ceasedDate === null);
    if (!current) return null;
    const episodes = sc.claEpisodes.filter((e) => e.periodId === current.periodId);
    const episodeIds = new Set(episodes.map((e) => e.id));
    const placements = sc.placements
      .filter((p) => episodeIds.has(p.claEpisodeId))
      .sort((a, b) => ms(a.startDate) - ms(b.startDate));
    return { entered: current.enteredCareDate, placements };
  }

  private activeGpDisplays(gp: GpRecord, atMs: number) {
    return {
      conditions: gp.conditions.filter(
        (c) => c.clinicalStatus === 'active' && ms(`${c.onset}T00:00:00Z`) <= atMs,
      ),
      medications: gp.medications.filter((m) => m.status === 'active' && ms(`${m.start}T00:00:00Z`) <= atMs),
    };
  }

  private hasComplexHealth(gp: GpRecord | null): boolean {
    if (!gp) return false;
    const complex = new Set(
      Object.values(CONDITIONS)
        .filter((c) => c.complex)
        .map((c) => c.snomed),
    );
    return gp.conditions.some((c) => c.clinicalStatus === 'active' && complex.has(c.snomed));
  }

  private residentsAt(unitId: string, atMs: number, except: SocialCareRecord) {
    return (this.homeStays.get(unitId) ?? []).filter(
      ({ record, placement }) =>
        record.truthKey !== except.truthKey &&
        ms(placement.startDate) < atMs &&
        (placement.endDate === null || ms(placement.endDate) > atMs),
    );
  }

  private riskIndicators(sc: SocialCareRecord, atMs: number): boolean {
    const latest = sc.assessments
      .filter((a) => a.authorisedDate !== null && ms(a.authorisedDate) <= atMs)
      .sort((a, b) => ms(a.authorisedDate as string) - ms(b.authorisedDate as string))
      .at(-1);
    const exploited = latest?.factors.some((f) => EXPLOITATION_FACTORS.has(f) || f === '14A') ?? false;
    return exploited || sc.missingEpisodes.some((m) => ms(m.startDate) < atMs);
  }

  private probes(): Record<RuleId, (child: JoinedChild) => boolean> {
    const asOf = this.asOfMs;
    const asOfDay = this.asOfDay;
    const wd = (from: string, to: number) => this.calendar.workingDaysBetween(day(from), dayFromEpochMs(to));
    return {
      ASSESSMENT_OVERDUE: ({ socialCare: sc }) =>
        !!sc?.assessments.some((a) => wd(a.startDate, a.authorisedDate ? ms(a.authorisedDate) : asOf) > 45),

      ASSESSMENT_STALE: ({ socialCare: sc }) => {
        if (!sc) return false;
        const inCare = isLookedAfter(sc);
        if (!inCare && !sc.cinEpisodes.some((e) => e.closeDate === null)) return false;
        const latest = Math.max(
          ...sc.assessments.filter((a) => a.authorisedDate).map((a) => ms(a.authorisedDate as string)),
        );
        if (!Number.isFinite(latest) || asOf - latest > 365 * DAY) return true;
        const lastMove = Math.max(...sc.placements.map((p) => ms(p.startDate)));
        return inCare && latest < lastMove;
      },

      ICPC_LATE: ({ socialCare: sc }) =>
        !!sc?.s47Enquiries.some((s) => s.icpc && wd(s.startDate, s.icpc.date ? ms(s.icpc.date) : asOf) > 15),

      CARE_PLAN_MISSING: ({ socialCare: sc }) => {
        if (!this.lookedAfter(sc)) return false;
        const period = this.currentPeriod(sc);
        const first = period?.placements[0];
        if (!period || !first) return false;
        const due = this.workingDaysAfter(first.startDate, 10);
        if (asOf < due) return false;
        return !sc.carePlans.some(
          (p) => ms(p.startDate) <= due && ms(p.startDate) >= ms(period.entered) - 30 * DAY,
        );
      },

      PLACEMENT_PLAN_LATE: ({ socialCare: sc }) =>
        !!sc?.placements.some((p) => {
          const due = this.workingDaysAfter(p.startDate, 5);
          return (
            asOf >= due && !sc.placementPlans.some((pp) => pp.placementId === p.id && ms(pp.date) <= due)
          );
        }),

      PLACEMENT_MEETING_MISSED: ({ socialCare: sc }) =>
        !!sc?.placements.some((p) => {
          const window = ms(p.startDate) + 72 * HOUR;
          if (asOf < window) return false;
          return !sc.meetings.some(
            (m) =>
              m.placementId === p.id &&
              m.type === 'PLACEMENT_PLANNING' &&
              ms(m.date) <= window &&
              m.updatedRiskAssessment,
          );
        }),

      PLACEMENT_NOT_NOTIFIED: ({ socialCare: sc, gp, education }) =>
        !!sc?.placements.some((p) => {
          const due = this.workingDaysAfter(p.startDate, 5);
          if (asOf < due) return false;
          const placedDay = day(p.startDate);
          const atSchool = education?.enrolments.some(
            (e) =>
              day(`${e.from}T00:00:00Z`) <= placedDay &&
              (e.to === null || day(`${e.to}T00:00:00Z`) > placedDay),
          );
          const recipients = ['ICB', 'IRO', ...(gp ? ['GP'] : []), ...(atSchool ? ['SCHOOL'] : [])];
          return recipients.some(
            (who) =>
              !sc.placementNotifications.some(
                (n) => n.placementId === p.id && n.recipient === who && ms(n.date) <= due,
              ),
          );
        }),

      LAC_REVIEW_LATE: ({ socialCare: sc }) => {
        if (!sc) return false;
        const period = this.lookedAfter(sc) ? this.currentPeriod(sc) : null;
        const held = sc.claReviews
          .filter((r) => r.date !== null)
          .map((r) => ms(r.date as string))
          .sort((a, b) => a - b);
        if (sc.claReviews.some((r) => (r.date ? ms(r.date) : asOf) > ms(r.dueDate) + DAY)) return true;
        if (!period) return false;
        const inPeriod = held.filter((t) => t >= ms(period.entered));
        const firstDue = this.workingDaysAfter(period.entered, 20);
        if ((inPeriod[0] ?? asOf) > firstDue && asOf > firstDue) return true;
        for (let i = 1; i <= inPeriod.length; i++) {
          const previousDay = dayFromEpochMs(inPeriod[i - 1] as number);
          const limit = addMonths(previousDay, i === 1 ? 3 : 6) * DAY + DAY - 1;
          if ((inPeriod[i] ?? asOf) > limit && (i < inPeriod.length || asOf > limit)) return true;
        }
        return false;
      },

      SW_VISIT_LATE: ({ socialCare: sc }) =>
        !!sc?.placements.some((p) => {
          const start = ms(p.startDate);
          const end = p.endDate ? ms(p.endDate) : asOf;
          const visits = sc.visits
            .filter((v) => v.kind === 'CLA' && ms(v.date) >= start && ms(v.date) < end)
            .map((v) => ms(v.date))
            .sort((a, b) => a - b);
          if (end - start > 7 * DAY && (visits[0] ?? end) - start > 7 * DAY) return true;
          let previous = visits[0] ?? start;
          for (const t of [...visits.slice(1), end]) {
            const limit = p.isLongTerm && previous - start > 365 * DAY ? 92 * DAY : 42 * DAY;
            if (t - previous > limit) return true;
            previous = t;
          }
          return false;
        }),

      IHA_MISSING: ({ socialCare: sc }) => {
        if (!this.lookedAfter(sc)) return false;
        const period = this.currentPeriod(sc);
        if (!period) return false;
        const due = this.workingDaysAfter(period.entered, 20);
        if (asOf < due) return false;
        return !sc.healthAssessments.some(
          (h) =>
            h.type === 'IHA' &&
            h.status === 'COMPLETED' &&
            ms(h.date) <= due &&
            ms(h.date) >= ms(period.entered),
        );
      },

      RHA_OVERDUE: ({ socialCare: sc, dob }) => {
        if (!this.lookedAfter(sc)) return false;
        const done = sc.healthAssessments
          .filter((h) => (h.type === 'IHA' || h.type === 'RHA') && h.status === 'COMPLETED')
          .map((h) => ms(h.date));
        if (done.length === 0) return false;
        const latest = Math.max(...done);
        const months = ageInYears(dob, asOfDay) < 5 ? 6 : 12;
        return asOf > addMonths(dayFromEpochMs(latest), months) * DAY + DAY - 1;
      },

      HEALTH_NOT_IN_PLAN: ({ socialCare: sc, gp }) => {
        if (!this.lookedAfter(sc) || !gp) return false;
        const plan = [...sc.carePlans].sort((a, b) => ms(a.startDate) - ms(b.startDate)).at(-1);
        if (!plan) return false;
        const active = this.activeGpDisplays(gp, asOf);
        return (
          plan.health.gpName === null ||
          active.conditions.some((c) => !plan.health.conditions.includes(c.display)) ||
          active.medications.some((m) => !plan.health.medications.includes(m.display)) ||
          gp.allergies.some((a) => !plan.health.allergies.includes(a.display))
        );
      },

      GP_NOT_LINKED: ({ socialCare: sc }) => {
        if (!this.lookedAfter(sc)) return false;
        const nhs = sc.identity.nhsNumber;
        return nhs === null || !isValidNhsNumber(nhs) || !this.gpNhsNumbers.has(nhs);
      },

      PEP_OVERDUE: ({ socialCare: sc, education }) => {
        if (!this.lookedAfter(sc) || !education || !education.enrolments.some((e) => e.to === null))
          return false;
        const period = this.currentPeriod(sc);
        if (!period) return false;
        const peps = education.peps.map((p) => ms(`${p.reviewedDate ?? p.date}T23:59:59Z`));
        const enteredDay = day(period.entered);
        const atSchoolOnEntry = education.enrolments.some((e) => day(`${e.from}T00:00:00Z`) <= enteredDay);
        const firstReview = sc.claReviews
          .filter((r) => r.date !== null && ms(r.date) >= ms(period.entered))
          .map((r) => ms(r.date as string))
          .sort((a, b) => a - b)[0];
        if (
          atSchoolOnEntry &&
          firstReview !== undefined &&
          !education.peps.some((p) => ms(`${p.date}T00:00:00Z`) <= firstReview)
        ) {
          return true;
        }
        const term = schoolTermOf(asOfDay);
        if (asOfDay - term.start < 28) return false;
        return !peps.some((t) => t >= term.start * DAY);
      },

      EHCP_NEEDED: ({ socialCare: sc, gp, education }) => {
        if (!education || education.senProvision !== 'K' || education.ehc !== null) return false;
        const open =
          sc !== null &&
          (sc.cpPlans.some((p) => p.endDate === null) || sc.cinEpisodes.some((e) => e.closeDate === null));
        const socialCareNeeds = open || (sc !== null && isLookedAfter(sc));
        return socialCareNeeds || this.hasComplexHealth(gp);
      },

      EHCP_DECISION_LATE: ({ education }) => {
        const ehc = education?.ehc;
        if (!ehc) return false;
        const decided = ehc.decisionDate ? ms(`${ehc.decisionDate}T00:00:00Z`) : asOf;
        return decided - ms(`${ehc.requestDate}T00:00:00Z`) > 42 * DAY;
      },

      EHCP_ISSUE_LATE: ({ education }) => {
        const ehc = education?.ehc;
        if (!ehc || ehc.decisionOutcome === 'N' || ehc.status === 'REFUSED') return false;
        const issued = ehc.finalPlanDate ? ms(`${ehc.finalPlanDate}T00:00:00Z`) : asOf;
        return issued - ms(`${ehc.requestDate}T00:00:00Z`) > 140 * DAY;
      },

      EHCP_REVIEW_OVERDUE: ({ education }) => {
        const ehc = education?.ehc;
        if (!ehc || !ehc.finalPlanDate) return false;
        const dates = [ehc.finalPlanDate, ...ehc.annualReviews.map((r) => r.date)].map((d) =>
          day(`${d}T00:00:00Z`),
        );
        dates.sort((a, b) => a - b);
        for (let i = 1; i <= dates.length; i++) {
          const limit = addMonths(dates[i - 1] as number, 12);
          if ((dates[i] ?? asOfDay) > limit) return true;
        }
        return false;
      },

      PFA_MISSING: ({ education, dob }) =>
        !!education?.ehc?.annualReviews.some(
          (r) => !r.pfaOutcomes && yearGroupOn(dob, day(`${r.date}T00:00:00Z`)) >= 9,
        ),

      LATE_ENTRY_TRANSITION: ({ socialCare: sc, adult, dob }) => {
        if (!this.lookedAfter(sc)) return false;
        const entered = Math.min(...sc.claEpisodes.map((e) => day(e.enteredCareDate)));
        if (entered < year9Start(dob) || asOfDay - entered <= 91) return false;
        const planned =
          sc.careLeaver?.needsAssessmentDate != null ||
          (adult?.transitionReferrals.length ?? 0) > 0 ||
          sc.meetings.some((m) => m.type === 'TRANSITION_PLANNING' && day(m.date) - entered <= 91);
        return !planned;
      },

      PATHWAY_ASSESSMENT_LATE: ({ socialCare: sc, dob }) => {
        if (!this.lookedAfter(sc)) return false;
        const age = ageInYears(dob, asOfDay);
        if (age < 16 || age > 17) return false;
        const fourteenth = birthday(dob, 14);
        let total = 0;
        let reached: DayNumber | null = null;
        const periods = new Map<string, { start: DayNumber; end: DayNumber }>();
        for (const e of sc.claEpisodes) {
          const start = day(e.startDate);
          const end = e.ceasedDate ? day(e.ceasedDate) : asOfDay;
          const known = periods.get(e.periodId);
          periods.set(e.periodId, {
            start: Math.min(known?.start ?? start, start),
            end: Math.max(known?.end ?? end, end),
          });
        }
        for (const { start, end } of [...periods.values()].sort((a, b) => a.start - b.start)) {
          const from = Math.max(start, fourteenth);
          if (end <= from) continue;
          if (reached === null && total + (end - from) >= 91) reached = from + (91 - total);
          total += end - from;
        }
        if (reached === null) return false;
        const eligible = Math.max(reached, birthday(dob, 16));
        const due = addMonths(eligible, 3);
        const leaver = sc.careLeaver;
        const assessed = leaver?.needsAssessmentDate ? day(leaver.needsAssessmentDate) : null;
        if (asOfDay > due && (assessed === null || assessed > due)) return true;
        return assessed !== null && !leaver?.pathwayPlanDate && asOfDay - assessed > 42;
      },

      ADULT_TRANSITION_MISSING: ({ socialCare: sc, gp, education, adult, dob }) => {
        if (ageInYears(dob, asOfDay) < 17) return false;
        const needs =
          education?.ehc?.status === 'ISSUED' ||
          (sc?.disabilityCodes.length ?? 0) > 0 ||
          this.hasComplexHealth(gp);
        const referred =
          (adult?.transitionReferrals.length ?? 0) > 0 || (adult?.s58Assessments.length ?? 0) > 0;
        return needs && !referred;
      },

      // No child starts with a transition handoff in the hub, so everyone eligible shows the gap.
      TRANSITION_HANDOFF_NOT_REQUESTED: ({ socialCare: sc, gp, education, dob }) => {
        if (ageInYears(dob, asOfDay) < 17) return false;
        return (
          (sc !== null && isLookedAfter(sc)) ||
          sc?.careLeaver != null ||
          education?.ehc?.status === 'ISSUED' ||
          (sc?.disabilityCodes.length ?? 0) > 0 ||
          this.hasComplexHealth(gp)
        );
      },

      RHI_LATE: ({ socialCare: sc }) =>
        !!sc?.missingEpisodes.some((m) => {
          if (!m.endDate) return false;
          const end = ms(m.endDate);
          if (asOf - end <= 72 * HOUR) return false;
          return m.rhiDate === null || ms(m.rhiDate) - end > 72 * HOUR;
        }),

      REPEAT_MISSING_NO_REVIEW: ({ socialCare: sc }) => {
        if (!sc) return false;
        const inHome = (t: number) =>
          sc.placements.some(
            (p) => p.type === 'K2' && ms(p.startDate) <= t && (p.endDate === null || ms(p.endDate) > t),
          );
        return sc.missingEpisodes.some((m) => {
          const t = ms(m.startDate);
          if (!inHome(t)) return false;
          const window = sc.missingEpisodes.filter(
            (o) => ms(o.startDate) <= t && t - ms(o.startDate) <= 90 * DAY,
          );
          return window.length >= 3 && !window.some((o) => o.reviewRequested);
        });
      },

      ADMISSION_NOT_MATCHED: ({ socialCare: sc }) =>
        !!sc?.placements.some(
          (p) =>
            p.type === 'K2' &&
            !sc.matchingAssessments.some(
              (a) =>
                a.placementId === p.id &&
                (a.kind === 'MATCHING' || a.kind === 'IMPACT_ON_RESIDENTS') &&
                a.addressesExistingResidents &&
                ms(a.date) <= ms(p.startDate) + DAY,
            ),
        ),

      RESIDENT_MIX_RISK: ({ socialCare: sc }) =>
        !!sc?.placements.some((p) => {
          if (p.type !== 'K2' || !p.residentialUnitId) return false;
          const start = ms(p.startDate);
          const residents = this.residentsAt(p.residentialUnitId, start, sc);
          if (residents.length === 0) return false;
          const risky =
            this.riskIndicators(sc, start) ||
            residents.some(({ record }) => this.riskIndicators(record, start));
          const addressed = sc.matchingAssessments.some(
            (a) => a.placementId === p.id && a.addressesExistingResidents,
          );
          return risky && !addressed;
        }),

      CORESIDENTS_NOT_INFORMED: ({ socialCare: sc }) =>
        !!sc?.placements.some((p) => {
          if (p.type !== 'K2' || !p.residentialUnitId) return false;
          const start = ms(p.startDate);
          return this.residentsAt(p.residentialUnitId, start, sc).some(({ record }) =>
            record.involvements
              .filter(
                (i) =>
                  (i.role === 'SOCIAL_WORKER' || i.role === 'IRO') &&
                  ms(i.startDate) <= start &&
                  (i.endDate === null || ms(i.endDate) > start),
              )
              .some(
                (i) =>
                  !sc.coresidentNotifications.some(
                    (n) =>
                      n.placementId === p.id &&
                      n.notifiedProfessionalId === i.professionalId &&
                      n.aboutPersonId === record.personId,
                  ),
              ),
          );
        }),

      LONG_WAIT_FOR_PLACEMENT: ({ socialCare: sc }) =>
        !!sc?.placements.some(
          (p) =>
            p.endDate === null &&
            ((p.awaitingLongTermPlacement && asOf - ms(p.startDate) > 90 * DAY) ||
              (p.intendedEndDate !== null && ms(p.intendedEndDate) < asOf)),
        ),

      REFERRAL_OUT_OF_DATE: ({ socialCare: sc, gp, education }) =>
        !!sc?.placementReferrals.some((referral) => {
          const at = ms(referral.date);
          const relied = sc.assessments.find((a) => a.id === referral.assessmentId);
          if (!relied?.authorisedDate || at - ms(relied.authorisedDate) > 365 * DAY) return true;
          const content = referral.content;
          const riskLabels = relied.factors.filter((f) => f in RISK_LABELS).map((f) => RISK_LABELS[f]);
          if (riskLabels.some((label) => !content.risks.includes(label as string))) return true;
          if (gp) {
            const active = this.activeGpDisplays(gp, at);
            if (active.conditions.some((c) => !content.diagnoses.includes(c.display))) return true;
            if (active.medications.some((m) => !content.medications.includes(m.display))) return true;
          }
          const plan = education?.ehc;
          if (
            plan?.finalPlanDate &&
            ms(`${plan.finalPlanDate}T00:00:00Z`) <= at &&
            content.ehcpStatus !== 'ISSUED'
          )
            return true;
          return !content.missingHistory && sc.missingEpisodes.some((m) => ms(m.startDate) < at);
        }),

      IDENTITY_CONFLICT: ({ socialCare, gp, education, adult }) => {
        const identities = [socialCare, gp, education, adult]
          .filter((r) => r !== null)
          .map((r) => r.identity);
        if (identities.some((i) => i.nhsNumber !== null && !isValidNhsNumber(i.nhsNumber))) return true;
        if (identities.some((i) => i.upn !== null && !isValidUpn(i.upn))) return true;
        const distinct = (values: Array<string | null>) => new Set(values.filter((v) => v !== null)).size > 1;
        return (
          distinct(identities.map((i) => i.dateOfBirth)) ||
          distinct(identities.map((i) => i.nhsNumber)) ||
          distinct(identities.map((i) => i.upn))
        );
      },

      CHILD_VOICE_MISSING: ({ socialCare: sc }) =>
        !!sc && [...sc.claReviews, ...sc.cpReviews].some((r) => r.participation === 'PN7'),

      MEETING_STATUS_UNCLEAR: ({ socialCare: sc }) =>
        !!sc?.meetings.some(
          (m) =>
            m.type === null ||
            m.statutory === null ||
            m.purpose === null ||
            m.requiredAttendees === null ||
            m.minutesRecipients === null,
        ),
    };
  }
}
