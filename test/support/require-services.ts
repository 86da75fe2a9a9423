/**
 * Global setup for test tiers that need the real Redis and PostgreSQL: fail the run at once, with the fix,
 * when either is not answering, instead of letting every test time out.
 */
import net from 'node:net';

function answers(url: string, defaultPort: number): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname || '127.0.0.1', port: Number(port || defaultPort) });
    socket.setTimeout(1500);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

export default async function requireServices(): Promise<void> {
  const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const databaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const missing: string[] = [];
  if (!(await answers(redisUrl, 6379)))
    missing.push(`Redis at ${redisUrl} (start it, or run: docker compose up -d redis)`);
  if (!(await answers(databaseUrl, 5432)))
    missing.push(`PostgreSQL at ${databaseUrl} (start it, or run: docker compose up -d postgres)`);
  if (missing.length > 0) throw new Error(`Tests need running services: ${missing.join('; ')}`);
}
