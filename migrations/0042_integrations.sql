-- Integrations: per-user calendar connections (CalDAV, Google, Microsoft), the events our time entries became,
-- the calendar events offered as time entries, and security alerts for admins.
--
-- What must stay true:
-- - Credentials are stored only as ciphertext (workmonitor.integrations.crypto: AES-GCM, the key id beside it so
--   the key can be rotated); a disconnect deletes the row, and with it the ciphertext.
-- - A connection, its links and its suggestions are the connecting user's alone; the sync job ('job' claims of
--   one company) reads and updates them. Nobody else, admins included, reads a calendar credential.
-- - One event per entry: calendar_event_links has one row per (connection, entry), and the event's UID and href
--   are derived from the entry id, so a retried PUT overwrites the same event instead of adding one.
-- - Alerts are added only through app.security_alert_add (callers without claims: a failed sign-in) and read and
--   acknowledged only by the company's admins.

CREATE TABLE calendar_connections (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id      uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  user_id         uuid NOT NULL,
  provider        text NOT NULL CHECK (provider IN ('caldav', 'google', 'microsoft')),
  calendar_url    text NOT NULL CHECK (length(calendar_url) <= 2000),
  username        text CHECK (length(username) <= 320),
  credentials     text NOT NULL,                                  -- ciphertext (crypto.encrypt), never plain
  key_id          text NOT NULL,                                  -- which key encrypted it (rotation)
  push_entries    boolean NOT NULL DEFAULT true,                  -- time entries -> calendar events
  pull_events     boolean NOT NULL DEFAULT true,                  -- calendar events -> suggested entries
  state           text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'active', 'error')),
  remote_state    text,                                           -- CalDAV ctag / Google sync token / Graph delta
  last_sync_at    timestamptz,
  last_error      text CHECK (length(last_error) <= 1000),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (company_id, id),
  UNIQUE (user_id, provider),
  FOREIGN KEY (company_id, user_id) REFERENCES users (company_id, id) ON DELETE CASCADE
);

-- The event each entry became (entry_id has no foreign key: a deleted entry's row is how its event gets deleted).
CREATE TABLE calendar_event_links (
  company_id      uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  connection_id   uuid NOT NULL,
  user_id         uuid NOT NULL,
  entry_id        uuid NOT NULL,
  href            text NOT NULL,
  etag            text,
  fingerprint     text NOT NULL,                                  -- what the event says: changed -> PUT again
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (connection_id, entry_id),
  FOREIGN KEY (company_id, connection_id) REFERENCES calendar_connections (company_id, id) ON DELETE CASCADE
);

-- Calendar events offered as time entries; accepting one creates the entry (once: its Idempotency-Key).
CREATE TABLE calendar_suggestions (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id      uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  connection_id   uuid NOT NULL,
  user_id         uuid NOT NULL,
  href            text NOT NULL,
  remote_uid      text NOT NULL,
  etag            text,
  title           text NOT NULL CHECK (length(title) <= 500),
  started_at      timestamptz NOT NULL,
  ended_at        timestamptz NOT NULL CHECK (ended_at > started_at),
  state           text NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'accepted', 'dismissed', 'gone')),
  entry_id        uuid,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (connection_id, href),
  FOREIGN KEY (company_id, connection_id) REFERENCES calendar_connections (company_id, id) ON DELETE CASCADE
);
CREATE INDEX calendar_suggestions_user_idx ON calendar_suggestions (user_id, state, started_at DESC);

CREATE TABLE security_alerts (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id      uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  kind            text NOT NULL CHECK (kind IN ('new_device_sign_in', 'failed_sign_ins', 'two_factor_changed',
                    'api_token_created', 'mass_deletion', 'mass_export', 'agent_silent', 'role_changed',
                    'consent_changed')),
  subject_user_id uuid,                                           -- whom it is about
  actor_id        uuid,                                           -- who did it (NULL: nobody signed in)
  ip              inet,
  details         jsonb NOT NULL DEFAULT '{}',
  dedup_key       text CHECK (length(dedup_key) <= 300),          -- one alert per key (repeats are not news)
  state           text NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'acknowledged')),
  acknowledged_by uuid,
  acknowledged_at timestamptz,
  created_at      timestamptz NOT NULL DEFAULT clock_timestamp(),  -- several in one transaction keep their order
  UNIQUE (company_id, dedup_key)
);
CREATE INDEX security_alerts_company_idx ON security_alerts (company_id, created_at DESC);

-- Row Level Security -----------------------------------------------------------------------------------------

ALTER TABLE calendar_connections ENABLE ROW LEVEL SECURITY;
ALTER TABLE calendar_connections FORCE ROW LEVEL SECURITY;
CREATE POLICY calendar_connections_own ON calendar_connections FOR ALL
  USING (company_id = app.company_id() AND user_id = app.user_id())
  WITH CHECK (company_id = app.company_id() AND user_id = app.user_id());
-- jobs.integrations sync: read the connection, record its state.
CREATE POLICY calendar_connections_job_select ON calendar_connections FOR SELECT
  USING (company_id = app.company_id() AND app.is_job());
CREATE POLICY calendar_connections_job_update ON calendar_connections FOR UPDATE
  USING (company_id = app.company_id() AND app.is_job()) WITH CHECK (company_id = app.company_id() AND app.is_job());

