-- A manager may create the timesheet row of one of their people (issue 14: approving an ended week that was never
-- submitted submits it on the person's behalf, then approves it; workmonitor.time.approval).
--
-- What must stay true:
-- - The row is still only ever the caller's own, or of a user the caller sees: an admin anyone in the company, a
--   manager exactly their assigned employees (app.can_see_user), an employee only themselves.
-- - Nothing else widens: updates already needed can_see_user; timesheet_events rows still carry the caller as actor.
ALTER POLICY timesheets_insert ON timesheets
  WITH CHECK (company_id = app.company_id() AND app.can_see_user(user_id));
