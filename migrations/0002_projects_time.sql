-- Projects and time: clients, projects, members, tasks, time entries, idempotency keys, timesheets.
-- Overlaps are refused by an EXCLUDE constraint, one running timer per user by a partial unique index, and
-- entries inside a submitted or approved timesheet by a trigger, so no code path can bypass these rules.

CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE clients (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id  uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  email       text CHECK (length(email) <= 254),
  notes       text CHECK (length(notes) <= 5000),
  archived    boolean NOT NULL DEFAULT false,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (company_id, id)
);
CREATE UNIQUE INDEX clients_name_key ON clients (company_id, lower(name));

CREATE TABLE projects (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id     uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  client_id      uuid,
  name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  color          text NOT NULL DEFAULT '#4f46e5' CHECK (color ~ '^#[0-9a-f]{6}$'),
  billable       boolean NOT NULL DEFAULT true,
  hourly_rate    bigint CHECK (hourly_rate >= 0),          -- minor units per hour
  currency       char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  budget_hours   numeric(10, 2) CHECK (budget_hours > 0),
  budget_amount  bigint CHECK (budget_amount > 0),         -- minor units
  archived       boolean NOT NULL DEFAULT false,
  created_by     uuid,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (company_id, id),
  FOREIGN KEY (company_id, client_id) REFERENCES clients (company_id, id) ON DELETE SET NULL (client_id)
);
CREATE UNIQUE INDEX projects_name_key ON projects (company_id, lower(name));
CREATE INDEX projects_client_idx ON projects (client_id);

CREATE TABLE project_members (
  company_id   uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  project_id   uuid NOT NULL,
  user_id      uuid NOT NULL,
  hourly_rate  bigint CHECK (hourly_rate >= 0),            -- overrides the project's rate for this member
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (project_id, user_id),
  FOREIGN KEY (company_id, project_id) REFERENCES projects (company_id, id) ON DELETE CASCADE,
  FOREIGN KEY (company_id, user_id) REFERENCES users (company_id, id) ON DELETE CASCADE
);
CREATE INDEX project_members_user_idx ON project_members (user_id);

CREATE TABLE tasks (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id        uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  project_id        uuid NOT NULL,
  name              text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  description       text CHECK (length(description) <= 5000),
  status            text NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'in_progress', 'done')),
  due_date          date,
  estimate_minutes  int CHECK (estimate_minutes > 0),
  created_by        uuid,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  UNIQUE (company_id, id),
  UNIQUE (project_id, id),
  FOREIGN KEY (company_id, project_id) REFERENCES projects (company_id, id) ON DELETE CASCADE
);

CREATE TABLE task_assignees (
  company_id  uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  task_id     uuid NOT NULL,
  project_id  uuid NOT NULL,
  user_id     uuid NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (task_id, user_id),
  FOREIGN KEY (project_id, task_id) REFERENCES tasks (project_id, id) ON DELETE CASCADE,
  FOREIGN KEY (company_id, task_id) REFERENCES tasks (company_id, id) ON DELETE CASCADE,
  FOREIGN KEY (company_id, user_id) REFERENCES users (company_id, id) ON DELETE CASCADE
);
CREATE INDEX task_assignees_user_idx ON task_assignees (user_id);

CREATE TABLE time_entries (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id   uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  user_id      uuid NOT NULL,
  project_id   uuid,
  task_id      uuid,
  description  text CHECK (length(description) <= 2000),
  started_at   timestamptz NOT NULL,
  ended_at     timestamptz,                                 -- NULL: the running timer
  billable     boolean NOT NULL DEFAULT false,
  source       text NOT NULL DEFAULT 'web' CHECK (source IN ('web', 'desktop', 'mobile', 'browser', 'api')),
  created_by   uuid,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (company_id, id),
  CHECK (ended_at IS NULL OR ended_at > started_at),
  CHECK (task_id IS NULL OR project_id IS NOT NULL),
  FOREIGN KEY (company_id, user_id) REFERENCES users (company_id, id) ON DELETE CASCADE,
  FOREIGN KEY (company_id, project_id) REFERENCES projects (company_id, id),
  FOREIGN KEY (project_id, task_id) REFERENCES tasks (project_id, id) ON DELETE SET NULL (task_id),
  CONSTRAINT time_entries_no_overlap EXCLUDE USING gist
    (user_id WITH =, tstzrange(started_at, coalesce(ended_at, 'infinity'::timestamptz), '[)') WITH &&)
);
-- One running timer per user; starting a new one stops the running one in the same transaction.
CREATE UNIQUE INDEX time_entries_one_running ON time_entries (user_id) WHERE ended_at IS NULL;
CREATE INDEX time_entries_user_start_idx ON time_entries (user_id, started_at);
CREATE INDEX time_entries_company_start_idx ON time_entries (company_id, started_at);
CREATE INDEX time_entries_project_idx ON time_entries (project_id, started_at);

