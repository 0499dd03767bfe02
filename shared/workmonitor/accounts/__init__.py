"""Accounts domain: people and their company memberships, sign-in, sessions per device, single-use tokens and
invitations seen from the invitee.

Plain functions over a connection (`users`, `sessions`, `tokens`, `invitations`) and the wire shapes they take
and give (`models`); the `auth` function's routes call them, and so do team (directory, role changes,
deactivation) and attendance. The few names other domains use are re-exported here.
"""

from .invitations import invite_link
from .users import USER_COLUMNS, now, user_by_id

__all__ = ["USER_COLUMNS", "invite_link", "now", "user_by_id"]
