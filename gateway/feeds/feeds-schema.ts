/**
 * The feeds subschema, owned by the gateway: a feed's status and dead letters (`feed`, `feeds`), replaying or
 * discarding a dead letter (recorded in feed_actions; a replay enqueues ingest before it commits), and the landed feed data on the child
 * (`Child.gpFeed`, `Child.schoolCensus`), merged on the hub's child id. The gateway's access control releases the
 * child fields by their categories; the resolvers also refuse outside the gateway and check the categories
 * themselves, as the handoffs subschema does.
 */
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { z } from 'zod';
import { accessProbeOf, type ChildAccessProbe } from '../../connectors/findings/access-probe.js';
import type { Enqueue } from '../../jobs/define-job.js';
import { ingestFeedQueue } from '../../jobs/ingest-feed/index.js';
import { HubError } from '../../platform/errors.js';
import type { Db, Tx } from '../../store/db.js';
import { recordFeedAction, type FeedAction } from './feed-actions.js';
import { feedCallerOf, managesFeeds, requestIdOf, usableBy, type FeedCaller } from './feed-access.js';
import {
  FEED_STATUSES,
  type DeadLetterOfFeed,
  type FeedDeadLetter,
  type FeedOperations,
  type FeedStatusView,
  type FeedSummary,
  type GpFeedResource,
  type SchoolReturnRow,
} from './feed-operations.js';
import { feedOperations } from './feed-store.js';
import { feedsTypeDefs } from './feeds-sdl.js';
import { toGpFeedSection, type GpFeedEncounter, type GpFeedSection } from './to-gp-feed-section.js';

/** How the gateway merges `Child` from this subschema. */
export const feedsMerge = {
  Child: {
    selectionSet: '{ id }',
    fieldName: '_feedsChildren',
    key: ({ id }: { id: string }) => id,
    argsFromKeys: (ids: readonly string[]) => ({ ids }),
  },
};

export interface FeedsDeps {
  db: Db;
  enqueue: Enqueue;
  now: () => Date;
  /** The feed store: the feed ingest's functions with the gateway's own reads (feed-store.ts) unless given. */
  feeds?: FeedOperations;
}

const page = (max: number) => z.number().int().min(1).max(max);
const feedId = z.string().min(1).max(80);
const letterId = z.string().regex(/^[1-9]\d{0,17}$/);

const feedArgs = z.object({ id: feedId });
const feedsArgs = z.object({
  first: page(100).default(20),
  after: z.string().max(400).nullish(),
  status: z.enum(FEED_STATUSES).nullish(),
});
const deadLettersArgs = z.object({ first: page(200).default(50), after: z.string().max(40).nullish() });
/** A corrected record is one CSV row or one Bundle entry: well under a megabyte. */
const replayArgs = z.object({
  id: letterId,
  correctedRecord: z
    .string()
    .min(1, 'The corrected record is empty.')
    .max(1_048_576, 'The corrected record is too large.'),
});
const discardArgs = z.object({
  id: letterId,
  reason: z
    .string()
    .transform((reason) => reason.trim())
    .pipe(z.string().min(1, 'Say why the dead letter is discarded.').max(2000)),
});

function parsed<T>(schema: z.ZodType<T>, args: unknown): T {
  const result = schema.safeParse(args);
  if (!result.success)
    throw new HubError('VALIDATION_FAILED', {
      safeMessage: result.error.issues[0]?.message ?? 'Invalid arguments.',
    });
  return result.data;
}

function probeOf(context: unknown): ChildAccessProbe {
  try {
    return accessProbeOf(context);
  } catch {
    throw new HubError('FORBIDDEN', { safeMessage: 'Feed data is answered only through the hub gateway.' });
  }
}

/** Released to the caller for this child: admitted, and the category not withheld. */
async function releases(context: unknown, childId: string, category: string, via: string): Promise<boolean> {
  const probe = probeOf(context);
  const { allowed } = await probe.admit(childId, via);
  return allowed && probe.withholding(childId, category) === null;
}

/** The landed data of one merged batch of children, read once per batch and only if asked for. */
class ChildBatch {
  private gp: Promise<Map<string, GpFeedResource[]>> | undefined;
  private school: Promise<Map<string, SchoolReturnRow[]>> | undefined;

  constructor(
    private readonly deps: Required<Pick<FeedsDeps, 'db' | 'feeds'>>,
    private readonly ids: readonly string[],
  ) {}

  gpOf(childId: string): Promise<GpFeedResource[]> {
    this.gp ??= this.deps.feeds.gpFeedResourcesOf(this.deps.db, this.ids).then(byChild);
    return this.gp.then((rows) => rows.get(childId) ?? []);
  }

  schoolOf(childId: string): Promise<SchoolReturnRow[]> {
    this.school ??= this.deps.feeds.schoolReturnsOf(this.deps.db, this.ids).then(byChild);
    return this.school.then((rows) => rows.get(childId) ?? []);
  }
}

