-- Transition handoffs to adult services: one row per request, delivered by the deliver-handoff job. The row's id
-- is adult services' idempotency key, so a redelivered job never files the package twice. Every status change
-- (and every failed attempt, with its reason code) is kept in transition_handoff_history. The reason is free text
-- written by the requester: shown to people who may see the child's adult services data, never logged.
CREATE TABLE transition_handoffs (
  id text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9_-]{1,128}$'),
  child_id text NOT NULL,
  requested_by text NOT NULL,
  reason text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 2000),
  status text NOT NULL CHECK (status IN ('REQUESTED', 'DELIVERED', 'ACKNOWLEDGED', 'FAILED')),
  -- Delivery attempts made so far (failed or not).
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  -- Adult services' own reference (e.g. ASC-12345678), once they have the package.
  adult_reference text,
  -- The reason code of the last failed attempt (e.g. UPSTREAM_UNAVAILABLE, HANDOFF_CONFLICT); never a message.
  last_error_code text,
  requested_at timestamptz NOT NULL,
  status_changed_at timestamptz NOT NULL,
  delivered_at timestamptz,
  CHECK ((status IN ('DELIVERED', 'ACKNOWLEDGED')) = (adult_reference IS NOT NULL))
);
CREATE INDEX transition_handoffs_child ON transition_handoffs (child_id, requested_at);
CREATE INDEX transition_handoffs_undelivered ON transition_handoffs (status_changed_at) WHERE status = 'REQUESTED';

CREATE TABLE transition_handoff_history (
  id bigserial PRIMARY KEY,
  handoff_id text NOT NULL REFERENCES transition_handoffs (id),
  at timestamptz NOT NULL,
  -- REQUESTED, ATTEMPT_FAILED, DELIVERED, ACKNOWLEDGED, FAILED
  change text NOT NULL,
  status text NOT NULL,
  attempt integer,
  error_code text,
  -- A user id, or 'deliver-handoff' for the job.
  actor text NOT NULL
);
CREATE INDEX transition_handoff_history_handoff ON transition_handoff_history (handoff_id, id);
