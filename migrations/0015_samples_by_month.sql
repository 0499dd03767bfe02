-- Raw activity samples partitioned by month (UTC) of started_at: retention drops whole months, and a report
-- over a range scans only the months it covers. RLS stays on the parent (the partitions are reached only
-- through it: the application role has no rights on them).
--
-- What must stay true:
-- - The idempotency key is (user_id, device_id, seq, started_at): a unique key of a partitioned table must hold
--   the partition key. A retried batch carries the same samples (the agent queues them with their times), so it
--   still inserts nothing twice; a device whose seq restarts (reinstall) no longer has its new samples dropped.
-- - app.ensure_sample_partitions(from, to) creates the missing months from..to (moving any rows the DEFAULT
--   partition holds for them); migrations call it for 12 months back to 3 ahead, the scheduler's retention run
--   for the months ahead. The DEFAULT partition catches anything outside, so an insert never fails for want
--   of a partition.
-- - app.drop_sample_partitions(before) drops the months that end at or before `before` (installation-wide
--   raw retention) and records in activity_raw_floor where raw data now starts; the rollups keep the history,
--   and a full recompute rebuilds only the days after that floor.

ALTER TABLE activity_samples RENAME TO activity_samples_unpartitioned;
ALTER TABLE activity_samples_unpartitioned RENAME CONSTRAINT activity_samples_pkey TO activity_samples_unpartitioned_pkey;
ALTER INDEX activity_samples_user_time_idx RENAME TO activity_samples_unpartitioned_user_time_idx;

-- Same columns, defaults and checks; the key gains the partition key.
CREATE TABLE activity_samples (LIKE activity_samples_unpartitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS)
  PARTITION BY RANGE (started_at);
ALTER TABLE activity_samples ADD PRIMARY KEY (user_id, device_id, seq, started_at),
  ADD FOREIGN KEY (company_id, user_id) REFERENCES users (company_id, id) ON DELETE CASCADE;
CREATE INDEX activity_samples_user_time_idx ON activity_samples (company_id, user_id, started_at);
CREATE TABLE activity_samples_default PARTITION OF activity_samples DEFAULT;
ALTER TABLE activity_samples_default ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

-- The name of the month partition holding `m` (any day of it).
CREATE FUNCTION app.sample_partition_name(m date) RETURNS text LANGUAGE sql IMMUTABLE AS
$$ SELECT 'activity_samples_' || to_char(date_trunc('month', m), 'YYYY_MM') $$;

CREATE FUNCTION app.ensure_sample_partitions(p_from date, p_to date) RETURNS int
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  m date := date_trunc('month', p_from)::date;
  made int := 0;
  name text;
  lo timestamptz;
  hi timestamptz;
BEGIN
  IF p_to - p_from > 800 THEN  -- any claim may call it: keep one call's work bounded
    RAISE EXCEPTION 'at most 800 days at once' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  WHILE m <= p_to LOOP
    name := app.sample_partition_name(m);
    IF to_regclass(name) IS NULL THEN
      lo := m::timestamp AT TIME ZONE 'UTC';
      hi := (m + interval '1 month')::timestamp AT TIME ZONE 'UTC';
      -- Rows of this month that reached the DEFAULT partition move into the new one before it is attached.
      -- Every partition has RLS enabled and forced with no policy of its own: read directly, it shows nothing
      -- (through the parent only the parent's policies apply). The move lifts FORCE on DEFAULT for this
      -- transaction only, so the owner sees the rows it moves.
      EXECUTE format('CREATE TABLE %I (LIKE activity_samples INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', name);
      ALTER TABLE activity_samples_default NO FORCE ROW LEVEL SECURITY;
      EXECUTE format('WITH moved AS (DELETE FROM activity_samples_default WHERE started_at >= %L AND started_at < %L'
                     ' RETURNING *) INSERT INTO %I SELECT * FROM moved', lo, hi, name);
      ALTER TABLE activity_samples_default FORCE ROW LEVEL SECURITY;
      EXECUTE format('ALTER TABLE activity_samples ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', name, lo, hi);
      EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY', name);
      made := made + 1;
    END IF;
    m := (m + interval '1 month')::date;
  END LOOP;
  RETURN made;
END $$;

-- The instant before which raw samples were dropped (one row at most; installation-wide like the partitions).
-- A full recompute leaves the rollups of earlier days alone: they are the only record of that time now.
CREATE TABLE activity_raw_floor (
  one    boolean PRIMARY KEY DEFAULT true CHECK (one),
  since  timestamptz NOT NULL
);
GRANT SELECT ON activity_raw_floor TO workmonitor_app;

CREATE FUNCTION app.drop_sample_partitions(p_before date) RETURNS int
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  part record;
  dropped int := 0;
  floor_at timestamptz;
BEGIN
  FOR part IN
    SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = 'activity_samples'::regclass AND c.relname ~ '^activity_samples_\d{4}_\d{2}$'
      AND (to_date(right(c.relname, 7), 'YYYY_MM') + interval '1 month')::date <= p_before
  LOOP
    EXECUTE format('DROP TABLE %I', part.relname);
    dropped := dropped + 1;
    floor_at := greatest(floor_at, (to_date(right(part.relname, 7), 'YYYY_MM') + interval '1 month') AT TIME ZONE 'UTC');
  END LOOP;
  IF dropped > 0 THEN
    INSERT INTO activity_raw_floor (since) VALUES (floor_at)
    ON CONFLICT (one) DO UPDATE SET since = greatest(activity_raw_floor.since, excluded.since);
  END IF;
  RETURN dropped;
END $$;
-- The scheduler (a job claim) keeps the months ahead; dropping stays with the owner (ops or the retention job
-- through the owner URL).
REVOKE ALL ON FUNCTION app.ensure_sample_partitions(date, date) FROM PUBLIC;
REVOKE ALL ON FUNCTION app.drop_sample_partitions(date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.ensure_sample_partitions(date, date) TO workmonitor_app;

SELECT app.ensure_sample_partitions((now() - interval '12 months')::date, (now() + interval '3 months')::date);
SELECT app.ensure_sample_partitions(min(started_at)::date, max(started_at)::date) FROM activity_samples_unpartitioned
  HAVING count(*) > 0;
INSERT INTO activity_samples SELECT * FROM activity_samples_unpartitioned;
DROP TABLE activity_samples_unpartitioned;

ALTER TABLE activity_samples ENABLE ROW LEVEL SECURITY;
ALTER TABLE activity_samples FORCE ROW LEVEL SECURITY;
CREATE POLICY activity_samples_select ON activity_samples FOR SELECT
  USING (company_id = app.company_id() AND ((SELECT app.is_admin()) OR user_id = ANY ((SELECT app.visible_users())::uuid[])));
CREATE POLICY activity_samples_insert ON activity_samples FOR INSERT
  WITH CHECK (company_id = app.company_id() AND user_id = app.user_id());
CREATE POLICY activity_samples_delete ON activity_samples FOR DELETE
  USING (company_id = app.company_id() AND app.is_admin());
CREATE POLICY activity_samples_job_select ON activity_samples FOR SELECT
  USING (company_id = app.company_id() AND app.is_job());
GRANT SELECT, INSERT, DELETE ON activity_samples TO workmonitor_app;
