-- Notifications outbox: a notification is written here in the same transaction as the change that calls for it,
-- and the deliver-notifications job sends it (e-mail or webhook) and records the outcome. The body carries no
-- names and no identifiers beyond the hub's child id and what the recipient must act on.
CREATE TABLE notifications (
  id bigserial PRIMARY KEY,
  -- CORESIDENT_ADMISSION, UNSCHEDULED_CARE, MISSING_EPISODE, SCHOOL_EXCLUSION
  kind text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('EMAIL', 'WEBHOOK')),
  -- A work e-mail address (EMAIL) or an https URL (WEBHOOK).
  recipient text NOT NULL,
  subject text NOT NULL,
  body text NOT NULL,
  -- Enqueueing the same key again does nothing: one notification per event and recipient.
  dedupe_key text NOT NULL UNIQUE,
  status text NOT NULL CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
  attempts integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  next_attempt_at timestamptz NOT NULL,
  last_attempt_at timestamptz,
  sent_at timestamptz,
  -- A code only (SMTP_550, ECONNREFUSED, HTTP_503): server messages can echo the recipient's address.
  last_error_code text,
  CHECK ((status = 'SENT') = (sent_at IS NOT NULL))
);
CREATE INDEX notifications_due ON notifications (next_attempt_at, id) WHERE status = 'PENDING';
