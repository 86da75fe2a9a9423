/**
 * Splits a CSV body into its rows, on bytes: a row that is not valid UTF-8 must reach the validator as it was
 * sent (to be dead-lettered as BAD_ENCODING), so nothing here decodes text. RFC 4180 quoting: a quote that opens a
 * field starts a quoted field, in which commas, line breaks and doubled quotes ("") are data; a quote in the
 * middle of an unquoted field is taken as data (lenient, as most producers that emit one mean it literally).
 * Rows end at LF; a CR just before it belongs to the line break (CRLF and LF both work). A UTF-8 byte order mark
 * at the start is dropped. Empty lines are skipped (their line numbers still count).
 *
 * A row's position is the line number of its first line, the header being line 1; the header is the first
 * record, at position 1. A row over the size limit keeps only its first `maxRecordBytes` bytes.
 */
import type { FeedRecord } from './feed-record.js';
import { FeedRefusal } from './feed-refusal.js';

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const COMMA = 0x2c;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

const enum State {
  /** At the start of a field: a quote here opens a quoted field. */
  FieldStart,
  Unquoted,
  Quoted,
  /** A quote inside a quoted field: the field's end, or the first half of "". */
  QuoteInQuoted,
}

export class CsvRecordSplitter {
  private readonly maxRecordBytes: number;
  private state = State.FieldStart;
  /** The line being read (1-based) and the line the current row started on. */
  private line = 1;
  private rowLine = 1;
  private pieces: Buffer[] = [];
  private keptBytes = 0;
  private rowBytes = 0;
  private lastByte = -1;
  /** The first bytes, held until there are enough to tell whether they are a byte order mark. */
  private head: Buffer | null = Buffer.alloc(0);
  private emitted = 0;

  constructor({ maxRecordBytes }: { maxRecordBytes: number }) {
    this.maxRecordBytes = maxRecordBytes;
  }

  /** Rows completed by this chunk. The chunk is not copied: records may be views into it. */
  push(input: Buffer): FeedRecord[] {
    let chunk = input;
    if (this.head !== null) {
      const head = this.head.length === 0 ? chunk : Buffer.concat([this.head, chunk]);
      if (head.length < BOM.length) {
        this.head = head;
        return [];
      }
      this.head = null;
      chunk = head.subarray(0, BOM.length).equals(BOM) ? head.subarray(BOM.length) : head;
    }
    const out: FeedRecord[] = [];
    this.scan(chunk, out);
    return out;
  }

  /** The last row, when the body does not end with a line break. */
  finish(): FeedRecord[] {
    const out: FeedRecord[] = [];
    if (this.head !== null) {
      const head = this.head;
      this.head = null;
      this.scan(head, out);
    }
    this.endRow(out);
    return out;
  }

  private scan(chunk: Buffer, out: FeedRecord[]): void {
    const n = chunk.length;
    let start = 0;
    let i = 0;
    // The next quote at or after i, searched again only once i has passed it (most rows have none, and searching
    // from every row to the end of the chunk would scan each chunk once per row).
    let quoteAt = -2;
    const nextQuote = (from: number) => {
      if (quoteAt !== -1 && quoteAt < from) quoteAt = chunk.indexOf(QUOTE, from);
      return quoteAt;
    };
    while (i < n) {
      if (this.state === State.Quoted) {
        // Inside quotes only a quote matters; line breaks are data but still count as lines.
        const quote = nextQuote(i);
        const end = quote === -1 ? n : quote;
        for (let lf = chunk.indexOf(LF, i); lf !== -1 && lf < end; lf = chunk.indexOf(LF, lf + 1))
          this.line += 1;
        if (quote === -1) break;
        this.state = State.QuoteInQuoted;
        i = quote + 1;
        continue;
      }
      if (this.state === State.QuoteInQuoted) {
        const byte = chunk[i] as number;
        if (byte === QUOTE) {
          this.state = State.Quoted;
          i += 1;
          continue;
        }
        this.state = byte === COMMA ? State.FieldStart : State.Unquoted;
        if (byte !== LF) {
          i += 1;
          continue;
        }
      }
      // Outside quotes: the next line break ends the row unless a quote opening a field comes first.
      const lf = chunk.indexOf(LF, i);
      const quote = nextQuote(i);
      if (quote !== -1 && (lf === -1 || quote < lf)) {
        const atFieldStart = quote === i ? this.state === State.FieldStart : chunk[quote - 1] === COMMA;
        this.state = atFieldStart ? State.Quoted : State.Unquoted;
        i = quote + 1;
        continue;
      }
      if (lf === -1) {
        const last = chunk[n - 1] as number;
        if (n > i) this.state = last === COMMA ? State.FieldStart : State.Unquoted;
        break;
      }
      this.append(chunk.subarray(start, lf));
      this.endRow(out);
      this.line += 1;
      this.rowLine = this.line;
      this.state = State.FieldStart;
      start = lf + 1;
      i = start;
    }
    this.append(chunk.subarray(start, n));
  }

  private append(piece: Buffer): void {
    if (piece.length === 0) return;
    this.rowBytes += piece.length;
    this.lastByte = piece[piece.length - 1] as number;
    if (this.keptBytes >= this.maxRecordBytes) return;
    const take = Math.min(piece.length, this.maxRecordBytes - this.keptBytes);
    this.pieces.push(take === piece.length ? piece : piece.subarray(0, take));
    this.keptBytes += take;
  }

  private endRow(out: FeedRecord[]): void {
    let rowBytes = this.rowBytes;
    let kept = this.keptBytes;
    if (rowBytes > 0 && this.lastByte === CR) {
      rowBytes -= 1;
      kept = Math.min(kept, rowBytes);
    }
    if (rowBytes > 0) {
      const whole = this.pieces.length === 1 ? (this.pieces[0] as Buffer) : Buffer.concat(this.pieces);
      out.push({
        position: this.rowLine,
        raw: whole.length === kept ? whole : whole.subarray(0, kept),
        rawSize: rowBytes,
      });
      this.emitted += 1;
    } else if (this.emitted === 0) {
      // The first row is line 1 and is the header: a body starting with an empty line has none.
      throw new FeedRefusal('EMPTY_FEED');
    }
    this.pieces = [];
    this.keptBytes = 0;
    this.rowBytes = 0;
    this.lastByte = -1;
  }
}

/** Every row of a CSV body, header first (position 1). */
export async function* splitCsvRecords(
  chunks: AsyncIterable<Buffer>,
  options: { maxRecordBytes: number },
): AsyncGenerator<FeedRecord> {
  const splitter = new CsvRecordSplitter(options);
  for await (const chunk of chunks) yield* splitter.push(chunk);
  yield* splitter.finish();
}
