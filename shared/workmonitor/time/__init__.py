"""Time domain: the timer, manual entries, listings and reports with the company's rounding, settings, timesheets.

Plain functions over a connection (`entries`, `reports`, `sheets`, `settings`), time arithmetic (`timecalc`) and
the wire shapes (`models`); the `time` function's routes call them, and so may workers and reports.
"""
