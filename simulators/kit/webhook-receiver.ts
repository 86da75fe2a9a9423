import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SimEvent } from './webhooks.js';
import { eventIdHeader, signatureHeader, verifyWebhookSignature } from './webhooks.js';

export interface ReceivedDelivery {
  eventId: string | null;
  signatureValid: boolean;
  rawBody: string;
  event: SimEvent | null;
  /** Status the receiver answered with. */
  status: number;
}

export interface WebhookReceiver {
  url: string;
  /** Every delivery attempt, including ones answered with a failure. */
  deliveries(): ReceivedDelivery[];
  /** Accepted events, de-duplicated on the event id as a real receiver must. */
  events(): SimEvent[];
  /** Answer the next `count` deliveries with `status` (default 503) before accepting again. */
  failNext(count: number, status?: number): void;
  close(): Promise<void>;
}

function parseEvent(rawBody: string): SimEvent | null {
  try {
    return JSON.parse(rawBody) as SimEvent;
  } catch {
    return null;
  }
}

/**
 * A real HTTP receiver on 127.0.0.1 and a free port, for tests of anything that emits webhooks. It verifies
 * signatures (401 when invalid), can be told to fail, and de-duplicates on x-sim-event-id.
 */
export async function startWebhookReceiver(secret: string): Promise<WebhookReceiver> {
  const deliveries: ReceivedDelivery[] = [];
  const accepted = new Map<string, SimEvent>();
  let failuresLeft = 0;
  let failureStatus = 503;

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const header = request.headers[signatureHeader];
      const idHeader = request.headers[eventIdHeader];
      const eventId = typeof idHeader === 'string' ? idHeader : null;
      const signatureValid =
        typeof header === 'string' &&
        verifyWebhookSignature(secret, header, rawBody, Math.floor(Date.now() / 1000));
      const event = parseEvent(rawBody);
      let status = 200;
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        status = failureStatus;
      } else if (!signatureValid || event === null || eventId === null) {
        status = 401;
      } else if (!accepted.has(eventId)) {
        accepted.set(eventId, event);
      }
      deliveries.push({ eventId, signatureValid, rawBody, event, status });
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ received: status === 200 }));
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/hooks`,
    deliveries: () => [...deliveries],
    events: () => [...accepted.values()],
    failNext: (count, status = 503) => {
      failuresLeft = count;
      failureStatus = status;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
