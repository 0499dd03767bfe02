-- A running timer lasts until now, not forever (issue 14, item 5).
--
-- What must stay true:
-- - Two finished entries of one user never overlap, and nothing starts inside another entry: the exclusion
--   constraint below. A running entry takes part as the instant it started ([started_at, started_at]), so an
--   entry planned later the same day no longer blocks Start, nor does a running timer block adding one after
--   the present.
-- - That a finished entry may not overlap the part of a running timer that has already passed is checked by
--   the application under the user's advisory lock (workmonitor.time.rules.OVERLAPS treats a running entry as
--   ending now); an index cannot use now(). Stopping a timer ends it where the user's next entry begins when one
--   lies before the stop (workmonitor.time.entries.stop_timer), so the stop never collides.

ALTER TABLE time_entries DROP CONSTRAINT time_entries_no_overlap;
ALTER TABLE time_entries ADD CONSTRAINT time_entries_no_overlap EXCLUDE USING gist (
  user_id WITH =,
  (CASE WHEN ended_at IS NULL THEN tstzrange(started_at, started_at, '[]')
        ELSE tstzrange(started_at, ended_at, '[)') END) WITH &&
);
