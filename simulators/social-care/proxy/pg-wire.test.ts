import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MessageFramer,
  ProtocolError,
  buildDataRow,
  errorResponse,
  messageType,
  parseBind,
  parseDataRow,
  parseExecute,
  parseParse,
  parseQueryText,
  parseRowDescription,
  readyForQuery,
  readyStatus,
  sslRequestCode,
  startupCode,
} from './pg-wire.js';

function typed(type: string, body: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0, 'ascii');
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

const cstrings = (...parts: string[]) => Buffer.from(parts.map((p) => `${p}\0`).join(''), 'utf8');

function rowDescription(fields: Array<{ name: string; oid: number; format: number }>): Buffer {
  const parts: Buffer[] = [];
  const count = Buffer.alloc(2);
  count.writeInt16BE(fields.length, 0);
  parts.push(count);
  for (const field of fields) {
    const fixed = Buffer.alloc(18);
    fixed.writeInt32BE(0, 0);
    fixed.writeInt16BE(0, 4);
    fixed.writeInt32BE(field.oid, 6);
    fixed.writeInt16BE(-1, 10);
    fixed.writeInt32BE(-1, 12);
    fixed.writeInt16BE(field.format, 16);
    parts.push(Buffer.from(`${field.name}\0`), fixed);
  }
  return typed('T', Buffer.concat(parts));
}

describe('MessageFramer', () => {
  it('reassembles typed messages however the stream is split', () => {
    const message = fc
      .tuple(fc.constantFrom('Q', 'P', 'B', 'E', 'S', 'D', 'Z'), fc.uint8Array({ maxLength: 40 }))
      .map(([type, body]) => typed(type, Buffer.from(body)));
    fc.assert(
      fc.property(
        fc.array(message, { maxLength: 12 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        (messages, cuts) => {
          const stream = Buffer.concat(messages);
          const points = [...new Set(cuts.map((c) => (stream.length === 0 ? 0 : c % stream.length)))].sort(
            (a, b) => a - b,
          );
          const framer = new MessageFramer({ untyped: false });
          const seen: Buffer[] = [];
          let from = 0;
          for (const point of [...points, stream.length]) {
            framer.push(stream.subarray(from, point), (m) => seen.push(Buffer.from(m)));
            from = point;
          }
          expect(seen).toEqual(messages);
        },
      ),
    );
  });

  it('reads an untyped startup packet, then typed messages once told', () => {
    const ssl = Buffer.alloc(8);
    ssl.writeInt32BE(8, 0);
    ssl.writeInt32BE(sslRequestCode, 4);
    const query = typed('Q', cstrings('select 1'));
    const framer = new MessageFramer({ untyped: true });
    const seen: string[] = [];
    framer.push(Buffer.concat([ssl, query]), (m) => {
      if (framer.untyped) {
        expect(startupCode(m)).toBe(sslRequestCode);
        framer.untyped = false;
        seen.push('startup');
      } else seen.push(messageType(m));
    });
    expect(seen).toEqual(['startup', 'Q']);
  });

  it('rejects a length that cannot be a message', () => {
    const bad = Buffer.from([0x51, 0, 0, 0, 2]);
    expect(() => new MessageFramer({ untyped: false }).push(bad, () => undefined)).toThrow(ProtocolError);
  });
});

describe('frontend message parsing', () => {
  it('reads query text, statement and portal names', () => {
    expect(parseQueryText(typed('Q', cstrings('SELECT * FROM ssd_person')))).toBe('SELECT * FROM ssd_person');
    const parse = typed('P', Buffer.concat([cstrings('s1', 'SELECT 1'), Buffer.from([0, 0])]));
    expect(parseParse(parse)).toEqual({ statement: 's1', sql: 'SELECT 1' });
    const bind = typed('B', Buffer.concat([cstrings('', 's1'), Buffer.from([0, 0, 0, 0, 0, 0])]));
    expect(parseBind(bind)).toEqual({ portal: '', statement: 's1' });
    expect(parseExecute(typed('E', Buffer.concat([cstrings('p1'), Buffer.alloc(4)])))).toEqual({
      portal: 'p1',
    });
  });
});

describe('backend messages', () => {
  it('builds an ErrorResponse carrying the SQLSTATE and message', () => {
    const message = errorResponse('58000', 'boom');
    expect(messageType(message)).toBe('E');
    expect(message.readInt32BE(1)).toBe(message.length - 1);
    expect(message.toString('utf8')).toContain('C58000\0');
    expect(message.toString('utf8')).toContain('Mboom\0');
  });

  it('round-trips ReadyForQuery status', () => {
    for (const status of ['I', 'T', 'E'] as const) expect(readyStatus(readyForQuery(status))).toBe(status);
  });

  it('reads a RowDescription and round-trips DataRows including NULLs', () => {
    const fields = parseRowDescription(
      rowDescription([
        { name: 'pers_person_id', oid: 1043, format: 0 },
        { name: 'pers_dob', oid: 1114, format: 0 },
      ]),
    );
    expect(fields).toEqual([
      { name: 'pers_person_id', typeOid: 1043, format: 0 },
      { name: 'pers_dob', typeOid: 1114, format: 0 },
    ]);
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.uint8Array({ maxLength: 30 }), { nil: null }), { maxLength: 10 }),
        (values) => {
          const buffers = values.map((v) => (v === null ? null : Buffer.from(v)));
          const row = buildDataRow(buffers);
          expect(row.readInt32BE(1)).toBe(row.length - 1);
          expect(parseDataRow(row)).toEqual(buffers);
        },
      ),
    );
  });
});
