-- Nobody decides their own leave, admins included (0003's comment said so, but an admin passed
-- app.can_manage_user for their own requests). Another admin, or the assigned manager, decides.
CREATE OR REPLACE FUNCTION app.guard_leave_decision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status IS DISTINCT FROM OLD.status AND NEW.status IN ('approved', 'rejected')
     AND (NOT app.can_manage_user(NEW.user_id) OR NEW.user_id = app.user_id()) THEN
    RAISE EXCEPTION 'only the assigned manager or another admin may decide leave' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF (NEW.user_id, NEW.start_date, NEW.end_date, NEW.days, NEW.leave_type_id, NEW.company_id)
     IS DISTINCT FROM (OLD.user_id, OLD.start_date, OLD.end_date, OLD.days, OLD.leave_type_id, OLD.company_id) THEN
    RAISE EXCEPTION 'a leave request cannot be rewritten' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
