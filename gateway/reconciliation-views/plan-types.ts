/**
 * Plan items reveal different data categories (a care plan LOOKED_AFTER, a health assessment HEALTH, an EHC plan
 * SEND...), and the gateway enforces categories per field. So `PlanItem` is an interface with one implementing
 * type per category, each of whose fields declares that category: the gateway checks and audits every field of
 * every item against the caller's role and the child's seal, as it does for the agencies' own fields.
 */
import type { DataCategory } from '../../schema/data-categories.js';

export const PLAN_ITEM_CATEGORIES = [
  'SOCIAL_CARE',
  'LOOKED_AFTER',
  'PLACEMENT',
  'HEALTH',
  'EDUCATION',
  'SEND',
  'ADULT_SERVICES',
] as const satisfies readonly DataCategory[];

export type PlanItemCategory = (typeof PLAN_ITEM_CATEGORIES)[number];

/** `PlanItemLookedAfter`, `PlanItemAdultServices`... */
export function planItemTypeName(category: PlanItemCategory): string {
  return `PlanItem${category
    .toLowerCase()
    .split('_')
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('')}`;
}

export function isPlanItemCategory(category: string): category is PlanItemCategory {
  return (PLAN_ITEM_CATEGORIES as readonly string[]).includes(category);
}

const itemFields = [
  ['kind', 'PlanKind!'],
  ['agency', 'Agency!'],
  ['category', 'DataCategory!'],
  ['recordId', 'String'],
  ['date', 'Date'],
  ['status', 'PlanStatus!'],
  ['detail', 'String'],
  ['lastReviewed', 'Date'],
  ['owner', 'PlanOwner!'],
  ['nextDue', 'StatutoryDue'],
  ['relatesTo', '[PlanLink!]!'],
] as const;

/** The interface (every field nullable: the gateway makes categorised fields nullable) and its implementations. */
export function planItemTypeDefs(): string {
  const nullable = (type: string) => (type.endsWith('!') ? type.slice(0, -1) : type);
  const iface = `
  "One current plan or assessment. Implemented once per data category; every field carries that category."
  interface PlanItem {
${itemFields.map(([name, type]) => `    ${name}: ${nullable(type)}`).join('\n')}
  }`;
  const types = PLAN_ITEM_CATEGORIES.map(
    (category) => `
  type ${planItemTypeName(category)} implements PlanItem {
${itemFields.map(([name, type]) => `    ${name}: ${type} @category(name: ${category})`).join('\n')}
  }`,
  );
  return [iface, ...types].join('\n');
}
