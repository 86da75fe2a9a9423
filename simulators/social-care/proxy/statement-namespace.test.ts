import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBind, parseClose, parseExecute, parseParse } from './pg-wire.js';
import { StatementNamespace } from './statement-namespace.js';

function typed(type: string, body: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0, 'ascii');
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

const name = fc.stringMatching(/^[a-z0-9_]{0,12}$/);
const namespace = new StatementNamespace('c7_');
const prefixed = (n: string) => (n === '' ? '' : `c7_${n}`);

describe('StatementNamespace', () => {
  it('prefixes named statements and portals, keeps the unnamed ones and everything after the names', () => {
    fc.assert(
      fc.property(name, name, fc.uint8Array({ maxLength: 20 }), (portal, statement, tail) => {
        const rest = Buffer.from(tail);
        const parse = namespace.rename(
          typed('P', Buffer.concat([Buffer.from(`${statement}\0SELECT 1\0`), rest])),
        );
        expect(parseParse(parse)).toEqual({ statement: prefixed(statement), sql: 'SELECT 1' });
        expect(parse.readInt32BE(1)).toBe(parse.length - 1);
        const bind = namespace.rename(
          typed('B', Buffer.concat([Buffer.from(`${portal}\0${statement}\0`), rest])),
        );
        expect(parseBind(bind)).toEqual({ portal: prefixed(portal), statement: prefixed(statement) });
        expect(bind.subarray(bind.length - rest.length)).toEqual(rest);
        const execute = namespace.rename(typed('E', Buffer.from(`${portal}\0\0\0\0\0`)));
        expect(parseExecute(execute)).toEqual({ portal: prefixed(portal) });
        const close = namespace.rename(typed('C', Buffer.from(`S${statement}\0`)));
        expect(parseClose(close)).toEqual({ kind: 'S', name: prefixed(statement) });
      }),
    );
  });

  it('leaves other messages untouched', () => {
    const query = typed('Q', Buffer.from('SELECT 1\0'));
    expect(namespace.rename(query)).toBe(query);
  });
});
