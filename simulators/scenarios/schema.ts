/**
 * The scenario file format (see README.md in this folder): a compact, human-written description of specific
 * children across all four agencies, with dates relative to the as-of instant and references by key. Routine
 * paperwork (reviews, visits, health assessments, PEPs, placement plans, meetings, notifications) has in-order
 * defaults, so a file states only what matters about a child, above all where practice went wrong.
 */
import { z } from 'zod';
import { ALLERGIES, CONDITIONS, MEDICATIONS } from '../population/clinical-codes.js';
import { dateSpecSchema } from './relative-date.js';

export const SCENARIO_FORMAT = 'child-view-hub/scenario@1';

/** Rule ids from docs/statutory-rules.md. */
export const RULE_IDS = [
  'ASSESSMENT_OVERDUE',
  'ASSESSMENT_STALE',
  'ICPC_LATE',
  'CARE_PLAN_MISSING',
  'PLACEMENT_PLAN_LATE',
  'PLACEMENT_MEETING_MISSED',
  'PLACEMENT_NOT_NOTIFIED',
  'LAC_REVIEW_LATE',
  'SW_VISIT_LATE',
  'IHA_MISSING',
  'RHA_OVERDUE',
  'HEALTH_NOT_IN_PLAN',
  'GP_NOT_LINKED',
  'PEP_OVERDUE',
  'EHCP_NEEDED',
  'EHCP_DECISION_LATE',
  'EHCP_ISSUE_LATE',
  'EHCP_REVIEW_OVERDUE',
  'PFA_MISSING',
  'LATE_ENTRY_TRANSITION',
  'PATHWAY_ASSESSMENT_LATE',
  'ADULT_TRANSITION_MISSING',
  'TRANSITION_HANDOFF_NOT_REQUESTED',
  'RHI_LATE',
  'REPEAT_MISSING_NO_REVIEW',
  'ADMISSION_NOT_MATCHED',
  'RESIDENT_MIX_RISK',
  'CORESIDENTS_NOT_INFORMED',
  'LONG_WAIT_FOR_PLACEMENT',
  'REFERRAL_OUT_OF_DATE',
  'IDENTITY_CONFLICT',
  'CHILD_VOICE_MISSING',
  'MEETING_STATUS_UNCLEAR',
] as const;

export const ruleIdSchema = z.enum(RULE_IDS);

const key = z.string().regex(/^[a-z0-9][a-z0-9-]{0,40}$/, 'a key: lower-case letters, digits and hyphens');
const date = dateSpecSchema;
const optionalDate = dateSpecSchema.nullable().optional();
const hours = z.number().int().min(0);
const days = z.number().int();
const providerCode = z.enum(['PR0', 'PR1', 'PR2', 'PR3', 'PR4', 'PR5']);
const sex = z.enum(['M', 'F', 'U']);
const participation = z.string().regex(/^PN[0-7]$/, 'a participation code PN0–PN7');

const conditionKeys = Object.keys(CONDITIONS) as [keyof typeof CONDITIONS, ...Array<keyof typeof CONDITIONS>];
const medicationKeys = Object.keys(MEDICATIONS) as [
  keyof typeof MEDICATIONS,
  ...Array<keyof typeof MEDICATIONS>,
];
const allergyKeys = Object.keys(ALLERGIES) as [keyof typeof ALLERGIES, ...Array<keyof typeof ALLERGIES>];

/** How one agency's record of the child differs from the person (a typo, a nickname, a wrong identifier). */
const identityOverride = z
  .object({
    givenName: z.string().min(1).optional(),
    familyName: z.string().min(1).optional(),
    sex: sex.optional(),
    dateOfBirth: date.optional(),
    postcode: z.string().nullable().optional(),
    addressLine: z.string().nullable().optional(),
    /** A number, null for none, or "mistyped": the person's number with one digit wrong (fails modulus 11). */
    nhsNumber: z
      .union([z.string().regex(/^\d{10}$/), z.literal('mistyped')])
      .nullable()
      .optional(),
    /** A UPN, null for none, or "wrong-check-letter". */
    upn: z
      .union([z.string().regex(/^[A-Z]\d{11}[0-9A-Z]$/), z.literal('wrong-check-letter')])
      .nullable()
      .optional(),
  })
  .strict();

