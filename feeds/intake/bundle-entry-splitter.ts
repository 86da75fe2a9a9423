/**
 * Splits a FHIR Bundle into its entries as it streams in: one record per `entry[i]` (position i), the entry's JSON
 * re-serialised from the parser's tokens. Numbers keep their exact text (1.50 stays 1.50) and strings their exact
 * characters; only insignificant whitespace differs from what was sent. The Bundle itself must be an object with
 * resourceType "Bundle" and type collection, batch or transaction; anything else refuses the whole feed (at once
 * when those fields come before `entry`, as FHIR serialisers write them, or at the end otherwise). The body must
 * be UTF-8 JSON (RFC 8259): a body that is not is refused whole rather than stored with characters replaced.
 * An entry over the size limit keeps only its first `maxRecordBytes` bytes.
 */
import { jsonParser, type Token } from 'stream-json/parser.js';
import type { FeedRecord } from './feed-record.js';
import { FeedRefusal } from './feed-refusal.js';

export const ACCEPTED_BUNDLE_TYPES: ReadonlySet<string> = new Set(['collection', 'batch', 'transaction']);

// stream-json's parser speaks the stream-chain protocol, whose markers are registered symbols: `none` asks the
// parser to flush; a `many` result carries several tokens.
const none = Symbol.for('object-stream.none');
const manySymbol = Symbol.for('object-stream.many');
type ParserResult = Token | symbol | { values: Token[] };
type Parser = (input: string | symbol) => ParserResult;

export class BundleEntrySplitter {
  private readonly maxRecordBytes: number;
  private readonly parse = jsonParser({ packValues: true, streamValues: false }) as unknown as Parser;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  /** Containers open around the current token (the Bundle object is depth 1). */
  private depth = 0;
  private key: string | undefined;
  private resourceType: string | undefined;
  private bundleType: string | undefined;
  /** Inside the `entry` array (depth 2). */
  private inEntries = false;
  /** Depth of a Bundle member being skipped (not resourceType, type or entry), or 0. */
  private skipping = 0;
  private position = 0;
  // The entry being serialised.
  private parts: string[] = [];
  private chars = 0;
  private firstInContainer: boolean[] = [];
  private afterKey = false;
  /** Once an entry is known to be over the limit: its kept bytes and its running size. */
  private oversize: { kept: Buffer; size: number } | null = null;
  private out: FeedRecord[] = [];

  constructor({ maxRecordBytes }: { maxRecordBytes: number }) {
    this.maxRecordBytes = maxRecordBytes;
  }

  /** Entries completed by this chunk. */
  push(chunk: Buffer): FeedRecord[] {
    let text: string;
    try {
      text = this.decoder.decode(chunk, { stream: true });
    } catch (error) {
      throw new FeedRefusal('NOT_JSON', { cause: error });
    }
    if (text.length > 0) this.feed(text);
    return this.take();
  }

  /** The last entries, once the body has ended; checks the Bundle was complete and of an accepted type. */
  finish(): FeedRecord[] {
    try {
      const rest = this.decoder.decode();
      if (rest.length > 0) this.feed(rest);
    } catch (error) {
      throw new FeedRefusal('NOT_JSON', { cause: error });
    }
    this.feed(none);
    if (this.depth !== 0) throw new FeedRefusal('NOT_JSON');
    if (this.resourceType !== 'Bundle') throw new FeedRefusal('NOT_A_BUNDLE');
    if (this.bundleType === undefined || !ACCEPTED_BUNDLE_TYPES.has(this.bundleType))
      throw new FeedRefusal('BUNDLE_TYPE');
    return this.take();
  }

  private take(): FeedRecord[] {
    const out = this.out;
    this.out = [];
    return out;
  }

  private feed(input: string | symbol): void {
    let result: ParserResult;
    try {
      result = this.parse(input);
    } catch (error) {
      throw new FeedRefusal('NOT_JSON', { cause: error });
    }
    if (typeof result === 'symbol') return;
    if ((result as Record<symbol, unknown>)[manySymbol] === 1) {
      for (const token of (result as { values: Token[] }).values) this.token(token);
    } else {
      this.token(result as Token);
    }
  }

