-- Messaging: chat channels, members, messages, attachments; in-app notifications, preferences, device tokens.
--
-- Visibility (decided here, enforced by RLS, not by handlers):
--   * chat_channels: public channels are visible to the whole company (to browse and join); private channels
--     to their members, their creator and admins (to manage them); DMs only to their two members.
--   * chat_channel_members: your own memberships, and the member lists of the channels you can see.
--   * chat_messages and chat_attachments: channel MEMBERS only, for every kind of channel (public ones too:
--     join first, then read). Admins are not implicitly members; they join a public channel to moderate it.
-- Recursion: chat_channels.member_ids mirrors the membership (kept by a trigger) so the members policy can
-- ask chat_channels "may I see this channel?" without querying chat_channel_members again;
-- app.is_channel_member() queries chat_channel_members, whose policy only reads chat_channels, whose policy
-- reads no other table. No policy reaches its own table.

CREATE TABLE chat_channels (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id   uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  kind         text NOT NULL CHECK (kind IN ('public', 'private', 'dm')),
  name         text CHECK (name IS NULL OR length(name) BETWEEN 1 AND 80),
  topic        text CHECK (topic IS NULL OR length(topic) <= 500),
  created_by   uuid,
  dm_key       text,                          -- DMs: "<smaller uuid>:<larger uuid>", one DM per pair
  member_ids   uuid[] NOT NULL DEFAULT '{}',  -- mirror of chat_channel_members for RLS (trigger-maintained)
  archived_at  timestamptz,
  created_at   timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'dm') = (dm_key IS NOT NULL)),
  CHECK (kind = 'dm' OR name IS NOT NULL),
  UNIQUE (company_id, id),
  FOREIGN KEY (company_id, created_by) REFERENCES users (company_id, id) ON DELETE SET NULL (created_by)
);
CREATE UNIQUE INDEX chat_channels_dm_key ON chat_channels (company_id, dm_key) WHERE dm_key IS NOT NULL;
CREATE UNIQUE INDEX chat_channels_name_key ON chat_channels (company_id, lower(name)) WHERE kind <> 'dm';
CREATE INDEX chat_channels_member_ids_idx ON chat_channels USING gin (member_ids);

CREATE TABLE chat_channel_members (
  company_id            uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  channel_id            uuid NOT NULL,
  user_id               uuid NOT NULL,
  last_read_message_id  bigint,
  last_read_at          timestamptz,
  joined_at             timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (channel_id, user_id),
  FOREIGN KEY (company_id, channel_id) REFERENCES chat_channels (company_id, id) ON DELETE CASCADE,
  FOREIGN KEY (company_id, user_id) REFERENCES users (company_id, id) ON DELETE CASCADE
);
CREATE INDEX chat_channel_members_user_idx ON chat_channel_members (user_id);

CREATE TABLE chat_messages (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id  uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  channel_id  uuid NOT NULL,
  author_id   uuid,
  body        text NOT NULL CHECK (length(body) <= 10000),
  mentions    uuid[] NOT NULL DEFAULT '{}',
  client_id   text CHECK (client_id IS NULL OR length(client_id) BETWEEN 1 AND 100), -- a retried send is one message
  edited_at   timestamptz,
  deleted_at  timestamptz,
  deleted_by  uuid,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),  -- last create/edit/delete: the catch-up cursor
  search      tsvector GENERATED ALWAYS AS (to_tsvector('english', body)) STORED,
  FOREIGN KEY (company_id, channel_id) REFERENCES chat_channels (company_id, id) ON DELETE CASCADE,
  FOREIGN KEY (company_id, author_id) REFERENCES users (company_id, id) ON DELETE SET NULL (author_id)
);
CREATE INDEX chat_messages_channel_idx ON chat_messages (channel_id, id);
CREATE INDEX chat_messages_channel_updated_idx ON chat_messages (channel_id, updated_at, id);
CREATE INDEX chat_messages_search_idx ON chat_messages USING gin (search);
CREATE UNIQUE INDEX chat_messages_client_key ON chat_messages (author_id, client_id) WHERE client_id IS NOT NULL;

