-- Activity monitoring: raw samples from the desktop agent / browser extension, ActivityWatch-style buckets and
-- events, daily rollups (per user/day/app/domain and per user/day productivity) and productivity rules.
-- Rollups are updated in the ingest transaction; workmonitor.activity.recompute_company rebuilds them.

-- One row per client interval. (user_id, device_id, seq) is the client's idempotency key: a retried batch
-- inserts nothing twice (INSERT ... ON CONFLICT DO NOTHING).
-- company_id has no FK of its own: the (company_id, user_id) FK to users implies it and cascades the same way,
-- and one FK check per row less keeps the hot insert path cheaper.
CREATE TABLE activity_samples (
  company_id      uuid NOT NULL,
  user_id         uuid NOT NULL,
  device_id       text NOT NULL CHECK (length(device_id) BETWEEN 1 AND 100),
  seq             bigint NOT NULL CHECK (seq >= 0),
  started_at      timestamptz NOT NULL,
  duration        int NOT NULL CHECK (duration BETWEEN 1 AND 3600),
  app             text NOT NULL DEFAULT '',
  title           text NOT NULL DEFAULT '',
  url             text,
  domain          text,
  keyboard        int NOT NULL DEFAULT 0 CHECK (keyboard >= 0),
  mouse           int NOT NULL DEFAULT 0 CHECK (mouse >= 0),
  idle            boolean NOT NULL DEFAULT false,
  active_seconds  int NOT NULL DEFAULT 0 CHECK (active_seconds BETWEEN 0 AND duration),
  PRIMARY KEY (user_id, device_id, seq),
  FOREIGN KEY (company_id, user_id) REFERENCES users (company_id, id) ON DELETE CASCADE
);
CREATE INDEX activity_samples_user_time_idx ON activity_samples (company_id, user_id, started_at);

-- ActivityWatch buckets (one per watcher and host) and their events; heartbeats merge into the last event.
CREATE TABLE activity_buckets (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id  uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  user_id     uuid NOT NULL,
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  type        text NOT NULL DEFAULT 'currentwindow',
  client      text NOT NULL DEFAULT '',
  hostname    text NOT NULL DEFAULT '',
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (user_id, name),
  FOREIGN KEY (company_id, user_id) REFERENCES users (company_id, id) ON DELETE CASCADE
);

CREATE TABLE activity_events (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id  uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  user_id     uuid NOT NULL,
  bucket_id   uuid NOT NULL REFERENCES activity_buckets(id) ON DELETE CASCADE,
  started_at  timestamptz NOT NULL,
  duration    numeric(12, 3) NOT NULL CHECK (duration >= 0),
  data        jsonb NOT NULL DEFAULT '{}'::jsonb,
  app         text NOT NULL DEFAULT '',   -- rollup key derived from data.app / data.url at insert ('' = not counted)
  domain      text NOT NULL DEFAULT '',
  FOREIGN KEY (company_id, user_id) REFERENCES users (company_id, id) ON DELETE CASCADE
);
CREATE INDEX activity_events_bucket_idx ON activity_events (bucket_id, started_at DESC, id DESC);
CREATE INDEX activity_events_user_idx ON activity_events (company_id, user_id, started_at);

