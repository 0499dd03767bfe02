-- Two-step sign-in with an authenticator app (TOTP, RFC 6238) and recovery codes; a company may require it.
--
-- What must stay true:
-- - The TOTP secret and the recovery codes belong to the person (like the password): only that person reads or
--   writes them (app.person_id()), never a colleague or an admin. The secret is stored encrypted, the recovery
--   codes only as keyed hashes; each recovery code works once.
-- - `last_step` is the newest accepted time step: a code is never accepted twice (no replay within its window).
-- - companies.require_2fa: a member without an authenticator gets an emailed code at every sign-in.

CREATE TABLE person_totp (
  person_id     uuid PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
  secret_enc    text NOT NULL,
  confirmed_at  timestamptz,           -- NULL while set up but not yet confirmed with a code
  last_step     bigint NOT NULL DEFAULT 0,
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE recovery_codes (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id   uuid NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  code_hash   text NOT NULL,
  used_at     timestamptz,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX recovery_codes_person_idx ON recovery_codes (person_id) WHERE used_at IS NULL;

ALTER TABLE person_totp ENABLE ROW LEVEL SECURITY;
ALTER TABLE person_totp FORCE ROW LEVEL SECURITY;
CREATE POLICY person_totp_own ON person_totp FOR ALL
  USING (person_id = app.person_id()) WITH CHECK (person_id = app.person_id());

ALTER TABLE recovery_codes ENABLE ROW LEVEL SECURITY;
ALTER TABLE recovery_codes FORCE ROW LEVEL SECURITY;
CREATE POLICY recovery_codes_own ON recovery_codes FOR ALL
  USING (person_id = app.person_id()) WITH CHECK (person_id = app.person_id());

GRANT SELECT, INSERT, UPDATE, DELETE ON person_totp, recovery_codes TO workmonitor_app;

ALTER TABLE companies ADD COLUMN require_2fa boolean NOT NULL DEFAULT false;

-- A sign-in challenge answered with an authenticator (or recovery) code instead of an emailed one.
ALTER TABLE auth_tokens DROP CONSTRAINT auth_tokens_kind_check;
ALTER TABLE auth_tokens ADD CONSTRAINT auth_tokens_kind_check
  CHECK (kind IN ('password_reset', 'login_otp', 'device_pairing', 'login_totp'));