const personSchema = z
  .object({
    givenName: z.string().min(1),
    familyName: z.string().min(1),
    sex,
    dateOfBirth: date,
    postcode: z.string().regex(/^[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}$/, 'a UK-format postcode, e.g. "WX4 2AB"'),
    addressLine: z.string().optional(),
    /** "auto" (default) allocates a valid test number from the scenario range 9999…; null: the child has none. */
    nhsNumber: z
      .union([z.literal('auto'), z.string().regex(/^\d{10}$/)])
      .nullable()
      .default('auto'),
    /** "auto" (default) allocates a UPN at the first school enrolment; null: none. */
    upn: z
      .union([z.literal('auto'), z.string().regex(/^[A-Z]\d{11}[0-9A-Z]$/)])
      .nullable()
      .default('auto'),
  })
  .strict();

// ───────────── social care ─────────────

const assessmentSchema = z
  .object({
    key,
    start: date,
    childSeen: optionalDate,
    /** Null while in progress. */
    authorised: date.nullable(),
    factors: z.array(z.string().regex(/^\d{1,2}[A-F]?$/, 'a CIN census factor code such as "10A"')),
    worker: key.optional(),
  })
  .strict();

const s47Schema = z
  .object({
    start: date,
    end: optionalDate,
    outcome: z.enum(['NFA', 'ICPC', 'CIN']),
    icpc: z
      .object({ held: date.nullable(), outcome: z.enum(['CP_PLAN', 'NO_PLAN']).nullable().optional() })
      .strict()
      .optional(),
  })
  .strict();

const referralSchema = z
  .object({
    key,
    date,
    primaryNeed: z.string().regex(/^N\d$/, 'a primary need code N0–N9'),
    closed: z
      .object({ date, reason: z.string().regex(/^RC\d$/) })
      .strict()
      .optional(),
    worker: key,
    assessments: z.array(assessmentSchema).default([]),
    s47: s47Schema.optional(),
  })
  .strict();

const cpPlanSchema = z
  .object({
    start: date,
    end: optionalDate,
    category: z.enum(['NEG', 'PHY', 'SAB', 'EMO', 'MUL']),
    reviews: z
      .array(z.object({ due: date, held: date.nullable(), participation: participation.optional() }).strict())
      .default([]),
  })
  .strict();

const matchingSchema = z
  .object({
    kind: z.enum(['RISK', 'MATCHING', 'IMPACT_ON_RESIDENTS']),
    daysBefore: days.default(1),
    addressesExistingResidents: z.boolean().default(true),
    risksConsidered: z.array(z.string()).default([]),
  })
  .strict();

const meetingShorthand = z
  .object({
    afterHours: hours.default(24),
    updatedRiskAssessment: z.boolean().default(true),
    actualAttendees: z.array(z.string()).optional(),
  })
  .strict();

const notifyDays = z.number().int().min(0).nullable().optional();

/** In-order defaults for a placement's paperwork; set a value to show a lapse, or null for "never done". */
const paperworkSchema = z
  .object({
    placementPlanAfterDays: z.number().int().min(0).nullable().default(1),
    meeting: meetingShorthand.nullable().default({ afterHours: 24, updatedRiskAssessment: true }),
    notify: z
      .object({ GP: notifyDays, SCHOOL: notifyDays, ICB: notifyDays, IRO: notifyDays })
      .strict()
      .prefault({}),
    firstVisitAfterDays: z.number().int().min(0).nullable().default(2),
    /** Default: an impact-on-residents assessment for a children's home, a matching assessment for foster care. */
    matching: z.array(matchingSchema).nullable().optional(),
  })
  .strict();

const placementReferralSchema = z
  .object({
    daysBefore: days,
    /** Key of the assessment the referral relied on, or null. */
    assessment: key.nullable(),
    summary: z.string(),
    risks: z.array(z.string()).default([]),
    diagnoses: z.array(z.string()).default([]),
    medications: z.array(z.string()).default([]),
    ehcpStatus: z.enum(['NONE', 'REQUESTED', 'IN_ASSESSMENT', 'ISSUED', 'UNKNOWN']),
    missingHistory: z.boolean(),
  })
  .strict();

