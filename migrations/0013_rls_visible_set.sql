-- RLS whose cost does not grow per row: the caller's visible users are computed once per statement.
--
-- What must stay true:
-- - app.visible_users() is NULL for an admin (everyone in the company), else the caller plus, for a manager, the
--   assigned employees: exactly the users app.can_see_user() answers true for.
-- - Policies on big tables call it as a scalar sub-select, `user_id = ANY ((SELECT app.visible_users())::uuid[])`, so
--   PostgreSQL runs it once as an InitPlan (a bare STABLE call in a filter runs per row) and an index on user_id
--   can use the array. `(SELECT app.is_admin())` is the admin's short cut, also one InitPlan.
-- - Only reading (and the USING side of update/delete) changes; inserts check one row and keep can_see_user.

CREATE FUNCTION app.visible_users() RETURNS uuid[] LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN app.is_admin() THEN NULL
    WHEN app.role() = 'manager' THEN array(
      SELECT app.user_id() UNION
      SELECT m.employee_id FROM manager_assignments m WHERE m.manager_id = app.user_id())
    WHEN app.user_id() IS NOT NULL THEN ARRAY[app.user_id()]
    ELSE '{}'::uuid[]
  END
$$;
GRANT EXECUTE ON FUNCTION app.visible_users() TO workmonitor_app;

-- The visible-set condition, spelled out per policy (a function wrapping it would run per row again).
-- activity (own rows were already short-cut; the set includes the caller)
ALTER POLICY activity_samples_select ON activity_samples
  USING (company_id = app.company_id() AND ((SELECT app.is_admin()) OR user_id = ANY ((SELECT app.visible_users())::uuid[])));
ALTER POLICY activity_buckets_select ON activity_buckets
  USING (company_id = app.company_id() AND ((SELECT app.is_admin()) OR user_id = ANY ((SELECT app.visible_users())::uuid[])));
ALTER POLICY activity_events_select ON activity_events
  USING (company_id = app.company_id() AND ((SELECT app.is_admin()) OR user_id = ANY ((SELECT app.visible_users())::uuid[])));
ALTER POLICY activity_daily_select ON activity_daily
  USING (company_id = app.company_id() AND ((SELECT app.is_admin()) OR user_id = ANY ((SELECT app.visible_users())::uuid[])));
ALTER POLICY productivity_daily_select ON productivity_daily
  USING (company_id = app.company_id() AND ((SELECT app.is_admin()) OR user_id = ANY ((SELECT app.visible_users())::uuid[])));

-- time
ALTER POLICY time_entries_select ON time_entries
  USING (company_id = app.company_id() AND ((SELECT app.is_admin()) OR user_id = ANY ((SELECT app.visible_users())::uuid[])));
ALTER POLICY time_entries_update ON time_entries
  USING (company_id = app.company_id() AND ((SELECT app.is_admin()) OR user_id = ANY ((SELECT app.visible_users())::uuid[])));
ALTER POLICY time_entries_delete ON time_entries
  USING (company_id = app.company_id() AND ((SELECT app.is_admin()) OR user_id = ANY ((SELECT app.visible_users())::uuid[])));
ALTER POLICY timesheets_select ON timesheets
  USING (company_id = app.company_id() AND ((SELECT app.is_admin()) OR user_id = ANY ((SELECT app.visible_users())::uuid[])));
ALTER POLICY timesheets_update ON timesheets
  USING (company_id = app.company_id() AND ((SELECT app.is_admin()) OR user_id = ANY ((SELECT app.visible_users())::uuid[])));
ALTER POLICY timesheet_events_select ON timesheet_events
  USING (company_id = app.company_id() AND ((SELECT app.is_admin()) OR user_id = ANY ((SELECT app.visible_users())::uuid[])));

-- media
ALTER POLICY screenshots_select ON screenshots
  USING (company_id = app.company_id() AND ((SELECT app.is_admin()) OR user_id = ANY ((SELECT app.visible_users())::uuid[])));
ALTER POLICY screenshots_delete ON screenshots
  USING (company_id = app.company_id() AND ((SELECT app.is_admin()) OR user_id = ANY ((SELECT app.visible_users())::uuid[])));
ALTER POLICY screen_recordings_select ON screen_recordings
  USING (company_id = app.company_id() AND ((SELECT app.is_admin()) OR user_id = ANY ((SELECT app.visible_users())::uuid[])));
ALTER POLICY recording_chunks_select ON recording_chunks
  USING (company_id = app.company_id() AND ((SELECT app.is_admin()) OR user_id = ANY ((SELECT app.visible_users())::uuid[])));

-- attendance
ALTER POLICY attendance_records_select ON attendance_records
  USING (company_id = app.company_id() AND ((SELECT app.is_admin()) OR user_id = ANY ((SELECT app.visible_users())::uuid[])));
ALTER POLICY attendance_breaks_select ON attendance_breaks
  USING (company_id = app.company_id() AND ((SELECT app.is_admin()) OR user_id = ANY ((SELECT app.visible_users())::uuid[])));
ALTER POLICY shifts_select ON shifts
  USING (company_id = app.company_id() AND ((SELECT app.is_admin()) OR user_id = ANY ((SELECT app.visible_users())::uuid[])));
ALTER POLICY leave_requests_select ON leave_requests
  USING (company_id = app.company_id() AND ((SELECT app.is_admin()) OR user_id = ANY ((SELECT app.visible_users())::uuid[])));
ALTER POLICY location_points_select ON location_points
  USING (company_id = app.company_id() AND ((SELECT app.is_admin()) OR user_id = ANY ((SELECT app.visible_users())::uuid[])));
ALTER POLICY geofence_events_select ON geofence_events
  USING (company_id = app.company_id() AND ((SELECT app.is_admin()) OR user_id = ANY ((SELECT app.visible_users())::uuid[])));
