/**
 * The hub's worker role in a process of its own, for tests and benchmarks that SIGKILL it or measure its memory.
 * It is `startHub` with workers only — the same store, connectors, access audit writer, job definitions and rules
 * as `HUB_ROLE=worker` — configured entirely from the environment its parent passes (reconcile-worker.ts), so
 * nothing here can drift from what the hub really runs.
 *
 * Over IPC: sends `ready` once the workers listen (or `failed` with the reason); answers `stats` with its memory;
 * `close`, SIGTERM or the parent going away stop it in order, as the hub stops. SIGKILL stops it mid-job, which
 * is the point.
 */
import { z } from 'zod';
import { parseHubConfig } from '../../hub/config.js';
import { Lifecycle } from '../../hub/lifecycle.js';
import { startHub } from '../../hub/start-hub.js';
import { createLogger } from '../../platform/logger.js';
import { peakRssMb, type WorkerMessage } from './reconcile-worker.js';

const parentMessage = z.object({ type: z.enum(['stats', 'close']) });

const send = (message: WorkerMessage) => process.send?.(message);

const lifecycle = new Lifecycle(createLogger({ service: 'reconcile-worker', level: 'warn' }));
const stop = (reason: string) => void lifecycle.stop(reason).finally(() => process.exit(0));

process.on('message', (raw) => {
  const message = parentMessage.safeParse(raw);
  if (!message.success) return;
  if (message.data.type === 'stats')
    send({ type: 'stats', peakRssMb: peakRssMb(), rssMb: process.memoryUsage.rss() / 2 ** 20 });
  else stop('parent asked');
});
process.on('disconnect', () => stop('parent gone'));
process.on('SIGTERM', () => stop('SIGTERM'));

try {
  const config = parseHubConfig(process.env);
  const logger = createLogger({ service: 'reconcile-worker', level: config.platform.logLevel });
  await startHub({
    config,
    logger,
    lifecycle,
    version: 'reconcile-worker',
    run: { gateway: false, workers: true },
  });
  send({ type: 'ready' });
} catch (error) {
  await lifecycle.stop('start-up failed');
  // A ConfigError lists every problem; a start-up failure's own message names what did not answer.
  send({ type: 'failed', message: error instanceof Error ? error.message : 'start-up failed' });
  process.exit(1);
}
