/**
 * How each agency records a child's identity, with the disagreements real systems have: missing and mistyped
 * NHS numbers, wrong UPN check letters, one-letter misspellings, nicknames, hyphenated surnames written another way,
 * day and month transposed in the date of birth, and postcodes from before a move. Every deliberate difference is
 * recorded on the person's truth so identity-matching tests know exactly which conflicts exist.
 */
import { civilFromDay, dayFromCivil, isoDate } from './dates.js';
import { mistypeNhsNumber, wrongCheckLetterUpn } from './identifiers.js';
import type { AgencyCode, RecordedDifference, RecordedIdentity } from './model.js';
import { NICKNAMES } from './name-data.js';
import type { ChildProfile } from './profile-types.js';
import type { SeededRandom } from './random.js';

export interface IdentityNoise {
  /** Share of records carrying the NHS number, where the child has one. */
  nhsPresent: number;
  nhsInvalid: number;
  /** Share of records carrying the UPN, where the child has one. */
  upnPresent: number;
  upnInvalid: number;
  misspelt: number;
  nickname: number;
  /** Share of hyphenated surnames written another way. */
  surnameForm: number;
  dobTransposed: number;
  postcodeOutOfDate: number;
}

export const IDENTITY_NOISE: Readonly<Record<AgencyCode, IdentityNoise>> = {
  'social-care': {
    nhsPresent: 0.96,
    nhsInvalid: 0.004,
    upnPresent: 0.7,
    upnInvalid: 0.002,
    misspelt: 0.02,
    nickname: 0.03,
    surnameForm: 0.4,
    dobTransposed: 0.01,
    postcodeOutOfDate: 0.06,
  },
  // The GP record is traced against the national register, so its NHS number is always present and valid.
  gp: {
    nhsPresent: 1,
    nhsInvalid: 0,
    upnPresent: 0,
    upnInvalid: 0,
    misspelt: 0.005,
    nickname: 0,
    surnameForm: 0.15,
    dobTransposed: 0.004,
    postcodeOutOfDate: 0.03,
  },
  education: {
    nhsPresent: 0.85,
    nhsInvalid: 0.002,
    upnPresent: 1,
    upnInvalid: 0.003,
    misspelt: 0.02,
    nickname: 0.08,
    surnameForm: 0.4,
    dobTransposed: 0.01,
    postcodeOutOfDate: 0.05,
  },
  adult: {
    nhsPresent: 0.97,
    nhsInvalid: 0.005,
    upnPresent: 0,
    upnInvalid: 0,
    misspelt: 0.02,
    nickname: 0.03,
    surnameForm: 0.3,
    dobTransposed: 0.01,
    postcodeOutOfDate: 0.04,
  },
};

const VOWELS = 'aeiou';

/** One-letter edit that keeps the first letter: what a hurried keyboard or a misheard name produces. */
export function misspell(name: string, random: SeededRandom): string {
  for (let attempt = 0; attempt < 10; attempt++) {
    const i = random.int(1, name.length - 1);
    const char = name.charAt(i);
    // Only lower-case ASCII letters change, so apostrophes, spaces and capitals survive.
    if (!/[a-z]/.test(char)) continue;
    const next = name.charAt(i + 1);
    let candidate: string;
    switch (random.int(0, 2)) {
      case 0:
        candidate = VOWELS.includes(char)
          ? `${name.slice(0, i)}${VOWELS.charAt((VOWELS.indexOf(char) + random.int(1, 4)) % 5)}${name.slice(i + 1)}`
          : `${name.slice(0, i)}${char}${name.slice(i)}`;
        break;
      case 1:
        candidate = name.length > 3 ? `${name.slice(0, i)}${name.slice(i + 1)}` : `${name}${char}`;
        break;
      default:
        candidate =
          /[a-z]/.test(next) && next !== char
            ? `${name.slice(0, i)}${next}${char}${name.slice(i + 2)}`
            : name;
    }
    if (candidate !== name) return candidate;
  }
  return `${name}${name.charAt(name.length - 1)}`;
}

