-- Dashboard read model: usage per (user, day, app) and per (user, day, domain), next to the existing
-- activity_daily (user, day, app, domain) and productivity_daily (user, day, also the user/day totals).
--
-- What must stay true:
-- - activity_app_daily and activity_domain_daily are sums of activity_daily over domain, resp. app (domain '' is
--   not a domain and has no row). A row trigger on activity_daily keeps them so in the same statement, whoever
--   writes activity_daily (batch ingest, heartbeats, the recompute job, retention): no writer needs to know,
--   and no extra round trip is made.
-- - Company/day figures are sums of productivity_daily per day (RLS then narrows them to a manager's people),
--   so they need no table of their own. Time per project and day is read from time_entries by its
--   (company_id, started_at) index: entries are few (4 a day per person) next to activity samples.

CREATE TABLE activity_app_daily (
  company_id      uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  user_id         uuid NOT NULL,
  day             date NOT NULL,
  app             text NOT NULL,
  seconds         numeric(16, 3) NOT NULL DEFAULT 0,
  active_seconds  numeric(16, 3) NOT NULL DEFAULT 0,
  idle_seconds    numeric(16, 3) NOT NULL DEFAULT 0,
  samples         int NOT NULL DEFAULT 0,
  PRIMARY KEY (user_id, day, app),
  FOREIGN KEY (company_id, user_id) REFERENCES users (company_id, id) ON DELETE CASCADE
);
CREATE INDEX activity_app_daily_company_idx ON activity_app_daily (company_id, day);

CREATE TABLE activity_domain_daily (
  company_id      uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  user_id         uuid NOT NULL,
  day             date NOT NULL,
  domain          text NOT NULL CHECK (domain <> ''),
  seconds         numeric(16, 3) NOT NULL DEFAULT 0,
  active_seconds  numeric(16, 3) NOT NULL DEFAULT 0,
  idle_seconds    numeric(16, 3) NOT NULL DEFAULT 0,
  samples         int NOT NULL DEFAULT 0,
  PRIMARY KEY (user_id, day, domain),
  FOREIGN KEY (company_id, user_id) REFERENCES users (company_id, id) ON DELETE CASCADE
);
CREATE INDEX activity_domain_daily_company_idx ON activity_domain_daily (company_id, day);

-- Add (sign = 1) or take away (sign = -1) one activity_daily row's figures; a row left with no samples goes.
CREATE FUNCTION app.activity_fanout(r activity_daily, sign int) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO activity_app_daily AS t (company_id, user_id, day, app, seconds, active_seconds, idle_seconds, samples)
  VALUES (r.company_id, r.user_id, r.day, r.app, sign * r.seconds, sign * r.active_seconds, sign * r.idle_seconds,
          sign * r.samples)
  ON CONFLICT (user_id, day, app) DO UPDATE SET seconds = t.seconds + excluded.seconds,
    active_seconds = t.active_seconds + excluded.active_seconds, idle_seconds = t.idle_seconds + excluded.idle_seconds,
    samples = t.samples + excluded.samples;
  IF r.domain <> '' THEN
    INSERT INTO activity_domain_daily AS t (company_id, user_id, day, domain, seconds, active_seconds, idle_seconds,
                                            samples)
    VALUES (r.company_id, r.user_id, r.day, r.domain, sign * r.seconds, sign * r.active_seconds,
            sign * r.idle_seconds, sign * r.samples)
    ON CONFLICT (user_id, day, domain) DO UPDATE SET seconds = t.seconds + excluded.seconds,
      active_seconds = t.active_seconds + excluded.active_seconds,
      idle_seconds = t.idle_seconds + excluded.idle_seconds, samples = t.samples + excluded.samples;
  END IF;
  IF sign < 0 THEN
    DELETE FROM activity_app_daily WHERE user_id = r.user_id AND day = r.day AND app = r.app AND samples <= 0;
    DELETE FROM activity_domain_daily WHERE user_id = r.user_id AND day = r.day AND domain = r.domain AND samples <= 0;
  END IF;
END $$;

CREATE FUNCTION app.activity_daily_fanout() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM app.activity_fanout(OLD, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM app.activity_fanout(NEW, 1);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER activity_daily_fanout AFTER INSERT OR UPDATE OR DELETE ON activity_daily
  FOR EACH ROW EXECUTE FUNCTION app.activity_daily_fanout();

INSERT INTO activity_app_daily (company_id, user_id, day, app, seconds, active_seconds, idle_seconds, samples)
SELECT company_id, user_id, day, app, sum(seconds), sum(active_seconds), sum(idle_seconds), sum(samples)
FROM activity_daily GROUP BY company_id, user_id, day, app;
INSERT INTO activity_domain_daily (company_id, user_id, day, domain, seconds, active_seconds, idle_seconds, samples)
SELECT company_id, user_id, day, domain, sum(seconds), sum(active_seconds), sum(idle_seconds), sum(samples)
FROM activity_daily WHERE domain <> '' GROUP BY company_id, user_id, day, domain;

-- Same rights as activity_daily: read what the caller may see (visible set once per statement), write through
-- the trigger as whoever writes activity_daily.
ALTER TABLE activity_app_daily ENABLE ROW LEVEL SECURITY;
ALTER TABLE activity_app_daily FORCE ROW LEVEL SECURITY;
CREATE POLICY activity_app_daily_select ON activity_app_daily FOR SELECT
  USING (company_id = app.company_id() AND ((SELECT app.is_admin()) OR user_id = ANY ((SELECT app.visible_users())::uuid[])));
CREATE POLICY activity_app_daily_write ON activity_app_daily FOR ALL
  USING (company_id = app.company_id() AND (user_id = app.user_id() OR app.is_admin()))
  WITH CHECK (company_id = app.company_id() AND (user_id = app.user_id() OR app.is_admin()));
CREATE POLICY activity_app_daily_job ON activity_app_daily FOR ALL
  USING (company_id = app.company_id() AND app.is_job()) WITH CHECK (company_id = app.company_id() AND app.is_job());

ALTER TABLE activity_domain_daily ENABLE ROW LEVEL SECURITY;
ALTER TABLE activity_domain_daily FORCE ROW LEVEL SECURITY;
CREATE POLICY activity_domain_daily_select ON activity_domain_daily FOR SELECT
  USING (company_id = app.company_id() AND ((SELECT app.is_admin()) OR user_id = ANY ((SELECT app.visible_users())::uuid[])));
CREATE POLICY activity_domain_daily_write ON activity_domain_daily FOR ALL
  USING (company_id = app.company_id() AND (user_id = app.user_id() OR app.is_admin()))
  WITH CHECK (company_id = app.company_id() AND (user_id = app.user_id() OR app.is_admin()));
CREATE POLICY activity_domain_daily_job ON activity_domain_daily FOR ALL
  USING (company_id = app.company_id() AND app.is_job()) WITH CHECK (company_id = app.company_id() AND app.is_job());

GRANT SELECT, INSERT, UPDATE, DELETE ON activity_app_daily, activity_domain_daily TO workmonitor_app;
