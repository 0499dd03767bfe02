"""time: timers, time entries, reports and timesheets."""
from __future__ import annotations

from workmonitor.web import create_function

app = create_function("time")