CREATE TABLE chat_attachments (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id    uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  channel_id    uuid NOT NULL,
  uploader_id   uuid,
  message_id    bigint REFERENCES chat_messages(id) ON DELETE CASCADE,
  object_key    text NOT NULL UNIQUE,
  filename      text NOT NULL CHECK (length(filename) BETWEEN 1 AND 255),
  content_type  text NOT NULL CHECK (length(content_type) BETWEEN 3 AND 200),
  size_bytes    bigint NOT NULL CHECK (size_bytes > 0),
  created_at    timestamptz NOT NULL DEFAULT now(),
  CHECK (object_key LIKE company_id::text || '/%'),
  FOREIGN KEY (company_id, channel_id) REFERENCES chat_channels (company_id, id) ON DELETE CASCADE,
  FOREIGN KEY (company_id, uploader_id) REFERENCES users (company_id, id) ON DELETE SET NULL (uploader_id)
);
CREATE INDEX chat_attachments_message_idx ON chat_attachments (message_id);

CREATE TABLE notifications (
  id          uuid PRIMARY KEY,
  company_id  uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  user_id     uuid NOT NULL,
  kind        text NOT NULL CHECK (kind ~ '^[a-z_]{1,50}$'),
  title       text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  body        text NOT NULL DEFAULT '' CHECK (length(body) <= 2000),
  data        jsonb NOT NULL DEFAULT '{}'::jsonb,
  read_at     timestamptz,
  created_at  timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (company_id, user_id) REFERENCES users (company_id, id) ON DELETE CASCADE
);
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC, id);
CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL;

-- A missing row means the defaults of workmonitor.notify.DEFAULTS.
CREATE TABLE notification_preferences (
  company_id  uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  user_id     uuid NOT NULL,
  kind        text NOT NULL CHECK (kind ~ '^[a-z_]{1,50}$'),
  in_app      boolean NOT NULL,
  email       boolean NOT NULL,
  push        boolean NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, kind),
  FOREIGN KEY (company_id, user_id) REFERENCES users (company_id, id) ON DELETE CASCADE
);

CREATE TABLE device_tokens (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id    uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  user_id       uuid NOT NULL,
  platform      text NOT NULL CHECK (platform IN ('fcm', 'apns')),
  token         text NOT NULL CHECK (length(token) BETWEEN 8 AND 4096),
  label         text CHECK (label IS NULL OR length(label) <= 200),
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_seen_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (user_id, platform, token),
  FOREIGN KEY (company_id, user_id) REFERENCES users (company_id, id) ON DELETE CASCADE
);

-- Helpers and guards ---------------------------------------------------------------------------------------

-- True when the caller is a member of channel `ch` (reads only the caller's own membership rows).
CREATE FUNCTION app.is_channel_member(ch uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM chat_channel_members m WHERE m.channel_id = ch AND m.user_id = app.user_id())
$$;

-- Keep chat_channels.member_ids equal to the membership; the caller must be allowed to update the channel.
CREATE FUNCTION app.sync_channel_member_ids() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  n integer;
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE chat_channels SET member_ids = array_append(array_remove(member_ids, NEW.user_id), NEW.user_id)
     WHERE id = NEW.channel_id;
  ELSE
    UPDATE chat_channels SET member_ids = array_remove(member_ids, OLD.user_id) WHERE id = OLD.channel_id;
  END IF;
  GET DIAGNOSTICS n = ROW_COUNT;
  -- A delete may find its channel gone already (cascades); an insert must have updated the mirror.
  IF n = 0 AND TG_OP = 'INSERT' THEN
    RAISE EXCEPTION 'may not change the members of this channel' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER chat_channel_members_sync AFTER INSERT OR DELETE ON chat_channel_members
  FOR EACH ROW EXECUTE FUNCTION app.sync_channel_member_ids();

-- member_ids changes only through the trigger above (trigger depth 2); only admins and the creator change the
-- name, topic or archive state; nobody changes the rest.
CREATE FUNCTION app.guard_channel_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.company_id, NEW.kind, NEW.dm_key, NEW.created_by, NEW.created_at)
       IS DISTINCT FROM (OLD.company_id, OLD.kind, OLD.dm_key, OLD.created_by, OLD.created_at)
     OR (NEW.member_ids IS DISTINCT FROM OLD.member_ids AND pg_trigger_depth() < 2)
     OR ((NEW.name, NEW.topic, NEW.archived_at) IS DISTINCT FROM (OLD.name, OLD.topic, OLD.archived_at)
         AND NOT (app.is_admin() OR OLD.created_by = app.user_id())) THEN
    RAISE EXCEPTION 'only an admin or the creator may change this channel' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER chat_channels_guard BEFORE UPDATE ON chat_channels
  FOR EACH ROW EXECUTE FUNCTION app.guard_channel_update();

