"""Scheduler domain: the maintenance tasks run on a schedule, each enqueued at most once per slot.

`cron.run_due()` is what the `scheduler` function's cron target calls; `models` holds its wire shapes.
"""
