-- Billing: each company's Stripe subscription state (operator → companies) and the Stripe events already applied.
--
-- What must stay true:
-- - billing_accounts holds one row per company, written only by the billing function (an admin's checkout or
--   portal request), the stripe-webhook function and the seat-sync job (role 'job'); every member of the company
--   may read it, because every write request checks the company's entitlement (workmonitor.billing.entitlements).
--   A company without a row is fully entitled (billing off, or never started).
-- - state_at is the Stripe timestamp (the event's `created`) of the state stored: an event older than it never
--   moves the subscription back; a canceled subscription never comes back to life under the same id.
-- - stripe_events has no company_id on purpose (an event is recorded before its company is known): the
--   application role has no privilege on it and reaches it only through app.stripe_event_claim, which records an
--   event id once and says whether it was new. A replayed event id is acknowledged and changes nothing.
-- - The webhook (no signed-in user) finds its company through app.billing_company_of_customer, a narrow SECURITY
--   DEFINER lookup by Stripe customer id; no policy is widened for it.

CREATE TABLE billing_accounts (
  company_id              uuid PRIMARY KEY REFERENCES companies(id) ON DELETE CASCADE,
  stripe_customer_id      text UNIQUE CHECK (length(stripe_customer_id) <= 255),
  stripe_subscription_id  text UNIQUE CHECK (length(stripe_subscription_id) <= 255),
  subscription_item_id    text CHECK (length(subscription_item_id) <= 255),
  price_id                text CHECK (length(price_id) <= 255),
  status                  text NOT NULL DEFAULT 'trialing' CHECK (status IN (
                            'trialing', 'active', 'past_due', 'unpaid', 'canceled', 'incomplete',
                            'incomplete_expired', 'paused')),
  seats                   int CHECK (seats >= 0),
  trial_end               timestamptz,
  current_period_end      timestamptz,
  cancel_at_period_end    boolean NOT NULL DEFAULT false,
  past_due_since          timestamptz,
  grace_until             timestamptz,
  state_at                timestamptz NOT NULL DEFAULT 'epoch',
  created_at              timestamptz NOT NULL DEFAULT now(),
  updated_at              timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE billing_accounts ENABLE ROW LEVEL SECURITY;
ALTER TABLE billing_accounts FORCE ROW LEVEL SECURITY;
CREATE POLICY billing_accounts_select ON billing_accounts FOR SELECT USING (company_id = app.company_id());
CREATE POLICY billing_accounts_insert ON billing_accounts FOR INSERT
  WITH CHECK (company_id = app.company_id() AND (app.is_admin() OR app.is_job()));
CREATE POLICY billing_accounts_update ON billing_accounts FOR UPDATE
  USING (company_id = app.company_id() AND (app.is_admin() OR app.is_job()))
  WITH CHECK (company_id = app.company_id() AND (app.is_admin() OR app.is_job()));
GRANT SELECT, INSERT, UPDATE ON billing_accounts TO workmonitor_app;
-- The owner reads what its SECURITY DEFINER lookup reads (FORCE applies to owners too).
CREATE POLICY billing_accounts_owner ON billing_accounts FOR SELECT TO CURRENT_USER USING (true);

CREATE TABLE stripe_events (
  id           text PRIMARY KEY CHECK (length(id) <= 255),
  type         text NOT NULL CHECK (length(type) <= 100),
  created      timestamptz NOT NULL,
  received_at  timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE stripe_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE stripe_events FORCE ROW LEVEL SECURITY;
CREATE POLICY stripe_events_owner ON stripe_events TO CURRENT_USER USING (true) WITH CHECK (true);

-- Record Stripe event `p_id` once; true when it is new (apply it), false for a replay (acknowledge only).
-- Recorded in the webhook's transaction: a failure while applying rolls the record back and Stripe retries.
CREATE FUNCTION app.stripe_event_claim(p_id text, p_type text, p_created timestamptz)
RETURNS boolean
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  WITH added AS (
    INSERT INTO stripe_events (id, type, created) VALUES (p_id, p_type, p_created)
    ON CONFLICT (id) DO NOTHING RETURNING 1)
  SELECT EXISTS (SELECT 1 FROM added)
$$;

-- The company whose Stripe customer is `p_customer` (NULL when none).
CREATE FUNCTION app.billing_company_of_customer(p_customer text)
RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT b.company_id FROM billing_accounts b WHERE b.stripe_customer_id = p_customer
$$;

DO $$
DECLARE fn text;
BEGIN
  FOREACH fn IN ARRAY ARRAY['app.stripe_event_claim(text, text, timestamptz)',
                            'app.billing_company_of_customer(text)']
  LOOP
    EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', fn);
    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO workmonitor_app', fn);
  END LOOP;
END $$;
