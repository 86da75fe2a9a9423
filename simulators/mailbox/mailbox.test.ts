import fc from 'fast-check';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMailbox, type Mailbox } from './mailbox.js';
import { decodeQuotedPrintable } from './message.js';

let mailbox: Mailbox;

beforeAll(async () => {
  mailbox = await startMailbox({ maxMessages: 3 });
});
afterAll(async () => {
  await mailbox?.close();
});

const send = (to: string, subject: string, text: string) =>
  nodemailer
    .createTransport({ host: mailbox.smtp.host, port: mailbox.smtp.port, secure: false, ignoreTLS: true })
    .sendMail({
      from: 'hub@council.example',
      to,
      subject,
      text,
      messageId: '<n-1@council.example>',
      headers: { 'X-Hub-Notification-Kind': 'MISSING_EPISODE' },
    });

describe('the demo mailbox', () => {
  it('accepts mail over SMTP and lists it over HTTP, decoded', async () => {
    const text = `${'A long line that a sender will wrap as quoted-printable, '.repeat(3)}— with a dash.\nSecond line.`;
    await send('SW@council.example', 'Missing episode: return interview due — child c-1', text);
    const response = await fetch(`${mailbox.url}/messages?to=sw@council.example`);
    expect(response.status).toBe(200);
    const listed = (await response.json()) as { total: number; messages: Array<Record<string, unknown>> };
    expect(listed.total).toBe(1);
    expect(listed.messages[0]).toMatchObject({
      from: 'hub@council.example',
      to: ['SW@council.example'],
      subject: 'Missing episode: return interview due — child c-1',
      messageId: '<n-1@council.example>',
      kind: 'MISSING_EPISODE',
    });
    expect(String(listed.messages[0]?.['text']).replace(/\r\n/g, '\n').trim()).toBe(text);
    const other = (await (await fetch(`${mailbox.url}/messages?to=nobody@council.example`)).json()) as {
      total: number;
    };
    expect(other.total).toBe(0);
  });

  it('keeps only the newest messages, and can be emptied', async () => {
    for (let i = 0; i < 4; i += 1) await send('iro@council.example', `notice ${i}`, 'body');
    expect(mailbox.messages().map((m) => m.subject)).toEqual(['notice 3', 'notice 2', 'notice 1']);
    expect((await fetch(`${mailbox.url}/messages`, { method: 'DELETE' })).status).toBe(204);
    expect(mailbox.messages()).toEqual([]);
    expect((await fetch(`${mailbox.url}/messages?bad=1`)).status).toBe(400);
  });

  it('decodes any quoted-printable text back to what was encoded', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (value) => {
        const encoded = [...Buffer.from(value, 'utf8')]
          .map((byte) => `=${byte.toString(16).toUpperCase().padStart(2, '0')}`)
          .join('')
          .replace(/(.{72})/g, '$1=\r\n');
        expect(decodeQuotedPrintable(encoded)).toBe(value);
      }),
    );
  });
});
