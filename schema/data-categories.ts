/**
 * The data categories fields carry (`@category` in the shared SDL): what access control releases per role and what
 * a reconciliation finding reveals. The shared SDL's `DataCategory` enum lists the same values (a test keeps the
 * two in step).
 */
export const DATA_CATEGORIES = [
  'IDENTITY',
  'CONTACT_DETAILS',
  'ADDRESS',
  'SOCIAL_CARE',
  'CHILD_PROTECTION',
  'LOOKED_AFTER',
  'PLACEMENT',
  'EXPLOITATION_RISK',
  'HEALTH',
  'GP_DETAILS',
  'SEXUAL_HEALTH',
  'MENTAL_HEALTH',
  'EDUCATION',
  'SEND',
  'ADULT_SERVICES',
] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];
