export type CellValue = string | number | null;
export type Row = Record<string, CellValue>;

/** Rows gathered per table while a population is mapped, before one batched insert per table. */
export class RowSink {
  private readonly byTable = new Map<string, Row[]>();

  add(table: string, row: Row): void {
    const rows = this.byTable.get(table);
    if (rows) rows.push(row);
    else this.byTable.set(table, [row]);
  }

  rows(table: string): Row[] {
    return this.byTable.get(table) ?? [];
  }

  count(): number {
    let total = 0;
    for (const rows of this.byTable.values()) total += rows.length;
    return total;
  }
}
