-- Finance, part 1: settings, wage rates, holidays, payroll runs and their lines, payslips, expenses.
--
-- What must stay true:
-- - Amounts are bigint minor units with an ISO 4217 currency; rates are numeric (major units per hour, or per
--   year for a salary). Rounding happens once, per line, half-up to the minor unit (workmonitor.finance.money).
-- - A payroll run's sources (entries, leave, expenses) are recorded in payroll_sources; when the run is
--   finalized they become `finalized` and a unique index makes each source payable once. From then on the
--   triggers below refuse to change them (RAISE 'wm:period_paid:...', answered as 423 Locked): a correction is
--   an adjustment line in a later run.
-- - Payroll is an admin's business: employees (and managers) see only their own payslips and lines.

CREATE TABLE finance_settings (
  company_id            uuid PRIMARY KEY REFERENCES companies(id) ON DELETE CASCADE,
  currency              char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  pay_frequency         text NOT NULL DEFAULT 'monthly'
                        CHECK (pay_frequency IN ('weekly', 'biweekly', 'semimonthly', 'monthly')),
  period_anchor         date NOT NULL DEFAULT DATE '2024-01-01',   -- a first day of a bi-weekly period
  daily_overtime_hours  numeric(5, 2) CHECK (daily_overtime_hours > 0),
  weekly_overtime_hours numeric(5, 2) CHECK (weekly_overtime_hours > 0),
  overtime_multiplier   numeric(5, 3) NOT NULL DEFAULT 1.5 CHECK (overtime_multiplier >= 1),
  weekend_premium       numeric(5, 3) NOT NULL DEFAULT 0 CHECK (weekend_premium >= 0),   -- extra fraction
  holiday_premium       numeric(5, 3) NOT NULL DEFAULT 0 CHECK (holiday_premium >= 0),
  leave_hours_per_day   numeric(5, 2) NOT NULL DEFAULT 8 CHECK (leave_hours_per_day > 0),
  default_hourly_rate   numeric(14, 4) CHECK (default_hourly_rate >= 0),                 -- invoices
  invoice_format        text NOT NULL DEFAULT 'INV-{YYYY}-{seq:04}' CHECK (length(invoice_format) <= 60),
  credit_note_format    text NOT NULL DEFAULT 'CN-{YYYY}-{seq:04}' CHECK (length(credit_note_format) <= 60),
  payment_terms_days    int NOT NULL DEFAULT 14 CHECK (payment_terms_days BETWEEN 0 AND 365),
  default_tax_rate      numeric(6, 3) NOT NULL DEFAULT 0 CHECK (default_tax_rate BETWEEN 0 AND 100),
  legal_name            text CHECK (length(legal_name) <= 200),
  address               text CHECK (length(address) <= 1000),
  tax_id                text CHECK (length(tax_id) <= 100),
  payment_details       text CHECK (length(payment_details) <= 1000),
  logo_key              text CHECK (length(logo_key) <= 500),
  updated_at            timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE holidays (
  company_id  uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  day         date NOT NULL,
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  PRIMARY KEY (company_id, day)
);

CREATE TABLE wage_rates (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id      uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  user_id         uuid NOT NULL,
  kind            text NOT NULL CHECK (kind IN ('hourly', 'salaried')),
  amount          numeric(14, 4) NOT NULL CHECK (amount >= 0),   -- per hour (hourly) or per year (salaried)
  currency        char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  effective_from  date NOT NULL,
  created_by      uuid,
  created_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (user_id, effective_from),
  FOREIGN KEY (company_id, user_id) REFERENCES users (company_id, id) ON DELETE CASCADE
);

CREATE TABLE payroll_runs (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id    uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  period_start  date NOT NULL,
  period_end    date NOT NULL,
  frequency     text NOT NULL,
  timezone      text NOT NULL,
  currency      char(3) NOT NULL,
  status        text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'computed', 'reviewed', 'finalized')),
  total_minor   bigint NOT NULL DEFAULT 0,
  created_by    uuid,
  computed_at   timestamptz,
  reviewed_by   uuid,
  reviewed_at   timestamptz,
  finalized_by  uuid,
  finalized_at  timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (company_id, id),
  UNIQUE (company_id, period_start),
  CHECK (period_end >= period_start)
);

