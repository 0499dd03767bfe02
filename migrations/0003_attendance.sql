-- Attendance: clock records, breaks, planned shifts, leave types/requests, GPS points, geofences and their events.
-- Every table carries company_id, RLS ENABLED and FORCED; timestamps are timestamptz (UTC), local days are
-- computed in the employee's time zone by the application.

-- True when the caller manages `uid` (an admin, or that user's assigned manager) and is not `uid` themself.
CREATE FUNCTION app.can_manage_user(uid uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT app.is_admin() OR (app.role() = 'manager' AND uid <> app.user_id() AND app.can_see_user(uid))
$$;

CREATE TABLE attendance_records (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id        uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  user_id           uuid NOT NULL,
  clock_in_at       timestamptz NOT NULL,
  clock_out_at      timestamptz,
  clock_in_lat      double precision CHECK (clock_in_lat BETWEEN -90 AND 90),
  clock_in_lng      double precision CHECK (clock_in_lng BETWEEN -180 AND 180),
  clock_in_accuracy real CHECK (clock_in_accuracy >= 0),
  clock_out_lat     double precision CHECK (clock_out_lat BETWEEN -90 AND 90),
  clock_out_lng     double precision CHECK (clock_out_lng BETWEEN -180 AND 180),
  geofence_id       uuid,                 -- the fence the clock-in was inside, when evaluated
  flags             text[] NOT NULL DEFAULT '{}',
  source            text NOT NULL DEFAULT 'web' CHECK (source IN ('web', 'mobile', 'desktop', 'browser', 'manual')),
  note              text CHECK (length(note) <= 2000),
  created_by        uuid,
  created_at        timestamptz NOT NULL DEFAULT now(),
  CHECK (clock_out_at IS NULL OR clock_out_at > clock_in_at),
  UNIQUE (company_id, id),
  FOREIGN KEY (company_id, user_id) REFERENCES users (company_id, id) ON DELETE CASCADE
);
-- One open clock-in per user.
CREATE UNIQUE INDEX attendance_records_open_key ON attendance_records (user_id) WHERE clock_out_at IS NULL;
CREATE INDEX attendance_records_user_idx ON attendance_records (user_id, clock_in_at);
CREATE INDEX attendance_records_company_idx ON attendance_records (company_id, clock_in_at);

CREATE TABLE attendance_breaks (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id  uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  record_id   uuid NOT NULL,
  user_id     uuid NOT NULL,
  started_at  timestamptz NOT NULL,
  ended_at    timestamptz,
  paid        boolean NOT NULL DEFAULT false,
  created_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (ended_at IS NULL OR ended_at > started_at),
  FOREIGN KEY (company_id, record_id) REFERENCES attendance_records (company_id, id) ON DELETE CASCADE,
  FOREIGN KEY (company_id, user_id) REFERENCES users (company_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX attendance_breaks_open_key ON attendance_breaks (record_id) WHERE ended_at IS NULL;
CREATE INDEX attendance_breaks_record_idx ON attendance_breaks (record_id, started_at);

CREATE TABLE shifts (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id  uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  user_id     uuid NOT NULL,
  shift_date  date NOT NULL,             -- the employee's local date the shift starts on
  start_time  time NOT NULL,             -- local wall-clock times; end <= start means the shift ends next day
  end_time    time NOT NULL,
  timezone    text NOT NULL,             -- the employee's zone when planned, used to compute starts/ends_at
  starts_at   timestamptz NOT NULL,
  ends_at     timestamptz NOT NULL,
  note        text CHECK (length(note) <= 2000),
  created_by  uuid,
  created_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at),
  FOREIGN KEY (company_id, user_id) REFERENCES users (company_id, id) ON DELETE CASCADE
);
CREATE INDEX shifts_user_idx ON shifts (user_id, starts_at);
CREATE INDEX shifts_company_idx ON shifts (company_id, shift_date);

CREATE TABLE leave_types (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id      uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  paid            boolean NOT NULL DEFAULT true,
  allowance_days  numeric(5, 1) CHECK (allowance_days >= 0),   -- per year; NULL = no limit
  archived        boolean NOT NULL DEFAULT false,
  created_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (company_id, id)
);
CREATE UNIQUE INDEX leave_types_name_key ON leave_types (company_id, lower(name));

CREATE TABLE leave_requests (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id      uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  user_id         uuid NOT NULL,
  leave_type_id   uuid NOT NULL,
  start_date      date NOT NULL,
  end_date        date NOT NULL,
  start_half      boolean NOT NULL DEFAULT false,   -- the first day is taken from midday only
  end_half        boolean NOT NULL DEFAULT false,   -- the last day is taken until midday only
  days            numeric(6, 1) NOT NULL CHECK (days > 0),
  reason          text CHECK (length(reason) <= 2000),
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'cancelled')),
  decided_by      uuid,
  decided_at      timestamptz,
  decision_comment text CHECK (length(decision_comment) <= 2000),
  created_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (end_date >= start_date),
  FOREIGN KEY (company_id, user_id) REFERENCES users (company_id, id) ON DELETE CASCADE,
  FOREIGN KEY (company_id, leave_type_id) REFERENCES leave_types (company_id, id) ON DELETE RESTRICT
);
CREATE INDEX leave_requests_user_idx ON leave_requests (user_id, start_date);
CREATE INDEX leave_requests_company_idx ON leave_requests (company_id, status, start_date);

-- Only the employee's manager or an admin decides; nobody approves their own leave.
CREATE FUNCTION app.guard_leave_decision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status IS DISTINCT FROM OLD.status AND NEW.status IN ('approved', 'rejected')
     AND NOT (app.can_manage_user(NEW.user_id)) THEN
    RAISE EXCEPTION 'only the assigned manager or an admin may decide leave' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF (NEW.user_id, NEW.start_date, NEW.end_date, NEW.days, NEW.leave_type_id, NEW.company_id)
     IS DISTINCT FROM (OLD.user_id, OLD.start_date, OLD.end_date, OLD.days, OLD.leave_type_id, OLD.company_id) THEN
    RAISE EXCEPTION 'a leave request cannot be rewritten' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER leave_requests_guard BEFORE UPDATE ON leave_requests
  FOR EACH ROW EXECUTE FUNCTION app.guard_leave_decision();

CREATE TABLE geofences (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id  uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kind        text NOT NULL CHECK (kind IN ('circle', 'polygon')),
  center_lat  double precision CHECK (center_lat BETWEEN -90 AND 90),
  center_lng  double precision CHECK (center_lng BETWEEN -180 AND 180),
  radius_m    double precision CHECK (radius_m > 0 AND radius_m <= 100000),
  polygon     jsonb,                    -- [[lat, lng], ...], at least 3 points
  active      boolean NOT NULL DEFAULT true,
  created_by  uuid,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'circle' AND center_lat IS NOT NULL AND center_lng IS NOT NULL AND radius_m IS NOT NULL
          AND polygon IS NULL)
      OR (kind = 'polygon' AND polygon IS NOT NULL AND jsonb_array_length(polygon) >= 3
          AND center_lat IS NULL AND radius_m IS NULL)),
  UNIQUE (company_id, id)
);
CREATE INDEX geofences_company_idx ON geofences (company_id) WHERE active;

