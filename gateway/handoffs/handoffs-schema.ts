/**
 * The transition handoffs subschema, owned by the gateway: `requestTransitionHandoff` records a request and
 * enqueues the deliver-handoff job (jobs/deliver-handoff); `Child.transitionHandoffs` shows each handoff's status
 * (REQUESTED, DELIVERED, ACKNOWLEDGED once adult services say a person has picked it up, or FAILED) and adult
 * services' reference, merged on the hub's child id. The caller needs REQUEST_HANDOFF to ask, and must be
 * admitted to the child with the ADULT_SERVICES category visible (the access probe), to ask or to see.
 */
import { randomUUID } from 'node:crypto';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { z } from 'zod';
import { accessProbeOf, maySee } from '../../connectors/findings/access-probe.js';
import type { Enqueue } from '../../jobs/define-job.js';
import { deliverHandoffQueue } from '../../jobs/deliver-handoff/deliver-handoff.js';
import {
  createHandoff,
  handoffsOfChildren,
  type HandoffRow,
} from '../../jobs/deliver-handoff/handoff-store.js';
import { HubError } from '../../platform/errors.js';
import { sharedTypeDefs } from '../../schema/shared-sdl.js';
import type { Db } from '../../store/db.js';

export const handoffCategory = 'ADULT_SERVICES';

export const handoffsTypeDefs = /* GraphQL */ `
  ${sharedTypeDefs}

  enum TransitionHandoffStatus {
    REQUESTED
    DELIVERED
    ACKNOWLEDGED
    FAILED
  }

  "A transition package handed (or being handed) to adult services."
  type TransitionHandoff {
    id: ID! @category(name: ADULT_SERVICES)
    status: TransitionHandoffStatus! @category(name: ADULT_SERVICES)
    reason: String! @category(name: ADULT_SERVICES)
    requestedBy: String! @category(name: ADULT_SERVICES)
    requestedAt: DateTime! @category(name: ADULT_SERVICES)
    "Delivery attempts so far."
    attempts: Int! @category(name: ADULT_SERVICES)
    "Adult services' own reference, once they have the package."
    adultReference: String @category(name: ADULT_SERVICES)
    "Why the last attempt failed (a code), e.g. UPSTREAM_UNAVAILABLE or HANDOFF_CONFLICT."
    lastErrorCode: String @category(name: ADULT_SERVICES)
    deliveredAt: DateTime @category(name: ADULT_SERVICES)
    "When the status last changed: for ACKNOWLEDGED, when adult services picked the case up."
    statusChangedAt: DateTime! @category(name: ADULT_SERVICES)
  }

  type Child {
    id: ID!
    "Transition handoffs to adult services, newest first."
    transitionHandoffs: [TransitionHandoff!]! @category(name: ADULT_SERVICES)
  }

  type Query {
    _handoffsChildren(ids: [ID!]!): [Child]!
  }

  type Mutation {
    "Hand this child's transition package to adult services (REQUEST_HANDOFF). The reason is required."
    requestTransitionHandoff(childId: ID!, reason: String!): TransitionHandoff!
  }
`;

/** How the gateway merges `Child` from this subschema. */
export const handoffsMerge = {
  Child: {
    selectionSet: '{ id }',
    fieldName: '_handoffsChildren',
    key: ({ id }: { id: string }) => id,
    argsFromKeys: (ids: readonly string[]) => ({ ids }),
  },
};

export interface HandoffsDeps {
  db: Db;
  enqueue: Enqueue;
  now: () => Date;
  newId?: () => string;
}

const requestArgs = z.object({
  childId: z.string().min(1).max(128),
  reason: z
    .string()
    .transform((reason) => reason.trim())
    .pipe(z.string().min(1, 'Say why the child is being handed to adult services.').max(2000)),
});

interface HandoffCaller {
  userId: string;
  activities: ReadonlySet<string>;
}

function callerOf(context: unknown): HandoffCaller {
  const caller = (context as { caller?: HandoffCaller } | null)?.caller;
  if (!caller || !caller.activities.has('REQUEST_HANDOFF')) throw new HubError('FORBIDDEN');
  return caller;
}

export function createHandoffsSchema(deps: HandoffsDeps): GraphQLSchema {
  const newId = deps.newId ?? (() => `HO-${randomUUID()}`);
  return makeExecutableSchema({
    typeDefs: handoffsTypeDefs,
    resolvers: {
      Query: {
        _handoffsChildren: (_: unknown, args: { ids: string[] }) => args.ids.map((id) => ({ id })),
      },
      Mutation: {
        requestTransitionHandoff: async (_: unknown, args: unknown, context: unknown) => {
          // The activity first, so a caller who may not ask learns nothing about the child.
          const caller = callerOf(context);
          const parsed = requestArgs.safeParse(args);
          if (!parsed.success)
            throw new HubError('VALIDATION_FAILED', {
              safeMessage: parsed.error.issues[0]?.message ?? 'Invalid handoff request.',
            });
          const { childId, reason } = parsed.data;
          const probe = accessProbeOf(context);
          if (!(await maySee(probe, childId, handoffCategory, 'Mutation.requestTransitionHandoff')))
            throw new HubError('NOT_FOUND', { safeMessage: 'No such child.' });
          const handoff = await createHandoff(deps.db, {
            id: newId(),
            childId,
            requestedBy: caller.userId,
            reason,
            at: deps.now(),
          });
          // The handoff id is the job id too: enqueueing again (a retried request) adds the job once.
          await deps.enqueue(deliverHandoffQueue, [
            { data: { handoffId: handoff.id }, options: { jobId: handoff.id } },
          ]);
          return handoff;
        },
      },
      Child: {
        transitionHandoffs: async (child: { id: string }, _: unknown, context: unknown) => {
          const probe = accessProbeOf(context);
          if (!(await maySee(probe, child.id, handoffCategory, 'Child.transitionHandoffs'))) return [];
          return (await handoffsOfChildren(deps.db, [child.id])).get(child.id) ?? [];
        },
      },
      TransitionHandoff: {
        requestedAt: (row: HandoffRow) => row.requestedAt,
        deliveredAt: (row: HandoffRow) => row.deliveredAt,
        statusChangedAt: (row: HandoffRow) => row.statusChangedAt,
      },
    },
  });
}
