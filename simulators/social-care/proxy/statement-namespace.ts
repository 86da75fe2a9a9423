function cstringEnd(message: Buffer, offset: number): number {
  const end = message.indexOf(0, offset);
  return end < 0 ? message.length : end;
}

function withLength(type: number, body: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header[0] = type;
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

/**
 * Gives one client's named prepared statements and portals a private prefix on their way to a backend whose
 * session every client shares (PGlite serves all socket connections from one session). Without it, two pooled
 * connections preparing the same statement name collide ("prepared statement already exists"). The unnamed
 * statement and portal ('') are left alone: each cycle re-creates them.
 */
export class StatementNamespace {
  constructor(private readonly prefix: string) {}

  private name(name: string): string {
    return name === '' ? '' : `${this.prefix}${name}`;
  }

  /** Renames the statement / portal names in Parse, Bind, Describe, Close and Execute; other messages pass through. */
  rename(message: Buffer): Buffer {
    const type = String.fromCharCode(message[0] ?? 0);
    if (type === 'P' || type === 'E') {
      const end = cstringEnd(message, 5);
      return withLength(
        message[0] as number,
        Buffer.concat([
          Buffer.from(`${this.name(message.toString('utf8', 5, end))}\0`),
          message.subarray(end + 1),
        ]),
      );
    }
    if (type === 'B') {
      const portalEnd = cstringEnd(message, 5);
      const statementEnd = cstringEnd(message, portalEnd + 1);
      return withLength(
        message[0] as number,
        Buffer.concat([
          Buffer.from(`${this.name(message.toString('utf8', 5, portalEnd))}\0`),
          Buffer.from(`${this.name(message.toString('utf8', portalEnd + 1, statementEnd))}\0`),
          message.subarray(statementEnd + 1),
        ]),
      );
    }
    if (type === 'D' || type === 'C') {
      const end = cstringEnd(message, 6);
      return withLength(
        message[0] as number,
        Buffer.concat([
          message.subarray(5, 6),
          Buffer.from(`${this.name(message.toString('utf8', 6, end))}\0`),
        ]),
      );
    }
    return message;
  }
}
