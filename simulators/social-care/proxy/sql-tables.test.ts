import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tablesInSql } from './sql-tables.js';

const known = new Set(['ssd_person', 'ssd_cla_placement', 'ssd_cla_episodes', 'ssdx_meeting']);

describe('tablesInSql', () => {
  it('finds every known table once, in order of mention', () => {
    const sql = `SELECT p.*, e.* FROM ssd_sim_ab12.ssd_cla_placement p
      JOIN "ssd_cla_episodes" e ON e.clae_cla_id = p.clap_cla_id
      JOIN ssd_cla_placement p2 ON p2.clap_cla_placement_id = p.clap_cla_placement_id`;
    expect(tablesInSql(sql, known)).toEqual(['ssd_cla_placement', 'ssd_cla_episodes']);
  });

  it('folds unquoted identifiers to lower case and ignores schemas, columns and unknown names', () => {
    expect(tablesInSql('select pers_person_id from SSD_PERSON where pers_dob > now()', known)).toEqual([
      'ssd_person',
    ]);
    expect(tablesInSql('select 1 from ssd_sim.other_table', known)).toEqual([]);
  });

  it('only ever names known tables, each at most once', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom('ssd_person', 'SSD_MEETING', 'ssdx_meeting', 'x', ' ', ',', '"', '.', 'ssd'),
          {
            maxLength: 30,
          },
        ),
        (tokens) => {
          const found = tablesInSql(tokens.join(' '), known);
          expect(new Set(found).size).toBe(found.length);
          for (const table of found) expect(known.has(table)).toBe(true);
        },
      ),
    );
  });
});
