/**
 * generatePopulation: the deterministic synthetic population every agency simulator serves.
 *
 * The same seed, size and as-of instant always give byte-identical JSON. Order of work: plan every child's life,
 * build a workforce sized to the caseloads and allocate it, place children's home residents in units, then write
 * each agency's records child by child (GP first, because the care plan and placement referrals quote it).
 */
import { z } from 'zod';
import { writeAdultRecord } from './adult-record.js';
import { assignProfessionals, buildWorkforce } from './assign-professionals.js';
import { writeEducationRecords } from './education-record.js';
import { createGenerationContext } from './generation-context.js';
import { writeGpRecord } from './gp-record.js';
import { NhsNumberAllocator, UpnAllocator } from './identifiers.js';
import type { AdultRecord, EducationRecord, GpRecord, Population, SocialCareRecord } from './model.js';
import { buildAreaOrganisations } from './organisations.js';
import { planChild, type PlanningTools } from './plan-child.js';
import { ProfessionalRegistry } from './professionals.js';
import type { ChildProfile } from './profile-types.js';
import { allocateResidentialUnits } from './residential-allocation.js';
import { writeSocialCareRecords } from './social-care-record.js';

export const DEFAULT_AS_OF = '2026-11-25T09:00:00.000Z';
export const DEFAULT_SIZE = 2000;
export const DEFAULT_LOCAL_AUTHORITY_CODE = '873';
/** LA code on the UPNs of children who started school elsewhere before moving into the area. */
const PREVIOUS_AUTHORITY_CODE = '919';

export const generationOptionsSchema = z.object({
  seed: z.number().int().min(0).max(0xffffffff),
  size: z.number().int().min(1).max(500_000),
  asOf: z.iso.datetime({ offset: true }).default(DEFAULT_AS_OF),
  localAuthorityCode: z
    .string()
    .regex(/^\d{3}$/, 'a three-digit local authority code')
    .default(DEFAULT_LOCAL_AUTHORITY_CODE),
});

export type GenerationOptions = z.input<typeof generationOptionsSchema>;

export function generatePopulation(options: GenerationOptions): Population {
  const { seed, size, asOf, localAuthorityCode } = generationOptionsSchema.parse(options);
  const asOfIso = new Date(asOf).toISOString();
  const context = createGenerationContext(seed, asOfIso, localAuthorityCode);
  const area = buildAreaOrganisations(context, size);
  const tools: PlanningTools = {
    area,
    nhsNumbers: new NhsNumberAllocator(context.random.fork('nhs-numbers')),
    upns: {
      local: new UpnAllocator(localAuthorityCode),
      elsewhere: new UpnAllocator(PREVIOUS_AUTHORITY_CODE),
    },
  };

  const profiles: ChildProfile[] = new Array(size);
  for (let index = 0; index < size; index++) profiles[index] = planChild(context, index, tools);

  const registry = new ProfessionalRegistry(context.random.fork('professionals'));
  const workforce = buildWorkforce(context, registry, area, profiles);
  assignProfessionals(context, workforce, area, profiles);
  const residential = allocateResidentialUnits(context, profiles, area, registry);

  let socialCareSerial = 1_000_000;
  for (const profile of profiles) {
    if (profile.status !== 'NONE') profile.assignments.socialCarePersonId = String(++socialCareSerial);
    // Looked-after children live where they are placed.
    const placement = profile.status === 'LAC' ? profile.care.at(-1)?.placements.at(-1) : undefined;
    if (placement?.postcode) profile.truth.postcode = placement.postcode;
  }
  let pupilSerial = 0;
  let adultSerial = 5_000_000;
  const nextSocialCareId = () => String(++socialCareSerial);
  const nextPupilId = () => `PUP${String(++pupilSerial).padStart(7, '0')}`;
  const nextAdultId = () => String(++adultSerial);

  const deps = { context, workforce, area, residential };
  const socialCare: SocialCareRecord[] = [];
  const socialCareDuplicates: SocialCareRecord[] = [];
  const gp: GpRecord[] = [];
  const education: EducationRecord[] = [];
  const educationDuplicates: EducationRecord[] = [];
  const adult: AdultRecord[] = [];
  for (const profile of profiles) {
    const gpRecord = writeGpRecord(context, profile);
    if (gpRecord) gp.push(gpRecord);
    const written = writeSocialCareRecords(deps, profile, gpRecord, nextSocialCareId);
    const [main, ...duplicates] = written.records;
    if (main) socialCare.push(main);
    socialCareDuplicates.push(...duplicates);
    const [pupil, ...pupilDuplicates] = writeEducationRecords(
      context,
      workforce,
      profile,
      written.reviewDays,
      nextPupilId,
    );
    if (pupil) education.push(pupil);
    educationDuplicates.push(...pupilDuplicates);
    const adultRecord = writeAdultRecord(context, profile, main ?? null, nextAdultId);
    if (adultRecord) adult.push(adultRecord);
  }

  return {
    seed,
    asOf: asOfIso,
    people: profiles.map((profile) => profile.truth),
    professionals: registry.all,
    organisations: area.all,
    residentialUnits: residential.units,
    socialCare: socialCare.concat(socialCareDuplicates),
    gp,
    education: education.concat(educationDuplicates),
    adult,
  };
}
