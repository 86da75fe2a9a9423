import type { Professional } from '../../population/model.js';
import { teamId } from './values.js';

export interface MappingContext {
  asOf: string;
  professionals: ReadonlyMap<string, Professional>;
}

/** The department id of a worker's team, as SSD tables record it beside the worker. */
export function teamOfWorker(context: MappingContext, workerId: string | null): string | null {
  if (workerId === null) return null;
  const team = context.professionals.get(workerId)?.team;
  return team === undefined ? null : teamId(team);
}
