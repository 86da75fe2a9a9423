/**
 * Readiness: whether each dependency answers right now. /readyz reports every check as JSON; the gateway is
 * ready only when the store and Redis answer. An agency being down does not make the hub unready — the child
 * view degrades per agency — but it is reported, so operators see it.
 */
export interface ReadinessCheck {
  name: string;
  kind: 'store' | 'redis' | 'connector' | 'gateway';
  /** Whether a failure makes the whole hub unready. */
  critical: boolean;
  check(): Promise<void>;
}

export interface CheckResult {
  name: string;
  kind: ReadinessCheck['kind'];
  ok: boolean;
  critical: boolean;
  latencyMs: number;
  /** A code, never an upstream message (which could carry data). */
  error?: string;
}

export interface ReadinessReport {
  status: 'ready' | 'degraded' | 'not_ready';
  checks: CheckResult[];
}

export async function runReadinessChecks(
  checks: readonly ReadinessCheck[],
  timeoutMs = 1500,
): Promise<ReadinessReport> {
  const results = await Promise.all(checks.map((check) => runOne(check, timeoutMs)));
  const criticalDown = results.some((result) => !result.ok && result.critical);
  const anyDown = results.some((result) => !result.ok);
  return { status: criticalDown ? 'not_ready' : anyDown ? 'degraded' : 'ready', checks: results };
}

async function runOne(check: ReadinessCheck, timeoutMs: number): Promise<CheckResult> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const base = { name: check.name, kind: check.kind, critical: check.critical };
  try {
    await Promise.race([
      check.check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })), timeoutMs);
      }),
    ]);
    return { ...base, ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return {
      ...base,
      ok: false,
      latencyMs: Math.round(performance.now() - started),
      error: typeof code === 'string' ? code : 'UNAVAILABLE',
    };
  } finally {
    clearTimeout(timer);
  }
}
