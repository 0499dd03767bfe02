-- The daily productivity score is the productive share of CATEGORISED time: productive / (productive +
-- unproductive) x 100. Neutral (uncategorised) time no longer counts against it, so a day spent only in neutral
-- apps has no score (NULL, shown as "—") instead of 0 %.
ALTER TABLE productivity_daily DROP COLUMN score;
ALTER TABLE productivity_daily ADD COLUMN score numeric(5, 1) GENERATED ALWAYS AS (
  CASE WHEN productive_seconds + unproductive_seconds > 0
       THEN round(100 * productive_seconds / (productive_seconds + unproductive_seconds), 1)
  END) STORED;
