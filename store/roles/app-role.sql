-- Least privilege for the running hub on a real PostgreSQL server (PGlite has no roles).
--
-- The tables belong to the role that runs the migrations (the owner). The hub itself should run as a separate
-- login role that can read and write its tables but can never change or remove the access audit: no UPDATE,
-- DELETE or TRUNCATE on access_audit, no DELETE on access_grants or privacy_alerts, no DDL, and not the owner of
-- anything (an owner could disable the append-only triggers). This script grants exactly that. It is idempotent:
-- run it as the owner after every migration (new tables get the ordinary rights through default privileges,
-- but only this script takes the audit rights away again).
--
--   createuser --login hub_app            # plus a password or certificate, as your deployment manages them
--   psql "$OWNER_DATABASE_URL" -v ON_ERROR_STOP=1 \
--     -c "SET hub.app_role = 'hub_app'" -c "SET hub.schema = 'hub'" -f store/roles/app-role.sql
--
-- (or PGOPTIONS='-c hub.app_role=hub_app -c hub.schema=hub' psql ... -f store/roles/app-role.sql; from code,
-- store/roles/app-role.ts). The hub then connects with DATABASE_URL naming hub_app. Running as that role the hub
-- cannot create tables, so migrations must be applied by the owner before it starts.
DO $$
DECLARE
  app_role text := nullif(current_setting('hub.app_role', true), '');
  target_schema text := coalesce(nullif(current_setting('hub.schema', true), ''), 'hub');
  owner_name text;
BEGIN
  IF app_role IS NULL THEN
    RAISE EXCEPTION 'set hub.app_role to the role the hub runs as (SET hub.app_role = ''hub_app'')';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app_role) THEN
    RAISE EXCEPTION 'role "%" does not exist: create it first (CREATE ROLE ... LOGIN)', app_role;
  END IF;
  IF to_regclass(format('%I.access_audit', target_schema)) IS NULL THEN
    RAISE EXCEPTION 'schema "%" has no access_audit table: run the migrations first', target_schema;
  END IF;
  IF (SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = app_role) THEN
    RAISE EXCEPTION 'role "%" is a superuser (or bypasses row security): privileges cannot restrict it', app_role;
  END IF;
  -- The app role must not be, or be able to act as, the owner of the schema or of any of its tables.
  FOR owner_name IN
    SELECT DISTINCT pg_get_userbyid(relowner) FROM pg_class
      WHERE relnamespace = target_schema::regnamespace AND relkind IN ('r', 'p', 'S')
    UNION
    SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = target_schema
  LOOP
    IF pg_has_role(app_role, owner_name, 'USAGE') THEN
      RAISE EXCEPTION 'role "%" owns (or is a member of "%", which owns) objects in "%": it must not',
        app_role, owner_name, target_schema;
    END IF;
  END LOOP;

  -- Ordinary rights everywhere in the schema, now and for tables later migrations create.
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', target_schema, app_role);
  EXECUTE format('REVOKE CREATE ON SCHEMA %I FROM %I', target_schema, app_role);
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I', target_schema, app_role);
  EXECUTE format('REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA %I FROM %I', target_schema, app_role);
  EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', target_schema, app_role);
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I',
    target_schema, app_role);
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO %I',
    target_schema, app_role);

  -- The access audit: append and read, nothing else.
  EXECUTE format('REVOKE ALL ON %I.access_audit FROM PUBLIC', target_schema);
  EXECUTE format('REVOKE ALL ON %I.access_audit FROM %I', target_schema, app_role);
  EXECUTE format('GRANT SELECT, INSERT ON %I.access_audit TO %I', target_schema, app_role);

  -- Grants are ended, never deleted or rewritten; alerts are acknowledged and closed, never deleted.
  EXECUTE format('REVOKE ALL ON %I.access_grants FROM %I', target_schema, app_role);
  EXECUTE format('GRANT SELECT, INSERT ON %I.access_grants TO %I', target_schema, app_role);
  EXECUTE format('GRANT UPDATE (ended_at, ended_by) ON %I.access_grants TO %I', target_schema, app_role);
  EXECUTE format('REVOKE ALL ON %I.privacy_alerts FROM %I', target_schema, app_role);
  EXECUTE format('GRANT SELECT, INSERT ON %I.privacy_alerts TO %I', target_schema, app_role);
  EXECUTE format(
    'GRANT UPDATE (status, acknowledged_by, acknowledged_at, closed_by, closed_at) ON %I.privacy_alerts TO %I',
    target_schema, app_role);

  -- Privacy officers' notes on alerts are appended, never changed. Panel lists keep their history: a member or a
  -- child leaves a list by being marked removed, never by deletion (who was on a panel decided who saw a child).
  IF to_regclass(format('%I.privacy_alert_notes', target_schema)) IS NOT NULL THEN
    EXECUTE format('REVOKE ALL ON %I.privacy_alert_notes FROM %I', target_schema, app_role);
    EXECUTE format('GRANT SELECT, INSERT ON %I.privacy_alert_notes TO %I', target_schema, app_role);
    EXECUTE format('REVOKE ALL ON %I.panel_members, %I.panel_children FROM %I', target_schema, target_schema, app_role);
    EXECUTE format('GRANT SELECT, INSERT ON %I.panel_members, %I.panel_children TO %I', target_schema, target_schema, app_role);
    EXECUTE format('GRANT UPDATE (removed_by, removed_at) ON %I.panel_members, %I.panel_children TO %I',
      target_schema, target_schema, app_role);
  END IF;

  -- Who replayed or discarded a feed's dead letter is appended, never changed.
  IF to_regclass(format('%I.feed_actions', target_schema)) IS NOT NULL THEN
    EXECUTE format('REVOKE ALL ON %I.feed_actions FROM %I', target_schema, app_role);
    EXECUTE format('GRANT SELECT, INSERT ON %I.feed_actions TO %I', target_schema, app_role);
  END IF;

  -- Migrations are the owner's: the hub may only read which have been applied.
  IF to_regclass(format('%I.schema_migrations', target_schema)) IS NOT NULL THEN
    EXECUTE format('REVOKE ALL ON %I.schema_migrations FROM %I', target_schema, app_role);
    EXECUTE format('GRANT SELECT ON %I.schema_migrations TO %I', target_schema, app_role);
  END IF;
END
$$;
