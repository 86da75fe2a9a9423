/**
 * The reconciliation views subschema, owned by the gateway and stitched beside the agencies: `Child.plans` and
 * `Child.referralAudits`, merged on the hub's child id; `placementTracker` and `referralAudit` across the caller's
 * children. It reads children's joined records through the connectors (jobs/reconcile) and works the views out
 * with the pure functions in jobs/views. README.md says what each view answers and where its dates come from.
 */
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import type { Connector } from '../../connectors/connector.js';
import { rulesDefaults, type RulesConfig } from '../../jobs/rules/rules-config.js';
import type { WorkingDayCalendar } from '../../jobs/rules/time/working-days.js';
import type { PlanItem } from '../../jobs/views/index.js';
import type { Db } from '../../store/db.js';
import { childResolvers } from './child-resolvers.js';
import { isPlanItemCategory, planItemTypeName } from './plan-types.js';
import { requestStates, type ViewsClock } from './request-state.js';
import { rootResolvers, trackerEntryResolvers } from './root-resolvers.js';
import { storeSources, type ViewSources } from './view-sources.js';
import { guardRootAnswers } from './views-access.js';
import { viewsTypeDefs } from './views-sdl.js';

/** How the gateway merges `Child` from this subschema (as connectors/findings/schema.ts `findingsMerge`). */
export const reconciliationViewsMerge = {
  Child: {
    selectionSet: '{ id }',
    fieldName: '_viewsChildren',
    key: ({ id }: { id: string }) => id,
    argsFromKeys: (ids: readonly string[]) => ({ ids }),
  },
};

export interface ReconciliationViewsDeps {
  db: Db;
  /** The agency connectors, read directly (never through the gateway). */
  connectors: readonly Connector[];
  now: () => Date;
  calendar: WorkingDayCalendar;
  /** Local-practice windows (config.rules); the shipped defaults otherwise. */
  config?: RulesConfig;
}

export function createReconciliationViewsSchema(deps: ReconciliationViewsDeps): GraphQLSchema {
  return buildViewsSchema(storeSources(deps), {
    now: deps.now,
    calendar: deps.calendar,
    config: deps.config ?? rulesDefaults,
  });
}

/** The subschema over any sources (its tests hand in records directly). */
export function buildViewsSchema(sources: ViewSources, clock: ViewsClock): GraphQLSchema {
  const stateOf = requestStates(sources, clock);
  const schema = makeExecutableSchema({
    typeDefs: viewsTypeDefs,
    resolvers: {
      Query: {
        _viewsChildren: (_: unknown, args: { ids: string[] }) => args.ids.map((id) => ({ id })),
        ...rootResolvers(sources, stateOf),
      },
      Child: childResolvers(stateOf),
      PlacementTrackerEntry: trackerEntryResolvers,
      PlanItem: {
        __resolveType: (item: PlanItem) => {
          if (!isPlanItemCategory(item.category))
            throw new Error('a plan item of an unexpected data category');
          return planItemTypeName(item.category);
        },
      },
    },
  });
  return guardRootAnswers(schema);
}
