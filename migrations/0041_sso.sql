-- Single sign-on with OpenID Connect per company: the provider, the email domains it vouches for, optional
-- just-in-time provisioning of employees, and "SSO required" (passwords refused).
--
-- What must stay true:
-- - Only admins read or change a company's provider; the client secret is stored encrypted.
-- - A domain belongs to one company installation-wide (the sign-in entry point finds the company by it).
-- - The entry points have no signed-in user: app.sso_lookup finds the provider by domain and
--   app.sso_provision creates an employee only where that company turned provisioning on for that domain.

ALTER TABLE companies ADD COLUMN sso_required boolean NOT NULL DEFAULT false;

CREATE TABLE sso_providers (
  company_id         uuid PRIMARY KEY REFERENCES companies(id) ON DELETE CASCADE,
  issuer             text NOT NULL CHECK (issuer ~ '^https?://' AND length(issuer) <= 500),
  client_id          text NOT NULL CHECK (length(client_id) BETWEEN 1 AND 500),
  client_secret_enc  text,
  jit_provisioning   boolean NOT NULL DEFAULT false,
  enabled            boolean NOT NULL DEFAULT true,
  updated_by         uuid,
  updated_at         timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sso_domains (
  domain      text PRIMARY KEY CHECK (domain = lower(domain) AND domain ~ '^[a-z0-9.-]+\.[a-z]{2,}$'),
  company_id  uuid NOT NULL REFERENCES sso_providers(company_id) ON DELETE CASCADE
);
CREATE INDEX sso_domains_company_idx ON sso_domains (company_id);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['sso_providers', 'sso_domains'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR ALL USING (company_id = app.company_id() AND app.is_admin())'
                   ' WITH CHECK (company_id = app.company_id() AND app.is_admin())', t || '_admin', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO workmonitor_app', t);
  END LOOP;
END $$;

CREATE FUNCTION app.sso_lookup(p_domain text)
RETURNS TABLE (company_id uuid, issuer text, client_id text, client_secret_enc text, jit_provisioning boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT p.company_id, p.issuer, p.client_id, p.client_secret_enc, p.jit_provisioning
  FROM sso_domains d JOIN sso_providers p ON p.company_id = d.company_id
  WHERE d.domain = lower(p_domain) AND p.enabled
$$;

-- Just-in-time provisioning: an employee of `p_company` for `p_email`, only when the company provisions through
-- SSO and the address is in one of its domains; an existing identity is reused (it keeps its password).
CREATE FUNCTION app.sso_provision(p_company uuid, p_email text, p_name text)
RETURNS uuid
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  pid uuid;
  uid uuid := gen_random_uuid();
BEGIN
  IF NOT EXISTS (SELECT 1 FROM sso_providers p JOIN sso_domains d ON d.company_id = p.company_id
                 WHERE p.company_id = p_company AND p.enabled AND p.jit_provisioning
                   AND d.domain = split_part(lower(p_email), '@', 2)) THEN
    RAISE EXCEPTION 'wm:sso_no_provisioning: This company does not create accounts at sign-in.';
  END IF;
  INSERT INTO people (email) VALUES (lower(p_email)) ON CONFLICT (email) DO NOTHING RETURNING id INTO pid;
  IF pid IS NULL THEN
    SELECT p.id INTO pid FROM people p WHERE p.email = lower(p_email);
  END IF;
  INSERT INTO users (id, company_id, email, name, role, timezone, person_id)
  SELECT uid, p_company, lower(p_email), p_name, 'employee', c.timezone, pid FROM companies c WHERE c.id = p_company;
  RETURN uid;
END $$;

REVOKE ALL ON FUNCTION app.sso_lookup(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION app.sso_provision(uuid, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.sso_lookup(text) TO workmonitor_app;
GRANT EXECUTE ON FUNCTION app.sso_provision(uuid, text, text) TO workmonitor_app;
CREATE POLICY sso_providers_owner ON sso_providers FOR SELECT TO CURRENT_USER USING (true);
CREATE POLICY sso_domains_owner ON sso_domains FOR SELECT TO CURRENT_USER USING (true);