CREATE TABLE payroll_lines (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id    uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  run_id        uuid NOT NULL,
  user_id       uuid NOT NULL,
  position      int NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('regular', 'overtime', 'weekend_premium', 'holiday_premium', 'salary',
                                              'leave', 'reimbursement', 'adjustment')),
  description   text NOT NULL CHECK (length(description) <= 500),
  seconds       bigint NOT NULL DEFAULT 0,
  rate          numeric(14, 4),
  multiplier    numeric(6, 3),
  amount_minor  bigint NOT NULL,
  currency      char(3) NOT NULL,
  manual        boolean NOT NULL DEFAULT false,     -- added by an admin; kept when the run is recomputed
  created_at    timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (company_id, run_id) REFERENCES payroll_runs (company_id, id) ON DELETE CASCADE,
  FOREIGN KEY (company_id, user_id) REFERENCES users (company_id, id) ON DELETE CASCADE
);
CREATE INDEX payroll_lines_run_idx ON payroll_lines (run_id, user_id, position);
CREATE INDEX payroll_lines_user_idx ON payroll_lines (user_id);

-- What a run paid for. `finalized` rows are unique per source: nothing is paid twice.
CREATE TABLE payroll_sources (
  company_id  uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  run_id      uuid NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('entry', 'leave', 'expense')),
  ref_id      uuid NOT NULL,
  finalized   boolean NOT NULL DEFAULT false,
  PRIMARY KEY (run_id, kind, ref_id),
  FOREIGN KEY (company_id, run_id) REFERENCES payroll_runs (company_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX payroll_sources_paid_once ON payroll_sources (kind, ref_id) WHERE finalized;

CREATE TABLE payslips (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id    uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  run_id        uuid NOT NULL,
  user_id       uuid NOT NULL,
  gross_minor   bigint NOT NULL,
  reimbursed_minor bigint NOT NULL,
  total_minor   bigint NOT NULL,
  currency      char(3) NOT NULL,
  pdf_key       text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (run_id, user_id),
  CHECK (total_minor = gross_minor + reimbursed_minor),
  FOREIGN KEY (company_id, run_id) REFERENCES payroll_runs (company_id, id) ON DELETE CASCADE,
  FOREIGN KEY (company_id, user_id) REFERENCES users (company_id, id) ON DELETE CASCADE
);

CREATE TABLE expense_categories (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id  uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  archived    boolean NOT NULL DEFAULT false,
  UNIQUE (company_id, id)
);
CREATE UNIQUE INDEX expense_categories_name_key ON expense_categories (company_id, lower(name));

CREATE TABLE expenses (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id     uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  user_id        uuid NOT NULL,
  spent_on       date NOT NULL,
  amount_minor   bigint NOT NULL CHECK (amount_minor > 0),
  currency       char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  category_id    uuid NOT NULL,
  project_id     uuid,
  billable       boolean NOT NULL DEFAULT false,
  reimbursable   boolean NOT NULL DEFAULT true,
  note           text CHECK (length(note) <= 2000),
  receipt_key    text,
  receipt_type   text,
  status         text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'approved', 'rejected')),
  decided_by     uuid,
  decided_at     timestamptz,
  reason         text CHECK (length(reason) <= 2000),
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (company_id, id),
  CHECK (NOT billable OR project_id IS NOT NULL),
  FOREIGN KEY (company_id, user_id) REFERENCES users (company_id, id) ON DELETE CASCADE,
  FOREIGN KEY (company_id, category_id) REFERENCES expense_categories (company_id, id),
  FOREIGN KEY (company_id, project_id) REFERENCES projects (company_id, id)
);
CREATE INDEX expenses_user_idx ON expenses (user_id, spent_on);
CREATE INDEX expenses_company_idx ON expenses (company_id, status, spent_on);

-- Locks ---------------------------------------------------------------------------------------------------

-- True when source (kind, id) was paid by a finalized run. SECURITY DEFINER: the lock holds whoever edits.
CREATE FUNCTION app.paid_by_payroll(p_kind text, p_id uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM payroll_sources s WHERE s.kind = p_kind AND s.ref_id = p_id AND s.finalized)
$$;