const placementSchema = z
  .object({
    key,
    start: date,
    /** Time of day the child arrived (the 72-hour clock starts here); default 11:00. */
    startAt: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
      .optional(),
    end: optionalDate,
    type: z.string().regex(/^[A-Z]\d$/, 'an SSDA903 placement type such as "K2" or "U4"'),
    residentialUnit: key.optional(),
    urn: z.string().nullable().optional(),
    providerCode,
    postcode: z.string(),
    distanceMiles: z.number().min(0),
    changeReason: z.string().nullable().default(null),
    intendedEnd: optionalDate,
    isLongTerm: z.boolean(),
    awaitingLongTermPlacement: z.boolean().default(false),
    lastPanelReview: optionalDate,
    emergency: z.boolean().default(false),
    paperwork: paperworkSchema.prefault({}),
    referral: placementReferralSchema.optional(),
  })
  .strict();

const reviewList = z.array(
  z.object({ due: date, held: date.nullable(), participation: participation.optional() }).strict(),
);
const healthAssessmentList = z.array(
  z
    .object({
      type: z.enum(['IHA', 'RHA', 'DENTAL', 'SDQ']),
      date,
      status: z.enum(['COMPLETED', 'REFUSED', 'OUTSTANDING']).default('COMPLETED'),
    })
    .strict(),
);

const carePlanHealth = z.union([
  z
    .object({
      /** Copy the GP record's active conditions, medicines and allergies and its GP, less what is listed here. */
      fromGpRecord: z.literal(true),
      omit: z.array(z.string()).default([]),
      namesGp: z.boolean().default(true),
    })
    .strict(),
  z
    .object({
      gpName: z.string().nullable(),
      gpPracticeCode: z.string().nullable(),
      conditions: z.array(z.string()),
      medications: z.array(z.string()),
      allergies: z.array(z.string()),
    })
    .strict(),
]);

const periodSchema = z
  .object({
    key,
    start: date,
    legalStatus: z.string().regex(/^[A-Z]\d$/, 'a legal status code such as "C2" or "V2"'),
    needCode: z.string().regex(/^N\d$/),
    ceased: z.object({ date, reason: z.string() }).strict().optional(),
    placements: z.array(placementSchema).min(1),
    /** "statutory" (default): each review held a week inside its due date; or an explicit list. */
    reviews: z.union([z.literal('statutory'), reviewList]).default('statutory'),
    /** Participation code for scheduled reviews (default PN1; PN0 is used automatically under four). */
    reviewParticipation: participation.default('PN1'),
    /** "statutory" (default): IHA after 10 days, then RHAs inside the 6- or 12-month limit; or an explicit list. */
    healthAssessments: z.union([z.literal('statutory'), healthAssessmentList]).default('statutory'),
    carePlan: z
      .object({
        daysAfterStart: z.number().int().min(0).default(3),
        permanencePlan: z.string(),
        health: carePlanHealth.prefault({ fromGpRecord: true }),
      })
      .strict()
      .nullable(),
    /** Visits every N days from each placement's first visit until it ends (default 28). */
    visitEveryDays: z.number().int().min(1).default(28),
  })
  .strict();

const missingSchema = z
  .object({
    start: date,
    type: z.enum(['M', 'A']).default('M'),
    /** Null: still missing. */
    returnedAfterHours: hours.nullable(),
    /** Return home interview: hours after the return, or what happened instead. */
    rhi: z.union([z.object({ afterHours: hours }).strict(), z.enum(['refused', 'not-offered'])]),
    reviewRequested: z.boolean().default(false),
  })
  .strict();

const careLeaverSchema = z
  .object({
    eligibility: z.enum(['Relevant', 'Former Relevant', 'Eligible', 'Qualifying']),
    inTouch: z.string().default('YES'),
    accommodation: z.string(),
    activity: z.string(),
    needsAssessment: optionalDate,
    pathwayPlan: optionalDate,
    pathwayPlanReview: optionalDate,
    personalAdviser: key.nullable().optional(),
  })
  .strict();