-- A client retrying a create with the same Idempotency-Key gets the original entry back.
CREATE TABLE idempotency_keys (
  company_id    uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  user_id       uuid NOT NULL,
  key           text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
  request_hash  text NOT NULL,
  entry_id      uuid,
  created_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (company_id, user_id, key),
  FOREIGN KEY (company_id, user_id) REFERENCES users (company_id, id) ON DELETE CASCADE
);

CREATE TABLE timesheets (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id    uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  user_id       uuid NOT NULL,
  period_start  date NOT NULL,                               -- first local day of the week
  period_end    date NOT NULL,                               -- last local day (inclusive)
  timezone      text NOT NULL,
  starts_at     timestamptz NOT NULL,                        -- local midnight of period_start, in UTC
  ends_at       timestamptz NOT NULL,                        -- local midnight after period_end, in UTC
  status        text NOT NULL DEFAULT 'submitted'
                CHECK (status IN ('open', 'submitted', 'approved', 'rejected')),
  total_seconds bigint NOT NULL DEFAULT 0,
  submitted_at  timestamptz,
  decided_by    uuid,
  decided_at    timestamptz,
  comment       text CHECK (length(comment) <= 2000),
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (company_id, id),
  UNIQUE (user_id, period_start),
  CHECK (period_end = period_start + 6 AND ends_at > starts_at),
  FOREIGN KEY (company_id, user_id) REFERENCES users (company_id, id) ON DELETE CASCADE
);
CREATE INDEX timesheets_company_status_idx ON timesheets (company_id, status, period_start);

-- History: every submission, approval, rejection and reopening; append-only for the application.
CREATE TABLE timesheet_events (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id    uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  timesheet_id  uuid NOT NULL,
  user_id       uuid NOT NULL,                               -- the timesheet's owner (for RLS)
  actor_id      uuid NOT NULL,
  action        text NOT NULL CHECK (action IN ('submitted', 'approved', 'rejected', 'reopened')),
  comment       text CHECK (length(comment) <= 2000),
  created_at    timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (company_id, timesheet_id) REFERENCES timesheets (company_id, id) ON DELETE CASCADE
);
CREATE INDEX timesheet_events_sheet_idx ON timesheet_events (timesheet_id, id);

-- Helpers -------------------------------------------------------------------------------------------------

-- True when the caller plans work for the whole company (creates and edits projects).
CREATE FUNCTION app.is_planner() RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE AS
$$ SELECT app.role() IN ('admin', 'system', 'manager') $$;

