"""Request and response models of the finance domain (the wire shapes; see workmonitor.wire)."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints, model_validator

from ..schemas import Email, Input
from ..wire import ClockTime, Day, DecimalStr, Id, Model, Page, Timestamp

Currency = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]
LongText = Annotated[str, StringConstraints(max_length=5000)]
Rate = Annotated[Decimal, Field(ge=0, le=Decimal("100000000"), max_digits=18, decimal_places=4)]
Percent = Annotated[Decimal, Field(ge=0, le=100, max_digits=9, decimal_places=3)]
Minor = Annotated[int, Field(gt=0, le=10**13)]
Frequency = Literal["weekly", "biweekly", "semimonthly", "monthly"]
RunStatus = Literal["draft", "computed", "reviewed", "finalized"]
InvoiceStatus = Literal["draft", "issued", "sent", "partially_paid", "paid", "void"]

# --- requests ---------------------------------------------------------------------------------------------------


class SettingsIn(Input):
    currency: Currency | None = None
    pay_frequency: Frequency | None = None
    period_anchor: dt.date | None = None
    daily_overtime_hours: Annotated[Decimal, Field(gt=0, le=24)] | None = None
    weekly_overtime_hours: Annotated[Decimal, Field(gt=0, le=168)] | None = None
    overtime_multiplier: Annotated[Decimal, Field(ge=1, le=10)] | None = None
    weekend_premium: Annotated[Decimal, Field(ge=0, le=10)] | None = None
    holiday_premium: Annotated[Decimal, Field(ge=0, le=10)] | None = None
    night_premium: Annotated[Decimal, Field(ge=0, le=10)] | None = None
    night_start: dt.time | None = None
    night_end: dt.time | None = None
    leave_hours_per_day: Annotated[Decimal, Field(gt=0, le=24)] | None = None
    default_hourly_rate: Rate | None = None
    invoice_format: Annotated[str, StringConstraints(pattern=r"^[^\n]{0,40}\{seq(:0?\d)?\}[^\n]{0,20}$")] | None = None
    credit_note_format: Annotated[str, StringConstraints(pattern=r"^[^\n]{0,40}\{seq(:0?\d)?\}[^\n]{0,20}$")] | None = (
        None
    )
    payment_terms_days: Annotated[int, Field(ge=0, le=365)] | None = None
    default_tax_rate: Percent | None = None
    legal_name: Annotated[str, StringConstraints(max_length=200)] | None = None
    address: Annotated[str, StringConstraints(max_length=1000)] | None = None
    tax_id: Annotated[str, StringConstraints(max_length=100)] | None = None
    payment_details: Annotated[str, StringConstraints(max_length=1000)] | None = None

    @model_validator(mode="after")
    def _night_window(self):
        for t in (self.night_start, self.night_end):
            if t is not None and t.tzinfo is not None:
                raise ValueError("night_start and night_end are local wall-clock times without an offset")
        if self.night_start is not None and self.night_start == self.night_end:
            raise ValueError("night_end must differ from night_start")
        return self


class HolidayIn(Input):
    day: dt.date
    name: Text


class RateIn(Input):
    user_id: uuid.UUID
    kind: Literal["hourly", "salaried"]
    amount: Rate
    effective_from: dt.date


class RunIn(Input):
    date: dt.date


class AdjustmentIn(Input):
    user_id: uuid.UUID
    amount_minor: Annotated[int, Field(ge=-(10**12), le=10**12)]
    description: Text


class DecisionIn(Input):
    action: Literal["approved", "rejected"]
    reason: Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)] | None = None


class CategoryIn(Input):
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]


class ExpenseIn(Input):
    """The fields of an expense (sent as multipart form fields with an optional `receipt` file, or JSON)."""

    spent_on: dt.date
    amount_minor: Minor
    currency: Currency
    category_id: uuid.UUID
    project_id: uuid.UUID | None = None
    billable: bool = False
    reimbursable: bool = True
    note: Annotated[str, StringConstraints(max_length=2000)] | None = None


class ClientBillingIn(Input):
    billing_email: Email | None = None
    address: Annotated[str, StringConstraints(max_length=1000)] | None = None
    tax_id: Annotated[str, StringConstraints(max_length=100)] | None = None
    hourly_rate: Rate | None = None
    currency: Currency | None = None


class TaskRateIn(Input):
    hourly_rate: Rate


class LineIn(Input):
    description: Text
    quantity: Annotated[Decimal, Field(gt=0, le=1000000, max_digits=14, decimal_places=4)]
    unit_price: Annotated[Decimal, Field(ge=0, le=100000000, max_digits=18, decimal_places=4)]
    tax_rate: Percent | None = None


class InvoiceIn(Input):
    client_id: uuid.UUID
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    grouping: Literal["project", "task", "person", "entry"] = "project"
    tax_rate: Percent | None = None
    reverse_charge: bool = False
    discount_percent: Percent | None = None
    terms_days: Annotated[int, Field(ge=0, le=365)] | None = None
    notes: LongText | None = None
    lines: Annotated[list[LineIn], Field(max_length=200)] = []


class SendIn(Input):
    to: Email | None = None


class PaymentIn(Input):
    amount_minor: Minor
    currency: Currency
    method: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=50)]
    reference: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
    paid_at: dt.datetime | None = None


class CreditNoteIn(Input):
    lines: Annotated[list[LineIn], Field(max_length=200)] = []


class ContractIn(Input):
    user_id: uuid.UUID
    title: Text
    kind: Literal["milestone", "hourly"]
    hourly_rate: Rate | None = None
    weekly_cap_hours: Annotated[Decimal, Field(gt=0, le=168)] | None = None
    currency: Currency


class MilestoneIn(Input):
    title: Text
    amount_minor: Minor


class EscrowIn(Input):
    amount_minor: Minor | None = None


class ReleaseIn(EscrowIn):
    method: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=50)] = "manual"
    reference: Annotated[str, StringConstraints(max_length=200)] | None = None


class HourlyPayoutIn(Input):
    week_start: dt.date
    method: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=50)] = "manual"
    reference: Annotated[str, StringConstraints(max_length=200)] | None = None


class ConnectAccountIn(Input):
    """The contractor's Stripe connected account (acct_…) that released milestones are transferred to; null clears."""

    account_id: Annotated[str, StringConstraints(strip_whitespace=True, max_length=255)] | None


