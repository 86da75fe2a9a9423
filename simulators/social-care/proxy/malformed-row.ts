import type { FieldDescription } from './pg-wire.js';
import { buildDataRow, parseDataRow } from './pg-wire.js';

// Type OIDs (pg_type) grouped by the invalid text a hub's validation should reject for them.
const dateTypes = new Set([1082, 1083, 1114, 1184, 1266]);
const numberTypes = new Set([20, 21, 23, 26, 700, 701, 1700]);
const boolTypes = new Set([16]);

interface Corruption {
  priority: number;
  value: string;
}

function corruptionFor(typeOid: number): Corruption {
  if (dateTypes.has(typeOid)) return { priority: 0, value: 'not-a-date' };
  if (numberTypes.has(typeOid)) return { priority: 1, value: 'not-a-number' };
  if (boolTypes.has(typeOid)) return { priority: 2, value: 'not-a-boolean' };
  return { priority: 3, value: 'malformed-value' };
}

/**
 * Rewrites one field of a DataRow into an invalid value of that column's text form: a date column becomes
 * 'not-a-date', a number 'not-a-number'. Date columns are preferred (nearly every SSD table has one), and a field
 * that held a value over one that was NULL, so the damage cannot pass for "not recorded". Binary-format fields
 * are left alone. Returns null when no field can be corrupted.
 */
export function malformDataRow(
  dataRow: Buffer,
  fields: readonly FieldDescription[],
): { message: Buffer; column: string } | null {
  const values = parseDataRow(dataRow);
  let best: { index: number; rank: number; value: string } | null = null;
  values.forEach((value, index) => {
    const field = fields[index];
    if (field === undefined || field.format !== 0) return;
    const corruption = corruptionFor(field.typeOid);
    const rank = corruption.priority * 2 + (value === null ? 1 : 0);
    if (best === null || rank < best.rank) best = { index, rank, value: corruption.value };
  });
  if (best === null) return null;
  const chosen: { index: number; value: string } = best;
  const rewritten = [...values];
  rewritten[chosen.index] = Buffer.from(chosen.value, 'utf8');
  return { message: buildDataRow(rewritten), column: fields[chosen.index]?.name ?? '' };
}
