import { extensionTables, extensionViews } from './extension-tables.js';
import { ssdTables } from './ssd-tables.js';
import type { TableDef } from './table-def.js';

export const allTables: TableDef[] = [...ssdTables, ...extensionTables];

/** Every relation a query can name: what the proxy counts queries against. */
export const countedRelationNames: ReadonlySet<string> = new Set([
  ...allTables.map((t) => t.name),
  ...extensionViews.map((v) => v.name),
]);

export function tableDef(name: string): TableDef {
  const found = allTables.find((t) => t.name === name);
  if (!found) throw new Error(`unknown table ${name}`);
  return found;
}