CREATE FUNCTION app.guard_paid_entry() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = OLD.user_id) THEN
    RETURN OLD;   -- erasing a user cascades
  END IF;
  IF app.paid_by_payroll('entry', OLD.id) THEN
    RAISE EXCEPTION 'wm:period_paid: this entry was paid by a finalized payroll run';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER time_entries_paid_guard BEFORE UPDATE OR DELETE ON time_entries
  FOR EACH ROW EXECUTE FUNCTION app.guard_paid_entry();

-- A week whose entries were paid cannot be reopened (that would unlock them).
CREATE FUNCTION app.guard_paid_timesheet() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
BEGIN
  IF OLD.status = 'approved' AND NEW.status <> 'approved' AND EXISTS (
       SELECT 1 FROM time_entries e JOIN payroll_sources s ON s.kind = 'entry' AND s.ref_id = e.id AND s.finalized
        WHERE e.user_id = OLD.user_id AND e.started_at >= OLD.starts_at AND e.started_at < OLD.ends_at) THEN
    RAISE EXCEPTION 'wm:period_paid: this week was paid by a finalized payroll run';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER timesheets_paid_guard BEFORE UPDATE ON timesheets
  FOR EACH ROW EXECUTE FUNCTION app.guard_paid_timesheet();

CREATE FUNCTION app.guard_paid_leave() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF app.paid_by_payroll('leave', OLD.id) THEN
    RAISE EXCEPTION 'wm:period_paid: this leave was paid by a finalized payroll run';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER leave_requests_paid_guard BEFORE UPDATE OR DELETE ON leave_requests
  FOR EACH ROW EXECUTE FUNCTION app.guard_paid_leave();

-- An expense changes only while submitted (by its owner) or by its decision; once paid or invoiced, never.
CREATE FUNCTION app.guard_expense() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' AND app.company_id() IS NOT NULL AND NEW.company_id IS DISTINCT FROM app.company_id() THEN
    RETURN NEW;   -- left to RLS
  END IF;
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = OLD.user_id) THEN
    RETURN OLD;
  END IF;
  IF app.paid_by_payroll('expense', OLD.id) THEN
    RAISE EXCEPTION 'wm:period_paid: this expense was reimbursed by a finalized payroll run';
  END IF;
  IF app.billed_on_invoice('expense', OLD.id) THEN
    RAISE EXCEPTION 'wm:period_invoiced: this expense is on an invoice';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  IF NEW.user_id IS DISTINCT FROM OLD.user_id THEN
    RAISE EXCEPTION 'an expense cannot move to another user' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.status IS DISTINCT FROM OLD.status AND NEW.status IN ('approved', 'rejected')
     AND NOT app.can_manage_user(NEW.user_id) THEN
    RAISE EXCEPTION 'only the assigned manager or an admin may decide an expense'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  NEW.updated_at := now();
  RETURN NEW;
END $$;

-- Row Level Security ---------------------------------------------------------------------------------------

ALTER TABLE finance_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE finance_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY finance_settings_select ON finance_settings FOR SELECT USING (company_id = app.company_id());
CREATE POLICY finance_settings_write ON finance_settings FOR ALL
  USING (company_id = app.company_id() AND app.is_admin()) WITH CHECK (company_id = app.company_id() AND app.is_admin());

ALTER TABLE holidays ENABLE ROW LEVEL SECURITY;
ALTER TABLE holidays FORCE ROW LEVEL SECURITY;
CREATE POLICY holidays_select ON holidays FOR SELECT USING (company_id = app.company_id());
CREATE POLICY holidays_write ON holidays FOR ALL
  USING (company_id = app.company_id() AND app.is_admin()) WITH CHECK (company_id = app.company_id() AND app.is_admin());

ALTER TABLE wage_rates ENABLE ROW LEVEL SECURITY;
ALTER TABLE wage_rates FORCE ROW LEVEL SECURITY;
CREATE POLICY wage_rates_select ON wage_rates FOR SELECT
  USING (company_id = app.company_id() AND (app.is_admin() OR user_id = app.user_id()));
CREATE POLICY wage_rates_write ON wage_rates FOR ALL
  USING (company_id = app.company_id() AND app.is_admin()) WITH CHECK (company_id = app.company_id() AND app.is_admin());

