/**
 * GP and school feeds end to end, through the hub as `npm start` runs it (spawned; embedded simulators with a
 * small demo population; gateway and workers in one process; the real PostgreSQL and Redis). Feeds are made by the
 * agencies' generator for the same population, with the truth about every record, and sent with the feed CLI as a
 * child process; outcomes are read through GraphQL as the feed client, the child view as the demo social worker,
 * landed rows from the hub's store, and alerts from the demo mailbox.
 *
 * The steps build on each other (one hub; its state moves on), so they run in order.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ownerPeopleOf } from '../jobs/reconcile-child/owner-people.js';
import { virtualSchoolHeadsOf } from '../jobs/notifications/recipients.js';
import { buildDemoPopulation } from '../simulators/demo-population.js';
import {
  generateGpFeed,
  generateSchoolFeed,
  shuffleGeneratedFeed,
  type GeneratedFeed,
} from '../simulators/feeds/index.js';
import { upnCheckLetterHolds } from '../simulators/feeds/identifier-checks.js';
import type { Population } from '../simulators/population/model.js';
import { runFeedSend } from './support/feed-e2e-cli.js';
import {
  bundleEntries,
  csvLine,
  letterReasons,
  postFeed,
  processedFeed,
  readFeed,
  schoolRow,
  simpleCells,
  tally,
  type FeedKindPath,
  type FeedView,
} from './support/feed-e2e-feeds.js';
import { errorCodes, eventually, graphql, startFeedE2eHub, type FeedE2eHub } from './support/feed-e2e-hub.js';

const populationSeed = 20261125;
const populationSize = 400;
const feedSize = { good: 500, bad: 100 };
const gpSender = 'Y90001';

let e2e: FeedE2eHub;
let workDir: string;
let population: Population;
let now: string;
let censusDate: string;
let tokens: { feed: string; otherFeed: string; socialWorker: string };

interface SentFeed {
  kind: FeedKindPath;
  generated: GeneratedFeed;
  id: string;
}
/** The first send of each kind, and the revisions. */
const sent: Partial<Record<`${FeedKindPath}:${'first' | 'newer' | 'older'}`, SentFeed>> = {};

function generate(kind: FeedKindPath, revision: number): GeneratedFeed {
  const common = { population, good: feedSize.good, bad: feedSize.bad, now, revision };
  return kind === 'school'
    ? generateSchoolFeed({ ...common, seed: 11, censusDate })
    : generateGpFeed({ ...common, seed: 12, bundleType: 'batch' });
}

async function landedCounts(): Promise<{ school: number; gp: number }> {
  const { rows } = await e2e.db.query<{ school: string; gp: string }>(
    `SELECT (SELECT count(*) FROM feed_school_returns) AS school,
            (SELECT count(*) FROM feed_gp_resources) AS gp`,
  );
  return { school: Number(rows[0]?.school), gp: Number(rows[0]?.gp) };
}

async function landedBy(feedId: string): Promise<number> {
  const { rows } = await e2e.db.query<{ n: string }>(
    `SELECT (SELECT count(*) FROM feed_school_returns WHERE feed_id = $1)
          + (SELECT count(*) FROM feed_gp_resources WHERE feed_id = $1) AS n`,
    [feedId],
  );
  return Number(rows[0]?.n);
}

function expectOutcome(
  feed: FeedView,
  generated: GeneratedFeed,
  counts: { accepted: number; duplicates: number },
): void {
  const truth = tally(generated.truth);
  expect(feed.status).toBe('PROCESSED');
  expect({
    recordCount: feed.recordCount,
    accepted: feed.accepted,
    duplicates: feed.duplicates,
    rejected: feed.rejected,
    pending: feed.pending,
  }).toEqual({ recordCount: truth.good + truth.bad, ...counts, rejected: truth.bad, pending: 0 });
  expect(feed.deadLetters).toHaveLength(truth.bad);
  // Each dead letter's reason is the truth's reason at that position. Soft, so one wrong reason still lets the
  // step's other checks run; the mismatches (position, truth, the hub's reason and detail) are in the message.
  const got = letterReasons(feed);
  expect(new Set(got.keys())).toEqual(new Set(truth.reasons.keys()));
  const mismatches = [...truth.reasons]
    .filter(([position, reason]) => got.get(position) !== reason)
    .map(([position, reason]) => {
      const letter = feed.deadLetters.find((l) => l.position === position && l.replay === 0);
      return `${position}: truth ${reason}, hub ${letter?.reason} (${letter?.detail})`;
    });
  expect.soft(mismatches, `${feed.kind} dead letters whose reason is not the truth's`).toEqual([]);
  expect(new Set(feed.deadLetters.map((letter) => letter.feedId))).toEqual(new Set([feed.id]));
  // A letter names fields, never values: no run of digits an NHS number, UPN or URN would leave (an oversize
  // record's size in bytes is the one number a detail carries).
  expect(
    feed.deadLetters.filter((letter) => /\d{6,}/.test(letter.detail.replace(/\b\d+ bytes\b/, ''))),
  ).toEqual([]);
}

