"""messaging: chat channels, direct messages, messages, notifications, preferences and push devices.

Routes are thin (parse, call `workmonitor.messaging`, shape the answer); one blueprint per module.
"""

from __future__ import annotations

from workmonitor.web import create_function

from . import channels, devices, messages, notifications

app = create_function("messaging")
for module in (channels, messages, notifications, devices):
    app.register_blueprint(module.bp)
