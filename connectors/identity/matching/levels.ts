/**
 * Comparison levels for each field. The hot loop works on level indexes (the position in each list); reviews
 * report them by name. MISSING (either side blank or unusable) always weighs 0: absence is not evidence.
 */
export const GIVEN_NAME_LEVELS = ['EXACT', 'NICKNAME', 'SIMILAR', 'DISAGREE', 'MISSING'] as const;
export const FAMILY_NAME_LEVELS = ['EXACT', 'PARTIAL', 'SIMILAR', 'DISAGREE', 'MISSING'] as const;
export const DATE_OF_BIRTH_LEVELS = ['EXACT', 'TRANSPOSED', 'ONE_COMPONENT', 'DISAGREE', 'MISSING'] as const;
export const SEX_LEVELS = ['AGREE', 'DISAGREE', 'MISSING'] as const;
export const POSTCODE_LEVELS = ['EXACT', 'DISTRICT', 'DISAGREE', 'MISSING'] as const;

export type GivenNameLevel = (typeof GIVEN_NAME_LEVELS)[number];
export type FamilyNameLevel = (typeof FAMILY_NAME_LEVELS)[number];
export type DateOfBirthLevel = (typeof DATE_OF_BIRTH_LEVELS)[number];
export type SexLevel = (typeof SEX_LEVELS)[number];
export type PostcodeLevel = (typeof POSTCODE_LEVELS)[number];

/** How two records compare, field by field. */
export interface FieldAgreement {
  givenName: GivenNameLevel;
  familyName: FamilyNameLevel;
  dateOfBirth: DateOfBirthLevel;
  sex: SexLevel;
  postcode: PostcodeLevel;
}

export type Field = keyof FieldAgreement;

/** Field order in level vectors and weight tables. */
export const FIELDS: readonly Field[] = ['givenName', 'familyName', 'dateOfBirth', 'sex', 'postcode'];

export const LEVELS: { readonly [F in Field]: readonly FieldAgreement[F][] } = {
  givenName: GIVEN_NAME_LEVELS,
  familyName: FAMILY_NAME_LEVELS,
  dateOfBirth: DATE_OF_BIRTH_LEVELS,
  sex: SEX_LEVELS,
  postcode: POSTCODE_LEVELS,
};

/** Slots per field in a flat weight table: the longest level list. */
export const LEVEL_SLOTS = 5;

// Field indexes and the level indexes the comparator writes, named so the hot loop reads plainly.
export const F_GIVEN = 0;
export const F_FAMILY = 1;
export const F_DOB = 2;
export const F_SEX = 3;
export const F_POSTCODE = 4;

export const L_EXACT = 0;
export const L_NICKNAME = 1;
export const L_PARTIAL = 1;
export const L_TRANSPOSED = 1;
export const L_DISTRICT = 1;
export const L_SIMILAR = 2;
export const L_ONE_COMPONENT = 2;
export const L_NAME_DISAGREE = 3;
export const L_DOB_DISAGREE = 3;
export const L_NAME_MISSING = 4;
export const L_DOB_MISSING = 4;
export const L_SEX_AGREE = 0;
export const L_SEX_DISAGREE = 1;
export const L_SEX_MISSING = 2;
export const L_POSTCODE_DISAGREE = 2;
export const L_POSTCODE_MISSING = 3;

/** The index of each field's MISSING level. */
export const MISSING_LEVEL: readonly number[] = [
  L_NAME_MISSING,
  L_NAME_MISSING,
  L_DOB_MISSING,
  L_SEX_MISSING,
  L_POSTCODE_MISSING,
];

/** Names a level vector (as the comparator fills it) for a review. */
export function describeLevels(levels: ArrayLike<number>): FieldAgreement {
  const name = <F extends Field>(field: F, index: number): FieldAgreement[F] => {
    const level = LEVELS[field][levels[index] ?? -1];
    if (level === undefined) throw new RangeError(`no ${field} level ${String(levels[index])}`);
    return level;
  };
  return {
    givenName: name('givenName', F_GIVEN),
    familyName: name('familyName', F_FAMILY),
    dateOfBirth: name('dateOfBirth', F_DOB),
    sex: name('sex', F_SEX),
    postcode: name('postcode', F_POSTCODE),
  };
}
