-- Panel lists: the children a multi-agency tracking panel reviews, and who sits on the panel. Being on a panel's
-- member list (by work e-mail) while the child is on its child list is the PANEL_LIST relationship access control
-- checks (gateway/access-admin/panel-lists.ts, panelChildIdsForMember). Because a list entry opens a child's
-- record, entries are never deleted: removing one stamps removed_by / removed_at, so who put a child or a person
-- on a list, and who took them off, stays on record. These changes are not reads of child data, so they are not in
-- access_audit.

CREATE TABLE panels (
  -- Upper case, e.g. MACE-NORTH.
  code text PRIMARY KEY CHECK (code ~ '^[A-Z0-9][A-Z0-9_-]{0,63}$'),
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE panel_members (
  id bigserial PRIMARY KEY,
  panel_code text NOT NULL REFERENCES panels (code),
  -- Work e-mail, lower case: matched against the caller's e-mail claim.
  email text NOT NULL CHECK (email = lower(btrim(email)) AND email LIKE '%_@_%'),
  added_by text NOT NULL,
  added_at timestamptz NOT NULL DEFAULT now(),
  removed_by text,
  removed_at timestamptz,
  CHECK ((removed_at IS NULL) = (removed_by IS NULL))
);
CREATE UNIQUE INDEX panel_members_current ON panel_members (panel_code, email) WHERE removed_at IS NULL;
CREATE INDEX panel_members_email ON panel_members (email) WHERE removed_at IS NULL;

CREATE TABLE panel_children (
  id bigserial PRIMARY KEY,
  panel_code text NOT NULL REFERENCES panels (code),
  child_id text NOT NULL REFERENCES children (id),
  added_by text NOT NULL,
  added_at timestamptz NOT NULL DEFAULT now(),
  removed_by text,
  removed_at timestamptz,
  CHECK ((removed_at IS NULL) = (removed_by IS NULL))
);
CREATE UNIQUE INDEX panel_children_current ON panel_children (panel_code, child_id) WHERE removed_at IS NULL;
CREATE INDEX panel_children_child ON panel_children (child_id) WHERE removed_at IS NULL;

-- The privacy officer's notes on a privacy alert (privacy_alerts, 0003): why it was acknowledged, what the review
-- found when it was closed. Free text written by the officer: shown to privacy officers, never logged. Appended,
-- never changed.
CREATE TABLE privacy_alert_notes (
  id bigserial PRIMARY KEY,
  alert_id bigint NOT NULL REFERENCES privacy_alerts (id),
  -- The status the alert moved to when the note was written.
  status text NOT NULL CHECK (status IN ('ACKNOWLEDGED', 'CLOSED')),
  note text NOT NULL CHECK (length(btrim(note)) BETWEEN 1 AND 2000),
  written_by text NOT NULL,
  written_at timestamptz NOT NULL
);
CREATE INDEX privacy_alert_notes_alert ON privacy_alert_notes (alert_id, id);

CREATE TRIGGER privacy_alert_notes_append_only BEFORE UPDATE OR DELETE ON privacy_alert_notes
  FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER privacy_alert_notes_no_truncate BEFORE TRUNCATE ON privacy_alert_notes
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