CREATE TABLE location_points (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id   uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  user_id      uuid NOT NULL,
  device_id    text NOT NULL DEFAULT '' CHECK (length(device_id) <= 200),
  recorded_at  timestamptz NOT NULL,
  lat          double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lng          double precision NOT NULL CHECK (lng BETWEEN -180 AND 180),
  accuracy     real CHECK (accuracy >= 0),
  received_at  timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (company_id, user_id) REFERENCES users (company_id, id) ON DELETE CASCADE
);
-- A retried batch stores nothing twice.
CREATE UNIQUE INDEX location_points_dedup_key ON location_points (user_id, device_id, recorded_at);

CREATE TABLE geofence_events (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id   uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  user_id      uuid NOT NULL,
  device_id    text NOT NULL DEFAULT '',
  geofence_id  uuid NOT NULL,
  event        text NOT NULL CHECK (event IN ('enter', 'exit')),
  recorded_at  timestamptz NOT NULL,
  lat          double precision NOT NULL,
  lng          double precision NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (company_id, user_id) REFERENCES users (company_id, id) ON DELETE CASCADE,
  FOREIGN KEY (company_id, geofence_id) REFERENCES geofences (company_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX geofence_events_dedup_key ON geofence_events (user_id, device_id, geofence_id, recorded_at);
CREATE INDEX geofence_events_company_idx ON geofence_events (company_id, recorded_at);

-- Row Level Security ---------------------------------------------------------------------------------------

ALTER TABLE attendance_records ENABLE ROW LEVEL SECURITY;
ALTER TABLE attendance_records FORCE ROW LEVEL SECURITY;
CREATE POLICY attendance_records_select ON attendance_records FOR SELECT
  USING (company_id = app.company_id() AND app.can_see_user(user_id));
CREATE POLICY attendance_records_write ON attendance_records FOR ALL
  USING (company_id = app.company_id() AND (user_id = app.user_id() OR app.can_manage_user(user_id)))
  WITH CHECK (company_id = app.company_id() AND (user_id = app.user_id() OR app.can_manage_user(user_id)));

ALTER TABLE attendance_breaks ENABLE ROW LEVEL SECURITY;
ALTER TABLE attendance_breaks FORCE ROW LEVEL SECURITY;
CREATE POLICY attendance_breaks_select ON attendance_breaks FOR SELECT
  USING (company_id = app.company_id() AND app.can_see_user(user_id));
CREATE POLICY attendance_breaks_write ON attendance_breaks FOR ALL
  USING (company_id = app.company_id() AND (user_id = app.user_id() OR app.can_manage_user(user_id)))
  WITH CHECK (company_id = app.company_id() AND (user_id = app.user_id() OR app.can_manage_user(user_id)));

ALTER TABLE shifts ENABLE ROW LEVEL SECURITY;
ALTER TABLE shifts FORCE ROW LEVEL SECURITY;
CREATE POLICY shifts_select ON shifts FOR SELECT
  USING (company_id = app.company_id() AND app.can_see_user(user_id));
CREATE POLICY shifts_write ON shifts FOR ALL
  USING (company_id = app.company_id() AND app.can_manage_user(user_id))
  WITH CHECK (company_id = app.company_id() AND app.can_manage_user(user_id));

ALTER TABLE leave_types ENABLE ROW LEVEL SECURITY;
ALTER TABLE leave_types FORCE ROW LEVEL SECURITY;
CREATE POLICY leave_types_select ON leave_types FOR SELECT USING (company_id = app.company_id());
CREATE POLICY leave_types_write ON leave_types FOR ALL
  USING (company_id = app.company_id() AND app.is_admin())
  WITH CHECK (company_id = app.company_id() AND app.is_admin());

ALTER TABLE leave_requests ENABLE ROW LEVEL SECURITY;
ALTER TABLE leave_requests FORCE ROW LEVEL SECURITY;
CREATE POLICY leave_requests_select ON leave_requests FOR SELECT
  USING (company_id = app.company_id() AND app.can_see_user(user_id));
CREATE POLICY leave_requests_insert ON leave_requests FOR INSERT
  WITH CHECK (company_id = app.company_id() AND (user_id = app.user_id() OR app.is_admin()));
CREATE POLICY leave_requests_update ON leave_requests FOR UPDATE
  USING (company_id = app.company_id() AND (user_id = app.user_id() OR app.can_manage_user(user_id)))
  WITH CHECK (company_id = app.company_id() AND (user_id = app.user_id() OR app.can_manage_user(user_id)));

ALTER TABLE geofences ENABLE ROW LEVEL SECURITY;
ALTER TABLE geofences FORCE ROW LEVEL SECURITY;
CREATE POLICY geofences_select ON geofences FOR SELECT USING (company_id = app.company_id());
CREATE POLICY geofences_write ON geofences FOR ALL
  USING (company_id = app.company_id() AND app.is_admin())
  WITH CHECK (company_id = app.company_id() AND app.is_admin());

ALTER TABLE location_points ENABLE ROW LEVEL SECURITY;
ALTER TABLE location_points FORCE ROW LEVEL SECURITY;
CREATE POLICY location_points_select ON location_points FOR SELECT
  USING (company_id = app.company_id() AND app.can_see_user(user_id));
CREATE POLICY location_points_insert ON location_points FOR INSERT
  WITH CHECK (company_id = app.company_id() AND user_id = app.user_id());
CREATE POLICY location_points_delete ON location_points FOR DELETE
  USING (company_id = app.company_id() AND app.is_admin());

ALTER TABLE geofence_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE geofence_events FORCE ROW LEVEL SECURITY;
CREATE POLICY geofence_events_select ON geofence_events FOR SELECT
  USING (company_id = app.company_id() AND app.can_see_user(user_id));
-- Events are derived from the uploader's own points (re-derived on late batches, hence delete).
CREATE POLICY geofence_events_write ON geofence_events FOR ALL
  USING (company_id = app.company_id() AND (user_id = app.user_id() OR app.is_admin()))
  WITH CHECK (company_id = app.company_id() AND (user_id = app.user_id() OR app.is_admin()));

GRANT EXECUTE ON FUNCTION app.can_manage_user(uuid) TO workmonitor_app;
-- location_points has no UPDATE policy, so an UPDATE matches no row: points are never rewritten.
GRANT SELECT, INSERT, UPDATE, DELETE ON attendance_records, attendance_breaks, shifts, leave_types, leave_requests,
  geofences, location_points, geofence_events TO workmonitor_app;
