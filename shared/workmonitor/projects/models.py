"""Request and response models of the projects domain (the wire shapes; see workmonitor.wire)."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from ..schemas import Email, Input, Name
from ..wire import Day, DecimalStr, Id, Model, Page, Timestamp

Color = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$", to_lower=True)]
Currency = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
Rate = Annotated[int, Field(ge=0, le=100_000_000)]
Notes = Annotated[str, StringConstraints(max_length=5000)]
TaskStatus = Literal["todo", "in_progress", "done"]

# --- requests ---------------------------------------------------------------------------------------------------


class ClientIn(Input):
    name: Name
    email: Email | None = None
    notes: Notes | None = None


class ClientPatch(Input):
    name: Name | None = None
    email: Email | None = None
    notes: Notes | None = None
    archived: bool | None = None


class ProjectPatch(Input):
    name: Name | None = None
    client_id: uuid.UUID | None = None
    color: Color | None = None
    billable: bool | None = None
    hourly_rate: Rate | None = None
    currency: Currency | None = None
    budget_hours: Annotated[Decimal, Field(gt=0, lt=100_000_000, decimal_places=2)] | None = None
    budget_amount: Annotated[int, Field(gt=0, le=10**15)] | None = None
    archived: bool | None = None


class ProjectIn(ProjectPatch):
    name: Name
    member_ids: list[uuid.UUID] = Field(default_factory=list, max_length=1000)


class MemberIn(Input):
    user_id: uuid.UUID
    hourly_rate: Rate | None = None


class TaskPatch(Input):
    name: Name | None = None
    description: Notes | None = None
    status: TaskStatus | None = None
    due_date: date | None = None
    estimate_minutes: Annotated[int, Field(gt=0, le=1_000_000)] | None = None
    assignee_ids: list[uuid.UUID] | None = Field(default=None, max_length=200)


class TaskIn(TaskPatch):
    name: Name
    status: TaskStatus = "todo"


class StatusIn(Input):
    status: TaskStatus


# --- responses --------------------------------------------------------------------------------------------------


class Client(Model):
    id: Id
    name: str
    email: str | None
    notes: str | None
    archived: bool
    created_at: Timestamp
    updated_at: Timestamp


class ClientOut(Model):
    client: Client


class Project(Model):
    """A project; `hourly_rate` and `budget_amount` are null for employees (planners' business)."""

    id: Id
    client_id: Id | None
    client_name: str | None
    name: str
    color: str
    billable: bool
    hourly_rate: int | None
    currency: str
    budget_hours: DecimalStr | None
    budget_amount: int | None
    archived: bool
    created_by: Id | None
    created_at: Timestamp
    updated_at: Timestamp


class Budget(Model):
    """Budget consumption: raw hours and money of every entry, running ones up to now."""

    budget_hours: DecimalStr | None
    budget_amount: int | None
    currency: str
    used_seconds: int
    used_hours: float
    billable_seconds: int
    used_amount: int
    hours_percent: float | None
    amount_percent: float | None


class ProjectOut(Model):
    project: Project
    budget: Budget | None


class BudgetOut(Model):
    budget: Budget


class Member(Model):
    user_id: Id
    name: str
    email: str
    hourly_rate: int | None
    created_at: Timestamp


class Members(Model):
    items: list[Member]


class Task(Model):
    id: Id
    project_id: Id
    name: str
    description: str | None
    status: TaskStatus
    due_date: Day | None
    estimate_minutes: int | None
    created_by: Id | None
    created_at: Timestamp
    updated_at: Timestamp
    assignee_ids: list[Id]


class TaskOut(Model):
    task: Task


ClientPage = Page[Client]
ProjectPage = Page[Project]
TaskPage = Page[Task]
