-- The public API (issue 17): personal API tokens and outgoing webhooks.
--
-- What must stay true:
-- - A personal token is stored as its keyed hash only (workmonitor.security.token_hash); the plain token is shown
--   once. app.api_token_auth() is the one way in: it answers only for a live token (not revoked, not expired) of
--   an active membership, every request, so revoking is immediate. It returns the owner's own role: a token never
--   carries more than its user has.
-- - Tokens: a user reads and revokes their own; an admin reads and revokes every token of the company.
-- - Webhook endpoints (with their signing secrets) are admin-only. Any action of the company may emit an event:
--   app.webhook_emit() records one delivery per subscribed, enabled endpoint without showing the endpoints to
--   the caller. Deliveries are sent by a job (role 'job'), which reads and updates them and the endpoints.

CREATE TABLE api_tokens (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id    uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  user_id       uuid NOT NULL,
  name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  prefix        text NOT NULL CHECK (length(prefix) BETWEEN 4 AND 16),
  token_hash    text NOT NULL UNIQUE,
  scopes        text[] NOT NULL CHECK (cardinality(scopes) BETWEEN 1 AND 40
                  AND array_to_string(scopes, ',') ~ '^(([a-z-]+:)?(read|write))(,([a-z-]+:)?(read|write))*$'),
  expires_at    timestamptz,
  last_used_at  timestamptz,
  revoked_at    timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (company_id, user_id) REFERENCES users (company_id, id) ON DELETE CASCADE
);
CREATE INDEX api_tokens_user_idx ON api_tokens (company_id, user_id, created_at DESC);
ALTER TABLE api_tokens ENABLE ROW LEVEL SECURITY;
ALTER TABLE api_tokens FORCE ROW LEVEL SECURITY;
CREATE POLICY api_tokens_select ON api_tokens FOR SELECT
  USING (company_id = app.company_id() AND (user_id = app.user_id() OR app.is_admin()));
CREATE POLICY api_tokens_insert ON api_tokens FOR INSERT
  WITH CHECK (company_id = app.company_id() AND user_id = app.user_id());
CREATE POLICY api_tokens_update ON api_tokens FOR UPDATE
  USING (company_id = app.company_id() AND (user_id = app.user_id() OR app.is_admin()))
  WITH CHECK (company_id = app.company_id());
CREATE POLICY api_tokens_owner ON api_tokens TO CURRENT_USER USING (true) WITH CHECK (true);

-- The live token of a hash with its owner's claims; notes the use (at most once a minute per token).
CREATE FUNCTION app.api_token_auth(p_token_hash text)
RETURNS TABLE (token_id uuid, user_id uuid, company_id uuid, role text, scopes text[])
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  WITH live AS (
    SELECT t.id, t.user_id, t.company_id, u.role, t.scopes, t.last_used_at
    FROM api_tokens t JOIN users u ON u.id = t.user_id AND u.company_id = t.company_id
    WHERE t.token_hash = p_token_hash AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())
      AND u.status = 'active'
  ), touched AS (
    UPDATE api_tokens t SET last_used_at = now() FROM live
    WHERE t.id = live.id AND (live.last_used_at IS NULL OR live.last_used_at < now() - interval '1 minute')
  )
  SELECT id, user_id, company_id, role, scopes FROM live
$$;

CREATE TABLE webhook_endpoints (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id     uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  url            text NOT NULL CHECK (length(url) BETWEEN 8 AND 2000),
  description    text CHECK (length(description) <= 500),
  events         text[] NOT NULL CHECK (cardinality(events) BETWEEN 1 AND 50),
  secret         text NOT NULL,
  enabled        boolean NOT NULL DEFAULT true,
  disabled_reason text,
  failing_since  timestamptz,
  created_by     uuid,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (company_id, id),
  FOREIGN KEY (company_id, created_by) REFERENCES users (company_id, id) ON DELETE SET NULL (created_by)
);
ALTER TABLE webhook_endpoints ENABLE ROW LEVEL SECURITY;
ALTER TABLE webhook_endpoints FORCE ROW LEVEL SECURITY;
CREATE POLICY webhook_endpoints_admin ON webhook_endpoints
  USING (company_id = app.company_id() AND app.is_admin())
  WITH CHECK (company_id = app.company_id() AND app.is_admin());
CREATE POLICY webhook_endpoints_job_select ON webhook_endpoints FOR SELECT
  USING (company_id = app.company_id() AND app.is_job());
CREATE POLICY webhook_endpoints_job_update ON webhook_endpoints FOR UPDATE
  USING (company_id = app.company_id() AND app.is_job()) WITH CHECK (company_id = app.company_id() AND app.is_job());
CREATE POLICY webhook_endpoints_owner ON webhook_endpoints TO CURRENT_USER USING (true) WITH CHECK (true);

CREATE TABLE webhook_deliveries (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id       uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  endpoint_id      uuid NOT NULL,
  event            text NOT NULL CHECK (length(event) <= 100),
  payload          jsonb NOT NULL,
  status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'retrying', 'failed')),
  attempts         int NOT NULL DEFAULT 0,
  response_status  int,
  duration_ms      int,
  last_error       text,
  next_retry_at    timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  delivered_at     timestamptz,
  FOREIGN KEY (company_id, endpoint_id) REFERENCES webhook_endpoints (company_id, id) ON DELETE CASCADE
);
CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (endpoint_id, created_at DESC);
ALTER TABLE webhook_deliveries ENABLE ROW LEVEL SECURITY;
ALTER TABLE webhook_deliveries FORCE ROW LEVEL SECURITY;
CREATE POLICY webhook_deliveries_admin_select ON webhook_deliveries FOR SELECT
  USING (company_id = app.company_id() AND app.is_admin());
CREATE POLICY webhook_deliveries_job_select ON webhook_deliveries FOR SELECT
  USING (company_id = app.company_id() AND app.is_job());
CREATE POLICY webhook_deliveries_job_update ON webhook_deliveries FOR UPDATE
  USING (company_id = app.company_id() AND app.is_job()) WITH CHECK (company_id = app.company_id() AND app.is_job());
CREATE POLICY webhook_deliveries_owner ON webhook_deliveries TO CURRENT_USER USING (true) WITH CHECK (true);

-- Record one delivery of `p_event` per enabled endpoint of the caller's company subscribed to it (or to '*');
-- return the delivery ids (the caller enqueues one send job per id).
CREATE FUNCTION app.webhook_emit(p_event text, p_payload jsonb)
RETURNS TABLE (delivery_id uuid)
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  INSERT INTO webhook_deliveries (company_id, endpoint_id, event, payload)
  SELECT w.company_id, w.id, p_event, p_payload FROM webhook_endpoints w
  WHERE w.company_id = app.company_id() AND w.enabled AND (p_event = ANY (w.events) OR '*' = ANY (w.events))
  RETURNING id
$$;

DO $$
DECLARE fn text;
BEGIN
  FOREACH fn IN ARRAY ARRAY['app.api_token_auth(text)', 'app.webhook_emit(text, jsonb)']
  LOOP
    EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', fn);
    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO workmonitor_app', fn);
  END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE ON api_tokens TO workmonitor_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON webhook_endpoints TO workmonitor_app;
GRANT SELECT, UPDATE ON webhook_deliveries TO workmonitor_app;
