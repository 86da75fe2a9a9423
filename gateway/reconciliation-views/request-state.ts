/**
 * One request's reads, shared by every field that asks: the joined records of every child the request reaches
 * (one `readJoinedRecords` call for all the children a tick asks for, however many fields want them), the owners
 * of their plans, and the clock the whole answer is worked out at. Made per request and dropped with it: nothing
 * is kept between requests (docs/adr/0006).
 */
import DataLoader from 'dataloader';
import type { JoinedChildRecord } from '../../jobs/rules/joined-record.js';
import type { RulesConfig } from '../../jobs/rules/rules-config.js';
import type { OwnerRole, RuleContext } from '../../jobs/rules/rule.js';
import { englandDayOf } from '../../jobs/rules/time/calendar-day.js';
import type { WorkingDayCalendar } from '../../jobs/rules/time/working-days.js';
import type { ViewSources } from './view-sources.js';

export interface ViewsClock {
  now: () => Date;
  calendar: WorkingDayCalendar;
  config: RulesConfig;
}

export interface RequestState {
  rules: RuleContext;
  records: DataLoader<string, JoinedChildRecord | null>;
  owners: DataLoader<string, Partial<Record<OwnerRole, string>>>;
}

export function requestStates(sources: ViewSources, clock: ViewsClock): (context: object) => RequestState {
  const byContext = new WeakMap<object, RequestState>();
  return (context) => {
    let state = byContext.get(context);
    if (!state) {
      const now = clock.now();
      state = {
        rules: { now, today: englandDayOf(now), calendar: clock.calendar, config: clock.config },
        // readJoinedRecords batches internally (100 children a batch); one call per tick for every child asked.
        records: new DataLoader((ids) => sources.readRecords(ids), { cache: true }),
        owners: new DataLoader(async (ids) => {
          const owners = await sources.ownerPeople(ids);
          return ids.map((id) => owners.get(id) ?? {});
        }),
      };
      byContext.set(context, state);
    }
    return state;
  };
}
