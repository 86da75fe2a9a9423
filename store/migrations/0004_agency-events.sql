-- Events agencies announce by webhook (placement started, A&E attendance, exclusion, ...). Stored once per event
-- id before anything acts on them, so a replayed or retried delivery is recognised and does nothing twice.
CREATE TABLE agency_events (
  event_id text PRIMARY KEY,
  agency text NOT NULL,
  type text NOT NULL,
  subject_system text NOT NULL,
  subject_value text NOT NULL,
  occurred_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  data jsonb NOT NULL
);
CREATE INDEX agency_events_subject ON agency_events (agency, subject_value);
CREATE INDEX agency_events_received ON agency_events (received_at);