ALTER TABLE payroll_runs ENABLE ROW LEVEL SECURITY;
ALTER TABLE payroll_runs FORCE ROW LEVEL SECURITY;
-- Everyone may read a run's header (a payslip names its period); only admins change runs.
CREATE POLICY payroll_runs_select ON payroll_runs FOR SELECT
  USING (company_id = app.company_id() AND (app.is_admin() OR app.is_job() OR EXISTS (
    SELECT 1 FROM payslips p WHERE p.run_id = payroll_runs.id AND p.user_id = app.user_id())));
CREATE POLICY payroll_runs_write ON payroll_runs FOR ALL
  USING (company_id = app.company_id() AND app.is_admin()) WITH CHECK (company_id = app.company_id() AND app.is_admin());

ALTER TABLE payroll_lines ENABLE ROW LEVEL SECURITY;
ALTER TABLE payroll_lines FORCE ROW LEVEL SECURITY;
CREATE POLICY payroll_lines_select ON payroll_lines FOR SELECT
  USING (company_id = app.company_id() AND (app.is_admin() OR app.is_job() OR (user_id = app.user_id() AND EXISTS (
    SELECT 1 FROM payslips p WHERE p.run_id = payroll_lines.run_id AND p.user_id = app.user_id()))));
CREATE POLICY payroll_lines_write ON payroll_lines FOR ALL
  USING (company_id = app.company_id() AND app.is_admin()) WITH CHECK (company_id = app.company_id() AND app.is_admin());

ALTER TABLE payroll_sources ENABLE ROW LEVEL SECURITY;
ALTER TABLE payroll_sources FORCE ROW LEVEL SECURITY;
CREATE POLICY payroll_sources_all ON payroll_sources FOR ALL
  USING (company_id = app.company_id() AND app.is_admin()) WITH CHECK (company_id = app.company_id() AND app.is_admin());

-- A payslip exists once its run is finalized; its owner sees it.
ALTER TABLE payslips ENABLE ROW LEVEL SECURITY;
ALTER TABLE payslips FORCE ROW LEVEL SECURITY;
CREATE POLICY payslips_select ON payslips FOR SELECT
  USING (company_id = app.company_id() AND (app.is_admin() OR app.is_job() OR user_id = app.user_id()));
-- jobs.render_payslips stores each PDF's key.
CREATE POLICY payslips_job_update ON payslips FOR UPDATE
  USING (company_id = app.company_id() AND app.is_job()) WITH CHECK (company_id = app.company_id() AND app.is_job());
CREATE POLICY payslips_write ON payslips FOR ALL
  USING (company_id = app.company_id() AND app.is_admin()) WITH CHECK (company_id = app.company_id() AND app.is_admin());

ALTER TABLE expense_categories ENABLE ROW LEVEL SECURITY;
ALTER TABLE expense_categories FORCE ROW LEVEL SECURITY;
CREATE POLICY expense_categories_select ON expense_categories FOR SELECT USING (company_id = app.company_id());
CREATE POLICY expense_categories_write ON expense_categories FOR ALL
  USING (company_id = app.company_id() AND app.is_admin()) WITH CHECK (company_id = app.company_id() AND app.is_admin());

ALTER TABLE expenses ENABLE ROW LEVEL SECURITY;
ALTER TABLE expenses FORCE ROW LEVEL SECURITY;
CREATE POLICY expenses_select ON expenses FOR SELECT
  USING (company_id = app.company_id() AND ((SELECT app.is_admin()) OR user_id = ANY ((SELECT app.visible_users())::uuid[])));
CREATE POLICY expenses_insert ON expenses FOR INSERT
  WITH CHECK (company_id = app.company_id() AND user_id = app.user_id());
CREATE POLICY expenses_update ON expenses FOR UPDATE
  USING (company_id = app.company_id() AND (user_id = app.user_id() OR app.can_manage_user(user_id)))
  WITH CHECK (company_id = app.company_id() AND (user_id = app.user_id() OR app.can_manage_user(user_id)));
CREATE POLICY expenses_delete ON expenses FOR DELETE
  USING (company_id = app.company_id() AND user_id = app.user_id() AND status = 'submitted');

GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA app TO workmonitor_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON finance_settings, holidays, wage_rates, payroll_runs, payroll_lines,
  payroll_sources, payslips, expense_categories, expenses TO workmonitor_app;
