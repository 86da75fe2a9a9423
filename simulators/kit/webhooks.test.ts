import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { SimEvent } from './webhooks.js';
import { signWebhookBody, verifyWebhookSignature, WebhookDeliveryError, WebhookSender } from './webhooks.js';
import type { WebhookReceiver } from './webhook-receiver.js';
import { startWebhookReceiver } from './webhook-receiver.js';

const secret = 'test-secret';
const now = 1_750_000_000;

function event(id: string): SimEvent {
  return {
    id,
    type: 'exclusion.recorded',
    agency: 'education',
    occurredAt: '2025-01-01T00:00:00.000Z',
    subject: { system: 'education-pupil-id', value: 'P1' },
    data: { kind: 'SUSPENSION' },
  };
}

describe('webhook signatures', () => {
  const body = JSON.stringify(event('e1'));

  it('has the documented format', () => {
    expect(signWebhookBody(secret, now, body)).toMatch(/^t=1750000000,v1=[0-9a-f]{64}$/);
  });

  it('verifies what it signs, for any body and secret', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string(), (key, raw) => {
        expect(verifyWebhookSignature(key, signWebhookBody(key, now, raw), raw, now)).toBe(true);
      }),
    );
  });

  it('rejects a tampered body', () => {
    const header = signWebhookBody(secret, now, body);
    expect(verifyWebhookSignature(secret, header, body.replace('P1', 'P2'), now)).toBe(false);
  });

  it('rejects the wrong secret', () => {
    expect(verifyWebhookSignature('other', signWebhookBody(secret, now, body), body, now)).toBe(false);
  });

  it('rejects a timestamp outside the tolerance, either side', () => {
    const header = signWebhookBody(secret, now, body);
    expect(verifyWebhookSignature(secret, header, body, now + 300)).toBe(true);
    expect(verifyWebhookSignature(secret, header, body, now + 301)).toBe(false);
    expect(verifyWebhookSignature(secret, header, body, now - 301)).toBe(false);
    expect(verifyWebhookSignature(secret, header, body, now + 30, 10)).toBe(false);
  });

  it('rejects a moved timestamp and malformed headers', () => {
    const header = signWebhookBody(secret, now, body);
    expect(verifyWebhookSignature(secret, header.replace(`t=${now}`, `t=${now + 1}`), body, now)).toBe(false);
    for (const bad of ['', 'garbage', `t=${now}`, 'v1=abc', `t=x,v1=${'0'.repeat(64)}`]) {
      expect(verifyWebhookSignature(secret, bad, body, now)).toBe(false);
    }
  });

  it('still verifies a replay inside the window: receivers must de-duplicate on x-sim-event-id', () => {
    const header = signWebhookBody(secret, now, body);
    expect(verifyWebhookSignature(secret, header, body, now)).toBe(true);
    expect(verifyWebhookSignature(secret, header, body, now + 60)).toBe(true);
  });
});

describe('WebhookSender', () => {
  let receiver: WebhookReceiver;

  afterEach(async () => {
    await receiver?.close();
  });

  it('posts signed events with the event id header', async () => {
    receiver = await startWebhookReceiver(secret);
    const sender = new WebhookSender({ url: receiver.url, secret });
    await sender.send(event('e1'));
    const [delivery] = receiver.deliveries();
    expect(delivery).toMatchObject({ eventId: 'e1', signatureValid: true, status: 200 });
    expect(receiver.events()).toEqual([event('e1')]);
    expect(sender.sent()).toEqual([event('e1')]);
  });

  it('retries 5xx with backoff and the same event id, then succeeds', async () => {
    receiver = await startWebhookReceiver(secret);
    receiver.failNext(2, 503);
    const sender = new WebhookSender({ url: receiver.url, secret, maxAttempts: 3, backoffMs: 20 });
    const started = Date.now();
    await sender.send(event('e2'));
    expect(Date.now() - started).toBeGreaterThanOrEqual(20 + 40 - 5);
    expect(receiver.deliveries().map((d) => [d.eventId, d.status])).toEqual([
      ['e2', 503],
      ['e2', 503],
      ['e2', 200],
    ]);
    expect(receiver.events()).toHaveLength(1);
  });

  it('gives up after maxAttempts with a WebhookDeliveryError but still records the event', async () => {
    receiver = await startWebhookReceiver(secret);
    receiver.failNext(5, 500);
    const sender = new WebhookSender({ url: receiver.url, secret, maxAttempts: 2, backoffMs: 1 });
    const failure = sender.send(event('e3'));
    await expect(failure).rejects.toBeInstanceOf(WebhookDeliveryError);
    await expect(failure).rejects.toMatchObject({ attempts: 2, lastStatus: 500 });
    expect(receiver.deliveries()).toHaveLength(2);
    expect(sender.sent().map((e) => e.id)).toEqual(['e3']);
  });

  it('does not retry a 4xx rejection', async () => {
    receiver = await startWebhookReceiver('a-different-secret');
    const sender = new WebhookSender({ url: receiver.url, secret, maxAttempts: 3, backoffMs: 1 });
    await expect(sender.send(event('e4'))).rejects.toMatchObject({ attempts: 1, lastStatus: 401 });
    expect(receiver.deliveries()).toHaveLength(1);
    expect(receiver.deliveries()[0]?.signatureValid).toBe(false);
  });

  it('retries network failures', async () => {
    receiver = await startWebhookReceiver(secret);
    let calls = 0;
    const flaky: typeof fetch = async (input, init) => {
      calls += 1;
      if (calls === 1) throw new TypeError('fetch failed');
      return fetch(input, init);
    };
    const sender = new WebhookSender({ url: receiver.url, secret, fetchImpl: flaky, backoffMs: 1 });
    await sender.send(event('e5'));
    expect(calls).toBe(2);
    expect(receiver.events().map((e) => e.id)).toEqual(['e5']);
  });

  it('a receiver that de-duplicates on the event id processes a re-sent event once', async () => {
    receiver = await startWebhookReceiver(secret);
    const sender = new WebhookSender({ url: receiver.url, secret });
    await sender.send(event('e6'));
    await sender.send(event('e6'));
    expect(receiver.deliveries().filter((d) => d.status === 200)).toHaveLength(2);
    expect(receiver.events()).toHaveLength(1);
  });

  it('only records events when no url is configured', async () => {
    receiver = await startWebhookReceiver(secret);
    const sender = new WebhookSender({ url: null, secret });
    await sender.send(event('e7'));
    expect(sender.sent()).toEqual([event('e7')]);
    expect(receiver.deliveries()).toHaveLength(0);
  });
});
