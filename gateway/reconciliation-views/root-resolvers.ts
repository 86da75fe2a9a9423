/**
 * The two root queries that span children: the placement tracker over every child the caller may reach, and one
 * placement referral's audit, found among them. Both read only the caller's reachable children (as
 * `findings(filter)` does), show a child only if the caller may see its PLACEMENT data (so a sealed child's
 * placement stays hidden without the seal override), and bind each answer to its child so every categorised
 * field is checked and audited for that child (views-access.ts).
 */
import { z } from 'zod';
import { referralAuditsOf, trackerEntryOf, type TrackerEntry } from '../../jobs/views/index.js';
import type { JoinedChildRecord } from '../../jobs/rules/joined-record.js';
import { HubError } from '../../platform/errors.js';
import type { RequestState } from './request-state.js';
import { referralAuditValue } from './to-graphql.js';
import type { ViewSources } from './view-sources.js';
import { accessProbeOf, bindToChild, maySee, type ViewsAccessProbe } from './views-access.js';

/** Most children one root query reads: each is a read of every agency, so the bound is lower than a listing's. */
export const MAX_CHILDREN_PER_VIEW = 2_000;
/** Children read at a time while looking for a referral, so the search stops soon after it finds it. */
const SEARCH_BATCH = 100;

const trackerArgs = z.object({ minDaysWaiting: z.number().int().min(0).max(3650).nullish() });
const referralArgs = z.object({ referralId: z.string().trim().min(1).max(200) });

function parsed<T>(schema: z.ZodType<T>, args: unknown, safeMessage: string): T {
  const result = schema.safeParse(args);
  // The value is never echoed back.
  if (!result.success) throw new HubError('VALIDATION_FAILED', { safeMessage });
  return result.data;
}

async function reachable(probe: ViewsAccessProbe): Promise<string[]> {
  const ids = await probe.reachableChildIds(MAX_CHILDREN_PER_VIEW + 1);
  if (ids.length > MAX_CHILDREN_PER_VIEW)
    throw new HubError('BAD_REQUEST', {
      safeMessage: `This view reads at most ${MAX_CHILDREN_PER_VIEW} children, and you may see more: open a child's own plans and referral audits instead.`,
    });
  return ids;
}

/** Each open finding reveals its own category (a rule id such as RHA_OVERDUE): the audit records it when sent. */
export const trackerEntryResolvers = {
  openFindings: (
    entry: { childId: string; openFindings: Array<{ category: string }> },
    _args: unknown,
    context: object,
  ) => {
    const probe = accessProbeOf(context);
    for (const finding of entry.openFindings)
      probe.noteReleased?.(entry.childId, finding.category, 'PlacementTrackerEntry.openFindings');
    return entry.openFindings;
  },
};

export function rootResolvers(sources: ViewSources, stateOf: (context: object) => RequestState) {
  return {
    placementTracker: async (_root: unknown, args: unknown, context: object) => {
      const { minDaysWaiting } = parsed(
        trackerArgs,
        args,
        '`minDaysWaiting` must be a whole number from 0 to 3650.',
      );
      const probe = accessProbeOf(context);
      const state = stateOf(context);
      const ids = await reachable(probe);
      const [records, findings] = await Promise.all([sources.readRecords(ids), sources.openFindings(ids)]);

      const entries: TrackerEntry[] = [];
      const undecided: string[] = [];
      for (const record of records) {
        if (record === null) continue;
        const verdict = trackerEntryOf(record, state.rules, findings.get(record.child.id) ?? []);
        if (verdict.kind === 'UNDECIDED') undecided.push(record.child.id);
        else if (verdict.kind === 'TRACKED' && verdict.entry.daysWaiting >= (minDaysWaiting ?? 0))
          entries.push(verdict.entry);
      }
      const via = 'Query.placementTracker';
      const seen = await Promise.all(entries.map((entry) => maySee(probe, entry.childId, 'PLACEMENT', via)));
      const shown = await Promise.all(
        entries
          .filter((_, index) => seen[index])
          .sort((a, b) => b.daysWaiting - a.daysWaiting)
          .map(async (entry) => {
            const visible = await Promise.all(
              entry.openFindings.map((finding) => maySee(probe, entry.childId, finding.category, via)),
            );
            const findings = entry.openFindings.filter((_, index) => visible[index]);
            return bindToChild(
              {
                ...entry,
                child: { id: entry.childId },
                openFindings: findings.map((finding) => ({
                  ...finding,
                  severity: finding.severity.toUpperCase(),
                })),
              },
              entry.childId,
            );
          }),
      );
      const undecidedSeen = await Promise.all(undecided.map((id) => maySee(probe, id, 'PLACEMENT', via)));
      return {
        asOf: state.rules.now.toISOString(),
        entries: shown,
        undecided: undecided.filter((_, index) => undecidedSeen[index]).map((id) => ({ id })),
      };
    },

    referralAudit: async (_root: unknown, args: unknown, context: object) => {
      const { referralId } = parsed(referralArgs, args, '`referralId` must be a placement referral id.');
      const probe = accessProbeOf(context);
      const state = stateOf(context);
      const ids = await reachable(probe);
      const found = await findReferral(sources, state, ids, referralId);
      // The same answer for a referral that does not exist and one about a child the caller may not see.
      if (!found || !(await maySee(probe, found.child.id, 'PLACEMENT', 'Query.referralAudit')))
        throw new HubError('NOT_FOUND', { safeMessage: 'No such placement referral.' });
      const audit = referralAuditsOf(found, state.rules).find((a) => a.referralId === referralId);
      if (!audit) throw new HubError('NOT_FOUND', { safeMessage: 'No such placement referral.' });
      return bindToChild(referralAuditValue(audit, probe), found.child.id);
    },
  };
}

const holds = (record: JoinedChildRecord | null, referralId: string): record is JoinedChildRecord =>
  record?.socialCare.section?.placementReferrals.some((referral) => referral.id === referralId) ?? false;

/**
 * The child whose social care record holds the referral: first the children a REFERRAL_OUT_OF_DATE finding names
 * for it, then the rest of the caller's children, a batch at a time, stopping at the first batch that holds it.
 */
async function findReferral(
  sources: ViewSources,
  state: RequestState,
  ids: readonly string[],
  referralId: string,
): Promise<JoinedChildRecord | null> {
  const named = await sources.childrenWithReferralFinding(referralId, ids);
  const fromFindings = (await state.records.loadMany(named)).find(
    (record): record is JoinedChildRecord => !(record instanceof Error) && holds(record, referralId),
  );
  if (fromFindings) return fromFindings;
  const rest = ids.filter((id) => !named.includes(id));
  for (let start = 0; start < rest.length; start += SEARCH_BATCH) {
    const batch = await sources.readRecords(rest.slice(start, start + SEARCH_BATCH));
    const record = batch.find((candidate) => holds(candidate, referralId));
    if (record) return record;
  }
  return null;
}
