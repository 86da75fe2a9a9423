/**
 * deliver-handoff: hands one transition package to adult services (see deliver-handoff.ts). Enqueued by the
 * gateway's requestTransitionHandoff with the handoff id as the job id. Retried with exponential backoff;
 * the last attempt's failure is the dead letter (status FAILED with the reason code, and the job fails).
 */
import { UnrecoverableError } from 'bullmq';
import { z } from 'zod';
import { isAdultServicesConnector } from '../../connectors/adult-services/index.js';
import { defineJob } from '../define-job.js';
import { DeadLetter, deliverHandoff, deliverHandoffQueue, type DeliveryOutcome } from './deliver-handoff.js';
import { packageReader } from './read-package.js';

/** N: attempts before the dead letter. With a 30 s exponential backoff the last is about 15 minutes in. */
export const deliverHandoffAttempts = 6;

export const deliverHandoffData = z
  .object({ handoffId: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/) })
  .strict();

export const deliverHandoffJob = defineJob<z.infer<typeof deliverHandoffData>, DeliveryOutcome>({
  name: deliverHandoffQueue,
  domain: 'handoffs',
  data: deliverHandoffData,
  concurrency: 2,
  jobOptions: { attempts: deliverHandoffAttempts, backoff: { type: 'exponential', delay: 30_000 } },
  // Safe to re-run: the intake is idempotent on the handoff id and the hub's write goes through runOnce.
  maxStalledCount: 3,
  async run(data, context) {
    const { deps } = context;
    const adult = deps.connectors.find(isAdultServicesConnector);
    try {
      return await deliverHandoff(
        {
          db: deps.db,
          now: deps.now,
          readPackage: packageReader({ db: deps.db, connectors: deps.connectors, now: deps.now }),
          submit: adult ? (pkg) => adult.submitHandoff(pkg) : null,
        },
        { handoffId: data.handoffId, attempt: context.attempt, maxAttempts: deliverHandoffAttempts },
      );
    } catch (error) {
      if (error instanceof DeadLetter) throw new UnrecoverableError(error.message);
      throw error;
    }
  },
});