-- Seconds per user, day (in the user's time zone), app and domain ('' when none); dashboards read only this.
CREATE TABLE activity_daily (
  company_id      uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  user_id         uuid NOT NULL,
  day             date NOT NULL,
  app             text NOT NULL,
  domain          text NOT NULL,
  seconds         numeric(16, 3) NOT NULL DEFAULT 0,
  active_seconds  numeric(16, 3) NOT NULL DEFAULT 0,
  idle_seconds    numeric(16, 3) NOT NULL DEFAULT 0,
  samples         int NOT NULL DEFAULT 0,
  PRIMARY KEY (user_id, day, app, domain),
  FOREIGN KEY (company_id, user_id) REFERENCES users (company_id, id) ON DELETE CASCADE
);
CREATE INDEX activity_daily_company_idx ON activity_daily (company_id, day);

-- Productive / neutral / unproductive seconds (idle excluded) per user and day; score = productive share.
CREATE TABLE productivity_daily (
  company_id            uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  user_id               uuid NOT NULL,
  day                   date NOT NULL,
  productive_seconds    numeric(16, 3) NOT NULL DEFAULT 0,
  neutral_seconds       numeric(16, 3) NOT NULL DEFAULT 0,
  unproductive_seconds  numeric(16, 3) NOT NULL DEFAULT 0,
  idle_seconds          numeric(16, 3) NOT NULL DEFAULT 0,
  active_seconds        numeric(16, 3) NOT NULL DEFAULT 0,
  score                 numeric(5, 1) GENERATED ALWAYS AS (
    CASE WHEN productive_seconds + neutral_seconds + unproductive_seconds > 0
         THEN round(100 * productive_seconds / (productive_seconds + neutral_seconds + unproductive_seconds), 1)
    END) STORED,
  PRIMARY KEY (user_id, day),
  FOREIGN KEY (company_id, user_id) REFERENCES users (company_id, id) ON DELETE CASCADE
);
CREATE INDEX productivity_daily_company_idx ON productivity_daily (company_id, day);

-- Classification rules; manager_id set = a team override for the users assigned to that manager.
CREATE TABLE productivity_rules (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id  uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  manager_id  uuid,
  target      text NOT NULL CHECK (target IN ('app', 'domain')),
  match_type  text NOT NULL CHECK (match_type IN ('exact', 'glob', 'regex')),
  pattern     text NOT NULL CHECK (length(pattern) BETWEEN 1 AND 200),
  category    text NOT NULL CHECK (category IN ('productive', 'neutral', 'unproductive')),
  created_by  uuid,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (company_id, manager_id) REFERENCES users (company_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX productivity_rules_key ON productivity_rules
  (company_id, coalesce(manager_id, '00000000-0000-0000-0000-000000000000'::uuid), target, match_type, lower(pattern));

-- Row Level Security ---------------------------------------------------------------------------------------
-- Reading: admins everyone, managers their assigned employees, everyone themselves (app.can_see_user). The
-- `user_id = app.user_id() OR` short-circuit spares the function call per row on INSERT ... RETURNING by the owner.
-- Writing activity: the employee their own rows; 'system' (the recompute job) and admins any row.

ALTER TABLE activity_samples ENABLE ROW LEVEL SECURITY;
ALTER TABLE activity_samples FORCE ROW LEVEL SECURITY;
CREATE POLICY activity_samples_select ON activity_samples FOR SELECT
  USING (company_id = app.company_id() AND (user_id = app.user_id() OR app.can_see_user(user_id)));
CREATE POLICY activity_samples_insert ON activity_samples FOR INSERT
  WITH CHECK (company_id = app.company_id() AND user_id = app.user_id());
CREATE POLICY activity_samples_delete ON activity_samples FOR DELETE
  USING (company_id = app.company_id() AND app.is_admin());

ALTER TABLE activity_buckets ENABLE ROW LEVEL SECURITY;
ALTER TABLE activity_buckets FORCE ROW LEVEL SECURITY;
CREATE POLICY activity_buckets_select ON activity_buckets FOR SELECT
  USING (company_id = app.company_id() AND (user_id = app.user_id() OR app.can_see_user(user_id)));
CREATE POLICY activity_buckets_write ON activity_buckets FOR ALL
  USING (company_id = app.company_id() AND (user_id = app.user_id() OR app.is_admin()))
  WITH CHECK (company_id = app.company_id() AND user_id = app.user_id());

ALTER TABLE activity_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE activity_events FORCE ROW LEVEL SECURITY;
CREATE POLICY activity_events_select ON activity_events FOR SELECT
  USING (company_id = app.company_id() AND (user_id = app.user_id() OR app.can_see_user(user_id)));
CREATE POLICY activity_events_write ON activity_events FOR ALL
  USING (company_id = app.company_id() AND (user_id = app.user_id() OR app.is_admin()))
  WITH CHECK (company_id = app.company_id() AND user_id = app.user_id());

ALTER TABLE activity_daily ENABLE ROW LEVEL SECURITY;
ALTER TABLE activity_daily FORCE ROW LEVEL SECURITY;
CREATE POLICY activity_daily_select ON activity_daily FOR SELECT
  USING (company_id = app.company_id() AND (user_id = app.user_id() OR app.can_see_user(user_id)));
CREATE POLICY activity_daily_write ON activity_daily FOR ALL
  USING (company_id = app.company_id() AND (user_id = app.user_id() OR app.is_admin()))
  WITH CHECK (company_id = app.company_id() AND (user_id = app.user_id() OR app.is_admin()));

ALTER TABLE productivity_daily ENABLE ROW LEVEL SECURITY;
ALTER TABLE productivity_daily FORCE ROW LEVEL SECURITY;
CREATE POLICY productivity_daily_select ON productivity_daily FOR SELECT
  USING (company_id = app.company_id() AND (user_id = app.user_id() OR app.can_see_user(user_id)));
CREATE POLICY productivity_daily_write ON productivity_daily FOR ALL
  USING (company_id = app.company_id() AND (user_id = app.user_id() OR app.is_admin()))
  WITH CHECK (company_id = app.company_id() AND (user_id = app.user_id() OR app.is_admin()));

-- Everyone in the company may read the rules (transparency); admins write any, managers their team's only.
ALTER TABLE productivity_rules ENABLE ROW LEVEL SECURITY;
ALTER TABLE productivity_rules FORCE ROW LEVEL SECURITY;
CREATE POLICY productivity_rules_select ON productivity_rules FOR SELECT USING (company_id = app.company_id());
CREATE POLICY productivity_rules_write ON productivity_rules FOR ALL
  USING (company_id = app.company_id() AND (app.is_admin() OR (app.role() = 'manager' AND manager_id = app.user_id())))
  WITH CHECK (company_id = app.company_id()
              AND (app.is_admin() OR (app.role() = 'manager' AND manager_id = app.user_id())));

GRANT SELECT, INSERT, DELETE ON activity_samples TO workmonitor_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON activity_buckets, activity_events, activity_daily, productivity_daily,
  productivity_rules TO workmonitor_app;
