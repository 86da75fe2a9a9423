/**
 * Small in-memory connectors built on the real connector contract, for testing the gateway's stitching without
 * agency systems. Each counts its merged calls so tests can prove batching.
 */
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { Connector } from '../../connectors/connector.js';
import type { HubError } from '../../platform/errors.js';
import { sharedTypeDefs } from '../../schema/shared-sdl.js';

export interface FakeChild {
  id: string;
  nhsNumber: string | null;
  upn: string | null;
}

export function fakeIdentityConnector(children: FakeChild[]): Connector & { calls: number } {
  const byId = new Map(children.map((child) => [child.id, child]));
  const connector = {
    name: 'identity',
    calls: 0,
    schema: makeExecutableSchema({
      typeDefs: /* GraphQL */ `
        ${sharedTypeDefs}
        type Child {
          id: ID!
          nhsNumber: String
          upn: String
        }
        type Query {
          child(id: ID!): Child
          children(ids: [ID!]!): [Child]!
          _childrenByIds(ids: [ID!]!): [Child]!
        }
      `,
      resolvers: {
        Query: {
          child: (_: unknown, { id }: { id: string }) => byId.get(id) ?? null,
          children: (_: unknown, { ids }: { ids: string[] }) => ids.map((id) => byId.get(id) ?? null),
          _childrenByIds: (_: unknown, { ids }: { ids: string[] }) => {
            connector.calls += 1;
            return ids.map((id) => byId.get(id) ?? null);
          },
        },
      },
    }),
    merge: {
      Child: {
        selectionSet: '{ id }',
        fieldName: '_childrenByIds',
        key: ({ id }: { id: string }) => id,
        argsFromKeys: (ids: readonly string[]) => ({ ids }),
      },
    },
    ping: async () => undefined,
    close: async () => undefined,
  };
  return connector;
}

export interface FakeAgencyOptions {
  name: string;
  agency: 'HEALTH' | 'EDUCATION';
  keyField: 'nhsNumber' | 'upn';
  /** When set, every call fails with this error. */
  failWith?: HubError;
  events?: Record<string, Array<{ at: string; kind: string }>>;
}

export function fakeAgencyConnector(
  options: FakeAgencyOptions,
): Connector & { calls: number; keysSeen: number[] } {
  const field = options.name;
  const prefix = `_${field}Children`;
  const connector = {
    name: options.name,
    calls: 0,
    keysSeen: [] as number[],
    schema: makeExecutableSchema({
      typeDefs: /* GraphQL */ `
        ${sharedTypeDefs}
        type ${cap(field)}Section {
          summary: String! @category(name: ${options.agency === 'HEALTH' ? 'HEALTH' : 'EDUCATION'})
        }
        type Child {
          ${options.keyField}: String
          ${field}: ${cap(field)}Section
          ${field}Source: SourceStatus!
          ${field}Chronology: [ChronologyEvent!]
          ${field}Team: [Practitioner!]
        }
        type Query {
          ${prefix}(keys: [String]!): [Child]!
        }
      `,
      resolvers: {
        Query: {
          [prefix]: (_: unknown, { keys }: { keys: Array<string | null> }) => {
            connector.calls += 1;
            connector.keysSeen.push(keys.length);
            return keys.map((key) => ({ key }));
          },
        },
        Child: {
          [options.keyField]: (parent: { key: string | null }) => parent.key,
          [field]: (parent: { key: string | null }) => {
            if (options.failWith) throw options.failWith;
            return parent.key ? { summary: `${field} record` } : null;
          },
          [`${field}Source`]: (parent: { key: string | null }) => ({
            agency: options.agency,
            state: options.failWith ? 'UNAVAILABLE' : parent.key ? 'OK' : 'NOT_LINKED',
            asOf: '2026-11-25T09:00:00.000Z',
            reason: options.failWith ? options.failWith.code : null,
          }),
          [`${field}Chronology`]: (parent: { key: string | null }) => {
            if (options.failWith) throw options.failWith;
            return (options.events?.[parent.key ?? ''] ?? []).map((event) => ({
              ...event,
              agency: options.agency,
              summary: event.kind,
              recordId: null,
              category: options.agency === 'HEALTH' ? 'HEALTH' : 'EDUCATION',
            }));
          },
          [`${field}Team`]: (parent: { key: string | null }) =>
            parent.key
              ? [
                  {
                    agency: options.agency,
                    name: `${field} lead`,
                    role: 'LEAD',
                    organisation: null,
                    email: null,
                    phone: null,
                    since: null,
                  },
                ]
              : [],
        },
      },
    }),
    merge: {
      Child: {
        selectionSet: `{ ${options.keyField} }`,
        fieldName: prefix,
        key: (child: Record<string, string | null>) => child[options.keyField] ?? null,
        argsFromKeys: (keys: readonly (string | null)[]) => ({ keys }),
      },
    },
    agency: {
      agency: options.agency,
      keyField: options.keyField,
      sourceField: `${field}Source`,
      chronologyField: `${field}Chronology`,
      teamField: `${field}Team`,
    },
    ping: async () => undefined,
    close: async () => undefined,
  };
  return connector;
}

function cap(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}
