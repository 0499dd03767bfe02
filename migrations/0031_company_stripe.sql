-- Client invoices paid online: each company's OWN Stripe account (secret key + webhook signing secret).
--
-- What must stay true:
-- - the key and the webhook secret are stored only encrypted (AES-256-GCM, workmonitor.integrations.crypto, bound
--   to the purpose and the company); the API never answers them, only "configured" and the key's last 4;
-- - only the company's admins read or write the row; the per-company webhook endpoint (no signed-in user) reads
--   the encrypted webhook secret through app.company_stripe_webhook_secret, a narrow SECURITY DEFINER lookup by
--   company id; no policy is widened for it.

CREATE TABLE company_stripe_accounts (
  company_id          uuid PRIMARY KEY REFERENCES companies(id) ON DELETE CASCADE,
  secret_key_enc      text NOT NULL CHECK (length(secret_key_enc) <= 2000),
  key_last4           text NOT NULL CHECK (length(key_last4) <= 4),
  webhook_secret_enc  text CHECK (length(webhook_secret_enc) <= 2000),
  updated_by          uuid,
  updated_at          timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE company_stripe_accounts ENABLE ROW LEVEL SECURITY;
ALTER TABLE company_stripe_accounts FORCE ROW LEVEL SECURITY;
CREATE POLICY company_stripe_accounts_admin ON company_stripe_accounts FOR ALL
  USING (company_id = app.company_id() AND app.is_admin())
  WITH CHECK (company_id = app.company_id() AND app.is_admin());
GRANT SELECT, INSERT, UPDATE, DELETE ON company_stripe_accounts TO workmonitor_app;
-- The owner reads what its SECURITY DEFINER lookup reads (FORCE applies to owners too).
CREATE POLICY company_stripe_accounts_owner ON company_stripe_accounts FOR SELECT TO CURRENT_USER USING (true);

-- The encrypted webhook signing secret of company `p_company` (NULL when none): the webhook verifies with it.
CREATE FUNCTION app.company_stripe_webhook_secret(p_company uuid)
RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT s.webhook_secret_enc FROM company_stripe_accounts s WHERE s.company_id = p_company
$$;
REVOKE ALL ON FUNCTION app.company_stripe_webhook_secret(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.company_stripe_webhook_secret(uuid) TO workmonitor_app;
