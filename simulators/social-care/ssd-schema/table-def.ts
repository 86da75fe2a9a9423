export interface ColumnDef {
  name: string;
  /** PostgreSQL type as created, e.g. 'varchar(48)', 'timestamp', 'char(1)'. */
  sqlType: string;
}

export interface TableDef {
  name: string;
  columns: ColumnDef[];
  primaryKey: string;
  /** Columns to index for batched `= ANY($1)` lookups (every person id, and the keys tables join on). */
  indexed: string[];
}

export function column(name: string, sqlType: string): ColumnDef {
  return { name, sqlType };
}

export function table(name: string, primaryKey: string, indexed: string[], columns: ColumnDef[]): TableDef {
  const names = new Set(columns.map((c) => c.name));
  for (const key of [primaryKey, ...indexed]) {
    if (!names.has(key)) throw new Error(`${name}: ${key} is not a column`);
  }
  return { name, columns, primaryKey, indexed };
}