-- Only the author edits a message; anyone else allowed to update it (an admin) may only delete it.
CREATE FUNCTION app.guard_message_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.company_id, NEW.channel_id, NEW.author_id, NEW.created_at, NEW.client_id)
       IS DISTINCT FROM (OLD.company_id, OLD.channel_id, OLD.author_id, OLD.created_at, OLD.client_id)
     OR (NEW.body IS DISTINCT FROM OLD.body AND NEW.deleted_at IS NULL
         AND OLD.author_id IS DISTINCT FROM app.user_id()) THEN
    RAISE EXCEPTION 'only the author may edit a message' USING ERRCODE = 'insufficient_privilege';
  END IF;
  NEW.updated_at := now();
  RETURN NEW;
END $$;
CREATE TRIGGER chat_messages_guard BEFORE UPDATE ON chat_messages
  FOR EACH ROW EXECUTE FUNCTION app.guard_message_update();

-- Row Level Security ---------------------------------------------------------------------------------------

ALTER TABLE chat_channels ENABLE ROW LEVEL SECURITY;
ALTER TABLE chat_channels FORCE ROW LEVEL SECURITY;
CREATE POLICY chat_channels_select ON chat_channels FOR SELECT
  USING (company_id = app.company_id() AND (kind = 'public' OR app.user_id() = ANY (member_ids)
         OR created_by = app.user_id() OR (app.is_admin() AND kind <> 'dm') OR app.role() = 'system'));
CREATE POLICY chat_channels_insert ON chat_channels FOR INSERT
  WITH CHECK (company_id = app.company_id() AND created_by = app.user_id() AND member_ids = '{}'
              AND (kind = 'dm' OR app.role() IN ('admin', 'manager')));
-- Members update member_ids (join/leave through the trigger); the guard trigger protects everything else.
CREATE POLICY chat_channels_update ON chat_channels FOR UPDATE
  USING (company_id = app.company_id() AND (kind = 'public' OR app.user_id() = ANY (member_ids)
         OR created_by = app.user_id() OR (app.is_admin() AND kind <> 'dm')))
  WITH CHECK (company_id = app.company_id());

ALTER TABLE chat_channel_members ENABLE ROW LEVEL SECURITY;
ALTER TABLE chat_channel_members FORCE ROW LEVEL SECURITY;
CREATE POLICY chat_channel_members_select ON chat_channel_members FOR SELECT
  USING (company_id = app.company_id() AND (user_id = app.user_id() OR EXISTS (
           SELECT 1 FROM chat_channels c WHERE c.id = channel_id
              AND (app.user_id() = ANY (c.member_ids) OR c.kind = 'public' OR c.created_by = app.user_id()
                   OR app.is_admin()))));
-- Join a public channel yourself; the creator and admins add people (a DM never gets a third member).
CREATE POLICY chat_channel_members_insert ON chat_channel_members FOR INSERT
  WITH CHECK (company_id = app.company_id() AND EXISTS (
           SELECT 1 FROM chat_channels c WHERE c.id = channel_id AND c.archived_at IS NULL
              AND ((c.kind = 'public' AND user_id = app.user_id())
                   OR (c.kind <> 'dm' AND (c.created_by = app.user_id() OR app.is_admin()))
                   OR (c.kind = 'dm' AND c.created_by = app.user_id() AND cardinality(c.member_ids) < 2))));
-- Read receipts: each member moves only their own marker.
CREATE POLICY chat_channel_members_update ON chat_channel_members FOR UPDATE
  USING (company_id = app.company_id() AND user_id = app.user_id())
  WITH CHECK (company_id = app.company_id() AND user_id = app.user_id());
