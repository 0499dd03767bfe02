-- Accounts: one identity per person (people), one membership per company (users), sessions per device, and
-- narrow SECURITY DEFINER lookups for the entry points that have no signed-in user yet.
--
-- What must stay true:
-- - `users` keeps one row per (person, company): every other function keeps joining users by id and company.
--   Email and password belong to the person, so a freelancer signs in once to any of their companies.
-- - No policy is widened for an unauthenticated lookup: each lookup is one SECURITY DEFINER function that
--   takes the secret (or the email), returns only the columns its caller needs, and runs as the owner with a
--   fixed search_path; only the application role may execute it.

-- People: the identity (email, password, second factor) shared by a person's memberships ----------------------

CREATE TABLE people (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email          text NOT NULL CHECK (email = lower(email) AND length(email) <= 254),
  password_hash  text,
  otp_enabled    boolean NOT NULL DEFAULT false,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT people_email_key UNIQUE (email)
);

INSERT INTO people (email, password_hash, otp_enabled, created_at)
SELECT email, password_hash, otp_enabled, created_at FROM users;

ALTER TABLE users ADD COLUMN person_id uuid REFERENCES people(id) ON DELETE CASCADE;
UPDATE users u SET person_id = p.id FROM people p WHERE p.email = u.email;
ALTER TABLE users ALTER COLUMN person_id SET NOT NULL;
ALTER TABLE users DROP COLUMN password_hash;
ALTER TABLE users DROP COLUMN otp_enabled;
-- One membership per person and company; an address is unique within a company, no longer installation-wide.
DROP INDEX users_email_key;
CREATE UNIQUE INDEX users_company_email_key ON users (company_id, email);
CREATE UNIQUE INDEX users_person_company_key ON users (person_id, company_id);

-- The person behind the current claims (the signed-in membership), or NULL.
CREATE FUNCTION app.person_id() RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT u.person_id FROM users u WHERE u.id = app.user_id() AND u.company_id = app.company_id()
$$;

ALTER TABLE people ENABLE ROW LEVEL SECURITY;
ALTER TABLE people FORCE ROW LEVEL SECURITY;
-- Colleagues see a member's identity (the directory shows whether two-step sign-in is on); nobody else does.
CREATE POLICY people_select ON people FOR SELECT
  USING (EXISTS (SELECT 1 FROM users u WHERE u.person_id = people.id AND u.company_id = app.company_id()));
-- Signup creates the identity of the company's first admin (acting as that admin); invitations use
-- app.accept_invitation below.
CREATE POLICY people_insert ON people FOR INSERT WITH CHECK (app.company_id() IS NOT NULL AND app.is_admin());
CREATE POLICY people_update ON people FOR UPDATE USING (id = app.person_id()) WITH CHECK (id = app.person_id());

CREATE FUNCTION app.guard_person_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.email IS DISTINCT FROM OLD.email THEN
    RAISE EXCEPTION 'an identity''s email does not change here' USING ERRCODE = 'insufficient_privilege';
  END IF;
  NEW.updated_at := now();
  RETURN NEW;
END $$;
CREATE TRIGGER people_guard BEFORE UPDATE ON people FOR EACH ROW EXECUTE FUNCTION app.guard_person_update();

-- Sessions per device: the device travels with the refresh family ------------------------------------------

ALTER TABLE refresh_tokens ADD COLUMN device_id text CHECK (length(device_id) <= 200);
ALTER TABLE refresh_tokens ADD COLUMN device_name text CHECK (length(device_name) <= 200);
-- The token this one replaced: a rotated token whose successor was never used is a concurrent refresh of the
-- same device (honoured for REFRESH_GRACE_SECONDS); one whose successor was used has been copied.
ALTER TABLE refresh_tokens ADD COLUMN rotated_from uuid REFERENCES refresh_tokens(id) ON DELETE SET NULL;
CREATE INDEX refresh_tokens_rotated_from_idx ON refresh_tokens (rotated_from);

-- Policies without the lookup claims ----------------------------------------------------------------------

DROP POLICY users_select ON users;
CREATE POLICY users_select ON users FOR SELECT USING (company_id = app.company_id());
DROP POLICY invitations_select ON invitations;
CREATE POLICY invitations_select ON invitations FOR SELECT
  USING (company_id = app.company_id() AND (app.is_admin() OR app.role() = 'manager'));
DROP POLICY refresh_tokens_select ON refresh_tokens;
CREATE POLICY refresh_tokens_select ON refresh_tokens FOR SELECT
  USING (company_id = app.company_id() AND (user_id = app.user_id() OR app.is_admin()));
DROP POLICY auth_tokens_select ON auth_tokens;
CREATE POLICY auth_tokens_select ON auth_tokens FOR SELECT
  USING (company_id = app.company_id() AND user_id = app.user_id());
DROP FUNCTION app.lookup_email();
DROP FUNCTION app.lookup_token();

-- The owner reads what its SECURITY DEFINER functions read even when it is not a superuser (FORCE applies to
-- owners too). The application role never is the owner, so these policies never apply to it.
CREATE POLICY people_owner ON people TO CURRENT_USER USING (true) WITH CHECK (true);
CREATE POLICY users_owner ON users TO CURRENT_USER USING (true) WITH CHECK (true);
CREATE POLICY companies_owner ON companies FOR SELECT TO CURRENT_USER USING (true);
CREATE POLICY invitations_owner ON invitations TO CURRENT_USER USING (true) WITH CHECK (true);
CREATE POLICY refresh_tokens_owner ON refresh_tokens TO CURRENT_USER USING (true) WITH CHECK (true);
CREATE POLICY auth_tokens_owner ON auth_tokens FOR SELECT TO CURRENT_USER USING (true);

