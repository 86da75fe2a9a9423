import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { redisAnswers } from '../platform/redis.js';
import { spawnHub } from './support/spawn-hub.js';

const databaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

describe('hub process lifecycle', () => {
  it('answers /healthz and /readyz (each dependency reported), then exits 0 within 10 s of SIGTERM', async () => {
    // No agencies here: the store and Redis make the hub ready; unreachable agencies are reported, not fatal.
    const hub = await spawnHub({
      SIMULATORS: 'off',
      SOCIAL_CARE_DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
      HEALTH_FHIR_BASE_URL: 'http://127.0.0.1:1/fhir',
      EDUCATION_BASE_URL: 'http://127.0.0.1:1/education/v1',
      ADULT_SERVICES_BASE_URL: 'http://127.0.0.1:1/adult/v1',
    });
    try {
      const url = await hub.url;
      expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'alive' });
      const readyz = await fetch(`${url}/readyz`);
      const ready = (await readyz.json()) as {
        status: string;
        checks: { name: string; ok: boolean; critical: boolean }[];
      };
      expect(readyz.status).toBe(200);
      expect(ready.status).toBe('degraded');
      expect(Object.fromEntries(ready.checks.map((check) => [check.name, check.ok]))).toEqual({
        graphql: true,
        store: true,
        redis: true,
        identity: true,
        'social-care': false,
        health: false,
        education: false,
        'adult-services': false,
        findings: true,
      });
      const metrics = await (await fetch(`${url}/metrics`)).text();
      expect(metrics).toContain('cvh_http_request_duration_seconds_bucket');

      const started = Date.now();
      hub.child.kill('SIGTERM');
      const { code } = await hub.exited;
      expect(code).toBe(0);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(hub.stdout()).toMatch(/"resource":"store","msg":"stopped"/);
    } finally {
      await hub.cleanup();
    }
  });

  it('lists every configuration problem and exits 1', async () => {
    const hub = await spawnHub({
      PORT: 'eighty',
      REDIS_URL: 'http://nope',
      LOG_LEVEL: 'loud',
      DATABASE_URL: 'mysql://x',
    });
    try {
      const { code } = await hub.exited;
      expect(code).toBe(1);
      const stderr = hub.stderr();
      expect(stderr).toContain('4 problems');
      for (const variable of ['PORT', 'REDIS_URL', 'LOG_LEVEL', 'DATABASE_URL'])
        expect(stderr).toContain(`${variable}:`);
    } finally {
      await hub.cleanup();
    }
  });

  it('without Redis and without redis-server on PATH, says in one line how to get Redis and exits 1', async () => {
    const binDir = await mkdtemp(join(tmpdir(), 'cvh-bin-'));
    await symlink(process.execPath, join(binDir, 'node'));
    const hub = await spawnHub({ REDIS_URL: 'redis://127.0.0.1:1', PATH: binDir });
    try {
      const { code } = await hub.exited;
      expect(code).toBe(1);
      const lines = hub.stderr().trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/docker compose up -d redis.*apt-get install redis-server/);
    } finally {
      await hub.cleanup();
      await rm(binDir, { recursive: true, force: true });
    }
  });

  it('without Redis but with redis-server on PATH, starts a private one, says so, and stops it on exit', async () => {
    // Real PostgreSQL here (its own schema) keeps this test off the slower embedded-database start.
    const schema = `t_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    const hub = await spawnHub({
      REDIS_URL: 'redis://127.0.0.1:1',
      DATABASE_URL: databaseUrl,
      DATABASE_SCHEMA: schema,
    });
    try {
      const url = await hub.url;
      const match = /private redis-server on 127\.0\.0\.1:(\d+)/.exec(hub.stdout());
      expect(match).not.toBeNull();
      const ready = (await (await fetch(`${url}/readyz`)).json()) as {
        checks: { name: string; ok: boolean }[];
      };
      expect(ready.checks.find((check) => check.name === 'redis')?.ok).toBe(true);
      hub.child.kill('SIGTERM');
      const exit = await hub.exited;
      expect(exit.code, hub.stderr() + hub.stdout().slice(-2000)).toBe(0);
      expect(await redisAnswers(`redis://127.0.0.1:${match?.[1]}`, 300)).toBe(false);
    } finally {
      await hub.cleanup();
      const pool = new pg.Pool({ connectionString: databaseUrl });
      await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await pool.end();
    }
  });
});