CREATE POLICY chat_channel_members_delete ON chat_channel_members FOR DELETE
  USING (company_id = app.company_id() AND (user_id = app.user_id() OR EXISTS (
           SELECT 1 FROM chat_channels c WHERE c.id = channel_id AND c.kind <> 'dm'
              AND (c.created_by = app.user_id() OR app.is_admin()))));

ALTER TABLE chat_messages ENABLE ROW LEVEL SECURITY;
ALTER TABLE chat_messages FORCE ROW LEVEL SECURITY;
CREATE POLICY chat_messages_select ON chat_messages FOR SELECT
  USING (company_id = app.company_id() AND app.is_channel_member(channel_id));
CREATE POLICY chat_messages_insert ON chat_messages FOR INSERT
  WITH CHECK (company_id = app.company_id() AND author_id = app.user_id() AND app.is_channel_member(channel_id));
CREATE POLICY chat_messages_update ON chat_messages FOR UPDATE
  USING (company_id = app.company_id() AND app.is_channel_member(channel_id)
         AND (author_id = app.user_id() OR app.is_admin()))
  WITH CHECK (company_id = app.company_id());

ALTER TABLE chat_attachments ENABLE ROW LEVEL SECURITY;
ALTER TABLE chat_attachments FORCE ROW LEVEL SECURITY;
CREATE POLICY chat_attachments_select ON chat_attachments FOR SELECT
  USING (company_id = app.company_id() AND (uploader_id = app.user_id() OR app.is_channel_member(channel_id)));
CREATE POLICY chat_attachments_insert ON chat_attachments FOR INSERT
  WITH CHECK (company_id = app.company_id() AND uploader_id = app.user_id() AND app.is_channel_member(channel_id));
CREATE POLICY chat_attachments_update ON chat_attachments FOR UPDATE
  USING (company_id = app.company_id() AND uploader_id = app.user_id())
  WITH CHECK (company_id = app.company_id() AND uploader_id = app.user_id());

-- Anyone acting in the company may notify a colleague (the FK keeps the recipient in the company); only the
-- recipient reads, marks or deletes. Inserts therefore never use RETURNING (the sender cannot read the row).
ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
ALTER TABLE notifications FORCE ROW LEVEL SECURITY;
CREATE POLICY notifications_select ON notifications FOR SELECT
  USING (company_id = app.company_id() AND (user_id = app.user_id() OR app.role() = 'system'));
CREATE POLICY notifications_insert ON notifications FOR INSERT WITH CHECK (company_id = app.company_id());
CREATE POLICY notifications_update ON notifications FOR UPDATE
  USING (company_id = app.company_id() AND user_id = app.user_id())
  WITH CHECK (company_id = app.company_id() AND user_id = app.user_id());
CREATE POLICY notifications_delete ON notifications FOR DELETE
  USING (company_id = app.company_id() AND user_id = app.user_id());

-- Preferences are read company-wide so notify() can honour them in the sender's transaction; only the owner
-- writes them.
ALTER TABLE notification_preferences ENABLE ROW LEVEL SECURITY;
ALTER TABLE notification_preferences FORCE ROW LEVEL SECURITY;
CREATE POLICY notification_preferences_select ON notification_preferences FOR SELECT
  USING (company_id = app.company_id());
CREATE POLICY notification_preferences_write ON notification_preferences FOR ALL
  USING (company_id = app.company_id() AND user_id = app.user_id())
  WITH CHECK (company_id = app.company_id() AND user_id = app.user_id());

-- Device tokens: the owner registers and removes them; push jobs (system) read them and drop dead ones.
ALTER TABLE device_tokens ENABLE ROW LEVEL SECURITY;
ALTER TABLE device_tokens FORCE ROW LEVEL SECURITY;
CREATE POLICY device_tokens_all ON device_tokens FOR ALL
  USING (company_id = app.company_id() AND (user_id = app.user_id() OR app.role() = 'system'))
  WITH CHECK (company_id = app.company_id() AND (user_id = app.user_id() OR app.role() = 'system'));

GRANT EXECUTE ON FUNCTION app.is_channel_member(uuid) TO workmonitor_app;
GRANT SELECT, INSERT, UPDATE ON chat_channels, chat_messages, chat_attachments TO workmonitor_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON chat_channel_members, notifications, notification_preferences,
  device_tokens TO workmonitor_app;