-- Narrow lookups (SECURITY DEFINER) -----------------------------------------------------------------------

-- Sign-in (and the reset request) by email: the identity and each of its memberships, one row per company.
CREATE FUNCTION app.login_lookup(p_email text)
RETURNS TABLE (person_id uuid, email text, password_hash text, otp_enabled boolean, user_id uuid, company_id uuid,
               company_name text, role text, status text, last_login_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT p.id, p.email, p.password_hash, p.otp_enabled, u.id, u.company_id, c.name, u.role, u.status,
         u.last_login_at
  FROM people p JOIN users u ON u.person_id = p.id JOIN companies c ON c.id = u.company_id
  WHERE p.email = lower(p_email)
  ORDER BY u.last_login_at DESC NULLS LAST, u.created_at
$$;

-- Refresh: the token's owner and state, found by the keyed hash of the presented token.
CREATE FUNCTION app.refresh_token_lookup(p_token_hash text)
RETURNS TABLE (id uuid, company_id uuid, user_id uuid, family_id uuid, expires_at timestamptz,
               rotated_at timestamptz, revoked_at timestamptz, device_id text, device_name text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT t.id, t.company_id, t.user_id, t.family_id, t.expires_at, t.rotated_at, t.revoked_at, t.device_id,
         t.device_name
  FROM refresh_tokens t WHERE t.token_hash = p_token_hash
$$;

-- Password reset links and sign-in code challenges, found by the keyed hash of the emailed secret.
CREATE FUNCTION app.auth_token_lookup(p_token_hash text)
RETURNS TABLE (id uuid, company_id uuid, user_id uuid, kind text, code_hash text, attempts int,
               expires_at timestamptz, used_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT t.id, t.company_id, t.user_id, t.kind, t.code_hash, t.attempts, t.expires_at, t.used_at
  FROM auth_tokens t WHERE t.token_hash = p_token_hash
$$;

-- An invitation by its link, and the invitee's existing password hash when the address already has an identity.
CREATE FUNCTION app.invitation_lookup(p_token_hash text)
RETURNS TABLE (id uuid, company_id uuid, email text, name text, role text, expires_at timestamptz,
               accepted_at timestamptz, revoked_at timestamptz, person_id uuid, password_hash text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT i.id, i.company_id, i.email, i.name, i.role, i.expires_at, i.accepted_at, i.revoked_at, p.id,
         p.password_hash
  FROM invitations i LEFT JOIN people p ON p.email = i.email WHERE i.token_hash = p_token_hash
$$;

-- Accepting an invitation: the link is the proof. Creates the identity when the address has none (with
-- `p_password_hash`; an existing identity keeps its password, checked by the caller), the membership with the
-- invited role, and closes the invitation. Returns the new membership's ids.
CREATE FUNCTION app.accept_invitation(p_token_hash text, p_name text, p_timezone text, p_password_hash text)
RETURNS TABLE (user_id uuid, company_id uuid)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
#variable_conflict use_column
DECLARE
  inv invitations%ROWTYPE;
  pid uuid;
  uid uuid := gen_random_uuid();
BEGIN
  UPDATE invitations i SET accepted_at = now()
  WHERE i.token_hash = p_token_hash AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()
  RETURNING * INTO inv;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'wm:invitation_used: This invitation can no longer be accepted.';
  END IF;
  INSERT INTO people (email, password_hash) VALUES (inv.email, p_password_hash)
  ON CONFLICT (email) DO NOTHING RETURNING id INTO pid;
  IF pid IS NULL THEN
    SELECT p.id INTO pid FROM people p WHERE p.email = inv.email;
  END IF;
  INSERT INTO users (id, company_id, email, name, role, timezone, person_id)
  VALUES (uid, inv.company_id, inv.email, p_name, inv.role, p_timezone, pid);
  RETURN QUERY SELECT uid, inv.company_id;
END $$;

-- The signed-in person's memberships (switching company, the company list): no argument, so no other person's.
CREATE FUNCTION app.my_memberships()
RETURNS TABLE (user_id uuid, company_id uuid, company_name text, role text, status text, last_login_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT u.id, u.company_id, c.name, u.role, u.status, u.last_login_at
  FROM users u JOIN companies c ON c.id = u.company_id
  WHERE u.person_id = (SELECT me.person_id FROM users me WHERE me.id = app.user_id() AND me.company_id = app.company_id())
  ORDER BY u.last_login_at DESC NULLS LAST, u.created_at
$$;

-- A password reset signs the person out everywhere: revoke the sessions of every membership of the signed-in
-- person; returns the revoked families (their access tokens are blocked in Redis by the caller).
CREATE FUNCTION app.revoke_my_sessions()
RETURNS TABLE (family_id uuid)
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  UPDATE refresh_tokens t SET revoked_at = now()
  WHERE t.revoked_at IS NULL AND t.user_id IN (
    SELECT u.id FROM users u
    WHERE u.person_id = (SELECT me.person_id FROM users me WHERE me.id = app.user_id() AND me.company_id = app.company_id()))
  RETURNING t.family_id
$$;

DO $$
DECLARE fn text;
BEGIN
  FOREACH fn IN ARRAY ARRAY['app.login_lookup(text)', 'app.refresh_token_lookup(text)', 'app.auth_token_lookup(text)',
                            'app.invitation_lookup(text)', 'app.accept_invitation(text, text, text, text)',
                            'app.my_memberships()', 'app.revoke_my_sessions()']
  LOOP
    EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', fn);
    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO workmonitor_app', fn);
  END LOOP;
END $$;

GRANT EXECUTE ON FUNCTION app.person_id() TO workmonitor_app;
GRANT SELECT, INSERT, UPDATE ON people TO workmonitor_app;
