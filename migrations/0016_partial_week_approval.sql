-- Submitting or approving a week locks only the part of it that had passed at submission (issue 14, item 2).
--
-- What must stay true:
-- - A timesheet locks its user's entries in [starts_at, locked_until), not the whole week: submitting the current
--   week on Wednesday afternoon (and its approval) locks Monday to that instant; tracking goes on afterwards, and
--   entries after the instant stay editable. A week submitted after it ended locks all of it, as before.
-- - locked_until is set by the database when a week becomes submitted (least of the week's end and now) and
--   never otherwise changes, so a client cannot widen or narrow a lock. Approval keeps the submitted range: the
--   approver decides on what was submitted.
-- - Rows that exist already lock their whole week (locked_until = ends_at), as they did.

ALTER TABLE timesheets ADD COLUMN locked_until timestamptz;
UPDATE timesheets SET locked_until = ends_at;
ALTER TABLE timesheets ALTER COLUMN locked_until SET NOT NULL;
ALTER TABLE timesheets ADD CONSTRAINT timesheets_locked_within CHECK (locked_until BETWEEN starts_at AND ends_at);

CREATE OR REPLACE FUNCTION app.guard_time_entry() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
DECLARE
  locked text;
BEGIN
  IF TG_OP = 'UPDATE' AND (NEW.company_id, NEW.user_id) IS DISTINCT FROM (OLD.company_id, OLD.user_id) THEN
    RAISE EXCEPTION 'an entry cannot move to another user' USING ERRCODE = 'insufficient_privilege';
  END IF;
  -- Erasing a user or a company cascades to their entries: the lock protects entries, not people.
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = OLD.user_id) THEN
    RETURN OLD;
  END IF;
  -- A row of another tenant is left to RLS, which refuses it with the usual error.
  IF TG_OP <> 'DELETE' AND app.company_id() IS NOT NULL AND NEW.company_id IS DISTINCT FROM app.company_id() THEN
    RETURN NEW;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    SELECT t.status INTO locked FROM timesheets t
     WHERE t.user_id = OLD.user_id AND t.status IN ('submitted', 'approved')
       AND tstzrange(t.starts_at, t.locked_until, '[)')
           && tstzrange(OLD.started_at, coalesce(OLD.ended_at, 'infinity'::timestamptz), '[)')
     ORDER BY (t.status = 'approved') DESC LIMIT 1;
  END IF;
  IF locked IS NULL AND TG_OP <> 'DELETE' THEN
    SELECT t.status INTO locked FROM timesheets t
     WHERE t.user_id = NEW.user_id AND t.status IN ('submitted', 'approved')
       AND tstzrange(t.starts_at, t.locked_until, '[)')
           && tstzrange(NEW.started_at, coalesce(NEW.ended_at, 'infinity'::timestamptz), '[)')
     ORDER BY (t.status = 'approved') DESC LIMIT 1;
  END IF;
  IF locked IS NOT NULL THEN
    RAISE EXCEPTION 'wm:period_%: this entry lies in a % timesheet', locked, locked;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  NEW.updated_at := now();
  RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION app.guard_timesheet() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (NEW.company_id, NEW.user_id, NEW.period_start, NEW.starts_at, NEW.ends_at)
     IS DISTINCT FROM (OLD.company_id, OLD.user_id, OLD.period_start, OLD.starts_at, OLD.ends_at) THEN
    RAISE EXCEPTION 'a timesheet period cannot change' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NOT (app.is_admin() OR (app.role() = 'manager' AND NEW.user_id <> app.user_id()
                              AND app.can_see_user(NEW.user_id))) THEN
    -- Anybody else (the week's owner) may only submit an open or rejected week.
    IF NEW.status <> 'submitted' OR (TG_OP = 'UPDATE' AND OLD.status NOT IN ('open', 'rejected')) THEN
      RAISE EXCEPTION 'only the assigned manager or an admin may decide a timesheet'
        USING ERRCODE = 'insufficient_privilege';
    END IF;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.status = 'approved' AND NOT app.is_admin() THEN
    RAISE EXCEPTION 'only an admin may change an approved timesheet' USING ERRCODE = 'insufficient_privilege';
  END IF;
  -- The lock covers what had passed when the week was submitted; nothing else moves it.
  IF TG_OP = 'INSERT' OR (NEW.status = 'submitted' AND OLD.status <> 'submitted') THEN
    NEW.locked_until := least(NEW.ends_at, greatest(NEW.starts_at, now()));
  ELSE
    NEW.locked_until := OLD.locked_until;
  END IF;
  NEW.updated_at := now();
  RETURN NEW;
END $$;