class PayoutStateIn(Input):
    state: Literal["paid", "failed"]
    reference: Annotated[str, StringConstraints(max_length=200)] | None = None


# --- responses --------------------------------------------------------------------------------------------------


class FinanceSettings(Model):
    currency: str
    pay_frequency: Frequency
    period_anchor: Day
    daily_overtime_hours: DecimalStr | None
    weekly_overtime_hours: DecimalStr | None
    overtime_multiplier: DecimalStr
    weekend_premium: DecimalStr
    holiday_premium: DecimalStr
    night_premium: DecimalStr
    night_start: ClockTime
    night_end: ClockTime
    leave_hours_per_day: DecimalStr
    default_hourly_rate: DecimalStr | None
    invoice_format: str
    credit_note_format: str
    payment_terms_days: int
    default_tax_rate: DecimalStr
    legal_name: str | None
    address: str | None
    tax_id: str | None
    payment_details: str | None
    company_name: str
    timezone: str
    week_start: int


class SettingsOut(Model):
    settings: FinanceSettings


class Holiday(Model):
    day: Day
    name: str


class HolidaysOut(Model):
    items: list[Holiday]


class HolidayOut(Model):
    holiday: Holiday


class WageRate(Model):
    id: Id
    user_id: Id
    kind: Literal["hourly", "salaried"]
    amount: DecimalStr
    currency: str
    effective_from: Day
    created_at: Timestamp


class RatesOut(Model):
    items: list[WageRate]


class RateOut(Model):
    rate: WageRate


class Run(Model):
    id: Id
    period_start: Day
    period_end: Day
    frequency: Frequency
    timezone: str
    currency: str
    status: RunStatus
    total_minor: int
    created_by: Id | None
    computed_at: Timestamp | None
    reviewed_by: Id | None
    reviewed_at: Timestamp | None
    finalized_by: Id | None
    finalized_at: Timestamp | None
    created_at: Timestamp


class RunOut(Model):
    run: Run


class PayLine(Model):
    id: Id
    run_id: Id
    user_id: Id
    position: int
    kind: str
    description: str
    seconds: int
    rate: DecimalStr | None
    multiplier: DecimalStr | None
    amount_minor: int
    currency: str
    manual: bool


class LinesOut(Model):
    items: list[PayLine]


class EmployeeTotal(Model):
    user_id: Id
    name: str
    email: str
    lines: int
    gross_minor: int
    reimbursed_minor: int
    total_minor: int
    seconds: int


class KindTotal(Model):
    kind: str
    amount_minor: int
    seconds: int


class SummaryOut(Model):
    run: Run
    employees: list[EmployeeTotal]
    kinds: list[KindTotal]


class Payslip(Model):
    id: Id
    run_id: Id
    user_id: Id
    user_name: str
    period_start: Day
    period_end: Day
    gross_minor: int
    reimbursed_minor: int
    total_minor: int
    currency: str
    pdf_ready: bool
    created_at: Timestamp


