-- Night premium: a company's local night window and its premium (workmonitor.finance.paycalc).
--
-- What must stay true:
-- - Off by default (night_premium = 0): no payroll line changes for a company that never set it.
-- - The window is local wall-clock time in the company's time zone; night_end <= night_start means the window
--   crosses midnight (22:00-06:00). An empty window (start = end) is refused.
-- - The premium is an extra fraction of the base rate, like the weekend and holiday premiums, and stacks with them.

ALTER TABLE finance_settings
  ADD COLUMN night_premium numeric(5, 3) NOT NULL DEFAULT 0 CHECK (night_premium >= 0),
  ADD COLUMN night_start   time NOT NULL DEFAULT TIME '22:00',
  ADD COLUMN night_end     time NOT NULL DEFAULT TIME '06:00',
  ADD CONSTRAINT finance_settings_night_window CHECK (night_start <> night_end);

ALTER TABLE payroll_lines DROP CONSTRAINT payroll_lines_kind_check;
ALTER TABLE payroll_lines ADD CONSTRAINT payroll_lines_kind_check
  CHECK (kind IN ('regular', 'overtime', 'weekend_premium', 'holiday_premium', 'night_premium', 'salary', 'leave',
                  'reimbursement', 'adjustment'));
