"""Attendance domain: clock in/out and breaks (`clock`), planned shifts and their flags (`shifts`), leave types,
requests and balances (`leave`), GPS points and geofences (`gps`, geometry in `geo`), company settings and
local-day arithmetic (`common`), and the shapes they take and give (`models`).

Plain functions over a connection; the `attendance` function's routes call them, and so may workers and reports.
"""