/** A hyphenated surname written another way: spaced, run together, or only one half. */
export function otherSurnameForm(familyName: string, random: SeededRandom): string {
  const [first, second] = familyName.split('-') as [string, string];
  return random.pick([`${first} ${second}`, `${first}${second.toLowerCase()}`, first, second]);
}

/** The date with day and month swapped, or null where that is not a different valid date. */
export function transposeDayAndMonth(isoDateValue: string): string | null {
  const [year, month, day] = isoDateValue.split('-').map(Number) as [number, number, number];
  if (day > 12 || day === month) return null;
  const swapped = dayFromCivil(year, day, month);
  const check = civilFromDay(swapped);
  return check.month === day && check.day === month ? isoDate(swapped) : null;
}

export interface IdentityOptions {
  /** Write a visibly different identity (the second record of a duplicate pair). */
  duplicate?: boolean;
  /** The UPN applies to this record only if the child has one (education always, social care sometimes). */
  withUpn?: boolean;
}

export function renderIdentity(
  random: SeededRandom,
  profile: ChildProfile,
  agency: AgencyCode,
  localId: string,
  options: IdentityOptions = {},
): RecordedIdentity {
  const truth = profile.truth;
  const noise = IDENTITY_NOISE[agency];
  const found: Array<RecordedDifference['kind']> = [];
  if (options.duplicate) found.push('DUPLICATE_RECORD');

  let nhsNumber: string | null = null;
  if (truth.nhsNumber !== null) {
    if (random.chance(options.duplicate ? 0.5 : noise.nhsPresent)) {
      if (random.chance(noise.nhsInvalid)) {
        nhsNumber = mistypeNhsNumber(truth.nhsNumber, random);
        found.push('NHS_NUMBER_INVALID');
      } else {
        nhsNumber = truth.nhsNumber;
      }
    } else {
      found.push('NHS_NUMBER_MISSING');
    }
  }

  let upn: string | null = null;
  if (options.withUpn && truth.upn !== null) {
    if (random.chance(noise.upnPresent)) {
      if (random.chance(noise.upnInvalid)) {
        upn = wrongCheckLetterUpn(truth.upn, random);
        found.push('UPN_INVALID');
      } else {
        upn = truth.upn;
      }
    } else {
      found.push('UPN_MISSING');
    }
  }

  let givenName = truth.givenName;
  const nicknames = NICKNAMES[givenName];
  if (nicknames && random.chance(options.duplicate ? 0.5 : noise.nickname)) {
    givenName = random.pick(nicknames);
    found.push('NICKNAME');
  } else if (random.chance(options.duplicate ? 0.3 : noise.misspelt)) {
    givenName = misspell(givenName, random);
    found.push('NAME_MISSPELT');
  }

  let familyName = truth.familyName;
  if (familyName.includes('-') && random.chance(noise.surnameForm)) {
    familyName = otherSurnameForm(familyName, random);
    found.push('SURNAME_FORM');
  } else if (!familyName.includes('-') && random.chance(noise.misspelt)) {
    familyName = misspell(familyName, random);
    found.push('NAME_MISSPELT');
  }

  let dateOfBirth = truth.dateOfBirth;
  if (random.chance(noise.dobTransposed)) {
    const transposed = transposeDayAndMonth(dateOfBirth);
    if (transposed !== null) {
      dateOfBirth = transposed;
      found.push('DATE_OF_BIRTH_TRANSPOSED');
    }
  }

  let postcode: string | null = truth.postcode;
  if (
    random.chance(options.duplicate ? 0.5 : noise.postcodeOutOfDate) &&
    profile.previousPostcode !== truth.postcode
  ) {
    postcode = profile.previousPostcode;
    found.push('POSTCODE_OUT_OF_DATE');
  }

  if (found.length > 0) {
    const differences = (truth.recordedDifferences ??= []);
    for (const kind of found) differences.push({ agency, localId, kind });
  }
  return {
    givenName,
    familyName,
    sex: truth.sex,
    dateOfBirth,
    postcode,
    // Placement addresses of looked-after children are not written into other agencies' demographics.
    addressLine: postcode === truth.postcode && profile.status !== 'LAC' ? profile.addressLine : null,
    nhsNumber,
    upn,
  };
}