function byChild<T extends { childId: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.childId);
    if (list) list.push(row);
    else map.set(row.childId, [row]);
  }
  return map;
}

interface FeedChild {
  id: string;
  batch: ChildBatch;
}

type GpList = 'encounters' | 'conditions' | 'medications' | 'immunisations' | 'observations' | 'allergies';
const gpLists: readonly GpList[] = [
  'encounters',
  'conditions',
  'medications',
  'immunisations',
  'observations',
  'allergies',
];

/** The list resolvers of a GP records type: each list only if its category is released for the child. */
function gpRecordResolvers(category: string, typeName: string) {
  return Object.fromEntries(
    gpLists.map((list) => [
      list,
      async (records: Pick<GpFeedSection, GpList> & { childId: string }, _: unknown, context: unknown) =>
        (await releases(context, records.childId, category, `${typeName}.${list}`)) ? records[list] : [],
    ]),
  );
}

function attendancePercent(row: SchoolReturnRow): number | null {
  if (row.sessionsPossible <= 0) return null;
  return Math.round((row.sessionsAttended / row.sessionsPossible) * 1000) / 10;
}

export function createFeedsSchema(deps: FeedsDeps): GraphQLSchema {
  const feeds = deps.feeds ?? feedOperations;
  const store = { db: deps.db, feeds };
  // A listed feed carries no counts; each is read once per request object, when its counts are asked for.
  const statusOf = new WeakMap<FeedSummary, Promise<FeedStatusView | null>>();
  const fullStatus = (feed: FeedSummary | FeedStatusView): Promise<FeedStatusView | null> => {
    if ('deadLetters' in feed) return Promise.resolve(feed);
    let status = statusOf.get(feed);
    if (!status) {
      status = feeds.feedStatus(deps.db, feed.id);
      statusOf.set(feed, status);
    }
    return status;
  };
  const count =
    (field: 'recordCount' | 'accepted' | 'duplicates' | 'rejected' | 'pending') =>
    async (feed: FeedSummary | FeedStatusView) =>
      (await fullStatus(feed))?.[field] ?? 0;

  /** Resolves a letter the caller may act on, or refuses the same way whether or not it exists. */
  async function actionableLetter(context: unknown, caller: FeedCaller, id: string) {
    return usableBy(context, caller, await feeds.deadLetterOf(deps.db, id));
  }

  async function act(
    context: unknown,
    caller: FeedCaller,
    letter: DeadLetterOfFeed,
    action: FeedAction,
    reason: string | null,
    change: (db: Db, at: Date) => Promise<unknown>,
    beforeCommit?: () => Promise<void>,
  ): Promise<void> {
    const at = deps.now();
    // The change and its record commit together: nothing is replayed or discarded unrecorded.
    await deps.db.transaction(async (tx) => {
      await change(withinTransaction(deps.db, tx), at);
      await recordFeedAction(tx, {
        occurredAt: at,
        requestId: requestIdOf(context),
        userId: caller.userId,
        role: caller.role,
        organisation: caller.organisation,
        action,
        feedId: letter.feedId,
        deadLetterId: letter.id,
        position: letter.position,
        reason,
      });
      await beforeCommit?.();
    });
  }

  async function letterAfter(id: string): Promise<DeadLetterOfFeed | null> {
    return feeds.deadLetterOf(deps.db, id);
  }

  return makeExecutableSchema({
    typeDefs: feedsTypeDefs,
    resolvers: {
      Query: {
        feed: async (_: unknown, args: unknown, context: unknown) => {
          const caller = feedCallerOf(context);
          const { id } = parsed(feedArgs, args);
          return usableBy(context, caller, await feeds.feedStatus(deps.db, id));
        },
        feeds: async (_: unknown, args: unknown, context: unknown) => {
          const caller = feedCallerOf(context);
          const { first, after, status } = parsed(feedsArgs, args);
          const listed = await feeds.listFeeds(deps.db, {
            first,
            after: after ?? null,
            status: status ?? null,
            submittedBy: managesFeeds(caller) ? null : caller.userId,
          });
          return { nodes: listed.items, endCursor: listed.endCursor, hasNextPage: listed.hasNextPage };
        },
        _feedsChildren: (_: unknown, args: { ids: string[] }) => {
          const batch = new ChildBatch(store, args.ids);
          return args.ids.map((id): FeedChild => ({ id, batch }));
        },
      },
      Mutation: {
        replayDeadLetter: async (_: unknown, args: unknown, context: unknown) => {
          const caller = feedCallerOf(context);
          const { id, correctedRecord } = parsed(replayArgs, args);
          const letter = await actionableLetter(context, caller, id);
          let replayed = letter.feedId;
          // Ingest is enqueued before the commit, so a replay either happens with its job or not at all: a job
          // that starts at once waits on the feed row the replay holds, then finds the feed RECEIVED. One job per
          // replay (the letter id is unique), so a retried enqueue adds it once.
          await act(
            context,
            caller,
            letter,
            'REPLAY_DEAD_LETTER',
            null,
            async (db, now) => {
              ({ feedId: replayed } = await feeds.replayDeadLetter(db, {
                deadLetterId: id,
                correctedRaw: Buffer.from(correctedRecord, 'utf8'),
                actor: caller.userId,
                now,
              }));
            },
            () =>
              deps.enqueue(ingestFeedQueue, [
                {
                  data: { feedId: replayed, requestId: requestIdOf(context) },
                  options: { jobId: `${replayed}-replay-${id}` },
                },
              ]),
          );
          return letterAfter(id);
        },
        discardDeadLetter: async (_: unknown, args: unknown, context: unknown) => {
          const caller = feedCallerOf(context);
          const { id, reason } = parsed(discardArgs, args);
          const letter = await actionableLetter(context, caller, id);
          await act(context, caller, letter, 'DISCARD_DEAD_LETTER', reason, (db, now) =>
            feeds.discardDeadLetter(db, { deadLetterId: id, actor: caller.userId, now }),
          );
          return letterAfter(id);
        },
      },
      Feed: {
        recordCount: count('recordCount'),
        accepted: count('accepted'),
        duplicates: count('duplicates'),
        rejected: count('rejected'),
        pending: count('pending'),
        deadLetters: async (feed: FeedSummary | FeedStatusView, args: unknown) => {
          const { first, after } = parsed(deadLettersArgs, args);
          const status = await fullStatus(feed);
          if (!status) return { nodes: [], endCursor: null, hasNextPage: false };
          const letters = await status.deadLetters(first, after ?? null);
          return {
            nodes: letters.items.map((letter: FeedDeadLetter) => ({ ...letter, feedId: status.id })),
            endCursor: letters.endCursor,
            hasNextPage: letters.hasNextPage,
          };
        },
      },
      Child: {
        gpFeed: async (child: FeedChild, _: unknown, context: unknown) => {
          if (!(await probeOf(context).admit(child.id, 'Child.gpFeed')).allowed) return null;
          const rows = await child.batch.gpOf(child.id);
          return rows.length === 0 ? null : toGpFeedSection(child.id, rows);
        },
        schoolCensus: async (child: FeedChild, _: unknown, context: unknown) => {
          if (!(await releases(context, child.id, 'EDUCATION', 'Child.schoolCensus'))) return [];
          return child.batch.schoolOf(child.id);
        },
      },
      GpFeedSection: {
        ...gpRecordResolvers('HEALTH', 'GpFeedSection'),
        sexualHealth: async (section: GpFeedSection, _: unknown, context: unknown) => ({
          childId: section.childId,
          ...((await releases(context, section.childId, 'SEXUAL_HEALTH', 'GpFeedSection.sexualHealth'))
            ? section.sexualHealth
            : emptyGpRecords()),
        }),
        mentalHealth: async (section: GpFeedSection, _: unknown, context: unknown) => ({
          childId: section.childId,
          ...((await releases(context, section.childId, 'MENTAL_HEALTH', 'GpFeedSection.mentalHealth'))
            ? section.mentalHealth
            : emptyGpRecords()),
        }),
        unreadable: async (section: GpFeedSection, _: unknown, context: unknown) =>
          (await releases(context, section.childId, 'HEALTH', 'GpFeedSection.unreadable'))
            ? section.unreadable
            : 0,
      },
      GpFeedSexualHealth: gpRecordResolvers('SEXUAL_HEALTH', 'GpFeedSexualHealth'),
      GpFeedMentalHealth: gpRecordResolvers('MENTAL_HEALTH', 'GpFeedMentalHealth'),
      GpFeedEncounter: {
        class: (encounter: GpFeedEncounter) => encounter.classCode,
      },
      GpFeedProvenance: {
        sender: async (provenance: { childId: string; sender: string }, _: unknown, context: unknown) =>
          (await releases(context, provenance.childId, 'GP_DETAILS', 'GpFeedProvenance.sender'))
            ? provenance.sender
            : null,
      },
      SchoolCensusReturn: {
        attendancePercent,
        provenance: (row: SchoolReturnRow) => ({
          feedId: row.provenance.feedId,
          sender: row.provenance.sender,
          position: row.provenance.position,
          receivedAt: row.provenance.landedAt,
          asOf: row.asOf,
        }),
      },
    },
  });
}

/**
 * The database as the feed ingest's actions see it: their own transaction becomes the caller's, so the change and
 * the record of who made it commit (or roll back) together.
 */
function withinTransaction(db: Db, tx: Tx): Db {
  return {
    engine: db.engine,
    schema: db.schema,
    query: (sql, params) => tx.query(sql, params),
    exec: (sql) => tx.exec(sql),
    transaction: (fn) => fn(tx),
    ping: () => db.ping(),
    close: async () => undefined,
  };
}

function emptyGpRecords(): Pick<GpFeedSection, GpList> {
  return {
    encounters: [],
    conditions: [],
    medications: [],
    immunisations: [],
    observations: [],
    allergies: [],
  };
}
