"""Request and response models of the accounts domain (the wire shapes; see workmonitor.wire)."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from pydantic import AfterValidator, RootModel, StringConstraints

from ..schemas import Email, Input, Name, Password, Role, TimeZone, Token
from ..wire import Id, Model, Timestamp
from . import passwords

# A password being chosen (signup, reset, invitation, change) meets the policy; signing in takes any `Password`.
NewPassword = Annotated[str, StringConstraints(max_length=passwords.MAX_LENGTH), AfterValidator(passwords.checked)]
DeviceText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]

# --- requests ---------------------------------------------------------------------------------------------------


class DeviceIn(Input):
    """What a client may say about itself when it signs in: shown in the user's list of sessions."""

    device_id: DeviceText | None = None
    device_name: DeviceText | None = None


class SignupIn(DeviceIn):
    company_name: Name
    name: Name
    email: Email
    password: NewPassword
    timezone: TimeZone = "UTC"


class LoginIn(DeviceIn):
    email: Email
    password: Password
    company_id: uuid.UUID | None = None


class OtpIn(DeviceIn):
    challenge: Token
    code: Annotated[str, StringConstraints(max_length=64)]


class PairingIn(DeviceIn):
    code: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)]


class RefreshIn(Input):
    refresh_token: Token


class LogoutIn(Input):
    refresh_token: Token | None = None


class SwitchIn(DeviceIn):
    company_id: uuid.UUID


class ForgotIn(Input):
    email: Email


class ResetIn(Input):
    token: Token
    password: NewPassword


class AcceptIn(DeviceIn):
    token: Token
    name: Name
    password: Password  # an existing account's password, or a new one (checked then: invitations.accept)
    timezone: TimeZone = "UTC"


class ProfileIn(Input):
    name: Name | None = None
    timezone: TimeZone | None = None


class PasswordIn(Input):
    current_password: str
    new_password: NewPassword


class OtpSettingIn(Input):
    enabled: bool
    password: str


# --- responses --------------------------------------------------------------------------------------------------


class User(Model):
    id: Id
    company_id: Id
    email: str
    name: str
    role: Role
    timezone: str
    status: str
    otp_enabled: bool
    last_login_at: Timestamp | None
    created_at: Timestamp


class Company(Model):
    id: Id
    name: str
    timezone: str
    week_start: int
    currency: str
    settings: dict[str, Any]


class NewCompany(Company):
    created_at: Timestamp


class Membership(Model):
    """One company the person belongs to; `current` is the one the tokens are for."""

    company_id: Id
    company_name: str
    role: Role
    status: str
    current: bool


class Tokens(Model):
    access_token: str
    refresh_token: str
    token_type: str
    expires_in: int
    refresh_expires_in: int


class SignupOut(Tokens):
    company: NewCompany
    user: User


class SignedIn(Tokens):
    """Tokens for one membership; `companies` lists every company when the person belongs to several."""

    user: User
    companies: list[Membership] | None = None


class PairingCode(Model):
    """A single-use code to sign a device (the browser extension) in as the caller, shown once."""

    code: str
    expires_at: Timestamp


class OtpChallenge(Model):
    """`method`: 'email' (a code was mailed) or 'totp' (an authenticator app or a recovery code answers)."""

    otp_required: bool
    challenge: str
    expires_in: int
    method: str = "email"


class LoginOut(RootModel[SignedIn | OtpChallenge]):
    """Either tokens, or (two-step sign-in on) a challenge to answer with the emailed or authenticator code."""


class Agreement(Model):
    id: Id
    screenshots: bool
    activity: bool
    gps: bool
    status: str
    proposed_at: Timestamp
    accepted_at: Timestamp | None


class MeOut(Model):
    user: User
    company: Company
    agreement: Agreement | None


class UserOut(Model):
    user: User


class OtpSettingOut(Model):
    otp_enabled: bool


class Accepted(Model):
    status: str


class InvitationPreview(Model):
    """`has_account`: the address already signs in elsewhere, so accepting takes that account's password."""

    email: str
    name: str | None
    role: Role
    expires_at: Timestamp
    has_account: bool


class Companies(Model):
    items: list[Membership]


class Session(Model):
    """A signed-in device: `id` is the session id (the `sid` of its access tokens)."""

    id: Id
    device_id: str | None
    device_name: str | None
    user_agent: str | None
    ip: str | None
    started_at: Timestamp
    last_used_at: Timestamp
    expires_at: Timestamp
    current: bool


class Sessions(Model):
    items: list[Session]
