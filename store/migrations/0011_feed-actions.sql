-- Who replayed or discarded a feed's dead letter, when, and why: an action on a data feed, not a read of a child,
-- so it has no place in access_audit (whose rows name a child unless access was refused). Append-only like the
-- access audit: the triggers refuse UPDATE, DELETE and TRUNCATE. No record content is kept, only ids, the
-- position of the record in its feed, and the reason the person gave for a discard.
CREATE TABLE feed_actions (
  id bigserial PRIMARY KEY,
  occurred_at timestamptz NOT NULL,
  request_id text NOT NULL,
  user_id text NOT NULL,
  role text NOT NULL,
  organisation text NOT NULL,
  purpose text NOT NULL CHECK (purpose = 'DATA_FEED'),
  action text NOT NULL CHECK (action IN ('REPLAY_DEAD_LETTER', 'DISCARD_DEAD_LETTER')),
  feed_id text NOT NULL REFERENCES feeds (id),
  dead_letter_id bigint NOT NULL REFERENCES feed_dead_letters (id),
  position integer NOT NULL,
  reason text CHECK (reason IS NULL OR length(reason) BETWEEN 1 AND 2000)
);
CREATE INDEX feed_actions_feed ON feed_actions (feed_id, occurred_at, id);

CREATE TRIGGER feed_actions_append_only BEFORE UPDATE OR DELETE ON feed_actions
  FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER feed_actions_no_truncate BEFORE TRUNCATE ON feed_actions
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
