"""attendance: clock in/out, breaks, shifts with late/early/absent flags, leave, GPS points and geofences.

Routes are thin (parse, call `workmonitor.attendance`, shape the answer); one blueprint per module:
settings (grace minutes, geofence policy), clock (clock in/out, breaks, records, days), shifts, leave, gps.
"""

from __future__ import annotations

from workmonitor.web import create_function

from . import clock, gps, leave, settings, shifts

app = create_function("attendance")
for module in (settings, clock, shifts, leave, gps):
    app.register_blueprint(module.bp)
