import { describe, expect, it } from 'vitest';
import { StatementTables } from './statement-tables.js';

const known = new Set(['ssd_person', 'ssd_missing']);

describe('StatementTables', () => {
  it('counts a prepared statement on every execution through any portal bound to it', () => {
    const tables = new StatementTables(known);
    tables.parse(
      's1',
      'SELECT * FROM ssd_person p JOIN ssd_missing m ON m.miss_person_id = p.pers_person_id',
    );
    tables.bind('', 's1');
    expect(tables.execute('')).toEqual(['ssd_person', 'ssd_missing']);
    tables.bind('', 's1');
    expect(tables.execute('')).toEqual(['ssd_person', 'ssd_missing']);
  });

  it('forgets closed statements and knows nothing of unbound portals', () => {
    const tables = new StatementTables(known);
    tables.parse('s1', 'SELECT 1 FROM ssd_person');
    tables.bind('p', 's1');
    tables.close('S', 's1');
    expect(tables.execute('p')).toEqual([]);
    expect(tables.execute('nobody')).toEqual([]);
    expect(tables.query('select * from ssd_missing')).toEqual(['ssd_missing']);
  });
});
