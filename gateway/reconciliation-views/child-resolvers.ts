/**
 * `Child.plans` and `Child.referralAudits`. Stitching resolves merged fields while the gateway is still resolving
 * the field that reached the child, so these admit the child themselves (the request's one decision per child)
 * and answer nothing for a child the caller may not see. Each plan item is kept only if the caller may see its
 * category (a role sees the items it may, with no FORBIDDEN noise for the rest); the gateway then checks and
 * audits every field of what is returned.
 */
import { HubError } from '../../platform/errors.js';
import { plansOf, referralAuditsOf } from '../../jobs/views/index.js';
import type { JoinedChildRecord } from '../../jobs/rules/joined-record.js';
import type { RequestState } from './request-state.js';
import { plansNotRead, referralAuditValue, withOwnerPerson } from './to-graphql.js';
import { accessProbeOf, maySee } from './views-access.js';

export function childResolvers(stateOf: (context: object) => RequestState) {
  const recordOf = async (childId: string, state: RequestState): Promise<JoinedChildRecord> => {
    const record = await state.records.load(childId);
    // Split or removed from the identity index since the gateway listed it.
    if (record === null)
      throw new HubError('NOT_FOUND', { safeMessage: 'The hub no longer holds this child.' });
    return record;
  };

  return {
    plans: async (child: { id: string }, _args: unknown, context: object) => {
      const probe = accessProbeOf(context);
      if (!(await probe.admit(child.id, 'Child.plans')).allowed) return null;
      const state = stateOf(context);
      const record = await recordOf(child.id, state);
      const items = plansOf(record, state.rules);
      const visible = await Promise.all(
        items.map((item) => maySee(probe, child.id, item.category, 'Child.plans')),
      );
      const shown = items.filter((_, index) => visible[index]);
      const people = shown.some((item) => item.owner.person === null)
        ? await state.owners.load(child.id)
        : {};
      return {
        items: shown.map((item) => withOwnerPerson(item, people)),
        notRead: plansNotRead(record, probe),
      };
    },
    referralAudits: async (child: { id: string }, _args: unknown, context: object) => {
      const probe = accessProbeOf(context);
      if (!(await probe.admit(child.id, 'Child.referralAudits')).allowed) return null;
      const state = stateOf(context);
      const record = await recordOf(child.id, state);
      return referralAuditsOf(record, state.rules).map((audit) => referralAuditValue(audit, probe));
    },
  };
}