class UrlOut(Model):
    url: str
    expires_in: int


class Category(Model):
    id: Id
    name: str
    archived: bool


class CategoriesOut(Model):
    items: list[Category]


class CategoryOut(Model):
    category: Category


class Expense(Model):
    id: Id
    user_id: Id
    user_name: str
    spent_on: Day
    amount_minor: int
    currency: str
    category_id: Id
    category: str
    project_id: Id | None
    billable: bool
    reimbursable: bool
    note: str | None
    has_receipt: bool
    status: Literal["submitted", "approved", "rejected"]
    decided_by: Id | None
    decided_at: Timestamp | None
    reason: str | None
    created_at: Timestamp
    updated_at: Timestamp


class ExpenseOut(Model):
    expense: Expense


class ClientBilling(Model):
    client_id: Id
    name: str
    billing_email: str | None
    address: str | None
    tax_id: str | None
    hourly_rate: DecimalStr | None
    currency: str | None


class ClientBillingOut(Model):
    billing: ClientBilling


class TaskRate(Model):
    task_id: Id
    hourly_rate: DecimalStr


class TaskRateOut(Model):
    rate: TaskRate


class Invoice(Model):
    id: Id
    kind: Literal["invoice", "credit_note"]
    client_id: Id
    credits_invoice_id: Id | None
    number: str | None
    status: InvoiceStatus
    currency: str
    period_start: Day | None
    period_end: Day | None
    grouping: str
    issue_date: Day | None
    due_date: Day | None
    terms_days: int
    reverse_charge: bool
    notes: str | None
    subtotal_minor: int
    tax_minor: int
    total_minor: int
    paid_minor: int
    bill_to: dict[str, Any]
    pdf_ready: bool
    sent_at: Timestamp | None
    created_at: Timestamp
    updated_at: Timestamp
    overdue: bool


class InvoiceLine(Model):
    id: Id
    position: int
    kind: Literal["time", "expense", "manual", "discount", "tax"]
    description: str
    quantity: DecimalStr
    unit_price: DecimalStr
    tax_rate: DecimalStr
    amount_minor: int
    project_id: Id | None
    task_id: Id | None
    user_id: Id | None


class Payment(Model):
    id: Id
    amount_minor: int
    currency: str
    method: str
    reference: str
    paid_at: Timestamp
    created_at: Timestamp


class InvoiceOut(Model):
    invoice: Invoice
    lines: list[InvoiceLine]
    payments: list[Payment]


class PaymentOut(Model):
    payment: Payment
    invoice: Invoice
    created: bool


class Contract(Model):
    id: Id
    user_id: Id
    title: str
    kind: Literal["milestone", "hourly"]
    hourly_rate: DecimalStr | None
    weekly_cap_hours: DecimalStr | None
    currency: str
    status: Literal["active", "closed"]
    stripe_account_id: str | None
    created_at: Timestamp


class Milestone(Model):
    id: Id
    contract_id: Id
    user_id: Id
    title: str
    amount_minor: int
    funded_minor: int
    released_minor: int
    refunded_minor: int
    status: Literal["pending", "funded", "released", "refunded", "partially_released"]
    created_at: Timestamp


class PayoutRow(Model):
    id: Id
    user_id: Id
    contract_id: Id | None
    milestone_id: Id | None
    amount_minor: int
    currency: str
    method: str
    reference: str | None
    state: Literal["pending", "paid", "failed", "reversed"]
    stripe_transfer_id: str | None
    reversed_minor: int
    created_at: Timestamp
    updated_at: Timestamp


class TrailEvent(Model):
    id: int
    contract_id: Id | None
    milestone_id: Id | None
    payout_id: Id | None
    action: str
    amount_minor: int | None
    actor_id: Id | None
    created_at: Timestamp


class ContractOut(Model):
    contract: Contract
    milestones: list[Milestone]
    trail: list[TrailEvent]


class MilestoneOut(Model):
    milestone: Milestone


class ReleaseOut(Model):
    milestone: Milestone
    payout: PayoutRow


class PayoutOut(Model):
    payout: PayoutRow


class RunPage(Page[Run]):
    """Payroll runs, newest period first."""


class PayslipPage(Page[Payslip]):
    """Payslips, newest period first."""


class ExpensePage(Page[Expense]):
    """Expenses, newest first."""


class InvoicePage(Page[Invoice]):
    """Invoices and credit notes, newest first."""


class ContractPage(Page[Contract]):
    """Contracts, newest first."""


class PayoutPage(Page[PayoutRow]):
    """Payouts, newest first."""