-- True when `uid` is a member of project `pid` (reads project_members through the caller's RLS).
CREATE FUNCTION app.project_member(pid uuid, uid uuid) RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT EXISTS (SELECT 1 FROM project_members m WHERE m.project_id = pid AND m.user_id = uid) $$;

-- Refuse any change to an entry that lies in a submitted or approved week of its user. SECURITY DEFINER so
-- the check sees every timesheet whatever the caller's RLS; it only reads.
CREATE FUNCTION app.guard_time_entry() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
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
       AND tstzrange(t.starts_at, t.ends_at, '[)')
           && tstzrange(OLD.started_at, coalesce(OLD.ended_at, 'infinity'::timestamptz), '[)')
     ORDER BY (t.status = 'approved') DESC LIMIT 1;
  END IF;
  IF locked IS NULL AND TG_OP <> 'DELETE' THEN
    SELECT t.status INTO locked FROM timesheets t
     WHERE t.user_id = NEW.user_id AND t.status IN ('submitted', 'approved')
       AND tstzrange(t.starts_at, t.ends_at, '[)')
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
CREATE TRIGGER time_entries_guard BEFORE INSERT OR UPDATE OR DELETE ON time_entries
  FOR EACH ROW EXECUTE FUNCTION app.guard_time_entry();

-- Only the assigned manager or an admin decides a timesheet; nobody approves their own week unless admin;
-- only an admin changes (reopens) an approved one; the period never changes.
CREATE FUNCTION app.guard_timesheet() RETURNS trigger LANGUAGE plpgsql AS $$
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
  NEW.updated_at := now();
  RETURN NEW;
END $$;
CREATE TRIGGER timesheets_guard BEFORE INSERT OR UPDATE ON timesheets
  FOR EACH ROW EXECUTE FUNCTION app.guard_timesheet();

-- Budget consumption of a project over every entry, for planners (who may not see each entry through RLS).
CREATE FUNCTION app.project_usage(pid uuid)
RETURNS TABLE (seconds bigint, billable_seconds bigint, amount bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT coalesce(sum(d.secs), 0)::bigint,
         coalesce(sum(d.secs) FILTER (WHERE d.billable), 0)::bigint,
         coalesce(sum(round(d.secs * coalesce(d.rate, 0) / 3600.0)) FILTER (WHERE d.billable), 0)::bigint
    FROM (SELECT extract(epoch FROM coalesce(e.ended_at, now()) - e.started_at) AS secs, e.billable,
                 coalesce(m.hourly_rate, p.hourly_rate) AS rate
            FROM time_entries e
            JOIN projects p ON p.id = e.project_id
            LEFT JOIN project_members m ON m.project_id = e.project_id AND m.user_id = e.user_id
           WHERE e.project_id = pid AND e.company_id = app.company_id() AND app.is_planner()) d
$$;

-- Row Level Security ---------------------------------------------------------------------------------------

ALTER TABLE clients ENABLE ROW LEVEL SECURITY;
ALTER TABLE clients FORCE ROW LEVEL SECURITY;
CREATE POLICY clients_select ON clients FOR SELECT USING (company_id = app.company_id() AND (app.is_planner()
  OR EXISTS (SELECT 1 FROM projects p WHERE p.client_id = clients.id)));
CREATE POLICY clients_write ON clients FOR ALL USING (company_id = app.company_id() AND app.is_planner())
  WITH CHECK (company_id = app.company_id() AND app.is_planner());

-- Employees see only the projects they are members of.
ALTER TABLE projects ENABLE ROW LEVEL SECURITY;
ALTER TABLE projects FORCE ROW LEVEL SECURITY;
CREATE POLICY projects_select ON projects FOR SELECT USING (company_id = app.company_id()
  AND (app.is_planner() OR app.project_member(id, app.user_id())));
CREATE POLICY projects_write ON projects FOR ALL USING (company_id = app.company_id() AND app.is_planner())
  WITH CHECK (company_id = app.company_id() AND app.is_planner());

ALTER TABLE project_members ENABLE ROW LEVEL SECURITY;
ALTER TABLE project_members FORCE ROW LEVEL SECURITY;
CREATE POLICY project_members_select ON project_members FOR SELECT
  USING (company_id = app.company_id() AND (app.is_planner() OR user_id = app.user_id()));
CREATE POLICY project_members_write ON project_members FOR ALL
  USING (company_id = app.company_id() AND app.is_planner())
  WITH CHECK (company_id = app.company_id() AND app.is_planner());

ALTER TABLE tasks ENABLE ROW LEVEL SECURITY;
ALTER TABLE tasks FORCE ROW LEVEL SECURITY;
CREATE POLICY tasks_select ON tasks FOR SELECT USING (company_id = app.company_id()
  AND (app.is_planner() OR app.project_member(project_id, app.user_id())));
CREATE POLICY tasks_write ON tasks FOR ALL USING (company_id = app.company_id() AND app.is_planner())
  WITH CHECK (company_id = app.company_id() AND app.is_planner());
-- An assignee moves their task along (status only; the trigger below guards the other columns).
CREATE POLICY tasks_assignee_update ON tasks FOR UPDATE
  USING (company_id = app.company_id() AND EXISTS (
           SELECT 1 FROM task_assignees a WHERE a.task_id = tasks.id AND a.user_id = app.user_id()))
  WITH CHECK (company_id = app.company_id() AND EXISTS (
           SELECT 1 FROM task_assignees a WHERE a.task_id = tasks.id AND a.user_id = app.user_id()));
CREATE FUNCTION app.guard_task_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT app.is_planner() AND (to_jsonb(NEW) - 'status' - 'updated_at') <> (to_jsonb(OLD) - 'status' - 'updated_at') THEN
    RAISE EXCEPTION 'an assignee may change only the status of a task' USING ERRCODE = 'insufficient_privilege';
  END IF;
  NEW.updated_at := now();
  RETURN NEW;
END $$;
CREATE TRIGGER tasks_guard BEFORE UPDATE ON tasks FOR EACH ROW EXECUTE FUNCTION app.guard_task_update();

ALTER TABLE task_assignees ENABLE ROW LEVEL SECURITY;
ALTER TABLE task_assignees FORCE ROW LEVEL SECURITY;
CREATE POLICY task_assignees_select ON task_assignees FOR SELECT USING (company_id = app.company_id()
  AND (app.is_planner() OR app.project_member(project_id, app.user_id())));
CREATE POLICY task_assignees_write ON task_assignees FOR ALL
  USING (company_id = app.company_id() AND app.is_planner())
  WITH CHECK (company_id = app.company_id() AND app.is_planner());

-- Entries: own, or of the users a manager is assigned; a project entry only for the project's members
-- (planners may book their own time on any project).
ALTER TABLE time_entries ENABLE ROW LEVEL SECURITY;
ALTER TABLE time_entries FORCE ROW LEVEL SECURITY;
CREATE POLICY time_entries_select ON time_entries FOR SELECT
  USING (company_id = app.company_id() AND app.can_see_user(user_id));
CREATE POLICY time_entries_insert ON time_entries FOR INSERT
  WITH CHECK (company_id = app.company_id() AND app.can_see_user(user_id)
              AND (project_id IS NULL OR app.project_member(project_id, user_id)
                   OR (app.is_planner() AND user_id = app.user_id())));
CREATE POLICY time_entries_update ON time_entries FOR UPDATE
  USING (company_id = app.company_id() AND app.can_see_user(user_id))
  WITH CHECK (company_id = app.company_id() AND app.can_see_user(user_id)
              AND (project_id IS NULL OR app.project_member(project_id, user_id)
                   OR (app.is_planner() AND user_id = app.user_id())));
CREATE POLICY time_entries_delete ON time_entries FOR DELETE
  USING (company_id = app.company_id() AND app.can_see_user(user_id));

ALTER TABLE idempotency_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE idempotency_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY idempotency_keys_own ON idempotency_keys FOR ALL
  USING (company_id = app.company_id() AND user_id = app.user_id())
  WITH CHECK (company_id = app.company_id() AND user_id = app.user_id());

ALTER TABLE timesheets ENABLE ROW LEVEL SECURITY;
ALTER TABLE timesheets FORCE ROW LEVEL SECURITY;
CREATE POLICY timesheets_select ON timesheets FOR SELECT
  USING (company_id = app.company_id() AND app.can_see_user(user_id));
CREATE POLICY timesheets_insert ON timesheets FOR INSERT
  WITH CHECK (company_id = app.company_id() AND (user_id = app.user_id() OR app.is_admin()));
CREATE POLICY timesheets_update ON timesheets FOR UPDATE
  USING (company_id = app.company_id() AND app.can_see_user(user_id))
  WITH CHECK (company_id = app.company_id() AND app.can_see_user(user_id));

ALTER TABLE timesheet_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE timesheet_events FORCE ROW LEVEL SECURITY;
CREATE POLICY timesheet_events_select ON timesheet_events FOR SELECT
  USING (company_id = app.company_id() AND app.can_see_user(user_id));
CREATE POLICY timesheet_events_insert ON timesheet_events FOR INSERT
  WITH CHECK (company_id = app.company_id() AND actor_id = app.user_id() AND app.can_see_user(user_id));

GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA app TO workmonitor_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON clients, projects, project_members, tasks, task_assignees, time_entries,
  idempotency_keys TO workmonitor_app;
GRANT SELECT, INSERT, UPDATE ON timesheets TO workmonitor_app;
GRANT SELECT, INSERT ON timesheet_events TO workmonitor_app;
