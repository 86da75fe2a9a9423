-- Reconciliation findings: one open finding per (child, rule, subject). Re-running a rule over unchanged data
-- changes nothing; a finding whose condition clears is auto-resolved; every change of a finding is kept in
-- finding_history (who, when, what, with the person's note).
CREATE TABLE findings (
  id bigserial PRIMARY KEY,
  child_id text NOT NULL,
  rule_id text NOT NULL,
  subject_kind text NOT NULL,
  subject_id text NOT NULL,
  severity text NOT NULL CHECK (severity IN ('high', 'medium', 'low')),
  -- The data category the finding reveals: the gateway shows it only to roles that may see that category.
  category text NOT NULL,
  summary text NOT NULL,
  -- Which agency said what, as of when: [{ agency, recordId, fact, asOf }].
  evidence jsonb NOT NULL,
  due_date date,
  source_kind text NOT NULL,
  source_citation text NOT NULL,
  owner_role text NOT NULL,
  -- The owner's work e-mail where an agency records who holds the role for this child.
  owner_person text,
  status text NOT NULL CHECK (status IN ('OPEN', 'ACKNOWLEDGED', 'RESOLVED', 'AUTO_RESOLVED')),
  opened_at timestamptz NOT NULL,
  status_changed_at timestamptz NOT NULL,
  closed_at timestamptz,
  CHECK ((status IN ('RESOLVED', 'AUTO_RESOLVED')) = (closed_at IS NOT NULL))
);
CREATE UNIQUE INDEX findings_one_open ON findings (child_id, rule_id, subject_kind, subject_id)
  WHERE status IN ('OPEN', 'ACKNOWLEDGED');
CREATE INDEX findings_child ON findings (child_id, status);
CREATE INDEX findings_open_by_rule ON findings (rule_id, severity) WHERE status IN ('OPEN', 'ACKNOWLEDGED');
CREATE INDEX findings_owner ON findings (owner_role, owner_person) WHERE status IN ('OPEN', 'ACKNOWLEDGED');

CREATE TABLE finding_history (
  id bigserial PRIMARY KEY,
  finding_id bigint NOT NULL REFERENCES findings (id),
  at timestamptz NOT NULL,
  -- OPENED, UPDATED (severity, evidence or due date changed), ACKNOWLEDGED, RESOLVED, AUTO_RESOLVED, REOPENED
  change text NOT NULL,
  status text NOT NULL,
  -- A user id, or 'reconciliation' for the engine.
  actor text NOT NULL,
  note text,
  detail jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX finding_history_finding ON finding_history (finding_id, id);

-- What the last run could and could not decide, per child and rule: a child whose agency was unavailable is
-- "not assessed" for the rules that need it, never "no findings".
CREATE TABLE rule_assessments (
  child_id text NOT NULL,
  rule_id text NOT NULL,
  state text NOT NULL CHECK (state IN ('DECIDED', 'NOT_ASSESSED')),
  reason text,
  agencies text[] NOT NULL DEFAULT '{}',
  detail text,
  assessed_at timestamptz NOT NULL,
  PRIMARY KEY (child_id, rule_id)
);
CREATE INDEX rule_assessments_not_assessed ON rule_assessments (rule_id) WHERE state = 'NOT_ASSESSED';
