/**
 * RFC 4180 text for the school census feed: quoting fields, joining rows with CRLF, and splitting a file back into
 * rows on BYTES (a row with invalid UTF-8 must survive as it was), with the line each row starts on.
 */

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** A field is a string, or raw bytes for a field that is deliberately not UTF-8. */
export type CsvField = string | Buffer;

export function needsQuotes(field: string): boolean {
  return /[",\r\n]/.test(field);
}

function quoteText(field: string, forceQuotes: boolean): string {
  if (!forceQuotes && !needsQuotes(field)) return field;
  return `"${field.replaceAll('"', '""')}"`;
}

/** One row of text fields without the line ending (cheaper than bytes when no field is raw). */
export function csvRowText(fields: readonly string[], quoted: ReadonlySet<number> = new Set()): string {
  return fields.map((field, index) => quoteText(field, quoted.has(index))).join(',');
}

/**
 * One row's bytes without the line ending. `quoted` lists fields to quote although they need not be: RFC 4180
 * allows it, and a reader that only unquotes when it must is wrong.
 */
export function csvRowBytes(fields: readonly CsvField[], quoted: ReadonlySet<number> = new Set()): Buffer {
  const parts: Buffer[] = [];
  fields.forEach((field, index) => {
    if (index > 0) parts.push(Buffer.from(','));
    if (typeof field === 'string') {
      parts.push(Buffer.from(quoteText(field, quoted.has(index)), 'utf8'));
    } else {
      // Raw bytes are written as they are, quoted so a stray comma or quote byte cannot split them.
      parts.push(Buffer.from('"'), field, Buffer.from('"'));
    }
  });
  return Buffer.concat(parts);
}

/** Line breaks a row's bytes contain (inside quoted fields): a row starting on line n ends on n + this. */
export function lineBreaksIn(row: Buffer): number {
  let breaks = 0;
  for (let i = 0; i < row.length; i++) {
    const byte = row[i];
    if (byte === LF) breaks++;
    else if (byte === CR && row[i + 1] !== LF) breaks++;
  }
  return breaks;
}

export interface SplitRow {
  /** Line number of the row's first line, counting from 1. */
  line: number;
  /** The row's bytes, without its line ending. */
  bytes: Buffer;
}

/** Splits CSV bytes into rows (header included) at CRLF or LF outside quotes. A final empty line is not a row. */
export function splitCsvRows(content: Buffer): SplitRow[] {
  const rows: SplitRow[] = [];
  let start = 0;
  let line = 1;
  let rowLine = 1;
  let inQuotes = false;
  let i = 0;
  while (i < content.length) {
    const byte = content[i];
    if (byte === QUOTE) {
      inQuotes = !inQuotes;
      i++;
      continue;
    }
    if (byte === CR || byte === LF) {
      const width = byte === CR && content[i + 1] === LF ? 2 : 1;
      if (!inQuotes) {
        rows.push({ line: rowLine, bytes: content.subarray(start, i) });
        start = i + width;
        rowLine = line + 1;
      }
      line++;
      i += width;
      continue;
    }
    i++;
  }
  if (start < content.length) rows.push({ line: rowLine, bytes: content.subarray(start) });
  return rows;
}

/** The fields of one row (a string: the caller has decoded it). Quotes are removed and "" unescaped. */
export function parseCsvRow(row: string): string[] {
  const fields: string[] = [];
  let field = '';
  let inQuotes = false;
  for (let i = 0; i < row.length; i++) {
    const char = row[i] as string;
    if (inQuotes) {
      if (char === '"') {
        if (row[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else field += char;
    } else if (char === '"') inQuotes = true;
    else if (char === ',') {
      fields.push(field);
      field = '';
    } else field += char;
  }
  fields.push(field);
  return fields;
}
