-- Stripe Connect payouts (issue 16): releasing a milestone of a contract whose contractor has a connected account
-- creates a Stripe Transfer with the company's own key; the payout record follows the transfer. And the signed,
-- public "Pay online" link of an invoice email, which acts as the company's background job.
--
-- What must stay true:
-- - contracts.stripe_account_id is the contractor's connected account (acct_…); only admins set it (audited);
-- - a payout carries at most one transfer and a transfer at most one payout (unique per company);
-- - a payout's state only moves forward: pending → paid → reversed (a late transfer.created after a reversal, or a
--   replay, changes nothing); reversed_minor only grows;
-- - the company's webhook and the public pay link act with the company's 'job' claims: a job may read and move
--   payouts, append to their trail as nobody (actor_id NULL), and read the company's encrypted Stripe key to make a
--   Checkout Session; it still sees no other company's rows.

ALTER TABLE contracts ADD COLUMN stripe_account_id text
  CHECK (stripe_account_id ~ '^acct_[A-Za-z0-9]{6,250}$');

ALTER TABLE payouts ADD COLUMN stripe_transfer_id text CHECK (stripe_transfer_id ~ '^tr_[A-Za-z0-9_]{1,250}$'),
  ADD COLUMN reversed_minor bigint NOT NULL DEFAULT 0 CHECK (reversed_minor >= 0),
  ADD CONSTRAINT payouts_reversed_within_amount CHECK (reversed_minor <= amount_minor);
CREATE UNIQUE INDEX payouts_stripe_transfer_key ON payouts (company_id, stripe_transfer_id)
  WHERE stripe_transfer_id IS NOT NULL;
ALTER TABLE payouts DROP CONSTRAINT payouts_state_check;
ALTER TABLE payouts ADD CONSTRAINT payouts_state_check CHECK (state IN ('pending', 'paid', 'failed', 'reversed'));

ALTER TABLE payout_events DROP CONSTRAINT payout_events_action_check;
ALTER TABLE payout_events ADD CONSTRAINT payout_events_action_check CHECK (action IN (
  'contract_created', 'milestone_created', 'funded', 'released', 'refunded', 'payout_created', 'payout_paid',
  'payout_failed', 'payout_reversed', 'transfer_refused'));

-- The company's webhook (transfer.created/updated/reversed) moves payouts as the company's job.
CREATE POLICY payouts_job_select ON payouts FOR SELECT USING (company_id = app.company_id() AND app.is_job());
CREATE POLICY payouts_job_update ON payouts FOR UPDATE
  USING (company_id = app.company_id() AND app.is_job()) WITH CHECK (company_id = app.company_id() AND app.is_job());
CREATE POLICY payout_events_job_insert ON payout_events FOR INSERT
  WITH CHECK (company_id = app.company_id() AND app.is_job() AND actor_id IS NULL);

-- The invoice email says whether the company takes payments online; the public pay link makes the session.
CREATE POLICY company_stripe_accounts_job_select ON company_stripe_accounts FOR SELECT
  USING (company_id = app.company_id() AND app.is_job());
