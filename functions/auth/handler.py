"""auth: signup, login (company chosen, optional email code), switching company, refresh rotation, sessions per
device, logout, me, password reset, invitations, device pairing codes.

Routes are thin (parse, call `workmonitor.accounts`, shape the answer); one blueprint per module.
"""

from __future__ import annotations

from workmonitor.web import create_function

from . import account, devices, pairing, recovery, signin, sso, twofactor

app = create_function("auth")
for module in (signin, devices, account, recovery, twofactor, sso, pairing):
    app.register_blueprint(module.bp)
