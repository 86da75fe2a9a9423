/**
 * Who may see a feed and act on its dead letters: a caller with MANAGE_FEEDS (any feed), or the feed client that
 * submitted it (SUBMIT_FEED, and the feed's submitted_by is the caller's user id). Anyone else is refused with
 * the same error whether or not the feed exists, so a refusal says nothing about other clients' feeds.
 */
import { HubError } from '../../platform/errors.js';

export interface FeedCaller {
  userId: string;
  role: string;
  organisation: string;
  activities: ReadonlySet<string>;
}

export const manageFeeds = 'MANAGE_FEEDS';
export const submitFeed = 'SUBMIT_FEED';

export function feedForbidden(): HubError {
  return new HubError('FORBIDDEN', {
    safeMessage: 'You are not allowed to see this feed.',
    details: { reason: 'FEED_NOT_PERMITTED' },
  });
}

/** Notes a refusal in the request's access audit when the context has one (the gateway's access session). */
function noteRefused(context: unknown, reason: string): void {
  const access = (context as { access?: { noteRefused?: unknown } } | null)?.access;
  if (typeof access?.noteRefused === 'function') (access.noteRefused as (reason: string) => void)(reason);
}

/** The caller, if they hold either feed activity; a refusal (audited) otherwise. */
export function feedCallerOf(context: unknown): FeedCaller {
  const caller = (context as { caller?: Partial<FeedCaller> } | null)?.caller;
  if (
    typeof caller?.userId !== 'string' ||
    typeof caller.activities?.has !== 'function' ||
    !(caller.activities.has(manageFeeds) || caller.activities.has(submitFeed))
  ) {
    noteRefused(context, 'FEED_NOT_PERMITTED');
    throw feedForbidden();
  }
  return {
    userId: caller.userId,
    role: caller.role ?? 'UNKNOWN',
    organisation: caller.organisation ?? 'UNKNOWN',
    activities: caller.activities,
  };
}

export function managesFeeds(caller: FeedCaller): boolean {
  return caller.activities.has(manageFeeds);
}

export function mayUseFeed(caller: FeedCaller, submittedBy: string): boolean {
  return managesFeeds(caller) || (caller.activities.has(submitFeed) && caller.userId === submittedBy);
}

/**
 * The feed (or dead letter) if the caller may use it; otherwise the refusal (audited), the same whether the item
 * is someone else's or does not exist.
 */
export function usableBy<T extends { submittedBy: string }>(
  context: unknown,
  caller: FeedCaller,
  item: T | null,
): T {
  if (item !== null && mayUseFeed(caller, item.submittedBy)) return item;
  noteRefused(context, 'FEED_NOT_PERMITTED');
  throw feedForbidden();
}

/** The request id for the feed action record: the gateway's, or a marker when called outside a request. */
export function requestIdOf(context: unknown): string {
  const id = (context as { request?: { requestId?: unknown } } | null)?.request?.requestId;
  return typeof id === 'string' && id.trim() !== '' ? id : 'no-request-id';
}
