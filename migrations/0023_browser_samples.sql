-- Browser extension samples (issue 19): each raw sample says which client measured it. The extension sends
-- source = 'browser' with a domain (and, when the company allows it, the URL and tab title); the desktop agent
-- and older clients send nothing and stay 'desktop'.
--
-- What must stay true: what the company allows decides what is stored, whatever a client sends: with the
-- companies.settings key browser_capture absent or 'domain' (the default) the ingest stores a browser sample's
-- domain only (url and title empty), see workmonitor.activity.capture.
ALTER TABLE activity_samples ADD COLUMN source text NOT NULL DEFAULT 'desktop'
  CONSTRAINT activity_samples_source_check CHECK (source IN ('desktop', 'browser'));

-- Device pairing (issue 19): a signed-in person asks the web app for a short single-use code and types it into
-- the browser extension, so no password is typed there. It is an auth_tokens row of its own kind, found by its
-- hash through the existing SECURITY DEFINER lookup (app.auth_token_lookup), like a password reset link.
ALTER TABLE auth_tokens DROP CONSTRAINT auth_tokens_kind_check;
ALTER TABLE auth_tokens ADD CONSTRAINT auth_tokens_kind_check
  CHECK (kind IN ('password_reset', 'login_otp', 'device_pairing'));
