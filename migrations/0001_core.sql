-- Core schema: companies, users, invitations, manager assignments, tokens, work agreements, audit log.
-- Runs as the owner role. The application role `workmonitor_app` owns nothing and has no BYPASSRLS.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'workmonitor_app') THEN
    CREATE ROLE workmonitor_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOREPLICATION;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL; -- another database of this cluster created it at the same moment
END $$;

CREATE SCHEMA IF NOT EXISTS app;

-- Claims set per transaction by workmonitor.db.set_claims; empty string means "not set".
CREATE FUNCTION app.company_id() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE AS
$$ SELECT nullif(current_setting('app.company_id', true), '')::uuid $$;
CREATE FUNCTION app.user_id() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE AS
$$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;
CREATE FUNCTION app.role() RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS
$$ SELECT coalesce(current_setting('app.role', true), '') $$;
CREATE FUNCTION app.lookup_email() RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS
$$ SELECT nullif(current_setting('app.lookup_email', true), '') $$;
CREATE FUNCTION app.lookup_token() RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS
$$ SELECT nullif(current_setting('app.lookup_token', true), '') $$;
-- 'system' is background work acting for one whole company (workers, scheduled jobs).
CREATE FUNCTION app.is_admin() RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE AS
$$ SELECT app.role() IN ('admin', 'system') $$;

CREATE TABLE companies (
  id          uuid PRIMARY KEY,
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  timezone    text NOT NULL DEFAULT 'UTC',
  week_start  smallint NOT NULL DEFAULT 1 CHECK (week_start BETWEEN 1 AND 7), -- ISO day: 1 = Monday
  currency    char(3) NOT NULL DEFAULT 'USD',
  settings    jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id     uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  email          text NOT NULL CHECK (email = lower(email) AND length(email) <= 254),
  name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  password_hash  text,
  role           text NOT NULL CHECK (role IN ('admin', 'manager', 'employee')),
  timezone       text NOT NULL DEFAULT 'UTC',
  status         text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'deactivated')),
  otp_enabled    boolean NOT NULL DEFAULT false,
  last_login_at  timestamptz,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (company_id, id)
);
-- One account per email address across the installation: login needs no company picker.
CREATE UNIQUE INDEX users_email_key ON users (email);
CREATE INDEX users_company_idx ON users (company_id, lower(name));

CREATE TABLE manager_assignments (
  company_id   uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  manager_id   uuid NOT NULL,
  employee_id  uuid NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (manager_id, employee_id),
  CHECK (manager_id <> employee_id),
  FOREIGN KEY (company_id, manager_id) REFERENCES users (company_id, id) ON DELETE CASCADE,
  FOREIGN KEY (company_id, employee_id) REFERENCES users (company_id, id) ON DELETE CASCADE
);
CREATE INDEX manager_assignments_employee_idx ON manager_assignments (employee_id);

-- True when the caller may see rows belonging to user `uid`.
CREATE FUNCTION app.can_see_user(uid uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT app.is_admin() OR uid = app.user_id()
      OR (app.role() = 'manager' AND EXISTS (
            SELECT 1 FROM manager_assignments m WHERE m.manager_id = app.user_id() AND m.employee_id = uid))
$$;

CREATE TABLE invitations (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id   uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  email        text NOT NULL CHECK (email = lower(email)),
  name         text,
  role         text NOT NULL CHECK (role IN ('admin', 'manager', 'employee')),
  token_hash   text NOT NULL UNIQUE,
  invited_by   uuid,
  expires_at   timestamptz NOT NULL,
  accepted_at  timestamptz,
  revoked_at   timestamptz,
  created_at   timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (company_id, invited_by) REFERENCES users (company_id, id) ON DELETE SET NULL (invited_by)
);
CREATE UNIQUE INDEX invitations_open_email_key ON invitations (company_id, email)
  WHERE accepted_at IS NULL AND revoked_at IS NULL;

CREATE TABLE refresh_tokens (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id  uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  user_id     uuid NOT NULL,
  family_id   uuid NOT NULL,
  token_hash  text NOT NULL UNIQUE,
  expires_at  timestamptz NOT NULL,
  rotated_at  timestamptz,
  revoked_at  timestamptz,
  user_agent  text,
  ip          inet,
  created_at  timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (company_id, user_id) REFERENCES users (company_id, id) ON DELETE CASCADE
);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id);

