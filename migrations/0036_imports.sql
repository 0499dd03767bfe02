-- Imports of time from Toggl Track, Clockify, Kimai and Harvest CSV files (issue 17).
--
-- What must stay true:
-- - Admins run imports; the import job acts with the importing admin's claims, so every row it writes passes the
--   same policies and triggers as a manual entry (overlaps, locked periods).
-- - Re-importing the same file creates nothing twice: each imported row's key (a hash of its source format and
--   normalised fields) is recorded once per company with the entry it made (import_keys' primary key).

CREATE TABLE imports (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id   uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  user_id      uuid NOT NULL,
  format       text NOT NULL CHECK (format IN ('toggl', 'clockify', 'kimai', 'harvest')),
  filename     text CHECK (length(filename) <= 255),
  mapping      jsonb NOT NULL,
  object_key   text NOT NULL,
  status       text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  progress     smallint NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  total        int,
  created      int NOT NULL DEFAULT 0,
  duplicates   int NOT NULL DEFAULT 0,
  skipped      int NOT NULL DEFAULT 0,
  problems     jsonb NOT NULL DEFAULT '[]'::jsonb,
  created_at   timestamptz NOT NULL DEFAULT now(),
  finished_at  timestamptz,
  FOREIGN KEY (company_id, user_id) REFERENCES users (company_id, id) ON DELETE CASCADE
);
ALTER TABLE imports ENABLE ROW LEVEL SECURITY;
ALTER TABLE imports FORCE ROW LEVEL SECURITY;
CREATE POLICY imports_admin ON imports
  USING (company_id = app.company_id() AND app.is_admin())
  WITH CHECK (company_id = app.company_id() AND app.is_admin());

CREATE TABLE import_keys (
  company_id  uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  key         text NOT NULL CHECK (length(key) = 64),
  import_id   uuid REFERENCES imports(id) ON DELETE SET NULL,
  entry_id    uuid,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (company_id, key)
);
ALTER TABLE import_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE import_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY import_keys_admin ON import_keys
  USING (company_id = app.company_id() AND app.is_admin())
  WITH CHECK (company_id = app.company_id() AND app.is_admin());

GRANT SELECT, INSERT, UPDATE ON imports TO workmonitor_app;
GRANT SELECT, INSERT ON import_keys TO workmonitor_app;
