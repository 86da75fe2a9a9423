-- The access audit: who saw what about which child, why, and on what basis. Rows are appended by the gateway's
-- AuditWriter (gateway/audit/) and never changed: every row carries the SHA-256 of the previous row's hash and its
-- own canonical content (a hash chain, checked by verifyAuditChain), and the triggers below refuse UPDATE, DELETE
-- and TRUNCATE for every role, the owner included (an owner can disable a trigger, which the chain then exposes).
-- On a real PostgreSQL server the application should also run as a role without UPDATE/DELETE rights on these
-- tables: store/roles/app-role.sql. No names, dates of birth or other personal details are stored here — only
-- the hub's own ids for the user and the child.

CREATE TABLE access_audit (
  id bigserial PRIMARY KEY,
  -- When the access happened, set by the writer to microsecond text so the stored value is exactly what was hashed.
  occurred_at timestamptz NOT NULL,
  request_id text NOT NULL,
  user_id text NOT NULL,
  role text NOT NULL,
  organisation text NOT NULL,
  purpose text NOT NULL,
  -- Null only for requests that were denied or rejected before touching a child.
  child_id text,
  categories text[] NOT NULL DEFAULT '{}',
  fields text[] NOT NULL DEFAULT '{}',
  outcome text NOT NULL CHECK (outcome IN ('ALLOWED', 'DENIED', 'PARTIAL', 'REJECTED')),
  reason text,
  -- The basis the access rested on ("grant" itself is an SQL keyword).
  grant_kind text NOT NULL CHECK (grant_kind IN ('RELATIONSHIP', 'SELF_CLAIMED', 'BREAK_GLASS', 'SYSTEM', 'NONE')),
  -- The access_grants row for SELF_CLAIMED / BREAK_GLASS access and for a grant's start and end events.
  grant_id bigint,
  -- Hex SHA-256: prev_hash is the previous row's hash (a fixed genesis value for the first row);
  -- hash = sha256(prev_hash || canonical JSON of this row's fields in a fixed order).
  prev_hash text NOT NULL,
  hash text NOT NULL,
  CHECK (child_id IS NOT NULL OR outcome IN ('DENIED', 'REJECTED')),
  -- Two rows claiming the same predecessor would fork the chain: refused outright.
  CONSTRAINT access_audit_no_fork UNIQUE (prev_hash)
);
-- The privacy officer's questions: who viewed this child, what did this user view (newest first, keyset paged).
CREATE INDEX access_audit_child ON access_audit (child_id, occurred_at, id) WHERE child_id IS NOT NULL;
CREATE INDEX access_audit_user ON access_audit (user_id, occurred_at, id);
-- Time windows over the whole table (unusual volume): rows arrive in time order, so a BRIN index is tiny and cheap.
CREATE INDEX access_audit_occurred_at ON access_audit USING brin (occurred_at);

CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege', HINT = 'The access audit is evidence; it is never changed.';
END
$$;

CREATE TRIGGER access_audit_append_only BEFORE UPDATE OR DELETE ON access_audit
  FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER access_audit_no_truncate BEFORE TRUNCATE ON access_audit
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

-- Time-boxed access without a recorded relationship: a professional's own claim (SELF_CLAIMED) or an emergency
-- (BREAK_GLASS). Starting and ending one each writes an audit event in the same transaction, and starting one
-- raises a privacy alert. A grant is never deleted; the only change allowed is ending it once.
CREATE TABLE access_grants (
  id bigserial PRIMARY KEY,
  user_id text NOT NULL,
  child_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('SELF_CLAIMED', 'BREAK_GLASS')),
  reason text NOT NULL CHECK (length(btrim(reason)) > 0),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  ended_at timestamptz,
  ended_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at),
  CHECK ((ended_at IS NULL) = (ended_by IS NULL))
);
CREATE INDEX access_grants_active ON access_grants (user_id, child_id, ends_at) WHERE ended_at IS NULL;
CREATE INDEX access_grants_child ON access_grants (child_id, starts_at);

CREATE FUNCTION access_grants_end_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.ended_at IS NULL
     AND (NEW.id, NEW.user_id, NEW.child_id, NEW.kind, NEW.reason, NEW.starts_at, NEW.ends_at, NEW.created_at)
         IS NOT DISTINCT FROM
         (OLD.id, OLD.user_id, OLD.child_id, OLD.kind, OLD.reason, OLD.starts_at, OLD.ends_at, OLD.created_at) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'access_grants: % is not allowed (a grant can only be ended, once)', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER access_grants_end_only BEFORE UPDATE OR DELETE ON access_grants
  FOR EACH ROW EXECUTE FUNCTION access_grants_end_only();
CREATE TRIGGER access_grants_no_truncate BEFORE TRUNCATE ON access_grants
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

-- What the privacy officer is asked to look at. `detail` holds counts, ids of hub objects and times — never
-- personal data. Alerts are acknowledged and closed, never deleted.
CREATE TABLE privacy_alerts (
  id bigserial PRIMARY KEY,
  raised_at timestamptz NOT NULL DEFAULT now(),
  kind text NOT NULL CHECK (kind IN ('SELF_CLAIMED_ACCESS', 'BREAK_GLASS', 'UNUSUAL_VOLUME')),
  user_id text NOT NULL,
  child_id text,
  grant_id bigint REFERENCES access_grants (id),
  -- The time window an UNUSUAL_VOLUME alert covers (one alert per user per window: windows never overlap).
  window_start timestamptz,
  window_end timestamptz,
  detail jsonb NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'ACKNOWLEDGED', 'CLOSED')),
  acknowledged_by text,
  acknowledged_at timestamptz,
  closed_by text,
  closed_at timestamptz
);
CREATE INDEX privacy_alerts_open ON privacy_alerts (id) WHERE status <> 'CLOSED';
CREATE INDEX privacy_alerts_user_window ON privacy_alerts (user_id, window_end) WHERE kind = 'UNUSUAL_VOLUME';
CREATE UNIQUE INDEX privacy_alerts_grant ON privacy_alerts (grant_id) WHERE grant_id IS NOT NULL;

CREATE TRIGGER privacy_alerts_no_delete BEFORE DELETE ON privacy_alerts
  FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER privacy_alerts_no_truncate BEFORE TRUNCATE ON privacy_alerts
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
