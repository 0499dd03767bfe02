-- Finance, part 2: client billing details and rates, invoices (and credit notes), their lines, what they bill,
-- payments, gapless numbering; contractor contracts, milestones held in escrow, payouts and their audit trail.
--
-- What must stay true:
-- - An invoice's number is allocated when it is issued, from invoice_counters in the issuing transaction (the
--   counter row is locked by the UPDATE), so numbers per company, kind and year are gapless and unique even
--   under concurrent issuing: a rolled-back issue gives its number back.
-- - An issued invoice never changes except its state, paid amount, PDF and sent time (trigger); its lines
--   never change. Corrections are credit notes.
-- - invoice_items holds what an invoice bills (time entries, expenses) with a primary key per source: the same
--   entry cannot be on two invoices. Voiding an invoice (or deleting a draft) releases its items.
-- - Escrow: released + refunded never exceeds funded, funded never exceeds the milestone amount (CHECKs), so
--   no code path releases money that was not funded or releases it twice.

CREATE TABLE client_billing (
  client_id      uuid PRIMARY KEY,
  company_id     uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  billing_email  text CHECK (length(billing_email) <= 254),
  address        text CHECK (length(address) <= 1000),
  tax_id         text CHECK (length(tax_id) <= 100),
  hourly_rate    numeric(14, 4) CHECK (hourly_rate >= 0),
  currency       char(3) CHECK (currency ~ '^[A-Z]{3}$'),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (company_id, client_id) REFERENCES clients (company_id, id) ON DELETE CASCADE
);

CREATE TABLE task_rates (
  task_id      uuid PRIMARY KEY,
  company_id   uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  hourly_rate  numeric(14, 4) NOT NULL CHECK (hourly_rate >= 0),
  FOREIGN KEY (company_id, task_id) REFERENCES tasks (company_id, id) ON DELETE CASCADE
);

CREATE TABLE invoice_counters (
  company_id  uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  kind        text NOT NULL CHECK (kind IN ('invoice', 'credit_note')),
  year        int NOT NULL,
  last_seq    int NOT NULL CHECK (last_seq >= 0),
  PRIMARY KEY (company_id, kind, year)
);

CREATE TABLE invoices (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id         uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  kind               text NOT NULL DEFAULT 'invoice' CHECK (kind IN ('invoice', 'credit_note')),
  client_id          uuid NOT NULL,
  credits_invoice_id uuid,
  number             text,
  seq                int,
  status             text NOT NULL DEFAULT 'draft'
                     CHECK (status IN ('draft', 'issued', 'sent', 'partially_paid', 'paid', 'void')),
  currency           char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  period_start       date,
  period_end         date,
  grouping           text NOT NULL DEFAULT 'project' CHECK (grouping IN ('project', 'task', 'person', 'entry')),
  issue_date         date,
  due_date           date,
  terms_days         int NOT NULL DEFAULT 14 CHECK (terms_days BETWEEN 0 AND 365),
  reverse_charge     boolean NOT NULL DEFAULT false,
  notes              text CHECK (length(notes) <= 5000),
  subtotal_minor     bigint NOT NULL DEFAULT 0,
  tax_minor          bigint NOT NULL DEFAULT 0,
  total_minor        bigint NOT NULL DEFAULT 0,
  paid_minor         bigint NOT NULL DEFAULT 0,
  bill_to            jsonb NOT NULL DEFAULT '{}'::jsonb,   -- client name, address, tax id, email at issue
  pdf_key            text,
  sent_at            timestamptz,
  created_by         uuid,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (company_id, id),
  CHECK (total_minor = subtotal_minor + tax_minor),
  CHECK ((status = 'draft') = (number IS NULL)),
  FOREIGN KEY (company_id, client_id) REFERENCES clients (company_id, id),
  FOREIGN KEY (company_id, credits_invoice_id) REFERENCES invoices (company_id, id)
);
CREATE UNIQUE INDEX invoices_number_key ON invoices (company_id, number);
CREATE INDEX invoices_company_idx ON invoices (company_id, status, issue_date);

