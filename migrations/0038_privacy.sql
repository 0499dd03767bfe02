-- An employee's privacy center: who viewed their screenshots, recordings and GPS (the access log), exports of
-- everything about them (GDPR art. 15/20) and erasure requests (art. 17) that an admin decides.
--
-- What must stay true:
-- - data_access_log is append-only for the application (SELECT, INSERT only): a viewer writes one row per view,
--   in the same transaction that reads the data, and only as themselves (viewer_id = the caller). The person
--   viewed (subject) and the company's admins read it; nobody edits or deletes it.
-- - An export or erasure request belongs to its person: they see and create their own; admins see the
--   company's and decide erasures. Export and erasure jobs act with admin claims of the company, each query
--   restricted to the one person (workmonitor.privacy).

CREATE TABLE data_access_log (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id  uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  subject_id  uuid NOT NULL,
  viewer_id   uuid NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('screenshot', 'recording', 'gps')),
  target_id   text CHECK (length(target_id) <= 100),   -- the screenshot or recording; NULL for a list of points
  items       int NOT NULL DEFAULT 1 CHECK (items > 0),
  viewed_at   timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (company_id, subject_id) REFERENCES users (company_id, id) ON DELETE CASCADE
);
CREATE INDEX data_access_log_subject_idx ON data_access_log (company_id, subject_id, viewed_at DESC);

ALTER TABLE data_access_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE data_access_log FORCE ROW LEVEL SECURITY;
CREATE POLICY data_access_log_select ON data_access_log FOR SELECT
  USING (company_id = app.company_id() AND (subject_id = app.user_id() OR app.is_admin()));
CREATE POLICY data_access_log_insert ON data_access_log FOR INSERT
  WITH CHECK (company_id = app.company_id() AND viewer_id = app.user_id());
GRANT SELECT, INSERT ON data_access_log TO workmonitor_app;

CREATE TABLE data_exports (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id    uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  user_id       uuid NOT NULL,
  status        text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'ready', 'failed', 'expired')),
  progress      int NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  object_key    text,
  size_bytes    bigint,
  error         text,
  requested_at  timestamptz NOT NULL DEFAULT now(),
  finished_at   timestamptz,
  expires_at    timestamptz,
  FOREIGN KEY (company_id, user_id) REFERENCES users (company_id, id) ON DELETE CASCADE,
  CHECK (object_key IS NULL OR object_key LIKE company_id::text || '/%')
);
CREATE INDEX data_exports_user_idx ON data_exports (company_id, user_id, requested_at DESC);

ALTER TABLE data_exports ENABLE ROW LEVEL SECURITY;
ALTER TABLE data_exports FORCE ROW LEVEL SECURITY;
CREATE POLICY data_exports_select ON data_exports FOR SELECT
  USING (company_id = app.company_id() AND (user_id = app.user_id() OR app.is_admin()));
CREATE POLICY data_exports_insert ON data_exports FOR INSERT
  WITH CHECK (company_id = app.company_id() AND user_id = app.user_id());
CREATE POLICY data_exports_update ON data_exports FOR UPDATE
  USING (company_id = app.company_id() AND (user_id = app.user_id() OR app.is_admin()))
  WITH CHECK (company_id = app.company_id());
GRANT SELECT, INSERT, UPDATE ON data_exports TO workmonitor_app;

CREATE TABLE erasure_requests (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id    uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  user_id       uuid NOT NULL,
  requested_by  uuid NOT NULL,
  reason        text CHECK (length(reason) <= 2000),
  offboarding   boolean NOT NULL DEFAULT false,   -- started by an admin offboarding the person
  status        text NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending', 'approved', 'rejected', 'completed', 'failed')),
  decided_by    uuid,
  decided_at    timestamptz,
  decision_note text CHECK (length(decision_note) <= 2000),
  completed_at  timestamptz,
  summary       jsonb NOT NULL DEFAULT '{}'::jsonb,
  requested_at  timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (company_id, user_id) REFERENCES users (company_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX erasure_requests_open_key ON erasure_requests (user_id) WHERE status IN ('pending', 'approved');

ALTER TABLE erasure_requests ENABLE ROW LEVEL SECURITY;
ALTER TABLE erasure_requests FORCE ROW LEVEL SECURITY;
CREATE POLICY erasure_requests_select ON erasure_requests FOR SELECT
  USING (company_id = app.company_id() AND (user_id = app.user_id() OR app.is_admin()));
CREATE POLICY erasure_requests_insert ON erasure_requests FOR INSERT
  WITH CHECK (company_id = app.company_id() AND requested_by = app.user_id()
              AND (user_id = app.user_id() OR app.is_admin()));
CREATE POLICY erasure_requests_update ON erasure_requests FOR UPDATE
  USING (company_id = app.company_id() AND app.is_admin()) WITH CHECK (company_id = app.company_id());
GRANT SELECT, INSERT, UPDATE ON erasure_requests TO workmonitor_app;

-- Erasure deletes a person's chat attachments (the message text stays, as the company's conversation) and push
-- tokens: an admin reaches them only while an approved erasure of that person is open (a DELETE needs to see).
CREATE FUNCTION app.being_erased(uid uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM erasure_requests e
                 WHERE e.user_id = uid AND e.company_id = app.company_id() AND e.status = 'approved')
$$;
GRANT EXECUTE ON FUNCTION app.being_erased(uuid) TO workmonitor_app;
CREATE POLICY chat_attachments_erase ON chat_attachments FOR ALL
  USING (company_id = app.company_id() AND app.is_admin() AND app.being_erased(uploader_id)) WITH CHECK (false);
GRANT DELETE ON chat_attachments TO workmonitor_app;

-- Erasure moves the erased membership to an anonymous identity; the person's own identity is forgotten once no
-- membership uses it any more (it may still sign in to their other companies). Deletes only an orphan.
CREATE FUNCTION app.forget_orphan_person(p_person uuid) RETURNS boolean
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  WITH gone AS (
    DELETE FROM people p WHERE p.id = p_person AND NOT EXISTS (SELECT 1 FROM users u WHERE u.person_id = p.id)
    RETURNING 1)
  SELECT EXISTS (SELECT 1 FROM gone)
$$;
REVOKE ALL ON FUNCTION app.forget_orphan_person(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.forget_orphan_person(uuid) TO workmonitor_app;

-- Erasure also removes the person's exports (their files hold captured data).
CREATE POLICY data_exports_erase ON data_exports FOR DELETE USING (company_id = app.company_id() AND app.is_admin());
GRANT DELETE ON data_exports TO workmonitor_app;
CREATE POLICY device_tokens_erase ON device_tokens FOR ALL
  USING (company_id = app.company_id() AND app.is_admin() AND app.being_erased(user_id)) WITH CHECK (false);
