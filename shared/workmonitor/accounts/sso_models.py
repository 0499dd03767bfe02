"""Wire shapes of single sign-on: the company's OpenID Connect provider and the two steps of signing in."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from ..schemas import Email, Input
from ..wire import Model, Timestamp
from .models import DeviceIn

Domain = Annotated[str, StringConstraints(strip_whitespace=True, to_lower=True, pattern=r"^[a-z0-9.-]+\.[a-z]{2,}$",
                                          max_length=253)]  # fmt: skip


class SsoConfigIn(Input):
    issuer: Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^https?://", max_length=500)]
    client_id: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]
    client_secret: Annotated[str, StringConstraints(max_length=2000)] | None = None  # None keeps the stored one
    email_domains: Annotated[list[Domain], Field(min_length=1, max_length=50)]
    jit_provisioning: bool = False
    sso_required: bool = False
    enabled: bool = True


class SsoConfig(Model):
    issuer: str
    client_id: str
    has_secret: bool
    email_domains: list[str]
    jit_provisioning: bool
    sso_required: bool
    enabled: bool
    updated_at: Timestamp


class SsoConfigOut(Model):
    config: SsoConfig | None
    redirect_uri: str


class SsoStartIn(Input):
    email: Email


class SsoStartOut(Model):
    authorization_url: str


class SsoCallbackIn(DeviceIn):
    code: Annotated[str, StringConstraints(min_length=1, max_length=2000)]
    state: Annotated[str, StringConstraints(min_length=8, max_length=200)]
