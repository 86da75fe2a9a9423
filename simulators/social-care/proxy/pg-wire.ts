/**
 * Just enough of the PostgreSQL v3 wire protocol for a fault-injecting proxy: message framing, the few frontend
 * messages it reads (to count queries per table), and the backend messages it reads or forges (RowDescription,
 * DataRow, ErrorResponse, ReadyForQuery). https://www.postgresql.org/docs/current/protocol-message-formats.html
 */

export const protocolVersion3 = 196608;
export const sslRequestCode = 80877103;
export const gssEncRequestCode = 80877104;
export const cancelRequestCode = 80877102;

/**
 * Splits a byte stream into whole messages. Typed messages are a type byte plus an Int32 length that counts itself;
 * the startup packets a client opens with have no type byte, so the framer is told when to expect those.
 */
export class MessageFramer {
  private pending: Buffer | null = null;
  /** True while the next message is an untyped startup packet (StartupMessage, SSLRequest, CancelRequest). */
  untyped: boolean;

  constructor(options: { untyped: boolean }) {
    this.untyped = options.untyped;
  }

  push(chunk: Buffer, onMessage: (message: Buffer) => void): void {
    const buffer = this.pending === null ? chunk : Buffer.concat([this.pending, chunk]);
    this.pending = null;
    let offset = 0;
    while (buffer.length - offset >= (this.untyped ? 4 : 5)) {
      const declared = this.untyped ? buffer.readInt32BE(offset) : buffer.readInt32BE(offset + 1);
      if (declared < 4) throw new ProtocolError(`invalid message length ${declared}`);
      const length = this.untyped ? declared : declared + 1;
      if (buffer.length - offset < length) break;
      const message = buffer.subarray(offset, offset + length);
      offset += length;
      // onMessage may end the untyped phase (a StartupMessage does); the next iteration honours it.
      onMessage(message);
    }
    if (offset < buffer.length) this.pending = Buffer.from(buffer.subarray(offset));
  }
}

export class ProtocolError extends Error {
  override name = 'ProtocolError';
}

export function messageType(message: Buffer): string {
  return String.fromCharCode(message[0] ?? 0);
}

function readCString(buffer: Buffer, offset: number): { value: string; next: number } {
  const end = buffer.indexOf(0, offset);
  if (end < 0) return { value: buffer.toString('utf8', offset), next: buffer.length };
  return { value: buffer.toString('utf8', offset, end), next: end + 1 };
}

/** Query ('Q'): the SQL text. */
export function parseQueryText(message: Buffer): string {
  return readCString(message, 5).value;
}

/** Parse ('P'): prepared statement name ('' = unnamed) and its SQL. */
export function parseParse(message: Buffer): { statement: string; sql: string } {
  const name = readCString(message, 5);
  return { statement: name.value, sql: readCString(message, name.next).value };
}

/** Bind ('B'): portal name and the statement it binds. */
export function parseBind(message: Buffer): { portal: string; statement: string } {
  const portal = readCString(message, 5);
  return { portal: portal.value, statement: readCString(message, portal.next).value };
}

/** Execute ('E'): the portal it runs. */
export function parseExecute(message: Buffer): { portal: string } {
  return { portal: readCString(message, 5).value };
}

/** Close ('C'): what it closes. */
export function parseClose(message: Buffer): { kind: 'S' | 'P'; name: string } {
  return { kind: message[5] === 0x50 ? 'P' : 'S', name: readCString(message, 6).value };
}

/** Untyped startup packet: its request code (protocol version, SSL, GSSENC or cancel). */
export function startupCode(message: Buffer): number {
  return message.length >= 8 ? message.readInt32BE(4) : 0;
}

/** ErrorResponse as a server sends it: severity, SQLSTATE and message. */
export function errorResponse(code: string, text: string): Buffer {
  const fields = Buffer.concat(
    [
      ['S', 'ERROR'],
      ['V', 'ERROR'],
      ['C', code],
      ['M', text],
    ].map(([key, value]) => Buffer.from(`${key}${value}\0`, 'utf8')),
  );
  const body = Buffer.concat([fields, Buffer.from([0])]);
  const header = Buffer.alloc(5);
  header.write('E', 0, 'ascii');
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

/** ReadyForQuery with its transaction status: I idle, T in a transaction, E in a failed transaction. */
export function readyForQuery(status: 'I' | 'T' | 'E'): Buffer {
  const message = Buffer.alloc(6);
  message.write('Z', 0, 'ascii');
  message.writeInt32BE(5, 1);
  message.write(status, 5, 'ascii');
  return message;
}

export function readyStatus(message: Buffer): 'I' | 'T' | 'E' {
  const status = String.fromCharCode(message[5] ?? 0x49);
  return status === 'T' || status === 'E' ? status : 'I';
}

export interface FieldDescription {
  name: string;
  typeOid: number;
  /** 0 text, 1 binary. */
  format: number;
}

export function parseRowDescription(message: Buffer): FieldDescription[] {
  const count = message.readInt16BE(5);
  const fields: FieldDescription[] = [];
  let offset = 7;
  for (let i = 0; i < count; i += 1) {
    const name = readCString(message, offset);
    offset = name.next;
    const typeOid = message.readInt32BE(offset + 6);
    const format = message.readInt16BE(offset + 16);
    fields.push({ name: name.value, typeOid, format });
    offset += 18;
  }
  return fields;
}

/** DataRow values: null for SQL NULL, else the raw bytes. */
export function parseDataRow(message: Buffer): Array<Buffer | null> {
  const count = message.readInt16BE(5);
  const values: Array<Buffer | null> = [];
  let offset = 7;
  for (let i = 0; i < count; i += 1) {
    const length = message.readInt32BE(offset);
    offset += 4;
    if (length < 0) {
      values.push(null);
    } else {
      values.push(message.subarray(offset, offset + length));
      offset += length;
    }
  }
  return values;
}

export function buildDataRow(values: ReadonlyArray<Buffer | null>): Buffer {
  const parts: Buffer[] = [];
  const count = Buffer.alloc(2);
  count.writeInt16BE(values.length, 0);
  parts.push(count);
  for (const value of values) {
    const length = Buffer.alloc(4);
    length.writeInt32BE(value === null ? -1 : value.length, 0);
    parts.push(length);
    if (value !== null) parts.push(value);
  }
  const body = Buffer.concat(parts);
  const header = Buffer.alloc(5);
  header.write('D', 0, 'ascii');
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}
