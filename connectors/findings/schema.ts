/**
 * The findings subschema: what reconciliation found, on each child (`Child.findings`, merged on the hub's child
 * id), across the children the caller may see (`findings(filter)`), and the two things a person does with one.
 * Reads go straight to the hub's store; access is checked through the gateway's request context (access-probe.ts).
 */
import { makeExecutableSchema } from '@graphql-tools/schema';
import DataLoader from 'dataloader';
import type { GraphQLSchema } from 'graphql';
import { HubError } from '../../platform/errors.js';
import type { Db } from '../../store/db.js';
import { accessProbeOf, maySee } from './access-probe.js';
import { actOnFinding, type PersonAction } from './finding-actions.js';
import {
  findingById,
  findingsOfChildren,
  findingsPage,
  historyOf,
  type FindingRow,
  type FindingStatus,
  type HistoryRow,
} from './finding-reads.js';
import { findingsTypeDefs } from './findings-sdl.js';

export const findingsMerge = {
  Child: {
    selectionSet: '{ id }',
    fieldName: '_findingsChildren',
    key: ({ id }: { id: string }) => id,
    argsFromKeys: (ids: readonly string[]) => ({ ids }),
  },
};

const openStatuses: FindingStatus[] = ['OPEN', 'ACKNOWLEDGED'];
/** Most children one listing spans (as the gateway's children listing). */
const maxListedChildren = 20_000;

interface Loaders {
  history: DataLoader<string, HistoryRow[]>;
}

export function createFindingsSchema(options: {
  db: Db;
  now: () => Date;
  actorOf: (context: unknown) => string;
}): GraphQLSchema {
  const { db } = options;
  const byContext = new WeakMap<object, Loaders>();
  const loaders = (context: object): Loaders => {
    let found = byContext.get(context);
    if (!found) {
      found = {
        history: new DataLoader(async (ids) => {
          const history = await historyOf(db, ids);
          return ids.map((id) => history.get(id) ?? []);
        }),
      };
      byContext.set(context, found);
    }
    return found;
  };

  const act = async (action: PersonAction, id: string, note: string | null, context: object) => {
    const probe = accessProbeOf(context);
    const finding = await findingById(db, id);
    // The same answer for a finding that does not exist and one the caller may not see: no oracle.
    if (!finding || !(await maySee(probe, finding.child_id, finding.category, 'Mutation.actOnFinding')))
      throw new HubError('NOT_FOUND', { safeMessage: 'No such finding.' });
    const trimmed = note?.trim() ?? null;
    if (action === 'RESOLVE' && !trimmed)
      throw new HubError('VALIDATION_FAILED', { safeMessage: 'Say how the finding was resolved.' });
    if (trimmed && trimmed.length > 2000)
      throw new HubError('VALIDATION_FAILED', {
        safeMessage: 'The note is too long (2,000 characters at most).',
      });
    const status = await actOnFinding(db, {
      findingId: id,
      action,
      actor: options.actorOf(context),
      note: trimmed,
      at: options.now(),
    });
    return status === null ? null : findingById(db, id);
  };

  return makeExecutableSchema({
    typeDefs: findingsTypeDefs,
    resolvers: {
      Query: {
        _findingsChildren: (_: unknown, args: { ids: string[] }) => args.ids.map((id) => ({ id })),
        findings: async (
          _: unknown,
          args: {
            filter?: {
              rules?: string[];
              severities?: string[];
              ownerRoles?: string[];
              ownerPerson?: string;
              statuses?: FindingStatus[];
              agency?: string;
            } | null;
            first: number;
            after?: string | null;
          },
          context: object,
        ) => {
          if (args.first < 0 || args.first > 200)
            throw new HubError('BAD_REQUEST', { safeMessage: '`first` must be between 0 and 200.' });
          const probe = accessProbeOf(context);
          const childIds = await probe.reachableChildIds(maxListedChildren);
          const filter = args.filter ?? {};
          const page = await findingsPage(
            db,
            {
              rules: filter.rules,
              severities: filter.severities?.map((severity) => severity.toLowerCase()),
              ownerRoles: filter.ownerRoles,
              ownerPerson: filter.ownerPerson,
              statuses: filter.statuses?.length ? filter.statuses : openStatuses,
              agency: filter.agency,
              childIds,
            },
            args.first,
            args.after ? decodeCursor(args.after) : null,
          );
          // Each finding is shown only if the caller may see its child and its category (a sealed child's
          // placement findings, a role without that category): such findings are left out of the page.
          const visible = await Promise.all(
            page.rows.map((row) => maySee(probe, row.child_id, row.category, 'Query.findings')),
          );
          const edges = page.rows
            .filter((_, index) => visible[index])
            .map((row) => ({ cursor: encodeCursor(row.id), node: row }));
          return {
            edges,
            pageInfo: {
              hasNextPage: page.hasNextPage,
              endCursor: page.rows.length > 0 ? encodeCursor(page.rows[page.rows.length - 1]!.id) : null,
            },
          };
        },
      },
      Mutation: {
        acknowledgeFinding: (_: unknown, args: { id: string; note?: string | null }, context: object) =>
          act('ACKNOWLEDGE', args.id, args.note ?? null, context),
        resolveFinding: (_: unknown, args: { id: string; note: string }, context: object) =>
          act('RESOLVE', args.id, args.note, context),
      },
      Child: {
        findings: async (
          child: { id: string },
          args: { statuses?: FindingStatus[] | null },
          context: object,
        ) => {
          const probe = accessProbeOf(context);
          const statuses = args.statuses?.length ? args.statuses : openStatuses;
          const rows = (await findingsOfChildren(db, [child.id], statuses)).get(child.id) ?? [];
          // The gateway admitted the child; each finding is shown only if its category may be seen (a sealed
          // child's placement findings are not, without the seal override).
          const visible = await Promise.all(
            rows.map((row) => maySee(probe, row.child_id, row.category, 'Child.findings')),
          );
          return rows.filter((_, index) => visible[index]);
        },
      },
      Finding: {
        childId: (row: FindingRow) => row.child_id,
        rule: (row: FindingRow) => row.rule_id,
        subjectKind: (row: FindingRow) => row.subject_kind,
        subjectId: (row: FindingRow) => row.subject_id,
        severity: (row: FindingRow) => row.severity.toUpperCase(),
        dueDate: (row: FindingRow) => row.due_date,
        source: (row: FindingRow) => ({ kind: row.source_kind, citation: row.source_citation }),
        owner: (row: FindingRow) => ({ role: row.owner_role, person: row.owner_person }),
        openedAt: (row: FindingRow) => row.opened_at.toISOString(),
        statusChangedAt: (row: FindingRow) => row.status_changed_at.toISOString(),
        closedAt: (row: FindingRow) => row.closed_at?.toISOString() ?? null,
        history: (row: FindingRow, _: unknown, context: object) => loaders(context).history.load(row.id),
      },
      FindingChange: {
        at: (row: HistoryRow) => row.at.toISOString(),
      },
    },
  });
}

function encodeCursor(id: string): string {
  return Buffer.from(`finding:${id}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): string {
  const value = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^finding:([1-9]\d{0,18})$/.exec(value);
  if (!match) throw new HubError('BAD_REQUEST', { safeMessage: 'Invalid cursor.' });
  return match[1]!;
}