CREATE TABLE invoice_lines (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id    uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  invoice_id    uuid NOT NULL,
  position      int NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('time', 'expense', 'manual', 'discount', 'tax')),
  description   text NOT NULL CHECK (length(description) BETWEEN 1 AND 500),
  quantity      numeric(14, 4) NOT NULL DEFAULT 1,
  unit_price    numeric(14, 4) NOT NULL DEFAULT 0,
  tax_rate      numeric(6, 3) NOT NULL DEFAULT 0 CHECK (tax_rate BETWEEN 0 AND 100),
  amount_minor  bigint NOT NULL,
  project_id    uuid,
  task_id       uuid,
  user_id       uuid,
  FOREIGN KEY (company_id, invoice_id) REFERENCES invoices (company_id, id) ON DELETE CASCADE
);
CREATE INDEX invoice_lines_invoice_idx ON invoice_lines (invoice_id, position);

CREATE TABLE invoice_items (
  company_id  uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  invoice_id  uuid NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('entry', 'expense')),
  ref_id      uuid NOT NULL,
  PRIMARY KEY (kind, ref_id),
  FOREIGN KEY (company_id, invoice_id) REFERENCES invoices (company_id, id) ON DELETE CASCADE
);
CREATE INDEX invoice_items_invoice_idx ON invoice_items (invoice_id);

CREATE TABLE invoice_payments (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id    uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  invoice_id    uuid NOT NULL,
  amount_minor  bigint NOT NULL CHECK (amount_minor > 0),
  currency      char(3) NOT NULL,
  method        text NOT NULL CHECK (length(method) BETWEEN 1 AND 50),
  reference     text NOT NULL CHECK (length(reference) BETWEEN 1 AND 200),
  paid_at       timestamptz NOT NULL DEFAULT now(),
  recorded_by   uuid,
  created_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (invoice_id, reference),
  FOREIGN KEY (company_id, invoice_id) REFERENCES invoices (company_id, id) ON DELETE CASCADE
);

-- True when source (kind, id) is on a draft or live invoice. SECURITY DEFINER: the lock holds for everyone.
CREATE FUNCTION app.billed_on_invoice(p_kind text, p_id uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM invoice_items i JOIN invoices v ON v.id = i.invoice_id
                  WHERE i.kind = p_kind AND i.ref_id = p_id AND v.status <> 'draft')
$$;

CREATE TRIGGER expenses_guard BEFORE UPDATE OR DELETE ON expenses
  FOR EACH ROW EXECUTE FUNCTION app.guard_expense();

-- Time on an issued invoice is frozen too (its amounts were billed).
CREATE FUNCTION app.guard_invoiced_entry() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = OLD.user_id) THEN
    RETURN OLD;
  END IF;
  IF app.billed_on_invoice('entry', OLD.id) THEN
    RAISE EXCEPTION 'wm:period_invoiced: this entry is on an issued invoice';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER time_entries_invoiced_guard BEFORE UPDATE OR DELETE ON time_entries
  FOR EACH ROW EXECUTE FUNCTION app.guard_invoiced_entry();

-- An issued invoice: only its state, payments, PDF and sending move; nothing goes back to draft.
CREATE FUNCTION app.guard_invoice() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.company_id IS DISTINCT FROM app.company_id() THEN
    RETURN NEW;   -- left to RLS
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.status <> 'draft' THEN
    IF NEW.status = 'draft' OR (to_jsonb(NEW) - 'status' - 'paid_minor' - 'pdf_key' - 'sent_at' - 'updated_at')
       <> (to_jsonb(OLD) - 'status' - 'paid_minor' - 'pdf_key' - 'sent_at' - 'updated_at') THEN
      RAISE EXCEPTION 'wm:invoice_immutable: an issued invoice cannot change; issue a credit note';
    END IF;
  END IF;
  IF TG_OP = 'DELETE' AND OLD.status <> 'draft' AND EXISTS (SELECT 1 FROM companies c WHERE c.id = OLD.company_id) THEN
    RAISE EXCEPTION 'wm:invoice_immutable: an issued invoice cannot be deleted; void it';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  NEW.updated_at := now();
  RETURN NEW;
END $$;
CREATE TRIGGER invoices_guard BEFORE UPDATE OR DELETE ON invoices FOR EACH ROW EXECUTE FUNCTION app.guard_invoice();

CREATE FUNCTION app.guard_invoice_line() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
DECLARE
  st text;
BEGIN
  IF TG_OP <> 'DELETE' AND NEW.company_id IS DISTINCT FROM app.company_id() THEN
    RETURN NEW;   -- left to RLS
  END IF;
  SELECT status INTO st FROM invoices WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.invoice_id ELSE NEW.invoice_id END;
  IF st IS NOT NULL AND st <> 'draft' THEN
    RAISE EXCEPTION 'wm:invoice_immutable: the lines of an issued invoice cannot change';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER invoice_lines_guard BEFORE INSERT OR UPDATE OR DELETE ON invoice_lines
  FOR EACH ROW EXECUTE FUNCTION app.guard_invoice_line();

