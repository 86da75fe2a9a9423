/**
 * Runs all four agency systems together with one population — for `npm start`, docker compose and end-to-end
 * tests. Each system still listens on its own port and speaks its own protocol; nothing here is shared with the hub.
 */
import type { FastifyInstance } from 'fastify';
import { createAdultServer } from './adult/adult-server.js';
import { acknowledgeHandoffsAfterFromEnv } from './adult/config.js';
import { startMailbox } from './mailbox/mailbox.js';
import { createEducationServer } from './education/education-server.js';
import { createGpServer } from './gp/server.js';
import { FaultController, faultSettingsFromEnv } from './kit/faults.js';
import { WebhookSender } from './kit/webhooks.js';
import type { Population } from './population/model.js';
import {
  startSocialCareSimulator,
  type SocialCareDatabaseConfig,
  type SocialCareSimulator,
} from './social-care/simulator.js';

export type AgencyName = 'social-care' | 'gp' | 'education' | 'adult';

export interface SimulatorHostOptions {
  population: Population;
  socialCareDatabase: SocialCareDatabaseConfig;
  host?: string;
  /** Fixed ports (0 picks a free one). */
  ports?: Partial<
    Record<
      'socialCareProxy' | 'socialCareHttp' | 'gp' | 'education' | 'adult' | 'mailbox' | 'mailboxSmtp',
      number
    >
  >;
  /** Where webhooks go: the hub's base URL (events are posted to `<url>/webhooks/<agency>`); settable later. */
  hubUrl?: string | null;
  webhookSecret: string;
  /** Faults per agency from env (SSD_SIM_*, GP_SIM_*, EDUCATION_SIM_*, ADULT_SIM_*). */
  env?: NodeJS.ProcessEnv;
}

export interface SimulatorHost {
  urls: {
    socialCareDatabase: string;
    socialCareAdmin: string;
    gpFhirBase: string;
    gpAdmin: string;
    education: string;
    educationAdmin: string;
    adult: string;
    adultAdmin: string;
    /** The demo mailbox's HTTP listing of what it received. */
    mailbox: string;
  };
  /** The demo mailbox's SMTP server (plain, no authentication): where the hub's e-mail notices go. */
  smtp: { host: string; port: number };
  faults: Record<AgencyName, FaultController>;
  socialCare: SocialCareSimulator;
  /** Points webhooks at the hub once its address is known. */
  setHubUrl(url: string | null): void;
  close(): Promise<void>;
}

export async function startSimulatorHost(options: SimulatorHostOptions): Promise<SimulatorHost> {
  const host = options.host ?? '127.0.0.1';
  const env = options.env ?? {};
  let hubUrl = options.hubUrl ?? null;
  const senderFor = (agency: AgencyName) =>
    new WebhookSender({
      url: `http://hub.invalid/webhooks/${agency}`,
      secret: options.webhookSecret,
      // The hub's address may be known only after it listens: resolve the target at send time; with none, the
      // event is dropped as a real system would when its subscriber is unreachable.
      fetchImpl: async (input, init) => {
        if (hubUrl === null) return new Response(null, { status: 202 });
        return fetch(String(input).replace('http://hub.invalid', hubUrl), init);
      },
    });
  const faults: Record<AgencyName, FaultController> = {
    'social-care': new FaultController(faultSettingsFromEnv('SSD_SIM', env)),
    gp: new FaultController(faultSettingsFromEnv('GP_SIM', env)),
    education: new FaultController(faultSettingsFromEnv('EDUCATION_SIM', env)),
    adult: new FaultController(faultSettingsFromEnv('ADULT_SIM', env)),
  };
  const closers: Array<() => Promise<void>> = [];
  const listen = async (app: FastifyInstance, port: number | undefined) => {
    const address = await app.listen({ host, port: port ?? 0 });
    closers.push(() => app.close());
    return address;
  };
  try {
    const socialCare = await startSocialCareSimulator({
      population: options.population,
      database: options.socialCareDatabase,
      proxyPort: options.ports?.socialCareProxy ?? 0,
      httpPort: options.ports?.socialCareHttp ?? 0,
      webhooks: senderFor('social-care'),
      faults: faults['social-care'],
    });
    closers.push(() => socialCare.close());
    const gpBase = await listen(
      createGpServer({ population: options.population, faults: faults.gp, webhooks: senderFor('gp') }),
      options.ports?.gp,
    );
    const educationBase = await listen(
      createEducationServer({
        population: options.population,
        faults: faults.education,
        webhooks: senderFor('education'),
      }),
      options.ports?.education,
    );
    const adultBase = await listen(
      createAdultServer({
        population: options.population,
        faults: faults.adult,
        webhooks: senderFor('adult'),
        acknowledgeHandoffsAfterMs: acknowledgeHandoffsAfterFromEnv(env),
      }),
      options.ports?.adult,
    );
    const mailbox = await startMailbox({
      host,
      httpPort: options.ports?.mailbox,
      smtpPort: options.ports?.mailboxSmtp,
    });
    closers.push(() => mailbox.close());
    return {
      urls: {
        socialCareDatabase: socialCare.connectionString,
        socialCareAdmin: socialCare.adminUrl,
        gpFhirBase: `${gpBase}/fhir`,
        gpAdmin: gpBase,
        education: `${educationBase}/education/v1`,
        educationAdmin: educationBase,
        adult: `${adultBase}/adult/v1`,
        adultAdmin: adultBase,
        mailbox: mailbox.url,
      },
      smtp: mailbox.smtp,
      faults,
      socialCare,
      setHubUrl: (url) => {
        hubUrl = url;
      },
      close: async () => {
        for (const close of closers.reverse()) await close();
      },
    };
  } catch (error) {
    for (const close of closers.reverse()) await close().catch(() => undefined);
    throw error;
  }
}
