import { tablesInSql } from './sql-tables.js';

/**
 * Which tables each prepared statement and portal of one connection reads, so a statement parsed once and
 * executed many times counts on every execution, as the database would see it.
 */
export class StatementTables {
  private readonly statements = new Map<string, string[]>();
  private readonly portals = new Map<string, string>();

  constructor(private readonly known: ReadonlySet<string>) {}

  /** Simple query: the tables it reads. */
  query(sql: string): string[] {
    return tablesInSql(sql, this.known);
  }

  parse(statement: string, sql: string): void {
    this.statements.set(statement, tablesInSql(sql, this.known));
  }

  bind(portal: string, statement: string): void {
    this.portals.set(portal, statement);
  }

  /** Execute: the tables of the statement bound to the portal. */
  execute(portal: string): string[] {
    const statement = this.portals.get(portal);
    return statement === undefined ? [] : (this.statements.get(statement) ?? []);
  }

  close(kind: 'S' | 'P', name: string): void {
    if (kind === 'S') this.statements.delete(name);
    else this.portals.delete(name);
  }
}
