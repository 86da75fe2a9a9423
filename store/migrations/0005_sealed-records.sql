-- Why an agency seals a person's record (ADOPTION, RESTRICTED_ADDRESS, ...), copied from the agency's person index
-- by identity-sync; NULL when the record is not sealed. The gateway must know which children are sealed on every
-- request, and asking social care each time would put an agency read in front of every child view.
ALTER TABLE agency_records ADD COLUMN sealed_reason text;
