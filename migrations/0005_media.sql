-- Media: screenshots (original, thumbnail, blurred copy in S3) and chunked screen recordings.
-- Objects live in S3 under "<company_id>/..."; rows hold their keys. Every table carries company_id with RLS
-- ENABLED and FORCED. Company settings (companies.settings): screenshot_max_bytes, blur_screenshots,
-- delete_grace_minutes, recording_chunk_max_bytes, retention_days {"screenshots": n, "recordings": n}.

CREATE TABLE screenshots (
  id                uuid PRIMARY KEY,
  company_id        uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  user_id           uuid NOT NULL,
  device_id         text NOT NULL CHECK (length(device_id) BETWEEN 1 AND 100),
  taken_at          timestamptz NOT NULL,
  monitor           smallint NOT NULL DEFAULT 0 CHECK (monitor BETWEEN 0 AND 63),
  activity_percent  smallint CHECK (activity_percent BETWEEN 0 AND 100),
  content_type      text NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg', 'image/webp')),
  size_bytes        integer NOT NULL CHECK (size_bytes > 0),
  width             integer NOT NULL CHECK (width > 0),
  height            integer NOT NULL CHECK (height > 0),
  sha256            text NOT NULL CHECK (length(sha256) = 64),
  object_key        text NOT NULL UNIQUE,
  -- Derived objects, written by the media RQ job under deterministic keys; state moves pending -> ready.
  state             text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'processing', 'ready', 'failed')),
  attempts          integer NOT NULL DEFAULT 0,
  thumb_key         text,
  blur_key          text,
  thumb_width       integer,
  processed_at      timestamptz,
  created_at        timestamptz NOT NULL DEFAULT now(),
  CHECK (object_key LIKE company_id::text || '/%'),
  UNIQUE (company_id, id),
  -- A retried upload of the same capture is the same screenshot.
  UNIQUE (user_id, device_id, taken_at, monitor),
  FOREIGN KEY (company_id, user_id) REFERENCES users (company_id, id) ON DELETE CASCADE
);
CREATE INDEX screenshots_user_time_idx ON screenshots (user_id, taken_at DESC);
CREATE INDEX screenshots_company_time_idx ON screenshots (company_id, taken_at);
CREATE INDEX screenshots_unfinished_idx ON screenshots (company_id, created_at) WHERE state IN ('pending', 'processing');

CREATE TABLE screen_recordings (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id    uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  user_id       uuid NOT NULL,
  device_id     text NOT NULL CHECK (length(device_id) BETWEEN 1 AND 100),
  started_at    timestamptz NOT NULL,
  monitor       smallint NOT NULL DEFAULT 0 CHECK (monitor BETWEEN 0 AND 63),
  content_type  text NOT NULL CHECK (content_type IN ('video/webm', 'video/mp4')),
  state         text NOT NULL DEFAULT 'uploading' CHECK (state IN ('uploading', 'complete')),
  chunk_count   integer NOT NULL DEFAULT 0,
  size_bytes    bigint NOT NULL DEFAULT 0,
  duration_ms   integer CHECK (duration_ms >= 0),
  completed_at  timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (company_id, id),
  UNIQUE (user_id, device_id, started_at, monitor),
  FOREIGN KEY (company_id, user_id) REFERENCES users (company_id, id) ON DELETE CASCADE
);
CREATE INDEX screen_recordings_user_time_idx ON screen_recordings (user_id, started_at DESC);
CREATE INDEX screen_recordings_company_time_idx ON screen_recordings (company_id, started_at);

CREATE TABLE recording_chunks (
  company_id    uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  recording_id  uuid NOT NULL,
  user_id       uuid NOT NULL,
  seq           integer NOT NULL CHECK (seq BETWEEN 0 AND 9999),
  object_key    text NOT NULL UNIQUE,
  size_bytes    integer NOT NULL CHECK (size_bytes > 0),
  sha256        text NOT NULL CHECK (length(sha256) = 64),
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (recording_id, seq),
  CHECK (object_key LIKE company_id::text || '/%'),
  FOREIGN KEY (company_id, recording_id) REFERENCES screen_recordings (company_id, id) ON DELETE CASCADE,
  FOREIGN KEY (company_id, user_id) REFERENCES users (company_id, id) ON DELETE CASCADE
);

-- Row Level Security ---------------------------------------------------------------------------------------
-- Read: whoever may see the user. Insert: the user themself (uploads come from their own agent) or system.
-- Update: the owner while uploading, admins and background jobs. Delete: admins/system, the user's managers,
-- and the user themself (the grace window is enforced by the application, which knows the company setting).

ALTER TABLE screenshots ENABLE ROW LEVEL SECURITY;
ALTER TABLE screenshots FORCE ROW LEVEL SECURITY;
CREATE POLICY screenshots_select ON screenshots FOR SELECT
  USING (company_id = app.company_id() AND app.can_see_user(user_id));
CREATE POLICY screenshots_insert ON screenshots FOR INSERT
  WITH CHECK (company_id = app.company_id() AND (user_id = app.user_id() OR app.role() = 'system'));
CREATE POLICY screenshots_update ON screenshots FOR UPDATE
  USING (company_id = app.company_id() AND app.is_admin())
  WITH CHECK (company_id = app.company_id() AND app.is_admin());
CREATE POLICY screenshots_delete ON screenshots FOR DELETE
  USING (company_id = app.company_id() AND app.can_see_user(user_id));

ALTER TABLE screen_recordings ENABLE ROW LEVEL SECURITY;
ALTER TABLE screen_recordings FORCE ROW LEVEL SECURITY;
CREATE POLICY screen_recordings_select ON screen_recordings FOR SELECT
  USING (company_id = app.company_id() AND app.can_see_user(user_id));
CREATE POLICY screen_recordings_insert ON screen_recordings FOR INSERT
  WITH CHECK (company_id = app.company_id() AND (user_id = app.user_id() OR app.role() = 'system'));
CREATE POLICY screen_recordings_update ON screen_recordings FOR UPDATE
  USING (company_id = app.company_id() AND (user_id = app.user_id() OR app.is_admin()))
  WITH CHECK (company_id = app.company_id() AND (user_id = app.user_id() OR app.is_admin()));
CREATE POLICY screen_recordings_delete ON screen_recordings FOR DELETE
  USING (company_id = app.company_id() AND app.can_see_user(user_id));

ALTER TABLE recording_chunks ENABLE ROW LEVEL SECURITY;
ALTER TABLE recording_chunks FORCE ROW LEVEL SECURITY;
CREATE POLICY recording_chunks_select ON recording_chunks FOR SELECT
  USING (company_id = app.company_id() AND app.can_see_user(user_id));
CREATE POLICY recording_chunks_insert ON recording_chunks FOR INSERT
  WITH CHECK (company_id = app.company_id() AND (user_id = app.user_id() OR app.role() = 'system'));
CREATE POLICY recording_chunks_delete ON recording_chunks FOR DELETE
  USING (company_id = app.company_id() AND app.can_see_user(user_id));

GRANT SELECT, INSERT, UPDATE, DELETE ON screenshots, screen_recordings TO workmonitor_app;
GRANT SELECT, INSERT, DELETE ON recording_chunks TO workmonitor_app;
