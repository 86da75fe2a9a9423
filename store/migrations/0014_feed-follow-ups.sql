-- What a landed chunk of a feed asks to happen next (reconcile a child whose data changed; alert people to an A&E
-- attendance or an exclusion), written in the chunk's own transaction and dispatched to the queues after it
-- commits. A worker that dies between the commit and the queue leaves the row undispatched, and the next run of
-- the feed's job dispatches it: an alert is never lost with the worker. Dispatching twice is harmless (the
-- alert's job id and notice dedupe keys make the second a no-op).
CREATE TABLE feed_follow_ups (
  id bigserial PRIMARY KEY,
  feed_id text NOT NULL REFERENCES feeds (id),
  kind text NOT NULL CHECK (kind IN ('RECONCILE', 'ALERT')),
  -- RECONCILE: { "childId" }; ALERT: { "kind", "childId", "eventKey", "occurredAt" } (hub ids, never identifiers).
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  dispatched_at timestamptz,
  -- ALERT: when notify-alert settled it. One handed to a queue that then lost it (Redis back empty) stays
  -- uncompleted, and the feed sweep hands it on again.
  completed_at timestamptz
);
CREATE INDEX feed_follow_ups_pending ON feed_follow_ups (feed_id, id) WHERE dispatched_at IS NULL;
CREATE INDEX feed_follow_ups_unsettled ON feed_follow_ups (dispatched_at)
  WHERE kind = 'ALERT' AND dispatched_at IS NOT NULL AND completed_at IS NULL;
CREATE INDEX feed_follow_ups_alert_event ON feed_follow_ups ((payload ->> 'eventKey'))
  WHERE kind = 'ALERT' AND completed_at IS NULL;