// ─── the child view as the demo social worker ───

const caseloadQuery = /* GraphQL */ `
  {
    children(first: 100) {
      edges {
        node {
          id
          nhsNumber
          upn
          socialCare {
            status {
              childProtectionPlan
              lookedAfter
            }
          }
          schoolCensus {
            schoolUrn
            censusDate
            sessionsAttended
            suspensions
            provenance {
              feedId
              position
              asOf
            }
          }
          gpFeed {
            encounters {
              id
              class
              isUnscheduledCare
              provenance {
                feedId
                position
                asOf
              }
            }
            conditions {
              id
              provenance {
                feedId
                position
                asOf
              }
            }
            observations {
              id
              provenance {
                feedId
                position
                asOf
              }
            }
          }
        }
      }
    }
  }
`;

const provenance = z.object({ feedId: z.string(), position: z.number().int(), asOf: z.string() });
const caseChild = z.object({
  id: z.string(),
  nhsNumber: z.string().nullable(),
  upn: z.string().nullable(),
  socialCare: z
    .object({ status: z.object({ childProtectionPlan: z.boolean(), lookedAfter: z.boolean() }) })
    .nullable(),
  schoolCensus: z.array(
    z.object({
      schoolUrn: z.string(),
      censusDate: z.string(),
      sessionsAttended: z.number().int(),
      suspensions: z.number().int(),
      provenance,
    }),
  ),
  gpFeed: z
    .object({
      encounters: z.array(
        z.object({
          id: z.string(),
          class: z.string().nullable(),
          isUnscheduledCare: z.boolean(),
          provenance,
        }),
      ),
      conditions: z.array(z.object({ id: z.string(), provenance })),
      observations: z.array(z.object({ id: z.string(), provenance })),
    })
    .nullable(),
});
type CaseChild = z.output<typeof caseChild>;

async function caseload(): Promise<CaseChild[]> {
  const answer = await graphql(e2e.url, tokens.socialWorker, caseloadQuery);
  expect(answer.errors ?? []).toEqual([]);
  const parsed = z
    .object({ children: z.object({ edges: z.array(z.object({ node: caseChild })) }) })
    .parse(answer.data);
  return parsed.children.edges.map((edge) => edge.node);
}

/** The census return the view shows for a key (`upn|urn|census date`). */
function returnFor(child: CaseChild, key: string) {
  const [, urn, date] = key.split('|');
  return child.schoolCensus.find((row) => row.schoolUrn === urn && row.censusDate === date);
}

/** A caseload child with a return in the school feed, and that return's key and truth position. */
let schoolSubject: { childId: string; key: string } | undefined;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'cvh-feeds-e2e-'));
  e2e = await startFeedE2eHub({ populationSeed, populationSize });
  // The population the hub serves depends on its day: build it the same way, on the same day.
  now = new Date().toISOString();
  population = buildDemoPopulation({ seed: populationSeed, size: populationSize, asOf: now });
  const today = new Date(now);
  censusDate = `${today.getUTCMonth() >= 9 ? today.getUTCFullYear() : today.getUTCFullYear() - 1}-10-01`;
  tokens = {
    feed: await e2e.token(['--demo', 'FEED_CLIENT']),
    otherFeed: await e2e.token([
      '--role',
      'FEED_CLIENT',
      '--user-id',
      'other-feed-client',
      '--email',
      'other-feed@school.example',
      '--org',
      '190002',
      '--name',
      'Another feed',
      '--purpose',
      'DATA_FEED',
    ]),
    socialWorker: await e2e.token(['--demo', 'SOCIAL_WORKER']),
  };
}, 180_000);

afterAll(async () => {
  const stopped = await e2e?.stop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
  // A clean shutdown after all of it.
  if (stopped) expect(stopped.code).toBe(0);
}, 60_000);

