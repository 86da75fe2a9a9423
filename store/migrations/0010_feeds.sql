-- Data feeds from GP systems (FHIR R4 Bundles) and schools (census-style CSV). A feed is stored durably, record by
-- record exactly as received, before it is acknowledged; the ingest-feed job then validates each record, matches
-- it to a child and lands it, or dead-letters it with a machine-readable reason and its position in the feed.
CREATE TABLE feeds (
  id text PRIMARY KEY CHECK (id ~ '^feed_[A-Za-z0-9_-]{1,64}$'),
  kind text NOT NULL CHECK (kind IN ('GP_FHIR', 'SCHOOL_CSV')),
  -- The feed client's user id (a service account) and the sender it declared (an ODS code, a school URN).
  submitted_by text NOT NULL,
  sender text,
  -- Hash of the bytes received: the same feed sent again is answered with the first feed's id, and adds nothing.
  content_sha256 text,
  bytes bigint NOT NULL DEFAULT 0,
  -- RECEIVING while the body streams in (never processed: an interrupted upload leaves nothing to ingest);
  -- RECEIVED once every record is stored; PROCESSED when every record is ACCEPTED, DUPLICATE or REJECTED.
  status text NOT NULL CHECK (status IN ('RECEIVING', 'RECEIVED', 'PROCESSED', 'ABANDONED')),
  record_count integer NOT NULL DEFAULT 0,
  received_at timestamptz NOT NULL,
  stored_at timestamptz,
  processed_at timestamptz
);
CREATE UNIQUE INDEX feeds_content ON feeds (kind, content_sha256) WHERE status <> 'ABANDONED' AND content_sha256 IS NOT NULL;
CREATE INDEX feeds_pending ON feeds (stored_at) WHERE status = 'RECEIVED';

-- Every record of every feed, as received. `position` is the record's place in the feed (a CSV data row's line
-- number counting the header as 1; a Bundle entry's index from 0). Raw bytes, so a record that is not valid UTF-8
-- is kept and dead-lettered as BAD_ENCODING rather than refused with the whole feed; a record over the size
-- limit keeps only its first bytes (raw_size says how big it was) and is dead-lettered as OVERSIZE.
CREATE TABLE feed_records (
  feed_id text NOT NULL REFERENCES feeds (id),
  position integer NOT NULL CHECK (position >= 0),
  raw bytea NOT NULL,
  raw_size integer NOT NULL,
  state text NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'ACCEPTED', 'DUPLICATE', 'REJECTED')),
  -- A corrected record supplied by replaying its dead letter (audited); the ingest job reads it instead of raw,
  -- and raw stays as received.
  corrected_raw bytea,
  replays integer NOT NULL DEFAULT 0,
  -- The child the record was matched to (ACCEPTED and DUPLICATE).
  child_id text,
  processed_at timestamptz,
  PRIMARY KEY (feed_id, position)
);
CREATE INDEX feed_records_pending ON feed_records (feed_id, position) WHERE state = 'PENDING';

-- Records that could not be landed: the reason is a code (NHS_NUMBER_CHECKSUM, UPN_CHECK_LETTER, UNKNOWN_CODE,
-- MISSING_FIELD, BAD_ENCODING, OVERSIZE, FUTURE_DATE, SCHEMA, UNRESOLVED_REFERENCE, NO_MATCHING_CHILD...) and the
-- detail names fields, never their values. A dead letter may be replayed with a corrected record (audited).
CREATE TABLE feed_dead_letters (
  id bigserial PRIMARY KEY,
  feed_id text NOT NULL,
  position integer NOT NULL,
  reason text NOT NULL,
  detail text NOT NULL,
  status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'REPLAYED', 'DISCARDED')),
  created_at timestamptz NOT NULL,
  resolved_by text,
  resolved_at timestamptz,
  -- 0 for the record as received, n for its n-th replay: a corrected record that fails again has its own letter.
  replay integer NOT NULL DEFAULT 0,
  UNIQUE (feed_id, position, replay),
  FOREIGN KEY (feed_id, position) REFERENCES feed_records (feed_id, position)
);
CREATE INDEX feed_dead_letters_open ON feed_dead_letters (feed_id, id) WHERE status = 'OPEN';

-- GP feed resources landed, one row per resource identity; a version older than the one held is ignored
-- (out-of-order delivery keeps the latest). Provenance: the feed and position that brought this version.
CREATE TABLE feed_gp_resources (
  sender text NOT NULL,
  resource_type text NOT NULL,
  resource_id text NOT NULL,
  child_id text NOT NULL,
  -- meta.lastUpdated (required of feed resources): the version order.
  last_updated timestamptz NOT NULL,
  -- The clinical date (encounter start, onset, authored, effective), for the child view and the rules.
  occurred_at timestamptz,
  resource jsonb NOT NULL,
  feed_id text NOT NULL,
  position integer NOT NULL,
  landed_at timestamptz NOT NULL,
  PRIMARY KEY (sender, resource_type, resource_id)
);
CREATE INDEX feed_gp_resources_child ON feed_gp_resources (child_id, resource_type);

-- School census returns landed, one row per (UPN, school URN, census date); a row re-sent with the same key keeps
-- the one received last only if it is newer by `as_of` (the return's extract time).
CREATE TABLE feed_school_returns (
  upn text NOT NULL,
  school_urn text NOT NULL,
  census_date date NOT NULL,
  child_id text NOT NULL,
  as_of timestamptz NOT NULL,
  year_group text NOT NULL,
  sessions_possible integer NOT NULL,
  sessions_attended integer NOT NULL,
  suspensions integer NOT NULL,
  permanent_exclusion boolean NOT NULL,
  latest_exclusion_date date,
  sen_provision text NOT NULL,
  ehcp boolean NOT NULL,
  feed_id text NOT NULL,
  position integer NOT NULL,
  landed_at timestamptz NOT NULL,
  PRIMARY KEY (upn, school_urn, census_date)
);
CREATE INDEX feed_school_returns_child ON feed_school_returns (child_id, census_date);
