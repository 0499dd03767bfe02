"""Request and response models of the team domain (the wire shapes; see workmonitor.wire)."""

from __future__ import annotations

import uuid
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field

from ..schemas import Email, Input, Name, Role, TimeZone
from ..wire import Id, Model, Page, Timestamp

RoleName = Literal["admin", "manager", "employee"]
AgreementStatus = Literal["proposed", "accepted", "declined", "revoked", "superseded"]

# --- requests ---------------------------------------------------------------------------------------------------


class InviteIn(Input):
    email: Email
    role: Role = "employee"
    name: Name | None = None


class UserPatch(Input):
    name: Name | None = None
    timezone: TimeZone | None = None
    role: Role | None = None


class AssignmentIn(Input):
    manager_id: uuid.UUID
    employee_id: uuid.UUID


class TeamIn(Input):
    """The whole set of employees a manager is to have (PUT replaces it; [] removes every one)."""

    employee_ids: list[uuid.UUID] = Field(max_length=1000)


class AgreementIn(Input):
    screenshots: bool = False
    activity: bool = False
    gps: bool = False
    terms: str | None = None


class AssignmentQuery(BaseModel):
    """GET /assignments query (declared for the OpenAPI document; the route parses it). `team` is a synonym of
    `manager_id`: the activity reports call the same filter `team`."""

    manager_id: uuid.UUID | None = Field(default=None, description="only this manager's assignments")
    team: uuid.UUID | None = Field(default=None, description="synonym of manager_id (the activity reports' name)")
    limit: int = 50
    offset: int = 0


class AuditQuery(BaseModel):
    """GET /audit query (declared for the OpenAPI document; the route parses it)."""

    action: str | None = Field(default=None, description='one action, or a prefix ending in "." (team.)')
    actor_id: uuid.UUID | None = Field(default=None, description="only this person's actions")
    since: str | None = Field(default=None, description="RFC 3339 instant: rows at or after it")
    until: str | None = Field(default=None, description="RFC 3339 instant: rows before it")
    limit: int = 50
    offset: int = 0


class CompanyPatch(Input):
    name: Name | None = None
    timezone: TimeZone | None = None
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")] | None = None
    week_start: Annotated[int, Field(ge=1, le=7)] | None = None


# --- responses --------------------------------------------------------------------------------------------------


class User(Model):
    """A person of the company as the directory shows them (never the password hash)."""

    id: Id
    company_id: Id
    email: str
    name: str
    role: RoleName
    timezone: str
    status: Literal["active", "deactivated"]
    otp_enabled: bool
    last_login_at: Timestamp | None
    created_at: Timestamp


class UserOut(Model):
    user: User


class UserDetail(Model):
    user: User
    manager_ids: list[Id]


class NewInvitation(Model):
    id: Id
    email: str
    name: str | None
    role: RoleName
    expires_at: Timestamp
    created_at: Timestamp


class InvitationOut(Model):
    invitation: NewInvitation


class Invitation(NewInvitation):
    accepted_at: Timestamp | None
    revoked_at: Timestamp | None


class Assignment(Model):
    manager_id: Id
    employee_id: Id
    created_at: Timestamp


class AssignmentOut(Model):
    assignment: Assignment


class TeamOut(Model):
    """A manager's employees after a bulk change, and what the change added and removed."""

    manager_id: Id
    employee_ids: list[Id]
    added: list[Id]
    removed: list[Id]


class Agreement(Model):
    id: Id
    user_id: Id
    screenshots: bool
    activity: bool
    gps: bool
    terms: str | None
    status: AgreementStatus
    proposed_by: Id | None
    proposed_at: Timestamp
    accepted_at: Timestamp | None
    revoked_by: Id | None
    revoked_at: Timestamp | None


class AgreementOut(Model):
    agreement: Agreement


class Agreements(Model):
    items: list[Agreement]


class AuditRow(Model):
    id: int
    actor_id: Id | None
    actor_name: str | None
    action: str
    target_type: str | None
    target_id: str | None
    ip: str | None
    request_id: str | None
    details: dict[str, Any]
    created_at: Timestamp


class AuditActions(Model):
    actions: list[str]


class Company(Model):
    id: Id
    name: str
    timezone: str
    week_start: int
    currency: str
    created_at: Timestamp


class CompanyOut(Model):
    company: Company


UserPage = Page[User]
InvitationPage = Page[Invitation]
AssignmentPage = Page[Assignment]
AuditPage = Page[AuditRow]
