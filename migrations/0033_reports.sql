-- Reports (issue 17): saved reports, client share links, export jobs.
--
-- What must stay true:
-- - A saved report and an export belong to one user; nobody else reads them (an export's file is that user's view).
-- - A share link is stored as the keyed hash of its token only. The public share page finds its company and its
--   rows through the two SECURITY DEFINER functions below, which answer only while the link is neither revoked
--   nor expired and only for the link's client's projects: no policy is widened for the anonymous reader.
-- - The owner-only policies (TO CURRENT_USER) let those functions read under FORCE RLS when the owner is not a
--   superuser; the application role never is the owner, so they never apply to it.

CREATE TABLE saved_reports (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id  uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  user_id     uuid NOT NULL,
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  spec        jsonb NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (company_id, user_id) REFERENCES users (company_id, id) ON DELETE CASCADE
);
CREATE INDEX saved_reports_user_idx ON saved_reports (user_id, lower(name));
ALTER TABLE saved_reports ENABLE ROW LEVEL SECURITY;
ALTER TABLE saved_reports FORCE ROW LEVEL SECURITY;
CREATE POLICY saved_reports_own ON saved_reports
  USING (company_id = app.company_id() AND user_id = app.user_id())
  WITH CHECK (company_id = app.company_id() AND user_id = app.user_id());

CREATE TABLE report_shares (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id      uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  client_id       uuid NOT NULL,
  created_by      uuid,
  name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  token_hash      text NOT NULL UNIQUE,
  group_by        text NOT NULL DEFAULT 'project' CHECK (group_by IN ('project', 'task', 'day', 'week', 'month')),
  expires_at      timestamptz NOT NULL,
  revoked_at      timestamptz,
  last_viewed_at  timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (company_id, client_id) REFERENCES clients (company_id, id) ON DELETE CASCADE,
  FOREIGN KEY (company_id, created_by) REFERENCES users (company_id, id) ON DELETE SET NULL (created_by)
);
CREATE INDEX report_shares_client_idx ON report_shares (company_id, client_id);
ALTER TABLE report_shares ENABLE ROW LEVEL SECURITY;
ALTER TABLE report_shares FORCE ROW LEVEL SECURITY;
CREATE POLICY report_shares_planner ON report_shares
  USING (company_id = app.company_id() AND app.is_planner())
  WITH CHECK (company_id = app.company_id() AND app.is_planner());
CREATE POLICY report_shares_owner ON report_shares TO CURRENT_USER USING (true) WITH CHECK (true);

CREATE TABLE report_exports (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id   uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  user_id      uuid NOT NULL,
  format       text NOT NULL CHECK (format IN ('csv', 'xlsx', 'pdf')),
  spec         jsonb NOT NULL,
  status       text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  progress     smallint NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  row_count    int,
  object_key   text,
  error        text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  finished_at  timestamptz,
  FOREIGN KEY (company_id, user_id) REFERENCES users (company_id, id) ON DELETE CASCADE
);
CREATE INDEX report_exports_user_idx ON report_exports (user_id, created_at DESC);
ALTER TABLE report_exports ENABLE ROW LEVEL SECURITY;
ALTER TABLE report_exports FORCE ROW LEVEL SECURITY;
-- The export job runs with the requesting user's claims (it must see exactly what they see), so "own rows" covers it.
CREATE POLICY report_exports_own ON report_exports
  USING (company_id = app.company_id() AND user_id = app.user_id())
  WITH CHECK (company_id = app.company_id() AND user_id = app.user_id());

-- Owner reads for the share functions (see the header).
CREATE POLICY time_entries_owner ON time_entries FOR SELECT TO CURRENT_USER USING (true);
CREATE POLICY projects_owner ON projects FOR SELECT TO CURRENT_USER USING (true);
CREATE POLICY tasks_owner ON tasks FOR SELECT TO CURRENT_USER USING (true);
CREATE POLICY clients_owner ON clients FOR SELECT TO CURRENT_USER USING (true);

-- The live share of a token hash: its company and client (and names for the page); no row when revoked or expired.
CREATE FUNCTION app.report_share_lookup(p_token_hash text)
RETURNS TABLE (id uuid, company_id uuid, company_name text, timezone text, client_id uuid, client_name text,
               name text, group_by text, expires_at timestamptz)
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  UPDATE report_shares s SET last_viewed_at = now()
  FROM companies co, clients c
  WHERE s.token_hash = p_token_hash AND s.revoked_at IS NULL AND s.expires_at > now()
    AND co.id = s.company_id AND c.id = s.client_id AND c.company_id = s.company_id
  RETURNING s.id, s.company_id, co.name, co.timezone, s.client_id, c.name, s.name, s.group_by, s.expires_at
$$;

-- The finished time entries of a live share's client's projects that start in [p_start, p_end).
CREATE FUNCTION app.report_share_entries(p_token_hash text, p_start timestamptz, p_end timestamptz)
RETURNS TABLE (started_at timestamptz, ended_at timestamptz, billable boolean, project_id uuid, project_name text,
               task_id uuid, task_name text, client_id uuid, client_name text, description text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT e.started_at, e.ended_at, e.billable, p.id, p.name, t.id, t.name, c.id, c.name, e.description
  FROM report_shares s
  JOIN clients c ON c.id = s.client_id AND c.company_id = s.company_id
  JOIN projects p ON p.client_id = s.client_id AND p.company_id = s.company_id
  JOIN time_entries e ON e.project_id = p.id AND e.company_id = s.company_id
  LEFT JOIN tasks t ON t.id = e.task_id
  WHERE s.token_hash = p_token_hash AND s.revoked_at IS NULL AND s.expires_at > now()
    AND e.ended_at IS NOT NULL AND e.started_at >= p_start AND e.started_at < p_end
  ORDER BY e.started_at
$$;

DO $$
DECLARE fn text;
BEGIN
  FOREACH fn IN ARRAY ARRAY['app.report_share_lookup(text)', 'app.report_share_entries(text, timestamptz, timestamptz)']
  LOOP
    EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', fn);
    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO workmonitor_app', fn);
  END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE, DELETE ON saved_reports, report_shares, report_exports TO workmonitor_app;