-- Contractors: contracts, milestones (escrow), payouts, and the audit trail of every money move.
CREATE TABLE contracts (
  id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id              uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  user_id                 uuid NOT NULL,
  title                   text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  kind                    text NOT NULL CHECK (kind IN ('milestone', 'hourly')),
  hourly_rate             numeric(14, 4) CHECK (hourly_rate >= 0),
  weekly_cap_hours        numeric(6, 2) CHECK (weekly_cap_hours > 0),
  currency                char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  status                  text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
  created_by              uuid,
  created_at              timestamptz NOT NULL DEFAULT now(),
  UNIQUE (company_id, id),
  CHECK (kind <> 'hourly' OR hourly_rate IS NOT NULL),
  FOREIGN KEY (company_id, user_id) REFERENCES users (company_id, id) ON DELETE CASCADE
);

CREATE TABLE milestones (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id      uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  contract_id     uuid NOT NULL,
  user_id         uuid NOT NULL,                  -- the contractor (for RLS)
  title           text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  amount_minor    bigint NOT NULL CHECK (amount_minor > 0),
  funded_minor    bigint NOT NULL DEFAULT 0 CHECK (funded_minor >= 0),
  released_minor  bigint NOT NULL DEFAULT 0 CHECK (released_minor >= 0),
  refunded_minor  bigint NOT NULL DEFAULT 0 CHECK (refunded_minor >= 0),
  status          text NOT NULL DEFAULT 'pending'
                  CHECK (status IN ('pending', 'funded', 'released', 'refunded', 'partially_released')),
  created_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (company_id, id),
  CHECK (funded_minor <= amount_minor),
  CONSTRAINT milestones_no_release_beyond_funded CHECK (released_minor + refunded_minor <= funded_minor),
  FOREIGN KEY (company_id, contract_id) REFERENCES contracts (company_id, id) ON DELETE CASCADE
);

CREATE TABLE payouts (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id    uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  user_id       uuid NOT NULL,
  contract_id   uuid,
  milestone_id  uuid,
  amount_minor  bigint NOT NULL CHECK (amount_minor > 0),
  currency      char(3) NOT NULL,
  method        text NOT NULL CHECK (length(method) BETWEEN 1 AND 50),
  reference     text CHECK (length(reference) <= 200),
  state         text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'paid', 'failed')),
  created_by    uuid,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (company_id, id),
  FOREIGN KEY (company_id, user_id) REFERENCES users (company_id, id) ON DELETE CASCADE,
  FOREIGN KEY (company_id, contract_id) REFERENCES contracts (company_id, id),
  FOREIGN KEY (company_id, milestone_id) REFERENCES milestones (company_id, id)
);
CREATE UNIQUE INDEX payouts_reference_key ON payouts (company_id, reference) WHERE reference IS NOT NULL;