describe('GP and school feeds through the running hub', () => {
  it('the CLI sends both feeds, exits 2, and every record ends as its truth says', async () => {
    const kinds: FeedKindPath[] = ['school', 'gp'];
    const feeds = kinds.map((kind) => ({ kind, generated: generate(kind, 0) }));
    const all = feeds.flatMap((feed) => [...tally(feed.generated.truth).kinds]);
    expect(new Set(all).size).toBeGreaterThanOrEqual(8);
    expect(feeds.reduce((n, feed) => n + tally(feed.generated.truth).good, 0)).toBe(1000);
    expect(feeds.reduce((n, feed) => n + tally(feed.generated.truth).bad, 0)).toBe(200);

    const runs = await Promise.all(
      feeds.map(async (feed) => {
        const file = join(workDir, feed.kind === 'school' ? 'census.csv' : 'gp.json');
        await writeFile(file, feed.generated.content);
        return runFeedSend({
          kind: feed.kind,
          file,
          url: e2e.url,
          token: tokens.feed,
          workDir,
          ...(feed.kind === 'gp' ? { sender: gpSender } : {}),
        });
      }),
    );

    for (const [i, feed] of feeds.entries()) {
      const run = runs[i]!;
      const truth = tally(feed.generated.truth);
      expect(run.code, run.stdout + run.stderr).toBe(2);
      const stored = /feed (feed_[A-Za-z0-9_-]+): (\d+) records stored/.exec(run.stdout);
      expect(stored?.[2]).toBe(String(truth.good + truth.bad));
      expect(run.stdout).toContain(
        `processed ${truth.good + truth.bad} records: ${truth.good} accepted, 0 duplicates, ${truth.bad} rejected`,
      );
      // The CLI lists the first 20 letters and says how many more there are.
      const listed = [...run.stdout.matchAll(/^ {2}rejected at (\d+): ([A-Z_]+)/gm)].map(
        (match) => [Number(match[1]), match[2]] as const,
      );
      expect(listed).toHaveLength(20);
      expect
        .soft(listed, `the letters the CLI lists for the ${feed.kind} feed, against the truth`)
        .toEqual(listed.map(([position]) => [position, truth.reasons.get(position)]));
      expect(run.stdout).toContain(`... and ${truth.bad - 20} more`);
      const id = stored![1]!;
      sent[`${feed.kind}:first`] = { kind: feed.kind, generated: feed.generated, id };

      const { feed: view } = await readFeed(e2e.url, tokens.feed, id);
      expect(view?.kind).toBe(feed.kind === 'school' ? 'SCHOOL_CSV' : 'GP_FHIR');
      expect(view?.sender).toBe(feed.kind === 'gp' ? gpSender : null);
      expectOutcome(view!, feed.generated, { accepted: truth.good, duplicates: 0 });
      expect(new Set(view!.deadLetters.map((letter) => `${letter.status}/${letter.replay}`))).toEqual(
        new Set(['OPEN/0']),
      );
      expect(await landedBy(id)).toBe(truth.good);
    }
    expect(await landedCounts()).toEqual({ school: feedSize.good, gp: feedSize.good });
  }, 180_000);

  it('each feed re-sent three times in another order lands nothing new', async () => {
    const before = await landedCounts();
    const resends = (['school', 'gp'] as const).flatMap((kind) =>
      [101, 102, 103].map((seed) => ({
        kind,
        generated: shuffleGeneratedFeed(sent[`${kind}:first`]!.generated, seed),
      })),
    );
    const receipts = await Promise.all(
      resends.map((resend) =>
        postFeed(
          e2e.url,
          tokens.feed,
          resend.kind,
          resend.generated.content,
          resend.kind === 'gp' ? gpSender : undefined,
        ),
      ),
    );
    for (const [i, resend] of resends.entries()) {
      const receipt = receipts[i]!;
      // Different bytes (another order): a new feed, processed, not the first one's id.
      expect(receipt.duplicate).toBe(false);
      expect(receipt.feedId).not.toBe(sent[`${resend.kind}:first`]!.id);
      const view = await processedFeed(e2e.url, tokens.feed, receipt.feedId);
      expectOutcome(view, resend.generated, { accepted: 0, duplicates: feedSize.good });
      expect(await landedBy(receipt.feedId)).toBe(0);
    }
    expect(await landedCounts()).toEqual(before);
    for (const kind of ['school', 'gp'] as const)
      expect(await landedBy(sent[`${kind}:first`]!.id)).toBe(feedSize.good);

    // The very same bytes again: answered with the first feed's id, nothing stored.
    const same = await postFeed(e2e.url, tokens.feed, 'school', sent['school:first']!.generated.content);
    expect(same).toMatchObject({ feedId: sent['school:first']!.id, duplicate: true });
  }, 180_000);

  it('a newer revision lands and changes the child view; an older one afterwards changes nothing', async () => {
    const children = await caseload();
    const first = sent['school:first']!;
    // A child on the social worker's caseload whose census return the first school feed landed.
    for (const child of children) {
      if (child.upn === null) continue;
      const entry = first.generated.truth.find(
        (t) => t.expected === 'ACCEPT' && t.key.startsWith(`${child.upn}|`),
      );
      if (entry) {
        schoolSubject = { childId: child.id, key: entry.key };
        break;
      }
    }
    expect(schoolSubject, 'a caseload child with a return in the school feed').toBeDefined();
    const subject = schoolSubject!;
    const rowOf = (generated: GeneratedFeed) => {
      const entry = generated.truth.find((t) => t.key === subject.key && t.expected === 'ACCEPT')!;
      return { position: entry.position, row: schoolRow(generated.content as Buffer, entry.position) };
    };
    const viewed = async () =>
      returnFor(
        (await caseload()).find((child) => child.id === subject.childId)!,
        subject.key,
      );

    const original = rowOf(first.generated);
    expect(await viewed()).toMatchObject({
      sessionsAttended: Number(original.row['sessions_attended']),
      provenance: {
        feedId: first.id,
        position: original.position,
        asOf: new Date(original.row['as_of']!).toISOString(),
      },
    });

    for (const [revision, label] of [
      [1, 'newer'],
      [-1, 'older'],
    ] as const) {
      for (const kind of ['school', 'gp'] as const) {
        const generated = generate(kind, revision);
        const receipt = await postFeed(
          e2e.url,
          tokens.feed,
          kind,
          generated.content,
          kind === 'gp' ? gpSender : undefined,
        );
        const view = await processedFeed(e2e.url, tokens.feed, receipt.feedId);
        sent[`${kind}:${label}`] = { kind, generated, id: receipt.feedId };
        if (label === 'newer') {
          expectOutcome(view, generated, { accepted: feedSize.good, duplicates: 0 });
          // Every landed row of the first feed is now the newer version.
          expect(await landedBy(receipt.feedId)).toBe(feedSize.good);
          expect(await landedBy(sent[`${kind}:first`]!.id)).toBe(0);
        } else {
          // Older than what is held: superseded, a duplicate, nothing changed.
          expectOutcome(view, generated, { accepted: 0, duplicates: feedSize.good });
          expect(await landedBy(receipt.feedId)).toBe(0);
          expect(await landedBy(sent[`${kind}:newer`]!.id)).toBe(feedSize.good);
        }
      }
      const newer = rowOf(sent['school:newer']!.generated);
      if (label === 'newer')
        expect(newer.row['sessions_attended']).not.toBe(original.row['sessions_attended']);
      // After the newer revision, and still after the older one: the newer values and provenance.
      expect(await viewed()).toMatchObject({
        sessionsAttended: Number(newer.row['sessions_attended']),
        provenance: {
          feedId: sent['school:newer']!.id,
          position: newer.position,
          asOf: new Date(newer.row['as_of']!).toISOString(),
        },
      });
    }
    expect(await landedCounts()).toEqual({ school: feedSize.good, gp: feedSize.good });
  }, 180_000);

  it('the child view shows GP feed items with provenance; feed clients see no child and no other client’s feed', async () => {
    const gpNewer = sent['gp:newer']!;
    const entries = bundleEntries(gpNewer.generated.content as string);
    // A child the GP feed landed items for, and the social worker the agencies record as allocated to them:
    // that person, and only through that relationship, may see the child.
    const { rows } = await e2e.db.query<{ child_id: string; person: string }>(
      `SELECT g.child_id, min(lower(cr.subject_person)) AS person
         FROM feed_gp_resources g
         JOIN agency_records ar ON ar.child_id = g.child_id
         JOIN child_relationships cr ON cr.agency = ar.agency AND cr.local_id = ar.local_id
        WHERE g.feed_id = $1 AND cr.kind = 'ALLOCATED_SOCIAL_WORKER' AND cr.subject_person IS NOT NULL
        GROUP BY g.child_id ORDER BY g.child_id LIMIT 1`,
      [gpNewer.id],
    );
    expect(rows, 'a child with GP feed items and an allocated social worker').toHaveLength(1);
    const { child_id: childId, person } = rows[0]!;
    const worker = await e2e.token([
      '--role',
      'SOCIAL_WORKER',
      '--email',
      person,
      '--user-id',
      'allocated-social-worker',
      '--org',
      '873',
      '--name',
      'Allocated Worker',
      '--position',
      'social-worker',
      '--purpose',
      'DIRECT_CARE',
    ]);
    const answer = await graphql(
      e2e.url,
      worker,
      `
        query ($id: ID!) {
          child(id: $id) {
            id
            gpFeed {
              encounters {
                id
                provenance {
                  feedId
                  position
                  asOf
                }
              }
              conditions {
                id
                provenance {
                  feedId
                  position
                  asOf
                }
              }
              medications {
                id
                provenance {
                  feedId
                  position
                  asOf
                }
              }
              immunisations {
                id
                provenance {
                  feedId
                  position
                  asOf
                }
              }
              observations {
                id
                provenance {
                  feedId
                  position
                  asOf
                }
              }
              allergies {
                id
                provenance {
                  feedId
                  position
                  asOf
                }
              }
            }
          }
        }
      `,
      { id: childId },
    );
    expect(answer.errors ?? []).toEqual([]);
    const item = z.object({ id: z.string(), provenance });
    const gpFeed = z
      .object({ child: z.object({ gpFeed: z.record(z.string(), z.array(item)) }) })
      .parse(answer.data).child.gpFeed;
    const items = Object.values(gpFeed).flat();
    const { rows: landed } = await e2e.db.query<{ n: string }>(
      `SELECT count(*) AS n FROM feed_gp_resources WHERE child_id = $1 AND resource_type <> 'Patient'`,
      [childId],
    );
    expect(items.length).toBeGreaterThan(0);
    // Sexual and mental health items sit in their own sub-sections (not asked for here), so at most all of them.
    expect(items.length).toBeLessThanOrEqual(Number(landed[0]?.n));
    for (const shown of items) {
      expect(shown.provenance.feedId).toBe(gpNewer.id);
      const entry = entries[shown.provenance.position]!;
      expect(entry.resource.id).toBe(shown.id);
      const lastUpdated = (entry.resource['meta'] as { lastUpdated: string }).lastUpdated;
      expect(shown.provenance.asOf).toBe(new Date(lastUpdated).toISOString());
    }

    // A feed client reads no child data.
    const subject = schoolSubject!;
    const asFeedClient = await graphql(
      e2e.url,
      tokens.feed,
      `
        query ($id: ID!) {
          child(id: $id) {
            id
            schoolCensus {
              sessionsAttended
            }
            gpFeed {
              unreadable
            }
          }
        }
      `,
      { id: subject.childId },
    );
    expect(asFeedClient.data?.['child'] ?? null).toBeNull();
    expect(errorCodes(asFeedClient)).toContain('FORBIDDEN');
    const listing = await graphql(e2e.url, tokens.feed, '{ children(first: 5) { totalCount } }');
    const total = (listing.data?.['children'] as { totalCount?: number } | null | undefined)?.totalCount;
    expect(total === undefined || total === 0, JSON.stringify(errorCodes(listing))).toBe(true);

    // Each feed client lists its own feeds only: here the twelve sent, and the copy of the same bytes sent
    // again, kept ABANDONED.
    const feedsOf = async (token: string) => {
      const answer = await graphql(e2e.url, token, '{ feeds(first: 100) { nodes { id status } } }');
      expect(answer.errors ?? []).toEqual([]);
      return z
        .object({
          feeds: z.object({ nodes: z.array(z.object({ id: z.string(), status: z.string() })) }),
        })
        .parse(answer.data).feeds.nodes;
    };
    expect(await feedsOf(tokens.otherFeed)).toEqual([]);
    const own = await feedsOf(tokens.feed);
    expect(own.filter((feed) => feed.status === 'PROCESSED')).toHaveLength(12);
    expect(own.filter((feed) => feed.status === 'ABANDONED')).toHaveLength(1);
    expect(own.map((feed) => feed.id)).toEqual(
      expect.arrayContaining(Object.values(sent).map((feed) => feed.id)),
    );

    // Another feed client may not see this client's feed, and is told the same as for no feed at all.
    const theirs = await readFeed(e2e.url, tokens.otherFeed, sent['school:first']!.id);
    expect(theirs.feed).toBeNull();
    expect(errorCodes(theirs.answer)).toEqual(['FORBIDDEN']);
    const none = await readFeed(e2e.url, tokens.otherFeed, 'feed_doesnotexist');
    expect(errorCodes(none.answer)).toEqual(['FORBIDDEN']);
    expect(none.answer.errors?.[0]?.message).toBe(theirs.answer.errors?.[0]?.message);
  }, 120_000);

  it('a corrected record replayed from its dead letter lands, and the feed counts move by one', async () => {
    const first = sent['school:first']!;
    const before = (await readFeed(e2e.url, tokens.feed, first.id)).feed!;
    const letter = before.deadLetters.find((l) => l.reason === 'UPN_CHECK_LETTER' && l.status === 'OPEN');
    expect(letter).toBeDefined();
    const row = String(csvLine(first.generated.content as Buffer, letter!.position));
    const [upn] = simpleCells(row);
    const fixedUpn = [...'ABCDEFGHJKLMNPQRTUVWXYZ']
      .map((letterOf) => `${letterOf}${upn!.slice(1)}`)
      .find((candidate) => upnCheckLetterHolds(candidate));
    expect(fixedUpn).toBeDefined();
    const corrected = row.replace(upn!, fixedUpn!);

    // Someone else's feed client cannot replay it.
    const refused = await graphql(
      e2e.url,
      tokens.otherFeed,
      `
        mutation ($id: ID!, $record: String!) {
          replayDeadLetter(id: $id, correctedRecord: $record) {
            status
          }
        }
      `,
      { id: letter!.id, record: corrected },
    );
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);

    const replayed = await graphql(
      e2e.url,
      tokens.feed,
      `
        mutation ($id: ID!, $record: String!) {
          replayDeadLetter(id: $id, correctedRecord: $record) {
            id
            status
            replay
            position
          }
        }
      `,
      { id: letter!.id, record: corrected },
    );
    expect(replayed.errors ?? []).toEqual([]);
    expect(replayed.data?.['replayDeadLetter']).toMatchObject({
      id: letter!.id,
      status: 'REPLAYED',
      position: letter!.position,
    });
    const after = await processedFeed(e2e.url, tokens.feed, first.id);
    expect({
      accepted: after.accepted,
      duplicates: after.duplicates,
      rejected: after.rejected,
      recordCount: after.recordCount,
    }).toEqual({
      accepted: before.accepted + 1,
      duplicates: before.duplicates,
      rejected: before.rejected - 1,
      recordCount: before.recordCount,
    });
    const letters = after.deadLetters.filter((l) => l.position === letter!.position);
    expect(letters.map((l) => [l.status, l.replay])).toEqual([['REPLAYED', 0]]);
    expect(after.deadLetters.filter((l) => l.status === 'OPEN')).toHaveLength(before.rejected - 1);
    const { rows } = await e2e.db.query<{ state: string; landed: string }>(
      `SELECT r.state, (SELECT count(*) FROM feed_school_returns s
                         WHERE s.feed_id = r.feed_id AND s.position = r.position) AS landed
         FROM feed_records r WHERE r.feed_id = $1 AND r.position = $2`,
      [first.id, letter!.position],
    );
    expect(rows[0]).toEqual({ state: 'ACCEPTED', landed: '1' });
    // A letter no longer open cannot be replayed again.
    const again = await graphql(
      e2e.url,
      tokens.feed,
      `
        mutation ($id: ID!, $record: String!) {
          replayDeadLetter(id: $id, correctedRecord: $record) {
            status
          }
        }
      `,
      { id: letter!.id, record: corrected },
    );
    expect(errorCodes(again)).toEqual(['CONFLICT']);
  }, 120_000);

  it('an A&E attendance and a school exclusion e-mail the people who must act', async () => {
    const children = await caseload();
    const onPlanOrLookedAfter = (child: CaseChild) =>
      child.socialCare?.status.childProtectionPlan === true || child.socialCare?.status.lookedAfter === true;
    const aeChild = children.find((child) => child.nhsNumber !== null && onPlanOrLookedAfter(child));
    const exclusionChild = children.find(
      (child) => child.upn !== null && child.socialCare?.status.lookedAfter === true,
    );
    expect(aeChild, 'a caseload child on a plan or looked after, with an NHS number').toBeDefined();
    expect(exclusionChild, 'a looked-after caseload child with a UPN').toBeDefined();
    const owners = await ownerPeopleOf(e2e.db, [aeChild!.id, exclusionChild!.id]);
    const heads = await virtualSchoolHeadsOf(e2e.db, [exclusionChild!.id]);
    const aeWorker = owners.get(aeChild!.id)?.SOCIAL_WORKER;
    const exclusionWorker = owners.get(exclusionChild!.id)?.SOCIAL_WORKER;
    const head = heads.get(exclusionChild!.id);
    expect([aeWorker, exclusionWorker, head].every((address) => address !== undefined)).toBe(true);

    // An A&E encounter: one of the generated EMER encounters, named to this child by NHS number.
    const template = bundleEntries(sent['gp:first']!.generated.content as string).find(
      (entry) =>
        entry.resource.resourceType === 'Encounter' &&
        (entry.resource['class'] as { code?: string } | undefined)?.code === 'EMER',
    );
    expect(template).toBeDefined();
    const encounterId = `e2e-ae-${Date.now()}`;
    const bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        {
          fullUrl: `https://gp.wexham.example/fhir/Encounter/${encounterId}`,
          resource: {
            ...template!.resource,
            id: encounterId,
            meta: { lastUpdated: new Date(Date.now() - 3600_000).toISOString() },
            subject: {
              identifier: { system: 'https://fhir.nhs.uk/Id/nhs-number', value: aeChild!.nhsNumber },
            },
          },
        },
      ],
    };
    // A census return for this week with a suspension three days ago.
    const day = (offsetDays: number) =>
      new Date(Date.now() - offsetDays * 86_400_000).toISOString().slice(0, 10);
    const census = [
      'upn,school_urn,census_date,as_of,year_group,sessions_possible,sessions_attended,suspensions,permanent_exclusion,latest_exclusion_date,sen_provision,ehcp',
      `${exclusionChild!.upn},190001,${day(1)},${new Date(Date.now() - 3600_000).toISOString()},10,100,90,1,N,${day(3)},N,N`,
      '',
    ].join('\r\n');
    const aeFile = join(workDir, 'ae.json');
    const censusFile = join(workDir, 'exclusion.csv');
    await writeFile(aeFile, JSON.stringify(bundle));
    await writeFile(censusFile, census);
    const [aeRun, censusRun] = await Promise.all([
      runFeedSend({ kind: 'gp', file: aeFile, url: e2e.url, token: tokens.feed, workDir, sender: gpSender }),
      runFeedSend({ kind: 'school', file: censusFile, url: e2e.url, token: tokens.feed, workDir }),
    ]);
    for (const run of [aeRun, censusRun]) {
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(run.stdout).toContain('processed 1 record: 1 accepted, 0 duplicates, 0 rejected');
    }

    const message = z.object({
      to: z.array(z.string()),
      subject: z.string().nullable(),
      kind: z.string().nullable(),
    });
    const mailFor = (address: string, kind: string, childId: string) =>
      eventually(
        async () => {
          const response = await fetch(`${e2e.mailboxUrl}?to=${encodeURIComponent(address)}`);
          const listing = z.object({ messages: z.array(message) }).parse(await response.json());
          return listing.messages.find(
            (m) => m.kind === kind && (m.subject ?? '').includes(childId) && m.to.includes(address),
          );
        },
        { timeoutMs: 60_000, intervalMs: 500, what: `a ${kind} e-mail` },
      );
    await mailFor(aeWorker!, 'UNSCHEDULED_CARE', aeChild!.id);
    await mailFor(exclusionWorker!, 'SCHOOL_EXCLUSION', exclusionChild!.id);
    await mailFor(head!, 'SCHOOL_EXCLUSION', exclusionChild!.id);

    // The A&E encounter is on the child view as unscheduled care, with its provenance.
    const seen = (await caseload()).find((child) => child.id === aeChild!.id)!;
    const encounter = seen.gpFeed?.encounters.find((e) => e.id === encounterId);
    expect(encounter).toMatchObject({ class: 'EMER', isUnscheduledCare: true, provenance: { position: 0 } });
  }, 180_000);
});
