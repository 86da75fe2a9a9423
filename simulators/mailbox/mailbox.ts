/**
 * A local mailbox for demos: an SMTP server that accepts every message (no TLS, no authentication: it listens on
 * the loopback interface only) and keeps the last `maxMessages` in memory, and an HTTP listing of them:
 * `GET /messages` (newest first; `?to=` filters by recipient), `DELETE /messages`, `GET /admin/health`.
 * It stands in for the council's mail server so that notices sent by `npm start` can be seen.
 */
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { SMTPServer } from 'smtp-server';
import { z } from 'zod';
import { parseMessage, type MailboxMessage } from './message.js';

export interface MailboxOptions {
  host?: string;
  smtpPort?: number;
  httpPort?: number;
  maxMessages?: number;
  /** Largest message accepted, in bytes. */
  maxBytes?: number;
}

export interface Mailbox {
  smtp: { host: string; port: number };
  /** Base URL of the HTTP listing. */
  url: string;
  messages(): readonly MailboxMessage[];
  close(): Promise<void>;
}

const listQuery = z.object({ to: z.string().max(320).optional() }).strict();

export async function startMailbox(options: MailboxOptions = {}): Promise<Mailbox> {
  const host = options.host ?? '127.0.0.1';
  const maxMessages = options.maxMessages ?? 500;
  const maxBytes = options.maxBytes ?? 1_000_000;
  const kept: MailboxMessage[] = [];
  let nextId = 1;

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: maxBytes,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (stream.sizeExceeded) {
          callback(Object.assign(new Error('message too large'), { responseCode: 552 }));
          return;
        }
        const mailFrom = session.envelope.mailFrom;
        kept.unshift(
          parseMessage(Buffer.concat(chunks).toString('utf8'), {
            id: nextId++,
            receivedAt: new Date().toISOString(),
            from: mailFrom === false ? null : mailFrom.address,
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          }),
        );
        kept.length = Math.min(kept.length, maxMessages);
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.server.once('error', reject);
    smtp.listen(options.smtpPort ?? 0, host, () => resolve());
  });
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  let app: FastifyInstance;
  try {
    app = Fastify({ logger: false });
    app.get('/admin/health', async () => ({ ok: true }));
    app.get('/messages', async (request, reply) => {
      const query = listQuery.safeParse(request.query);
      if (!query.success)
        return reply.code(400).send({ error: { code: 'INVALID_REQUEST', message: 'Unknown query.' } });
      const to = query.data.to?.toLowerCase();
      const messages = to === undefined ? kept : kept.filter((m) => m.to.some((a) => a.toLowerCase() === to));
      return { total: messages.length, messages };
    });
    app.delete('/messages', async (_request, reply) => {
      kept.length = 0;
      return reply.code(204).send();
    });
    await app.listen({ host, port: options.httpPort ?? 0 });
  } catch (error) {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    throw error;
  }
  const httpPort = (app.server.address() as AddressInfo).port;

  return {
    smtp: { host, port: smtpPort },
    url: `http://${host}:${httpPort}`,
    messages: () => kept,
    close: async () => {
      await app.close();
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    },
  };
}