ALTER TABLE calendar_event_links ENABLE ROW LEVEL SECURITY;
ALTER TABLE calendar_event_links FORCE ROW LEVEL SECURITY;
CREATE POLICY calendar_event_links_own ON calendar_event_links FOR SELECT
  USING (company_id = app.company_id() AND user_id = app.user_id());
CREATE POLICY calendar_event_links_job ON calendar_event_links FOR ALL
  USING (company_id = app.company_id() AND app.is_job()) WITH CHECK (company_id = app.company_id() AND app.is_job());

ALTER TABLE calendar_suggestions ENABLE ROW LEVEL SECURITY;
ALTER TABLE calendar_suggestions FORCE ROW LEVEL SECURITY;
CREATE POLICY calendar_suggestions_own_select ON calendar_suggestions FOR SELECT
  USING (company_id = app.company_id() AND user_id = app.user_id());
CREATE POLICY calendar_suggestions_own_update ON calendar_suggestions FOR UPDATE
  USING (company_id = app.company_id() AND user_id = app.user_id())
  WITH CHECK (company_id = app.company_id() AND user_id = app.user_id());
CREATE POLICY calendar_suggestions_job ON calendar_suggestions FOR ALL
  USING (company_id = app.company_id() AND app.is_job()) WITH CHECK (company_id = app.company_id() AND app.is_job());

ALTER TABLE security_alerts ENABLE ROW LEVEL SECURITY;
ALTER TABLE security_alerts FORCE ROW LEVEL SECURITY;
CREATE POLICY security_alerts_admin_select ON security_alerts FOR SELECT
  USING (company_id = app.company_id() AND app.is_admin());
CREATE POLICY security_alerts_admin_update ON security_alerts FOR UPDATE
  USING (company_id = app.company_id() AND app.is_admin()) WITH CHECK (company_id = app.company_id() AND app.is_admin());
-- jobs.integrations alert mail: read the alert it tells the admins about.
CREATE POLICY security_alerts_job_select ON security_alerts FOR SELECT
  USING (company_id = app.company_id() AND app.is_job());

-- The calendar sync reads the user's finished entries and their projects' names (the event's title).
CREATE POLICY time_entries_job_select ON time_entries FOR SELECT USING (company_id = app.company_id() AND app.is_job());
CREATE POLICY projects_job_select ON projects FOR SELECT USING (company_id = app.company_id() AND app.is_job());

-- Narrow entry points --------------------------------------------------------------------------------------

-- A finished entry written, edited or deleted (by anyone: the user, a manager, an import) queues a calendar sync
-- of each connection of its user that pushes entries: one outbox row per connection and transaction, in the
-- writer's transaction (so no sync leaves for a change that rolled back) and without a round trip of its own.
-- The worker's outbox drainer hands it to RQ. The job path is registry.SYNC_CALENDAR's.
CREATE FUNCTION app.calendar_entry_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  uid uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.user_id ELSE NEW.user_id END;
BEGIN
  IF TG_OP <> 'DELETE' AND NEW.ended_at IS NULL AND (TG_OP = 'INSERT' OR OLD.ended_at IS NULL) THEN
    RETURN NULL;  -- a running timer is no event yet
  END IF;
  INSERT INTO job_outbox (job, args, dedup_key)
  SELECT 'workmonitor.integrations.sync.sync_connection', jsonb_build_array(c.company_id::text, c.id::text),
         'calendar-sync:' || c.id || ':' || txid_current()
  FROM calendar_connections c WHERE c.user_id = uid AND c.push_entries
  ON CONFLICT (dedup_key) DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER time_entries_calendar_sync AFTER INSERT OR UPDATE OR DELETE ON time_entries
  FOR EACH ROW EXECUTE FUNCTION app.calendar_entry_changed();

-- Whether entry `p_entry` was made from a calendar event (a meeting, for insights): managers and admins read it
-- for the people they see, though suggestions are their owner's alone. A yes/no, nothing of the event.
CREATE FUNCTION app.calendar_entry(p_entry uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT EXISTS (SELECT 1 FROM calendar_suggestions s
                 WHERE s.entry_id = p_entry AND s.company_id = app.company_id() AND app.can_see_user(s.user_id))
$$;

-- Add an alert for company `p_company` (from sign-in, where nobody is signed in yet, as from any request);
-- returns its id, or NULL when `p_dedup` was raised before.
CREATE FUNCTION app.security_alert_add(p_company uuid, p_kind text, p_subject uuid, p_actor uuid, p_ip inet,
                                       p_details jsonb, p_dedup text) RETURNS uuid
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  INSERT INTO security_alerts (company_id, kind, subject_user_id, actor_id, ip, details, dedup_key)
  SELECT p_company, p_kind, p_subject, p_actor, p_ip, coalesce(p_details, '{}'), p_dedup
  WHERE EXISTS (SELECT 1 FROM companies WHERE id = p_company)
  ON CONFLICT (company_id, dedup_key) DO NOTHING RETURNING id
$$;

DO $$
DECLARE fn text;
BEGIN
  FOREACH fn IN ARRAY ARRAY['app.calendar_entry_changed()', 'app.calendar_entry(uuid)',
                            'app.security_alert_add(uuid, text, uuid, uuid, inet, jsonb, text)']
  LOOP
    EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', fn);
    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO workmonitor_app', fn);
  END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE, DELETE ON calendar_connections, calendar_event_links, calendar_suggestions
  TO workmonitor_app;
GRANT SELECT, UPDATE ON security_alerts TO workmonitor_app;
