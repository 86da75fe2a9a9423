-- Which event a notification answers: the child the event was about (for a co-resident notice, the child admitted,
-- not the residents the notice is about) and the event's own key (the placement id of an admission). Reconciliation
-- reads them to see whether every notice of an admission went, without parsing dedupe keys or scanning the outbox.
ALTER TABLE notifications ADD COLUMN event_child_id text, ADD COLUMN event_key text;
CREATE INDEX notifications_event ON notifications (event_child_id, kind, event_key) WHERE event_child_id IS NOT NULL;
