-- Roles: no claim equals admin except 'admin'. Background work acts as 'job', which may do exactly what the jobs
-- in shared/workmonitor/jobs (and the activity recompute) do, table by table, inside one company.
--
-- What must stay true:
-- - app.is_admin() is true for role 'admin' only; app.is_planner() for 'admin' and 'manager'.
-- - No policy names 'system' (tests/test_rls.py reads pg_policies). A claim with role 'system' is now an
--   ordinary claim with no rights beyond what any company claim has.
-- - Each job's rights are listed below next to the job that needs them; a new job adds its own policy here
--   (or in its domain's migration), never a wider helper function.
-- - Company-wide reads that need no role (companies, users' directory, productivity_rules, preferences) were
--   already open to any claim of the company; 'job' keeps them as every role does.

CREATE OR REPLACE FUNCTION app.is_admin() RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE AS
$$ SELECT app.role() = 'admin' $$;
CREATE OR REPLACE FUNCTION app.is_planner() RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE AS
$$ SELECT app.role() IN ('admin', 'manager') $$;
CREATE FUNCTION app.is_job() RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE AS
$$ SELECT app.role() = 'job' AND app.user_id() IS NULL $$;
GRANT EXECUTE ON FUNCTION app.is_job() TO workmonitor_app;

-- 'system' out of the policies that named it --------------------------------------------------------------

-- Invitations: admins and managers of the company, or the link's holder (migration 0008 of the accounts work
-- replaces this policy without the lookup claim; the guard keeps this step a no-op once it has).
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_policies WHERE tablename = 'invitations' AND policyname = 'invitations_select'
             AND qual LIKE '%system%') THEN
    ALTER POLICY invitations_select ON invitations
      USING ((company_id = app.company_id() AND app.role() IN ('admin', 'manager')) OR token_hash = app.lookup_token());
  END IF;
END $$;

-- Uploads come from the user's own agent; no background work creates media rows.
ALTER POLICY screenshots_insert ON screenshots
  WITH CHECK (company_id = app.company_id() AND user_id = app.user_id());
ALTER POLICY screen_recordings_insert ON screen_recordings
  WITH CHECK (company_id = app.company_id() AND user_id = app.user_id());
ALTER POLICY recording_chunks_insert ON recording_chunks
  WITH CHECK (company_id = app.company_id() AND user_id = app.user_id());

-- Chat channels and notifications: no job reads them (push jobs get the text as arguments).
ALTER POLICY chat_channels_select ON chat_channels
  USING (company_id = app.company_id() AND (kind = 'public' OR app.user_id() = ANY (member_ids)
         OR created_by = app.user_id() OR (app.is_admin() AND kind <> 'dm')));
ALTER POLICY notifications_select ON notifications
  USING (company_id = app.company_id() AND user_id = app.user_id());

ALTER POLICY device_tokens_all ON device_tokens
  USING (company_id = app.company_id() AND user_id = app.user_id())
  WITH CHECK (company_id = app.company_id() AND user_id = app.user_id());

DROP POLICY idempotency_keys_system_read ON idempotency_keys;
DROP POLICY idempotency_keys_system_cleanup ON idempotency_keys;

-- Audit rows record what a person did; a job acts for nobody.
ALTER POLICY audit_logs_insert ON audit_logs
  WITH CHECK ((company_id IS NULL OR company_id = app.company_id()) AND NOT app.is_job());

-- What each job may do -------------------------------------------------------------------------------------

-- jobs.media.make_thumbnail / requeue_stale: read a screenshot and move its state; jobs.retention: delete
-- expired ones (SELECT ... FOR UPDATE SKIP LOCKED needs the UPDATE policy too).
CREATE POLICY screenshots_job_select ON screenshots FOR SELECT USING (company_id = app.company_id() AND app.is_job());
CREATE POLICY screenshots_job_update ON screenshots FOR UPDATE
  USING (company_id = app.company_id() AND app.is_job()) WITH CHECK (company_id = app.company_id() AND app.is_job());
CREATE POLICY screenshots_job_delete ON screenshots FOR DELETE USING (company_id = app.company_id() AND app.is_job());

-- jobs.retention: find expired recordings and their chunks' objects, lock them (never change them), delete the
-- recording (its chunks go with it by the foreign key).
CREATE POLICY screen_recordings_job_select ON screen_recordings FOR SELECT
  USING (company_id = app.company_id() AND app.is_job());
CREATE POLICY screen_recordings_job_lock ON screen_recordings FOR UPDATE
  USING (company_id = app.company_id() AND app.is_job()) WITH CHECK (false);
CREATE POLICY screen_recordings_job_delete ON screen_recordings FOR DELETE
  USING (company_id = app.company_id() AND app.is_job());
CREATE POLICY recording_chunks_job_select ON recording_chunks FOR SELECT
  USING (company_id = app.company_id() AND app.is_job());

-- jobs.notifications.send_push: read the recipient's device tokens, delete the ones the push service rejects.
CREATE POLICY device_tokens_job_select ON device_tokens FOR SELECT USING (company_id = app.company_id() AND app.is_job());
CREATE POLICY device_tokens_job_delete ON device_tokens FOR DELETE USING (company_id = app.company_id() AND app.is_job());

-- jobs.cleanup.expire_idempotency_keys: delete keys older than a week (a DELETE ... WHERE needs SELECT too).
CREATE POLICY idempotency_keys_job_select ON idempotency_keys FOR SELECT
  USING (company_id = app.company_id() AND app.is_job());
CREATE POLICY idempotency_keys_job_delete ON idempotency_keys FOR DELETE
  USING (company_id = app.company_id() AND app.is_job());

-- activity.recompute_company: read raw samples and events and the teams (rule scope), rebuild both rollups.
CREATE POLICY activity_samples_job_select ON activity_samples FOR SELECT
  USING (company_id = app.company_id() AND app.is_job());
CREATE POLICY activity_events_job_select ON activity_events FOR SELECT
  USING (company_id = app.company_id() AND app.is_job());
CREATE POLICY manager_assignments_job_select ON manager_assignments FOR SELECT
  USING (company_id = app.company_id() AND app.is_job());
CREATE POLICY activity_daily_job ON activity_daily FOR ALL
  USING (company_id = app.company_id() AND app.is_job()) WITH CHECK (company_id = app.company_id() AND app.is_job());
CREATE POLICY productivity_daily_job ON productivity_daily FOR ALL
  USING (company_id = app.company_id() AND app.is_job()) WITH CHECK (company_id = app.company_id() AND app.is_job());
