import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';
import { newContext, runWithContext } from './request-context.js';
import { scrubString } from './redaction.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      callback();
    },
  });
  return { lines, logger: createLogger({ service: 'test', level: 'debug', destination: stream }) };
}

// A child as the agencies describe it: every value here must stay out of the logs.
const child = {
  id: 'c_01',
  givenName: 'Tayla',
  familyName: 'Hughes-Morgan',
  dateOfBirth: '2010-04-05',
  nhsNumber: '9990001234',
  upn: 'A873123456789',
  address: { line: ['12 Station Road'], postcode: 'LS1 4AP' },
  contact: { email: 'carer@example.org', phone: '07700 900123' },
  placement: { notes: 'Disclosed assault by another resident', reason: 'placement breakdown' },
};
const personalValues = [
  'Tayla',
  'Hughes-Morgan',
  '2010-04-05',
  '9990001234',
  'A873123456789',
  '12 Station Road',
  'LS1 4AP',
  'carer@example.org',
  '07700 900123',
  'Disclosed assault',
  'placement breakdown',
];

describe('logger redaction', () => {
  it('logs none of a child’s personal data, however it is handed over', () => {
    const { lines, logger } = capture();
    logger.info({ child }, 'loaded child');
    logger.info({ results: [{ data: { child } }] }, 'deeply nested');
    logger.warn('matched child 999 000 1234 born 05/04/2010 at LS1 4AP (upn A873123456789)');
    logger.error(
      { err: new Error('duplicate key (nhs_number)=(9990001234) for 2010-04-05') },
      'insert failed',
    );
    logger.debug({ upstream: { body: JSON.stringify(child) } }, 'upstream answered');
    expect(lines).toHaveLength(5);
    const output = lines.join('\n');
    for (const value of personalValues) expect(output).not.toContain(value);
    expect(output).not.toContain('999 000 1234');
  });

  it('keeps what operators need: ids, codes, counts, levels, messages', () => {
    const { lines, logger } = capture();
    logger.info({ childId: 'c_01', agency: 'health', count: 3, code: 'UPSTREAM_TIMEOUT' }, 'agency answered');
    const line = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect(line).toMatchObject({ childId: 'c_01', agency: 'health', count: 3, code: 'UPSTREAM_TIMEOUT' });
    expect(line).toMatchObject({ level: 'info', msg: 'agency answered', service: 'test' });
  });

  it('carries request and trace ids through async work', async () => {
    const { lines, logger } = capture();
    const context = newContext({ traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' });
    await runWithContext(context, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      logger.info('after await');
    });
    const line = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect(line.traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(line.requestId).toBe(context.requestId);
  });
});

describe('scrubString', () => {
  it('removes identifier-, date- and postcode-shaped text', () => {
    expect(scrubString('nhs 9990001234 / 999-000-1234, upn A873123456789, dob 2010-04-05, SW1A 1AA')).toBe(
      'nhs [redacted] / [redacted], upn [redacted], dob [redacted], [redacted]',
    );
  });
});
