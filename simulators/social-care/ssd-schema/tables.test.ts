import { describe, expect, it } from 'vitest';
import { allTables } from './all-tables.js';
import { extensionTables } from './extension-tables.js';
import { ssdStandard } from './ssd-standard.js';
import { ssdTables } from './ssd-tables.js';

const compatible: Record<string, RegExp> = {
  nvarchar: /^(varchar\(\d+\)|text)$/,
  datetime: /^timestamp$/,
  nchar: /^char\(1\)$/,
  float: /^double precision$/,
  int: /^integer$/,
};

describe('table definitions', () => {
  it('define exactly the standard SSD tables and columns, in its order, with matching types', () => {
    expect(ssdTables.map((t) => t.name).sort()).toEqual(Object.keys(ssdStandard).sort());
    for (const def of ssdTables) {
      const standard = ssdStandard[def.name] ?? [];
      expect(def.columns.map((c) => c.name)).toEqual(standard.map(([name]) => name));
      def.columns.forEach((col, i) =>
        expect(col.sqlType).toMatch(compatible[standard[i]?.[1] ?? ''] ?? /^$/),
      );
    }
  });

  it('keep the local extension apart under the ssdx_ prefix', () => {
    for (const def of extensionTables) expect(def.name).toMatch(/^ssdx_/);
  });

  it('index every person id column', () => {
    for (const def of allTables) {
      for (const col of def.columns) {
        if (/_person_id$/.test(col.name) && col.name !== def.primaryKey)
          expect(def.indexed).toContain(col.name);
      }
    }
  });
});
