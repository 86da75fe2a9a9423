import type { Figure } from './benchmark.js';

/** A plain-text table with right-aligned numbers. */
export function formatTable(rows: ReadonlyArray<Record<string, Figure>>): string {
  const first = rows[0];
  if (!first) return '(no rows)';
  const columns = Object.keys(first);
  const cell = (value: Figure | undefined) =>
    typeof value === 'number' ? value.toLocaleString('en-GB', { maximumFractionDigits: 2 }) : (value ?? '');
  const widths = columns.map((column) =>
    Math.max(column.length, ...rows.map((row) => cell(row[column]).length)),
  );
  const line = (values: string[], numeric: boolean[]) =>
    values.map((value, i) => (numeric[i] ? value.padStart(widths[i]!) : value.padEnd(widths[i]!))).join('  ');
  const numeric = columns.map((column) => typeof first[column] === 'number');
  return [
    line(columns, numeric),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...rows.map((row) =>
      line(
        columns.map((column) => cell(row[column])),
        numeric,
      ),
    ),
  ].join('\n');
}