  private token(token: Token): void {
    if (this.firstInContainer.length > 0 || (this.inEntries && this.depth === 2)) {
      if (token.name === 'endArray' && this.firstInContainer.length === 0) {
        this.inEntries = false;
        this.depth -= 1;
        return;
      }
      this.serialise(token);
      return;
    }
    if (this.skipping > 0) {
      if (token.name === 'startObject' || token.name === 'startArray') this.depth += 1;
      else if (token.name === 'endObject' || token.name === 'endArray') {
        this.depth -= 1;
        if (this.depth < this.skipping) this.skipping = 0;
      }
      return;
    }
    if (this.depth === 0) {
      if (token.name !== 'startObject') throw new FeedRefusal('NOT_A_BUNDLE');
      this.depth = 1;
      return;
    }
    // A member of the Bundle object.
    switch (token.name) {
      case 'keyValue':
        this.key = token.value;
        return;
      case 'endObject':
        this.depth = 0;
        return;
      case 'stringValue':
        if (this.key === 'resourceType') {
          this.resourceType = token.value;
          if (token.value !== 'Bundle') throw new FeedRefusal('NOT_A_BUNDLE');
        } else if (this.key === 'type') {
          this.bundleType = token.value;
          if (!ACCEPTED_BUNDLE_TYPES.has(token.value)) throw new FeedRefusal('BUNDLE_TYPE');
        }
        return;
      case 'startArray':
        this.depth += 1;
        if (this.key === 'entry') this.inEntries = true;
        else this.skipping = this.depth;
        return;
      case 'startObject':
        if (this.key === 'entry' || this.key === 'resourceType') throw new FeedRefusal('NOT_A_BUNDLE');
        if (this.key === 'type') throw new FeedRefusal('BUNDLE_TYPE');
        this.depth += 1;
        this.skipping = this.depth;
        return;
      default:
        // Numbers, booleans, null: wrong for resourceType, type and entry; ignored elsewhere.
        if (this.key === 'resourceType' || this.key === 'entry') throw new FeedRefusal('NOT_A_BUNDLE');
        if (this.key === 'type') throw new FeedRefusal('BUNDLE_TYPE');
    }
  }

  /** One token of an entry, as JSON text. */
  private serialise(token: Token): void {
    switch (token.name) {
      case 'startObject':
      case 'startArray':
        this.valueStart();
        this.write(token.name === 'startObject' ? '{' : '[');
        this.firstInContainer.push(true);
        return;
      case 'endObject':
      case 'endArray':
        this.write(token.name === 'endObject' ? '}' : ']');
        this.firstInContainer.pop();
        if (this.firstInContainer.length === 0) this.endEntry();
        return;
      case 'keyValue':
        if (this.firstInContainer[this.firstInContainer.length - 1]) {
          this.firstInContainer[this.firstInContainer.length - 1] = false;
        } else {
          this.write(',');
        }
        this.write(JSON.stringify(token.value));
        this.write(':');
        this.afterKey = true;
        return;
      case 'stringValue':
        this.valueStart();
        this.write(JSON.stringify(token.value));
        break;
      case 'numberValue':
        this.valueStart();
        this.write(token.value);
        break;
      case 'nullValue':
      case 'trueValue':
      case 'falseValue':
        this.valueStart();
        this.write(String(token.value));
        break;
      default:
        // Streamed pieces (off: values are packed) and whitespace carry nothing to keep.
        return;
    }
    if (this.firstInContainer.length === 0) this.endEntry();
  }

  private valueStart(): void {
    if (this.afterKey) {
      this.afterKey = false;
      return;
    }
    const top = this.firstInContainer.length - 1;
    if (top < 0) return;
    if (this.firstInContainer[top]) this.firstInContainer[top] = false;
    else this.write(',');
  }

  private write(part: string): void {
    if (this.oversize !== null) {
      this.oversize.size += Buffer.byteLength(part);
      return;
    }
    this.parts.push(part);
    this.chars += part.length;
    // Every character is at least one byte: past the limit in characters, the entry is over it in bytes.
    if (this.chars > this.maxRecordBytes) {
      const bytes = Buffer.from(this.parts.join(''));
      this.oversize = { kept: Buffer.from(bytes.subarray(0, this.maxRecordBytes)), size: bytes.length };
      this.parts = [];
    }
  }

  private endEntry(): void {
    let record: FeedRecord;
    if (this.oversize !== null) {
      record = { position: this.position, raw: this.oversize.kept, rawSize: this.oversize.size };
    } else {
      const bytes = Buffer.from(this.parts.join(''));
      record = {
        position: this.position,
        raw: bytes.length > this.maxRecordBytes ? bytes.subarray(0, this.maxRecordBytes) : bytes,
        rawSize: bytes.length,
      };
    }
    this.out.push(record);
    this.position += 1;
    this.parts = [];
    this.chars = 0;
    this.oversize = null;
  }
}

/** Every entry of a Bundle body, in order; throws FeedRefusal for a body that is not an accepted Bundle. */
export async function* splitBundleEntries(
  chunks: AsyncIterable<Buffer>,
  options: { maxRecordBytes: number },
): AsyncGenerator<FeedRecord> {
  const splitter = new BundleEntrySplitter(options);
  for await (const chunk of chunks) yield* splitter.push(chunk);
  yield* splitter.finish();
}
