-- Working-time rules per company (a preset such as Germany's ArbZG or the EU directive, with overrides), the
-- violations found when a week is submitted, and unpaid breaks deducted automatically (recorded, never silent).
--
-- What must stay true:
-- - Everyone in the company reads the rules (the timesheet shows them); only admins change them.
-- - Flags and deductions are written by the submitting employee's own request (user_id = the caller) and read by
--   whoever may see that employee (themselves, their managers, admins); they are never edited afterwards.

CREATE TABLE working_time_rules (
  company_id  uuid PRIMARY KEY REFERENCES companies(id) ON DELETE CASCADE,
  preset      text NOT NULL DEFAULT 'de_arbzg' CHECK (preset IN ('de_arbzg', 'eu_wtd')),
  overrides   jsonb NOT NULL DEFAULT '{}'::jsonb,
  updated_by  uuid,
  updated_at  timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE working_time_rules ENABLE ROW LEVEL SECURITY;
ALTER TABLE working_time_rules FORCE ROW LEVEL SECURITY;
CREATE POLICY working_time_rules_select ON working_time_rules FOR SELECT USING (company_id = app.company_id());
CREATE POLICY working_time_rules_write ON working_time_rules FOR ALL
  USING (company_id = app.company_id() AND app.is_admin()) WITH CHECK (company_id = app.company_id() AND app.is_admin());
GRANT SELECT, INSERT, UPDATE ON working_time_rules TO workmonitor_app;

CREATE TABLE worktime_flags (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id    uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  user_id       uuid NOT NULL,
  period_start  date NOT NULL,
  period_end    date NOT NULL,
  violations    jsonb NOT NULL,
  flagged_at    timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (company_id, user_id) REFERENCES users (company_id, id) ON DELETE CASCADE
);
CREATE INDEX worktime_flags_user_idx ON worktime_flags (company_id, user_id, period_start);

CREATE TABLE break_deductions (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id  uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  user_id     uuid NOT NULL,
  day         date NOT NULL,
  minutes     int NOT NULL CHECK (minutes > 0),
  rule        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (company_id, user_id) REFERENCES users (company_id, id) ON DELETE CASCADE,
  UNIQUE (user_id, day)
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['worktime_flags', 'break_deductions'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR SELECT USING (company_id = app.company_id()'
                   ' AND ((SELECT app.is_admin()) OR user_id = ANY ((SELECT app.visible_users())::uuid[])))',
                   t || '_select', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR INSERT WITH CHECK (company_id = app.company_id()'
                   ' AND user_id = app.user_id())', t || '_insert', t);
    EXECUTE format('GRANT SELECT, INSERT ON %I TO workmonitor_app', t);
  END LOOP;
END $$;
