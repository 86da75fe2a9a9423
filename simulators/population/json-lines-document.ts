/**
 * A JSON document laid out one array element per line:
 *
 *   {"seed":1,"asOf":"...",
 *   "people":[
 *   {...},
 *   {...}
 *   ],
 *   "gp":[
 *   ]}
 *
 * It is ordinary JSON, but can be written and read a line at a time, so a 100,000-child population (hundreds of
 * megabytes) never has to exist as one string, which V8 could not hold.
 */
import { closeSync, createReadStream, openSync, writeSync } from 'node:fs';
import { createInterface } from 'node:readline';

const FLUSH_AT = 1 << 20;

export function writeJsonDocument(
  filePath: string,
  header: Record<string, unknown>,
  arrays: Record<string, readonly unknown[]>,
): void {
  const fd = openSync(filePath, 'w');
  try {
    let buffer = '';
    const emit = (text: string) => {
      buffer += text;
      if (buffer.length >= FLUSH_AT) {
        writeSync(fd, buffer);
        buffer = '';
      }
    };
    const headerJson = JSON.stringify(header);
    const keys = Object.keys(arrays);
    emit(
      keys.length === 0
        ? `${headerJson}\n`
        : `${headerJson.slice(0, -1)}${headerJson.length > 2 ? ',' : ''}\n`,
    );
    keys.forEach((key, keyIndex) => {
      emit(`${JSON.stringify(key)}:[\n`);
      const items = arrays[key] as readonly unknown[];
      items.forEach((item, index) => emit(`${JSON.stringify(item)}${index < items.length - 1 ? ',' : ''}\n`));
      emit(keyIndex < keys.length - 1 ? '],\n' : ']}\n');
    });
    if (buffer.length > 0) writeSync(fd, buffer);
  } finally {
    closeSync(fd);
  }
}

/** Reads a document written by writeJsonDocument without holding the whole file as one string. */
export async function readJsonDocument(filePath: string): Promise<Record<string, unknown>> {
  const lines = createInterface({ input: createReadStream(filePath, 'utf8'), crlfDelay: Infinity });
  let result: Record<string, unknown> | null = null;
  let current: unknown[] | null = null;
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    try {
      if (result === null) {
        // The header line is the opening of the object: its own fields and a comma, or just "{" when it has none.
        const header = line === '{' ? '{}' : line.endsWith(',') ? `${line.slice(0, -1)}}` : line;
        result = JSON.parse(header) as Record<string, unknown>;
      } else if (current === null) {
        const match = /^("(?:[^"\\]|\\.)*"):\[$/.exec(line);
        if (!match) throw new Error('expected the start of an array');
        current = [];
        result[JSON.parse(match[1] as string) as string] = current;
      } else if (line === '],' || line === ']}') {
        current = null;
      } else {
        current.push(JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line));
      }
    } catch (error) {
      throw new Error(`${filePath}:${lineNumber}: ${(error as Error).message}`, { cause: error });
    }
  }
  if (result === null) throw new Error(`${filePath} is empty`);
  return result;
}
