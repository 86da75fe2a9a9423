-- What the hub decided when a child was admitted to a children's home: how many residents were there, and how
-- many of them have no social worker or IRO the hub can reach (unlinked, or no recorded relationship). The
-- notices themselves are in `notifications`; an admission with residents nobody could tell is not "informed",
-- however many of the other notices were delivered, so CORESIDENTS_NOT_INFORMED stays open for a person to act.
CREATE TABLE coresident_notice_plans (
  admitted_child_id text NOT NULL,
  -- The admission's placement id in social care (the notices' event key).
  placement_key text NOT NULL,
  residents integer NOT NULL CHECK (residents >= 0),
  uncovered integer NOT NULL CHECK (uncovered >= 0 AND uncovered <= residents),
  planned_at timestamptz NOT NULL,
  PRIMARY KEY (admitted_child_id, placement_key)
);
