/**
 * Agency webhook signatures: header `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`. The timestamp
 * bounds replays to the tolerance window; within it, deliveries are de-duplicated on the event id.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export type SignatureProblem =
  'MISSING_SIGNATURE' | 'MALFORMED_SIGNATURE' | 'STALE_SIGNATURE' | 'BAD_SIGNATURE';

export function checkWebhookSignature(
  secret: string,
  header: string | undefined,
  rawBody: string,
  nowSeconds: number,
  toleranceSeconds: number,
): SignatureProblem | null {
  if (!header) return 'MISSING_SIGNATURE';
  const parts = new Map(
    header.split(',').map((part) => {
      const at = part.indexOf('=');
      return [part.slice(0, at).trim(), part.slice(at + 1).trim()] as const;
    }),
  );
  const timestamp = Number(parts.get('t'));
  const given = parts.get('v1') ?? '';
  if (!Number.isInteger(timestamp) || !/^[\da-f]{64}$/.test(given)) return 'MALFORMED_SIGNATURE';
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return 'STALE_SIGNATURE';
  const expected = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest();
  return timingSafeEqual(expected, Buffer.from(given, 'hex')) ? null : 'BAD_SIGNATURE';
}

/** For tests and for anything in the hub that must sign the same way (e.g. outbound webhooks later). */
export function signWebhook(secret: string, timestampSeconds: number, rawBody: string): string {
  const mac = createHmac('sha256', secret).update(`${timestampSeconds}.${rawBody}`).digest('hex');
  return `t=${timestampSeconds},v1=${mac}`;
}
