-- AI insights: an optional model writes a narrative on top of the SQL insight numbers (workmonitor.integrations.ai).
--
-- What must stay true:
-- - Off by default: a company without an ai_settings row (or with enabled = false) sends nothing to any model.
-- - Aggregates only by default; window titles and URLs leave only when an admin set allow_titles.
-- - Only admins change the settings (audited) and read the request log; the log holds what kind of data was sent
--   and the token counts, never the prompt or the completion.

CREATE TABLE ai_settings (
  company_id      uuid PRIMARY KEY REFERENCES companies(id) ON DELETE CASCADE,
  enabled         boolean NOT NULL DEFAULT false,
  allow_titles    boolean NOT NULL DEFAULT false,
  updated_by      uuid,
  updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE ai_requests (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id        uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  requested_by      uuid NOT NULL,
  subject_user_id   uuid NOT NULL,
  data_kind         text NOT NULL CHECK (data_kind IN ('aggregates', 'aggregates_and_titles')),
  model             text NOT NULL CHECK (length(model) <= 200),
  status            text NOT NULL CHECK (status IN ('ok', 'failed')),
  prompt_tokens     int,
  completion_tokens int,
  created_at        timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX ai_requests_company_idx ON ai_requests (company_id, created_at DESC);

ALTER TABLE ai_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE ai_settings FORCE ROW LEVEL SECURITY;
-- everyone of the company reads whether it is on (the narrative route checks it for the caller)
CREATE POLICY ai_settings_select ON ai_settings FOR SELECT USING (company_id = app.company_id());
CREATE POLICY ai_settings_admin_write ON ai_settings FOR ALL
  USING (company_id = app.company_id() AND app.is_admin()) WITH CHECK (company_id = app.company_id() AND app.is_admin());

ALTER TABLE ai_requests ENABLE ROW LEVEL SECURITY;
ALTER TABLE ai_requests FORCE ROW LEVEL SECURITY;
CREATE POLICY ai_requests_admin_select ON ai_requests FOR SELECT
  USING (company_id = app.company_id() AND app.is_admin());
-- whoever asks logs their own request
CREATE POLICY ai_requests_own_insert ON ai_requests FOR INSERT
  WITH CHECK (company_id = app.company_id() AND requested_by = app.user_id());

GRANT SELECT, INSERT, UPDATE ON ai_settings TO workmonitor_app;
GRANT SELECT, INSERT ON ai_requests TO workmonitor_app;
