-- Idempotency keys only need to outlive a client's retries: a daily job (scheduler -> jobs.cleanup) deletes
-- those older than a week, acting per company with 'system' claims, so RLS still scopes it to one company.
-- (A DELETE with a WHERE clause also needs the rows visible through a SELECT policy.)
CREATE INDEX idempotency_keys_age_idx ON idempotency_keys (company_id, created_at);
CREATE POLICY idempotency_keys_system_read ON idempotency_keys FOR SELECT
  USING (company_id = app.company_id() AND app.role() = 'system');
CREATE POLICY idempotency_keys_system_cleanup ON idempotency_keys FOR DELETE
  USING (company_id = app.company_id() AND app.role() = 'system');
