-- Job outbox: every background job is first a row here, written in the transaction of the change that wants it,
-- then pushed into RQ after commit and again by the workers' drainer while it is not done (workmonitor.jobs.outbox).
-- Losing Redis loses no job: what Redis forgot is pushed again from here.
--
-- What must stay true:
-- - The table has no company_id on purpose: some jobs belong to no company (sign-up mail, retention of every
--   company). The application role has no privilege on it at all; it reaches rows only through the SECURITY
--   DEFINER functions below, which take and return exactly what the outbox needs. RLS is enabled and forced
--   with an owner-only policy, so a future GRANT alone still shows nothing.
-- - The RQ job id is the row id, so pushing a row twice never makes two runs (workmonitor.jobs.outbox.push).
-- - A done row keeps no arguments (mail texts carry invitation links); rows are pruned after a week.

CREATE TABLE job_outbox (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  job         text NOT NULL CHECK (length(job) <= 200),
  args        jsonb NOT NULL,
  dedup_key   text UNIQUE CHECK (length(dedup_key) <= 200),
  created_at  timestamptz NOT NULL DEFAULT now(),
  done_at     timestamptz,
  failed_at   timestamptz
);
CREATE INDEX job_outbox_open ON job_outbox (created_at) WHERE done_at IS NULL AND failed_at IS NULL;

ALTER TABLE job_outbox ENABLE ROW LEVEL SECURITY;
ALTER TABLE job_outbox FORCE ROW LEVEL SECURITY;
CREATE POLICY job_outbox_owner ON job_outbox TO CURRENT_USER USING (true) WITH CHECK (true);

-- Record one run; NULL when `p_key` was recorded before (the run is already on its way or done).
CREATE FUNCTION app.outbox_add(p_job text, p_args jsonb, p_key text)
RETURNS uuid
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  INSERT INTO job_outbox (job, args, dedup_key) VALUES (p_job, p_args, p_key)
  ON CONFLICT (dedup_key) DO NOTHING RETURNING id
$$;

-- The oldest runs not done yet (committed ones only: a row is invisible until its transaction commits).
CREATE FUNCTION app.outbox_open(p_limit int)
RETURNS TABLE (id uuid, job text, args jsonb, created_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT o.id, o.job, o.args, o.created_at FROM job_outbox o
  WHERE o.done_at IS NULL AND o.failed_at IS NULL ORDER BY o.created_at LIMIT least(p_limit, 1000)
$$;

-- Close one run: 'done' (its arguments are dropped) or 'failed' (kept for a look and a manual replay).
CREATE FUNCTION app.outbox_close(p_id uuid, p_state text)
RETURNS boolean
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  WITH closed AS (
    UPDATE job_outbox o
    SET done_at = CASE WHEN p_state = 'done' THEN now() END,
        failed_at = CASE WHEN p_state = 'failed' THEN now() END,
        args = CASE WHEN p_state = 'done' THEN '[]'::jsonb ELSE o.args END
    WHERE o.id = p_id AND o.done_at IS NULL AND o.failed_at IS NULL AND p_state IN ('done', 'failed')
    RETURNING 1)
  SELECT EXISTS (SELECT 1 FROM closed)
$$;

-- Forget done runs older than a week and failed ones older than 30 days; return how many.
CREATE FUNCTION app.outbox_prune()
RETURNS int
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  WITH gone AS (
    DELETE FROM job_outbox WHERE done_at < now() - interval '7 days' OR failed_at < now() - interval '30 days'
    RETURNING 1)
  SELECT count(*)::int FROM gone
$$;

DO $$
DECLARE fn text;
BEGIN
  FOREACH fn IN ARRAY ARRAY['app.outbox_add(text, jsonb, text)', 'app.outbox_open(int)',
                            'app.outbox_close(uuid, text)', 'app.outbox_prune()']
  LOOP
    EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', fn);
    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO workmonitor_app', fn);
  END LOOP;
END $$;