const meetingSchema = z
  .object({
    date,
    type: z.string().nullable(),
    statutory: z.boolean().nullable(),
    purpose: z.string().nullable(),
    placement: key.nullable().default(null),
    requiredAttendees: z.array(z.string()).nullable(),
    actualAttendees: z.array(z.string()),
    minutesRecipients: z.array(z.string()).nullable(),
    updatedRiskAssessment: z.boolean().default(false),
  })
  .strict();

const socialCareSchema = z
  .object({
    personId: z.string().optional(),
    identity: identityOverride.optional(),
    sendFlag: z.boolean().optional(),
    disabilityCodes: z.array(z.string()).default([]),
    sealed: z.enum(['ADOPTION', 'RESTRICTED_ADDRESS']).nullable().default(null),
    involvements: z
      .array(
        z
          .object({
            professional: key,
            role: z.enum(['SOCIAL_WORKER', 'TEAM_MANAGER', 'IRO', 'PERSONAL_ADVISER']),
            from: date,
            to: optionalDate,
          })
          .strict(),
      )
      .min(1),
    referrals: z.array(referralSchema).min(1),
    cpPlans: z.array(cpPlanSchema).default([]),
    care: z.array(periodSchema).default([]),
    missingEpisodes: z.array(missingSchema).default([]),
    careLeaver: careLeaverSchema.nullable().default(null),
    meetings: z.array(meetingSchema).default([]),
    /** Notices about this child's admission to the professionals of a home's existing residents. */
    coresidentNotifications: z
      .array(z.object({ placement: key, resident: key, professional: key, date }).strict())
      .default([]),
  })
  .strict();

// ───────────── GP ─────────────

const customCode = z.object({ code: z.string(), display: z.string() }).strict();