CREATE TABLE payout_events (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id    uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  user_id       uuid NOT NULL,                  -- the contractor (for RLS)
  contract_id   uuid,
  milestone_id  uuid,
  payout_id     uuid,
  action        text NOT NULL CHECK (action IN ('contract_created', 'milestone_created', 'funded', 'released',
                                                'refunded', 'payout_created', 'payout_paid', 'payout_failed')),
  amount_minor  bigint,
  actor_id      uuid,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payout_events_contract_idx ON payout_events (contract_id, id);

-- Row Level Security ---------------------------------------------------------------------------------------

ALTER TABLE client_billing ENABLE ROW LEVEL SECURITY;
ALTER TABLE client_billing FORCE ROW LEVEL SECURITY;
CREATE POLICY client_billing_all ON client_billing FOR ALL
  USING (company_id = app.company_id() AND app.is_admin()) WITH CHECK (company_id = app.company_id() AND app.is_admin());

ALTER TABLE task_rates ENABLE ROW LEVEL SECURITY;
ALTER TABLE task_rates FORCE ROW LEVEL SECURITY;
CREATE POLICY task_rates_all ON task_rates FOR ALL
  USING (company_id = app.company_id() AND app.is_admin()) WITH CHECK (company_id = app.company_id() AND app.is_admin());

ALTER TABLE invoice_counters ENABLE ROW LEVEL SECURITY;
ALTER TABLE invoice_counters FORCE ROW LEVEL SECURITY;
CREATE POLICY invoice_counters_all ON invoice_counters FOR ALL
  USING (company_id = app.company_id() AND app.is_admin()) WITH CHECK (company_id = app.company_id() AND app.is_admin());

ALTER TABLE invoices ENABLE ROW LEVEL SECURITY;
ALTER TABLE invoices FORCE ROW LEVEL SECURITY;
CREATE POLICY invoices_all ON invoices FOR ALL
  USING (company_id = app.company_id() AND app.is_admin()) WITH CHECK (company_id = app.company_id() AND app.is_admin());
-- Jobs render and send PDFs; payments from a provider (billing's webhook) arrive as a job of the company.
CREATE POLICY invoices_job_select ON invoices FOR SELECT USING (company_id = app.company_id() AND app.is_job());
CREATE POLICY invoices_job_update ON invoices FOR UPDATE
  USING (company_id = app.company_id() AND app.is_job()) WITH CHECK (company_id = app.company_id() AND app.is_job());

ALTER TABLE invoice_lines ENABLE ROW LEVEL SECURITY;
ALTER TABLE invoice_lines FORCE ROW LEVEL SECURITY;
CREATE POLICY invoice_lines_all ON invoice_lines FOR ALL
  USING (company_id = app.company_id() AND app.is_admin()) WITH CHECK (company_id = app.company_id() AND app.is_admin());
CREATE POLICY invoice_lines_job_select ON invoice_lines FOR SELECT USING (company_id = app.company_id() AND app.is_job());

ALTER TABLE invoice_items ENABLE ROW LEVEL SECURITY;
ALTER TABLE invoice_items FORCE ROW LEVEL SECURITY;
CREATE POLICY invoice_items_all ON invoice_items FOR ALL
  USING (company_id = app.company_id() AND app.is_admin()) WITH CHECK (company_id = app.company_id() AND app.is_admin());

ALTER TABLE invoice_payments ENABLE ROW LEVEL SECURITY;
ALTER TABLE invoice_payments FORCE ROW LEVEL SECURITY;
CREATE POLICY invoice_payments_all ON invoice_payments FOR ALL
  USING (company_id = app.company_id() AND (app.is_admin() OR app.is_job()))
  WITH CHECK (company_id = app.company_id() AND (app.is_admin() OR app.is_job()));

ALTER TABLE contracts ENABLE ROW LEVEL SECURITY;
ALTER TABLE contracts FORCE ROW LEVEL SECURITY;
CREATE POLICY contracts_select ON contracts FOR SELECT
  USING (company_id = app.company_id() AND (app.is_admin() OR user_id = app.user_id()));
CREATE POLICY contracts_write ON contracts FOR ALL
  USING (company_id = app.company_id() AND app.is_admin()) WITH CHECK (company_id = app.company_id() AND app.is_admin());

ALTER TABLE milestones ENABLE ROW LEVEL SECURITY;
ALTER TABLE milestones FORCE ROW LEVEL SECURITY;
CREATE POLICY milestones_select ON milestones FOR SELECT
  USING (company_id = app.company_id() AND (app.is_admin() OR user_id = app.user_id()));
CREATE POLICY milestones_write ON milestones FOR ALL
  USING (company_id = app.company_id() AND app.is_admin()) WITH CHECK (company_id = app.company_id() AND app.is_admin());

ALTER TABLE payouts ENABLE ROW LEVEL SECURITY;
ALTER TABLE payouts FORCE ROW LEVEL SECURITY;
CREATE POLICY payouts_select ON payouts FOR SELECT
  USING (company_id = app.company_id() AND (app.is_admin() OR user_id = app.user_id()));
CREATE POLICY payouts_write ON payouts FOR ALL
  USING (company_id = app.company_id() AND app.is_admin()) WITH CHECK (company_id = app.company_id() AND app.is_admin());

-- The trail is append-only for the application.
ALTER TABLE payout_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE payout_events FORCE ROW LEVEL SECURITY;
CREATE POLICY payout_events_select ON payout_events FOR SELECT
  USING (company_id = app.company_id() AND (app.is_admin() OR user_id = app.user_id()));
CREATE POLICY payout_events_insert ON payout_events FOR INSERT
  WITH CHECK (company_id = app.company_id() AND app.is_admin() AND actor_id = app.user_id());

GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA app TO workmonitor_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON client_billing, task_rates, invoice_counters, invoices, invoice_lines,
  invoice_items, invoice_payments, contracts, milestones, payouts TO workmonitor_app;
GRANT SELECT, INSERT ON payout_events TO workmonitor_app;