-- Single-use secrets sent by email: password reset links and one-time login codes.
CREATE TABLE auth_tokens (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id  uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  user_id     uuid NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('password_reset', 'login_otp')),
  token_hash  text NOT NULL UNIQUE,
  code_hash   text,                -- login_otp: the emailed code, checked together with the challenge token
  attempts    int NOT NULL DEFAULT 0,
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz,
  created_at  timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (company_id, user_id) REFERENCES users (company_id, id) ON DELETE CASCADE
);
CREATE INDEX auth_tokens_user_idx ON auth_tokens (user_id, kind);

-- Consent: the company proposes what it wants to capture; only the employee's acceptance makes it active.
CREATE TABLE work_agreements (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id   uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  user_id      uuid NOT NULL,
  screenshots  boolean NOT NULL DEFAULT false,
  activity     boolean NOT NULL DEFAULT false,
  gps          boolean NOT NULL DEFAULT false,
  terms        text,
  status       text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'accepted', 'declined', 'revoked', 'superseded')),
  proposed_by  uuid,
  proposed_at  timestamptz NOT NULL DEFAULT now(),
  accepted_at  timestamptz,
  revoked_by   uuid,
  revoked_at   timestamptz,
  FOREIGN KEY (company_id, user_id) REFERENCES users (company_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX work_agreements_current_key ON work_agreements (user_id)
  WHERE status IN ('proposed', 'accepted');

CREATE TABLE audit_logs (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id  uuid REFERENCES companies(id) ON DELETE CASCADE, -- NULL: event before any company was known
  actor_id    uuid,
  action      text NOT NULL,
  target_type text,
  target_id   text,
  ip          inet,
  request_id  text,
  details     jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_logs_company_idx ON audit_logs (company_id, created_at DESC);

-- Row Level Security ---------------------------------------------------------------------------------------

ALTER TABLE companies ENABLE ROW LEVEL SECURITY;
ALTER TABLE companies FORCE ROW LEVEL SECURITY;
CREATE POLICY companies_select ON companies FOR SELECT USING (id = app.company_id());
CREATE POLICY companies_insert ON companies FOR INSERT WITH CHECK (id = app.company_id() AND app.is_admin());
CREATE POLICY companies_update ON companies FOR UPDATE USING (id = app.company_id() AND app.is_admin())
  WITH CHECK (id = app.company_id());

ALTER TABLE users ENABLE ROW LEVEL SECURITY;
ALTER TABLE users FORCE ROW LEVEL SECURITY;
-- Everyone in a company sees the directory (names for chat, assignees); login looks one address up.
CREATE POLICY users_select ON users FOR SELECT
  USING (company_id = app.company_id() OR email = app.lookup_email());
CREATE POLICY users_insert ON users FOR INSERT WITH CHECK (company_id = app.company_id() AND app.is_admin());
CREATE POLICY users_update ON users FOR UPDATE
  USING (company_id = app.company_id() AND (app.is_admin() OR id = app.user_id()))
  WITH CHECK (company_id = app.company_id());
CREATE POLICY users_delete ON users FOR DELETE USING (company_id = app.company_id() AND app.is_admin());

-- Only admins change a role, a status or an email; an employee editing their profile cannot promote themselves.
CREATE FUNCTION app.guard_user_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.role, NEW.status, NEW.email, NEW.company_id) IS DISTINCT FROM (OLD.role, OLD.status, OLD.email, OLD.company_id)
     AND NOT app.is_admin() THEN
    RAISE EXCEPTION 'only an admin may change role, status or email' USING ERRCODE = 'insufficient_privilege';
  END IF;
  NEW.updated_at := now();
  RETURN NEW;
END $$;
CREATE TRIGGER users_guard BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION app.guard_user_update();

ALTER TABLE manager_assignments ENABLE ROW LEVEL SECURITY;
ALTER TABLE manager_assignments FORCE ROW LEVEL SECURITY;
CREATE POLICY manager_assignments_select ON manager_assignments FOR SELECT
  USING (company_id = app.company_id() AND (app.is_admin() OR manager_id = app.user_id() OR employee_id = app.user_id()));
CREATE POLICY manager_assignments_write ON manager_assignments FOR ALL
  USING (company_id = app.company_id() AND app.is_admin())
  WITH CHECK (company_id = app.company_id() AND app.is_admin());

ALTER TABLE invitations ENABLE ROW LEVEL SECURITY;
ALTER TABLE invitations FORCE ROW LEVEL SECURITY;
CREATE POLICY invitations_select ON invitations FOR SELECT
  USING ((company_id = app.company_id() AND app.role() IN ('admin', 'system', 'manager'))
         OR token_hash = app.lookup_token());
CREATE POLICY invitations_write ON invitations FOR ALL
  USING (company_id = app.company_id() AND app.is_admin())
  WITH CHECK (company_id = app.company_id() AND app.is_admin());
CREATE POLICY invitations_manager_insert ON invitations FOR INSERT
  WITH CHECK (company_id = app.company_id() AND app.role() = 'manager' AND role = 'employee'
              AND invited_by = app.user_id());

ALTER TABLE refresh_tokens ENABLE ROW LEVEL SECURITY;
ALTER TABLE refresh_tokens FORCE ROW LEVEL SECURITY;
CREATE POLICY refresh_tokens_select ON refresh_tokens FOR SELECT
  USING ((company_id = app.company_id() AND (user_id = app.user_id() OR app.is_admin()))
         OR token_hash = app.lookup_token());
CREATE POLICY refresh_tokens_write ON refresh_tokens FOR ALL
  USING (company_id = app.company_id() AND (user_id = app.user_id() OR app.is_admin()))
  WITH CHECK (company_id = app.company_id() AND (user_id = app.user_id() OR app.is_admin()));

ALTER TABLE auth_tokens ENABLE ROW LEVEL SECURITY;
ALTER TABLE auth_tokens FORCE ROW LEVEL SECURITY;
CREATE POLICY auth_tokens_select ON auth_tokens FOR SELECT
  USING ((company_id = app.company_id() AND user_id = app.user_id()) OR token_hash = app.lookup_token());
CREATE POLICY auth_tokens_write ON auth_tokens FOR ALL
  USING (company_id = app.company_id() AND user_id = app.user_id())
  WITH CHECK (company_id = app.company_id() AND user_id = app.user_id());

ALTER TABLE work_agreements ENABLE ROW LEVEL SECURITY;
ALTER TABLE work_agreements FORCE ROW LEVEL SECURITY;
CREATE POLICY work_agreements_select ON work_agreements FOR SELECT
  USING (company_id = app.company_id() AND app.can_see_user(user_id));
CREATE POLICY work_agreements_insert ON work_agreements FOR INSERT
  WITH CHECK (company_id = app.company_id() AND app.is_admin());
-- Admins propose and revoke; the employee accepts, declines or revokes their own.
CREATE POLICY work_agreements_update ON work_agreements FOR UPDATE
  USING (company_id = app.company_id() AND (app.is_admin() OR user_id = app.user_id()))
  WITH CHECK (company_id = app.company_id() AND (app.is_admin() OR user_id = app.user_id()));

ALTER TABLE audit_logs ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_logs FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_logs_select ON audit_logs FOR SELECT USING (company_id = app.company_id() AND app.is_admin());
CREATE POLICY audit_logs_insert ON audit_logs FOR INSERT
  WITH CHECK (company_id IS NULL OR company_id = app.company_id());

-- Privileges: the app may read and write rows (RLS decides which), never change the schema; audit is append-only.
GRANT USAGE ON SCHEMA app TO workmonitor_app;
GRANT USAGE ON SCHEMA public TO workmonitor_app;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA app TO workmonitor_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON companies, users, manager_assignments, invitations, refresh_tokens,
  auth_tokens, work_agreements TO workmonitor_app;
GRANT SELECT, INSERT ON audit_logs TO workmonitor_app;
