/**
 * Test helpers: a small schema whose resolvers count their calls (a rejected operation must leave the count at 0),
 * and a real ApolloServer over it answering HTTP-shaped requests, the way the Fastify integration calls it. Only
 * tests and benchmarks import this.
 */
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLFormattedError, ParseOptions, ValidationRule } from 'graphql';

export const countingTypeDefs = /* GraphQL */ `
  enum Agency {
    SOCIAL_CARE
    HEALTH
    EDUCATION
  }
  type Query {
    node: Node
    nodes(first: Int, last: Int, agency: Agency): [Node!]!
    hub: String
  }
  type Node {
    id: ID!
    name: String
    child: Node
    children(first: Int): [Node!]!
  }
`;

export interface CountingSchema {
  schema: ReturnType<typeof makeExecutableSchema>;
  /** Resolver calls so far, across every field. */
  calls(): number;
}

export function countingSchema(): CountingSchema {
  let calls = 0;
  const node = (depth: number) => ({ id: `n${depth}`, depth });
  const count = <T>(value: T): T => {
    calls += 1;
    return value;
  };
  const schema = makeExecutableSchema({
    typeDefs: countingTypeDefs,
    resolvers: {
      Query: {
        node: () => count(node(0)),
        nodes: (_: unknown, args: { first?: number | null }) =>
          count(Array.from({ length: Math.min(args.first ?? 3, 3) }, (_, i) => node(i))),
        hub: () => count('child-view-hub'),
      },
      Node: {
        id: (parent: { id: string }) => count(parent.id),
        name: () => count('a name'),
        child: (parent: { depth: number }) => count(node(parent.depth + 1)),
        children: (parent: { depth: number }) => count([node(parent.depth + 1)]),
      },
    },
  });
  return { schema, calls: () => calls };
}

/** `depth` levels of `child` under `node`, ending in `id`: `{ node { child { ... { id } } } }`. */
export function nestedQuery(depth: number, head = 'query'): string {
  let selection = 'id';
  for (let level = 1; level < depth - 1; level += 1) selection = `child { ${selection} }`;
  return `${head} { node { ${selection} } }`;
}

export interface TestServerOptions {
  plugins?: ApolloServerPlugin[];
  validationRules?: ValidationRule[];
  parseOptions?: ParseOptions;
  introspection?: boolean;
  formatError?: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  /** Apollo's own errors ("Unexpected error processing request") land here. */
  onApolloError?: (message: string) => void;
}

export interface HttpAnswer {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: GraphQLFormattedError[] };
}

export interface TestServer {
  server: ApolloServer;
  calls(): number;
  post(body: Record<string, unknown>): Promise<HttpAnswer>;
  stop(): Promise<void>;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const counting = countingSchema();
  const silent = () => undefined;
  const server = new ApolloServer({
    schema: counting.schema,
    plugins: options.plugins ?? [],
    validationRules: options.validationRules ?? [],
    ...(options.parseOptions ? { parseOptions: options.parseOptions } : {}),
    ...(options.formatError ? { formatError: options.formatError } : {}),
    introspection: options.introspection ?? false,
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false,
    logger: {
      debug: silent,
      info: silent,
      warn: silent,
      error: (message: unknown) => options.onApolloError?.(String(message)),
    },
  });
  await server.start();
  return {
    server,
    calls: counting.calls,
    async post(body) {
      const response = await server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: {
          method: 'POST',
          headers: new HeaderMap([['content-type', 'application/json']]),
          search: '',
          body,
        },
        context: async () => ({}),
      });
      if (response.body.kind !== 'complete') throw new Error('expected a complete response');
      return { status: response.status ?? 200, body: JSON.parse(response.body.string) as HttpAnswer['body'] };
    },
    stop: () => server.stop(),
  };
}
