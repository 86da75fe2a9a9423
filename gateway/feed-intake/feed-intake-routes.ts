/**
 * POST /feeds/gp (a FHIR R4 Bundle) and POST /feeds/school (a census CSV): a feed client's data, stored durably
 * record by record as the body streams in (never buffered whole), acknowledged with the feed id once committed,
 * then handed to the ingest-feed job. The body is read only after the caller is known to hold SUBMIT_FEED.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  DEFAULT_INTAKE_BATCH,
  INGEST_FEED_QUEUE,
  ingestJobsFor,
  isFeedRefusal,
  parseFeedSender,
  receiveFeed,
  splitFeedBody,
  FeedRefusal,
  type FeedKind,
} from '../../feeds/intake/index.js';
import type { Enqueue } from '../../jobs/define-job.js';
import type { Logger } from '../../platform/logger.js';
import { runWithContext } from '../../platform/request-context.js';
import type { Db } from '../../store/db.js';
import { authenticate, type GatewayAccess } from '../access/gateway-access.js';
import type { FeedIntakeConfig } from './feed-intake-config.js';

export interface FeedIntakeDeps {
  config: FeedIntakeConfig;
  db: Db;
  logger: Logger;
  access: GatewayAccess;
  enqueue: Enqueue;
  now?: () => Date;
}

const mediaTypes: Record<FeedKind, ReadonlySet<string>> = {
  GP_FHIR: new Set(['application/fhir+json', 'application/json']),
  SCHOOL_CSV: new Set(['text/csv']),
};

export function registerFeedIntakeRoutes(app: FastifyInstance, deps: FeedIntakeDeps): void {
  const now = deps.now ?? (() => new Date());
  void app.register(async (scope) => {
    // The body is the feed: handed on as the stream it is, never parsed or buffered by Fastify (whose body
    // limit therefore does not apply; the feed limits do).
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    scope.post('/feeds/gp', (request, reply) => receive('GP_FHIR', request, reply));
    scope.post('/feeds/school', (request, reply) => receive('SCHOOL_CSV', request, reply));
  });

  async function receive(kind: FeedKind, request: FastifyRequest, reply: FastifyReply) {
    const caller = await authenticate(deps.access, request, reply);
    if (caller === null) return reply;
    if (!caller.activities.has('SUBMIT_FEED')) {
      return refuse(reply, 403, 'FORBIDDEN', 'Only a feed client may send feeds.');
    }
    const limits = deps.config.limits[kind];
    let sender: string | null;
    try {
      if (!mediaTypes[kind].has(mediaTypeOf(request))) throw new FeedRefusal('UNSUPPORTED_MEDIA_TYPE');
      sender = parseFeedSender(kind, headerValue(request, 'x-feed-sender'));
      if (Number(headerValue(request, 'content-length') ?? 0) > limits.maxBodyBytes)
        throw new FeedRefusal('FEED_TOO_LARGE');
    } catch (error) {
      if (isFeedRefusal(error)) return refuse(reply, error.status, error.reason, error.safeMessage);
      throw error;
    }
    const body = request.body as AsyncIterable<Buffer> | undefined;
    const { records, content } = splitFeedBody(kind, body ?? emptyBody(), limits);
    let received;
    try {
      received = await receiveFeed(deps.db, {
        kind,
        submittedBy: caller.userId,
        sender,
        records,
        content,
        now,
        batch: { rows: deps.config.batchRows, bytes: DEFAULT_INTAKE_BATCH.bytes },
      });
    } catch (error) {
      if (isFeedRefusal(error)) {
        log('info', { kind, code: error.reason }, 'feed refused');
        return refuse(reply, error.status, error.reason, error.safeMessage);
      }
      if (request.raw.destroyed || request.raw.readableAborted) {
        // The client went away mid-upload: nothing was kept, and there is no one to answer.
        log('info', { kind, code: 'FEED_UPLOAD_INTERRUPTED' }, 'feed upload interrupted');
        return refuse(reply, 400, 'FEED_UPLOAD_INTERRUPTED', 'The upload was interrupted.');
      }
      // Only the code: a database error's text can quote the values it was given.
      log('error', { kind, code: codeOf(error) }, 'feed could not be stored');
      return refuse(reply, 500, 'INTERNAL', 'The feed could not be stored; send it again.');
    }
    if (received.status === 'RECEIVED') {
      try {
        await deps.enqueue(INGEST_FEED_QUEUE, ingestJobsFor([received.feedId]));
      } catch (error) {
        // The feed is stored and RECEIVED: the sweep (enqueueReceivedFeeds) queues it later.
        log(
          'warn',
          { kind, feedId: received.feedId, code: 'FEED_ENQUEUE_FAILED', cause: codeOf(error) },
          'feed stored, ingest not queued',
        );
      }
    }
    log(
      'info',
      {
        kind,
        feedId: received.feedId,
        records: received.recordCount,
        bytes: received.bytes,
        duplicate: !!received.duplicateOf,
      },
      'feed received',
    );
    return reply.status(202).send({
      feedId: received.feedId,
      status: received.status,
      duplicate: received.duplicateOf !== undefined,
      records: received.recordCount,
    });

    function log(level: 'info' | 'warn' | 'error', fields: Record<string, unknown>, message: string) {
      runWithContext(request.hubContext, () => deps.logger[level](fields, message));
    }
  }
}

function refuse(reply: FastifyReply, status: number, code: string, message: string) {
  // An unread body is not worth draining: the connection is closed after the answer.
  if (!reply.request.raw.readableEnded) void reply.header('connection', 'close');
  return reply.status(status).send({ errors: [{ message, extensions: { code } }] });
}

function mediaTypeOf(request: FastifyRequest): string {
  return (headerValue(request, 'content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

function headerValue(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[A-Z0-9_]{1,40}$/.test(code) ? code : 'UNKNOWN';
}

async function* emptyBody(): AsyncGenerator<Buffer> {}
