"""Wire shapes of the second factors (authenticator app, recovery codes) and the company's 2FA requirement."""

from __future__ import annotations

from typing import Annotated

from pydantic import StringConstraints

from ..schemas import Input
from ..wire import Model

Code = Annotated[str, StringConstraints(strip_whitespace=True, min_length=6, max_length=32)]


class PasswordConfirmIn(Input):
    password: Annotated[str, StringConstraints(max_length=256)]


class TotpConfirmIn(Input):
    code: Code


class TwoFactorRequiredIn(Input):
    required: bool


class TwoFactorOut(Model):
    """The signed-in person's second factors and whether their company requires one."""

    totp_enabled: bool
    email_otp_enabled: bool
    recovery_codes_left: int
    company_requires: bool


class TotpSetupOut(Model):
    """The new secret (for typing in), its otpauth:// URI and the same as a QR code image (a data: URI)."""

    secret: str
    otpauth_uri: str
    qr_svg: str


class RecoveryCodesOut(Model):
    """Single-use recovery codes: shown this once, stored only as hashes."""

    recovery_codes: list[str]


class CompanyTwoFactorOut(Model):
    required: bool
