/**
 * Refreshes england-and-wales-bank-holidays.json from GOV.UK (https://www.gov.uk/bank-holidays.json). Run it when
 * GOV.UK announces a new year or a one-off holiday, review the diff, and commit the file:
 *
 *   npx tsx jobs/rules/time/update-bank-holidays.ts
 *
 * Years already in the file but not (or no longer) published by GOV.UK are kept, so the calendar never shrinks.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { z } from 'zod';

const file = new URL('./england-and-wales-bank-holidays.json', import.meta.url);

const govUk = z.object({
  'england-and-wales': z.object({
    events: z.array(z.object({ title: z.string().min(1), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) })),
  }),
});

const shipped = z.object({
  source: z.string(),
  division: z.literal('england-and-wales'),
  coversYears: z.tuple([z.number().int(), z.number().int()]),
  events: z.array(z.object({ title: z.string(), date: z.string() })),
});

async function main(): Promise<void> {
  const response = await fetch('https://www.gov.uk/bank-holidays.json', {
    signal: AbortSignal.timeout(15_000),
  });
  if (!response.ok) throw new Error(`GOV.UK answered ${response.status}`);
  const published = govUk.parse(await response.json())['england-and-wales'].events;
  const current = shipped.parse(JSON.parse(await readFile(file, 'utf8')));
  const publishedYears = new Set(published.map((event) => event.date.slice(0, 4)));
  const kept = current.events.filter((event) => !publishedYears.has(event.date.slice(0, 4)));
  const events = [...kept, ...published.map(({ title, date }) => ({ title, date }))].sort((a, b) =>
    a.date.localeCompare(b.date),
  );
  const years = events.map((event) => Number(event.date.slice(0, 4)));
  const coversYears: [number, number] = [Math.min(...years), Math.max(...years)];
  await writeFile(file, `${JSON.stringify({ ...current, coversYears, events }, null, 2)}\n`);
  process.stdout.write(`${events.length} bank holidays, ${coversYears[0]}–${coversYears[1]}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
