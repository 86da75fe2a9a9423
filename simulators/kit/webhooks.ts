import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * An event a simulated agency pushes to the hub. `subject` is the agency's own identifier for the child (never a
 * name); `id` is unique per event and stays the same across delivery retries.
 */
export interface SimEvent {
  id: string;
  type: string;
  agency: 'social-care' | 'gp' | 'education' | 'adult';
  occurredAt: string;
  subject: { system: string; value: string };
  data: Record<string, unknown>;
}

export const signatureHeader = 'x-sim-signature';
export const eventIdHeader = 'x-sim-event-id';

function hmacHex(secret: string, timestampSeconds: number, rawBody: string): string {
  return createHmac('sha256', secret).update(`${timestampSeconds}.${rawBody}`).digest('hex');
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`: the timestamp is signed so it cannot be moved. */
export function signWebhookBody(secret: string, timestampSeconds: number, rawBody: string): string {
  return `t=${timestampSeconds},v1=${hmacHex(secret, timestampSeconds, rawBody)}`;
}

function parseSignatureHeader(header: string): { timestamp: number; signatures: string[] } | null {
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (key === 'v1' && /^[0-9a-f]{64}$/.test(value)) signatures.push(value);
  }
  return timestamp === null || signatures.length === 0 ? null : { timestamp, signatures };
}

/**
 * True when the header carries a valid signature of `rawBody` made within `toleranceSeconds` of `nowSeconds`.
 *
 * This proves origin and integrity and bounds how old a captured request can be, but a replay inside the
 * tolerance window still verifies: receivers MUST also de-duplicate on the `x-sim-event-id` header (the event id,
 * identical across retries), which also makes the sender's retries safe.
 */
export function verifyWebhookSignature(
  secret: string,
  header: string,
  rawBody: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const parsed = parseSignatureHeader(header);
  if (!parsed) return false;
  if (Math.abs(nowSeconds - parsed.timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(hmacHex(secret, parsed.timestamp, rawBody), 'hex');
  let matched = false;
  for (const candidate of parsed.signatures) {
    const given = Buffer.from(candidate, 'hex');
    // Compare every candidate (no early exit) so timing does not reveal which one matched.
    if (given.length === expected.length && timingSafeEqual(given, expected)) matched = true;
  }
  return matched;
}

export class WebhookDeliveryError extends Error {
  override name = 'WebhookDeliveryError';
  constructor(
    message: string,
    readonly eventId: string,
    readonly attempts: number,
    readonly lastStatus: number | null,
  ) {
    super(message);
  }
}

export interface WebhookSenderOptions {
  /** Where the hub receives events; null records events without posting (simulator running alone). */
  url: string | null;
  secret: string;
  fetchImpl?: typeof fetch;
  /** Total attempts including the first; default 3. */
  maxAttempts?: number;
  /** First retry delay; doubles per retry. Default 100 ms. */
  backoffMs?: number;
  /** Per-attempt timeout; default 5000 ms. */
  attemptTimeoutMs?: number;
  /** Clock in milliseconds (tests pin it to check signatures). */
  now?: () => number;
}

/**
 * Posts signed events to the hub, retrying 5xx, 429 and network failures with exponential backoff; 4xx other
 * than 429 is final (the hub rejected the event). Each attempt is signed afresh with its own timestamp and keeps
 * the same `x-sim-event-id`, so a receiver that de-duplicates on it processes the event once.
 */
export class WebhookSender {
  private readonly url: string | null;
  private readonly secret: string;
  private readonly fetchImpl: typeof fetch;
  private readonly maxAttempts: number;
  private readonly backoffMs: number;
  private readonly attemptTimeoutMs: number;
  private readonly now: () => number;
  private readonly emitted: SimEvent[] = [];

  constructor(options: WebhookSenderOptions) {
    this.url = options.url;
    this.secret = options.secret;
    this.fetchImpl = options.fetchImpl ?? globalThis.fetch;
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 3);
    this.backoffMs = Math.max(0, options.backoffMs ?? 100);
    this.attemptTimeoutMs = options.attemptTimeoutMs ?? 5000;
    this.now = options.now ?? Date.now;
  }

  /** Resolves once delivered (or recorded, with no url); rejects with WebhookDeliveryError when it gives up. */
  async send(event: SimEvent): Promise<void> {
    this.emitted.push(structuredClone(event));
    if (this.url === null) return;
    const rawBody = JSON.stringify(event);
    let lastStatus: number | null = null;
    let lastProblem = '';
    let attempts = 0;
    for (let attempt = 1; attempt <= this.maxAttempts; attempt += 1) {
      attempts = attempt;
      if (attempt > 1)
        await new Promise((resolve) => setTimeout(resolve, this.backoffMs * 2 ** (attempt - 2)));
      try {
        const response = await this.fetchImpl(this.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            [signatureHeader]: signWebhookBody(this.secret, Math.floor(this.now() / 1000), rawBody),
            [eventIdHeader]: event.id,
          },
          body: rawBody,
          signal: AbortSignal.timeout(this.attemptTimeoutMs),
        });
        await response.body?.cancel();
        lastStatus = response.status;
        if (response.ok) return;
        lastProblem = `HTTP ${response.status}`;
        if (response.status < 500 && response.status !== 429) break;
      } catch (error) {
        lastStatus = null;
        lastProblem = error instanceof Error ? error.message : String(error);
      }
    }
    throw new WebhookDeliveryError(
      `Webhook ${event.type} (${event.id}) not delivered: ${lastProblem}`,
      event.id,
      attempts,
      lastStatus,
    );
  }

  /** Every event passed to send(), in order, delivered or not. */
  sent(): SimEvent[] {
    return this.emitted.map((event) => structuredClone(event));
  }
}