const gpSchema = z
  .object({
    patientId: z
      .string()
      .regex(/^[A-Za-z0-9\-.]{1,64}$/, 'a FHIR id')
      .optional(),
    identity: identityOverride.optional(),
    practice: key,
    gp: key,
    registeredSince: date,
    conditions: z
      .array(
        z
          .object({
            condition: z.union([z.enum(conditionKeys), customCode]),
            onset: date,
            clinicalStatus: z.enum(['active', 'resolved', 'inactive']).default('active'),
          })
          .strict(),
      )
      .default([]),
    medications: z
      .array(
        z
          .object({
            medication: z.union([z.enum(medicationKeys), customCode]),
            start: date,
            status: z.enum(['active', 'completed', 'stopped']).default('active'),
          })
          .strict(),
      )
      .default([]),
    allergies: z
      .array(z.object({ allergy: z.union([z.enum(allergyKeys), customCode]), recorded: date }).strict())
      .default([]),
    /** "routine" (default): every routine immunisation on time for the child's age. */
    immunizations: z.union([z.literal('routine'), z.literal('none')]).default('routine'),
    encounters: z
      .array(
        z
          .object({
            class: z.enum(['AMB', 'EMER', 'IMP']),
            start: date,
            durationHours: z.number().min(0).default(1),
            reason: z.string().nullable().default(null),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

// ───────────── education ─────────────

const educationSchema = z
  .object({
    pupilId: z.string().optional(),
    identity: identityOverride.optional(),
    enrolments: z
      .array(z.object({ school: key, yearGroup: z.string(), from: date, to: optionalDate }).strict())
      .min(1),
    /** Share of sessions attended in each term of this and last school year. */
    attendanceRate: z.number().min(0).max(1).default(0.95),
    exclusions: z
      .array(
        z
          .object({
            date,
            kind: z.enum(['SUSPENSION', 'PERMANENT']),
            sessions: z.number().int().min(0),
            reason: z.string(),
            school: key,
          })
          .strict(),
      )
      .default([]),
    senProvision: z.enum(['N', 'K', 'E']),
    senNeeds: z.array(z.string()).default([]),
    ehc: z
      .object({
        request: date,
        decision: optionalDate,
        decisionOutcome: z.enum(['Y', 'N', 'A', 'W', 'H']).nullable().default(null),
        finalPlan: optionalDate,
        annualReviews: z.array(z.object({ date, pfaOutcomes: z.boolean() }).strict()).default([]),
        status: z.enum(['REQUESTED', 'ASSESSING', 'ISSUED', 'REFUSED', 'CEASED']),
      })
      .strict()
      .nullable()
      .default(null),
    /** "termly": a PEP ten days after coming into care (or starting school), then one three weeks into every term. */
    peps: z
      .union([z.literal('termly'), z.array(z.object({ date, reviewed: optionalDate }).strict())])
      .default([]),
    senco: key.nullable().default(null),
    designatedTeacher: key.nullable().default(null),
    virtualSchoolHead: key.nullable().default(null),
  })
  .strict();

// ───────────── adult services ─────────────

const adultSchema = z
  .object({
    personId: z.string().optional(),
    identity: identityOverride.optional(),
    transitionReferrals: z
      .array(z.object({ date, source: z.string(), reason: z.string() }).strict())
      .default([]),
    s58Assessments: z
      .array(
        z
          .object({
            referralDate: date,
            assessmentDate: optionalDate,
            outcome: z.enum(['ELIGIBLE', 'NOT_ELIGIBLE', 'PENDING']),
          })
          .strict(),
      )
      .default([]),
    transitionWorker: key.nullable().default(null),
  })
  .strict();

// ───────────── the file ─────────────

export const scenarioChildSchema = z
  .object({
    key,
    description: z.string().optional(),
    /** Rule ids the hub should raise for this child (exactly these); empty for a child whose records are in order. */
    expectedFindings: z
      .array(ruleIdSchema)
      .refine((ids) => new Set(ids).size === ids.length, 'rule ids repeat'),
    person: personSchema,
    socialCare: socialCareSchema.optional(),
    gp: gpSchema.optional(),
    education: educationSchema.optional(),
    adult: adultSchema.optional(),
  })
  .strict();

export const scenarioFileSchema = z
  .object({
    format: z.literal(SCENARIO_FORMAT),
    name: key,
    description: z.string(),
    /** The as-of instant the expected findings were worked out for. */
    expectationsAsOf: z.iso.datetime({ offset: true }).optional(),
    organisations: z
      .array(
        z
          .object({
            key,
            kind: z.enum([
              'LOCAL_AUTHORITY',
              'GP_PRACTICE',
              'SCHOOL',
              'ICB',
              'CHILDRENS_HOME_PROVIDER',
              'ADULT_SERVICES',
            ]),
            name: z.string(),
            code: z.string(),
            postcode: z.string(),
            establishmentNumber: z
              .string()
              .regex(/^\d{4}$/)
              .optional(),
          })
          .strict(),
      )
      .default([]),
    professionals: z
      .array(
        z
          .object({
            key,
            agency: z.enum(['social-care', 'gp', 'education', 'adult']),
            role: z.enum([
              'SOCIAL_WORKER',
              'TEAM_MANAGER',
              'IRO',
              'PERSONAL_ADVISER',
              'GP',
              'PRACTICE_NURSE',
              'LAC_NURSE',
              'SENCO',
              'DESIGNATED_TEACHER',
              'VIRTUAL_SCHOOL_HEAD',
              'TRANSITION_WORKER',
              'HOME_MANAGER',
            ]),
            name: z.string(),
            organisation: key,
            team: z.string().optional(),
            email: z.string().optional(),
            phone: z.string().optional(),
            registrationNumber: z.string().optional(),
          })
          .strict(),
      )
      .default([]),
    residentialUnits: z
      .array(
        z
          .object({
            key,
            name: z.string(),
            urn: z.string().regex(/^SC\d{6}$/, 'an Ofsted URN such as "SC912345"'),
            providerCode,
            postcode: z.string(),
            capacity: z.number().int().min(1),
            manager: key,
          })
          .strict(),
      )
      .default([]),
    children: z.array(scenarioChildSchema).min(1),
  })
  .strict();

export type ScenarioFile = z.infer<typeof scenarioFileSchema>;
export type ScenarioChild = z.infer<typeof scenarioChildSchema>;
export type ScenarioSocialCare = z.infer<typeof socialCareSchema>;
export type ScenarioPeriod = z.infer<typeof periodSchema>;
export type ScenarioPlacement = z.infer<typeof placementSchema>;
export type ScenarioGp = z.infer<typeof gpSchema>;
export type ScenarioEducation = z.infer<typeof educationSchema>;
export type ScenarioAdult = z.infer<typeof adultSchema>;
export type ScenarioIdentityOverride = z.infer<typeof identityOverride>;
