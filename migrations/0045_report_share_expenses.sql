-- Client share links over expenses (issue 17): a link shows either its client's time or its client's expenses.
--
-- What must stay true:
-- - A share never reads payroll: `source` is time or expenses, nothing else, and no share function reads a payroll
--   table.
-- - An expense share shows only APPROVED, BILLABLE expenses of the link's client's projects (what the client is
--   billed for), without the person or the note; the SECURITY DEFINER function answers only while the link is live
--   and only when the link is an expense link. No policy is widened for the anonymous reader (see 0033).

ALTER TABLE report_shares ADD COLUMN source text NOT NULL DEFAULT 'time' CHECK (source IN ('time', 'expenses'));
ALTER TABLE report_shares DROP CONSTRAINT report_shares_group_by_check;
ALTER TABLE report_shares ADD CONSTRAINT report_shares_group_by_check
  CHECK (group_by IN ('project', 'task', 'category', 'day', 'week', 'month'));
ALTER TABLE report_shares ADD CONSTRAINT report_shares_grouping_fits_source
  CHECK ((source = 'time' AND group_by <> 'category') OR (source = 'expenses' AND group_by <> 'task'));

-- Owner reads for the share function (see 0033's header).
CREATE POLICY expenses_owner ON expenses FOR SELECT TO CURRENT_USER USING (true);
CREATE POLICY expense_categories_owner ON expense_categories FOR SELECT TO CURRENT_USER USING (true);

-- The lookup now says which source the link shows (the return type changes: drop and create).
DROP FUNCTION app.report_share_lookup(text);
CREATE FUNCTION app.report_share_lookup(p_token_hash text)
RETURNS TABLE (id uuid, company_id uuid, company_name text, timezone text, client_id uuid, client_name text,
               name text, source text, group_by text, expires_at timestamptz)
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  UPDATE report_shares s SET last_viewed_at = now()
  FROM companies co, clients c
  WHERE s.token_hash = p_token_hash AND s.revoked_at IS NULL AND s.expires_at > now()
    AND co.id = s.company_id AND c.id = s.client_id AND c.company_id = s.company_id
  RETURNING s.id, s.company_id, co.name, co.timezone, s.client_id, c.name, s.name, s.source, s.group_by, s.expires_at
$$;

-- The approved billable expenses of a live expense share's client's projects, spent on days p_first..p_last.
CREATE FUNCTION app.report_share_expenses(p_token_hash text, p_first date, p_last date)
RETURNS TABLE (day date, currency text, amount_minor bigint, project_id uuid, project_name text, client_id uuid,
               client_name text, category_id uuid, category_name text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT x.spent_on, x.currency::text, x.amount_minor, p.id, p.name, c.id, c.name, k.id, k.name
  FROM report_shares s
  JOIN clients c ON c.id = s.client_id AND c.company_id = s.company_id
  JOIN projects p ON p.client_id = s.client_id AND p.company_id = s.company_id
  JOIN expenses x ON x.project_id = p.id AND x.company_id = s.company_id
  JOIN expense_categories k ON k.id = x.category_id AND k.company_id = s.company_id
  WHERE s.token_hash = p_token_hash AND s.revoked_at IS NULL AND s.expires_at > now() AND s.source = 'expenses'
    AND x.status = 'approved' AND x.billable AND x.spent_on BETWEEN p_first AND p_last
  ORDER BY x.spent_on, x.id
$$;

-- A time share reads time only (the old function answered any live link).
CREATE OR REPLACE FUNCTION app.report_share_entries(p_token_hash text, p_start timestamptz, p_end timestamptz)
RETURNS TABLE (started_at timestamptz, ended_at timestamptz, billable boolean, project_id uuid, project_name text,
               task_id uuid, task_name text, client_id uuid, client_name text, description text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT e.started_at, e.ended_at, e.billable, p.id, p.name, t.id, t.name, c.id, c.name, e.description
  FROM report_shares s
  JOIN clients c ON c.id = s.client_id AND c.company_id = s.company_id
  JOIN projects p ON p.client_id = s.client_id AND p.company_id = s.company_id
  JOIN time_entries e ON e.project_id = p.id AND e.company_id = s.company_id
  LEFT JOIN tasks t ON t.id = e.task_id
  WHERE s.token_hash = p_token_hash AND s.revoked_at IS NULL AND s.expires_at > now() AND s.source = 'time'
    AND e.ended_at IS NOT NULL AND e.started_at >= p_start AND e.started_at < p_end
  ORDER BY e.started_at
$$;

DO $$
DECLARE fn text;
BEGIN
  FOREACH fn IN ARRAY ARRAY['app.report_share_lookup(text)', 'app.report_share_expenses(text, date, date)']
  LOOP
    EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', fn);
    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO workmonitor_app', fn);
  END LOOP;
END $$;
