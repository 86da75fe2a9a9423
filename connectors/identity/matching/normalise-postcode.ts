/**
 * UK postcodes: compared without spaces or case. The outward code (everything before the last three characters,
 * e.g. "WX12" in "WX12 3AB") is the district, a useful partial agreement for a family that moved nearby.
 */
export interface NormalisedPostcode {
  full: string;
  /** Null where the value is too short to be a postcode, so nothing claims district agreement from it. */
  district: string | null;
}

export function normalisePostcode(raw: string | null): NormalisedPostcode | null {
  if (raw === null) return null;
  const full = raw.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (full.length === 0) return null;
  return { full, district: full.length >= 5 && full.length <= 7 ? full.slice(0, -3) : null };
}
