/**
 * One received e-mail as the mailbox lists it: the envelope, a few headers and the plain-text body, decoded from
 * quoted-printable or base64 when the sender used them. Enough to read a text notice; not a MIME parser.
 */
export interface MailboxMessage {
  id: number;
  receivedAt: string;
  from: string | null;
  to: string[];
  subject: string | null;
  messageId: string | null;
  /** Any `X-*-Kind` header the sender set (e.g. the kind of a notification). */
  kind: string | null;
  text: string;
}

export function parseMessage(
  raw: string,
  envelope: { id: number; receivedAt: string; from: string | null; to: string[] },
): MailboxMessage {
  const split = raw.search(/\r?\n\r?\n/);
  const head = split === -1 ? raw : raw.slice(0, split);
  const body = split === -1 ? '' : raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string>();
  // Folded header lines continue with whitespace.
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const kindHeader = [...headers.keys()].find((name) => /^x-.*-kind$/.test(name));
  return {
    ...envelope,
    subject: decodeEncodedWords(headers.get('subject') ?? null),
    messageId: headers.get('message-id') ?? null,
    kind: kindHeader === undefined ? null : (headers.get(kindHeader) ?? null),
    text: decodeBody(body, (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase()),
  };
}

function decodeBody(body: string, encoding: string): string {
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return body;
}

export function decodeQuotedPrintable(text: string): string {
  const joined = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i += 1) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === '=' && /^[\dA-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i]!, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** RFC 2047 `=?utf-8?Q?...?=` / `=?utf-8?B?...?=` words, as senders use for non-ASCII subjects. */
function decodeEncodedWords(value: string | null): string | null {
  if (value === null) return null;
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_match, _charset: string, mode: string, data: string) =>
      mode.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : decodeQuotedPrintable(data.replaceAll('_', ' ')),
    );
}
