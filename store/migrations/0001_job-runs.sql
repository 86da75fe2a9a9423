-- Idempotency for background jobs. BullMQ delivers at least once (a worker killed mid-job runs it again), so a
-- job's side effect records its key here in the same transaction as the effect itself; a second delivery finds
-- the key and does nothing.
CREATE TABLE job_runs (
  idempotency_key text PRIMARY KEY,
  queue text NOT NULL,
  job_name text NOT NULL,
  completed_at timestamptz NOT NULL DEFAULT now(),
  result jsonb
);

CREATE INDEX job_runs_completed_at ON job_runs (completed_at);
