const identifier = /[A-Za-z_][A-Za-z0-9_$]*/g;

/**
 * The known relations a SQL text names, each once, in order of first mention. Unquoted identifiers fold to lower
 * case as PostgreSQL folds them; schema prefixes, columns and keywords are simply not in `known`.
 */
export function tablesInSql(sql: string, known: ReadonlySet<string>): string[] {
  const found: string[] = [];
  for (const match of sql.matchAll(identifier)) {
    const name = match[0].toLowerCase();
    if (known.has(name) && !found.includes(name)) found.push(name);
  }
  return found;
}
