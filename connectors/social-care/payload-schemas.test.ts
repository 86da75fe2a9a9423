import { describe, expect, it } from 'vitest';
import { ssd } from './ssd-tables.js';
import { ssdRows } from './test-fixtures/ssd-rows.js';

const ssdTables = Object.values(ssd);

describe('SSD row schemas', () => {
  it('accepts every fixture row of every table, as PostgreSQL sends it', () => {
    for (const table of ssdTables) {
      const columns = Object.keys(table.row.shape);
      for (const raw of ssdRows[table.name] ?? []) {
        const row = Object.fromEntries(columns.map((column) => [column, raw[column] ?? null]));
        const parsed = table.row.safeParse(row);
        expect(parsed.success, `${table.name}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      }
    }
  });

  it('rejects a corrupt value in any typed column, and a missing id or defining date', () => {
    const placement = {
      clap_cla_placement_id: 'PL-1',
      clap_person_id: 'P-1',
      clap_cla_id: null,
      clap_cla_placement_start_date: '2024-01-15 12:00:00',
      clap_cla_placement_end_date: null,
      clap_cla_placement_type: 'K2',
      clap_cla_placement_urn: null,
      clap_cla_placement_provider: null,
      clap_cla_placement_postcode: null,
      clap_cla_placement_distance: '3.5',
      clap_cla_placement_change_reason: null,
    };
    const table = ssdTables.find((t) => t.name === 'ssd_cla_placement');
    expect(table?.row.safeParse(placement).success).toBe(true);
    expect(table?.row.safeParse({ ...placement, clap_cla_placement_end_date: 'not-a-date' }).success).toBe(
      false,
    );
    expect(table?.row.safeParse({ ...placement, clap_cla_placement_distance: 'not-a-number' }).success).toBe(
      false,
    );
    expect(table?.row.safeParse({ ...placement, clap_cla_placement_start_date: null }).success).toBe(false);
    expect(table?.row.safeParse({ ...placement, clap_cla_placement_id: '' }).success).toBe(false);
  });
});
