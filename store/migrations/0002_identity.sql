-- The identity index: the hub owns Child.id and the links from each child to the records agencies hold about
-- them. Agency records are copied here with the identifiers and demographics matching needs (and nothing else).

CREATE TABLE children (
  id text PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE agency_records (
  agency text NOT NULL CHECK (agency IN ('social-care', 'gp', 'education', 'adult')),
  local_id text NOT NULL,
  child_id text REFERENCES children (id),
  nhs_number text,
  upn text,
  given_name text NOT NULL,
  family_name text NOT NULL,
  date_of_birth date NOT NULL,
  sex text NOT NULL CHECK (sex IN ('M', 'F', 'U')),
  postcode text,
  -- How this record joined its child: NHS_NUMBER, UPN, PROBABILISTIC, MANUAL, or SINGLE (alone in its child).
  link_method text,
  link_score real,
  seen_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (agency, local_id)
);
CREATE INDEX agency_records_child ON agency_records (child_id);
CREATE INDEX agency_records_nhs_number ON agency_records (nhs_number) WHERE nhs_number IS NOT NULL;
CREATE INDEX agency_records_upn ON agency_records (upn) WHERE upn IS NOT NULL;

-- Identifiers that fail validation, and agencies disagreeing about one child: recorded, never dropped silently.
CREATE TABLE identity_conflicts (
  id bigserial PRIMARY KEY,
  child_id text REFERENCES children (id),
  agency text NOT NULL,
  local_id text NOT NULL,
  kind text NOT NULL,
  other_agency text,
  other_local_id text,
  detected_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz
);
CREATE INDEX identity_conflicts_child ON identity_conflicts (child_id) WHERE resolved_at IS NULL;
CREATE UNIQUE INDEX identity_conflicts_open ON identity_conflicts (agency, local_id, kind, coalesce(other_agency, ''), coalesce(other_local_id, ''))
  WHERE resolved_at IS NULL;

-- Pairs the matcher was unsure about: never linked until a person confirms them.
CREATE TABLE match_reviews (
  id bigserial PRIMARY KEY,
  a_agency text NOT NULL,
  a_local_id text NOT NULL,
  b_agency text NOT NULL,
  b_local_id text NOT NULL,
  score real NOT NULL,
  agreement jsonb NOT NULL,
  status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CONFIRMED', 'REJECTED')),
  decided_by text,
  decided_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (a_agency, a_local_id, b_agency, b_local_id)
);
CREATE INDEX match_reviews_open ON match_reviews (created_at) WHERE status = 'OPEN';

-- People's decisions about pairs (confirm a link, split one); the matcher applies them on every run.
CREATE TABLE match_decisions (
  a_agency text NOT NULL,
  a_local_id text NOT NULL,
  b_agency text NOT NULL,
  b_local_id text NOT NULL,
  decision text NOT NULL CHECK (decision IN ('CONFIRM', 'SPLIT')),
  decided_by text NOT NULL,
  reason text,
  decided_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (a_agency, a_local_id, b_agency, b_local_id)
);

-- Legitimate relationships with each child as the agencies' own data records them (who is allocated, where the
-- child is registered or enrolled), refreshed from the agencies; access control checks callers against these.
CREATE TABLE child_relationships (
  agency text NOT NULL,
  local_id text NOT NULL,
  kind text NOT NULL,
  subject_person text,
  subject_organisation text,
  since date,
  refreshed_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((subject_person IS NULL) <> (subject_organisation IS NULL))
);
CREATE INDEX child_relationships_record ON child_relationships (agency, local_id);
CREATE INDEX child_relationships_person ON child_relationships (subject_person) WHERE subject_person IS NOT NULL;
CREATE INDEX child_relationships_organisation ON child_relationships (subject_organisation) WHERE subject_organisation IS NOT NULL;
